import Foundation
import TestSupport
import Testing

@Suite("aftersales workorder print (real binary)")
struct WorkOrderPrintCLITests {
    @Test("A-6, Q-2, L-10: the three pages to standard output or a file; bilingual whatever --lang says")
    func print() throws {
        let cli = try WorkOrderCLITests().dealer()
        try cli.run(
            "workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响 <b>\"急\"</b>",
            "--walk-around", "右前门划痕")
        let request = try cli.run("workorder", "print", "京A·12345", "--document", "request")
        #expect(request.stdout.hasPrefix("<!doctype html>"))
        #expect(request.stdout.contains("刹车异响 &lt;b&gt;&quot;急&quot;&lt;/b&gt;") && request.stdout.contains("右前门划痕"))
        let chinese = try Binaries.run(
            "aftersales", ["workorder", "print", "京A·12345", "--document", "request", "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": "2026-12-06T09:00:00+08:00"])
        #expect(chinese.stdout == request.stdout, "the page does not depend on the language")
        try cli.run(
            "workorder", "line", "add", "京A·12345", "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        try cli.run("workorder", "quote", "京A·12345")
        try cli.run("workorder", "approve", "京A·12345", "--by", "王芳", "--via", "signature")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强", "--off")
        try cli.run("workorder", "qc", "京A·12345", "--job", "1", "--road-test", "5", "--finding", "刹车片磨损到限")
        try cli.run("workorder", "settle", "京A·12345", "--payment", "alipay")
        let folder = try TemporaryDirectory()
        let out = folder.path("记录.html")
        let written = try cli.run(
            "workorder", "print", "RO-20261206-001", "--document", "record", "--out", out)
        #expect(written.stdout.contains("wrote Repair record and invoice of RO-20261206-001 to \(out)"))
        let page = try String(contentsOfFile: out, encoding: .utf8)
        #expect(page.contains("INV-000001") && page.contains("¥96.00") && page.contains("LFV2A21K3N3000123"))
        #expect(page.contains("维修竣工记录及结算单 <span class=\"en\" lang=\"en\">Repair record and invoice</span>"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["记录.html"])
    }

    @Test("Bad input to workorder print is refused naming the option or why, and the database is unchanged")
    func badInput() throws {
        let cli = try WorkOrderCLITests().dealer()
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        let before = try Binaries.dump(cli.database)
        let order = "RO-20261206-001"
        try cli.expectRejected(
            [
                (["workorder", "print", order], 64, "--document"),
                (["workorder", "print", order, "--document", "invoice"], 64, "--document"),
                (["workorder", "print", order, "--document", "quote"], 1, "has no quote yet"),
                (["workorder", "print", order, "--document", "record"], 1, "once it is settled (L-10)"),
                (["workorder", "print", "RO-20990101-001", "--document", "request"], 1, "RO-20990101-001"),
                (["workorder", "print", order, "--document", "request", "--out", "/nonexistent/x.html"], 1, "--out"),
            ], unchanged: before)
        let chinese = try Binaries.run(
            "aftersales", ["workorder", "print", order, "--document", "record", "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh"])
        #expect(chinese.status == 1 && chinese.stderr.contains("结算后才能打印维修竣工记录及结算单（L-10）"))
    }
}
