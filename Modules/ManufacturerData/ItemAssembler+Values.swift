import Core

/// The values of attributes as the contract types them (MANUFACTURER-XML.md, "Document"): dates `YYYY-MM-DD`;
/// amounts and labour hours positive decimals with at most two places; kilometres, months, years and quantities
/// non-negative integers; VINs trimmed and upper-cased. A value that is not one is a problem of the item, named.
/// Each tries the bytes first (no `String` on the way of a valid value); the String path decides otherwise.
extension ItemAssembler {
    /// A value that must be there and not blank, trimmed.
    mutating func required(_ key: ContractName) -> String? {
        guard let value = attributes[key]?.trimmed(), !value.isEmpty else {
            itemError("missing attribute \(key.text)")
            return nil
        }
        return value
    }

    /// A value that may be absent; blank counts as absent.
    func optional(_ key: ContractName) -> String? {
        guard let value = attributes[key]?.trimmed(), !value.isEmpty else { return nil }
        return value
    }

    /// A non-negative whole number (`+3` allowed), or nil when absent.
    mutating func count(_ key: ContractName) -> Int? {
        let fast = attributes.withTrimmed(key) { bytes -> Int? in
            var value = 0, i = bytes[0] == UInt8(ascii: "+") ? 1 : 0
            guard i < bytes.count, bytes.count <= 18 else { return nil }
            while i < bytes.count {
                guard bytes[i] >= 0x30, bytes[i] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return value
        }
        if let fast { return fast }
        guard let text = optional(key) else { return nil }
        guard let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text), value >= 0 else {
            itemError("\(key.text) must be a non-negative whole number, got \"\(text)\"")
            return nil
        }
        return value
    }

    /// A positive decimal with at most two places (xs:decimal's forms: `1`, `1.2`, `+1.20`, `.5`), in hundredths.
    mutating func centi(_ key: ContractName) -> Int? {
        guard let text = required(key) else { return nil }
        var digits = Substring(text)
        if digits.hasPrefix("+") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count > 2, fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        let whole = parts[0].isEmpty ? "0" : parts[0]
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit), fraction.count <= 2,
            !(parts[0].isEmpty && fraction.isEmpty), let units = Int(whole), units < 100_000_000
        else {
            itemError("\(key.text) must be a positive amount with at most two decimals, got \"\(text)\"")
            return nil
        }
        let value = units * 100 + (Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
        guard value > 0 else {
            itemError("\(key.text) must be above zero, got \"\(text)\"")
            return nil
        }
        return value
    }

    /// A day `YYYY-MM-DD`; when `isRequired`, its absence is a problem too.
    mutating func day(_ key: ContractName, required isRequired: Bool) -> LocalDate? {
        if let fast = attributes.withTrimmed(key, LocalDate.init(utf8:)) { return fast }
        guard let text = isRequired ? required(key) : optional(key) else { return nil }
        guard text.count == 10, let value = LocalDate(text) else {
            itemError("\(key.text) must be a date YYYY-MM-DD, got \"\(text)\"")
            return nil
        }
        return value
    }

    /// A required VIN, trimmed and upper-cased (a wrong check digit is the caller's warning, not a problem here).
    mutating func vin(_ key: ContractName) -> VIN? {
        let fast = attributes.withTrimmed(key) { bytes -> VIN? in
            do throws(VIN.Problem) { return try VIN(utf8: bytes) } catch { return nil }
        }
        if let fast { return fast }
        guard let text = required(key) else { return nil }
        do { return try VIN(validating: text) } catch {
            itemError("\(key.text): \(error.phrase)")
            return nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
