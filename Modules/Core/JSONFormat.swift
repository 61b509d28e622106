import Foundation

/// The JSON conventions shared by the CLI's `--format json` and the API: sorted keys, instants as
/// ISO 8601 UTC strings, days as `YYYY-MM-DD`.
public enum JSONFormat {
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Instant.utcString(date))
        }
        return encoder
    }

    /// How deep arrays and objects may nest in input: every body the product accepts nests a few levels,
    /// and a decoder recurses once per level, so untrusted input deeper than this is refused up front.
    public static let maximumDepth = 32

    /// Decodes JSON input; a decoding failure becomes `InvalidInput` naming the field path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        guard nestingDepth(of: data, stoppingAbove: maximumDepth) <= maximumDepth else {
            throw InvalidInput(field: nil, "the body nests arrays and objects more than \(maximumDepth) deep")
        }
        if let control = controlCharacter(in: data) {
            // SQLite would cut the text at a NUL while the audit log kept it whole: refused, never stored wrong.
            throw InvalidInput(
                field: nil,
                "a text contains the control character \(String(format: "U+%04X", control)); send text without it")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            func path(_ context: DecodingError.Context) -> String? {
                let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
                return keys.isEmpty ? nil : keys.joined(separator: ".")
            }
            switch error {
            case .typeMismatch(let type, let context):
                throw InvalidInput(field: path(context), "expected \(String(describing: type))")
            case .valueNotFound(_, let context):
                throw InvalidInput(field: path(context), "must not be null")
            case .keyNotFound(let key, let context):
                throw InvalidInput(field: (path(context).map { $0 + "." } ?? "") + key.stringValue, "is required")
            case .dataCorrupted(let context):
                throw InvalidInput(
                    field: path(context),
                    context.debugDescription.contains("JSON") || context.codingPath.isEmpty
                        ? "the body is not valid JSON" : Phrase(verbatim: context.debugDescription))
            @unknown default:
                throw InvalidInput(field: nil, "the body is not valid JSON")
            }
        }
    }

    /// The first control character a JSON string in `data` holds, escaped (`\u0000`…`\u001F`, `\u007F`) or, for DEL,
    /// as the raw byte JSON lets a string carry (the others must be escaped), other than tab, line feed and carriage
    /// return, which notes may hold.
    static func controlCharacter(in data: Data) -> UInt32? {
        let bytes = [UInt8](data)
        var index = 0
        while index < bytes.count {
            // In UTF-8 the byte 0x7F is only ever DEL itself.
            if bytes[index] == 0x7F { return 0x7F }
            if bytes[index] == UInt8(ascii: "\\") {
                if index + 5 < bytes.count, bytes[index + 1] == UInt8(ascii: "u"),
                    let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                    value < 0x20 || value == 0x7F, ![0x09, 0x0A, 0x0D].contains(value)
                {
                    return value
                }
                index += 2
                continue
            }
            index += 1
        }
        return nil
    }

    /// The deepest nesting of `[` and `{` in `data` outside strings, counting no further than one past `limit`.
    static func nestingDepth(of data: Data, stoppingAbove limit: Int) -> Int {
        var depth = 0
        var deepest = 0
        var inString = false
        var escaped = false
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
                if deepest > limit { return deepest }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        return deepest
    }
}
