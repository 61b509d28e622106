import ArgumentParser
import Core
import Foundation
import GRDB
import MessagingDelivery
import Storage

/// A campaign over a million customers: selection + suppression + rendering + queueing (target under 10 s),
/// then mbox delivery of an e-mail campaign in messages per second.
struct CampaignBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaigns",
        abstract: "Build a database of N customers, then time a campaign run and an mbox delivery in process.")

    @Option(help: "Customers.") var customers = 1_000_000
    @Option(help: "Working folder.") var out = "bench-out"
    @Flag(name: .customLong("skip-delivery"), help: "Time only the campaign runs (for profiling).") var skipDelivery =
        false

    func run() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let base = "\(out)/campaigns-base.sqlite"
        let now = Instant.parse("2026-12-01T09:00:00+08:00")!
        if (try? String(contentsOfFile: base + ".built", encoding: .utf8)) != String(customers) {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: base + suffix) }
            let start = Date()
            try build(try AppDatabase.open(path: base, create: true, clock: FixedClock(now)), now: now)
            try String(customers).write(toFile: base + ".built", atomically: true, encoding: .utf8)
            print(
                String(
                    format:
                        "built %d customers (70%% with a vehicle, 40%% with e-mail, 60%% opted in to SMS) in %.1f s",
                    customers, Date().timeIntervalSince(start)))
        }
        // Each measurement starts from the same database.
        let path = "\(out)/campaigns.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        try fm.copyItem(atPath: base, toPath: path)
        let db = try AppDatabase.open(path: path, clock: FixedClock(now))
        _ = try db.createSegment(
            name: "retained-vw", filter: "class = retained and make = Volkswagen", description: nil, actor: "bench")
        _ = try db.createCampaign(
            name: "winter-sms", segment: "retained-vw", channel: .sms, category: .marketing, subject: nil,
            template: "尊敬的{{name}}{{title}}：冬季免费检测，您的{{vehicle}}（{{plate}}）欢迎到店。{{dealer}}", actor: "bench")
        var start = Date()
        let dry = try db.runCampaign("winter-sms", dryRun: true, actor: "bench")
        print(
            String(
                format: "dry run (select, suppress, render; nothing written): %.2f s, would queue %d",
                Date().timeIntervalSince(start), dry.counts.queued))
        start = Date()
        let run = try db.runCampaign("winter-sms", actor: "bench")
        let seconds = Date().timeIntervalSince(start)
        let c = run.counts
        print(
            String(
                format:
                    "campaign run over %d customers: %.2f s (selected %d, suppressed %d %@, queued %d)   target < 10 s",
                customers, seconds, c.selected, c.suppressedTotal,
                c.suppressed.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "),
                c.queued))
        start = Date()
        let again = try db.runCampaign("winter-sms", actor: "bench")
        print(
            String(
                format: "same campaign again: %.2f s, queued %d, already queued %d", Date().timeIntervalSince(start),
                again.counts.queued, again.counts.alreadyQueued))

        if skipDelivery { return }
        _ = try db.createCampaign(
            name: "notice-mail", segment: "retained-vw", channel: .email, category: .service,
            subject: "{{name}}{{title}}，营业时间调整通知",
            template: "尊敬的{{name}}{{title}}：\n本店冬季营业时间调整为 8:30-17:30。\n{{dealer}}", actor: "bench")
        let mails = try db.runCampaign("notice-mail", actor: "bench").counts.queued
        let mbox = "\(out)/campaigns.mbox"
        try? fm.removeItem(atPath: mbox)
        start = Date()
        let report = try OutboxDelivery.deliver(db, to: try MboxOutput(path: mbox))
        let deliverSeconds = Date().timeIntervalSince(start)
        let size = (try fm.attributesOfItem(atPath: mbox)[.size] as? Int) ?? 0
        print(
            String(
                format: "mbox delivery: %d e-mails (of %d queued) in %.2f s = %.0f messages/s, %.0f MB", report.sent,
                mails, deliverSeconds,
                Double(report.sent) / deliverSeconds, Double(size) / 1e6))
    }

    func build(_ db: AppDatabase, now: Date) throws {
        var random = SystemRandomNumberGenerator()
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗")
        let given = ["芳", "伟", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明"]
        let models = [
            ("Volkswagen", "Sagitar"), ("Volkswagen", "Magotan"), ("Volkswagen", "Tiguan L"), ("Audi", "A4L"),
            ("Volkswagen", "Bora"),
        ]
        let stamp = Instant.databaseString(now)
        try db.writer.write { database in
            let customer = try database.makeStatement(
                sql:
                    "INSERT INTO customer (id, kind, name, customer_class, gender, email, created_at, updated_at) "
                    + "VALUES (?, 'person', ?, ?, ?, ?, ?, ?)"
            )
            let phone = try database.makeStatement(sql: "INSERT INTO customer_phone (customer_id, phone) VALUES (?, ?)")
            let vehicle = try database.makeStatement(
                sql:
                    "INSERT INTO vehicle (customer_id, vin, plate, make, model, usage, delivered_at, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, 'private', ?, ?)"
            )
            let consent = try database.makeStatement(
                sql: "INSERT INTO consent (customer_id, channel, status, at, source) VALUES (?, 'sms', ?, ?, 'bench')")
            for id in 1...customers {
                let name = String(surnames[id % surnames.count]) + given[Int(random.next() % UInt64(given.count))]
                let klass = id % 10 < 8 ? "retained" : "intention"
                try customer.execute(arguments: [
                    id, name, klass, id % 3 == 0 ? nil : (id % 2 == 0 ? "female" : "male"),
                    id % 5 < 2 ? "c\(id)@example.cn" : nil, stamp, stamp,
                ])
                try phone.execute(arguments: [id, "13\(String(format: "%09d", id))"])
                if id % 10 < 7 {
                    let model = models[id % models.count]
                    try vehicle.execute(arguments: [
                        id, String(format: "LBENCH%011d", id), "京A\(String(format: "%05d", id % 100_000))", model.0,
                        model.1, stamp, stamp,
                    ])
                }
                let roll = random.next() % 100
                if roll < 60 {
                    try consent.execute(arguments: [id, "opt-in", stamp])
                } else if roll < 65 {
                    try consent.execute(arguments: [id, "opt-out", stamp])
                }
            }
        }
    }
}
