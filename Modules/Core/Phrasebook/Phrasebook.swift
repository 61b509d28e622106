/// The product's own words in Chinese, by their English template (`Phrase.key`). English needs no table: the key is
/// the English. One book, written in parts by business area (`Chinese+Area.swift`), so each area's words sit
/// together; a key in two parts must say the same (the phrasebook test checks it, and that every template keeps its
/// placeholders).
public enum Phrasebook {
    /// Every part, in one table.
    public static let chinese: [String: String] = parts.reduce(into: [:]) { book, part in
        book.merge(part.entries) { first, _ in first }
    }

    /// The parts by name, for the checks.
    public static let parts: [(name: String, entries: [String: String])] = [
        ("core", core), ("customers", customers), ("warranty", warranty), ("complaints", complaints),
        ("messaging", messaging), ("workorders", workOrders), ("manufacturer", manufacturer), ("storage", storage),
        ("cli", cli), ("help", help), ("api", api), ("stock", stock), ("workorderpages", workOrderPages),
        ("followups", followUps),
        ("workorder corrections", workOrderCorrections),
        ("reception", reception),
        ("capacity", capacity),
        ("appointment booking", appointmentBooking),
        ("board", board),
        ("day before", dayBefore),
    ]

    /// The placeholders each template of `part` has that its Chinese lacks or adds, and keys two parts translate
    /// differently: empty when the book is sound.
    public static func problems() -> [String] {
        var out: [String] = []
        var seen: [String: (part: String, text: String)] = [:]
        for (name, entries) in parts {
            for (key, chinese) in entries {
                if Phrase.placeholders(key) != Phrase.placeholders(chinese) {
                    out.append("\(name): \"\(key)\" → \"\(chinese)\" has other placeholders")
                }
                if let earlier = seen[key], earlier.text != chinese {
                    out.append("\(name): \"\(key)\" is \"\(chinese)\" here and \"\(earlier.text)\" in \(earlier.part)")
                }
                seen[key] = (name, chinese)
            }
        }
        return out
    }
}
