import Foundation
import TestSupport
import Testing

@Suite("aftersales workorder (real binary)")
struct WorkOrderCLITests {
    /// A dealer with a delivered household car, a labour operation in the catalogue, a technician and a foreman.
    func dealer() throws -> CLI {
        var cli = try CLI()
        cli.now = "2026-12-06T09:00:00+08:00"
        try cli.run("init")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--plate", "京A·12345", "--make",
            "Volkswagen", "--model", "Sagitar", "--model-year", "2023", "--build-date", "2022-04-18", "--usage",
            "private", "--delivered-at", "2024-05-10 10:00")
        try cli.run("staff", "add", "刘强", "--role", "technician")
        try cli.run("staff", "add", "赵磊", "--role", "shop-foreman")
        let sql = """
            INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
            VALUES ('47 11 19 00', 'Volkswagen', '', 80, '前刹车片更换', 'test', 0);
            """
        #expect(try Binaries.run("/usr/bin/sqlite3", [cli.database, sql]).status == 0)
        return cli
    }

    @Test("A-6 to Q-8: one order from reception to delivery, approval before work, a failed check, the guarantee")
    func scenario() throws {
        let cli = try dealer()
        // A-6, C-6: reception; the mileage is a new reading.
        let opened = try cli.run(
            "workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响", "--fuel", "60",
            "--walk-around", "右前门划痕", "--promised", "2026-12-06 17:00")
        #expect(opened.stdout.contains("opened RO-20261206-001"))
        #expect(opened.stdout.contains("open recall") == false)
        #expect(opened.stdout.contains("warranty: "))
        #expect(try cli.run("vehicle", "show", "LFV2A21K3N3000123").stdout.contains("30,000"))
        try cli.run(
            "workorder", "job", "RO-20261206-001", "--edit", "1", "--kind", "minor-repair", "--system", "brakes",
            "--component", "制动系统")
        // labour from the catalogue (0.8 h × 120.00 = 96.00); other work at its price with a reason.
        let labour = try cli.run(
            "workorder", "line", "add", "RO-20261206-001", "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        #expect(labour.stdout.contains("line 1 added to job 1: ¥96.00, customer"))
        try cli.run(
            "workorder", "line", "add", "京A·12345", "--job", "1", "--kind", "other", "--code", "SUBLET", "--price",
            "150", "--reason", "四轮定位外协", "--payer", "goodwill")
        // no clock-on before the customer approves.
        try cli.run(["workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强"], expect: 1)
        let quote = try cli.run("workorder", "quote", "京A·12345")
        #expect(quote.stdout.contains("quote 1: ¥246.00, customer pays ¥96.00"))
        try cli.run("workorder", "approve", "京A·12345", "--by", "王芳", "--via", "wechat")
        try cli.run("workorder", "dispatch", "京A·12345", "--job", "1", "--technician", "刘强", "--actor", "赵磊")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强", "--off")
        // a failed check sends the job back with its reason.
        let failed = try cli.run(
            "workorder", "qc", "京A·12345", "--job", "1", "--road-test", "5", "--fail", "concern", "--reason",
            "路试仍有异响")
        #expect(failed.stdout.contains("job 1 failed its check: back to work"))
        try cli.run(["workorder", "settle", "京A·12345", "--payment", "cash"], expect: 1)
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强", "--off")
        try cli.run("workorder", "qc", "京A·12345", "--job", "1", "--road-test", "5", "--finding", "刹车片磨损到限")
        // the invoice with the split by payer; M-5: the customer's share feeds customer value.
        let settled = try cli.run("workorder", "settle", "京A·12345", "--payment", "wechat-pay")
        #expect(settled.stdout.contains("invoice INV-000001"))
        let json = try cli.json("workorder", "show", "RO-20261206-001") as! [String: Any]
        let totals = json["totals"] as! [String: Any]
        func fen(_ payer: String) -> Int? { (totals[payer] as? [String: Any])?["fen"] as? Int }
        #expect(fen("customer") == 9_600 && fen("goodwill") == 15_000)
        #expect((json["order"] as! [String: Any])["number"] as? String == "RO-20261206-001")
        // L-10: a settled order is never edited.
        let refused = try cli.run(
            ["workorder", "line", "add", "京A·12345", "--job", "1", "--kind", "labour", "--code", "47 11 19 00"],
            expect: 1)
        #expect(refused.stderr.contains("credit note"))
        // delivery starts the guarantee; the same component on a new order is a guarantee repair and comeback.
        try cli.run("workorder", "deliver", "京A·12345", "--note", "已说明")
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30500", "--concern", "刹车又响")
        let again = try cli.run(
            "workorder", "job", "京A·12345", "--edit", "1", "--component", "制动系统", "--kind", "minor-repair")
        #expect(again.stdout.contains("guarantee repair of"))
        let repeated = try cli.json("workorder", "show", "京A·12345") as! [String: Any]
        let job = ((repeated["order"] as! [String: Any])["jobs"] as! [[String: Any]])[0]
        #expect(job["guaranteeOf"] as? String == "RO-20261206-001" && job["comebackOf"] as? String == "RO-20261206-001")
        let list = try cli.run("workorder", "list").stdout
        #expect(list.contains("RO-20261206-002") && list.contains("RO-20261206-001"))
    }

    @Test("Bad input to every workorder command is refused naming the field, and the database is unchanged")
    func badInput() throws {
        let cli = try dealer()
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        let before = try Binaries.dump(cli.database)
        let order = "RO-20261206-001"
        try cli.expectRejected(
            [
                (["workorder", "open", "京A·12345", "--concern", "x"], 1, "--mileage"),
                (["workorder", "open", "京A·12345", "--mileage", "31000"], 1, "--concern"),
                (["workorder", "open", "京A·12345", "--mileage", "29000", "--concern", "x"], 1, "mileage"),
                (
                    ["workorder", "open", "京A·12345", "--mileage", "31000", "--concern", "x", "--fuel", "120"], 1,
                    "--fuel"
                ),
                (
                    ["workorder", "open", "京A·12345", "--mileage", "31000", "--concern", "x", "--promised", "soon"], 1,
                    "--promised"
                ),
                (["workorder", "open", "京Z·00000", "--mileage", "1", "--concern", "x"], 1, "京Z"),
                (["workorder", "show", "RO-20990101-001"], 1, "RO-20990101-001"),
                (["workorder", "list", "--limit", "0"], 64, "--limit"),
                (["workorder", "job", order, "--kind", "bogus"], 64, "--kind"),
                (["workorder", "job", order], 1, "--title"),
                (["workorder", "job", order, "--edit", "9", "--title", "x"], 1, "job"),
                (["workorder", "line", "add", order, "--kind", "labour", "--code", "47 11 19 00"], 1, "--job"),
                (["workorder", "line", "add", order, "--job", "1", "--kind", "labour", "--code", "99"], 1, "--code"),
                (["workorder", "line", "add", order, "--job", "1", "--kind", "other", "--code", "X"], 1, "--price"),
                (["workorder", "line", "add", order, "--job", "1", "--payer", "nobody", "--code", "X"], 64, "--payer"),
                (["workorder", "line", "payer", order, "7", "--payer", "goodwill"], 1, "line"),
                (["workorder", "line", "remove", order, "7"], 1, "line"),
                (["workorder", "quote", order], 1, "job 1"),
                (["workorder", "approve", order, "--by", "王芳"], 1, "quote"),
                (["workorder", "decline", order, "--by", "王芳", "--via", "fax"], 64, "--via"),
                (["workorder", "dispatch", order, "--job", "1", "--technician", "刘强"], 1, "job 1"),
                (["workorder", "clock", order, "--job", "1", "--technician", "刘强"], 1, "Q-2"),
                (["workorder", "qc", order, "--job", "1", "--fail", "paint"], 64, "--fail"),
                (["workorder", "qc", order, "--job", "1"], 1, "Q-4"),
                (["workorder", "settle", order, "--payment", "cash"], 1, "approved"),
                (["workorder", "settle", order, "--payment", "cheque"], 64, "--payment"),
                (["workorder", "deliver", order], 1, "settle"),
            ], unchanged: before)
    }

    @Test("Issue 16: the order sheet, its notes and refusals speak Chinese")
    func chinese() throws {
        let cli = try dealer()
        let zh = ["AFTERSALES_LANG": "zh"]
        let opened = try Binaries.run(
            "aftersales",
            [
                "workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响", "--db", cli.database,
                "--actor", "测试员",
            ], environment: zh.merging(["AFTERSALES_NOW": cli.now]) { $1 })
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.contains("已开单 RO-20261206-001"))
        #expect(opened.stdout.contains("客户报修内容") && opened.stdout.contains("本店对该车应尽的事项"))
        #expect(opened.stdout.contains("待报价"))
        let refused = try Binaries.run(
            "aftersales",
            [
                "workorder", "clock", "RO-20261206-001", "--job", "1", "--technician", "刘强", "--db", cli.database,
                "--actor", "测试员",
            ], environment: zh.merging(["AFTERSALES_NOW": cli.now]) { $1 })
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("客户确认前不得开工（Q-2）"), "\(refused.stderr)")
        let help = try Binaries.run("aftersales", ["workorder", "settle", "--help"], environment: zh)
        #expect(help.stdout.contains("工单结算"), "\(help.stdout)")
    }
}
