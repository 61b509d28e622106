import Foundation
import TestSupport

/// An element of a generated manufacturer file: its attributes in order, its children, and its text (written as it
/// is: a value may hold a character reference, a comment or a CDATA section on purpose).
final class MutableElement {
    var name: String
    var attributes: [(name: String, value: String)]
    var children: [MutableElement]
    var text: String?
    /// Text written before the children (text in element-only content, when mutated so).
    var leadingText: String?

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [MutableElement] = [], text: String? = nil)
    {
        self.name = name
        self.attributes = attributes.map { (name: $0.0, value: $0.1) }
        self.children = children
        self.text = text
    }

    func copy() -> MutableElement {
        let element = MutableElement(
            name, attributes.map { ($0.name, $0.value) }, children.map { $0.copy() }, text: text)
        element.leadingText = leadingText
        return element
    }

    /// Every element below this one, with its parent.
    func descendants() -> [(element: MutableElement, parent: MutableElement)] {
        children.flatMap { [($0, self)] + $0.descendants() }
    }
}

/// A valid manufacturer file with every section, the hot elements (`<Vin>`, `<Vehicle>`) many times, and the
/// mutations that break (or keep) its validity against the XSD.
struct MutableDocument {
    var root: MutableElement

    static func valid(_ random: inout SeededRandom) -> MutableDocument {
        func vin(_ serial: Int) -> String { "LFV2A21K0N3" + String(format: "%06d", serial) }
        func bulletin(_ number: Int) -> MutableElement {
            var applies: [MutableElement] = [
                MutableElement("Model", [("make", "Volkswagen"), ("name", "Sagitar"), ("yearFrom", "2022")]),
                MutableElement("Built", [("from", "2022-03-01"), ("to", "2023-06-30")]),
                MutableElement("VinRange", [("from", vin(1)), ("to", vin(99999))]),
            ]
            applies.shuffle(using: &random)
            applies += (0..<(1 + random.below(4))).map { MutableElement("Vin", text: vin(100 + $0)) }
            var children = [
                MutableElement("Title", text: "前制动软管可能磨损"),
                MutableElement("Component", text: "制动系统"),
                MutableElement("Summary", text: "前制动软管 &amp; 悬架"),
                MutableElement("Consequence", text: "制动液泄漏"),
                MutableElement("Remedy", text: "检查并更换"),
                MutableElement("Applies", [], applies),
                MutableElement("Labour", [("code", "47 11 19 00"), ("hours", "1.2")]),
                MutableElement("Part", [("number", "5Q0 611 701 C"), ("quantity", "2")]),
                MutableElement("Extension", [("months", "24"), ("kilometres", "50000")]),
            ]
            if random.below(2) == 0 { children.remove(at: 3) }
            return MutableElement(
                "Bulletin",
                [
                    ("number", "RC-2026-\(number)"), ("kind", "recall"), ("revision", "2"), ("issued", "2026-10-12"),
                    ("status", "active"),
                ], children)
        }
        var sections = [
            MutableElement("Bulletins", [], [bulletin(1), bulletin(2)]),
            MutableElement(
                "LabourOperations", [],
                [
                    MutableElement(
                        "LabourOperation",
                        [("code", "10 11 00 00"), ("make", "Volkswagen"), ("model", "Sagitar"), ("hours", "0.8")],
                        [MutableElement("Description", text: "更换机油")])
                ]),
            MutableElement(
                "Parts", [],
                [
                    MutableElement(
                        "Part", [("number", "06L 115 562 B"), ("price", "86.00"), ("currency", "CNY")],
                        [MutableElement("Name", text: "机油滤清器")])
                ]),
            MutableElement(
                "WarrantyTerms", [],
                [
                    MutableElement(
                        "WarrantyTerm",
                        [
                            ("make", "Volkswagen"), ("usage", "taxi"), ("months", "12"), ("kilometres", "100000"),
                            ("effective", "2020-01-01"),
                        ]),
                    MutableElement(
                        "PartsWarranty", [("make", "Volkswagen"), ("months", "12"), ("effective", "2020-01-01")]),
                ]),
            MutableElement(
                "Vehicles", [],
                (0..<(1 + random.below(4))).map {
                    MutableElement(
                        "Vehicle",
                        [
                            ("vin", vin(200 + $0)), ("make", "Volkswagen"), ("model", "Sagitar"), ("year", "2022"),
                            ("built", "2022-04-18"),
                        ])
                }),
        ]
        sections.shuffle(using: &random)
        return MutableDocument(
            root: MutableElement(
                "ManufacturerData",
                [("manufacturer", "FAW-Volkswagen"), ("issued", "2026-11-01T08:00:00+08:00")], sections))
    }

    // MARK: - Mutations

    /// Applies one mutation, chosen at random, most of them on or around the hot elements; says which.
    mutating func mutate(_ random: inout SeededRandom) -> String {
        let all = root.descendants()
        let hot = all.filter { ["Vin", "Vehicle", "Applies", "Vehicles"].contains($0.element.name) }
        let (element, parent) = random.below(3) > 0 && !hot.isEmpty ? random.pick(hot) : random.pick(all)
        switch random.below(12) {
        case 0:
            parent.children.removeAll { $0 === element }
            return "dropped <\(element.name)>"
        case 1:
            let index = parent.children.firstIndex { $0 === element }!
            parent.children.insert(element.copy(), at: index + random.below(2))
            return "duplicated <\(element.name)>"
        case 2:
            parent.children.removeAll { $0 === element }
            var target = random.below(3) == 0 ? random.pick(all).element : parent
            if target === element || element.descendants().contains(where: { $0.element === target }) {
                target = parent
            }
            target.children.insert(element, at: random.below(target.children.count + 1))
            return "moved <\(element.name)> into <\(target.name)>"
        case 3:
            guard !element.attributes.isEmpty else { return "dropped nothing" }
            let removed = element.attributes.remove(at: random.below(element.attributes.count))
            return "dropped \(removed.name) of <\(element.name)>"
        case 4:
            let name = random.pick(["foo", "vin", "year", "make", "built", "status", "xmlns:o=\"urn:o\" o:x"])
            guard !element.attributes.contains(where: { $0.name == name }) else { return "added nothing" }
            element.attributes.append((name, random.pick(["1", "x", "LFV2A21K0N3000001", "2022-01-01"])))
            return "added \(name) to <\(element.name)>"
        case 5:
            guard !element.attributes.isEmpty else { return "misspelt nothing" }
            let index = random.below(element.attributes.count)
            let old = element.attributes[index].name
            let new = random.pick([old.uppercased(), String(old.dropLast()), old + "s", "m:" + old])
            guard !element.attributes.contains(where: { $0.name == new }) else { return "misspelt nothing" }
            element.attributes[index].name = new
            if new.hasPrefix("m:") { element.attributes.append(("xmlns:m", "urn:aftersales:manufacturer-data:1")) }
            return "misspelt \(old) of <\(element.name)> as \(new)"
        case 6, 7:
            guard !element.attributes.isEmpty else {
                guard element.text != nil else { return "changed nothing" }
                element.text = random.pick(element.name == "Vin" ? Self.vins : Self.texts)
                return "text of <\(element.name)> is '\(element.text!)'"
            }
            let index = random.below(element.attributes.count)
            let name = element.attributes[index].name
            element.attributes[index].value = random.pick(Self.values(of: name, in: element.name))
            return "\(name) of <\(element.name)> is '\(element.attributes[index].value)'"
        case 8:
            element.leadingText = random.pick(["x", " ", "\n\t", "&#x20;", "&#65;", "<!-- c -->", "<![CDATA[ ]]>"])
            return "text '\(element.leadingText!)' in <\(element.name)>"
        case 9:
            element.children.insert(
                random.pick([
                    MutableElement("Model", [("make", "a"), ("name", "b")]),
                    MutableElement("Vin", text: "LFV2A21K0N3000001"), MutableElement("Note"),
                ]), at: random.below(element.children.count + 1))
            return "a child in <\(element.name)>"
        case 10:
            let old = element.name
            element.name = random.pick([old.uppercased(), old + "s", "o:" + old, "Vin", "Vehicle"])
            if element.name.hasPrefix("o:") { element.attributes.append(("xmlns:o", "urn:o")) }
            return "renamed <\(old)> to <\(element.name)>"
        default:
            let only = random.pick(["Vin", "Model", ""])
            element.children.removeAll { $0.name != only }
            return "kept only <\(only)> children in <\(element.name)>"
        }
    }

    static let vins = [
        "LFV2A21K0N3000001", "lfv2a21k0n3000001", " LFV2A21K0N3000001 ", "\n\tLFV2A21K0N3000001\r\n",
        "LFV2A21K0N300000", "LFV2A21K0N30000011", "LFV2A21K0N30O0001", "LFV2A21K0N3000Q01", "LFV2A21K0N3000i01",
        "LFV2A21K0N3 00001", "", "   ", "LFV2A21K0N300000É", "&#x4C;FV2A21K0N3000001", "LFV2A21K0N3<!-- c -->000001",
        "<![CDATA[LFV2A21K0N3000001]]>", "LFV2A21K0N3000001&#x20;", "LFV2A21K0N3000001&#xA0;", "ＬFV2A21K0N300000",
    ]
    static let texts = ["x", "", "  ", " a ", "\n", "&#x9;", "<![CDATA[]]>", "a &amp; b"]
    static let tokens = ["Volkswagen", "", "  ", " a  b ", "\t", "&#x9;&#xA;", "&#xA0;", "x"]
    static let days = [
        "2022-04-18", "2024-02-29", "2023-02-29", "2100-02-29", "2000-02-29", "0000-01-01", "2022-4-18", "2022-04-18Z",
        "2022-04-18+08:00", " 2022-04-18 ", "18/04/2022", "2022-13-01", "2022-04-31", "2022-04-00", "", "-2022-04-18",
        "12022-04-18", "２022-04-18",
    ]
    static let years = [
        "2022", "-0", "+0012", "10000", "9999", "0", "-1", "1.0", "", " 2020 ", "２０２０", "000000000000000000000002022",
        "+", "-",
    ]
    static let amounts = ["1.2", "0", "0.00", "-1", "1.234", "1.230", "+.5", ".5", "5.", "1e2", "", " 2.50 "]
    static let counts = ["2", "-0", "+3", "-1", "1.0", "", " 7 ", "0"]

    /// Values for an attribute, valid and not, from the types the XSD gives it.
    static func values(of attribute: String, in element: String) -> [String] {
        switch (element, attribute) {
        case ("Vehicle", "vin"), ("VinRange", _): vins
        case ("Vehicle", "year"), ("Model", "yearFrom"), ("Model", "yearTo"): years
        case (_, "built"), ("Built", _), (_, "effective"), ("Bulletin", "issued"): days
        case (_, "hours"), (_, "price"): amounts
        case (_, "quantity"), (_, "months"), (_, "kilometres"), (_, "revision"): counts
        case (_, "kind"): ["recall", "campaign", "tsb", "extension", "Recall", " recall ", "warranty", ""]
        case (_, "status"): ["active", "withdrawn", "Active", ""]
        case (_, "usage"): ["private", "taxi", "commercial", "Taxi"]
        case (_, "currency"): ["CNY", "cny", "CN", " CNY ", "CNYY"]
        case ("ManufacturerData", "issued"):
            ["2026-11-01T08:00:00+08:00", "2026-11-01T08:00:00Z", "2026-11-01T08:00:00", "2026-11-01"]
        default: tokens
        }
    }

    // MARK: - Writing

    /// The file, its blanks between tags chosen at random (none, a newline and indent, tabs and CRs).
    func xml(_ random: inout SeededRandom) -> String {
        var out = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        write(root, depth: 0, into: &out, &random)
        return out + "\n"
    }

    private func write(_ element: MutableElement, depth: Int, into out: inout String, _ random: inout SeededRandom) {
        out += "<\(element.name)"
        if depth == 0 { out += #" xmlns="urn:aftersales:manufacturer-data:1""# }
        for attribute in element.attributes {
            let value = attribute.value.replacingOccurrences(of: "\"", with: "&quot;")
            out += " \(attribute.name)=\"\(value)\""
        }
        if element.children.isEmpty && element.text == nil && element.leadingText == nil {
            out += "/>"
            return
        }
        out += ">"
        if let leading = element.leadingText { out += leading }
        if let text = element.text { out += text }
        for child in element.children {
            out += random.pick(["", "\n" + String(repeating: "  ", count: depth + 1), "\t", "\r\n  "])
            write(child, depth: depth + 1, into: &out, &random)
        }
        if !element.children.isEmpty { out += random.pick(["", "\n" + String(repeating: "  ", count: depth)]) }
        out += "</\(element.name)>"
    }
}
