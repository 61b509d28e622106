import Foundation
import Storage
import Testing

@testable import AdminCommands

@Suite("Output formats")
struct OutputTests {
    @Test("Tables align Chinese text by display width (two columns per character)")
    func chineseAlignment() {
        let table = TextTable(columns: ["name", "plate"], rows: [["王芳", "京A·12345"], ["Li Qiang", "沪B·67890"]])
        let lines = table.rendered().split(separator: "\n").map(String.init)
        #expect(lines[0] == "name      plate")
        #expect(lines[2] == "王芳      京A·12345")
        #expect(lines[3] == "Li Qiang  沪B·67890")
        #expect(TextTable.width("王芳") == 4)
        #expect(TextTable.width("京A·12345") == 9)
    }

    @Test("CSV has a header row and quotes commas, quotes and line breaks (RFC 4180)")
    func csv() {
        let table = TextTable(columns: ["name", "address"], rows: [["赵\"小\"敏", "天河区, 3号"], ["王芳", "line1\nline2"]])
        #expect(table.csv() == "name,address\n\"赵\"\"小\"\"敏\",\"天河区, 3号\"\n王芳,\"line1\nline2\"")
    }

    @Test("CSV cells a spreadsheet would run as formulas are defused; numbers stay numbers")
    func csvInjection() {
        let table = TextTable(
            columns: ["name", "note", "margin"],
            rows: [["=HYPERLINK(\"http://x\")", "@SUM(A1)", "-1200"], ["+86 138", "-x", "3.5"]])
        let lines = table.csv().split(separator: "\n").map(String.init)
        #expect(lines[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),-1200")
        #expect(lines[2] == "'+86 138,'-x,3.5")
    }

    @Test("CSV starts with a UTF-8 byte order mark for Excel unless scripts ask for none")
    func byteOrderMark() {
        #expect(Output(format: .csv).byteOrderMark)
        #expect(!Output(format: .csv, byteOrderMark: false).byteOrderMark)
    }

    @Test("Wide tables fit 120 columns: the rightmost wide column wraps, nothing is cut")
    func fitsTerminal() {
        let reason = String(
            repeating: "term: any make, private use, 24 months or 60,000 km, whichever comes first ", count: 2)
        let table = TextTable(
            columns: ["rule", "reason", "decisive"], rows: [["W-1", reason, ""], ["L-2", "短", "yes"]])
        let lines = table.rendered().split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { TextTable.width($0) <= TextTable.maximumWidth }, "\(lines)")
        #expect(lines.count > 4, "the long reason wraps onto more lines")
        let words = table.rendered().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(reason.trimmingCharacters(in: .whitespaces)), "no word is lost")
        #expect(TextTable.wrap("王芳的车需要更换制动软管", to: 10).allSatisfy { TextTable.width($0) <= 10 })
    }

    @Test("CSV amounts and counts are plain decimals a spreadsheet reads as numbers; other text keeps its commas")
    func plainNumbers() {
        let table = TextTable(
            columns: ["amount", "km", "note"], rows: [["1,280.00", "61,200", "王芳, 李强"], ["-1,200", "300", "1,2"]])
        let lines = table.csv().split(separator: "\n").map(String.init)
        #expect(lines[1] == "1280.00,61200,\"王芳, 李强\"")
        #expect(lines[2] == "-1200,300,\"1,2\"")
    }
}
