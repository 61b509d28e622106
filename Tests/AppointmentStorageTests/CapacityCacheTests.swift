import Appointments
import Core
import Foundation
import GRDB
import Storage
import Testing

@Suite("The workshop's capacity kept between questions (A-2)")
struct CapacityCacheTests {
    /// One change to one of the tables the capacity is read from, as raw SQL (the triggers must see every writer).
    static func change(_ db: Database, _ random: inout SystemRandomNumberGenerator) throws {
        let names = ["刘强", "赵磊", "陈明", "孙伟"]
        let name = names.randomElement(using: &random)!
        let weekday = Int.random(in: 1...7, using: &random)
        let opens = 3_600 * Int.random(in: 7...10, using: &random)
        let statements: [(String, StatementArguments)] = [
            (
                "INSERT OR REPLACE INTO bay (code, kind, active) VALUES (?, ?, ?)",
                [
                    "B\(Int.random(in: 1...4, using: &random))",
                    ["general", "alignment"].randomElement(using: &random)!,
                    Bool.random(using: &random),
                ]
            ),
            ("DELETE FROM bay WHERE code = ?", ["B\(Int.random(in: 1...4, using: &random))"]),
            (
                "INSERT OR REPLACE INTO technician (name, skills, active) VALUES (?, ?, 1)",
                [name, ["general", "general,alignment"].randomElement(using: &random)!]
            ),
            ("UPDATE technician SET active = NOT active WHERE name = ?", [name]),
            ("INSERT OR REPLACE INTO technician_shift VALUES (?, ?, ?, ?)", [name, weekday, opens, opens + 28_800]),
            ("DELETE FROM technician_shift WHERE technician = ? AND weekday = ?", [name, weekday]),
            (
                "INSERT INTO technician_leave (technician, from_day, to_day, reason) VALUES (?, ?, ?, '休假')",
                [name, "2026-12-0\(weekday)", "2026-12-1\(weekday)"]
            ),
            ("DELETE FROM technician_leave WHERE technician = ?", [name]),
            ("INSERT OR REPLACE INTO service_advisor VALUES (?, ?, 1)", [name, Int.random(in: 1...3, using: &random)]),
            ("UPDATE service_advisor SET active = NOT active WHERE name = ?", [name]),
            ("INSERT OR REPLACE INTO advisor_shift VALUES (?, ?, ?, ?)", [name, weekday, opens, opens + 14_400]),
            ("DELETE FROM advisor_shift WHERE advisor = ?", [name]),
            (
                "INSERT OR REPLACE INTO opening_hours VALUES (?, ?)",
                [weekday, ["09:00-18:00", "closed", "08:00-20:00"].randomElement(using: &random)!]
            ),
            (
                "INSERT OR REPLACE INTO store_day (day, hours) VALUES (?, ?)",
                ["2026-12-1\(weekday)", ["closed", "10:00-16:00"].randomElement(using: &random)!]
            ),
            ("DELETE FROM store_day WHERE day = ?", ["2026-12-1\(weekday)"]),
        ]
        let (sql, arguments) = statements.randomElement(using: &random)!
        // A person's shifts and leave name them: the person is there first (foreign keys are on).
        for table in ["technician", "service_advisor"] {
            try db.execute(
                sql:
                    "INSERT OR IGNORE INTO \(table) (name, \(table == "technician" ? "skills" : "active")) VALUES (?, ?)",
                arguments: [name, table == "technician" ? "general" : "1"])
        }
        try? db.execute(sql: sql, arguments: arguments)
    }

    @Test("randomized: after any change by any writer, or one rolled back, the kept capacity is the one read anew")
    func keptEqualsRead() throws {
        var random = SystemRandomNumberGenerator()
        // Two databases in one process, both new (the same generation, the same empty capacity) until they differ.
        let databases = [try AppDatabase.inMemory(), try AppDatabase.inMemory()]
        let days: [LocalDate?] = [nil, LocalDate("2026-12-05"), LocalDate("2026-12-14")]
        for step in 0..<400 {
            let database = databases.randomElement(using: &random)!
            if Int.random(in: 0..<5, using: &random) == 0 {
                // A change rolled back: its generation is gone with it.
                try database.writer.writeWithoutTransaction { db in
                    try db.inTransaction {
                        try Self.change(db, &random)
                        _ = try AppDatabase.workshopCapacity(db, leaveFrom: nil)
                        return .rollback
                    }
                }
            } else {
                try database.writer.write { db in try Self.change(db, &random) }
            }
            for (index, each) in databases.enumerated() {
                try each.writer.read { db in
                    for day in days {
                        let kept = try AppDatabase.workshopCapacity(db, leaveFrom: day)
                        let read = try AppDatabase.readWorkshopCapacity(db, leaveFrom: day)
                        #expect(kept == read, "step \(step), database \(index), leave from \(String(describing: day))")
                    }
                }
            }
        }
    }

    @Test("every table the capacity is read from moves its generation on insert, update and delete")
    func everyTableHasItsTriggers() throws {
        let database = try AppDatabase.inMemory()
        let triggers = try database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_capacity_generation'")
        }
        for table in [
            "bay", "technician", "technician_shift", "technician_leave", "service_advisor", "advisor_shift",
            "opening_hours", "store_day",
        ] {
            for event in ["insert", "update", "delete"] {
                #expect(triggers.contains("\(table)_\(event)_capacity_generation"), "\(table) \(event)")
            }
        }
    }

    @Test("a kept capacity is read once per generation and day of leave")
    func readOnce() throws {
        let cache = WorkshopCapacityCache()
        var reads = 0
        let read = { () -> WorkshopCapacity in
            reads += 1
            return WorkshopCapacity(openingHours: OpeningHours())
        }
        for _ in 0..<3 { _ = cache.capacity(generation: 7, leaveFrom: nil, read: read) }
        #expect(reads == 1)
        _ = cache.capacity(generation: 8, leaveFrom: nil, read: read)
        _ = cache.capacity(generation: 7, leaveFrom: LocalDate("2026-12-07"), read: read)
        _ = cache.capacity(generation: nil, leaveFrom: nil, read: read)
        #expect(reads == 4)
    }
}
