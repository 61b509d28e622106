import Foundation
import TestSupport
import Testing

@Suite("aftersales stock (real binary)")
struct StockCLITests {
    /// A dealer database whose catalogue holds two parts.
    func setUp() throws -> CLI {
        let cli = try CLI()
        try cli.run("init")
        let catalogue = try cli.folder.write(
            "catalogue.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
              <Parts>
                <Part number="5Q0 611 701 C" price="128.50" currency="CNY"><Name>前制动软管</Name></Part>
                <Part number="06L 115 562 B" price="86.00" currency="CNY"><Name>机油滤清器</Name></Part>
              </Parts>
            </ManufacturerData>
            """)
        #expect(try Binaries.run("aftersales-import", [catalogue, "--db", cli.database]).status == 0)
        return cli
    }

    @Test("Receive, issue, return, adjust: the count follows; show and list tell it; a short issue records a shortage")
    func counter() throws {
        let cli = try setUp()
        try cli.run("stock", "receive", "5Q0 611 701 C", "--quantity", "10", "--supplier-ref", "DN-1")
        try cli.run("stock", "issue", "5q0611701c", "--quantity", "3", "--order", "WO-1", "--line", "1")
        try cli.run("stock", "return", "5Q0 611 701 C", "--quantity", "1", "--order", "WO-1", "--line", "1")
        let shown = try cli.json("stock", "show", "5Q0 611 701 C") as! [String: Any]
        #expect(shown["onHand"] as? Int == 8)
        #expect(
            (shown["movements"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["return", "issue", "receipt"])
        let table = try cli.run("stock", "show", "5Q0 611 701 C").stdout
        #expect(table.contains("order WO-1 line 1"), "\(table)")
        try cli.run("stock", "adjust", "5Q0 611 701 C", "--counted", "7", "--reason", "月末盘点")
        let short = try cli.run(
            "stock", "issue", "06L 115 562 B", "--quantity", "2", "--order", "WO-2", "--line", "3", "--record-shortage")
        #expect(short.stdout.contains("not issued: parts shortage (Q-7): 2 × part 06L 115 562 B missing for line 3"))
        let list = try cli.json("stock", "list") as! [String: Any]
        #expect(
            (list["items"] as? [[String: Any]])?.map { $0["part"] as? String } == ["06L 115 562 B", "5Q0 611 701 C"])
        let shortages = try cli.json("stock", "shortages") as! [String: Any]
        #expect((shortages["items"] as? [[String: Any]])?.first?["routedTo"] as? String == "parts-manager")
        let audit = try cli.run("audit", "--entity", "stock").stdout
        #expect(audit.contains("测试员"))
    }

    @Test("Every bad stock input exits non-zero naming the field and leaves sqlite3 .dump identical")
    func badInputChangesNothing() throws {
        let cli = try setUp()
        try cli.run("stock", "receive", "5Q0 611 701 C", "--quantity", "2", "--supplier-ref", "DN-1")
        try cli.run("stock", "issue", "5Q0 611 701 C", "--quantity", "1", "--order", "WO-1", "--line", "1")
        let before = try Binaries.dump(cli.database)
        let part = "5Q0 611 701 C"
        try cli.expectRejected(
            [
                (
                    ["stock", "issue", part, "--quantity", "5", "--order", "WO-1", "--line", "1"], 1,
                    "1 on hand, 5 asked"
                ),
                (["stock", "return", part, "--quantity", "2", "--order", "WO-1", "--line", "1"], 1, "--quantity"),
                (["stock", "return", part, "--quantity", "1", "--order", "WO-9", "--line", "1"], 1, "--quantity"),
                (["stock", "receive", "1K0 000 000", "--quantity", "1", "--supplier-ref", "DN"], 1, "1K0 000 000"),
                (["stock", "receive", "5Q0_611", "--quantity", "1", "--supplier-ref", "DN"], 1, "<part>"),
                (["stock", "receive", part, "--quantity", "0", "--supplier-ref", "DN"], 1, "--quantity"),
                (["stock", "receive", part, "--quantity", "-3", "--supplier-ref", "DN"], 64, "-3"),
                (["stock", "receive", part, "--quantity", "two", "--supplier-ref", "DN"], 64, "--quantity"),
                (["stock", "receive", part, "--quantity", "1", "--supplier-ref", " "], 1, "--supplier-ref"),
                (["stock", "receive", part, "--quantity", "1"], 64, "--supplier-ref"),
                (["stock", "issue", part, "--quantity", "1", "--order", " ", "--line", "1"], 1, "--order"),
                (["stock", "issue", part, "--quantity", "1", "--order", "WO-1", "--line", "0"], 1, "--line"),
                (["stock", "adjust", part, "--counted", "1", "--reason", ""], 1, "--reason"),
                (["stock", "adjust", part, "--counted", "2000000", "--reason", "盘点"], 1, "--counted"),
                (["stock", "show", "1K0 000 000"], 1, "1K0 000 000"),
                (["stock", "list", "--limit", "0"], 64, "--limit"),
            ], unchanged: before)
    }

    @Test("In Chinese: the shortfall, the table headings and the movement kinds")
    func chinese() throws {
        let cli = try setUp()
        try cli.run("stock", "receive", "5Q0 611 701 C", "--quantity", "2", "--supplier-ref", "DN-1")
        let zh = ["--lang", "zh"]
        let refused = try cli.run(
            ["stock", "issue", "5Q0 611 701 C", "--quantity", "5", "--order", "WO-1", "--line", "1"] + zh, expect: 1)
        #expect(
            refused.stderr.contains("零件 5Q0 611 701 C：库存 2 件，工单 WO-1 第 1 行申领 5 件"), "\(refused.stderr)")
        let shown = try cli.run(["stock", "show", "5Q0 611 701 C"] + zh).stdout
        #expect(shown.contains("现有库存"), "\(shown)")
        #expect(shown.contains("入库"), "\(shown)")
        #expect(shown.contains("出入库记录（最新的在前）"), "\(shown)")
        let help = try cli.run(["stock", "issue", "--help"] + zh).stdout
        #expect(help.contains("向工单的零件行发料"), "\(help)")
        #expect(help.contains("parts-manager"), "\(help)")
    }
}
