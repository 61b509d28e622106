import ArgumentParser
import Core
import DemoGenerator
import Foundation
import GRDB
import Storage
import WorkOrders

/// Issue 17: repair orders at the size of a large dealer group's three years (1,000,000 customers, 3,000,000
/// orders), timed through the use cases the CLI and the API call.
struct WorkOrderBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workorders",
        abstract:
            "Build (once, cached by size) a database of customers and repair orders, then time opening, settling, "
            + "today's open list and the month's report in process.")

    @Option(help: "Customers, a vehicle each (default $BENCH_WO_CUSTOMERS or 1,000,000).")
    var customers = Int(ProcessInfo.processInfo.environment["BENCH_WO_CUSTOMERS"] ?? "") ?? 1_000_000
    @Option(help: "Repair orders over three years (default $BENCH_WO_ORDERS or 3,000,000).")
    var orders = Int(ProcessInfo.processInfo.environment["BENCH_WO_ORDERS"] ?? "") ?? 3_000_000
    @Option(help: "Timed repetitions of opening and of settling (each settles its own order of 20 lines).")
    var runs = 500
    @Option(help: "Working folder.") var out = "bench-out"
    @Option(
        help: ArgumentHelp(
            "SQLite's synchronous setting for the timed writes: the app's (NORMAL in WAL: no fsync per commit, only at "
                + "checkpoints), or full (an fsync per commit)."))
    var synchronous = "app"

    static let now = Instant.parse("2026-12-06T10:30:00+08:00")!

    func validate() throws {
        guard runs >= 1, customers >= 2 * runs + 10, orders >= customers else {
            throw ValidationError("need runs >= 1, customers >= 2 × runs + 10 and orders >= customers")
        }
        guard ["app", "full"].contains(synchronous) else {
            throw ValidationError("--synchronous is app or full")
        }
    }

    func run() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let data = WorkOrderData(customers: customers, orders: orders, ready: runs, now: Self.now)
        // The generated database is kept, keyed by its sizes; each run measures on a copy (opening and settling
        // write).
        let base = "\(out)/workorders-\(customers)-\(orders)-\(runs).sqlite"
        let marker = "\(base).ready"
        if !fm.fileExists(atPath: marker) {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: base + suffix) }
            let numbers = try data.build(path: base)
            try numbers.joined(separator: "\n").write(toFile: marker, atomically: true, encoding: .utf8)
        } else {
            print("reusing \(base) (generated earlier; delete \(marker) to generate again)")
        }
        let ready = try String(contentsOfFile: marker, encoding: .utf8).split(separator: "\n").map(String.init)
        // Brings the kept database to this program's schema once (new indexes), not in every working copy.
        _ = try AppDatabase.open(path: base, clock: FixedClock(Self.now))
        let path = "\(out)/workorders-run.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        let copyStart = Date()
        try fm.copyItem(atPath: base, toPath: path)
        let size = Double((try fm.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        print(
            String(
                format: "working copy of the %.0f MB database in %.1f s", size / 1e6,
                Date().timeIntervalSince(copyStart)))
        defer { for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) } }
        let db = try AppDatabase.open(path: path, clock: FixedClock(Self.now))
        if synchronous == "full" {
            try db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
        }
        let mode = try db.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") } ?? -1
        let modeName =
            ["OFF", "NORMAL", "FULL", "EXTRA"].indices.contains(mode) ? ["OFF", "NORMAL", "FULL", "EXTRA"][mode] : "?"
        print(
            "repair orders with \(grouped(customers)) customers and \(grouped(orders)) orders (release build, in "
                + "process, \(ProcessInfo.processInfo.activeProcessorCount) cores, synchronous=\(modeName)):")

        // 1. Reception: open an order for a vehicle named by its VIN or plate, and read the sheet the desk shows
        // (warranty answer, open recalls, maintenance due, repairs under guarantee).
        var random = SeededRandom(seed: 23)
        var chosen = Set<Int>()
        while chosen.count < runs { chosen.insert(2 * runs + 1 + Int(random.next() % UInt64(customers - 2 * runs))) }
        var opened = 0
        var recalls = 0
        var guarantees = 0
        let openSamples = try chosen.sorted().shuffled(using: &random).map { id -> Sample in
            var form = ReceptionForm()
            form.vin = id % 2 == 0 ? data.vin(id).value : data.plate(id)
            form.mileage = data.mileage(id, daysAgo: 0) + 5
            form.concerns = ["保养", "刹车异响"]
            let started = Sample.now()
            let order = try db.openWorkOrder(form, actor: WorkOrderData.advisor)
            let sheet = try db.workOrderSheet(order.number)
            let elapsed = Sample.now() - started
            opened += 1
            recalls += sheet.openBulletins.count
            guarantees += sheet.underGuarantee.count
            return elapsed
        }
        report(
            "open an order by VIN or plate + its sheet", openSamples, target: 20,
            note: "\(opened) opened; \(recalls) open recalls and \(guarantees) repairs under guarantee shown")

        // 2. Settlement of an order of 20 lines (4 jobs: maintenance, a warranty repair, the open recall, a paid
        // repair): invoice, two claim drafts, the recall closed, the maintenance visit, fitted parts, revenue.
        var claims = 0
        var closed = 0
        var settleSamples: [Sample] = []
        var withSheet: [Sample] = []
        for number in ready {
            let started = Sample.now()
            let settled = try db.settleWorkOrder(number, payment: .wechatPay, actor: WorkOrderData.advisor)
            let middle = Sample.now()
            _ = try db.workOrderSheet(number)
            let end = Sample.now()
            guard settled.order.lines.count == 20 else { throw ValidationError("\(number) has not 20 lines") }
            claims += settled.claims.count
            closed += settled.bulletinsClosed.count
            settleSamples.append(middle - started)
            withSheet.append(end - started)
        }
        report(
            "settle an order of 20 lines", settleSamples, target: 20,
            note: "\(ready.count) settled, \(claims) claims drafted, \(closed) recalls closed")
        report("settle + the sheet shown after it", withSheet, target: nil, note: "")

        // 3. Today's open orders (the desk's list: `workorder list --open`, GET /v1/work-orders?open=true).
        var listed = 0
        let listSamples = try (0..<max(20, runs / 10)).map { _ -> Sample in
            let started = Sample.now()
            let page = try db.listWorkOrders(open: true)
            listed = page.total
            return Sample.now() - started
        }
        report("today's open orders (first page of 50)", listSamples, target: 50, note: "\(listed) open orders")

        // 4. The month's report.
        try monthReport(db)

        // Peak RSS (VmHWM, the kernel's high-water mark of this process's resident memory).
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?.split(separator: " ")
            .dropFirst().first.flatMap { Double($0) }
        print(String(format: "  peak RSS: %.1f MiB", (peak ?? 0) / 1024))
    }

    /// The month's report (`workorder report`, GET /v1/work-orders/report) for November 2026, target < 1 s.
    func monthReport(_ db: AppDatabase) throws {
        let from = LocalDate(year: 2026, month: 11, day: 1)!
        let to = LocalDate(year: 2026, month: 11, day: 30)!
        var orders = 0
        let samples = try (0..<10).map { _ -> Sample in
            let started = Sample.now()
            orders = try db.workOrderReport(from: from, to: to).orders
            return Sample.now() - started
        }
        report("the month's report (November 2026)", samples, target: 1_000, note: "\(orders) orders settled")
    }

    /// One timing: wall-clock milliseconds, and the process's CPU milliseconds in them (on a shared machine the
    /// difference is waiting: for the disk, or for a core).
    struct Sample {
        var wall: Double
        var cpu: Double

        static func now() -> Sample {
            var time = timespec()
            clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
            return Sample(
                wall: Double(DispatchTime.now().uptimeNanoseconds) / 1e6,
                cpu: Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6)
        }

        static func - (end: Sample, start: Sample) -> Sample {
            Sample(wall: end.wall - start.wall, cpu: end.cpu - start.cpu)
        }
    }

    /// Prints p50/p95/p99 (and the worst) of the wall times in milliseconds, with the target on p99 and PASS or FAIL,
    /// then the CPU time's p50 and p99.
    func report(_ label: String, _ samples: [Sample], target: Double?, note: String) {
        let sorted = samples.map(\.wall).sorted()
        let cpu = samples.map(\.cpu).sorted()
        func at(_ values: [Double], _ fraction: Double) -> Double {
            values[min(values.count - 1, Int(Double(values.count) * fraction))]
        }
        var line = String(
            format: "  %@: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms over %d", label, at(sorted, 0.5),
            at(sorted, 0.95), at(sorted, 0.99), sorted.last ?? 0, sorted.count)
        if let target {
            line += String(
                format: "   target p99 < %.0f ms: %@", target, at(sorted, 0.99) < target ? "PASS" : "FAIL")
        }
        line += String(format: "\n    CPU: p50 %.2f ms, p99 %.2f ms", at(cpu, 0.5), at(cpu, 0.99))
        print(line + (note.isEmpty ? "" : "; \(note)"))
    }

    func grouped(_ value: Int) -> String { Grouping.thousands(value) }
}
