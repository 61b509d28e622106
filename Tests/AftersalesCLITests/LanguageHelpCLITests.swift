import Foundation
import TestSupport
import Testing

/// `--help` and the storage layer's errors in the language of the run (issue 16): the command line chooses the
/// language before the help is built, so the same binary answers in Chinese or English.
@Suite("Help and errors in both languages")
struct LanguageHelpCLITests {
    static let zh = ["AFTERSALES_LANG": "zh"]

    @Test("customer --help is Chinese with --lang zh or AFTERSALES_LANG=zh, English with --lang en")
    func customerHelp() throws {
        let chinese = try Binaries.run("aftersales", ["customer", "--help", "--lang", "zh"])
        #expect(chinese.status == 0)
        #expect(chinese.stdout.contains("客户档案：潜在客户和基盘客户（C-1 至 C-6）。"))
        #expect(chinese.stdout.contains("概述："))
        #expect(!chinese.stdout.contains("Customer cards"))

        let byEnvironment = try Binaries.run("aftersales", ["customer", "--help"], environment: Self.zh)
        #expect(byEnvironment.stdout == chinese.stdout)

        let english = try Binaries.run("aftersales", ["customer", "--help", "--lang", "en"], environment: Self.zh)
        #expect(english.stdout.contains("Customer cards: potential and base customers (C-1 to C-6)."))
        #expect(english.stdout.contains("OVERVIEW:"))
        #expect(!english.stdout.contains("客户档案"))
    }

    @Test("An option's help and a discussion's example: explanation translated, the command kept")
    func optionHelpAndExample() throws {
        let help = try Binaries.run("aftersales", ["customer", "add", "--help"], environment: Self.zh).stdout
        #expect(help.contains("电话号码；多个可重复此选项。"))
        #expect(help.contains("示例："))
        #expect(help.contains("aftersales customer add --name 王芳 --phone 13800138000"))
        #expect(help.contains("角色（API）："))
        #expect(!help.contains("Example:"))
        #expect(!help.contains("Phone number; repeat for several."))
    }

    @Test("A missing database is said in Chinese, the command to create it kept")
    func missingDatabaseInChinese() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("none.sqlite")
        let result = try Binaries.run("aftersales", ["customer", "list", "--db", path], environment: Self.zh)
        #expect(result.status == 1)
        #expect(result.stderr.contains("错误：\(path) 处没有数据库；请用 `aftersales init --db \(path)` 创建"))
    }

    @Test("aftersales-api speaks the language of the run: its help and its usage errors")
    func apiHelpAndValidation() throws {
        let help = try Binaries.run("aftersales-api", ["--help"], environment: Self.zh)
        #expect(help.status == 0)
        #expect(help.stdout.contains("AfterSales HTTP API（JSON，Bearer 令牌；接口说明见 /openapi.yaml）。"))
        #expect(help.stdout.contains("监听的端口"))
        #expect(help.stdout.contains("用法："))

        let english = try Binaries.run("aftersales-api", ["--help", "--lang", "en"], environment: Self.zh)
        #expect(english.stdout.contains("Port to listen on"))

        let badPort = try Binaries.run("aftersales-api", ["--port", "70000"], environment: Self.zh)
        #expect(badPort.status == 64)
        #expect(badPort.stderr.contains("--port 必须在 0 到 65535 之间"))
        #expect(badPort.stderr.contains("错误："))
        let badPortEnglish = try Binaries.run("aftersales-api", ["--port", "70000"])
        #expect(badPortEnglish.stderr.contains("--port must be from 0 to 65535"))
    }
}
