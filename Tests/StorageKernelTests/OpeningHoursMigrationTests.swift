import Core
import Foundation
import GRDB
import Testing

@testable import Storage

@Suite("T-3: the old business-hours setting becomes the store's opening hours")
struct OpeningHoursMigrationTests {
    static let migration = "2026-12-06 core: the store's opening hours apart from the legal calendar"

    /// A database as the previous version left it, with `setup` run on it, then migrated to now.
    func migrated(_ setup: (Database) throws -> Void) throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        let migrator = Schema.migrator
        let index = try #require(migrator.migrations.firstIndex(of: Self.migration))
        try migrator.migrate(queue, upTo: migrator.migrations[index - 1])
        try queue.write(setup)
        try migrator.migrate(queue)
        return queue
    }

    @Test("T-3: a dealer counting business hours keeps every deadline: weekdays at its hours, holidays closed, 调休 open")
    func configuredDealer() throws {
        let queue = try migrated { db in
            try db.execute(
                sql: """
                    INSERT INTO setting VALUES ('calendar.business-hours', '09:00-18:00', '2026-11-01 00:00:00', 'admin');
                    INSERT INTO setting VALUES ('calendar.clock', 'business', '2026-11-01 00:00:00', 'admin');
                    INSERT INTO calendar_day VALUES ('2026-10-01', 'holiday', '国庆节');
                    INSERT INTO calendar_day VALUES ('2026-09-27', 'workday', '国庆调休');
                    """)
        }
        try queue.read { db in
            let hours = try AppDatabase.openingHours(db)
            let nine = BusinessHours("09:00-18:00")!
            let weekdays = Weekday.allCases.filter { $0 <= .friday }
            #expect(hours.weekly == Dictionary(uniqueKeysWithValues: weekdays.map { ($0, nine) }))
            #expect(hours.closedDays == [LocalDate("2026-10-01")!])
            #expect(hours.specialHours == [LocalDate("2026-09-27")!: nine])
            func setting(_ key: String) throws -> String? {
                try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
            }
            #expect(try setting("calendar.business-hours") == nil)
            #expect(try setting("calendar.clock") == "business")
            // The legal calendar is left as it was, for L-9.
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM calendar_day") == 2)
            let audit = try String.fetchOne(
                db,
                sql: """
                    SELECT changes FROM audit_log WHERE entity = 'setting' AND action = 'migrate'
                    """)
            #expect(audit?.contains("09:00-18:00") == true)
        }
    }

    @Test("T-3: a dealer who never set business hours gets the new default, 08:30-20:00 every day")
    func defaultDealer() throws {
        let queue = try migrated { db in
            try db.execute(sql: "INSERT INTO calendar_day VALUES ('2026-10-01', 'holiday', '国庆节')")
        }
        let (hours, audit) = try queue.read { db in
            (try AppDatabase.openingHours(db), try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log"))
        }
        #expect(hours == OpeningHours())
        #expect(audit == 0)
    }
}
