import Appointments
import Core
import Foundation
import GRDB
import StorageKernel

/// A technician as `capacity show` lists them: skills, shifts per weekday, leave to come (with the ids that remove
/// it), whether they still take work.
public struct TechnicianEntry: Codable, Sendable, Equatable {
    public var name: String
    /// In `Skill.allCases` order.
    public var skills: [Skill]
    /// Weekday names (`monday`) to `HH:MM-HH:MM`; a weekday not listed is a day off.
    public var shifts: [String: String]
    public var leave: [LeaveEntry]
    public var active: Bool
}

/// A leave as stored, with its id (`capacity set leave NAME --remove ID`).
public struct LeaveEntry: Codable, Sendable, Equatable {
    public var id: Int64
    public var technician: String
    public var from: LocalDate
    public var to: LocalDate
    public var reason: String?
}

/// A service advisor as listed: arrivals per 15 minutes (null: the setting), reception shifts (empty: the store's
/// hours), whether they still receive.
public struct AdvisorEntry: Codable, Sendable, Equatable {
    public var name: String
    public var arrivalsPerQuarterHour: Int?
    public var shifts: [String: String]
    public var active: Bool
}

/// The skill a labour operation needs, where the dealer set one; others need `general`.
public struct OperationSkillEntry: Codable, Sendable, Equatable {
    public var operation: String
    public var skill: Skill
    /// The catalogue's description of the operation.
    public var description: String?
}

/// One person's hours on a day: nil when they do not work (day off, leave, inactive, the store closed).
public struct PersonHours: Codable, Sendable, Equatable {
    public var name: String
    public var hours: String?
}

/// Who works when on one day (`capacity show --day`): the store's hours, each active technician's and advisor's.
public struct CapacityDay: Codable, Sendable, Equatable {
    public var day: LocalDate
    /// `HH:MM-HH:MM`, or nil when the store is closed.
    public var storeHours: String?
    public var technicians: [PersonHours]
    public var advisors: [PersonHours]
}

/// The workshop's capacity as `capacity show` and `GET /v1/capacity` give it (A-2, T-3).
public struct CapacityListing: Codable, Sendable, Equatable {
    public var openingHours: OpeningHoursListing
    public var bays: [Bay]
    public var technicians: [TechnicianEntry]
    public var advisors: [AdvisorEntry]
    public var operations: [OperationSkillEntry]
    /// The setting `appointments.arrivals-per-advisor`, for advisors without their own figure.
    public var arrivalsPerAdvisor: Int
    public var day: CapacityDay?
}

extension AppDatabase {
    /// The workshop's capacity: opening hours, bays, technicians with leave ending today or later, advisors,
    /// operation skills; with `day`, who works when that day.
    public func capacityListing(day: LocalDate? = nil) throws -> CapacityListing {
        let hours = try openingHoursListing()
        return try writer.read { db in
            let settings = try Self.settings(db)
            let today = LocalDate(instant: clock.now(), in: settings.timeZone)
            let capacity = try Self.workshopCapacity(db, leaveFrom: today)
            let leave = try Self.leaveEntries(db, from: today)
            let operations = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.operation, s.skill,
                        (SELECT description FROM labour_operation o WHERE o.code = s.operation LIMIT 1) AS description
                    FROM operation_skill s ORDER BY s.operation
                    """
            ).compactMap { row -> OperationSkillEntry? in
                guard let skill = Skill(rawValue: row["skill"]) else { return nil }
                return OperationSkillEntry(operation: row["operation"], skill: skill, description: row["description"])
            }
            var listing = CapacityListing(
                openingHours: hours, bays: capacity.bays,
                technicians: capacity.technicians.map { Self.entry($0, leave: leave[$0.name] ?? []) },
                advisors: capacity.advisors.map { Self.entry($0) }, operations: operations,
                arrivalsPerAdvisor: settings.arrivalsPerAdvisor)
            if let day {
                listing.day = CapacityDay(
                    day: day, storeHours: capacity.openingHours.hours(on: day)?.description,
                    technicians: capacity.technicians.filter(\.active).map {
                        PersonHours(name: $0.name, hours: capacity.workingHours(of: $0, on: day)?.description)
                    },
                    advisors: capacity.advisors.filter(\.active).map {
                        PersonHours(name: $0.name, hours: capacity.receivingHours(of: $0, on: day)?.description)
                    })
            }
            return listing
        }
    }

    /// Adds a bay or changes its kind, or takes it out of use and back (`active`); a bay is never deleted, since
    /// bookings name it. A new bay needs its kind. Audited.
    @discardableResult
    public func setBay(_ code: String, kind: BayKind?, active: Bool?, actor: String) throws -> Bay {
        let code = try CapacityForm.bayCode(code)
        return try writer.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT kind, active FROM bay WHERE code = ?", arguments: [code])
            guard let kind = kind ?? row.flatMap({ BayKind(rawValue: $0["kind"]) }) else {
                throw InvalidInput(
                    field: CapacityForm.Field.kind.rawValue,
                    "a new bay needs its kind: \(BayKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let bay = Bay(code: code, kind: kind, active: active ?? (row?["active"] as Bool?) ?? true)
            try db.execute(
                sql: """
                    INSERT INTO bay (code, kind, active) VALUES (?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, active = excluded.active
                    """, arguments: [code, kind.rawValue, bay.active])
            let before: [String: String?]? = row.map { ["kind": $0["kind"], "active": Self.yesNo($0["active"])] }
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "bay", id: code, action: row == nil ? "create" : "set",
                before: before, after: ["kind": kind.rawValue, "active": Self.yesNo(bay.active)])
            return bay
        }
    }

    /// Sets a technician's skills and shifts per weekday, or takes them off the plan (`active` false) and back; a
    /// nil argument keeps what is stored, and a new technician needs skills and shifts. The name must be a current
    /// staff member who is a technician or the shop foreman, and every shift within the store's opening hours
    /// (A-2, T-3): refused otherwise, nothing written. Audited.
    @discardableResult
    public func setTechnician(
        _ name: String, skills: Set<Skill>?, shifts: [Weekday: BusinessHours]?, active: Bool?, actor: String
    ) throws -> TechnicianEntry {
        let name = try CapacityForm.name(name)
        if let skills, skills.isEmpty {
            throw InvalidInput(field: CapacityForm.Field.skills.rawValue, "name at least one skill, such as general")
        }
        return try writer.write { db in
            let now = clock.now()
            let stored = try Self.workshopCapacity(db).technicians.first { $0.name == name }
            guard let skills = skills ?? stored?.skills else {
                throw InvalidInput(field: CapacityForm.Field.skills.rawValue, "a new technician needs skills")
            }
            guard let shifts = shifts ?? stored?.shifts else {
                throw InvalidInput(
                    field: CapacityForm.Field.shifts.rawValue,
                    "a new technician needs shifts, such as mon-fri=08:30-17:30")
            }
            let active = active ?? stored?.active ?? true
            if active {
                let roster = try Self.staffOnDay(db, at: now)
                try CapacityRules.requireRole(name, CapacityRules.technicianRoles, among: roster.staff, on: roster.day)
                try CapacityRules.checkShifts(shifts, within: try Self.openingHours(db))
            }
            let skillText = Skill.allCases.filter(skills.contains).map(\.rawValue).joined(separator: ",")
            try db.execute(
                sql: """
                    INSERT INTO technician (name, skills, active) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET skills = excluded.skills, active = excluded.active
                    """, arguments: [name, skillText, active])
            try Self.replaceShifts(db, table: "technician_shift", person: "technician", name: name, shifts: shifts)
            let before: [String: String?]? = stored.map {
                [
                    "skills": Skill.allCases.filter($0.skills.contains).map(\.rawValue).joined(separator: ","),
                    "shifts": Self.shiftText($0.shifts), "active": Self.yesNo($0.active),
                ]
            }
            try Audit.record(
                db, at: now, actor: actor, entity: "technician", id: name, action: stored == nil ? "create" : "set",
                before: before,
                after: ["skills": skillText, "shifts": Self.shiftText(shifts), "active": Self.yesNo(active)])
            let today = LocalDate(instant: now, in: try Self.settings(db).timeZone)
            let technician = Technician(name: name, skills: skills, shifts: shifts, active: active)
            return Self.entry(technician, leave: try Self.leaveEntries(db, from: today)[name] ?? [])
        }
    }

    /// Records a technician's leave (days away, both ends included); a leave overlapping one already recorded is
    /// refused. Audited.
    @discardableResult
    public func addLeave(_ name: String, _ leave: Leave, actor: String) throws -> LeaveEntry {
        let name = try CapacityForm.name(name)
        let leave = try CapacityForm.leave(from: leave.from, to: leave.to, reason: leave.reason)
        return try writer.write { db in
            try Self.requireTechnician(db, name)
            let all = try Self.leaveEntries(db, from: nil)[name] ?? []
            if let clash = all.first(where: { Leave(from: $0.from, to: $0.to).overlaps(leave) }) {
                throw Conflict(
                    field: CapacityForm.Field.from.rawValue,
                    "\(name) is already on leave from \(clash.from) to \(clash.to) (leave \(clash.id)); "
                        + "remove it first or choose other days")
            }
            try db.execute(
                sql: "INSERT INTO technician_leave (technician, from_day, to_day, reason) VALUES (?, ?, ?, ?)",
                arguments: [name, leave.from, leave.to, leave.reason])
            let entry = LeaveEntry(
                id: db.lastInsertedRowID, technician: name, from: leave.from, to: leave.to, reason: leave.reason)
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "technician_leave", id: String(entry.id), action: "create",
                after: [
                    "technician": name, "from_day": leave.from.description, "to_day": leave.to.description,
                    "reason": leave.reason,
                ])
            return entry
        }
    }

    /// Removes a technician's leave by its id (`capacity show` lists them). Audited.
    public func removeLeave(_ name: String, id: Int64, actor: String) throws {
        let name = try CapacityForm.name(name)
        try writer.write { db in
            try Self.requireTechnician(db, name)
            guard let entry = try Self.leaveEntries(db, from: nil)[name]?.first(where: { $0.id == id }) else {
                throw NotFound("leave of \(name)", String(id), field: CapacityForm.Field.leave.rawValue)
            }
            try db.execute(sql: "DELETE FROM technician_leave WHERE id = ?", arguments: [id])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "technician_leave", id: String(id), action: "delete",
                before: [
                    "technician": name, "from_day": entry.from.description, "to_day": entry.to.description,
                    "reason": entry.reason,
                ])
        }
    }

    /// Sets a service advisor's arrivals per 15 minutes (`.some(nil)`: the setting) and reception shifts (empty: the
    /// store's hours), or takes them off reception (`active` false) and back; nil keeps what is stored. The name
    /// must be a current staff member who is a service advisor or the service manager; shifts lie within the
    /// store's hours (A-2, T-3). Audited.
    @discardableResult
    public func setAdvisor(
        _ name: String, arrivals: Int??, shifts: [Weekday: BusinessHours]?, active: Bool?, actor: String
    ) throws -> AdvisorEntry {
        let name = try CapacityForm.name(name)
        if case .some(.some(let count)) = arrivals { _ = try CapacityForm.arrivals(count) }
        return try writer.write { db in
            let now = clock.now()
            let stored = try Self.workshopCapacity(db).advisors.first { $0.name == name }
            let count = arrivals ?? stored?.arrivalsPerQuarterHour
            let shifts = shifts ?? stored?.shifts ?? [:]
            let active = active ?? stored?.active ?? true
            if active {
                let roster = try Self.staffOnDay(db, at: now)
                try CapacityRules.requireRole(name, CapacityRules.advisorRoles, among: roster.staff, on: roster.day)
                try CapacityRules.checkShifts(shifts, within: try Self.openingHours(db))
            }
            try db.execute(
                sql: """
                    INSERT INTO service_advisor (name, arrivals_per_quarter, active) VALUES (?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET arrivals_per_quarter = excluded.arrivals_per_quarter,
                        active = excluded.active
                    """, arguments: [name, count, active])
            try Self.replaceShifts(db, table: "advisor_shift", person: "advisor", name: name, shifts: shifts)
            let before: [String: String?]? = stored.map {
                [
                    "arrivals_per_quarter": $0.arrivalsPerQuarterHour.map { String($0) },
                    "shifts": Self.shiftText($0.shifts), "active": Self.yesNo($0.active),
                ]
            }
            try Audit.record(
                db, at: now, actor: actor, entity: "service_advisor", id: name,
                action: stored == nil ? "create" : "set", before: before,
                after: [
                    "arrivals_per_quarter": count.map { String($0) }, "shifts": Self.shiftText(shifts),
                    "active": Self.yesNo(active),
                ])
            return Self.entry(ServiceAdvisor(name: name, arrivalsPerQuarterHour: count, shifts: shifts, active: active))
        }
    }

    /// Sets the skill a labour operation of the catalogue needs (A-2: a job goes to a technician with it, on a bay
    /// of a kind it can use). Audited.
    @discardableResult
    public func setOperationSkill(_ code: String, skill: Skill, actor: String) throws -> OperationSkillEntry {
        let code = try CapacityForm.operation(code)
        return try writer.write { db in
            guard
                let description = try String.fetchOne(
                    db, sql: "SELECT description FROM labour_operation WHERE code = ? ORDER BY id LIMIT 1",
                    arguments: [code])
            else {
                throw NotFound("labour operation", code, field: CapacityForm.Field.operation.rawValue)
            }
            let before = try String.fetchOne(
                db, sql: "SELECT skill FROM operation_skill WHERE operation = ?", arguments: [code])
            try db.execute(
                sql: """
                    INSERT INTO operation_skill (operation, skill) VALUES (?, ?)
                    ON CONFLICT (operation) DO UPDATE SET skill = excluded.skill
                    """, arguments: [code, skill.rawValue])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "operation_skill", id: code,
                action: before == nil ? "create" : "set", before: before.map { ["skill": $0] as [String: String?] },
                after: ["skill": skill.rawValue])
            return OperationSkillEntry(operation: code, skill: skill, description: description)
        }
    }

    // MARK: - Helpers

    private static func requireTechnician(_ db: Database, _ name: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM technician WHERE name = ?", arguments: [name]) == true else {
            throw NotFound("technician", name, field: CapacityForm.Field.name.rawValue)
        }
    }

    /// Leave by technician, ending on or after `from` (all when nil), first day first.
    private static func leaveEntries(_ db: Database, from: LocalDate?) throws -> [String: [LeaveEntry]] {
        var leave: [String: [LeaveEntry]] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, technician, from_day, to_day, reason FROM technician_leave
                WHERE ?1 IS NULL OR to_day >= ?1 ORDER BY technician, from_day, id
                """, arguments: [from])
        for row in rows {
            let entry = LeaveEntry(
                id: row["id"], technician: row["technician"], from: row["from_day"], to: row["to_day"],
                reason: row["reason"])
            leave[entry.technician, default: []].append(entry)
        }
        return leave
    }

    private static func replaceShifts(
        _ db: Database, table: String, person: String, name: String, shifts: [Weekday: BusinessHours]
    ) throws {
        try db.execute(sql: "DELETE FROM \(table) WHERE \(person) = ?", arguments: [name])
        for (day, hours) in shifts {
            try db.execute(
                sql: "INSERT INTO \(table) (\(person), weekday, opens, closes) VALUES (?, ?, ?, ?)",
                arguments: [name, day.rawValue, hours.opens, hours.closes])
        }
    }

    /// Shifts as the audit log and the listing write them: `mon 08:30-17:30, tue ...`.
    static func shiftText(_ shifts: [Weekday: BusinessHours]) -> String {
        shifts.sorted { $0.key < $1.key }.map { "\($0.key.description.prefix(3)) \($0.value)" }
            .joined(separator: ", ")
    }

    static func shiftNames(_ shifts: [Weekday: BusinessHours]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: shifts.map { ($0.key.description, $0.value.description) })
    }

    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }

    static func entry(_ technician: Technician, leave: [LeaveEntry]) -> TechnicianEntry {
        TechnicianEntry(
            name: technician.name, skills: Skill.allCases.filter(technician.skills.contains),
            shifts: shiftNames(technician.shifts), leave: leave, active: technician.active)
    }

    static func entry(_ advisor: ServiceAdvisor) -> AdvisorEntry {
        AdvisorEntry(
            name: advisor.name, arrivalsPerQuarterHour: advisor.arrivalsPerQuarterHour,
            shifts: shiftNames(advisor.shifts), active: advisor.active)
    }
}
