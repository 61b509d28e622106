import Foundation
import GRDB
import Core

extension AppDatabase {
    /// The settings in force (stored overrides over DOMAIN.md's defaults).
    public func settings() throws -> DealerSettings {
        try writer.read { db in try Self.settings(db) }
    }

    package static func settings(_ db: Database) throws -> DealerSettings {
        var overrides: [Setting: String] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT key, value FROM setting")) {
            if let setting = Setting(rawValue: row["key"]) { overrides[setting] = row["value"] }
        }
        return DealerSettings(overrides: overrides)
    }

    /// Stores a setting after checking its value; audited. Throws `InvalidInput` for an unknown key or bad value.
    @discardableResult
    public func setSetting(_ key: String, to value: String, actor: String) throws -> DealerSettings {
        if key == "calendar.business-hours" {
            // Rule T-3: the old single setting became the store's opening hours per weekday.
            throw InvalidInput(field: "key", "calendar.business-hours is now the store's opening hours per weekday "
                               + "(T-3): `aftersales calendar hours set monday friday --hours 09:00-18:00`")
        }
        guard let setting = Setting(rawValue: key) else {
            throw InvalidInput(field: "key", "unknown setting \"\(key)\"; `aftersales settings show` lists them")
        }
        let normalized = try setting.validate(value)
        return try writer.write { db in
            let before = try Self.settings(db).text(setting)
            let now = clock.now()
            try db.execute(sql: """
                INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [key, normalized, now, actor])
            if before != normalized {
                try Audit.record(db, at: now, actor: actor, entity: "setting", id: key, action: "set",
                                 before: ["value": before], after: ["value": normalized])
            }
            return try Self.settings(db)
        }
    }
}
