import Foundation
import Testing
import Core
import TestSupport
import ManufacturerData
@testable import ManufacturerXML

/// The reader checks `<Vin>` and `<Vehicle>` against the XSD itself (`SchemaValidation.contract`): their problems
/// read as libxml2's did, at the same places, in English and Chinese, and reject the item they are in.
@Suite("The hot elements, checked by the reader itself")
struct HotElementTests {
    static func document(_ sections: String) -> String {
        ManufacturerReaderTests.head + ManufacturerReaderTests.open + "\n" + sections + "\n</ManufacturerData>\n"
    }

    @Test("A vehicle's attributes are checked by type, each problem named, at the tag; the other vehicles are kept")
    func vehicleAttributes() throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write(
            "v.xml",
            Self.document(
                """
                  <Vehicles>
                    <Vehicle vin="LFV2A21K1N3000123" make="Volkswagen" model="Sagitar" year="+2022" built=" 2022-04-18 "/>
                    <Vehicle vin="LFV2A21K0N300012" make=" " year="10000" built="2023-02-29" colour="red"/>
                    <Vehicle vin="LFV2A21K1N3000124" make="Volkswagen" model="Sagitar"> </Vehicle>
                  </Vehicles>
                """))
        let reader = try ManufacturerReader(path: path)
        let document = try ManufacturerDocument.read(path: path)
        while try reader.next() != nil {}
        #expect(document.vehicles.map(\.vin.value) == ["LFV2A21K1N3000123"])
        #expect(reader.schemaProblemCount == 7)
        let second = try #require(document.rejected.first)
        #expect(second.key == "vehicle LFV2A21K0N300012")
        #expect(
            second.errors.map(\.message) == [
                "Element 'Vehicle', attribute 'vin': [facet 'pattern'] The value 'LFV2A21K0N300012' is not accepted by "
                    + "the VIN pattern (17 characters from 0-9 and A-Z without I, O, Q).",
                "Element 'Vehicle', attribute 'make': [facet 'minLength'] The value ' ' has a length of '0'; this "
                    + "underruns the allowed minimum length of '1'.",
                "Element 'Vehicle', attribute 'year': [facet 'maxInclusive'] The value '10000' is greater than the "
                    + "maximum value allowed ('9999').",
                "Element 'Vehicle', attribute 'built': '2023-02-29' is not a valid value of the atomic type 'Day'.",
                "Element 'Vehicle', attribute 'colour': The attribute 'colour' is not allowed.",
                "Element 'Vehicle': The attribute 'model' is required but missing.",
            ])
        #expect(second.errors.allSatisfy { $0.line == 5 && $0.column == 5 }, "\(second.errors)")
        let third = try #require(document.rejected.last)
        #expect(
            third.errors.map(\.description) == [
                "\(path):6:73: Element 'Vehicle': Character content is not allowed, because the content type is empty."
            ])
        let zh = Speech(.zh)
        #expect(second.errors[1].spoken.rendered(zh) == "元素 Vehicle 的属性 make：值“ ”的长度为 0，少于允许的最小长度 1。")
        #expect(second.errors[2].spoken.rendered(zh) == "元素 Vehicle 的属性 year：值“10000”大于允许的最大值 9999。")
        #expect(third.errors[0].spoken.rendered(zh) == "元素 Vehicle：不能包含任何文本（该元素应为空）。")
    }

    @Test("A VIN's text, attributes and children; an Applies that holds nothing")
    func vins() throws {
        let folder = try TemporaryDirectory()
        let bulletin = ManufacturerReaderTests.bulletin
        let bad = bulletin.replacingOccurrences(of: "RC-2026-017", with: "RC-2026-018")
            .replacingOccurrences(
                of: "<Vin> lfv2a21k1n3100123 </Vin>",
                with: #"<Vin kind="x">LFV2A21K1N3100 123</Vin><Vin>LFV2A21K1N3<Model/>100124</Vin>"#)
        let empty = bulletin.replacingOccurrences(of: "RC-2026-017", with: "RC-2026-019")
            .replacingOccurrences(
                of: #"(?s)<Applies>.*</Applies>"#, with: "<Applies>\n  </Applies>", options: .regularExpression)
        let path = try folder.write("b.xml", ManufacturerReaderTests.document(bulletin + bad + empty))
        let document = try ManufacturerDocument.read(path: path)
        #expect(document.bulletins.map(\.number) == ["RC-2026-017"])
        #expect(
            document.rejected.map { $0.errors.map(\.message) } == [
                [
                    "Element 'Vin', attribute 'kind': The attribute 'kind' is not allowed.",
                    "Element 'Vin': [facet 'pattern'] The value 'LFV2A21K1N3100 123' is not accepted by the VIN "
                        + "pattern (17 characters from 0-9 and A-Z without I, O, Q).",
                    "Element 'Vin': Element content is not allowed, because the type definition is simple.",
                ],
                [
                    "Element 'Applies': Missing child element(s). Expected is one of ( Model, Built, VinRange, Vin )."
                ],
            ])
        #expect(
            document.rejected.first?.errors.first?.spoken.rendered(Speech(.zh))
                == "元素 Vin 的属性 kind：不允许使用属性 kind。")
    }

    @Test("xsi on a VIN: a location is ignored; a type, even its own (which xmllint accepts), and nil are refused")
    func schemaInstanceAttributes() throws {
        let folder = try TemporaryDirectory()
        let xsi = #"xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:m="urn:aftersales:manufacturer-data:1""#
        let bulletin = ManufacturerReaderTests.bulletin
        func variant(_ number: String, _ vin: String) -> String {
            bulletin.replacingOccurrences(of: "RC-2026-017", with: number)
                .replacingOccurrences(of: "<Vin> lfv2a21k1n3100123 </Vin>", with: vin)
        }
        let sections =
            variant("RC-2026-020", #"<Vin xsi:schemaLocation="urn:x x.xsd">LFV2A21K1N3100123</Vin>"#)
            + variant("RC-2026-021", #"<Vin xsi:type="m:VIN">LFV2A21K1N3100123</Vin>"#)
            + variant("RC-2026-022", #"<Vin xsi:nil="false">LFV2A21K1N3100123</Vin>"#)
        let text = ManufacturerReaderTests.document(sections)
            .replacingOccurrences(of: #"<ManufacturerData xmlns="#, with: "<ManufacturerData \(xsi) xmlns=")
        let path = try folder.write("xsi.xml", text)
        let document = try ManufacturerDocument.read(path: path)
        #expect(document.bulletins.map(\.number) == ["RC-2026-020"])
        let instance = "{http://www.w3.org/2001/XMLSchema-instance}"
        #expect(
            document.rejected.map { $0.errors.map(\.message) } == [
                ["Element 'Vin', attribute '\(instance)type': The attribute '\(instance)type' is not allowed."],
                ["Element 'Vin', attribute '\(instance)nil': The attribute '\(instance)nil' is not allowed."],
            ])
    }

    @Test("The reduced XSD derives from the published one, and not from one whose hot declarations changed")
    func reducedSchema() throws {
        let xsd = String(decoding: PackageResources.manufacturer_data_xsd, as: UTF8.self)
        let reduced = try #require(ReducedSchema.derive(from: xsd))
        #expect(reduced.contains(#"<xs:element name="Vehicle" minOccurs="0" maxOccurs="unbounded"/>"#))
        #expect(reduced.contains(#"<xs:element name="Vin"/>"#))
        #expect(ManufacturerSchema.shared.reduced != nil && ManufacturerSchema.shared.problem == nil)
        let changed = xsd.replacingOccurrences(
            of: #"<xs:element name="Vin" type="m:VIN"/>"#, with: #"<xs:element name="Vin" type="m:Token"/>"#)
        #expect(ReducedSchema.derive(from: changed) == nil)
    }
}
