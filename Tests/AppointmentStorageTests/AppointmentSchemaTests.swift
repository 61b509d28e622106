import Core
import Foundation
import GRDB
import Storage
import Testing

@Suite("Appointment register schema")
struct AppointmentSchemaTests {
    @Test("a booking's state and channel are checked by the schema")
    func stateAndChannelChecked() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { db in
            try db.execute(sql: "INSERT INTO bay (code, kind) VALUES ('B01', 'general')")
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO bay (code, kind) VALUES ('B02', 'spaceship')")
            }
        }
    }
}

@Suite("Workshop capacity as stored")
struct WorkshopCapacityLoadTests {
    @Test("bays, technicians with skills, shifts and leave, and advisors read back as stored")
    func loadsWhatIsStored() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bay (code, kind) VALUES ('B01', 'general'), ('Q1', 'quick-service');
                    INSERT INTO technician (name, skills) VALUES ('刘强', 'general,high-voltage');
                    INSERT INTO technician_shift VALUES ('刘强', 1, 30600, 63000);
                    INSERT INTO technician_leave (technician, from_day, to_day) VALUES ('刘强', '2026-12-01', '2026-12-02');
                    INSERT INTO technician_leave (technician, from_day, to_day) VALUES ('刘强', '2026-12-10', '2026-12-11');
                    INSERT INTO service_advisor (name, arrivals_per_quarter) VALUES ('王丽', 3);
                    """)
        }
        let capacity = try db.workshopCapacity(leaveFrom: LocalDate(year: 2026, month: 12, day: 5)!)
        #expect(capacity.bays.map(\.code) == ["B01", "Q1"])
        #expect(capacity.bays.last?.kind == .quickService)
        let technician = try #require(capacity.technicians.first)
        #expect(technician.skills == [.general, .highVoltage])
        #expect(technician.shifts[.monday]?.description == "08:30-17:30")
        #expect(technician.leave.map(\.from) == [LocalDate(year: 2026, month: 12, day: 10)!])
        #expect(capacity.advisors.first?.arrivalsPerQuarterHour == 3)
        #expect(capacity.openingHours == OpeningHours())
    }
}
