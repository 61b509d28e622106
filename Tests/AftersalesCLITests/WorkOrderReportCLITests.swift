import Foundation
import TestSupport
import Testing

@Suite("aftersales workorder report (real binary)")
struct WorkOrderReportCLITests {
    /// One order worked for 72 minutes and settled on 2026-12-06: 0.8 h of labour at the default rate.
    func settled() throws -> CLI {
        var cli = try WorkOrderCLITests().dealer()
        try cli.run(
            "workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响", "--promised",
            "2026-12-06 17:00")
        try cli.run("workorder", "job", "京A·12345", "--edit", "1", "--kind", "minor-repair", "--system", "brakes")
        try cli.run("workorder", "line", "add", "京A·12345", "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        try cli.run("workorder", "quote", "京A·12345")
        try cli.run("workorder", "approve", "京A·12345", "--by", "王芳", "--via", "signature")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强")
        cli.now = "2026-12-06T10:12:00+08:00"
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强", "--off")
        try cli.run("workorder", "qc", "京A·12345", "--job", "1", "--road-test", "5")
        try cli.run("workorder", "settle", "京A·12345", "--payment", "cash")
        return cli
    }

    @Test("The report: a row per day and the totals, every figure, the same in JSON and CSV")
    func report() throws {
        let cli = try settled()
        let table = try cli.run("workorder", "report", "--from", "2026-12-05", "--to", "2026-12-06").stdout
        #expect(table.contains("2026-12-06") && table.contains("effective labour rate"), "\(table)")
        // 0.8 h sold of 1.2 h clocked: 66.7 %; 1.2 h of one 8-hour shift: 15.0 %; no promise due yet.
        #expect(table.contains("66.7%") && table.contains("15.0%") && table.contains("no promised time due"))
        let json = try cli.json("workorder", "report", "--from", "2026-12-05", "--to", "2026-12-06") as! [String: Any]
        #expect(json["orders"] as? Int == 1 && json["soldCentihours"] as? Int == 80)
        #expect((json["efficiency"] as? [String: Any])?["value"] as? Double == 66.7)
        #expect((json["promisedKeptRate"] as? [String: Any])?["absent"] as? String == "no-promises")
        #expect((json["days"] as? [[String: Any]])?.count == 2)
        let csv = try cli.run(
            "workorder", "report", "--from", "2026-12-05", "--to", "2026-12-06", "--format", "csv"
        ).stdout
        let rows = csv.split(separator: "\n")
        #expect(rows.count == 4, "\(csv)")  // the header, two days, the totals
        #expect(rows[2].hasPrefix("2026-12-06,1,0.80,0.80,") && rows[3].hasPrefix("total,1,0.80"), "\(csv)")
    }

    @Test("Issue 16: the report speaks Chinese; its JSON keys stay English")
    func chinese() throws {
        let cli = try settled()
        let zh = try Binaries.run(
            "aftersales",
            ["workorder", "report", "--from", "2026-12-06", "--to", "2026-12-06", "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": cli.now])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("实际工时单价") && zh.stdout.contains("技师效率") && zh.stdout.contains("单均工时"))
        #expect(zh.stdout.contains("0/0（无：没有已到期的承诺交车时间）"), "\(zh.stdout)")
        let help = try Binaries.run(
            "aftersales", ["workorder", "report", "--help"], environment: ["AFTERSALES_LANG": "zh"])
        #expect(help.stdout.contains("服务经理报表"), "\(help.stdout)")
        let bad = try Binaries.run(
            "aftersales", ["workorder", "report", "--from", "2026-12-07", "--to", "2026-12-06", "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": cli.now])
        #expect(bad.status == 64 && bad.stderr.contains("开始日期 2026年12月7日 晚于结束日期 2026年12月6日"), "\(bad.stderr)")
    }

    @Test("Bad input to workorder report exits 64 naming the option, and the database is unchanged")
    func badInput() throws {
        let cli = try settled()
        let before = try Binaries.dump(cli.database)
        try cli.expectRejected(
            [
                (["workorder", "report", "--from", "2026-13-01"], 64, "--from"),
                (["workorder", "report", "--to", "yesterday"], 64, "--to"),
                (["workorder", "report", "--from", "2026-12-07", "--to", "2026-12-06"], 64, "--from"),
                (["workorder", "report", "--from", "2025-01-01", "--to", "2026-12-06"], 64, "--to"),
                (["workorder", "report", "--from", "2026-12-07"], 64, "--from"),
                (["workorder", "report", "--format", "xml"], 64, "--format"),
            ], unchanged: before)
    }
}
