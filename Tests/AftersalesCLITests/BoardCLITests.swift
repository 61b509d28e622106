import Foundation
import TestSupport
import Testing

@Suite("aftersales board (real binary)")
struct BoardCLITests {
    /// The work-order dealer with one booking at 10:30 today, written as booking stores it.
    func dealer() throws -> CLI {
        let cli = try WorkOrderCLITests().dealer()
        let sql = """
            INSERT INTO appointment (number, customer_id, vehicle_id, vin, channel, state, arrival, advisor, \
            price_fen, centihours, created_at, created_by) VALUES ('AP-000001', 1, 1, 'LFV2A21K3N3000123', 'phone', \
            'booked', '2026-12-06 02:30:00.000', '王丽', 38000, 100, '2026-12-05 02:00:00.000', 't');
            """
        #expect(try Binaries.run("/usr/bin/sqlite3", [cli.database, sql]).status == 0)
        return cli
    }

    @Test("The day's board to standard output or a file, masked; the same page whatever the language")
    func board() throws {
        let cli = try dealer()
        let page = try cli.run("board").stdout
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<td class=\"time\">10:30</td>") && page.contains("京A·1**45"))
        #expect(page.contains("王女士") || page.contains("王先生/女士"))
        #expect(!page.contains("王芳") && !page.contains("京A·12345") && !page.contains("13800138000"))
        let chinese = try Binaries.run(
            "aftersales", ["board", "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": "2026-12-06T09:00:00+08:00"])
        #expect(chinese.stdout == page, "the page does not depend on the language")
        let other = try cli.run("board", "--day", "2026-12-07").stdout
        #expect(other.contains("当日暂无预约到店的客户。"))
        let folder = try TemporaryDirectory()
        let out = folder.path("看板.html")
        let written = try cli.run("board", "--out", out)
        #expect(written.stdout.contains("wrote the welcome board of 2026-12-06 to \(out): 1 on the board"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == page)
        let zh = try Binaries.run(
            "aftersales", ["board", "--out", out, "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": "2026-12-06T09:00:00+08:00"])
        #expect(zh.stdout.contains("已将2026年12月6日的欢迎看板写入 \(out)：看板上共 1 位客户"), "\(zh.stdout)")
    }

    @Test("Bad input to board is refused naming the option, and the database is unchanged")
    func badInput() throws {
        let cli = try dealer()
        let before = try Binaries.dump(cli.database)
        try cli.expectRejected(
            [
                (["board", "--day", "2026-13-01"], 64, "--day"),
                (["board", "--day", "tomorrow"], 64, "--day"),
                (["board", "--day"], 64, "--day"),
                (["board", "--out", "/nonexistent/x.html"], 1, "--out"),
                (["board", "--out"], 64, "--out"),
                (["board", "--colour", "red"], 64, "--colour"),
            ], unchanged: before)
    }
}
