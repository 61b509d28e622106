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
