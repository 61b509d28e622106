import Core

/// An item's key as the import names it (`bulletin RC-2026-017`, `part 5Q0 611 701 C`): English in the report file
/// and the import history, an identifier; said to a person in the language of the moment (厂家公告 RC-2026-017).
public enum ItemKey {
    /// The key's words in the language of the moment, its values as they are; a key of no known form as it is.
    public static func spoken(_ key: String) -> Phrase {
        if let rest = value(of: key, after: "warranty term ") {
            if let from = rest.range(of: " from ", options: .backwards) {
                return "warranty term \(String(rest[..<from.lowerBound])) from \(String(rest[from.upperBound...]))"
            }
            return "warranty term \(rest)"
        }
        if let rest = value(of: key, after: "parts warranty ") {
            if let from = rest.range(of: " from ", options: .backwards) {
                return "parts warranty \(String(rest[..<from.lowerBound])) from \(String(rest[from.upperBound...]))"
            }
            return "parts warranty \(rest)"
        }
        if let rest = value(of: key, after: "labour operation ") {
            if let at = rest.range(of: " @ ") {
                return "labour operation \(String(rest[..<at.lowerBound])) @ \(String(rest[at.upperBound...]))"
            }
            return "labour operation \(rest)"
        }
        if let rest = value(of: key, after: "bulletin ") { return "bulletin \(rest)" }
        if let rest = value(of: key, after: "part ") { return "part \(rest)" }
        if let rest = value(of: key, after: "vehicle ") { return "vehicle \(rest)" }
        if key == "bulletin" { return "bulletin" }
        if let into = key.range(of: " in ", options: .backwards) {
            return "\(String(key[..<into.lowerBound])) in \(Phrase(key: String(key[into.upperBound...])))"
        }
        return Phrase(verbatim: key)
    }

    private static func value(of key: String, after prefix: String) -> String? {
        key.hasPrefix(prefix) ? String(key.dropFirst(prefix.count)) : nil
    }
}
