import Foundation
import Core
import Warranty

/// Reads the Bulletins section of a manufacturer file (MANUFACTURER-XML.md), streaming, with every
/// error located by line and column.
public enum BulletinFile {
    public static let namespace = "urn:aftersales:manufacturer-data:1"

    /// The bulletins of a file whose only section is `Bulletins` (what `aftersales bulletins add FILE` takes).
    public static func read(path: String) throws -> [Bulletin] {
        let reader = try XMLPullReader(path: path)
        var manufacturer: String?
        var bulletins: [Bulletin] = []
        var numbers: Set<String> = []
        var stack: [String] = []
        var builder: Builder?
        var text = ""
        while let event = try reader.next() {
            switch event {
            case .start(let name, let ns, let attributes, let isEmpty):
                if stack.isEmpty {
                    guard name == "ManufacturerData" else { throw reader.error("the root element must be ManufacturerData, not \(name)") }
                    guard ns == namespace else { throw reader.error("the root element must be in the namespace \(namespace), not \(ns ?? "none")") }
                    guard let m = attributes["manufacturer"]?.trimmed(), !m.isEmpty else { throw reader.error("ManufacturerData needs a manufacturer attribute") }
                    guard let issued = attributes["issued"], Instant.parse(issued) != nil, issued.count > 19 else {
                        throw reader.error("ManufacturerData needs issued, a date-time with a zone offset such as 2026-11-01T08:00:00+08:00")
                    }
                    manufacturer = m
                } else {
                    guard ns == namespace else { throw reader.error("element \(name) is not in the namespace \(namespace)") }
                    let parent = stack.last!
                    switch (parent, name) {
                    case ("ManufacturerData", "Bulletins"):
                        break
                    case ("ManufacturerData", let other) where ["LabourOperations", "Parts", "WarrantyTerms", "Vehicles"].contains(other):
                        throw reader.error("this command reads bulletins only; import \(other) with aftersales-import")
                    case ("Bulletins", "Bulletin"):
                        builder = try Builder(attributes: attributes, manufacturer: manufacturer!, reader: reader)
                    case ("Bulletin", _), ("Applies", _):
                        try builder!.start(name, parent: parent, attributes: attributes, reader: reader)
                    default:
                        throw reader.error("unexpected element \(name) inside \(parent)")
                    }
                }
                text = ""
                if isEmpty {
                    try finish(name)
                } else {
                    stack.append(name)
                }
            case .text(let value):
                text += value
            case .end(let name):
                stack.removeLast()
                try finish(name)
            }
        }

        func finish(_ name: String) throws {
            guard builder != nil else { return }
            if name == "Bulletin" {
                let bulletin = try builder!.build(reader: reader)
                guard numbers.insert(bulletin.number).inserted else { throw reader.error("bulletin \(bulletin.number) appears twice in the file") }
                bulletins.append(bulletin)
                builder = nil
            } else {
                try builder!.text(name, text, reader: reader)
            }
            text = ""
        }

        guard manufacturer != nil else { throw XMLInputError(file: path, line: 1, column: 1, message: "the file is empty") }
        return bulletins
    }

    /// Collects one bulletin's parts, checking the order and values as it goes.
    struct Builder {
        static let order = ["Title", "Component", "Summary", "Consequence", "Remedy", "Applies", "Labour", "Part", "Extension"]
        var bulletin: Bulletin
        var seen: [String] = []
        var texts: [String: String] = [:]
        let line: Int

        init(attributes: [String: String], manufacturer: String, reader: XMLPullReader) throws {
            func required(_ key: String) throws -> String {
                guard let value = attributes[key]?.trimmed(), !value.isEmpty else { throw reader.error("Bulletin needs the attribute \(key)") }
                return value
            }
            let number = try required("number")
            guard let kind = Bulletin.Kind(rawValue: try required("kind")) else { throw reader.error("kind must be recall, campaign, tsb or extension") }
            guard let revision = Int(try required("revision")), revision >= 1 else { throw reader.error("revision must be a whole number of 1 or more") }
            guard let issued = LocalDate(try required("issued")) else { throw reader.error("issued must be a date YYYY-MM-DD") }
            guard let status = Bulletin.Status(rawValue: attributes["status"] ?? "active") else { throw reader.error("status must be active or withdrawn") }
            bulletin = Bulletin(manufacturer: manufacturer, number: number, kind: kind, revision: revision, issued: issued, status: status,
                                title: "", component: "", summary: "", remedy: "")
            line = reader.line
        }

        mutating func start(_ name: String, parent: String, attributes: [String: String], reader: XMLPullReader) throws {
            func int(_ key: String) throws -> Int? {
                guard let text = attributes[key] else { return nil }
                guard let value = Int(text), value >= 0 else { throw reader.error("\(name) \(key) must be a non-negative whole number, got \"\(text)\"") }
                return value
            }
            func date(_ key: String) throws -> LocalDate? {
                guard let text = attributes[key] else { return nil }
                guard let value = LocalDate(text) else { throw reader.error("\(name) \(key) must be a date YYYY-MM-DD, got \"\(text)\"") }
                return value
            }
            func vin(_ key: String) throws -> VIN {
                guard let text = attributes[key] else { throw reader.error("\(name) needs \(key)") }
                do { return try VIN(validating: text) } catch { throw reader.error("\(name) \(key): \(error.description)") }
            }
            if parent == "Bulletin" {
                guard let index = Builder.order.firstIndex(of: name) else { throw reader.error("unexpected element \(name) inside Bulletin") }
                if let last = seen.last, let lastIndex = Builder.order.firstIndex(of: last), index < lastIndex || (index == lastIndex && !["Labour", "Part"].contains(name)) {
                    throw reader.error("\(name) is out of place: a Bulletin's children come in the order \(Builder.order.joined(separator: ", "))")
                }
                seen.append(name)
                switch name {
                case "Labour":
                    guard let code = attributes["code"]?.trimmed(), !code.isEmpty, let hours = attributes["hours"], let money = Money(yuan: hours), money.fen > 0 else {
                        throw reader.error("Labour needs code and hours (a positive number with at most two decimals)")
                    }
                    bulletin.labour.append(Bulletin.Labour(code: code, centihours: Int(money.fen)))
                case "Part":
                    guard let number = attributes["number"]?.trimmed(), !number.isEmpty, let quantity = try int("quantity") else {
                        throw reader.error("Part needs number and quantity")
                    }
                    bulletin.parts.append(Bulletin.Part(number: number, quantity: quantity))
                case "Extension":
                    guard let months = try int("months"), let km = try int("kilometres") else { throw reader.error("Extension needs months and kilometres") }
                    bulletin.extensionMonths = months
                    bulletin.extensionKilometres = km
                default:
                    break
                }
                return
            }
            // Inside Applies.
            switch name {
            case "Model":
                guard let make = attributes["make"]?.trimmed(), !make.isEmpty, let model = attributes["name"]?.trimmed(), !model.isEmpty else {
                    throw reader.error("Model needs make and name")
                }
                bulletin.models.append(Bulletin.ModelCriterion(make: make, name: model, yearFrom: try int("yearFrom"), yearTo: try int("yearTo")))
            case "Built":
                bulletin.built.append(Bulletin.BuiltCriterion(from: try date("from"), to: try date("to")))
            case "VinRange":
                do { bulletin.vinRanges.append(try VinRange(from: try vin("from"), to: try vin("to"))) } catch let error as InvalidInput {
                    throw reader.error("VinRange: \(error.reason)")
                }
            case "Vin":
                break
            default:
                throw reader.error("unexpected element \(name) inside Applies")
            }
        }

        mutating func text(_ name: String, _ value: String, reader: XMLPullReader) throws {
            switch name {
            case "Title": bulletin.title = value.trimmed()
            case "Component": bulletin.component = value.trimmed()
            case "Summary": bulletin.summary = value.trimmed()
            case "Consequence": bulletin.consequence = value.trimmed()
            case "Remedy": bulletin.remedy = value.trimmed()
            case "Vin":
                do { bulletin.vins.append(try VIN(validating: value)) } catch { throw reader.error("Vin: \(error.description)") }
            default: break
            }
        }

        func build(reader: XMLPullReader) throws -> Bulletin {
            for required in ["Title", "Component", "Summary", "Remedy", "Applies"] where !seen.contains(required) {
                throw XMLInputError(file: reader.file, line: line, column: 1, message: "bulletin \(bulletin.number) has no \(required)")
            }
            do { try bulletin.validate() } catch let error as InvalidInput {
                throw XMLInputError(file: reader.file, line: line, column: 1, message: "bulletin \(bulletin.number): \(error.description)")
            }
            return bulletin
        }
    }
}
