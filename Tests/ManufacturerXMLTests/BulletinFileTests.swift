import Foundation
import Testing
import Core
import Warranty
import TestSupport
@testable import ManufacturerXML

@Suite("Bulletin files (MANUFACTURER-XML.md), read with libxml2")
struct BulletinFileTests {
    static let head = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    static let open = #"<ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">"#
    static let bulletin = """
          <Bulletin number="RC-2026-017" kind="recall" revision="2" issued="2026-10-12" status="active">
            <Title>前制动软管可能磨损</Title>
            <Component>制动系统</Component>
            <Summary>前制动软管可能与悬架部件摩擦</Summary>
            <Consequence>制动液泄漏</Consequence>
            <Remedy>检查并更换前制动软管</Remedy>
            <Applies>
              <Model make="Volkswagen" name="Sagitar" yearFrom="2022" yearTo="2024"/>
              <Built from="2022-03-01" to="2023-06-30"/>
              <VinRange from="LFV2A21K0N3000001" to="LFV2A21K0N3099999"/>
              <Vin> lfv2a21k1n3100123 </Vin>
            </Applies>
            <Labour code="47 11 19 00" hours="1.2"/>
            <Part number="5Q0 611 701 C" quantity="2"/>
          </Bulletin>
        """

    static func document(_ body: String) -> String { head + open + "\n  <Bulletins>\n" + body + "\n  </Bulletins>\n</ManufacturerData>\n" }

    @Test("A bulletin file reads into the bulletin the contract describes, Chinese text intact")
    func good() throws {
        let folder = try TemporaryDirectory()
        let bulletins = try BulletinFile.read(path: try folder.write("b.xml", Self.document(Self.bulletin)))
        let b = try #require(bulletins.first)
        #expect(bulletins.count == 1)
        #expect(b.manufacturer == "FAW-Volkswagen" && b.number == "RC-2026-017" && b.kind == .recall && b.revision == 2)
        #expect(b.title == "前制动软管可能磨损" && b.component == "制动系统" && b.consequence == "制动液泄漏")
        #expect(b.models == [Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar", yearFrom: 2022, yearTo: 2024)])
        #expect(b.built.first?.to == LocalDate("2023-06-30"))
        #expect(b.vinRanges.count == 1 && b.vins == [VIN(trusted: "LFV2A21K1N3100123")])
        #expect(b.labour.first?.centihours == 120 && b.parts.first?.quantity == 2)
    }

    @Test("A GB18030 file reads the same as UTF-8")
    func gb18030() throws {
        let folder = try TemporaryDirectory()
        let utf8 = try folder.write("u.xml", Self.document(Self.bulletin).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"GB18030\""))
        #expect(try Binaries.run("/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(utf8)' > '\(folder.path("g.xml"))'"]).status == 0)
        #expect(try BulletinFile.read(path: folder.path("g.xml")).first?.title == "前制动软管可能磨损")
    }

    static let xxe = head + #"<!DOCTYPE ManufacturerData [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>"# + "\n" + open
        + "<Bulletins><Bulletin number=\"X\" kind=\"tsb\" revision=\"1\" issued=\"2026-01-01\"><Title>&secret;</Title></Bulletin></Bulletins></ManufacturerData>"
    static let laughs = head + """
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        """ + open + "<Bulletins/></ManufacturerData>"

    @Test("Bad files are refused with the line and column of the problem", arguments: [
        ("xxe", xxe, 2, "DOCTYPE"),
        ("billion laughs", laughs, 2, "DOCTYPE"),
        ("not XML", "this is not xml", 1, ""),
        ("truncated", document(bulletin).prefix(400).description, 0, ""),
        ("wrong namespace", document(bulletin).replacingOccurrences(of: "urn:aftersales:manufacturer-data:1", with: "urn:other"), 2, "namespace"),
        ("unknown element", document(bulletin.replacingOccurrences(of: "<Consequence>", with: "<Severity>high</Severity><Consequence>")), 8, "Severity"),
        ("missing field", document(bulletin.replacingOccurrences(of: "<Remedy>检查并更换前制动软管</Remedy>", with: "")), 4, "Remedy"),
        ("bad date", document(bulletin.replacingOccurrences(of: "issued=\"2026-10-12\"", with: "issued=\"12/10/2026\"")), 4, "issued"),
        ("bad VIN", document(bulletin.replacingOccurrences(of: " lfv2a21k1n3100123 ", with: "LFV2A21K1N31OO123")), 14, "Vin"),
        ("range ends disagree", document(bulletin.replacingOccurrences(of: "to=\"LFV2A21K0N3099999\"", with: "to=\"LFV2A21K0P3099999\"")), 13, "VinRange"),
        ("range reversed", document(bulletin.replacingOccurrences(of: "from=\"LFV2A21K0N3000001\"", with: "from=\"LFV2A21K0N3199999\"")), 13, "VinRange"),
        ("same bulletin twice", document(bulletin + "\n" + bulletin), 0, "twice"),
        ("out of order", document(bulletin.replacingOccurrences(of: "<Title>前制动软管可能磨损</Title>", with: "<Component>制动系统</Component>")
                                   .replacingOccurrences(of: "    <Component>制动系统</Component>\n    <Summary>", with: "    <Title>前制动软管可能磨损</Title>\n    <Summary>")), 6, "order"),
    ])
    func badFiles(name: String, content: String, line: Int, says: String) throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("bad.xml", content)
        do {
            _ = try BulletinFile.read(path: path)
            Issue.record("\(name) must be refused")
        } catch let error as XMLInputError {
            #expect(error.description.hasPrefix("\(path):"), "\(name): \(error)")
            if line > 0 { #expect(error.line == line, "\(name): \(error)") }
            if name == "xxe" || name == "billion laughs" { #expect(error.column == 1) }
            if !says.isEmpty { #expect(error.description.contains(says), "\(name): \(error)") }
            #expect(!error.description.contains("root:"), "\(name) leaked a local file: \(error)")
        }
    }

    @Test("Elements nested 10,000 deep are refused, not a crash")
    func deepNesting() throws {
        let folder = try TemporaryDirectory()
        let deep = Self.head + Self.open + "<Bulletins>" + String(repeating: "<Bulletin>", count: 10_000) + String(repeating: "</Bulletin>", count: 10_000) + "</Bulletins></ManufacturerData>"
        #expect(throws: XMLInputError.self) { try BulletinFile.read(path: try folder.write("deep.xml", deep)) }
    }
}
