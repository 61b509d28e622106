import Foundation
import TestSupport
import Testing

@Suite("aftersales segment, campaign, outbox, consent, reminders (real binary)")
struct CampaignCLITests {
    /// A database with `customers` generated customers (mobiles for all, e-mail for some), imported through the CLI.
    func setUp(customers: Int) throws -> CLI {
        var cli = try CLI()
        cli.now = "2026-12-01T09:00:00+08:00"
        try cli.run("init")
        // The generated cards name the demo staff as owners (C-10).
        let staff = try Binaries.run("aftersales-demo-data", ["staff", "--db", cli.database])
        #expect(staff.status == 0, "\(staff.stderr)")
        let csv = cli.folder.path("customers.csv")
        let generated = try Binaries.run(
            "aftersales-demo-data", ["csv", "--customers", String(customers), "--seed", "3", "--now", cli.now])
        try Data(generated.stdout.utf8).write(to: URL(fileURLWithPath: csv))
        try cli.run("import-customers", csv, "--quiet")
        return cli
    }

    func lines(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test("Segment, consent, campaign with dry run, idempotent run, delivery to an SMS CSV, report")
    func scenario() throws {
        let cli = try setUp(customers: 40)
        let preview = try cli.run("segment", "preview", "--filter", "class = retained")
        #expect(preview.stdout.contains("sms"))
        try cli.run("segment", "create", "retained", "--filter", "class = retained")
        try cli.run("consent", "set", "1", "--channel", "sms", "--status", "opt-in", "--source", "到店登记表")
        let consent = try cli.run("consent", "show", "1")
        #expect(consent.stdout.contains("opt-in") && consent.stdout.contains("到店登记表"))
        try cli.run(
            "campaign", "create", "care", "--segment", "retained", "--channel", "sms", "--category", "service",
            "--template", "尊敬的{{name}}：您的{{vehicle}}冬季免费检测，欢迎到店。{{dealer}}")
        let dry = try cli.json("campaign", "run", "care", "--dry-run") as! [String: Any]
        let dryCounts = dry["counts"] as! [String: Any]
        let queued = dryCounts["queued"] as! Int
        #expect(queued > 0)
        #expect((try cli.json("outbox", "list") as! [String: Any])["total"] as? Int == 0)
        let run = try cli.json("campaign", "run", "care") as! [String: Any]
        #expect((run["counts"] as! [String: Any])["queued"] as? Int == queued)
        let again = try cli.json("campaign", "run", "care") as! [String: Any]
        #expect((again["counts"] as! [String: Any])["queued"] as? Int == 0)
        #expect((again["counts"] as! [String: Any])["alreadyQueued"] as? Int == queued)
        let csv = cli.folder.path("sms.csv")
        try cli.run("outbox", "deliver", "--campaign", "care", "--sms-csv", csv)
        #expect(try lines(csv).count == queued + 1)
        let report = try cli.json("campaign", "report", "care") as! [String: Any]
        #expect(report["sent"] as? Int == queued)
        let reminders = try cli.run("reminders", "run", "--as-of", "2026-12-01")
        #expect(reminders.stdout.contains("annual-inspection"))
        let second = try cli.json("reminders", "run", "--as-of", "2026-12-01") as! [String: Any]
        #expect((second["kinds"] as! [[String: Any]]).allSatisfy { $0["queued"] as? Int == 0 })
    }

    @Test(
        "M-2: segments and campaigns not yet run are corrected (audited), retired, and a segment's members listed and exported"
    )
    func editAndRetire() throws {
        let cli = try setUp(customers: 40)
        try cli.run("segment", "create", "retained", "--filter", "class = retained")
        let all = try cli.json("segment", "members", "retained", "--limit", "1000") as! [String: Any]
        let total = all["total"] as! Int
        try cli.run("segment", "edit", "retained", "--filter", "class = retained and usage = taxi")
        let taxis = try cli.json("segment", "members", "retained") as! [String: Any]
        #expect((taxis["total"] as! Int) < total)
        let csv = try cli.run("segment", "members", "retained", "--format", "csv", "--csv-bom", "no", "--limit", "1000")
            .stdout
        #expect(csv.split(separator: "\n").count == (taxis["total"] as! Int) + 1)
        let audit = try cli.run("audit", "--entity", "segment").stdout.split(whereSeparator: \.isWhitespace).joined(
            separator: " ")
        #expect(audit.contains("filter: class = retained → class = retained and usage = taxi"))

        try cli.run(
            "campaign", "create", "care", "--segment", "retained", "--channel", "sms", "--category", "service",
            "--template", "{{name}}您好")
        try cli.run("campaign", "edit", "care", "--template", "尊敬的{{name}}：冬季免费检测。{{dealer}}")
        #expect(try cli.run("campaign", "show", "care").stdout.contains("冬季免费检测"))
        try cli.run("campaign", "run", "care")
        #expect(try cli.run(["campaign", "edit", "care", "--template", "改"], expect: 1).stderr.contains("has run"))
        try cli.run("campaign", "retire", "care", "--reason", "活动结束")
        #expect(try cli.run(["campaign", "run", "care"], expect: 1).stderr.contains("retired"))
        #expect(!(try cli.run("campaign", "list").stdout.contains("care")))
        try cli.run("segment", "retire", "retained", "--reason", "改用新的分组")
        #expect(
            try cli.run(
                [
                    "campaign", "create", "again", "--segment", "retained", "--channel", "sms", "--category", "service",
                    "--template", "{{name}}",
                ], expect: 1
            ).stderr.contains("segment retained was retired"))
    }

    @Test("M-1: reminders run --dry-run counts what a run would queue and leaves the database as it was")
    func remindersDryRun() throws {
        let cli = try setUp(customers: 40)
        let before = try Binaries.dump(cli.database)
        let dry = try cli.json("reminders", "run", "--as-of", "2026-12-01", "--dry-run") as! [String: Any]
        #expect(dry["dryRun"] as? Bool == true)
        #expect(try Binaries.dump(cli.database) == before)
        let real = try cli.json("reminder", "run", "--as-of", "2026-12-01") as! [String: Any]
        let counts = { (run: [String: Any]) in
            (run["kinds"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["queued"]!)" }
        }
        #expect(counts(dry) == counts(real))
        #expect((real["kinds"] as! [[String: Any]]).contains { ($0["queued"] as? Int ?? 0) > 0 })
    }

    @Test("M-3: delivery takes only the messages asked for; a cancel withdraws queued ones for good, audited")
    func deliverySelection() throws {
        let cli = try setUp(customers: 40)
        try cli.run("segment", "create", "retained", "--filter", "class = retained")
        try cli.run(
            "campaign", "create", "care", "--segment", "retained", "--channel", "sms", "--category", "service",
            "--template", "尊敬的{{name}}：冬季免费检测，欢迎到店。{{dealer}}")
        let campaign =
            ((try cli.json("campaign", "run", "care") as! [String: Any])["counts"] as! [String: Any])["queued"] as! Int
        try cli.run("reminders", "run", "--as-of", "2026-12-01")
        let queuedSMS = { () throws -> Int in
            ((try cli.json("outbox", "list", "--state", "queued", "--channel", "sms", "--limit", "1") as! [String: Any])[
                "total"] as! Int)
        }
        let reminders = try queuedSMS() - campaign
        #expect(campaign > 0 && reminders > 0)

        let csv = cli.folder.path("care.csv")
        let delivered = try cli.json("outbox", "deliver", "--campaign", "care", "--sms-csv", csv) as! [String: Any]
        #expect(delivered["sent"] as? Int == campaign)
        #expect(try lines(csv).count == campaign + 1, "only the campaign's messages are in the file")
        #expect(try queuedSMS() == reminders, "the reminders stay queued")

        let cancelled =
            try cli.json("outbox", "cancel", "--reminders", "--channel", "sms", "--reason", "短信网关停用") as! [String: Any]
        #expect(cancelled["cancelled"] as? Int == reminders)
        #expect(try queuedSMS() == 0)
        let rest =
            try cli.json("outbox", "deliver", "--all", "--sms-csv", cli.folder.path("rest.csv")) as! [String: Any]
        #expect(rest["sent"] as? Int == 0)
        try cli.run("reminders", "run", "--as-of", "2026-12-01")
        #expect(try queuedSMS() == 0, "a cancelled reminder is not queued again")
        let audit = try cli.run("audit", "--entity", "outbox")
        #expect(audit.stdout.contains("短信网关停用"))
    }

    @Test("Delivery killed with SIGKILL half-way and run again writes each message exactly once (mbox and SMS CSV)")
    func exactlyOnceAfterKill() throws {
        let cli = try setUp(customers: 6_000)
        try cli.run("segment", "create", "everyone", "--filter", "value >= 0")
        try cli.run(
            "campaign", "create", "notice-mail", "--segment", "everyone", "--channel", "email", "--category", "service",
            "--subject", "服务通知",
            "--template", "尊敬的{{name}}：本店营业时间调整。{{dealer}}")
        try cli.run(
            "campaign", "create", "notice-sms", "--segment", "everyone", "--channel", "sms", "--category", "service",
            "--template", "尊敬的{{name}}：本店营业时间调整。{{dealer}}")
        let mail =
            ((try cli.json("campaign", "run", "notice-mail") as! [String: Any])["counts"] as! [String: Any])["queued"]
            as! Int
        let sms =
            ((try cli.json("campaign", "run", "notice-sms") as! [String: Any])["counts"] as! [String: Any])["queued"]
            as! Int
        #expect(mail > 500 && sms > 5_000)
        for (flag, name, expected) in [("--mbox", "out.mbox", mail), ("--sms-csv", "sms.csv", sms)] {
            let output = cli.folder.path(name)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Binaries.path("aftersales"))
            process.arguments = [
                "outbox", "deliver", "--all", flag, output, "--batch-size", "50", "--db", cli.database, "--quiet",
            ]
            process.environment = [
                "AFTERSALES_NOW": cli.now, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin",
            ]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Kill it once it has written a few batches.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline,
                ((try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0) < 20_000
            { usleep(2_000) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(
                process.terminationReason == .uncaughtSignal, "\(flag): the delivery finished before it could be killed"
            )
            let check = try Binaries.run("/usr/bin/sqlite3", [cli.database, "PRAGMA integrity_check"])
            #expect(check.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
            try cli.run("outbox", "deliver", "--all", flag, output)
            let ids: [String]
            if flag == "--mbox" {
                let parsed = try Binaries.run(
                    "/usr/bin/python3",
                    ["-c", "import mailbox,sys; [print(m['Message-ID']) for m in mailbox.mbox(sys.argv[1])]", output])
                ids = parsed.stdout.split(separator: "\n").map(String.init)
            } else {
                ids = try lines(output).dropFirst().map { String($0.split(separator: ",").last!) }
            }
            #expect(ids.count == expected, "\(flag): \(ids.count) messages for \(expected) queued")
            #expect(Set(ids).count == ids.count, "\(flag): a message was written twice")
        }
        let counts = try cli.json("outbox", "list", "--counts") as! [String: Int]
        #expect(counts["email queued"] == nil && counts["sms queued"] == nil)
        #expect(counts["email sent"] == mail && counts["sms sent"] == sms)
    }

    @Test("Every bad campaign input exits non-zero naming the field and leaves sqlite3 .dump identical")
    func badInputChangesNothing() throws {
        let cli = try setUp(customers: 5)
        try cli.run("segment", "create", "retained", "--filter", "class = retained")
        try cli.run(
            "campaign", "create", "care", "--segment", "retained", "--channel", "sms", "--category", "service",
            "--template", "{{name}}您好")
        let before = try Binaries.dump(cli.database)
        let results = try cli.folder.write("results.csv", "message_id,status\n<outbox-99@x>,delivered\n")
        try cli.expectRejected(
            [
                (["segment", "create", "bad", "--filter", "class = "], 1, "column 9"),
                (["segment", "create", "bad", "--filter", "colour = red"], 1, "unknown field"),
                (["segment", "create", "retained", "--filter", "class = retained"], 1, "exists already"),
                (["segment", "show", "nope"], 1, "segment nope"),
                (
                    [
                        "campaign", "create", "x", "--segment", "retained", "--channel", "sms", "--category", "service",
                        "--template", "{{nmae}}",
                    ], 1, "{{nmae}} is not a field"
                ),
                (
                    [
                        "campaign", "create", "x", "--segment", "retained", "--channel", "sms", "--category", "service",
                        "--template", "{{name}}：{{due_date}}到期",
                    ], 1,
                    "column 10: {{due_date}} is filled only in reminders"
                ),
                (["segment", "create", "typo", "--filter", "class = retaind"], 1, "class is one of potential"),
                (
                    [
                        "campaign", "create", "x", "--segment", "retained", "--channel", "fax", "--category", "service",
                        "--template", "{{name}}",
                    ], 64, "--channel"
                ),
                (
                    [
                        "campaign", "create", "x", "--segment", "retained", "--channel", "email", "--category",
                        "service", "--template", "{{name}}",
                    ], 1, "subject"
                ),
                (
                    [
                        "campaign", "create", "x", "--segment", "nope", "--channel", "sms", "--category", "service",
                        "--template", "{{name}}",
                    ], 1, "segment nope"
                ),
                (
                    ["campaign", "create", "x", "--segment", "retained", "--channel", "sms", "--category", "service"],
                    64, "--template"
                ),
                (["campaign", "run", "nope"], 1, "campaign nope"),
                (["campaign", "render", "care", "--customer", "99"], 1, "customer 99"),
                (["consent", "set", "1", "--channel", "sms", "--status", "maybe", "--source", "x"], 64, "--status"),
                (["consent", "set", "1", "--channel", "sms", "--status", "opt-in", "--source", " "], 1, "source"),
                (
                    ["consent", "set", "99", "--channel", "sms", "--status", "opt-in", "--source", "x"], 1,
                    "customer 99"
                ),
                (["outbox", "deliver", "--all"], 64, "exactly one"),
                (
                    ["outbox", "deliver", "--sms-csv", cli.folder.path("x.csv")], 64,
                    "--campaign NAME, --reminders, --category CATEGORY or --all"
                ),
                (
                    ["outbox", "deliver", "--all", "--campaign", "care", "--sms-csv", cli.folder.path("x.csv")], 64,
                    "--all stands alone"
                ),
                (["outbox", "deliver", "--category", "spam", "--sms-csv", cli.folder.path("x.csv")], 64, "marketing"),
                (
                    ["outbox", "deliver", "--campaign", "nope", "--sms-csv", cli.folder.path("x.csv")], 1,
                    "campaign nope"
                ),
                (["outbox", "cancel", "--campaign", "care"], 64, "--reason"),
                (["outbox", "cancel", "--campaign", "care", "--reason", " "], 1, "reason"),
                (["outbox", "deliver", "--all", "--sendmail", "/nonexistent/sendmail"], 1, "sendmail"),
                (
                    ["outbox", "deliver", "--all", "--sms-csv", "/proc/version"], 1,
                    "output: cannot append to /proc/version"
                ),
                (["outbox", "deliver", "--all", "--mbox", cli.folder.path("")], 1, "cannot append to"),
                (["outbox", "results", results], 1, "no outbox message"),
                (["reminders", "run", "--kind", "anniversary"], 64, "--kind"),
                (["value", "add", "--customer", "1", "--amount", "12.345", "--on", "2026-11-01"], 64, "--amount"),
                (
                    ["value", "add", "--customer", "1", "--amount", "120.00", "--on", "2099-11-01"], 1,
                    "on: 2099-11-01 is in the future"
                ),
            ], unchanged: before)
    }
}
