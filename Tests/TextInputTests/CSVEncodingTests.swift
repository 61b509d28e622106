import Core
import Foundation
import TestSupport
import Testing

@testable import TextInput

/// Bytes that are not in the file's encoding, named at their line and column (import-customers named the first line,
/// or the line of the record being read when the 1 MiB chunk holding them was converted).
@Suite("CSV reader: bytes not in the encoding")
struct CSVEncodingTests {
    /// Nine lines of customers, Chinese names; line 7 is `C006,王五?,北京` with `bad` after 王五.
    static func lines(_ bad: String = "") -> String {
        var text = "customer_ref,name,region\n"
        for index in 1...8 { text += "C00\(index),\(index == 6 ? "王五" + bad : "李\(index)"),北京\n" }
        return text
    }

    /// The error that stops the reader reading `path` as `encoding`, with the records read before it.
    func firstError(_ path: String, _ encoding: TextEncoding) throws -> (records: Int, error: TextInputError?) {
        let reader = try CSVReader(path: path, encoding: encoding)
        var records = 0
        do {
            while try reader.next() != nil { records += 1 }
        } catch let error as TextInputError {
            return (records, error)
        }
        return (records, nil)
    }

    /// `text` written with byte `bad` in place of its `\u{1}`, converted to GB18030 first if asked.
    func write(_ folder: TemporaryDirectory, _ name: String, _ text: String, bad: UInt8, gb18030: Bool) throws -> String
    {
        var bytes = Array(text.utf8)
        if gb18030 {
            let utf8 = try folder.write(name + ".utf8", text)
            let converted = folder.path(name + ".gb")
            #expect(
                try Binaries.run("/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(utf8)' > '\(converted)'"]).status == 0)
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: converted)))
        }
        bytes = bytes.map { $0 == 0x01 ? bad : $0 }
        let path = folder.path(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(
        "A byte in neither UTF-8 nor GB18030 on line 7 is named at line 7, column 8, in either encoding, read as it or detected",
        arguments: [(false, TextEncoding.utf8), (false, .auto), (true, .gb18030), (true, .auto)])
    func badByteOnLine7(gb18030: Bool, encoding: TextEncoding) throws {
        let folder = try TemporaryDirectory()
        let path = try write(folder, "bad.csv", Self.lines("\u{1}"), bad: 0xFF, gb18030: gb18030)
        let (records, error) = try firstError(path, encoding)
        #expect(records == 6, "the header and five customers before line 7")
        #expect(error?.line == 7 && error?.column == 8, "\(String(describing: error))")
        let named = encoding == .auto ? "neither UTF-8 nor GB18030" : "not valid \(gb18030 ? "GB18030" : "UTF-8")"
        #expect(error?.reason.hasPrefix("byte 0xFF (byte ") == true, "\(String(describing: error))")
        #expect(error?.reason.contains(named) == true, "\(String(describing: error))")
    }

    @Test("Read as UTF-8, a byte that is GB18030 but not UTF-8 is refused, not stored as a replacement character")
    func notUTF8() throws {
        let folder = try TemporaryDirectory()
        // 0xC0 0xEE is 李 in GB18030 and nothing in UTF-8.
        let path = try write(folder, "mixed.csv", Self.lines("\u{1}\u{2}"), bad: 0xC0, gb18030: false)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path)).map { $0 == 0x02 ? UInt8(0xEE) : $0 }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let (_, error) = try firstError(path, .utf8)
        #expect(
            error?.line == 7 && error?.column == 8 && error?.reason.contains("0xC0") == true,
            "\(String(describing: error))")
    }

    @Test("A bad byte beyond the first 1 MiB is named at its line; a file cut inside a character at its end")
    func laterChunksAndTruncation() throws {
        let folder = try TemporaryDirectory()
        var text = "customer_ref,name\n"
        for index in 0..<40_000 { text += "C\(index),王芳\(index)\n" }  // about 780 KB, 40,001 lines
        for index in 40_000..<80_000 { text += "C\(index),王芳\(index == 60_000 ? "\u{1}" : "")\n" }
        for gb18030 in [false, true] {
            let path = try write(folder, "long-\(gb18030).csv", text, bad: 0x80, gb18030: gb18030)
            let (records, error) = try firstError(path, .auto)
            #expect(records == 60_001 && error?.line == 60_002 && error?.column == 10, "\(String(describing: error))")
        }
        let cut = try folder.write("cut.csv", "a,b\nc,王")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: cut)).dropLast()
        try Data(bytes).write(to: URL(fileURLWithPath: cut))
        let (_, error) = try firstError(cut, .utf8)
        #expect(error?.line == 2 && error?.column == 3, "\(String(describing: error))")
        #expect(error?.reason.hasPrefix("the file ends in the middle of a character (0xE7 0x8E)") == true)
    }
}
