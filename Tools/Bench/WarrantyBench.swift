import ArgumentParser
import Core
import Customers
import DemoGenerator
import Foundation
import Storage
import Warranty

/// Eligibility for one VIN (coverage plus open bulletins) with 100,000 bulletins and 10,000,000 listed VINs.
struct WarrantyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warranty",
        abstract: "Build a database with many bulletins and listed VINs, then time warranty checks in process.")

    @Option(help: "Bulletins to store.") var bulletins = 100_000
    @Option(help: "Listed VINs in all (spread over a tenth of the bulletins).") var vins = 10_000_000
    @Option(help: "Dealer vehicles.") var vehicles = 2_000
    @Option(help: "Checks to time.") var lookups = 10_000
    @Option(help: "Working folder.") var out = "bench-out"

    func run() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let path = "\(out)/warranty.sqlite"
        let now = Instant.parse("2026-11-23T09:00:00+08:00")!
        let marker = "\(path).built"
        let wanted = "\(bulletins)/\(vins)/\(vehicles)"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) != wanted {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            let db = try AppDatabase.open(path: path, create: true, clock: FixedClock(now))
            let start = Date()
            var generator = DemoGenerator(seed: 3, now: now)
            let vw = DemoGenerator.models.filter { $0.make == "Volkswagen" }
            var dealerVINs: [VIN] = []
            for i in 0..<vehicles {
                let model = vw[i % vw.count]
                let id = try db.addCustomer(
                    NewCustomer(
                        customer: Customer(name: generator.name(), customerClass: .retained, createdAt: now),
                        phones: [DemoGenerator.mobile(i)], reason: "bench"), actor: "bench"
                ).customer.id!
                let vin = DemoGenerator.vin(i, model: model, year: 2024)
                dealerVINs.append(vin)
                let delivered = now.addingTimeInterval(-Double(generator.int(30...1000)) * 86_400)
                _ = try db.addVehicle(
                    Vehicle(
                        customerID: id, vin: vin, make: model.make, model: model.model, modelYear: 2024,
                        buildDate: LocalDate(instant: delivered, in: generator.zone).adding(days: -60),
                        usage: i % 8 == 0 ? .taxi : .private, deliveredAt: delivered, createdAt: now), actor: "bench")
            }
            let listBulletins = max(1, bulletins / 10)
            let perList = vins / listBulletins
            var listed = 0
            for chunk in stride(from: 0, to: bulletins, by: 1_000) {
                try db.withManufacturerBatch(actor: "bench", source: "bench") { batch -> (commit: Bool, value: Void) in
                    for i in chunk..<min(chunk + 1_000, bulletins) {
                        let kind: Bulletin.Kind = [
                            .recall, .recall, .recall, .recall, .campaign, .campaign, .tsb, .tsb, .tsb, .extension,
                        ][i % 10]
                        var models: [Bulletin.ModelCriterion] = []
                        var ranges: [VinRange] = []
                        var list: [VIN] = []
                        var built: [Bulletin.BuiltCriterion] = []
                        switch i % 10 {
                        case 0:
                            // A national VIN list: synthetic VINs, and now and then the dealer's own.
                            list = (0..<perList).map { k in
                                DemoGenerator.vin(
                                    1_000_000 + (i / 10) * perList + k, model: vw[k % vw.count], year: 2020 + k % 6)
                            }
                            if i % 100 == 0 { list.append(dealerVINs[(i / 100) % dealerVINs.count]) }
                            listed += list.count
                        case 1, 2, 3:
                            let model = vw[i % vw.count]
                            let base = DemoGenerator.vin((i * 37) % 900_000, model: model, year: 2024)
                            let end = VIN(
                                trusted: String(base.value.prefix(11))
                                    + String(format: "%06d", min(999_999, Int(base.value.suffix(6))! + 500)))
                            ranges = [try VinRange(from: base, to: end)]
                        default:
                            // Model criteria: a few on the dealer's models, most on the rest of the manufacturer's
                            // range.
                            let name = i % 50 == 4 ? vw[(i / 50) % vw.count].model : "Model \(i % 997)"
                            let from = 2015 + i % 10
                            models = [
                                Bulletin.ModelCriterion(
                                    make: "Volkswagen", name: name, yearFrom: from, yearTo: from + 2)
                            ]
                            if i % 3 == 0 {
                                built = [
                                    Bulletin.BuiltCriterion(from: LocalDate("2022-01-01"), to: LocalDate("2025-12-31"))
                                ]
                            }
                        }
                        _ = try batch.store(
                            Bulletin(
                                manufacturer: "FAW-Volkswagen", number: "B-\(i)", kind: kind, revision: 1,
                                issued: LocalDate("2026-01-01")!,
                                title: "批量公告 \(i)", component: ["制动系统", "发动机", "变速箱", "电气系统"][i % 4], summary: "s",
                                remedy: "r",
                                models: models, built: built, vinRanges: ranges, vins: list,
                                extensionMonths: kind == .extension ? 60 : nil,
                                extensionKilometres: kind == .extension ? 150_000 : nil))
                    }
                    return (true, ())
                }
                if chunk % 10_000 == 0 { FileHandle.standardError.write(Data("  bulletins stored: \(chunk)\r".utf8)) }
            }
            try wanted.write(toFile: marker, atomically: true, encoding: .utf8)
            try dealerVINs.map(\.value).joined(separator: "\n").write(
                toFile: "\(out)/dealer-vins.txt", atomically: true, encoding: .utf8)
            print(
                String(
                    format: "setup: %d bulletins, %d listed VINs, %d dealer vehicles in %.0f s", bulletins, listed,
                    vehicles, Date().timeIntervalSince(start)))
        }
        let db = try AppDatabase.open(path: path, clock: FixedClock(now))
        let dealerVINs = try String(contentsOfFile: "\(out)/dealer-vins.txt", encoding: .utf8).split(separator: "\n")
            .map { VIN(trusted: String($0)) }
        func check(_ vin: VIN) throws -> (Double, WarrantyCheck) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let result = try db.warrantyCheck(vin: vin, on: LocalDate("2026-11-23"), mileage: 20_000, component: "制动系统")
            return (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6, result)
        }
        func report(_ label: String, _ samples: [Double]) {
            let sorted = samples.sorted()
            print(
                String(
                    format: "  %@: p50 %.3f ms, p99 %.3f ms over %d checks", label, sorted[sorted.count / 2],
                    sorted[sorted.count * 99 / 100], sorted.count))
        }
        print(
            "warranty check with \(bulletins) bulletins and \(vins) listed VINs (coverage + bulletins of one VIN, in "
                + "process; target p99 < 1 ms):"
        )
        // Cold: the first check of each vehicle in this process decodes its bulletins.
        var cold: [Double] = []
        var open = 0
        var covered = 0
        for vin in dealerVINs {
            let (ms, result) = try check(vin)
            cold.append(ms)
            open += result.openBulletins.count
            if result.decision.covered { covered += 1 }
        }
        report("first check of each of the \(dealerVINs.count) vehicles (cold)", cold)
        // Warm: a running API server's steady state, decoded bulletins held per database.
        var random = SeededRandom(seed: 5)
        var warm: [Double] = []
        for _ in 0..<lookups { warm.append(try check(dealerVINs[Int(random.next() % UInt64(dealerVINs.count))]).0) }
        report("random checks afterwards (warm)", warm)
        print(
            String(
                format: "  (%d of %d vehicles covered; %.1f open bulletins per vehicle)", covered, dealerVINs.count,
                Double(open) / Double(dealerVINs.count)))
        print("dealer VIN for the HTTP comparison: \(dealerVINs[0])")
    }
}
