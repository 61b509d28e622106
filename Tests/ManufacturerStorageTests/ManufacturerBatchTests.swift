import Core
import Foundation
import GRDB
import TestSupport
import Testing
import Warranty

@testable import Storage

@Suite("Manufacturer data written through the storage layer")
struct ManufacturerBatchTests {
    static func vehicle(_ serial: Int, _ model: String, _ year: Int?) -> MasterVehicle {
        MasterVehicle(
            vin: VIN(trusted: "LFV2A21K0N3\(100_000 + serial)"), make: "Volkswagen", model: model, year: year,
            built: LocalDate("2022-04-18"))
    }

    /// Stages `vehicles` in one batch, `limit` at a time, and returns the outcomes.
    static func store(_ vehicles: [MasterVehicle], into db: AppDatabase, limit: Int) throws -> [ItemOutcome: Int] {
        try db.withManufacturerBatch(actor: "it-zhang", source: "test") { batch in
            batch.vehicleStageLimit = limit
            for vehicle in vehicles { try batch.store(vehicle) }
            return (true, try batch.storeStagedVehicles())
        }
    }

    @Test(
        "Hundreds of vehicles, staged many to a statement: the outcomes and the stored rows are those of storing them one by one, for any stage size"
    )
    func manyStagedVehicles() throws {
        // 300 items over 120 VINs: repeats, some with another model or no year, in an order that is not the VINs'.
        let file = (0..<300).map { i in
            Self.vehicle((i * 37) % 120, i % 7 == 0 ? "速腾" : "Sagitar", i % 11 == 0 ? nil : 2022)
        }
        var stored: [VIN: MasterVehicle] = [:]
        var expected: [ItemOutcome: Int] = [:]
        for vehicle in file {
            let outcome: ItemOutcome =
                stored[vehicle.vin] == nil ? .added : stored[vehicle.vin] == vehicle ? .unchanged : .replaced
            expected[outcome, default: 0] += 1
            stored[vehicle.vin] = vehicle
        }
        #expect(expected[.added] == 120 && expected[.replaced, default: 0] > 0 && expected[.unchanged, default: 0] > 0)
        for limit in [1, 63, 64, 65, 128, 1_000] {
            let db = try memoryDatabase()
            #expect(try Self.store(file, into: db, limit: limit) == expected, "stage of \(limit)")
            let rows = try db.writer.read {
                try Row.fetchAll($0, sql: "SELECT vin, model, year FROM manufacturer_vehicle ORDER BY vin")
            }
            #expect(
                rows.map {
                    "\($0["vin"] as String) \($0["model"] as String) \(($0["year"] as Int?).map(String.init) ?? "-")"
                }
                    == stored.values.sorted { $0.vin < $1.vin }.map {
                        "\($0.vin) \($0.model) \($0.year.map(String.init) ?? "-")"
                    }, "stage of \(limit)")
        }
    }

    @Test(
        "Vehicles are stored in VIN order with each item's outcome as storing them one by one in file order gives: repeats in a file, changes, across stages"
    )
    func stagedVehicles() throws {
        let db = try memoryDatabase()
        let v = Self.vehicle
        // One by one: 5 added, 1 added, 3 added, 1 again the same (unchanged), 2 added, 3 changed (replaced), 4 added.
        let file = [
            v(5, "Sagitar", 2022), v(1, "Sagitar", 2022), v(3, "Sagitar", 2022), v(1, "Sagitar", 2022),
            v(2, "Sagitar", 2022), v(3, "速腾", 2022), v(4, "Sagitar", 2022),
        ]
        for limit in [1, 3, 1_000] {
            let fresh = try memoryDatabase()
            #expect(
                try Self.store(file, into: fresh, limit: limit) == [.added: 5, .replaced: 1, .unchanged: 1],
                "stage of \(limit)")
            #expect(
                try fresh.writer.read {
                    try String.fetchOne(
                        $0, sql: "SELECT model FROM manufacturer_vehicle WHERE vin = ?",
                        arguments: [v(3, "", nil).vin.value])
                } == "速腾")
        }
        _ = try Self.store(file, into: db, limit: 3)
        // Against the stored rows: 3 changed back, 4 the same, 6 new, then 6 again without its year.
        let second = try Self.store(
            [v(3, "Sagitar", 2022), v(4, "Sagitar", 2022), v(6, "Jetta", 2021), v(6, "Jetta", nil)], into: db, limit: 2)
        #expect(second == [.added: 1, .replaced: 2, .unchanged: 1])
        let rows = try db.writer.read {
            try Row.fetchAll($0, sql: "SELECT vin, model, year FROM manufacturer_vehicle ORDER BY vin")
        }
        #expect(rows.map { $0["model"] as String } == ["Sagitar", "Sagitar", "Sagitar", "Sagitar", "Sagitar", "Jetta"])
        #expect(rows.last.map { ($0["year"] as Int?) == nil } == true)
        // The same file again changes nothing.
        #expect(try Self.store([v(6, "Jetta", nil)], into: db, limit: 2) == [.unchanged: 1])
    }

    @Test("A batch of VINs goes to SQLite as one JSON array, read back exactly (a stray quote or backslash escaped)")
    func vinListAsJSON() throws {
        let vins = [VIN(trusted: "LFV2A21K0N3100001"), VIN(trusted: "LFV2A21K0N3100002"), VIN(trusted: #"ODD"ONE\"#)]
        let db = try memoryDatabase()
        let back = try db.writer.read {
            try String.fetchAll($0, sql: "SELECT value FROM json_each(?)", arguments: [AppDatabase.jsonArray(vins)])
        }
        #expect(back == vins.map(\.value))
    }
}
