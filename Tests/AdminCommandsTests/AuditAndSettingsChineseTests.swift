import Core
import Storage
import Testing

@testable import AdminCommands

@Suite("Issue 16: the audit log's codes and the settings' descriptions in Chinese tables")
struct AuditAndSettingsChineseTests {
    @Test("An audit action and field name are said in Chinese; an unknown one as stored; English keeps the codes")
    func auditWords() {
        let zh = Speech(.zh)
        #expect(AuditWords.action("move", of: "customer").rendered(zh) == "变更分类")
        #expect(AuditWords.action("deliver", of: "vehicle").rendered(zh) == "交车")
        #expect(AuditWords.action("deliver", of: "outbox").rendered(zh) == "投递")
        #expect(AuditWords.field("phones", of: "customer").rendered(zh) == "电话")
        #expect(AuditWords.field("delivered_at", of: "vehicle").rendered(zh) == "交车时间")
        #expect(AuditWords.field("hours", of: "labour_operation").rendered(zh) == "工时")
        #expect(AuditWords.field("hours", of: "store_day").rendered(zh) == "营业时间")
        #expect(AuditWords.field("some_new_field", of: "customer").rendered(zh) == "some_new_field")
        #expect(AuditWords.action("some-new-action", of: "customer").rendered(zh) == "some-new-action")
        #expect(AuditWords.action("move", of: "customer").english == "move")
        #expect(AuditWords.field("delivered_at", of: "vehicle").english == "delivered_at")
    }

    @Test("Every setting's description has Chinese words, and a design default's rule is said")
    func settingDescriptions() async {
        for setting in Setting.catalogue {
            #expect(Phrasebook.chinese[setting.summary.key] != nil, "\(setting.rawValue): \(setting.summary.key)")
        }
        #expect(Setting.named("messaging.sms-cap")?.summary.rendered(Speech(.zh)) == "统计期内每位客户最多 N 条营销短信（已发送和待发送都计入）")
        await Speech.$current.withValue(Speech(.zh)) {
            #expect(SettingsCommand.Show.spokenRule("design") == "系统设定")
            #expect(SettingsCommand.Show.spokenRule("M-3") == "M-3")
        }
        #expect(SettingsCommand.Show.spokenRule("design") == "design")
    }

    @Test("A column of codes never wraps; a list breaks after an item, not inside a word")
    func unbrokenColumns() {
        var table = TextTable(
            columns: ["key", "meaning"],
            rows: [[String(repeating: "k", count: 60), String(repeating: "m ", count: 60)]])
        table.unbroken = [0]
        #expect(table.rendered().split(separator: "\n")[2].hasPrefix(String(repeating: "k", count: 60) + "  m"))
        let items = String(repeating: "a", count: 20) + ";" + String(repeating: "b", count: 10)
        #expect(
            TextTable.wrap(items, to: 24) == [
                String(repeating: "a", count: 20) + ";", String(repeating: "b", count: 10),
            ])
    }
}
