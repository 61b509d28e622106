import Foundation
import TestSupport
import Testing

@Suite("aftersales workorder credit and line issue (real binary)")
struct WorkOrderCorrectionCLITests {
    /// The work-order dealer with a part in the catalogue, and an order whose job is worked through: a labour line
    /// and a part line (line 2), ready to settle once the part is issued.
    func workedOrder() throws -> CLI {
        let cli = try WorkOrderCLITests().dealer()
        let sql = """
            INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) \
            VALUES ('5Q0 698 151', '前刹车片', 45000, 'CNY', '2026-01-01', 'test', 0);
            """
        #expect(try Binaries.run("/usr/bin/sqlite3", [cli.database, sql]).status == 0)
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        try cli.run("workorder", "job", "京A·12345", "--edit", "1", "--kind", "minor-repair", "--component", "制动系统")
        try cli.run(
            "workorder", "line", "add", "京A·12345", "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        try cli.run(
            "workorder", "line", "add", "京A·12345", "--job", "1", "--kind", "part", "--code", "5Q0 698 151",
            "--quantity", "2")
        try cli.run("workorder", "quote", "京A·12345")
        try cli.run("workorder", "approve", "京A·12345", "--by", "王芳", "--via", "signature")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强", "--off")
        try cli.run("workorder", "qc", "京A·12345", "--job", "1", "--road-test", "5")
        return cli
    }

    @Test("Parts, Q-7, K-5, L-10: issue the part line, settle, credit, settle again; the history stays on the sheet")
    func scenario() throws {
        let cli = try workedOrder()
        try cli.run("stock", "receive", "5Q0 698 151", "--quantity", "1", "--supplier-ref", "DN-1")
        // Q-7, K-5: one on hand, two asked: nothing issued, the shortage is the order's delay reason.
        let short = try cli.run("workorder", "line", "issue", "京A·12345", "2")
        #expect(short.stdout.contains("stock short: parts shortage (Q-7): 1 × part 5Q0 698 151 missing for line 2"))
        #expect(short.stdout.contains("routed to the parts manager (K-5)"))
        let shortages = try cli.run("stock", "shortages", "--order", "RO-20261206-001").stdout
        #expect(shortages.contains("5Q0 698 151"))
        // The stocked part not issued: settlement waits.
        let waiting = try cli.run(["workorder", "settle", "京A·12345", "--payment", "cash"], expect: 1)
        #expect(waiting.stderr.contains("aftersales workorder line issue RO-20261206-001 2"), "\(waiting.stderr)")
        try cli.run("stock", "receive", "5Q0 698 151", "--quantity", "3", "--supplier-ref", "DN-2")
        let issued = try cli.run("workorder", "line", "issue", "京A·12345", "2")
        #expect(issued.stdout.contains("line 2 issued: 2 × 5Q0 698 151, 2 left on hand"))
        #expect(issued.stdout.contains("issued 2 of 2"))
        try cli.run("workorder", "settle", "京A·12345", "--payment", "cash")
        // L-10: the credit note, then a new invoice; the history stays.
        let credited = try cli.run("workorder", "credit", "京A·12345", "--reason", "付款方式记错")
        #expect(credited.stdout.contains("credit note CN-000001 for invoice INV-000001: ¥996.00 (L-10)"))
        #expect(credited.stdout.contains("customer revenue reversed: ¥996.00 (M-5)"))
        try cli.run("workorder", "settle", "京A·12345", "--payment", "wechat-pay")
        let sheet = try cli.run("workorder", "show", "京A·12345").stdout
        #expect(sheet.contains("INV-000001") && sheet.contains("CN-000001") && sheet.contains("INV-000002"))
        #expect(sheet.contains("-996.00"), "\(sheet)")
        let json = try cli.json("workorder", "show", "京A·12345") as! [String: Any]
        let notes = (json["order"] as! [String: Any])["creditNotes"] as! [[String: Any]]
        #expect(notes.map { $0["number"] as? String } == ["CN-000001"])
        #expect((notes[0]["invoice"] as? [String: Any])?["number"] as? String == "INV-000001")
    }

    @Test("Issue 16: the credit note and the issue speak Chinese")
    func chinese() throws {
        let cli = try workedOrder()
        let zh = ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": cli.now]
        func run(_ arguments: [String]) throws -> ProcessResult {
            try Binaries.run("aftersales", arguments + ["--db", cli.database, "--actor", "测试员"], environment: zh)
        }
        let short = try run(["workorder", "line", "issue", "京A·12345", "2"])
        #expect(short.status == 0, "\(short.stderr)")
        #expect(short.stdout.contains("库存不足：缺件（Q-7）") && short.stdout.contains("已转配件经理处理（K-5）"))
        let label = try run(["workorder", "line", "issue", "京A·12345", "1"])
        #expect(label.status == 1 && label.stderr.contains("只有零件行才能发料"), "\(label.stderr)")
        try cli.run("stock", "receive", "5Q0 698 151", "--quantity", "2", "--supplier-ref", "DN-1")
        #expect(try run(["workorder", "line", "issue", "京A·12345", "2"]).stdout.contains("已发 2/2"))
        try cli.run("workorder", "settle", "京A·12345", "--payment", "cash")
        let credited = try run(["workorder", "credit", "京A·12345", "--reason", "开错票"])
        #expect(credited.stdout.contains("已为发票 INV-000001 开具红字发票 CN-000001"), "\(credited.stdout)")
        #expect(credited.stdout.contains("单据") && credited.stdout.contains("冲销 INV-000001：开错票"))
        let again = try run(["workorder", "credit", "京A·12345", "--reason", "再冲一次"])
        #expect(again.status == 1 && again.stderr.contains("没有可冲红的发票"), "\(again.stderr)")
        let help = try Binaries.run("aftersales", ["workorder", "credit", "--help"], environment: zh)
        #expect(help.stdout.contains("红字发票"), "\(help.stdout)")
    }

    @Test("Bad input to credit and line issue is refused naming the option, and the database is unchanged")
    func badInput() throws {
        let cli = try workedOrder()
        let before = try Binaries.dump(cli.database)
        let order = "RO-20261206-001"
        try cli.expectRejected(
            [
                (["workorder", "credit", order], 64, "--reason"),
                (["workorder", "credit", order, "--reason", " "], 1, "--reason"),
                (["workorder", "credit", order, "--reason", "开错票"], 1, "L-10"),
                (["workorder", "credit", "RO-20990101-001", "--reason", "x"], 1, "RO-20990101-001"),
                (["workorder", "line", "issue", order], 64, "<line>"),
                (["workorder", "line", "issue", order, "two"], 64, "<line>"),
                (["workorder", "line", "issue", order, "9"], 1, "line"),
                (["workorder", "line", "issue", order, "1"], 1, "not a part"),
                (["workorder", "line", "issue", "RO-20990101-001", "2"], 1, "RO-20990101-001"),
            ], unchanged: before)
    }
}
