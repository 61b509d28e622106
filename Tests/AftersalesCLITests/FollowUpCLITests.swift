import Foundation
import TestSupport
import Testing

@Suite("aftersales followup (real binary)")
struct FollowUpCLITests {
    /// The work-order dealer with RO-20261206-001 delivered; its advisor is 测试员 (the tests' actor), its technician
    /// 刘强.
    func delivered() throws -> CLI {
        let cli = try WorkOrderCLITests().dealer()
        try cli.run("staff", "add", "李娜", "--role", "cs-agent")
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        try cli.run(
            "workorder", "line", "add", "京A·12345", "--job", "1", "--kind", "labour", "--code", "47 11 19 00")
        try cli.run("workorder", "quote", "京A·12345")
        try cli.run("workorder", "approve", "京A·12345", "--by", "王芳", "--via", "wechat")
        try cli.run("workorder", "dispatch", "京A·12345", "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强")
        try cli.run("workorder", "clock", "京A·12345", "--job", "1", "--technician", "刘强", "--off")
        try cli.run("workorder", "qc", "京A·12345", "--job", "1", "--road-test", "5")
        try cli.run("workorder", "settle", "京A·12345", "--payment", "cash")
        try cli.run("workorder", "deliver", "京A·12345", "--note", "已说明")
        return cli
    }

    /// Runs as another actor than the tests' 测试员.
    func run(_ cli: CLI, as actor: String, _ arguments: [String], language: String = "en") throws -> ProcessResult {
        try Binaries.run(
            "aftersales", arguments + ["--db", cli.database, "--actor", actor],
            environment: ["AFTERSALES_NOW": cli.now, "AFTERSALES_LANG": language])
    }

    @Test("Q-6, K-1: due list, the advisor refused, three unanswered calls send the card, a problem opens a complaint")
    func scenario() throws {
        let cli = try delivered()
        let due = try cli.run("followup", "due").stdout
        #expect(
            due.contains("RO-20261206-001") && due.contains("2026-12-09") && due.contains("1 follow-ups, 0 overdue"))
        // the order's advisor (测试员 opened it) is not neutral; nothing is written.
        let refused = try cli.run(["followup", "attempt", "1", "--outcome", "no-answer"], expect: 1)
        #expect(refused.stderr.contains("测试员 is the order's service advisor") && refused.stderr.contains("Q-6"))
        #expect(try run(cli, as: "刘强", ["followup", "due", "--mine"]).stdout.contains("no follow-up due"))
        for outcome in ["no-answer", "busy"] {
            let call = try run(cli, as: "李娜", ["followup", "attempt", "1", "--outcome", outcome])
            #expect(call.status == 0, "\(call.stderr)")
        }
        let third = try run(cli, as: "李娜", ["followup", "attempt", "1", "--outcome", "no-answer", "--note", "关机"])
        #expect(third.stdout.contains("a follow-up card is queued by sms (Q-6)"), "\(third.stdout)")
        let outbox = try #require((try cli.json("outbox", "list") as! [String: Any])["items"] as? [[String: Any]])
        #expect(
            outbox.first?["source"] as? String == "follow-up" && outbox.first?["recipient"] as? String == "13800138000")
        // The card's reply: a problem opens a complaint linked to the order (K-1).
        let done = try run(
            cli, as: "李娜",
            [
                "followup", "done", "1", "--score", "3", "--dimension", "reliability=2", "--problem", "刹车仍有异响",
                "--category", "repair-technique",
            ])
        #expect(done.stdout.contains("complaint 1 opened for order RO-20261206-001 (K-1)"), "\(done.stdout)")
        let complaint = try cli.json("complaint", "show", "1") as! [String: Any]
        #expect((complaint["complaint"] as? [String: Any])?["workOrder"] as? String == "RO-20261206-001")
        #expect(try cli.run("followup", "due").stdout.contains("no follow-up due"))
    }

    @Test("Bad input to every followup command is refused naming the option, and the database is unchanged")
    func badInput() throws {
        let cli = try delivered()
        let before = try Binaries.dump(cli.database)
        try cli.expectRejected(
            [
                (["followup", "due", "--day", "tomorrow"], 64, "--day"),
                (["followup", "attempt", "1"], 64, "--outcome"),
                (["followup", "attempt", "1", "--outcome", "hung-up"], 64, "--outcome"),
                (["followup", "attempt", "x", "--outcome", "busy"], 64, "task"),
                (["followup", "attempt", "99", "--outcome", "busy"], 1, "99"),
                (["followup", "attempt", "1", "--outcome", "busy"], 1, "Q-6"),
                (["followup", "done", "1"], 64, "--score"),
                (["followup", "done", "1", "--score", "9"], 64, "--score"),
                (["followup", "done", "1", "--score", "6", "--dimension", "looks=6"], 64, "--dimension"),
                (["followup", "done", "1", "--score", "6", "--problem", " "], 1, "--problem"),
                (["followup", "done", "1", "--score", "6", "--category", "price"], 1, "--category"),
                (["followup", "done", "1", "--score", "6"], 1, "Q-6"),
                (["followup", "done", "99", "--score", "6"], 1, "99"),
            ], unchanged: before)
    }

    @Test("Issue 16: the due list, the refusal and the card note speak Chinese")
    func chinese() throws {
        let cli = try delivered()
        let due = try run(cli, as: "李娜", ["followup", "due"], language: "zh").stdout
        #expect(due.contains("回访") && due.contains("待回访") && due.contains("1 条回访任务"), "\(due)")
        let refused = try run(cli, as: "刘强", ["followup", "attempt", "1", "--outcome", "busy"], language: "zh")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("刘强 是该委托书的维修技师，对委托书 RO-20261206-001 不是中立人员"), "\(refused.stderr)")
        let call = try run(cli, as: "李娜", ["followup", "attempt", "1", "--outcome", "busy"], language: "zh")
        #expect(call.stdout.contains("已记录回访电话：占线"), "\(call.stdout)")
    }
}
