import Foundation

/// A vehicle identification number, validated as MANUFACTURER-XML.md says: trimmed and upper-cased,
/// 17 characters from 0-9 and A-Z without I, O and Q. A wrong check digit (position 9, GB 16735 /
/// 49 CFR 565) is only a warning, because dealers service imported cars built without one.
public struct VIN: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The text's UTF-8 bytes inline, zero-padded, with their count in the last byte: an import reads VINs by
    /// the million, and a String of 17 bytes would be a heap allocation each (a String is made when asked for).
    private let storage: (UInt64, UInt64, UInt64)
    /// The most bytes a VIN's text may have inline (a valid VIN has 17).
    public static let capacity = 23

    /// The VIN as text.
    public var value: String { withUTF8 { String(decoding: $0, as: UTF8.self) } }

    /// Why a text is not a VIN.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        case length(Int)
        case character(Character, position: Int)

        public var description: String { phrase.rendered() }

        /// Why, as a phrase.
        public var phrase: Phrase {
            switch self {
            case .length(let n): return "a VIN has 17 characters, this one has \(n)"
            case .character(let c, let p):
                return "character '\(c)' at position \(p) is not allowed in a VIN (0-9 and A-Z without I, O, Q)"
            }
        }
    }

    /// Validates and normalises (trim, upper-case); throws `VIN.Problem`.
    public init(validating text: String) throws(Problem) {
        let normalized = text.trimmed().uppercased()
        guard normalized.count == 17 else { throw .length(normalized.count) }
        for (index, char) in normalized.enumerated() {
            guard let ascii = char.asciiValue, VIN.weightValue(ascii) != nil else {
                throw .character(char, position: index + 1)
            }
        }
        self.init(trusted: normalized)
    }

    /// Validates and normalises UTF-8 bytes as `init(validating:)` does, without going through `Character`s:
    /// the streaming XML reader reads millions of VINs this way.
    public init(utf8 bytes: UnsafeBufferPointer<UInt8>) throws(Problem) {
        var start = 0
        var end = bytes.count
        func space(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        while start < end, space(bytes[start]) { start += 1 }
        while end > start, space(bytes[end - 1]) { end -= 1 }
        // Upper-cased and checked byte by byte against the table; anything else (a wrong length, a character
        // that is not allowed, non-ASCII text) goes the String way, which words the problem.
        var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var allowed = end - start == 17
        if allowed {
            withUnsafeMutableBytes(of: &storage) { upper in
                VIN.characterValues.withUnsafeBufferPointer { values in
                    for i in 0..<17 {
                        var b = bytes[start &+ i]
                        if b &- 0x61 < 26 { b &-= 0x20 }
                        if values[Int(b)] == 0 { allowed = false }
                        upper[i] = b
                    }
                }
                upper[VIN.capacity] = 17
            }
        }
        guard allowed else {
            try self.init(validating: String(decoding: bytes, as: UTF8.self))
            return
        }
        self.init(storage: storage)
    }

    private init(storage: (UInt64, UInt64, UInt64)) { self.storage = storage }

    /// A VIN already known to be valid (read back from the database), of at most `capacity` bytes.
    public init(trusted value: String) {
        var value = value
        self = value.withUTF8 { VIN(trustedUTF8: $0) }
    }

    /// A VIN already known to be valid, from its bytes (at most `capacity`).
    public init(trustedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= VIN.capacity, "a VIN's text has at most \(VIN.capacity) bytes")
        var storage: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &storage) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(bytes))
            raw[VIN.capacity] = UInt8(bytes.count)
        }
        self.init(storage: storage)
    }

    /// The VIN's UTF-8 bytes, given to `body` without a copy to the heap.
    public func withUTF8<T>(_ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        var storage = storage
        return try withUnsafeBytes(of: &storage) { raw in
            try body(
                UnsafeBufferPointer(
                    start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: Int(raw[VIN.capacity])))
        }
    }

    public static func == (a: VIN, b: VIN) -> Bool { a.storage == b.storage }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.0)
        hasher.combine(storage.1)
        hasher.combine(storage.2)
    }

    public var description: String { value }
    /// In the order of the texts' bytes (as the database sorts them): the words compared most significant first.
    public static func < (a: VIN, b: VIN) -> Bool {
        let x = (UInt64(bigEndian: a.storage.0), UInt64(bigEndian: a.storage.1), UInt64(bigEndian: a.storage.2))
        let y = (UInt64(bigEndian: b.storage.0), UInt64(bigEndian: b.storage.1), UInt64(bigEndian: b.storage.2))
        return x < y
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(validating: text) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// The check digit position 9 should hold ('0'-'9' or 'X').
    public var expectedCheckDigit: Character { Character(Unicode.Scalar(withUTF8 { VIN.checkDigit($0) })) }

    /// The check digit of 17 VIN bytes (ASCII '0'-'9' or 'X'), by the weights of GB 16735 / 49 CFR 565.
    static func checkDigit(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        // The weights as a tuple walked by pointer: this runs for every VIN an import reads.
        var weights: (Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int) = (
            8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2
        )
        return withUnsafeBytes(of: &weights) { raw in
            let weight = raw.bindMemory(to: Int.self)
            var sum = 0
            VIN.characterValues.withUnsafeBufferPointer { values in
                for index in 0..<min(17, bytes.count) {
                    sum += max(Int(values[Int(bytes[index])]) - 1, 0) * weight[index]
                }
            }
            let remainder = sum % 11
            return remainder == 10 ? UInt8(ascii: "X") : UInt8(ascii: "0") + UInt8(remainder)
        }
    }

    /// Whether position 9 holds the computed check digit.
    public var hasValidCheckDigit: Bool {
        withUTF8 { $0.count == 17 && $0[8] == VIN.checkDigit($0) }
    }

    /// The warning to show when the check digit is wrong, or nil, in the language of the moment.
    public var checkDigitWarning: String? { checkDigitProblem?.rendered() }

    /// The warning to show when the check digit is wrong, or nil, as a phrase.
    public var checkDigitProblem: Phrase? {
        hasValidCheckDigit
            ? nil
            : "VIN \(value): check digit (position 9) should be \(expectedCheckDigit); kept, as imported cars often "
                + "have none"
    }

    /// Per byte, its transliteration value plus one; 0 for a byte no (upper-case) VIN may contain.
    static let characterValues: [UInt8] = (0...255).map { UInt8(weightValue(UInt8($0)).map { $0 + 1 } ?? 0) }

    /// Transliteration value of a VIN character, nil for characters a VIN may not contain.
    static func weightValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - 48)
        case UInt8(ascii: "A")...UInt8(ascii: "H"): return Int(byte - 64)
        case UInt8(ascii: "J")...UInt8(ascii: "N"): return Int(byte - 73)
        case UInt8(ascii: "P"): return 7
        case UInt8(ascii: "R"): return 9
        case UInt8(ascii: "S")...UInt8(ascii: "Z"): return Int(byte - 81)
        default: return nil
        }
    }
}

extension VIN {
    /// A VIN from user input; a bad one is an `InvalidInput` naming `field`.
    public static func parse(_ text: String, field: String = "vin") throws -> VIN {
        do { return try VIN(validating: text) } catch {
            throw InvalidInput(field: field, error.phrase)
        }
    }
}
