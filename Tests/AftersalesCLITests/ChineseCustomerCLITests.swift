import Foundation
import TestSupport
import Testing

/// Runs `aftersales` in Chinese (AFTERSALES_LANG=zh) against the database of `cli`.
private func chinese(
    _ cli: CLI, _ arguments: String..., expect status: Int32 = 0, sourceLocation: SourceLocation = #_sourceLocation
) throws -> ProcessResult {
    let result = try Binaries.run(
        "aftersales", arguments + ["--db", cli.database, "--actor", "测试员"],
        environment: ["AFTERSALES_NOW": cli.now, "AFTERSALES_LANG": "zh"])
    #expect(result.status == status, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
    return result
}

@Suite("Issue 16: the customer base's commands in Chinese (real binary)")
struct ChineseCustomerCLITests {
    @Test("A card, a vehicle, its care plan, the due tasks and the checks speak Chinese; data stays as it is")
    func cardInChinese() throws {
        let cli = try CLI()
        try cli.run("init")
        try cli.run("staff", "add", "张伟", "--role", "sales-consultant")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户",
            "--owner", "张伟", "--gender", "female")
        let added = try chinese(
            cli, "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K1N3000123", "--make", "大众", "--model",
            "Sagitar", "--usage", "taxi", "--delivered-at", "2026-11-20 10:30")
        #expect(added.stderr.contains("警告：车架号 LFV2A21K1N3000123：校验位（第 9 位）应为"), "\(added.stderr)")
        #expect(added.stdout.contains("已建立关怀计划（C-7）"), "\(added.stdout)")
        #expect(added.stdout.contains("总经理感谢信") || added.stdout.contains("感谢信"))
        let card = try chinese(cli, "customer", "show", "1").stdout
        for words in ["字段", "名称", "分类", "保有客户", "性别", "女", "车辆", "使用性质", "出租营运", "分类变更记录（C-5）", "老客户"] {
            #expect(card.contains(words), "\(words) missing from:\n\(card)")
        }
        #expect(!card.contains("Class history") && !card.contains("retained"), "\(card)")
        let due = try chinese(cli, "tasks", "due", "--as-of", "2026-11-30").stdout
        #expect(due.contains("逾期") && due.contains("感谢信") && due.contains("截至 2026年11月30日 共"), "\(due)")
        let checks = try chinese(cli, "checks").stdout
        #expect(checks.contains("档案不完整") && checks.contains("缺少"), "\(checks)")
        let list = try chinese(cli, "customer", "list").stdout
        #expect(list.contains("第 1–1 条，共 1 条"), "\(list)")
        // The same in English, as before.
        #expect(try cli.run("customer", "show", "1").stdout.contains("Class history (C-5)"))
    }

    @Test("Errors and usage errors are said in Chinese, naming the field as typed")
    func errorsInChinese() throws {
        let cli = try CLI()
        try cli.run("init")
        let missing = try chinese(cli, "customer", "show", "42", expect: 1)
        #expect(missing.stderr == "错误：找不到客户 42\n", "\(missing.stderr)")
        let badClass = try chinese(cli, "customer", "list", "--class", "vip", expect: 64)
        #expect(badClass.stderr.contains("错误：") && badClass.stderr.contains("--class"), "\(badClass.stderr)")
        #expect(!badClass.stderr.contains("is invalid for"), "\(badClass.stderr)")
        let limit = try chinese(cli, "customer", "list", "--limit", "0", expect: 64)
        #expect(limit.stderr.contains("--limit 必须在 1 到 10000 之间"), "\(limit.stderr)")
        let badPhone = try chinese(cli, "customer", "add", "--name", "王芳", "--phone", "12", expect: 1)
        #expect(badPhone.stderr.contains("phone: “12”不是"), "\(badPhone.stderr)")
        let help = try chinese(cli, "customer", "--help").stdout
        #expect(help.contains("用法：") && help.contains("子命令：") && !help.contains("USAGE:"), "\(help)")
    }
}
