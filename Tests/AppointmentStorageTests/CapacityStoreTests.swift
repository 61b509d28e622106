import Appointments
import Core
import Foundation
import GRDB
import Storage
import Testing

@Suite("Setting the workshop's capacity (A-2)")
struct CapacityStoreTests {
    /// A database with a technician, a shop foreman, an advisor, a cs agent, and one labour operation.
    func setUp() throws -> AppDatabase {
        let db = try AppDatabase.inMemory(clock: FixedClock(iso8601: "2026-12-07T01:00:00Z")!)
        for (name, role) in [
            ("刘强", Role.technician), ("赵磊", .shopForeman), ("王丽", .serviceAdvisor), ("李娜", .csAgent),
        ] {
            _ = try db.addStaff(name: name, role: role, actor: "admin")
        }
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO labour_operation (code, make, centihours, description, source, updated_at)
                    VALUES ('01 10 00 00', 'Volkswagen', 80, '常规保养', 'test', '2026-12-01 00:00:00')
                    """)
        }
        return db
    }

    func audit(_ db: AppDatabase, _ entity: String) throws -> [AuditEntry] {
        try db.auditEntries(AuditFilter(entity: entity))
    }

    @Test("a technician is set with skills and shifts, audited; show lists them and the hours of a day")
    func technician() throws {
        let db = try setUp()
        let shifts = try CapacityForm.shifts(["mon-fri=08:30-17:30", "sat=09:00-15:00"])
        let entry = try db.setTechnician(
            "刘强", skills: [.general, .electrical], shifts: shifts, active: nil, actor: "赵磊")
        #expect(entry.skills == [.general, .electrical])
        #expect(entry.shifts["saturday"] == "09:00-15:00")
        let created = try #require(try audit(db, "technician").first)
        #expect(created.action == "create" && created.actor == "赵磊" && created.entityID == "刘强")
        // Only the skills change: the shifts are kept.
        _ = try db.setTechnician("刘强", skills: [.general], shifts: nil, active: nil, actor: "赵磊")
        let capacity = try db.workshopCapacity()
        #expect(capacity.technicians.first?.skills == [.general])
        #expect(capacity.technicians.first?.shifts == shifts)
        let monday = LocalDate(year: 2026, month: 12, day: 7)!
        let listing = try db.capacityListing(day: monday)
        #expect(listing.day?.technicians.map(\.name) == ["刘强"])
        #expect(listing.day?.technicians.first?.hours == "08:30-17:30")
        #expect(listing.day?.storeHours == "08:30-20:00")
        #expect(try audit(db, "technician").count == 2)
    }

    @Test(
        "refused, nothing written: a name that is no technician, a shift outside the store's hours, a new one half set")
    func technicianRefusals() throws {
        let db = try setUp()
        let shifts = try CapacityForm.shifts(["mon-fri=08:30-17:30"])
        let early = try CapacityForm.shifts(["mon=07:00-15:00"])
        #expect(throws: Conflict.self) {
            try db.setTechnician("李娜", skills: [.general], shifts: shifts, active: nil, actor: "赵磊")
        }
        #expect(throws: Conflict.self) {
            try db.setTechnician("刘强", skills: [.general], shifts: early, active: nil, actor: "赵磊")
        }
        #expect(throws: InvalidInput.self) {
            try db.setTechnician("刘强", skills: [.general], shifts: nil, active: nil, actor: "赵磊")
        }
        #expect(try db.workshopCapacity().technicians.isEmpty)
        #expect(try audit(db, "technician").isEmpty)
        // A technician who has left can still be taken off the plan.
        _ = try db.setTechnician("刘强", skills: [.general], shifts: shifts, active: nil, actor: "赵磊")
        _ = try db.staffLeft(name: "刘强", on: LocalDate(year: 2026, month: 12, day: 1)!, actor: "admin")
        let off = try db.setTechnician("刘强", skills: nil, shifts: nil, active: false, actor: "赵磊")
        #expect(!off.active)
    }

    @Test("leave is added and removed by its id, audited; an overlapping leave or an unknown id is refused")
    func leave() throws {
        let db = try setUp()
        _ = try db.setTechnician(
            "刘强", skills: [.general], shifts: try CapacityForm.shifts(["mon-fri=08:30-17:30"]), active: nil,
            actor: "赵磊")
        let day = LocalDate(year: 2026, month: 12, day: 10)!
        let leave = try db.addLeave("刘强", Leave(from: day, to: day.adding(days: 2), reason: "培训"), actor: "赵磊")
        #expect(try db.capacityListing().technicians.first?.leave == [leave])
        #expect(try db.capacityListing(day: day).day?.technicians.first?.hours == nil)
        #expect(throws: Conflict.self) {
            try db.addLeave("刘强", Leave(from: day.adding(days: 2), to: day.adding(days: 4)), actor: "赵磊")
        }
        #expect(throws: NotFound.self) { try db.addLeave("王丽", Leave(from: day, to: day), actor: "赵磊") }
        #expect(throws: NotFound.self) { try db.removeLeave("刘强", id: leave.id + 1, actor: "赵磊") }
        try db.removeLeave("刘强", id: leave.id, actor: "赵磊")
        #expect(try db.capacityListing().technicians.first?.leave == [])
        #expect(try audit(db, "technician_leave").map(\.action) == ["delete", "create"])
    }

    @Test("bays, advisors and operation skills are set and audited; a new bay needs its kind")
    func baysAdvisorsOperations() throws {
        let db = try setUp()
        #expect(throws: InvalidInput.self) { try db.setBay("B07", kind: nil, active: nil, actor: "赵磊") }
        _ = try db.setBay("B07", kind: .general, active: nil, actor: "赵磊")
        let out = try db.setBay("B07", kind: nil, active: false, actor: "赵磊")
        #expect(out == Bay(code: "B07", kind: .general, active: false))
        #expect(try audit(db, "bay").map(\.action) == ["set", "create"])

        let advisor = try db.setAdvisor("王丽", arrivals: .some(3), shifts: nil, active: nil, actor: "admin")
        #expect(advisor.arrivalsPerQuarterHour == 3 && advisor.shifts.isEmpty)
        let back = try db.setAdvisor("王丽", arrivals: .some(nil), shifts: nil, active: nil, actor: "admin")
        #expect(back.arrivalsPerQuarterHour == nil)
        #expect(try db.capacityListing().arrivalsPerAdvisor == 2)
        #expect(throws: Conflict.self) {
            try db.setAdvisor("刘强", arrivals: nil, shifts: nil, active: nil, actor: "admin")
        }
        #expect(throws: InvalidInput.self) {
            try db.setAdvisor("王丽", arrivals: .some(0), shifts: nil, active: nil, actor: "admin")
        }

        let operation = try db.setOperationSkill("01  10 00 00", skill: .quickService, actor: "赵磊")
        #expect(operation.description == "常规保养")
        #expect(try db.capacityListing().operations.map(\.skill) == [.quickService])
        #expect(throws: NotFound.self) { try db.setOperationSkill("99 99 99 99", skill: .body, actor: "赵磊") }
        #expect(try audit(db, "operation_skill").count == 1)
        #expect(try audit(db, "service_advisor").count == 2)
    }
}
