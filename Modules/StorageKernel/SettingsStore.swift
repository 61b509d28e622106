import Core
import Foundation
import GRDB

extension AppDatabase {
    /// The settings in force (stored overrides over DOMAIN.md's defaults).
    public func settings() throws -> DealerSettings {
        try writer.read { db in try Self.settings(db) }
    }

    package static func settings(_ db: Database) throws -> DealerSettings {
        var stored: [String: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM setting")) {
            stored[row["key"]] = row["value"]
        }
        return DealerSettings(stored: stored)
    }

    /// Stores a setting after checking its value; audited. Throws `Conflict` for a value the setting does not take:
    /// the value is judged by the setting it is put into, as RFC 9110 has a PUT the target cannot take answer 409.
    /// (Storage's `setSetting(_:to:actor:)` takes the key and finds the setting in the catalogue.)
    @discardableResult
    public func setSetting(_ setting: Setting, to value: String, actor: String) throws -> DealerSettings {
        let key = setting.rawValue
        let normalized: String
        do { normalized = try setting.validate(value) } catch let error as InvalidInput {
            throw Conflict(field: error.field, error.phrase)
        }
        return try writer.write { db in
            let before = try Self.settings(db).text(setting)
            let now = clock.now()
            try db.execute(
                sql: """
                    INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, \
                    updated_by = excluded.updated_by
                    """, arguments: [key, normalized, now, actor])
            if before != normalized {
                try Audit.record(
                    db, at: now, actor: actor, entity: "setting", id: key, action: "set",
                    before: ["value": before], after: ["value": normalized])
            }
            return try Self.settings(db)
        }
    }
}

extension AppDatabase {
    /// The values stored for `settings` in the database at `path`, read without opening it for work (no migration,
    /// no lock held): what a binary needs before it starts, such as the language it speaks. Empty when the file is
    /// missing or unreadable; the command itself then says why.
    public static func peek(_ settings: [Setting], path: String) -> [Setting: String] {
        guard FileManager.default.fileExists(atPath: path) else { return [:] }
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return [:] }
        let marks = settings.map { _ in "?" }.joined(separator: ",")
        let rows =
            (try? queue.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT key, value FROM setting WHERE key IN (\(marks))",
                    arguments: StatementArguments(settings.map(\.rawValue)))
            }) ?? []
        var values: [Setting: String] = [:]
        for row in rows {
            if let setting = settings.first(where: { $0.rawValue == row["key"] as String }) {
                values[setting] = row["value"]
            }
        }
        return values
    }
}
