import ArgumentParser
import Core
import Customers
import DemoGenerator
import Foundation
import Storage

/// `aftersales-bench`: performance figures in a release build (`make bench`). Never part of `make test`.
@main
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftersales-bench",
        abstract: "Print AfterSales performance figures (release build).",
        subcommands: [
            CustomersBench.self, WarrantyBench.self, ComplaintsBench.self, CampaignBench.self, WorkOrderBench.self,
            AppointmentBench.self,
        ])
}

struct CustomersBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract:
            "import-customers of N generated rows next to sqlite3 .import of the same rows; lookups by phone and VIN.")

    @Option(help: "Rows (customers) to generate.") var rows = 1_000_000
    @Option(help: "Working folder.") var out = "bench-out"
    @Option(help: "Lookups to time.") var lookups = 20_000

    func run() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let csv = "\(out)/customers.csv"
        let now = Instant.parse("2026-11-23T09:00:00+08:00")!
        if !fm.fileExists(atPath: csv) || (try? String(contentsOfFile: "\(csv).rows", encoding: .utf8)) != String(rows)
        {
            var generator = DemoGenerator(seed: 1, now: now)
            _ = fm.createFile(atPath: csv, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: csv))
            var buffer = DemoGenerator.csvHeader + "\n"
            for index in 0..<rows {
                buffer += generator.csvRow(index) + "\n"
                if buffer.utf8.count > 4 << 20 {
                    handle.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            handle.write(Data(buffer.utf8))
            try handle.close()
            try String(rows).write(toFile: "\(csv).rows", atomically: true, encoding: .utf8)
        }
        let size = Double((try fm.attributesOfItem(atPath: csv)[.size] as? Int) ?? 0)

        // 1. Our import, into an empty database.
        let ours = "\(out)/ours.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: ours + suffix) }
        let db = try AppDatabase.open(path: ours, create: true, clock: FixedClock(now))
        // The owners the generated rows name are staff (C-10).
        for (name, role) in DemoGenerator.staffRoles { _ = try db.addStaff(name: name, role: role, actor: "bench") }
        let start = Date()
        let report = try db.importCustomers(path: csv, actor: "bench")
        let oursSeconds = Date().timeIntervalSince(start)
        guard report.outcome == .imported else { throw ValidationError("import failed: \(report.errors.prefix(3))") }
        let auditEntries = try db.auditEntries(AuditFilter(entity: "import")).count

        // 2. sqlite3 .import of the same rows (as our import stored them) into the same tables and indexes.
        let tables = ["customer", "customer_phone", "class_move", "vehicle", "usage_change", "mileage_reading"]
        var storedRows = 0
        for table in tables {
            let file = "\(out)/\(table).csv"
            try shell("sqlite3 -csv '\(ours)' 'SELECT * FROM \(table)' > '\(file)'")
            storedRows +=
                try Int(
                    shellOutput("sqlite3 '\(ours)' 'SELECT count(*) FROM \(table)'").trimmingCharacters(
                        in: .whitespacesAndNewlines)) ?? 0
        }
        let theirs = "\(out)/sqlite3-import.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: theirs + suffix) }
        _ = try AppDatabase.open(path: theirs, create: true)
        var script = "PRAGMA foreign_keys=ON;\nBEGIN;\n"
        for table in tables { script += ".import --csv '\(out)/\(table).csv' \(table)\n" }
        script += "COMMIT;\n"
        try script.write(toFile: "\(out)/import.sql", atomically: true, encoding: .utf8)
        let sqliteStart = Date()
        try shell("sqlite3 '\(theirs)' < '\(out)/import.sql'")
        let sqliteSeconds = Date().timeIntervalSince(sqliteStart)

        print(
            "import-customers, \(rows) customers (\(report.vehicles.added) vehicles, \(report.mileage.added) "
                + "readings; \(String(format: "%.0f", size / 1e6)) MB CSV, \(storedRows) table rows):"
        )
        print(
            String(
                format: "  aftersales import-customers: %7.2f s  %9.0f rows/s  (audit entries for the import: %d)",
                oursSeconds, Double(rows) / oursSeconds, auditEntries))
        print(
            String(
                format: "  sqlite3 .import, same rows: %7.2f s  %9.0f rows/s", sqliteSeconds,
                Double(rows) / sqliteSeconds))
        print(String(format: "  ratio (ours / sqlite3 .import): %.2f   target >= 0.50", sqliteSeconds / oursSeconds))

        // 3. Lookups by phone and by VIN, in process.
        var random = SeededRandom(seed: 99)
        let vins = try shellOutput("sqlite3 '\(ours)' 'SELECT vin FROM vehicle ORDER BY random() LIMIT \(lookups)'")
            .split(separator: "\n").map(String.init)
        func measure(_ name: String, _ body: (Int) throws -> Int) rethrows {
            var samples: [Double] = []
            samples.reserveCapacity(lookups)
            var found = 0
            for i in 0..<lookups {
                let t0 = DispatchTime.now().uptimeNanoseconds
                found += try body(i)
                samples.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
            }
            samples.sort()
            print(
                String(
                    format: "  %@: p50 %.3f ms, p99 %.3f ms (%d lookups, %d found)   target p99 < 0.2 ms",
                    name, samples[samples.count / 2], samples[samples.count * 99 / 100], lookups, found))
        }
        print("customer lookup with \(rows) customers (the search use case: ids, then name, class, phones, plates):")
        try measure("by phone") { _ in
            try db.searchCustomers(DemoGenerator.mobile(Int(random.next() % UInt64(rows))), by: .phone, limit: 5).items
                .count
        }
        try measure("by VIN  ") { i in try db.searchCustomers(vins[i % vins.count], by: .vin, limit: 5).items.count }
    }

    func shell(_ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("failed: \(command)") }
    }

    func shellOutput(_ command: String) throws -> String {
        let process = Process()
        let pipe = Pipe()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
