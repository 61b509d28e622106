import Foundation
import TestSupport
import Testing

@Suite("aftersales complaints (real binary)")
struct ComplaintCLITests {
    func setUp() throws -> CLI {
        var cli = try CLI()
        cli.now = "2026-11-23T10:00:00+08:00"
        try cli.run("init")
        try cli.run("staff", "add", "李娜", "--role", "cs-agent")
        try cli.run("staff", "add", "王丽", "--role", "service-advisor")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--make", "Volkswagen", "--model",
            "Sagitar", "--usage", "private")
        return cli
    }

    @Test("K-4: complaint overdue --owner lists one owner's missed deadlines only")
    func overdueByOwner() throws {
        var cli = try setUp()
        try cli.run(
            "complaint", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category", "price",
            "--description", "价格太高")
        cli.now = "2026-11-23T12:00:00+08:00"
        let mine = try cli.json("complaint", "overdue", "--owner", "李娜") as! [[String: Any]]
        #expect(mine.count == 1 && mine.first?["owner"] as? String == "李娜")
        #expect((try cli.json("complaint", "overdue", "--owner", "王丽") as! [[String: Any]]).isEmpty)
        #expect((try cli.json("complaint", "overdue") as! [[String: Any]]).count == 1)
    }

    @Test(
        "A history entry shows when the thing happened, and when it was recorded if later; tables use the dealer's zone"
    )
    func historyWhenItHappened() throws {
        var cli = try setUp()
        try cli.run(
            "complaint", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category", "price",
            "--description", "价格太高")
        cli.now = "2026-11-23T11:00:00+08:00"
        try cli.run("complaint", "contact", "1", "--at", "2026-11-23 10:20")
        let show = try cli.run("complaint", "show", "1").stdout
        #expect(show.contains("2026-11-23 10:20 (recorded 2026-11-23 11:00)"), "\(show)")
        let file = try cli.json("complaint", "show", "1") as! [String: Any]
        let contact = try #require(
            (file["history"] as? [[String: Any]])?.first { $0["action"] as? String == "contact" })
        #expect(contact["happenedAt"] as? String == "2026-11-23T02:20:00Z")
    }

    @Test(
        "The customer card shows what matters at the counter: open complaints (a crisis first), warranty today, latest mileage"
    )
    func counterCard() throws {
        let cli = try setUp()
        try cli.run("vehicle", "deliver", "LFV2A21K3N3000123", "--at", "2026-01-10 10:00")
        try cli.run("vehicle", "mileage", "LFV2A21K3N3000123", "--km", "8600")
        try cli.run(
            "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category", "price",
            "--description", "保养价格太高")
        try cli.run(
            "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category",
            "product-quality",
            "--description", "高速行驶时方向盘抖动，担心安全", "--crisis", "安全隐患")
        let table = try cli.run("customer", "show", "1").stdout
        let crisis = try #require(table.range(of: "CRISIS 2"))
        let other = try #require(table.range(of: "保养价格太高"))
        #expect(crisis.lowerBound < other.lowerBound, "the crisis is listed first")
        #expect(table.contains("8,600") && table.contains("covered by vehicle warranty"))
        let card = try cli.json("customer", "show", "1") as! [String: Any]
        let status = try #require((card["vehicleStatus"] as? [[String: Any]])?.first)
        #expect(status["latestKilometres"] as? Int == 8_600 && status["covered"] as? Bool == true)
        #expect(
            status["warrantyLastDay"] as? String == "2029-01-10",
            "36 months for a household car (L-2), the corresponding day covered (T-1)")
        #expect((card["openComplaints"] as? [[String: Any]])?.map { $0["crisis"] as? Bool } == [true, false])
    }

    @Test(
        "From a phone complaint to the follow-up: overdue explains itself, escalate-due is idempotent, the report adds up"
    )
    func scenario() throws {
        var cli = try setUp()
        let added = try cli.run(
            "complaints", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--channel", "phone", "--received-by",
            "李娜",
            "--category", "repair-technique", "--description", "刹车异响，修了两次还没好", "--wish", "explanation-apology")
        #expect(added.stdout.contains("刹车异响，修了两次还没好"))
        #expect(added.stdout.contains("K-4"))

        cli.now = "2026-11-23T11:20:00+08:00"
        let overdue = try cli.run("complaints", "overdue")
        #expect(overdue.stdout.contains("K-4"))
        #expect(overdue.stdout.contains("missed by 20 min"))
        #expect(overdue.stdout.contains("李娜"))
        let escalated = try cli.json("complaints", "escalate-due") as! [[String: Any]]
        #expect(escalated.count == 1)
        #expect(escalated.first?["to"] as? String == "service-manager")
        let again = try cli.run("complaints", "escalate-due")
        #expect(again.stdout.contains("nothing to escalate"))

        try cli.run("complaints", "contact", "1", "--callback", "技术总监明天上午回电")
        let routed = try cli.run("complaints", "route", "1", "--advisor", "王丽")
        // Tables wrap to 120 columns: compare the words, not the line breaks.
        let words = routed.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("K-5: technical or repair-quality problem (repair-technique) → technical director"))
        cli.now = "2026-11-24T09:00:00+08:00"
        try cli.run("complaints", "progress", "1", "--note", "已更换制动片，路试正常")
        try cli.run(
            "complaints", "resolve", "1", "--summary", "免费更换前制动片", "--apology", "--measures", "更换制动片", "--agreed",
            "--cause", "defect")
        let closed = try cli.run(
            "complaints", "close", "1", "--process", "satisfied", "--result", "非常满意", "--score", "empathy=6")
        #expect(closed.stdout.contains("due by 2026-12-01, by 李娜 (K-11)"))
        #expect(closed.stdout.contains("not analysed yet (K-12)"))
        // K-12: the closed complaint waits in the market coordinator's queue until analysed.
        let due = try cli.run("complaint", "analysis-due")
        #expect(due.stdout.contains("closed") && due.stdout.contains("1–1 of 1"))

        let photo = try cli.folder.write("照片.jpg", "\u{FF}")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]).write(to: URL(fileURLWithPath: photo))
        let attached = try cli.run("complaints", "attach", "1", photo, "--kind", "photo")
        #expect(attached.stdout.contains("image/jpeg"))
        let out = cli.folder.path("back.jpg")
        try cli.run("complaints", "attachment", "1", "1", "--out", out)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]))

        cli.now = "2026-11-28T10:00:00+08:00"
        try cli.run("complaints", "followup", "1", "--result", "客户表示满意", "--satisfaction", "7")
        try cli.run("complaints", "analyse", "1", "--root-cause", "首次维修未路试", "--preventive-action", "制动维修必须路试")
        #expect(try cli.run("complaint", "analysis-due").stdout.contains("none found"))
        let report =
            try cli.json("complaints", "report", "--from", "2026-11-01", "--to", "2026-11-30") as! [String: Any]
        #expect(report["total"] as? Int == 1)
        #expect(report["analysedPercent"] as? Double == 100)
        #expect(report["firstContactInTimePercent"] as? Double == 0)
        let csv = try cli.run(
            "complaints", "report", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--csv-bom", "no")
        #expect(csv.stdout.hasPrefix("section,item,value\n"))
        #expect(csv.stdout.contains("target,first contact in time (K-4),\"target 95%, actual 0.0%: NOT met\""))
        let list = try cli.run("complaints", "list", "--format", "csv")
        #expect(list.stdout.contains("1,2026-11-23 10:00,王芳,phone,repair-technique,closed,service-manager,high"))
        let audit = try cli.run("audit", "--format", "csv")
        #expect(audit.stdout.contains("complaint"))
    }

    @Test("Every bad complaint input exits non-zero naming the field and leaves sqlite3 .dump identical")
    func badInputChangesNothing() throws {
        let cli = try setUp()
        try cli.run(
            "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category", "price",
            "--description", "价格太高")
        let before = try Binaries.dump(cli.database)
        let bin = try cli.folder.write("virus.exe", "MZ")
        let cases: [([String], Int32, String)] = [
            (
                [
                    "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜",
                    "--category", "weather", "--description", "x",
                ], 64, "--category"
            ),
            (
                [
                    "complaints", "add", "--customer", "1", "--channel", "pigeon", "--received-by", "李娜",
                    "--category", "price", "--description", "x",
                ], 64, "--channel"
            ),
            (
                [
                    "complaints", "add", "--customer", "9", "--channel", "phone", "--received-by", "李娜", "--category",
                    "price", "--description", "x",
                ], 1, "customer 9"
            ),
            (
                [
                    "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "王丽", "--category",
                    "price", "--description", "x",
                ], 1, "owner"
            ),
            (
                [
                    "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category",
                    "price", "--description", " ",
                ], 1, "description"
            ),
            (
                [
                    "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category",
                    "price", "--description", "x", "--received-at", "2027-01-01 09:00",
                ], 1, "received-at"
            ),
            (
                [
                    "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category",
                    "price",
                ], 64, "--description"
            ),
            (["complaints", "contact", "1", "--at", "2026-11-23 09:00"], 1, "at"),
            (["complaints", "contact", "7"], 1, "complaint 7"),
            (["complaints", "close", "1"], 64, "--process"),
            (["complaints", "close", "1", "--process", "happy", "--result", "satisfied"], 64, "--process"),
            (["complaints", "close", "1", "--process", "satisfied", "--result", "satisfied"], 1, "allowed now"),
            (
                ["complaints", "close", "1", "--process", "satisfied", "--result", "satisfied", "--score", "speed=5"],
                64,
                "--score"
            ),
            (["complaints", "progress", "1", "--note", "x"], 1, "allowed now"),
            (["complaints", "assign", "1", "--to", "王丽", "--reason", "x"], 1, "owner"),
            (["complaints", "assign", "1", "--to", "李娜", "--reason", " "], 1, "reason"),
            (["complaints", "escalate", "1"], 1, "reason"),
            (["complaints", "escalate", "1", "--to", "handler", "--reason", "x"], 1, "to"),
            (["complaints", "route", "1", "--to", "king"], 64, "--to"),
            (["complaints", "analyse", "1", "--root-cause", "x", "--preventive-action", "y"], 1, "allowed now"),
            (["complaints", "invalidate", "1"], 1, "explanation"),
            (["complaints", "attach", "1", bin], 1, "file"),
            (["complaints", "attach", "1", cli.folder.path("missing.jpg")], 1, "file"),
            (["complaints", "overdue", "--as-of", "yesterday"], 64, "--as-of"),
            (["complaints", "report", "--from", "2026-12-01", "--to", "2026-11-01"], 1, "to"),
            (["complaints", "list", "--state", "lost"], 64, "--state"),
        ]
        try cli.expectRejected(cases, unchanged: before)
    }
}
