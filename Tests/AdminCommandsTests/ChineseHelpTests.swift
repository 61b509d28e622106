import Foundation
import TestSupport
import Testing

/// Issue 16: `--help` in Chinese. Help is built once per process in the language the binary chose, so these run the
/// binary as a dealer does.
@Suite("Issue 16: help in Chinese")
struct ChineseHelpTests {
    static func help(_ arguments: [String], _ language: String) throws -> String {
        let result = try Binaries.run(
            "aftersales", arguments + ["--help"], environment: ["AFTERSALES_LANG": language])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result.stdout
    }

    @Test("A record's argument is its 编号, never `id`, in Chinese help")
    func recordNumbers() throws {
        let pay = try Self.help(["claim", "pay"], "zh")
        #expect(pay.contains("索赔单编号。"))
        #expect(!pay.contains(" id"))
        #expect(try Self.help(["complaint", "close"], "zh").contains("投诉编号。"))
        #expect(try Self.help(["import", "show"], "zh").contains("导入记录编号（见 `aftersales import list`）"))
        #expect(try Self.help(["claim", "pay"], "en").contains("Claim id."))
    }

    @Test("Codes a dealer types are listed with their Chinese meaning; English lists the codes")
    func codesWithMeaning() throws {
        let zh = try Self.help(["complaint", "close"], "zh").split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.joined()
        #expect(zh.contains("reliability（可靠性）"))
        #expect(zh.contains("empathy（移情性）"))
        let en = try Self.help(["complaint", "close"], "en").split(separator: "\n").map {
            $0.trimmingCharacters(in: .whitespaces)
        }.joined(separator: " ")
        #expect(en.contains("Dimensions (S-1): reliability, assurance, tangibles, empathy, responsiveness."))
        let segment = try Self.help(["segment"], "zh")
        #expect(segment.contains("last-visit-days: 距上次进店保养的天数"))
        #expect(try Self.help(["segment"], "en").contains("last-visit-days: days since the last maintenance visit"))
    }

    @Test("The free text in an example is said in the reader's language; the command stays")
    func exampleText() throws {
        #expect(try Self.help(["contact", "log"], "zh").contains("--note \"已约周五首保\""))
        #expect(try Self.help(["contact", "log"], "en").contains("--note \"首保 booked for Friday\""))
        #expect(try Self.help(["customer", "move"], "zh").contains("--reason \"已在本店购买速腾\""))
    }
}
