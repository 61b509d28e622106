import Core
import Foundation
import GRDB
import Synchronization

/// One field's value before and after a change (nil: absent).
public struct FieldChange: Codable, Sendable, Equatable {
    public let before: String?
    public let after: String?

    package init(before: String?, after: String?) {
        self.before = before
        self.after = after
    }
}

/// An entry of the audit log: who changed which record, when, how, and the fields before and after.
public struct AuditEntry: Codable, Sendable, Equatable {
    public let id: Int64
    public let at: Date
    public let actor: String
    public let entity: String
    public let entityID: String
    public let action: String
    public let changes: [String: FieldChange]
}

/// A record's fields as text, as the audit log shows them.
package protocol Audited {
    var auditFields: [String: String?] { get }
}

/// Writes the audit log. Every use case that changes a business record calls `record` inside its own
/// transaction, so the change and its audit entry are committed (or rolled back) together.
package enum Audit {
    package static func record(
        _ db: Database, at: Date, actor: String, entity: String, id: String, action: String,
        before: [String: String?]? = nil, after: [String: String?]? = nil
    ) throws {
        try record(
            db, at: at, actor: actor, entity: entity, id: id, action: action,
            changes: diff(before: before, after: after))
    }

    package static func record(
        _ db: Database, at: Date, actor: String, entity: String, id: String, action: String,
        changes: [String: FieldChange]
    ) throws {
        try db.cachedStatement(
            sql: "INSERT INTO audit_log (at, actor, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?)"
        )
        .execute(arguments: [databaseValue(at), actor, entity, id, action, json(changes)])
    }

    /// The changes as JSON, byte for byte as `JSONEncoder` with sorted keys and unescaped slashes writes them
    /// (a test compares the two): an import records an entry per item, and the encoder cost more than the insert.
    package static func json(_ changes: [String: FieldChange]) -> String {
        var out = "{"
        for (index, (key, change)) in changes.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
            .enumerated()
        {
            if index > 0 { out += "," }
            appendJSONString(key, to: &out)
            out += ":{"
            if let after = change.after {
                out += "\"after\":"
                appendJSONString(after, to: &out)
            }
            if let before = change.before {
                if change.after != nil { out += "," }
                out += "\"before\":"
                appendJSONString(before, to: &out)
            }
            out += "}"
        }
        return out + "}"
    }

    private static func appendJSONString(_ text: String, to out: inout String) {
        out += "\""
        var plain = text.utf8.startIndex
        func flush(upTo end: String.UTF8View.Index) { out += Substring(text.utf8[plain..<end]) }
        var index = plain
        while index < text.utf8.endIndex {
            let byte = text.utf8[index]
            let escaped: String? =
                switch byte {
                case 0x22: "\\\""
                case 0x5C: "\\\\"
                case 0x0A: "\\n"
                case 0x0D: "\\r"
                case 0x09: "\\t"
                case 0x08: "\\b"
                case 0x0C: "\\f"
                case ..<0x20: "\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
                default: nil
                }
            if let escaped {
                flush(upTo: index)
                out += escaped
                plain = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        flush(upTo: index)
        out += "\""
    }

    /// The last date recorded and its database text: a batch records every entry at its one `now`, and GRDB
    /// formats a Date with a DateFormatter each time.
    private static let lastDate = Mutex<(date: Date, value: DatabaseValue)?>(nil)

    package static func databaseValue(_ date: Date) -> DatabaseValue {
        if let value = lastDate.withLock({ $0?.date == date ? $0?.value : nil }) { return value }
        let value = date.databaseValue
        lastDate.withLock { $0 = (date, value) }
        return value
    }

    /// The fields whose value differs between two snapshots.
    package static func diff(before: [String: String?]?, after: [String: String?]?) -> [String: FieldChange] {
        var changes: [String: FieldChange] = [:]
        let keys = Set((before ?? [:]).keys).union((after ?? [:]).keys)
        for key in keys {
            let old = before?[key] ?? nil
            let new = after?[key] ?? nil
            if old != new { changes[key] = FieldChange(before: old, after: new) }
        }
        return changes
    }
}

/// Which audit entries to read.
public struct AuditFilter: Sendable {
    public var entity: String?
    public var entityID: String?
    public var actor: String?
    public var since: Date?
    public var limit: Int

    public init(
        entity: String? = nil, entityID: String? = nil, actor: String? = nil, since: Date? = nil, limit: Int = 100
    ) {
        self.entity = entity
        self.entityID = entityID
        self.actor = actor
        self.since = since
        self.limit = limit
    }
}

extension AppDatabase {
    /// The newest audit entries matching `filter`, newest first.
    public func auditEntries(_ filter: AuditFilter) throws -> [AuditEntry] {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let entity = filter.entity {
                conditions.append("entity = ?")
                arguments += [entity]
            }
            if let id = filter.entityID {
                conditions.append("entity_id = ?")
                arguments += [id]
            }
            if let actor = filter.actor {
                conditions.append("actor = ?")
                arguments += [actor]
            }
            if let since = filter.since {
                conditions.append("at >= ?")
                arguments += [since]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            arguments += [filter.limit]
            let rows = try Row.fetchAll(
                db, sql: "SELECT * FROM audit_log \(whereClause) ORDER BY id DESC LIMIT ?", arguments: arguments)
            let decoder = JSONDecoder()
            return try rows.map { row in
                AuditEntry(
                    id: row["id"], at: row["at"], actor: row["actor"], entity: row["entity"],
                    entityID: row["entity_id"],
                    action: row["action"],
                    changes: try decoder.decode([String: FieldChange].self, from: Data((row["changes"] as String).utf8))
                )
            }
        }
    }
}
