import Core
import Foundation

/// A phrase as stored (a claim's frozen decision, W-7): its English template and arguments, so the decision is said
/// in the language of whoever reads the claim later, not of whoever created it.
struct StoredPhrase: Codable, Equatable {
    var key: String
    var arguments: [StoredArgument]

    indirect enum StoredArgument: Codable, Equatable {
        case verbatim(String)
        case phrase(StoredPhrase)
        case grouped(Int)
        case date(LocalDate)
        case money(Money)
    }

    init(_ phrase: Phrase) {
        key = phrase.key
        arguments = phrase.arguments.map {
            switch $0 {
            case .verbatim(let text): .verbatim(text)
            case .phrase(let inner): .phrase(StoredPhrase(inner))
            case .grouped(let number): .grouped(number)
            case .date(let day): .date(day)
            case .money(let money): .money(money)
            }
        }
    }

    /// The phrase again; nil when the template's placeholders are not `{0}`, `{1}` … in order (a phrase is only
    /// built so) or do not match the arguments.
    var phrase: Phrase? {
        var interpolation = Phrase.StringInterpolation(literalCapacity: key.count, interpolationCount: arguments.count)
        var literal = ""
        var next = 0
        var characters = key.makeIterator()
        while let character = characters.next() {
            switch character {
            case "{":
                var index = ""
                while let c = characters.next() {
                    if c == "}" { break }
                    index.append(c)
                    if index == "{" { break }
                }
                if index == "{" {
                    literal.append("{")
                    continue
                }
                guard Int(index) == next, arguments.indices.contains(next) else { return nil }
                interpolation.appendLiteral(literal)
                literal = ""
                switch arguments[next] {
                case .verbatim(let text): interpolation.appendInterpolation(verbatim: text)
                case .phrase(let inner):
                    guard let phrase = inner.phrase else { return nil }
                    interpolation.appendInterpolation(phrase)
                case .grouped(let number): interpolation.appendInterpolation(grouped: number)
                case .date(let day): interpolation.appendInterpolation(day)
                case .money(let money): interpolation.appendInterpolation(money: money)
                }
                next += 1
            case "}":
                _ = characters.next()
                literal.append("}")
            default: literal.append(character)
            }
        }
        guard next == arguments.count else { return nil }
        interpolation.appendLiteral(literal)
        return Phrase(stringInterpolation: interpolation)
    }
}

extension CodingUserInfoKey {
    /// Set (to true) on an encoder that stores a warranty decision: its phrases are kept whole (`StoredPhrase`) beside
    /// their English text, so a frozen decision can be said in any language later.
    public static let storesPhrases = CodingUserInfoKey(rawValue: "aftersales.storesPhrases")!
}

extension Encoder {
    var storesPhrases: Bool { userInfo[.storesPhrases] as? Bool ?? false }
}
