import Core

/// How a `ManufacturerReader` holds a file to the XSD (Docs/schemas/manufacturer-data.xsd, the published contract).
public enum SchemaValidation: Sendable {
    /// The XSD at parse speed, the default: the reader checks the hot elements itself (a bulletin's `<Vin>`, a
    /// master-data `<Vehicle>`: millions of them in a file, and most of libxml2's validation time), and libxml2's
    /// validator checks everything else against `ReducedSchema`, the XSD with those two left to the reader. The
    /// differential test holds the two together to the XSD (Tests/ManufacturerXMLTests/SchemaDifferentialTests).
    case contract
    /// The whole XSD in libxml2's generic validator: the second opinion of the fuzz harness.
    case libxml2
    /// No schema (the content rules only): for measuring what the schema costs.
    case none
}

/// The XSD libxml2 validates against in `SchemaValidation.contract`, derived from the published one as it is
/// embedded: `<Vin>` and `<Vehicle>` are never shown to libxml2, so their declarations take any content (they stay,
/// so that their parents keep element-only content, where blanks are allowed), and `<Applies>` may look empty (its
/// first child may be a `<Vin>`: the reader checks that it holds one).
enum ReducedSchema {
    /// The textual edits, each of which must match exactly once.
    static let edits: [(String, String)] = [
        (#"<xs:element name="Vin" type="m:VIN"/>"#, #"<xs:element name="Vin"/>"#),
        (#"<xs:choice minOccurs="1" maxOccurs="unbounded">"#, #"<xs:choice minOccurs="0" maxOccurs="unbounded">"#),
    ]
    /// The master-data vehicle's declaration, from its start to its end tag, is replaced by an empty one.
    static let vehicleStart = #"<xs:element name="Vehicle" minOccurs="0" maxOccurs="unbounded">"#

    /// The reduced XSD, or nil when the published one no longer has the declarations the reader checks itself (a
    /// change to the XSD must change the reader's checks too).
    static func derive(from xsd: String) -> String? {
        var text = xsd
        for (target, replacement) in edits {
            guard text.components(separatedBy: target).count == 2 else { return nil }
            text = text.replacingOccurrences(of: target, with: replacement)
        }
        guard text.components(separatedBy: vehicleStart).count == 2, let start = text.range(of: vehicleStart),
            let end = text.range(of: "</xs:element>", range: start.upperBound..<text.endIndex)
        else { return nil }
        text.replaceSubrange(start.lowerBound..<end.upperBound, with: vehicleStart.dropLast() + "/>")
        return text
    }
}

/// The XSD's simple types of the hot elements' values, on the bytes libxml2 hands over (no String unless a value is
/// wrong): each collapses whitespace first, as xs:token and xs:date do.
enum ContractValues {
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// The value without the blanks around it.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var from = 0, to = bytes.count
        while from < to, isBlank(bytes[from]) { from += 1 }
        while to > from, isBlank(bytes[to - 1]) { to -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[from..<to])
    }

    /// Whether a byte is one of `[0-9A-HJ-NPR-Za-hj-npr-z]` (a switch: a table in a static costs a `swift_once` per
    /// call, 4 % of validating a national list).
    static func isVINCharacter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20  // an ASCII letter in lower case (a digit keeps its code)
        switch lower {
        case 0x30...0x39: return byte == lower
        case 0x61...0x68, 0x6A...0x6E, 0x70, 0x72...0x7A: return true
        default: return false
        }
    }

    /// m:VIN: 17 characters of the VIN pattern once collapsed (lower case allowed; the reader upper-cases).
    static func isVIN(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let value = trimmed(bytes)
        guard value.count == 17 else { return false }
        for byte in value where !isVINCharacter(byte) { return false }
        return true
    }

    /// m:Token: xs:token of at least one character, so anything but blanks.
    static func isToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { !trimmed(bytes).isEmpty }

    enum YearCheck { case valid, notYear, tooLarge }

    /// m:Year: xs:nonNegativeInteger (`+12`, `0012`, `-0`) of at most 9999.
    static func year(_ bytes: UnsafeBufferPointer<UInt8>) -> YearCheck {
        let value = trimmed(bytes)
        var i = 0
        let negative = !value.isEmpty && value[0] == UInt8(ascii: "-")
        if !value.isEmpty, value[0] == UInt8(ascii: "+") || negative { i = 1 }
        guard i < value.count else { return .notYear }
        var number = 0
        for byte in value[i...] {
            guard byte >= 0x30, byte <= 0x39 else { return .notYear }
            number = min(number * 10 + Int(byte - 0x30), 100_000)
        }
        if negative && number != 0 { return .notYear }
        return number <= 9999 ? .valid : .tooLarge
    }

    /// m:Day: an xs:date (a year from 0001, a month, a day of that month) written `\d{4}-\d{2}-\d{2}`.
    static func isDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let value = trimmed(bytes)
        guard value.count == 10, value[4] == UInt8(ascii: "-"), value[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var result = 0
            for index in range {
                guard value[index] >= 0x30, value[index] <= 0x39 else { return nil }
                result = result * 10 + Int(value[index] - 0x30)
            }
            return result
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), year > 0,
            (1...12).contains(month), day >= 1
        else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// A value as the XSD sees it, for a message: whitespace collapsed.
    static func collapsed(_ bytes: [UInt8]) -> String { bytes.withUnsafeBufferPointer(collapsed) }

    static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: Array(bytes.split(whereSeparator: isBlank).joined(separator: [0x20])), as: UTF8.self)
    }
}
