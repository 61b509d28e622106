import Foundation
import TestSupport
import Testing

/// Issue 16: the complaint clocks as a Chinese dealer's staff read them, through the real
/// binary with `--lang zh`. Each expectation fails when its phrase is missing from the phrasebook.
@Suite("Complaints in Chinese (real binary, --lang zh)")
struct ChineseComplaintCLITests {
    @Test("The overdue list says the K-4 clock, its lateness, level and priority in Chinese; the rule ID stays")
    func overdueInChinese() throws {
        var cli = try CLI()
        cli.now = "2026-11-23T10:00:00+08:00"
        try cli.run("init")
        try cli.run("staff", "add", "李娜", "--role", "cs-agent")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "complaints", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜", "--category",
            "repair-technique", "--description", "刹车异响")
        cli.now = "2026-11-23T11:20:00+08:00"
        let overdue = try cli.run("complaints", "overdue", "--lang", "zh").stdout
        let words = overdue.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("投诉"), "\(overdue)")
        #expect(words.contains("时限") && words.contains("优先级") && words.contains("级别"), "\(overdue)")
        #expect(words.contains("K-4"))
        #expect(words.contains("受理后 1 小时内首次联系客户"), "\(overdue)")
        #expect(words.contains("已超时 20分钟"), "\(overdue)")
        #expect(words.contains("经办人") && words.contains("普通"), "\(overdue)")
        #expect(words.contains("1 项已超时，0 项即将超时"), "\(overdue)")
        #expect(!overdue.contains("missed") && !overdue.contains("first contact"), "\(overdue)")
        // JSON stays an interface: keys and codes in English; the clock's words follow the language.
        let json = try cli.run("complaints", "overdue", "--lang", "zh", "--format", "json").stdout
        #expect(json.contains("\"first-contact\"") && json.contains("受理后 1 小时内首次联系客户"))

        let escalated = try cli.run("complaints", "escalate-due", "--lang", "zh").stdout
        #expect(escalated.contains("经办人") && escalated.contains("服务经理"), "\(escalated)")
        #expect(escalated.contains("已升级 1 件"), "\(escalated)")
        let list = try cli.run("complaints", "list", "--lang", "zh").stdout
        #expect(list.contains("电话") && list.contains("维修技术") && list.contains("已受理"), "\(list)")
        // A refused action names the state in Chinese and keeps the actions as typed.
        let refused = try cli.run(
            "complaints", "close", "1", "--process", "7", "--result", "7", "--lang", "zh", expect: 1)
        #expect(refused.stderr.contains("已受理的投诉不能执行 `close`；现在可执行：`contact`"), "\(refused.stderr)")
    }
}
