import Foundation
import Testing
import Core
import Catalog
import Warranty
import TestSupport
import ManufacturerData
@testable import ManufacturerXML

/// Manufacturer files (MANUFACTURER-XML.md) read with libxml2's SAX2 push parser and the project's XSD.
@Suite("Manufacturer files, streamed and validated")
struct ManufacturerReaderTests {
    static let head = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
    static let open =
        #"<ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">"#
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
    static let catalogue = """
          <LabourOperations>
            <LabourOperation code="10 11 00 00" make="Volkswagen" model="Sagitar" hours="0.8">
              <Description>更换发动机机油及机油滤清器</Description>
            </LabourOperation>
          </LabourOperations>
          <Parts>
            <Part number="06L 115 562 B" price="86.00" currency="CNY"><Name>机油滤清器</Name></Part>
          </Parts>
          <WarrantyTerms>
            <WarrantyTerm make="Volkswagen" usage="taxi" months="12" kilometres="100000" effective="2020-01-01"/>
            <PartsWarranty make="Volkswagen" months="12" effective="2020-01-01"/>
          </WarrantyTerms>
          <Vehicles>
            <Vehicle vin="LFV2A21K1N3000123" make="Volkswagen" model="Sagitar" year="2022" built="2022-04-18"/>
          </Vehicles>
        """

    static func document(_ body: String, sections: String = "") -> String {
        head + open + "\n  <Bulletins>\n" + body + "\n  </Bulletins>\n" + sections + "</ManufacturerData>\n"
    }

    @Test("Every section reads into the values the contract describes, Chinese text intact")
    func allSections() throws {
        let folder = try TemporaryDirectory()
        let document = try ManufacturerDocument.read(
            path: try folder.write("m.xml", Self.document(Self.bulletin, sections: Self.catalogue)))
        #expect(document.errors.isEmpty, "\(document.errors)")
        let b = try #require(document.bulletins.first)
        #expect(b.manufacturer == "FAW-Volkswagen" && b.number == "RC-2026-017" && b.kind == .recall && b.revision == 2)
        #expect(b.title == "前制动软管可能磨损" && b.component == "制动系统" && b.consequence == "制动液泄漏")
        #expect(
            b.models == [Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar", yearFrom: 2022, yearTo: 2024)])
        #expect(b.built.first?.to == LocalDate("2023-06-30"))
        #expect(
            b.vinRanges.count == 1 && b.vins == [VIN(trusted: "LFV2A21K1N3100123")], "VINs are trimmed and upper-cased")
        #expect(b.labour.first?.centihours == 120 && b.parts.first?.quantity == 2)
        #expect(
            document.labourOperations == [
                LabourOperation(
                    code: "10 11 00 00", make: "Volkswagen", model: "Sagitar", centihours: 80,
                    description: "更换发动机机油及机油滤清器")
            ])
        #expect(
            document.parts == [
                CatalogPart(number: "06L 115 562 B", name: "机油滤清器", price: Money(fen: 8_600), currency: "CNY")
            ])
        #expect(document.warrantyTerms.first?.usage == .taxi && document.warrantyTerms.first?.kilometres == 100_000)
        #expect(
            document.partsWarranties == [
                PartsWarrantyTerm(make: "Volkswagen", months: 12, effective: LocalDate("2020-01-01")!)
            ])
        #expect(
            document.vehicles == [
                MasterVehicle(
                    vin: VIN(trusted: "LFV2A21K1N3000123"), make: "Volkswagen", model: "Sagitar", year: 2022,
                    built: LocalDate("2022-04-18"))
            ])
    }

    @Test("A GB18030 file and a gzip-compressed file read the same as UTF-8")
    func encodings() throws {
        let folder = try TemporaryDirectory()
        let utf8 = try folder.write(
            "u.xml",
            Self.document(Self.bulletin).replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"GB18030\""))
        #expect(
            try Binaries.run(
                "/bin/sh",
                [
                    "-c",
                    "iconv -f UTF-8 -t GB18030 '\(utf8)' > '\(folder.path("g.xml"))' && gzip -c '\(folder.path("g.xml"))' > '\(folder.path("g.xml.gz"))'",
                ]
            ).status == 0)
        #expect(try ManufacturerDocument.read(path: folder.path("g.xml")).bulletins.first?.title == "前制动软管可能磨损")
        #expect(try ManufacturerDocument.read(path: folder.path("g.xml.gz")).bulletins.first?.title == "前制动软管可能磨损")
    }

    @Test("A bulletin's VINs come in batches after its header, never the whole list at once")
    func vinBatches() throws {
        let folder = try TemporaryDirectory()
        let count = ManufacturerReader.vinBatchSize * 2 + 7
        let vins = (0..<count).map { "<Vin>LFV2A21K0N3\(String(100_000 + $0))</Vin>" }.joined(separator: "\n")
        let body = Self.bulletin.replacingOccurrences(of: "<Vin> lfv2a21k1n3100123 </Vin>", with: vins)
        let reader = try ManufacturerReader(path: try folder.write("v.xml", Self.document(body)))
        var batches: [Int] = [], order: [String] = []
        while let item = try reader.next() {
            switch item {
            case .bulletinBegin: order.append("begin")
            case .bulletinVINs(let batch): batches.append(batch.count); order.append("vins")
            case .bulletinEnd(let b): order.append("end"); #expect(b.vins.isEmpty)
            default: order.append("other")
            }
        }
        #expect(order.first == "begin" && order.last == "end")
        #expect(
            batches.allSatisfy { $0 <= ManufacturerReader.vinBatchSize } && batches.reduce(0, +) == count
                && batches.count == 3)
        #expect(
            reader.warningCount > count / 2,
            "made-up VINs mostly have a wrong check digit: each is a warning, not an error")
    }

    @Test("A bad item is rejected with its line and the reader goes on: the next items still read")
    func itemErrorsDoNotStopTheFile() throws {
        let folder = try TemporaryDirectory()
        let second = Self.bulletin.replacingOccurrences(of: "RC-2026-017", with: "RC-2026-018")
            .replacingOccurrences(of: " lfv2a21k1n3100123 ", with: "LFV2A21K1N31OO123")
        let third = Self.bulletin.replacingOccurrences(of: "RC-2026-017", with: "RC-2026-019")
        let document = try ManufacturerDocument.read(
            path: try folder.write("m.xml", Self.document(Self.bulletin + "\n" + second + "\n" + third)))
        #expect(document.bulletins.map(\.number) == ["RC-2026-017", "RC-2026-019"])
        let rejected = try #require(document.rejected.first)
        #expect(rejected.key == "bulletin RC-2026-018")
        #expect(
            rejected.errors.first?.line == 29 && rejected.errors.first?.message.contains("VIN pattern") == true,
            "\(rejected.errors.map(\.description))")
    }

    @Test("Adjacent one-line items each get their own problems: an error on an item's line never rejects its neighbour")
    func adjacentItemsKeepTheirErrors() throws {
        let folder = try TemporaryDirectory()
        let vehicles = """
              <Vehicles>
                <Vehicle vin="LFV2A21K1N3000123" make="Volkswagen" model="Sagitar" year="2022" built="2022-04-18"/>
                <Vehicle vin="LFV2A21K1N30OO124" make="Volkswagen" model="Sagitar" year="2022" built="2022-04-18"/>
                <Vehicle vin="LFV2A21K1N3000125" make="Volkswagen" model="Sagitar" year="20x2" built="2022-04-18"/>
                <Vehicle vin="LFV2A21K1N3000126" make="Volkswagen" model="Sagitar" year="2022" built="2022-02-30"/>
                <Vehicle vin="LFV2A21K1N3000127" make="大众" model="速腾" year="2022" built="2022-04-18"/>
              </Vehicles>

            """
        let path = try folder.write("v.xml", Self.document(Self.bulletin, sections: vehicles))
        let document = try ManufacturerDocument.read(path: path)
        #expect(document.vehicles.map(\.vin.value) == ["LFV2A21K1N3000123", "LFV2A21K1N3000127"])
        #expect(document.vehicles.last?.model == "速腾")
        #expect(
            document.rejected.map(\.key) == [
                "vehicle LFV2A21K1N30OO124", "vehicle LFV2A21K1N3000125", "vehicle LFV2A21K1N3000126",
            ])
        // Lines 22-24 of the file hold the three bad vehicles (the bulletin ends on line 18, Vehicles opens on 20).
        #expect(
            document.rejected.map { Set($0.errors.map(\.line)) } == [[22], [23], [24]],
            "\(document.rejected.map { $0.errors.map(\.description) })")
    }

    @Test("A file written as one line: each vehicle gets its own problems, with the column of its tag")
    func oneLineFile() throws {
        let folder = try TemporaryDirectory()
        let good = #"<Vehicle vin="LFV2A21K1N3000123" make="Volkswagen" model="Sagitar" year="2022"/>"#
        let badVIN = #"<Vehicle vin="LFV2A21K1N30OO124" make="Volkswagen" model="Sagitar" year="2022"/>"#
        let badYear = #"<Vehicle vin="LFV2A21K1N3000125" make="Volkswagen" model="Sagitar" year="20x2"/>"#
        let last = #"<Vehicle vin="LFV2A21K1N3000127" make="大众" model="速腾" year="2022"/>"#
        let prefix = #"<?xml version="1.0" encoding="UTF-8"?>"# + Self.open + "<Vehicles>"
        let text = prefix + good + badVIN + badYear + last + "</Vehicles></ManufacturerData>"
        let document = try ManufacturerDocument.read(path: try folder.write("one-line.xml", text))
        #expect(document.vehicles.map(\.vin.value) == ["LFV2A21K1N3000123", "LFV2A21K1N3000127"])
        #expect(document.rejected.map(\.key) == ["vehicle LFV2A21K1N30OO124", "vehicle LFV2A21K1N3000125"])
        // Columns count characters from 1; each problem names where its own vehicle's tag starts.
        let badVINColumn = prefix.count + good.count + 1
        #expect(
            document.rejected.map { Set($0.errors.map(\.column)) } == [[badVINColumn], [badVINColumn + badVIN.count]],
            "\(document.rejected.map { $0.errors.map(\.description) })")
        #expect(document.rejected.allSatisfy { $0.errors.allSatisfy { $0.line == 1 } })
    }

    @Test("Texts longer than a chunk of the parser read whole, Chinese intact; a text over the limit stops the file")
    func longTexts() throws {
        let folder = try TemporaryDirectory()
        // 30,000 characters of three bytes each: 90 KB, more than one 64 KiB chunk, so the parser splits it.
        let summary = String(repeating: "前制动软管可能与悬架部件摩擦。", count: 2_000)
        let long = Self.bulletin.replacingOccurrences(
            of: "<Summary>前制动软管可能与悬架部件摩擦</Summary>", with: "<Summary>\(summary)</Summary>")
        #expect(long != Self.bulletin)
        let document = try ManufacturerDocument.read(path: try folder.write("long.xml", Self.document(long)))
        #expect(document.bulletins.first?.summary == summary)
        // Over the limit: the reader stops at the text, with its line, before holding more of it.
        let huge = Self.bulletin.replacingOccurrences(
            of: "<Summary>前制动软管可能与悬架部件摩擦</Summary>",
            with: "<Summary>" + String(repeating: "很长的摘要", count: 80_000) + "</Summary>")
        #expect(throws: XMLInputError.self) {
            try ManufacturerDocument.read(path: try folder.write("huge.xml", Self.document(huge)))
        }
        do {
            _ = try ManufacturerDocument.read(path: try folder.write("huge.xml", Self.document(huge)))
        } catch let error as XMLInputError {
            #expect(error.line == 7 && error.message.contains("Summary holds a text longer than 1024 KiB"), "\(error)")
        }
        // Text where none belongs counts too (the validator would report it piece by piece).
        let junk = Self.catalogue.replacingOccurrences(
            of: #"built="2022-04-18"/>"#,
            with: #"built="2022-04-18">"# + String(repeating: "junk ", count: 300_000) + "</Vehicle>")
        #expect(junk != Self.catalogue)
        do {
            _ = try ManufacturerDocument.read(
                path: try folder.write("junk.xml", Self.document(Self.bulletin, sections: junk)))
            Issue.record("a megabyte of text inside a vehicle was read")
        } catch let error as XMLInputError {
            #expect(error.message.contains("Vehicle holds a text longer than 1024 KiB"), "\(error)")
        }
    }

    @Test("A DOCTYPE behind a prolog longer than the scan before parsing is refused by the parser's callback")
    func lateDoctype() throws {
        let folder = try TemporaryDirectory()
        let comment = "<!--" + String(repeating: "x", count: 70_000) + "-->\n"
        let text =
            Self.head + comment + #"<!DOCTYPE ManufacturerData [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>"#
            + "\n"
            + Self.document(Self.bulletin).dropFirst(Self.head.count)
        do {
            _ = try ManufacturerDocument.read(path: try folder.write("late.xml", text))
            Issue.record("a late DOCTYPE was read")
        } catch let error as XMLInputError {
            #expect(
                error.line == 3 && error.column == 1 && error.message.contains("a DOCTYPE is not allowed"), "\(error)")
        }
    }

    @Test("An item with thousands of problems lists the first hundred and counts the rest; the next item still reads")
    func manyProblems() throws {
        let folder = try TemporaryDirectory()
        let bad = (0..<5_000).map {
            "        <Vin>LFV2A21K1N3\(String(format: "%06d", $0).replacingOccurrences(of: "0", with: "O"))</Vin>"
        }.joined(separator: "\n")
        let listed = Self.bulletin.replacingOccurrences(of: "<Vin> lfv2a21k1n3100123 </Vin>", with: bad)
        let second = Self.bulletin.replacingOccurrences(of: "RC-2026-017", with: "RC-2026-018")
        let document = try ManufacturerDocument.read(
            path: try folder.write("many.xml", Self.document(listed + "\n" + second)))
        #expect(document.bulletins.map(\.number) == ["RC-2026-018"])
        let rejected = try #require(document.rejected.first)
        #expect(rejected.errors.count == ManufacturerReader.itemErrorLimit + 1)
        #expect(rejected.errors.dropLast().allSatisfy { $0.message.contains("VIN pattern") })
        #expect(
            rejected.errors.last?.message == "… and 4900 more problems in bulletin RC-2026-017",
            "\(rejected.errors.last!)")
        #expect(rejected.problemCount == 5_000)
    }

    @Test(
        "libxml2's messages lose the namespace braces and say the VIN pattern in words; others stay as they are",
        arguments: [
            (
                "Element '{urn:aftersales:manufacturer-data:1}Vin': [facet 'pattern'] The value 'LFV2A21K1N31OO123' is "
                    + "not accepted by the pattern '[0-9A-HJ-NPR-Za-hj-npr-z]{17}'.\n",
                "Element 'Vin': [facet 'pattern'] The value 'LFV2A21K1N31OO123' is not accepted by the VIN pattern "
                    + "(17 characters from 0-9 and A-Z without I, O, Q)."
            ),
            (
                "Element '{urn:aftersales:manufacturer-data:1}Title': This element is not expected. Expected is "
                    + "( {urn:aftersales:manufacturer-data:1}Component ).\n",
                "Element 'Title': This element is not expected. Expected is ( Component )."
            ),
            ("标题 {urn:other}X\n", "标题 {urn:other}X"),
        ])
    func readableMessages(raw: String, readable: String) {
        #expect(readableMessage(raw) == readable)
    }
}

@Suite("Issue 16: a manufacturer file's problems in Chinese; the English as it was")
struct ManufacturerProblemsChineseTests {
    @Test("libxml2's commonest schema messages are said in Chinese, names and values kept; others as libxml2 says")
    func schemaMessages() {
        let zh = Speech(.zh)
        let vin =
            "Element 'Vin': [facet 'pattern'] The value 'LFV2A21K1N31OO123' is not accepted by the VIN pattern "
            + "(17 characters from 0-9 and A-Z without I, O, Q)."
        #expect(
            spokenSchemaMessage(vin).rendered(zh)
                == "元素 Vin：值“LFV2A21K1N31OO123”不是有效的 VIN（17 位，由 0-9 和除 I、O、Q 以外的 A-Z 组成）。")
        #expect(spokenSchemaMessage(vin).english == vin)
        let missing = "Element 'ManufacturerData': The attribute 'issued' is required but missing."
        #expect(spokenSchemaMessage(missing).rendered(zh) == "元素 ManufacturerData：缺少必需的属性 issued。")
        let set =
            "Element 'Bulletin', attribute 'kind': [facet 'enumeration'] The value 'x' is not an element of the set "
            + "{'recall', 'campaign'}."
        #expect(spokenSchemaMessage(set).english == set)
        #expect(spokenSchemaMessage(set).rendered(zh) == "元素 Bulletin 的属性 kind：值“x”不是允许的取值（'recall', 'campaign'）。")
        #expect(spokenSchemaMessage("Document is empty").rendered(zh) == "Document is empty")
    }

    @Test("A file that is not there, or is a folder, is said in Chinese, read on the reading thread or not")
    func fileProblems() throws {
        let folder = try TemporaryDirectory()
        try Speech.$current.withValue(Speech(.zh)) {
            do {
                _ = try ManufacturerReader(path: folder.path("nowhere.xml"))
                Issue.record("read a file that is not there")
            } catch let error as XMLInputError {
                #expect(error.description.hasSuffix("nowhere.xml:0:0: 无法读取该文件"), "\(error)")
                #expect(error.message == "cannot read the file")
            }
            do {
                _ = try ManufacturerReader(path: folder.url.path)
                Issue.record("read a folder")
            } catch let error as XMLInputError {
                #expect(error.description.hasSuffix(":0:0: 是文件夹，不是文件"), "\(error)")
            }
        }
    }
}
