import Foundation
import TestSupport
import Testing

/// Issue 17's scenarios through the real `aftersales` binary, each step citing its rule: one order from reception to
/// delivery, a supplementary quote, a failed quality check, a warranty line that becomes a claim, a comeback.
@Suite("aftersales workorder scenarios (real binary)")
struct WorkOrderScenarioCLITests {
    /// The dealer of the work-order tests: 王芳's delivered Sagitar 京A·12345, a catalogue labour operation
    /// (47 11 19 00, 0.8 h), technician 刘强 and foreman 赵磊; the clock at 2026-12-06 09:00 Beijing time.
    func dealer() throws -> CLI { try WorkOrderCLITests().dealer() }

    /// The sheet of `order` as JSON (`workorder show --format json`).
    func sheet(_ cli: CLI, _ order: String) throws -> [String: Any] {
        try cli.json("workorder", "show", order) as! [String: Any]
    }

    func jobs(_ sheet: [String: Any]) -> [[String: Any]] {
        (sheet["order"] as! [String: Any])["jobs"] as! [[String: Any]]
    }

    /// Q-2 then Q-4: the open jobs quoted and approved, job `job` dispatched to 刘强, clocked and passed.
    func repair(_ cli: CLI, _ order: String, job: Int = 1) throws {
        try cli.run("workorder", "quote", order)
        try cli.run("workorder", "approve", order, "--by", "王芳", "--via", "signature")
        try cli.run("workorder", "dispatch", order, "--job", "\(job)", "--technician", "刘强", "--actor", "赵磊")
        try cli.run("workorder", "clock", order, "--job", "\(job)", "--technician", "刘强")
        try cli.run("workorder", "clock", order, "--job", "\(job)", "--technician", "刘强", "--off")
        try cli.run("workorder", "qc", order, "--job", "\(job)", "--road-test", "5")
    }

    /// the brake order opened, its catalogue labour quoted and approved, and 刘强 clocked on.
    func startWork(_ cli: CLI) throws -> String {
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        let order = "RO-20261206-001"
        try cli.run("workorder", "line", "add", order, "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        try cli.run("workorder", "quote", order)
        try cli.run("workorder", "approve", order, "--by", "王芳", "--via", "signature")
        try cli.run("workorder", "dispatch", order, "--job", "1", "--technician", "刘强", "--actor", "赵磊")
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强")
        return order
    }

    @Test("(a) A-6 to delivery: reception, quote, approval, dispatch, clocking, check, invoice, delivery")
    func receptionToDelivery() throws {
        var cli = try dealer()
        // reception with the concern in the customer's words, fuel, walk-around and the promised time.
        let opened = try cli.run(
            "workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响", "--fuel", "60",
            "--walk-around", "右前门划痕", "--return-old-parts", "--promised", "2026-12-06 17:00")
        #expect(opened.stdout.contains("opened RO-20261206-001"))
        let order = "RO-20261206-001"
        // C-6: the arrival mileage is a new reading of the vehicle.
        #expect(try cli.run("vehicle", "show", "京A·12345").stdout.contains("30,000"))
        // W-8: the sheet answers the warranty at reception.
        let received = try sheet(cli, order)
        #expect((received["warranty"] as? [String: Any])?["covered"] as? Bool == true)
        #expect(received["state"] as? String == "open")
        // the job's kind sets its guarantee; its system and component are what the 三包 assessment reads.
        try cli.run(
            "workorder", "job", order, "--edit", "1", "--kind", "minor-repair", "--system", "brakes", "--component",
            "制动系统")
        // labour from the catalogue: 0.8 h × ¥120.00.
        let line = try cli.run(
            "workorder", "line", "add", order, "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        #expect(line.stdout.contains("line 1 added to job 1: ¥96.00, customer"))
        // the quote, then the customer's approval (who, how); the job is then the foreman's to dispatch.
        #expect(try cli.run("workorder", "quote", order).stdout.contains("quote 1: ¥96.00"))
        try cli.run("workorder", "approve", order, "--by", "王芳", "--via", "signature")
        try cli.run("workorder", "dispatch", order, "--job", "1", "--technician", "刘强", "--actor", "赵磊")
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强", "--off")
        // the check and road test pass.
        try cli.run("workorder", "qc", order, "--job", "1", "--road-test", "5", "--finding", "刹车片磨损到限")
        #expect(try sheet(cli, order)["state"] as? String == "qc-passed")
        // the invoice, numbered without gaps; M-5: the customer's share is service revenue.
        let settled = try cli.run("workorder", "settle", order, "--payment", "wechat-pay")
        #expect(settled.stdout.contains("invoice INV-000001"))
        // delivery with the explanation; L-10: the record holds it all; Q-8: the guarantee starts.
        try cli.run("workorder", "deliver", order, "--note", "已向客户说明更换刹车片")
        let delivered = try sheet(cli, order)
        #expect(delivered["state"] as? String == "delivered")
        let record = delivered["record"] as! [String: Any]
        #expect(record["customerDescription"] as? [String] == ["刹车异响"])
        #expect(record["labourCentihours"] as? Int == 80)
        #expect(record["deliveredAt"] as? String != nil)
        #expect(record["signedByCustomer"] as? [String] == ["王芳"])
        let invoice = (delivered["order"] as! [String: Any])["invoice"] as! [String: Any]
        #expect(((invoice["totals"] as! [String: Any])["customer"] as? [String: Any])?["fen"] as? Int == 9_600)
        // a later order on the car shows the repair still under its guarantee.
        cli.now = "2026-12-08T09:00:00+08:00"
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30200", "--concern", "保养")
        let next = try sheet(cli, "京A·12345")
        let guarantee = (next["underGuarantee"] as! [[String: Any]]).first?["job"] as? [String: Any]
        #expect(guarantee?["order"] as? String == order)
        // delivery made the follow-up task, due within 3 days, for someone neutral to the order (not its
        // advisor nor its technician); the customer's answer with a problem opens a complaint on the order (K-1).
        try cli.run("staff", "add", "李娜", "--role", "cs-agent")
        #expect(try cli.run("followup", "due").stdout.contains(order))
        func neutral(_ arguments: String...) throws -> ProcessResult {
            try Binaries.run(
                "aftersales", arguments + ["--db", cli.database, "--actor", "李娜"],
                environment: ["AFTERSALES_NOW": cli.now, "AFTERSALES_LANG": "en"])
        }
        #expect(try neutral("followup", "attempt", "1", "--outcome", "reached").status == 0)
        let answered = try neutral("followup", "done", "1", "--score", "5", "--problem", "刹车仍有轻微异响")
        #expect(answered.stdout.contains("complaint 1 opened for order \(order) (K-1)"), "\(answered.stderr)")
    }

    @Test("(b) Q-2: work found during the repair (追加) needs its own quote and approval before clocking")
    func supplementaryQuote() throws {
        let cli = try dealer()
        let order = try startWork(cli)
        // a job added after the first quote is supplementary; no technician clocks on it yet.
        try cli.run("workorder", "job", order, "--title", "更换雨刮片", "--kind", "minor-repair")
        try cli.run(
            "workorder", "line", "add", order, "--job", "2", "--kind", "other", "--code", "MATERIAL", "--price", "80",
            "--reason", "雨刮片一副")
        try cli.run("workorder", "dispatch", order, "--job", "2", "--technician", "刘强", "--actor", "赵磊", expect: 1)
        let refused = try cli.run(["workorder", "clock", order, "--job", "2", "--technician", "刘强"], expect: 1)
        #expect(refused.stderr.contains("Q-2"))
        // its own quote (version 2, supplementary, only the new job) and its own approval.
        let quote = try cli.run("workorder", "quote", order)
        #expect(quote.stdout.contains("quote 2: ¥80.00"))
        let quoted = try sheet(cli, order)
        let quotes = (quoted["order"] as! [String: Any])["quotes"] as! [[String: Any]]
        #expect(quotes.map { $0["supplementary"] as? Bool } == [false, true])
        #expect(quotes.last?["jobs"] as? [Int] == [2])
        try cli.run("workorder", "approve", order, "--job", "2", "--by", "王芳", "--via", "phone")
        try cli.run("workorder", "dispatch", order, "--job", "2", "--technician", "刘强", "--actor", "赵磊")
        try cli.run("workorder", "clock", order, "--job", "2", "--technician", "刘强")
        let jobs = jobs(try sheet(cli, order))
        #expect(jobs.map { $0["supplementary"] as? Bool } == [false, true])
        #expect(jobs.map { ($0["approval"] as? [String: Any])?["method"] as? String } == ["signature", "phone"])
        #expect(jobs.map { ($0["approval"] as? [String: Any])?["quote"] as? Int } == [1, 2])
        #expect(jobs.map { $0["state"] as? String } == ["in-work", "in-work"])
    }

    @Test("(c) Q-4: a failed check sends the job back to work with the reason; it passes after the rework")
    func failedCheck() throws {
        let cli = try dealer()
        let order = try startWork(cli)
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强", "--off")
        // the road test finds the concern still there: back to the workshop, the reason kept.
        let failed = try cli.run(
            "workorder", "qc", order, "--job", "1", "--road-test", "8", "--fail", "concern", "--reason", "路试仍有异响")
        #expect(failed.stdout.contains("job 1 failed its check: back to work"))
        let back = jobs(try sheet(cli, order))[0]
        #expect(back["qcFailure"] as? String == "路试仍有异响")
        #expect(back["state"] as? String != "qc-passed")
        #expect(try cli.run("workorder", "show", order).stdout.contains("路试仍有异响"))
        // Q-3 after Q-4: no invoice while a job has not passed its check.
        try cli.run("workorder", "settle", order, "--payment", "cash", expect: 1)
        // The rework, then the check passes; both checks are kept.
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强", "--off")
        try cli.run("workorder", "qc", order, "--job", "1", "--road-test", "5", "--finding", "刹车片磨损到限")
        let passed = try sheet(cli, order)
        #expect(jobs(passed)[0]["state"] as? String == "qc-passed")
        let checks = ((passed["order"] as! [String: Any])["checks"] as! [String: Any])["1"] as! [[String: Any]]
        #expect(checks.map { $0["failed"] as? [String] } == [["concern"], []])
        #expect(checks.map { $0["roadTestKilometres"] as? Int } == [8, 5])
        #expect(jobs(passed)[0]["spells"].map { ($0 as! [Any]).count } == 2)
        try cli.run("workorder", "settle", order, "--payment", "cash")
    }

    @Test("(d) W-8, W-7: a warranty line keeps its decision and becomes a claim draft at settlement")
    func warrantyClaim() throws {
        let cli = try dealer()
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        let order = "RO-20261206-001"
        try cli.run(
            "workorder", "job", order, "--edit", "1", "--kind", "minor-repair", "--system", "brakes", "--component",
            "制动系统", "--finding", "制动卡钳异响")
        // W-8: on warranty the check runs for the component and its decision is frozen on the line.
        try cli.run(
            "workorder", "line", "add", order, "--job", "1", "--kind", "labour", "--code", "47 11 19 00", "--payer",
            "warranty", "--component", "制动系统")
        // other work the warranty does not pay stays with the customer.
        try cli.run(
            "workorder", "line", "add", order, "--job", "1", "--kind", "other", "--code", "SUBLET", "--price", "50",
            "--reason", "清洗制动盘")
        let lines = (try sheet(cli, order)["order"] as! [String: Any])["lines"] as! [[String: Any]]
        let decision = lines[0]["decision"] as? [String: Any]
        #expect(lines[0]["payer"] as? String == "warranty")
        #expect(decision?["covered"] as? Bool == true)
        try repair(cli, order)
        // W-7: settlement drafts the claim from the warranty lines: no retyping.
        let settled = try cli.run("workorder", "settle", order, "--payment", "cash")
        #expect(settled.stdout.contains("claim drafts 1 (W-7)"), "\(settled.stdout)")
        let claim = try cli.json("claim", "show", "1") as! [String: Any]
        let text = String(describing: claim)
        #expect(text.contains("47 11 19 00"))
        #expect(text.contains(order))
        #expect(text.contains("draft"))
        let shown = try cli.run("claim", "show", "1").stdout
        #expect(shown.contains("47 11 19 00") && shown.contains(order))
        // the totals split by payer; the customer pays only the other work.
        let totals = try sheet(cli, order)["totals"] as! [String: Any]
        #expect((totals["warranty"] as? [String: Any])?["fen"] as? Int == 9_600)
        #expect((totals["customer"] as? [String: Any])?["fen"] as? Int == 5_000)
    }

    @Test("(e) Q-8, Q-5: the same component again within the guarantee is a guarantee repair and a comeback")
    func comeback() throws {
        var cli = try dealer()
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "变速箱换挡冲击")
        let first = "RO-20261206-001"
        try cli.run(
            "workorder", "job", first, "--edit", "1", "--kind", "major-assembly", "--system", "transmission",
            "--component", "变速箱")
        try cli.run("workorder", "line", "add", first, "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        try repair(cli, first)
        try cli.run("workorder", "settle", first, "--payment", "bank-card")
        // the departure starts the major-assembly guarantee (20,000 km / 100 days).
        try cli.run("workorder", "deliver", first)
        // 20 days later, within the guarantee and the comeback window (Q-5: 30 days).
        cli.now = "2026-12-26T09:00:00+08:00"
        let opened = try cli.run("workorder", "open", "京A·12345", "--mileage", "31500", "--concern", "换挡又冲击")
        #expect(opened.stdout.contains("under guarantee"))
        let second = "RO-20261226-001"
        let flagged = try cli.run(
            "workorder", "job", second, "--edit", "1", "--kind", "major-assembly", "--component", "变速箱")
        #expect(flagged.stdout.contains("guarantee repair of"))
        let job = jobs(try sheet(cli, second))[0]
        #expect(job["guaranteeOf"] as? String == first)
        #expect(job["comebackOf"] as? String == first)
        // Another component on the same order is neither.
        try cli.run("workorder", "job", second, "--title", "更换雨刮片", "--kind", "minor-repair", "--component", "雨刮")
        let other = jobs(try sheet(cli, second))[1]
        #expect(other["guaranteeOf"] == nil && other["comebackOf"] == nil)
    }
}
