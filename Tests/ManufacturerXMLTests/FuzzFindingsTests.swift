import Core
import Foundation
import ManufacturerXML
import ManufacturerData
import TestSupport
import Testing

/// Inputs `make fuzz` found (Tools/Fuzz, Docs/testing.md), each kept as the test of what it broke.
@Suite("Manufacturer files: what fuzzing found")
struct ManufacturerFuzzFindingsTests {
    /// Every problem reading `path` reports: the one it stops with, the items' and the file's.
    func problems(_ path: String) -> [XMLInputError] {
        do {
            let document = try ManufacturerDocument.read(path: path)
            return document.errors + document.warnings
        } catch let error as XMLInputError {
            return [error]
        } catch {
            Issue.record("not an XMLInputError: \(error)")
            return []
        }
    }

    /// A file saved as UTF-8 but declared GB18030 (or with bytes that are not GB18030): libxml2 reports the failed
    /// conversion on line 0, so the import said `file.xml:0:1: input conversion failed ...` (four times) and the IT
    /// person had no place to look. Found by the manufacturer fuzz target (a crossover of the GB18030 and UTF-8 seeds).
    @Test("Bytes that are not in the declared encoding are reported once, on their line")
    func encodingErrorHasALine() throws {
        let folder = try TemporaryDirectory()
        let text = """
            <?xml version="1.0" encoding="GB18030"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" \
            issued="2026-11-01T08:00:00+08:00">
              <Bulletins>
                <Bulletin number="RC-2026-017" kind="recall" revision="2" issued="2026-10-12" status="active">
                  <Title>前制动软管可能磨损</Title>
                </Bulletin>
              </Bulletins>
            </ManufacturerData>

            """
        let problems = problems(try folder.write("utf8-declared-gb18030.xml", text))
        // Read as GB18030, the UTF-8 title goes wrong at its last byte, 0x9F, before `</Title>` on line 5.
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.line == 5, "\(problems)")
        #expect(problems.first?.column ?? 0 > 13, "after <Title>: \(problems)")
        #expect(problems.first?.message.hasPrefix("byte 0x9F (before 0x3C 0x2F 0x54) is not in the encoding") == true)
    }

    /// The reader hands libxml2 the file's first 4 bytes, then 64 KiB at a time. A bad byte that starts a chunk
    /// halts the parser before it parses anything of that chunk, dropping the text it held: the place is the one
    /// known before the chunk.
    @Test("A bad byte at, just before and just after the start of a chunk is reported on its line")
    func encodingErrorAtAChunkBoundary() throws {
        let folder = try TemporaryDirectory()
        let head = """
            <?xml version="1.0" encoding="GB18030"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" \
            issued="2026-11-01T08:00:00+08:00">
              <Parts>

            """
        let part = #"    <Part number="06L 115 562 B" price="86.00" currency="CNY"><Name>part</Name></Part>"# + "\n"
        let boundary = 4 + 65_536
        for offset in [boundary - 1, boundary, boundary + 1] {
            // Parts up to the boundary, then a Name of many lines (held by the parser until its end tag comes)
            // whose text holds byte 0xFF (in neither GB18030 nor UTF-8).
            var bytes = Array(head.utf8)
            while bytes.count + part.utf8.count < boundary - 200 { bytes += Array(part.utf8) }
            bytes += Array(#"    <Part number="X" price="1.00" currency="CNY"><Name>"#.utf8)
            while bytes.count < offset { bytes.append(bytes.count % 8 == 0 ? UInt8(ascii: "\n") : UInt8(ascii: "a")) }
            let line = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            bytes.append(0xFF)
            bytes += Array("</Name></Part>\n  </Parts>\n</ManufacturerData>\n".utf8)
            let path = folder.path("boundary-\(offset).xml")
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let problems = problems(path)
            #expect(problems.count == 1, "offset \(offset): \(problems)")
            #expect(problems.first?.line == line, "offset \(offset), line \(line): \(problems)")
            #expect(problems.first?.message.hasPrefix("byte 0xFF") == true, "offset \(offset): \(problems)")
        }
    }
}
