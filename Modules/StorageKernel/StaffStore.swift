import Core
import Foundation
import GRDB

extension AppDatabase {
    /// Adds a staff member; audited. Throws `Conflict` when the name exists.
    public func addStaff(name: String, role: Role, actor: String) throws -> StaffMember {
        let trimmed = name.trimmed()
        guard !trimmed.isEmpty else { throw InvalidInput(field: "name", "must not be empty") }
        return try writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE name = ?", arguments: [trimmed]) == true {
                throw Conflict(field: "name", "staff member \(trimmed) already exists")
            }
            let now = clock.now()
            try db.execute(
                sql: "INSERT INTO staff (name, role, created_at) VALUES (?, ?, ?)", arguments: [trimmed, role, now])
            try Audit.record(
                db, at: now, actor: actor, entity: "staff", id: trimmed, action: "create",
                after: ["role": role.rawValue])
            return StaffMember(name: trimmed, role: role, leftOn: nil)
        }
    }

    /// Records that a staff member has left on `day`; their customers then show in the C-10 checks.
    public func staffLeft(name: String, on day: LocalDate, actor: String) throws -> StaffMember {
        try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE name = ?", arguments: [name]) else {
                throw NotFound("staff member", name, field: "name")
            }
            try db.execute(sql: "UPDATE staff SET left_on = ? WHERE name = ?", arguments: [day, name])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "staff", id: name, action: "leave",
                before: ["left_on": row["left_on"] as String?], after: ["left_on": day.description])
            return StaffMember(name: name, role: Role(rawValue: row["role"]) ?? .csAgent, leftOn: day)
        }
    }

    /// Every staff member, by name.
    public func staff() throws -> [StaffMember] {
        try writer.read { db in try Self.staff(db) }
    }

    package static func staff(_ db: Database) throws -> [StaffMember] {
        try Row.fetchAll(db, sql: "SELECT * FROM staff ORDER BY name").map {
            StaffMember(name: $0["name"], role: Role(rawValue: $0["role"]) ?? .csAgent, leftOn: $0["left_on"])
        }
    }

    /// Rules C-8, C-10 through `StaffMember.requireCurrent`, with the staff and the dealer's day read here.
    package static func requireCurrentStaff(
        _ db: Database, _ name: String, actor: String, at instant: Date, field: String
    ) throws {
        guard name != actor else { return }
        let roster = try staffOnDay(db, at: instant)
        try StaffMember.requireCurrent(name, actor: actor, among: roster.staff, on: roster.day, field: field)
    }

    /// Every staff member and the dealer's day at `instant`: what the pure staff rules (C-8, C-10, K-3) are given.
    package static func staffOnDay(_ db: Database, at instant: Date) throws -> (staff: [StaffMember], day: LocalDate) {
        (try staff(db), LocalDate(instant: instant, in: try settings(db).timeZone))
    }
}
