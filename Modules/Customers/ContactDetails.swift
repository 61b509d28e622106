import Core
import Foundation

/// Phone numbers, e-mail addresses and plates as the dealer writes them, checked and normalised.
public enum ContactDetails {
    /// Normalises a phone number to digits (`+86 138-0013-8000` → `13800138000`, `010-6552 9988` → `01065529988`)
    /// and checks it: an 11-digit mobile number starting 13-19, or a 7-12 digit landline.
    public static func normalizePhone(_ text: String, field: String = "phone") throws -> String {
        // Fast path: already 11 digits of a mobile number.
        if isMobile(text) { return text }
        var digits = text.filter { !" -()".contains($0) }
        if digits.hasPrefix("+86") { digits.removeFirst(3) } else if digits.hasPrefix("0086") { digits.removeFirst(4) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw InvalidInput(field: field, "\"\(text)\" is not a phone number (digits, spaces, dashes, optional +86)")
        }
        if digits.hasPrefix("1") {
            guard digits.count == 11, let second = digits.dropFirst().first, ("3"..."9").contains(second) else {
                throw InvalidInput(field: field, "\"\(text)\" is not a mobile number (11 digits starting 13 to 19)")
            }
        } else if !(7...12).contains(digits.count) {
            throw InvalidInput(field: field, "\"\(text)\" is not a landline number (7 to 12 digits with area code)")
        }
        return digits
    }

    /// Whether a phone number is a mobile number, which can take an SMS: 11 digits starting 13 to 19. The
    /// one definition, for numbers as `normalizePhone` stores them (the campaign facts read it too).
    public static func isMobile(_ phone: String) -> Bool {
        guard phone.utf8.count == 11 else { return false }
        var text = phone
        // Over the bytes in place: the campaign facts ask this once per customer (a generic loop over the UTF-8 view
        // cost ten times as many instructions).
        return text.withUTF8 { bytes in
            guard bytes[0] == UInt8(ascii: "1"), (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(bytes[1]) else {
                return false
            }
            for byte in bytes[2...] where !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return false }
            return true
        }
    }

    /// Checks an e-mail address loosely: one `@`, a dot in the domain, no spaces.
    public static func checkEmail(_ text: String, field: String = "email") throws {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !text.contains(where: \.isWhitespace)
        else {
            throw InvalidInput(field: field, "\"\(text)\" is not an e-mail address")
        }
    }

    /// The plate as a search key: upper-case, without separators (`京A·12345` → `京A12345`).
    public static func plateKey(_ text: String) -> String {
        var key = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "·", "•", ".", "-", "_": continue
            case "a"..."z": key.append(Unicode.Scalar(scalar.value - 32)!)
            default: key.append(scalar)
            }
        }
        return String(key)
    }

    /// Checks and formats a plate: a province character, a letter, then 4 to 6 letters or digits, with
    /// an optional suffix character (挂, 学, 警...). Returns the display form `京A·12345`.
    public static func normalizePlate(_ text: String, field: String = "plate") throws -> String {
        let chars = Array(plateKey(text).unicodeScalars)
        func isAlphanumeric(_ c: Unicode.Scalar) -> Bool { ("A"..."Z").contains(c) || ("0"..."9").contains(c) }
        guard chars.count >= 6, chars.count <= 9, !chars[0].isASCII, ("A"..."Z").contains(chars[1]) else {
            throw InvalidInput(field: field, "\"\(text)\" is not a plate (e.g. 京A·12345 or 沪AD12345)")
        }
        let rest = chars[2...]
        let body = rest.last!.isASCII ? rest : rest.dropLast()
        guard (4...6).contains(body.count), body.allSatisfy(isAlphanumeric) else {
            throw InvalidInput(field: field, "\"\(text)\" is not a plate (e.g. 京A·12345 or 沪AD12345)")
        }
        var display = String.UnicodeScalarView(chars[0...1])
        display.append("·")
        display.append(contentsOf: rest)
        return String(display)
    }
}
