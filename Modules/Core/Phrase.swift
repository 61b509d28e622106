import Foundation

/// Something the product says to a person, in the language of the moment (`Speech.current`): an English template,
/// which is also its key in the phrasebook, with its arguments kept apart and formatted by the language's rules.
///
/// Written as a string literal wherever a phrase is expected: `InvalidInput(field: "vin", "no vehicle \(vin)")` keys
/// `no vehicle {0}` with the VIN as data. Interpolated text is data and stays as it is; an interpolated phrase is
/// translated too; numbers, dates and money are formatted for the language (`\(grouped:)`, `\(money:)`).
public struct Phrase: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The English template, `{0}`, `{1}` … for the arguments and `{{`/`}}` for literal braces.
    public private(set) var key: String
    public private(set) var arguments: [Argument]

    /// One argument of a phrase.
    public enum Argument: Sendable, Hashable {
        /// Data, shown as it is: a name, a VIN, a code, a value as typed.
        case verbatim(String)
        /// A phrase inside a phrase, translated in the same language.
        indirect case phrase(Phrase)
        /// A count or amount, grouped by thousands (`61,200`).
        case grouped(Int)
        /// A calendar day, in the date style of the moment.
        case date(LocalDate)
        /// Money, `¥1,234.50`.
        case money(Money)
    }

    public init(stringLiteral value: String) {
        key = Self.escaped(value)
        arguments = []
    }

    public init(stringInterpolation: StringInterpolation) {
        key = stringInterpolation.key
        arguments = stringInterpolation.arguments
    }

    /// Text that is said as it is in every language: data, or words from outside the product (SQLite's, a
    /// library's). Never for the product's own words.
    public init(verbatim text: String) {
        key = "{0}"
        arguments = [.verbatim(text)]
    }

    /// A phrase whose key is only known at run time, such as a stored code shown to a person (`open`, `recall`).
    public init(key: String) {
        self.key = Self.escaped(key)
        arguments = []
    }

    /// A code's name for people where the same English word names something else elsewhere: `received` the
    /// complaint state is 已受理, `received` the column is 受理时间. The key is `received ⟨complaint state⟩`, so the
    /// two stay apart in the phrasebook; English says the word alone.
    public init(_ word: String, context: String) {
        key = Self.escaped(word) + " ⟨" + context + "⟩"
        arguments = []
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var key = ""
        var arguments: [Argument] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            key.reserveCapacity(literalCapacity + 3 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { key += Phrase.escaped(literal) }

        mutating func append(_ argument: Argument) {
            key += "{\(arguments.count)}"
            arguments.append(argument)
        }

        public mutating func appendInterpolation(_ text: String) { append(.verbatim(text)) }
        public mutating func appendInterpolation(verbatim text: String) { append(.verbatim(text)) }
        public mutating func appendInterpolation(_ phrase: Phrase) { append(.phrase(phrase)) }
        /// An error: this product's in the same language, anyone else's as it says it.
        public mutating func appendInterpolation(_ error: any Error) {
            append((error as? any AfterSalesError).map { .phrase($0.sentence) } ?? .verbatim(String(describing: error)))
        }
        public mutating func appendInterpolation(grouped number: Int) { append(.grouped(number)) }
        public mutating func appendInterpolation(_ date: LocalDate) { append(.date(date)) }
        public mutating func appendInterpolation(money: Money) { append(.money(money)) }
        public mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            append(.verbatim(value.description))
        }
    }

    /// The phrase in `speech`'s language (the moment's by default).
    public func rendered(_ speech: Speech = Speech.current) -> String {
        let template = (speech.language == .en ? nil : Phrasebook.chinese[key]) ?? Self.withoutContext(key)
        return Self.fill(template, arguments.map { $0.rendered(speech) })
    }

    public var description: String { rendered() }

    /// `key` without the context of `init(_:context:)`, if it has one.
    static func withoutContext(_ key: String) -> String {
        guard key.hasSuffix("⟩"), let open = key.range(of: " ⟨", options: .backwards) else { return key }
        return String(key[..<open.lowerBound])
    }

    /// The phrase in English, whatever the moment's language (logs, the audit trail).
    public var english: String { rendered(Speech(.en)) }

    /// Phrases joined with `separator` (said as it is), as one phrase.
    public static func joined(_ phrases: [Phrase], separator: String) -> Phrase {
        var interpolation = StringInterpolation(literalCapacity: 0, interpolationCount: phrases.count)
        for (index, phrase) in phrases.enumerated() {
            if index > 0 { interpolation.append(.verbatim(separator)) }
            interpolation.append(.phrase(phrase))
        }
        return Phrase(stringInterpolation: interpolation)
    }

    /// One phrase of two, as if written as one literal (a long literal split over lines keeps one key).
    public static func + (a: Phrase, b: Phrase) -> Phrase {
        var joined = a
        joined.key += renumbered(b.key, by: a.arguments.count)
        joined.arguments += b.arguments
        return joined
    }

    /// `template` with each `{n}` made `{n + offset}`.
    static func renumbered(_ template: String, by offset: Int) -> String {
        guard offset > 0, template.contains("{") else { return template }
        var out = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "{" else {
                out.append(character)
                continue
            }
            var index = ""
            while let next = characters.next() {
                if next == "}" { break }
                index.append(next)
                if index == "{" { break }
            }
            if index == "{" {
                out += "{{"
            } else if let n = Int(index) {
                out += "{\(n + offset)}"
            } else {
                out += "{" + index + "}"
            }
        }
        return out
    }

    static func escaped(_ literal: String) -> String {
        guard literal.contains(where: { $0 == "{" || $0 == "}" }) else { return literal }
        return literal.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
    }

    /// `template` with `{n}` replaced by the nth value and `{{`, `}}` by braces.
    static func fill(_ template: String, _ values: [String]) -> String {
        guard template.contains(where: { $0 == "{" || $0 == "}" }) else { return template }
        var out = ""
        var characters = template.makeIterator()
        while let character = characters.next() {
            switch character {
            case "{":
                var index = ""
                while let next = characters.next() {
                    if next == "}" { break }
                    index.append(next)
                    if index == "{" { break }
                }
                if index == "{" {
                    out.append("{")
                } else if let n = Int(index), values.indices.contains(n) {
                    out += values[n]
                } else {
                    out += "{" + index + "}"
                }
            case "}":
                // A literal brace is written `}}`; take the second one.
                _ = characters.next()
                out.append("}")
            default: out.append(character)
            }
        }
        return out
    }

    /// The argument numbers a template uses, for the phrasebook's checks.
    static func placeholders(_ template: String) -> [Int] {
        var found: [Int] = []
        var characters = template.makeIterator()
        while let character = characters.next() {
            guard character == "{" else {
                if character == "}" { _ = characters.next() }
                continue
            }
            var index = ""
            while let next = characters.next() {
                if next == "}" { break }
                index.append(next)
                if index == "{" { break }
            }
            if let n = Int(index) { found.append(n) }
        }
        return found.sorted()
    }
}

extension Phrase.Argument {
    func rendered(_ speech: Speech) -> String {
        switch self {
        case .verbatim(let text): text
        case .phrase(let phrase): phrase.rendered(speech)
        case .grouped(let number): Grouping.thousands(number)
        case .money(let money): "¥" + money.description
        case .date(let date):
            speech.language == .zh && speech.dateStyle == .long
                ? "\(date.year)年\(date.month)月\(date.day)日" : date.description
        }
    }
}

extension Phrase {
    /// What the system said of a file (an `errno`), in the language of the moment: the common causes in the product's
    /// words, anything else in the system's.
    public static func osError(_ code: Int32) -> Phrase {
        switch code {
        case ENOENT: "no such file or folder"
        case EACCES, EPERM: "permission denied"
        case EISDIR: "it is a folder, not a file"
        case ENOSPC: "the disk is full"
        case EROFS: "the file system is read-only"
        default: Phrase(verbatim: String(cString: strerror(code)))
        }
    }
}
