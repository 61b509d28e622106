import Core
import Customers
import Foundation
import Messaging
import Storage
import TestSupport
import Testing

@testable import MessagingDelivery

/// A database with `count` customers opted in to e-mail and SMS, and an e-mail and an SMS campaign queued.
func queuedDatabase(count: Int, folder: TemporaryDirectory) throws -> AppDatabase {
    let db = try AppDatabase.open(
        path: folder.path("dealer.sqlite"), create: true, clock: FixedClock(instant("2026-12-01T09:00:00+08:00")))
    try db.setSetting("messaging.unsubscribe-url", to: "https://dealer.cn/unsubscribe/", actor: "t")
    try db.setSetting("messaging.from-address", to: "service@dealer.cn", actor: "t")
    try db.setSetting("messaging.dealer-name", to: "北京朝阳4S店", actor: "t")
    for i in 0..<count {
        let card = try db.addCustomer(
            NewCustomer(
                customer: Customer(
                    name: "王芳\(i)", customerClass: .retained, gender: .female, email: "c\(i)@example.cn",
                    createdAt: db.now), phones: ["138\(String(format: "%08d", i))"], reason: "老客户"), actor: "t")
        for channel in [MessageChannel.email, .sms] {
            try db.setConsent(customer: card.customer.id!, channel: channel, status: .optIn, source: "登记表", actor: "t")
        }
    }
    _ = try db.createSegment(name: "all", filter: "class = retained", description: nil, actor: "t")
    _ = try db.createCampaign(
        name: "mail", segment: "all", channel: .email, category: .marketing, subject: "{{name}}{{title}}，冬季免费检测邀请",
        template: "尊敬的{{name}}{{title}}：\n冬季免费检测，欢迎到店。\n{{dealer}}", actor: "t")
    _ = try db.createCampaign(
        name: "sms", segment: "all", channel: .sms, category: .marketing, subject: nil,
        template: "尊敬的{{name}}{{title}}：冬季免费检测，欢迎到店。", actor: "t")
    _ = try db.runCampaign("mail", actor: "t")
    _ = try db.runCampaign("sms", actor: "t")
    return db
}

/// Python's mailbox module reads the output as a mail client would: (Message-ID, decoded subject, List-Unsubscribe, body) per message.
func parseMailbox(_ path: String, maildir: Bool = false) throws -> [[String]] {
    let script = """
        import json, mailbox, sys
        from email.header import decode_header, make_header
        box = mailbox.Maildir(sys.argv[1], create=False) if sys.argv[2] == "maildir" else mailbox.mbox(sys.argv[1])
        out = []
        for m in box:
            body = m.get_payload(decode=True).decode("utf-8")
            out.append([m["Message-ID"], str(make_header(decode_header(m["Subject"]))), str(make_header(decode_header(m["To"]))), m["List-Unsubscribe"] or "", body])
        print(json.dumps(sorted(out), ensure_ascii=False))
        """
    let result = try Binaries.run("/usr/bin/python3", ["-c", script, path, maildir ? "maildir" : "mbox"])
    guard result.status == 0 else { throw InvalidInput(field: "python", "\(result.stderr)") }
    return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String]]
}

@Suite("Delivery outputs (mbox, Maildir, CSV, sendmail)")
struct DeliveryTests {
    @Test(
        "An mbox that Python's mailbox module reads: UTF-8 subjects and names decoded, one-click List-Unsubscribe, each message once"
    )
    func mbox() throws {
        let folder = try TemporaryDirectory()
        let db = try queuedDatabase(count: 5, folder: folder)
        let report = try OutboxDelivery.deliver(db, to: try MboxOutput(path: folder.path("out.mbox")), batchSize: 2)
        #expect(report.sent == 5 && report.failed == 0)
        let messages = try parseMailbox(folder.path("out.mbox"))
        #expect(messages.count == 5)
        #expect(Set(messages.map { $0[0] }).count == 5)
        let first = try #require(messages.first { $0[1].hasPrefix("王芳0") })
        #expect(first[1] == "王芳0女士，冬季免费检测邀请")
        #expect(first[2] == "王芳0 <c0@example.cn>")
        #expect(first[3].hasPrefix("<https://dealer.cn/unsubscribe/"))
        #expect(first[4].hasPrefix("尊敬的王芳0女士：\n冬季免费检测，欢迎到店。\n北京朝阳4S店"))
        // The unsubscribe link in the message works.
        let token = String(first[3].dropFirst("<https://dealer.cn/unsubscribe/".count).prefix { $0 != ">" })
        #expect(try db.unsubscribe(token: token).channel == .email)
        // Nothing is left to deliver.
        #expect(try OutboxDelivery.deliver(db, to: try MboxOutput(path: folder.path("out.mbox"))).sent == 0)
        #expect(try parseMailbox(folder.path("out.mbox")).count == 5)
    }

    @Test("A run that dies after writing a batch but before marking it sent writes nothing twice when run again")
    func interrupted() throws {
        let folder = try TemporaryDirectory()
        let db = try queuedDatabase(count: 6, folder: folder)
        let mbox = try MboxOutput(path: folder.path("out.mbox"))
        // Deliver one batch properly, then write a second one and "die" before finishing it.
        _ = try OutboxDelivery.deliver(db, to: mbox, batchSize: 2, limit: 2)
        let batch = try db.beginDeliveryBatch(
            channel: .email, output: mbox.key, position: try mbox.position(), limit: 2)
        _ = try mbox.write(Array(batch.messages.prefix(1)), settings: try db.deliverySettings(), now: db.now)
        let report = try OutboxDelivery.deliver(db, to: try MboxOutput(path: folder.path("out.mbox")))
        #expect(report.sent == 4)
        let ids = try parseMailbox(folder.path("out.mbox")).map { $0[0] }
        #expect(ids.count == 6 && Set(ids).count == 6)

        // Maildir: a message completed before the crash is kept and marked sent.
        let maildir = try MaildirOutput(directory: folder.path("Maildir"))
        let other = try queuedDatabase(count: 3, folder: try TemporaryDirectory())
        let pending = try other.beginDeliveryBatch(channel: .email, output: maildir.key, position: 0, limit: 3)
        _ = try maildir.write(Array(pending.messages.prefix(2)), settings: try other.deliverySettings(), now: other.now)
        let resumed = try OutboxDelivery.deliver(other, to: maildir)
        #expect(resumed.recovered == 2 && resumed.sent == 1)
        let files = try parseMailbox(folder.path("Maildir"), maildir: true)
        #expect(files.count == 3 && Set(files.map { $0[0] }).count == 3)
    }

    @Test("Two deliveries of one channel at once never take the same message")
    func twoOutputs() throws {
        let folder = try TemporaryDirectory()
        let db = try queuedDatabase(count: 4, folder: folder)
        let first = try MboxOutput(path: folder.path("a.mbox"))
        let second = try MboxOutput(path: folder.path("b.mbox"))
        let inFlight = try db.beginDeliveryBatch(
            channel: .email, output: first.key, position: try first.position(), limit: 2)
        #expect(inFlight.messages.count == 2)
        #expect(try OutboxDelivery.deliver(db, to: second).sent == 2)
        #expect(try OutboxDelivery.deliver(db, to: first).sent == 2)
        let ids =
            try parseMailbox(folder.path("a.mbox")).map { $0[0] } + parseMailbox(folder.path("b.mbox")).map { $0[0] }
        #expect(ids.count == 4 && Set(ids).count == 4)
    }

    @Test(
        "SMS rows for the gateway carry the unsubscribe suffix and the Message-ID; results fed back mark delivered and failed"
    )
    func smsAndResults() throws {
        let folder = try TemporaryDirectory()
        let db = try queuedDatabase(count: 3, folder: folder)
        let csv = folder.path("sms.csv")
        #expect(try OutboxDelivery.deliver(db, to: try CSVOutput(path: csv, channel: .sms)).sent == 3)
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "phone,text,message_id")
        #expect(lines.count == 4)
        #expect(lines[1].hasPrefix("13800000000,尊敬的王芳0女士：冬季免费检测，欢迎到店。回T退订,<outbox-"))
        let ids = lines.dropFirst().map { $0.split(separator: ",").last.map(String.init)! }
        let results = try db.applyDeliveryResults(
            [(2, ids[0], "delivered", nil), (3, ids[1], "failed", "号码停机"), (4, "<outbox-999@x>", "delivered", nil)],
            actor: "gateway")
        #expect(results.applied == 2 && results.rejected == ["line 4: message_id: no outbox message <outbox-999@x>"])
        #expect(try db.outbox(OutboxFilter(state: .failed)).items.first?.reason == "号码停机")
        #expect(try db.applyDeliveryResults([(2, ids[0], "delivered", nil)], actor: "gateway").unchanged == 1)
    }

    @Test("A sendmail program gets each message on its standard input; one it refuses is failed, the others sent")
    func sendmail() throws {
        let folder = try TemporaryDirectory()
        let db = try queuedDatabase(count: 3, folder: folder)
        let spool = folder.path("spool")
        try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        let script = try folder.write(
            "sendmail",
            """
            #!/bin/sh
            [ "$1" = "-t" ] && [ "$2" = "-oi" ] || exit 64
            f=$(mktemp \(spool)/m.XXXXXX); cat > "$f"
            grep -q 'c1@example.cn' "$f" && exit 75
            exit 0
            """)
        chmod(script, 0o755)
        let report = try OutboxDelivery.deliver(db, to: try SendmailOutput(program: script))
        #expect(report.sent == 2 && report.failed == 1)
        #expect(try db.outbox(OutboxFilter(state: .failed)).items.first?.reason == "sendmail exited with status 75")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool).count == 3)
    }
}
