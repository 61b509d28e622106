import Core
import Foundation

/// Manufacturer data files (MANUFACTURER-XML.md) of any size, for benchmarks, the demo and the kill test, in one
/// of three shapes (`Shape`): per megabyte, the default mix has about 10,000 listed VINs (on one bulletin in a
/// hundred: national lists), 50 bulletins, 20 labour operations, 30 parts and 4,500 master-data vehicles; a few
/// warranty terms per file. Valid, unless `badVINsPerBulletin` is set: then every bulletin lists that many VINs
/// that break the VIN pattern (so every bulletin is rejected with that many problems), and the national lists are
/// shorter by as many bytes, so the file stays about the size asked for.
public struct ManufacturerFileGenerator {
    /// What a file is made of, per megabyte.
    public enum Shape: String, CaseIterable, Sendable {
        /// Bulletins (one in a hundred with a national list), catalogue, terms and vehicles.
        case mixed
        /// Almost only bulletins, each listing about 1,000 VINs: 27 bulletins and 27,000 VINs a megabyte, like
        /// the 104.9 MB file of 2,911 bulletins and 2.9 million VINs of issue 20. No vehicles, no catalogue.
        case vins
        /// Almost only master-data vehicles: 10,000 a megabyte, 2 bulletins without VIN lists, 5 labour
        /// operations and 5 parts.
        case vehicles

        /// Bulletins, listed VINs, labour operations, parts and vehicles per megabyte, and which bulletins list
        /// VINs (every `listEvery`-th).
        var perMegabyte: (bulletins: Int, vins: Int, operations: Int, parts: Int, vehicles: Int, listEvery: Int) {
            switch self {
            case .mixed: (50, 10_000, 20, 30, 4_500, 100)
            case .vins: (27, 27_000, 0, 0, 0, 1)
            case .vehicles: (2, 0, 5, 5, 10_000, 100)
            }
        }
    }

    public let megabytes: Int
    public let badVINsPerBulletin: Int
    public let shape: Shape
    public var random: SeededRandom

    public init(megabytes: Int, seed: UInt64 = 7, badVINsPerBulletin: Int = 0, shape: Shape = .mixed) {
        self.megabytes = max(1, megabytes)
        self.badVINsPerBulletin = min(200, max(0, badVINsPerBulletin))
        self.shape = shape
        random = SeededRandom(seed: seed)
    }

    /// The bad VINs of bulletin `index`: 17 characters with an `O` in the serial, which no VIN may hold.
    func badVINs(of index: Int, model: (make: String, model: String, wmi: String, vds: String)) -> String {
        var text = ""
        for k in 0..<badVINsPerBulletin {
            var vin = Array(DemoGenerator.vin(index * 1_000 + k, model: model, year: 2024).value)
            vin[12] = "O"
            text += "        <Vin>\(String(vin))</Vin>\n"
        }
        return text
    }

    static let components = ["制动系统", "发动机", "变速箱", "电气系统", "转向系统", "悬架系统", "燃油系统", "空调系统"]
    static let titles = ["前制动软管可能磨损", "燃油泵可能失效", "变速箱控制单元软件更新", "安全气囊线束可能松脱", "转向横拉杆紧固", "空调压缩机支架检查"]

    /// Writes the file through `write` in chunks of about a megabyte; returns the number of listed VINs.
    @discardableResult
    public mutating func write(_ write: (String) -> Void) -> Int {
        var buffer = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        buffer +=
            #"<ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" "#
            + #"issued="2026-11-01T08:00:00+08:00">"# + "\n"
        func flush(_ force: Bool = false) {
            if force || buffer.utf8.count > 1 << 20 {
                write(buffer)
                buffer = ""
            }
        }
        let models = DemoGenerator.models
        let per = shape.perMegabyte
        let bulletins = per.bulletins * megabytes
        var listed = 0
        buffer += "  <Bulletins>\n"
        for i in 0..<bulletins {
            let kind = ["recall", "recall", "campaign", "tsb", "tsb", "extension"][i % 6]
            let model = models[i % models.count]
            buffer +=
                "    <Bulletin number=\"B-\(2026_000_000 + i)\" kind=\"\(kind)\" revision=\"\(1 + i % 3)\" "
                + "issued=\"2026-\(String(format: "%02d", 1 + i % 10))-15\">\n"
            buffer += "      <Title>\(Self.titles[i % Self.titles.count])（\(i)）</Title>\n"
            buffer += "      <Component>\(Self.components[i % Self.components.count])</Component>\n"
            buffer += "      <Summary>部分车辆的\(Self.components[i % Self.components.count])可能存在隐患，批次 \(i)。</Summary>\n"
            if i % 2 == 0 { buffer += "      <Consequence>极端情况下可能导致故障。</Consequence>\n" }
            buffer += "      <Remedy>检查并按需更换相关零件。</Remedy>\n      <Applies>\n"
            // A national VIN list: the shape's VINs per megabyte of file in all, on one bulletin in `listEvery`
            // (fewer by the bad VINs, which take as many bytes each).
            let count =
                max(0, per.vins - per.bulletins * badVINsPerBulletin) * megabytes / max(1, bulletins / per.listEvery)
            if i % per.listEvery == 0, count > 0 {
                let year = 2020 + (i / per.listEvery) % 6
                for k in 0..<count {
                    let vin = DemoGenerator.vin((i / per.listEvery) * 1_000_000 + k, model: model, year: year)
                    buffer += "        <Vin>\(vin.value)</Vin>\n"
                    if k % 4096 == 0 { flush() }
                }
                listed += count
            } else if i % 3 == 0 {
                let from = DemoGenerator.vin(i * 997 % 900_000, model: model, year: 2024)
                let to = DemoGenerator.vin(i * 997 % 900_000 + 5_000, model: model, year: 2024)
                buffer += "        <VinRange from=\"\(from.value)\" to=\"\(to.value)\"/>\n"
            } else {
                buffer +=
                    "        <Model make=\"\(model.make)\" name=\"\(model.model)\" yearFrom=\"\(2015 + i % 8)\" "
                    + "yearTo=\"\(2017 + i % 8)\"/>\n"
                if i % 4 == 1 { buffer += "        <Built from=\"2022-01-01\" to=\"2024-06-30\"/>\n" }
            }
            buffer += badVINs(of: i, model: model)
            buffer +=
                "      </Applies>\n      <Labour code=\"\(10 + i % 80) \(String(format: "%02d", i % 100)) 19 00\" "
                + "hours=\"\(1 + i % 3).\(i % 10)\"/>\n"
            buffer += "      <Part number=\"5Q0 \(600 + i % 300) 701 C\" quantity=\"\(1 + i % 4)\"/>\n"
            if kind == "extension" { buffer += "      <Extension months=\"60\" kilometres=\"150000\"/>\n" }
            buffer += "    </Bulletin>\n"
            flush()
        }
        buffer += "  </Bulletins>\n  <LabourOperations>\n"
        for i in 0..<(per.operations * megabytes) {
            let model = models[i % models.count]
            buffer +=
                "    <LabourOperation code=\"\(10 + i % 90) \(String(format: "%02d", (i / 90) % 100)) "
                + "\(String(format: "%02d", i / 9000)) 00\" make=\"\(model.make)\" model=\"\(model.model)\" "
                + "hours=\"\(i % 5).\(1 + i % 9)\">\n"
            buffer += "      <Description>标准工时项目 \(i)：拆装与检查</Description>\n    </LabourOperation>\n"
            flush()
        }
        buffer += "  </LabourOperations>\n  <Parts>\n"
        for i in 0..<(per.parts * megabytes) {
            buffer +=
                "    <Part number=\"06L \(String(format: "%03d", i % 1000)) \(String(format: "%03d", i / 1000)) B\" "
                + "price=\"\(20 + i % 980).\(String(format: "%02d", i % 100))\" currency=\"CNY\"><Name>零件 "
                + "\(i)</Name></Part>\n"
            flush()
        }
        buffer += "  </Parts>\n  <WarrantyTerms>\n"
        buffer +=
            "    <WarrantyTerm make=\"Volkswagen\" usage=\"taxi\" months=\"12\" kilometres=\"100000\" "
            + "effective=\"2020-01-01\"/>\n"
        buffer +=
            "    <WarrantyTerm make=\"Volkswagen\" usage=\"private\" months=\"36\" kilometres=\"100000\" "
            + "effective=\"2020-01-01\"/>\n"
        buffer += "    <PartsWarranty make=\"Volkswagen\" months=\"12\" effective=\"2020-01-01\"/>\n"
        buffer += "  </WarrantyTerms>\n  <Vehicles>\n"
        for i in 0..<(per.vehicles * megabytes) {
            let model = models[i % models.count]
            let year = 2019 + i % 7
            buffer +=
                "    <Vehicle vin=\"\(DemoGenerator.vin(50_000_000 + i, model: model, year: year).value)\" "
                + "make=\"\(model.make)\" model=\"\(model.model)\" year=\"\(year)\" "
                + "built=\"\(year - 1)-\(String(format: "%02d", 1 + i % 12))-"
                + "\(String(format: "%02d", 1 + i % 28))\"/>\n"
            if i % 1024 == 0 { flush() }
        }
        buffer += "  </Vehicles>\n</ManufacturerData>\n"
        flush(true)
        return listed
    }
}
