import Core

/// A catalogue part number as people type it (`5Q0 611 701 C`): ASCII letters and digits, with spaces,
/// dots and dashes inside, at most 40 characters. Upper-cased and its spaces collapsed, so `5q0 611  701 c`
/// names the same part; storage finds the catalogue's own spelling, with or without the spaces.
public struct PartNumber: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    /// The number as typed, or an `InvalidInput` naming `field`.
    public static func parse(_ text: String, field: String) throws -> PartNumber {
        guard let number = PartNumber(text) else {
            throw InvalidInput(
                field: field,
                "expected a catalogue part number such as 5Q0 611 701 C (letters, digits, spaces, . and -; "
                    + "at most 40), got \"\(text)\"")
        }
        return number
    }

    /// nil unless `text` fits the form (no leading or trailing space: the API's pattern; the CLI trims first).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        func alphanumeric(_ b: UInt8) -> Bool {
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
        }
        guard (1...40).contains(bytes.count), alphanumeric(bytes.first!), alphanumeric(bytes.last!),
            bytes.allSatisfy({ alphanumeric($0) || " .-".utf8.contains($0) })
        else { return nil }
        value = text.uppercased().split(separator: " ").joined(separator: " ")
    }

    /// The catalogue's spelling, as stored (already checked by the import).
    public init(catalogue number: String) { value = number }

    /// Without its spaces, upper-cased: how a number typed without them is matched.
    public var compact: String { value.uppercased().replacingOccurrences(of: " ", with: "") }

    public var description: String { value }
    public static func < (a: PartNumber, b: PartNumber) -> Bool { a.value < b.value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
