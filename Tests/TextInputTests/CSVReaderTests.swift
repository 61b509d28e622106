import Core
import Foundation
import TestSupport
import Testing

@testable import TextInput

/// The customer file's CSV reader (RFC 4180): records and their lines, and the places it cannot read past,
/// named by line and column as an editor shows them.
@Suite("CSV reader")
struct CSVReaderTests {
    /// Every record of `text`, or the error that stops the reader.
    func read(_ text: String, _ folder: TemporaryDirectory) throws -> Result<[[String]], TextInputError> {
        let reader = try CSVReader(path: try folder.write("f.csv", text), encoding: .utf8)
        var records: [[String]] = []
        do {
            while let record = try reader.next() { records.append(record) }
        } catch let error as TextInputError {
            return .failure(error)
        }
        return .success(records)
    }

    @Test("Quoted fields: commas, doubled quotes and line breaks inside, CRLF after; blank lines skipped")
    func quoted() throws {
        let folder = try TemporaryDirectory()
        let records = try read("a,\"b,c\",\"赵\"\"小\"\"敏\"\r\n\r\n\"x\ny\",\"\"\r\n", folder)
        #expect(records == .success([["a", "b,c", "赵\"小\"敏"], ["x\ny", ""]]))
    }

    @Test(
        "Text after a closing quote is refused at its line and column, not glued to the field",
        arguments: [
            ("\"abc\"def,x\n", 1, 6),
            ("\"abc\" ,x\n", 1, 6),
            ("a,b\n\"x\ny\",z\n\"ok\",\"no\"w\n", 4, 10),
            ("ref,name\nC001,\"王芳\"x,retained\n", 2, 10),
            ("\u{FEFF}\"abc\"d\n", 1, 6),
            ("\"abc\"\rd\n", 1, 7),
            ("\"ab\"\"c\"\"\"x,\n", 1, 10),
            ("\"abc\"\r\"\n", 1, 7),
        ])
    func textAfterClosingQuote(text: String, line: Int, column: Int) throws {
        let folder = try TemporaryDirectory()
        guard case .failure(let error) = try read(text, folder) else {
            Issue.record("\(text.debugDescription) was read")
            return
        }
        #expect(error.line == line && error.column == column, "\(text.debugDescription): \(error)")
        let expected = error.reason.hasPrefix("text after the closing quote") || error.reason.hasPrefix("a quote after")
        #expect(expected, "\(error)")
    }

    @Test("A stray quote and an unclosed quote are placed at the quote")
    func strayAndUnclosedQuotes() throws {
        let folder = try TemporaryDirectory()
        let stray = try read("a,b\nab\"c,d\n", folder)
        #expect(stray.failure?.line == 2 && stray.failure?.column == 3, "\(stray)")
        #expect(stray.failure?.reason.hasPrefix("a quote inside an unquoted field") == true)
        let unclosed = try read("a,b\nc,\"王\nd\ne\n", folder)
        #expect(unclosed.failure?.line == 2 && unclosed.failure?.column == 3, "\(unclosed)")
        #expect(unclosed.failure?.reason.contains("not closed before the end of the file") == true)
    }

    @Test("Columns count characters across the reader's 1 MiB chunks")
    func columnsAcrossChunks() throws {
        let folder = try TemporaryDirectory()
        // One line of 600,000 Chinese characters (1.8 MB in UTF-8) before the stray text: it spans two chunks.
        let long = String(repeating: "王", count: 600_000)
        let error = try read("a,b\n\(long),\"x\"y\n", folder).failure
        #expect(error?.line == 2 && error?.column == 600_005, "\(String(describing: error))")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
