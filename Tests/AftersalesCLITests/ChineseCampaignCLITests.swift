import Foundation
import TestSupport
import Testing

/// Issue 16: the campaign run and report as a Chinese dealer's staff read them, through the real binary with
/// `--lang zh`. Each expectation fails when its phrase is missing from the phrasebook.
@Suite("Campaigns in Chinese (real binary, --lang zh)")
struct ChineseCampaignCLITests {
    @Test("The campaign report and run say their measures, suppressions and responses in Chinese")
    func campaignReportInChinese() throws {
        var cli = try CLI()
        cli.now = "2026-12-01T09:00:00+08:00"
        try cli.run("init")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "customer", "add", "--name", "李强", "--phone", "13900139000", "--class", "retained", "--reason", "老客户")
        try cli.run("segment", "create", "retained", "--filter", "class = retained")
        try cli.run("consent", "set", "1", "--channel", "sms", "--status", "opt-in", "--source", "到店登记表")
        try cli.run(
            "campaign", "create", "winter", "--segment", "retained", "--channel", "sms", "--category", "marketing",
            "--template", "{{name}}您好：冬季免费检测。{{dealer}}")
        let run = try cli.run("campaign", "run", "winter", "--lang", "zh").stdout
        #expect(run.contains("步骤") && run.contains("选中客户"), "\(run)")
        #expect(run.contains("已排除：无营销许可（M-3）"), "\(run)")
        let report = try cli.run("campaign", "report", "winter", "--lang", "zh").stdout
        #expect(report.contains("指标"), "\(report)")
        #expect(report.contains("触达（待发送、已发送、失败）"), "\(report)")
        #expect(report.contains("已排除：无营销许可"), "\(report)")
        #expect(report.contains("转化率（每 100 位触达客户中预约或到店的人数）"), "\(report)")
        #expect(!report.contains("suppressed") && !report.contains("conversion"), "\(report)")
        let outbox = try cli.run("outbox", "list", "--lang", "zh").stdout
        #expect(outbox.contains("短信") && outbox.contains("营销") && outbox.contains("已排除"), "\(outbox)")
        // A segment filter's error keeps its column and the field as typed.
        let bad = try cli.run(
            "segment", "preview", "--filter", "class = retained and colour = red", "--lang", "zh", expect: 1)
        #expect(bad.stderr.contains("第 22 列：未知字段“colour”"), "\(bad.stderr)")
    }
}
