import Core
import Customers
import Foundation
import GRDB
import StorageKernel

extension AppDatabase {
    /// A customer's contacts, newest first.
    public func contacts(customer id: Customer.ID, limit: Int = 50, offset: Int = 0) throws -> Page<Contact> {
        try writer.read { db in
            _ = try Self.fetchCustomer(db, id: id)
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM contact WHERE customer_id = ?", arguments: [id]) ?? 0
            let items = try Row.fetchAll(
                db, sql: "SELECT * FROM contact WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT ? OFFSET ?",
                arguments: [id, limit, offset]
            ).map(Contact.init(row:))
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
    }

    /// Corrects a logged contact (C-8: changes are kept, no silent overwrite): only the fields given change; the
    /// audit entry keeps the old values. A time in the future is refused as when logging.
    public func editContact(
        _ id: Contact.ID, channel: Contact.Channel? = nil, direction: Contact.Direction? = nil,
        outcome: Contact.Outcome? = nil, at: Date? = nil, note: String? = nil, actor: String
    ) throws -> Contact {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM contact WHERE id = ?", arguments: [id]) else {
                throw NotFound("contact", id.description, field: "id")
            }
            let before = Contact(row: row)
            var after = before
            if let channel { after.channel = channel }
            if let direction { after.direction = direction }
            if let outcome { after.outcome = outcome }
            if let note { after.note = note.trimmed().nilIfEmpty }
            if let at { after.at = at }
            let now = clock.now()
            guard after.at <= now.addingTimeInterval(300) else {
                throw Conflict(
                    field: "at", "\(Instant.isoString(after.at, in: try Self.settings(db).timeZone)) is in the future")
            }
            try db.execute(
                sql: "UPDATE contact SET channel = ?, direction = ?, outcome = ?, at = ?, note = ? WHERE id = ?",
                arguments: [after.channel, after.direction, after.outcome, after.at, after.note, id])
            try Audit.record(
                db, at: now, actor: actor, entity: "contact", id: id.description, action: "edit",
                before: before.auditFields,
                after: after.auditFields)
            return after
        }
    }
}
