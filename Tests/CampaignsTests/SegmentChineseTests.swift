import Core
import Testing

@testable import Campaigns

@Suite("Issue 16: the segment language's errors in Chinese, with their column and the field as typed")
struct SegmentChineseTests {
    func message(_ filter: String) -> String? {
        do {
            _ = try SegmentExpression.parse(filter)
            return nil
        } catch let error as InvalidInput {
            #expect(error.field == "filter")
            return error.phrase.rendered(Speech(.zh))
        } catch {
            return nil
        }
    }

    @Test("Unknown field, bad value, unclosed text, the end: each in Chinese, column kept")
    func errors() {
        #expect(message("class = retained and colour = red")?.hasPrefix("第 22 列：未知字段“colour”；可用字段：class") == true)
        #expect(message("mileage > lots") == "第 11 列：mileage 应为数字，实际为“lots”")
        #expect(message("region = '北京") == "第 10 列：从这里开始的文本没有用 ' 闭合")
        let fields = SegmentField.allCases.map(\.rawValue).joined(separator: ", ")
        #expect(message("class = retained and") == "第 21 列：应为字段（\(fields)），实际为 结尾")
        #expect(message("") == "筛选条件为空；请写一个条件（全部客户：value >= 0）")
        #expect(message("class = retained )") == "第 18 列：应为“and”、“or”或结尾，实际为 )")
        // A keyword of the language is a code, quoted as one.
        #expect(message("mileage between 1 or 2")?.contains("`between` 的下限之后应为 `and`") == true)
        // English is unchanged.
        #expect(throws: InvalidInput.self) { try SegmentExpression.parse("mileage > lots") }
    }
}
