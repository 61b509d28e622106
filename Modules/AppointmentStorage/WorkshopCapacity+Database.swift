import Appointments
import Core
import Foundation
import GRDB
import StorageKernel

extension AppDatabase {
    /// The workshop's capacity as stored: the store's opening hours (T-3), the bays, the technicians with their
    /// skills, shifts and leave ending on or after `leaveFrom` (all leave when nil), the service advisors.
    public func workshopCapacity(leaveFrom: LocalDate? = nil) throws -> WorkshopCapacity {
        try writer.read { db in try Self.workshopCapacity(db, leaveFrom: leaveFrom) }
    }

    /// `workshopCapacity(leaveFrom:)` inside a transaction the caller holds (booking re-reads it in its write): the
    /// capacity kept from an earlier read while the tables' generation stands (`WorkshopCapacityCache`), else read.
    package static func workshopCapacity(_ db: Database, leaveFrom: LocalDate? = nil) throws -> WorkshopCapacity {
        let generation = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT generation FROM workshop_capacity_generation WHERE id = 1"))
        return try WorkshopCapacityCache.shared.capacity(generation: generation, leaveFrom: leaveFrom) {
            try readWorkshopCapacity(db, leaveFrom: leaveFrom)
        }
    }

    /// The capacity as the tables hold it now, read row by row: what `workshopCapacity` keeps.
    package static func readWorkshopCapacity(_ db: Database, leaveFrom: LocalDate?) throws -> WorkshopCapacity {
        var capacity = WorkshopCapacity(openingHours: try openingHours(db))
        capacity.bays = try Row.fetchAll(db.cachedStatement(sql: "SELECT code, kind, active FROM bay ORDER BY code"))
            .compactMap { row in
                guard let kind = BayKind(rawValue: row["kind"]) else { return nil }
                return Bay(code: row["code"], kind: kind, active: row["active"])
            }
        let technicianShifts = try shifts(db, table: "technician_shift", person: "technician")
        var leave: [String: [Leave]] = [:]
        let leaveRows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT technician, from_day, to_day, reason FROM technician_leave
                    WHERE ?1 IS NULL OR to_day >= ?1 ORDER BY technician, from_day
                    """),
            arguments: [leaveFrom])
        for row in leaveRows {
            leave[row["technician"], default: []].append(
                Leave(from: row["from_day"], to: row["to_day"], reason: row["reason"]))
        }
        capacity.technicians = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT name, skills, active FROM technician ORDER BY name")
        )
        .map { row in
            let name: String = row["name"]
            let skills = (row["skills"] as String).split(separator: ",").compactMap { Skill(rawValue: String($0)) }
            return Technician(
                name: name, skills: Set(skills), shifts: technicianShifts[name] ?? [:], leave: leave[name] ?? [],
                active: row["active"])
        }
        let advisorShifts = try shifts(db, table: "advisor_shift", person: "advisor")
        capacity.advisors = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT name, arrivals_per_quarter, active FROM service_advisor ORDER BY name")
        )
        .map { row in
            let name: String = row["name"]
            return ServiceAdvisor(
                name: name, arrivalsPerQuarterHour: row["arrivals_per_quarter"], shifts: advisorShifts[name] ?? [:],
                active: row["active"])
        }
        return capacity
    }

    /// The hours per weekday of each person in `table` (`technician_shift`, `advisor_shift`).
    private static func shifts(
        _ db: Database, table: String, person: String
    ) throws -> [String: [Weekday: BusinessHours]] {
        var shifts: [String: [Weekday: BusinessHours]] = [:]
        let rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT \(person), weekday, opens, closes FROM \(table)"))
        for row in rows {
            guard let weekday = Weekday(rawValue: row["weekday"]),
                let hours = BusinessHours(opens: row["opens"], closes: row["closes"])
            else { continue }
            shifts[row[person], default: [:]][weekday] = hours
        }
        return shifts
    }

    /// The skill each labour operation needs, where the dealer set one (`operation_skill`); others need `general`.
    package static func operationSkills(_ db: Database) throws -> [String: Skill] {
        var skills: [String: Skill] = [:]
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT operation, skill FROM operation_skill")) {
            if let skill = Skill(rawValue: row["skill"]) { skills[row["operation"]] = skill }
        }
        return skills
    }
}

/// The workshop's capacity as last read for each generation of its tables, in this process. Every offer and booking
/// needs the whole capacity, and reading it row by row was a tenth of an offer's time; it changes seldom. A
/// change to any table it is read from (bays, technicians, their shifts and leave, advisors, their shifts, the
/// store's hours and days) draws a new random generation in the same transaction (a trigger), so a kept value is
/// used only while the database it was read from, or a copy of it, still holds the same rows. Read inside the
/// question's own transaction, the generation is the one that transaction sees.
package final class WorkshopCapacityCache: @unchecked Sendable {
    package static let shared = WorkshopCapacityCache()
    /// Kept values; a process serving one store needs one or two (today's leave, and a day asked about).
    private static let limit = 16

    private let lock = NSLock()
    private var kept: [Key: WorkshopCapacity] = [:]

    package init() {}

    private struct Key: Hashable {
        let generation: Int64
        let leaveFrom: LocalDate?
    }

    /// The capacity kept for `generation` and `leaveFrom`, else `read()`'s, kept. Without a generation (a database
    /// before the migration) it always reads.
    package func capacity(
        generation: Int64?, leaveFrom: LocalDate?, read: () throws -> WorkshopCapacity
    ) rethrows -> WorkshopCapacity {
        guard let generation else { return try read() }
        let key = Key(generation: generation, leaveFrom: leaveFrom)
        if let capacity = lock.withLock({ kept[key] }) { return capacity }
        let capacity = try read()
        lock.withLock {
            if kept.count >= Self.limit { kept.removeAll() }
            kept[key] = capacity
        }
        return capacity
    }
}
