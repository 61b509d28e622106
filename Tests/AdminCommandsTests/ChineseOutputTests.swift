import AppConventions
import Core
import Foundation
import Storage
import Testing

@testable import AdminCommands

@Suite("Issue 16: the CLI's shared words in Chinese")
struct ChineseOutputTests {
    @Test("Table headings and record fields are said in Chinese; cells are data")
    func headings() async {
        let table = TextTable(
            columns: ["id", "name", "owner", "vin", "plate"], rows: [["1", "王芳", "张伟", "LFV", "京A"]])
        await Speech.$current.withValue(Speech(.zh)) {
            let lines = table.rendered().split(separator: "\n")
            #expect(lines[0] == "编号  名称  负责人  车架号  车牌")
            #expect(table.csv().hasPrefix("编号,名称,负责人,车架号,车牌\n"))
            #expect(TextTable.record([("state", "x")]).rendered().hasPrefix("字段  值"))
        }
        #expect(table.rendered().hasPrefix("id  name  owner  vin  plate"))
    }

    @Test("A code inside Chinese text wraps whole, and a role's task queue is said in Chinese")
    func wrapping() async {
        #expect(
            TextTable.wrap("对单次运行生效，Accept-Language 对单个请求生效", to: 24)
                == ["对单次运行生效，", "Accept-Language", "对单个请求生效"])
        await Speech.$current.withValue(Speech(.zh)) {
            #expect(Present.assignee("role: general-manager") == "待总经理认领")
            #expect(Present.assignee("张伟") == "张伟")
        }
        #expect(Present.assignee("role: general-manager") == "role: general-manager")
    }

    @Test("Paging footers in Chinese")
    func footers() async {
        let page = Page(items: [1, 2], total: 3, limit: 2, offset: 0)
        await Speech.$current.withValue(Speech(.zh)) {
            #expect(page.footer.rendered() == "第 1–2 条，共 3 条；更多请加 --offset 2")
            #expect(Page<Int>(items: [], total: 0, limit: 2, offset: 0).footer.rendered() == "没有找到")
        }
        #expect(page.footer.english == "1–2 of 3; more with --offset 2")
    }

    @Test("The argument parser's usage errors and help headings are translated line by line")
    func parserWords() {
        let zh = Speech(.zh)
        #expect(
            ParserWords.translated("Error: The value 'x' is invalid for '--limit <limit>': bad", zh)
                == "错误：取值 'x' 不适用于 '--limit <limit>': bad")
        #expect(
            ParserWords.translated("  See 'aftersales customer show --help' for more information.", zh)
                == "  运行 'aftersales customer show --help' 查看更多说明。")
        #expect(
            ParserWords.translated("--format <format>  Output format. (values: table, json, csv; default: table)", zh)
                == "--format <format>  Output format. (可选值：table, json, csv；默认：table)")
        // Where the parser wrapped the line right after its words, no space follows them.
        #expect(
            ParserWords.translated("  --kind <kind>  reply or opt-out. (values:\n  appointment, visit)", zh)
                == "  --kind <kind>  reply or opt-out. (可选值：\n  appointment, visit)")
        #expect(ParserWords.translated("  (values: a, b; default:\n  a)", zh) == "  (可选值：a, b；默认：\n  a)")
        #expect(
            ParserWords.translated("Error: Missing value for '--to <to>'", Speech(.en))
                == "Error: Missing value for '--to <to>'")
    }
}
