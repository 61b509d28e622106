import ArgumentParser
import Core
import Foundation
import GRDB
import Storage

/// `complaints overdue` over a million complaints of which fifty thousand are open (issue target: under 200 ms).
struct ComplaintsBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaints",
        abstract: "Build a database with many complaints, then time the overdue list (K-4, K-6, K-11) in process.")

    @Option(help: "Complaints in all.") var total = 1_000_000
    @Option(help: "Open complaints among them (received in the last 30 days).") var open = 50_000
    @Option(help: "Closed complaints whose follow-up is still to make (K-11).") var followUps = 5_000
    @Option(help: "Customers they belong to.") var customers = 200_000
    @Option(help: "Timed runs.") var runs = 20
    @Option(help: "Working folder.") var out = "bench-out"
    @Flag(name: .customLong("skip-escalate"), help: "Time only the overdue list (for profiling).") var skipEscalate =
        false

    func run() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let path = "\(out)/complaints.sqlite"
        let now = Instant.parse("2026-11-23T09:00:00+08:00")!
        let marker = "\(path).built"
        let wanted = "\(total)/\(open)/\(followUps)/\(customers)"
        if (try? String(contentsOfFile: marker, encoding: .utf8)) != wanted {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
            let start = Date()
            try build(try AppDatabase.open(path: path, create: true, clock: FixedClock(now)), now: now)
            try wanted.write(toFile: marker, atomically: true, encoding: .utf8)
            print(
                String(
                    format: "built %d complaints (%d open, %d follow-ups pending) for %d customers in %.1f s", total,
                    open, followUps, customers, Date().timeIntervalSince(start)))
        }
        let db = try AppDatabase.open(path: path, clock: FixedClock(now))
        var samples: [Double] = []
        var found = 0
        _ = try db.overdueComplaints()  // warm the page cache once
        for _ in 0..<runs {
            let start = Date()
            found = try db.overdueComplaints().count
            samples.append(Date().timeIntervalSince(start) * 1000)
        }
        samples.sort()
        print(
            String(
                format:
                    "complaints overdue over %d complaints (%d open): p50 %.1f ms, max %.1f ms over %d runs, %d "
                    + "deadlines listed   target < 200 ms",
                total, open, samples[samples.count / 2], samples.last!, runs, found))
        if skipEscalate { return }
        try fm.copyItem(atPath: path, toPath: path + ".escalate")
        defer { for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + ".escalate" + suffix) } }
        let copy = try AppDatabase.open(path: path + ".escalate", clock: FixedClock(now))
        var started = Date()
        let escalated = try copy.escalateDueComplaints(actor: "bench").count
        let first = Date().timeIntervalSince(started)
        started = Date()
        let again = try copy.escalateDueComplaints(actor: "bench").count
        print(
            String(
                format:
                    "complaints escalate-due: %d escalated in %.2f s (one transaction each); run again: %d in %.0f ms",
                escalated, first, again, Date().timeIntervalSince(started) * 1000))
    }

    /// Rows written straight through prepared statements: customers, then complaints in every state.
    func build(_ db: AppDatabase, now: Date) throws {
        var random = SystemRandomNumberGenerator()
        let names = ["王芳", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴婷"]
        let categories = [
            "service-quality", "repair-technique", "parts-quality", "product-quality", "warranty-claim",
            "technical-problem", "price", "delay", "reception", "re-appointment", "other",
        ]
        let channels = ["in-person", "phone", "letter", "email", "online", "authority"]
        func time(_ date: Date) -> String { Instant.databaseString(date) }
        try db.writer.write { database in
            let customer = try database.makeStatement(
                sql:
                    "INSERT INTO customer (id, kind, name, customer_class, created_at, updated_at) VALUES (?, "
                    + "'person', ?, 'retained', ?, ?)"
            )
            for id in 1...customers {
                try customer.execute(arguments: [id, names[id % names.count] + String(id), time(now), time(now)])
            }
            try database.execute(
                sql:
                    "INSERT INTO staff (name, role, created_at) VALUES ('李娜', 'cs-agent', ?), ('王丽', "
                    + "'service-advisor', ?)",
                arguments: [now, now])
            let complaint = try database.makeStatement(
                sql: """
                    INSERT INTO complaint (kind, customer_id, channel, received_at, received_by, owner, description, \
                    category, wishes, crisis, state, level, level_since,
                        priority, first_contact_at, routed_at, routed_to, advisor, route_rule, last_report_at, \
                    reports, late_reports, repeat_contacts, unfixed_visits,
                        reassignments, missed_deadlines, reopened, process_satisfaction, result_satisfaction, \
                    verdict_at, closed_at, followup_due, followup_by, followup_at, active)
                    VALUES ('complaint', ?, ?, ?, '李娜', '李娜', '刹车异响，修了两次还没好', ?, '', 0, ?, 'handler', ?, 1, ?, ?, ?, \
                    ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            for i in 0..<total {
                let isOpen = i >= total - open
                let isFollowUp = !isOpen && i >= total - open - followUps
                let seconds: UInt64
                if isOpen {
                    seconds = random.next() % (30 * 86_400)
                } else if isFollowUp {
                    seconds = 86_400 + random.next() % (9 * 86_400)
                } else {
                    seconds = 30 * 86_400 + random.next() % (1_000 * 86_400)
                }
                let age = Double(seconds)
                let received = now.addingTimeInterval(-age)
                let state: String
                if isOpen {
                    state =
                        ["received", "contacted", "investigating", "investigating", "investigating", "resolved"][
                            Int(random.next() % 6)]
                } else {
                    state = random.next() % 20 == 0 ? "invalid" : "closed"
                }
                let contacted =
                    state == "received" ? nil : received.addingTimeInterval(Double(600 + random.next() % 5_400))
                let routed =
                    state == "investigating" || state == "resolved" || !isOpen
                    ? contacted?.addingTimeInterval(1_800) : nil
                let lastReport = routed.map {
                    min(now, $0.addingTimeInterval(Double(random.next() % UInt64(max(1, now.timeIntervalSince($0))))))
                }
                let closed =
                    isOpen || state == "invalid"
                    ? nil
                    : isFollowUp
                        ? received.addingTimeInterval(3 * 3600)
                        : received.addingTimeInterval(Double(86_400 + random.next() % (10 * 86_400)))
                let followUpDue = closed.map { LocalDate(instant: $0, in: zone).adding(days: 7).description }
                let routedTo: String? = routed == nil ? nil : "technical-director"
                let advisor: String? = routed == nil ? nil : "王丽"
                let rule: String? = routed == nil ? nil : "K-5"
                let reports = lastReport == nil ? 0 : 1
                let level: Int? = closed == nil ? nil : 6
                let closedAt: Date? = closed ?? (state == "invalid" ? received : nil)
                let followUpBy: String? = closed == nil ? nil : "李娜"
                let followUpAt: Date? = closed == nil || isFollowUp ? nil : closed
                var arguments: [(any DatabaseValueConvertible)?] = [
                    1 + Int(random.next() % UInt64(customers)), channels[i % channels.count], time(received),
                ]
                arguments += [
                    categories[i % categories.count], state, time(received), contacted.map(time), routed.map(time),
                    routedTo, advisor, rule,
                ]
                arguments += [lastReport.map(time), reports, level, level, closed.map(time), closedAt.map(time)]
                arguments += [followUpDue, followUpBy, followUpAt.map(time), isOpen || isFollowUp]
                try complaint.execute(arguments: StatementArguments(arguments))
            }
        }
    }
}
