import Core
import Customers
import Foundation
import Messaging

/// A segment's filter (M-2), in a small expression language:
///
///     expression := term ("or" term)*
///     term       := factor ("and" factor)*
///     factor     := "not" factor | "(" expression ")" | field op value | field "in" "(" value ("," value)* ")"
///                 | field "between" value "and" value
///     op         := "=" | "!=" | "<" | "<=" | ">" | ">="
///     value      := number | 'text' | "text" | word (letters, digits, -, _, Chinese)
///
/// Keywords are case-insensitive. A comparison with a fact the customer does not have is false (so
/// `not (mileage > 5000)` also holds for a vehicle without a reading). Fields: `SegmentField`.
///
/// A filter nests at most `maximumDepth` brackets and `not`s and holds at most `maximumConditions`
/// comparisons: the parser and the matcher recurse, and untrusted input (the API) must not exhaust the stack.
public indirect enum SegmentExpression: Sendable, Equatable {
    /// How deep brackets and `not` may nest.
    public static let maximumDepth = 32
    /// How many comparisons one filter may hold.
    public static let maximumConditions = 200

    case all
    case and(SegmentExpression, SegmentExpression)
    case or(SegmentExpression, SegmentExpression)
    case not(SegmentExpression)
    case compare(SegmentField, ComparisonOperator, [SegmentValue])

    /// Parses `text`; a syntax error is an `InvalidInput` naming `field` with the column and what was expected.
    public static func parse(_ text: String, field: String = "filter") throws -> SegmentExpression {
        var parser = try SegmentParser(text, field: field)
        if parser.atEnd {
            throw InvalidInput(field: field, "the filter is empty; write a condition (every customer: value >= 0)")
        }
        let expression = try parser.expression()
        guard parser.atEnd else {
            throw parser.error("expected \"and\", \"or\" or the end, found \(parser.current.shown)")
        }
        return expression
    }

    /// Whether `facts` belong to the segment on `today`; `openBulletin` answers "does this vehicle have an
    /// open bulletin of this kind", asked only when the expression needs it (it costs a lookup).
    public func matches(_ facts: CustomerFacts, today: LocalDate, openBulletin: (String) -> Bool) -> Bool {
        switch self {
        case .all: return true
        case .and(let a, let b):
            return a.matches(facts, today: today, openBulletin: openBulletin)
                && b.matches(facts, today: today, openBulletin: openBulletin)
        case .or(let a, let b):
            return a.matches(facts, today: today, openBulletin: openBulletin)
                || b.matches(facts, today: today, openBulletin: openBulletin)
        case .not(let a): return !a.matches(facts, today: today, openBulletin: openBulletin)
        case .compare(let field, let op, let values):
            if field == .openBulletin {
                let hit = values.contains { openBulletin($0.text) }
                return op == .notEqual ? !hit : hit
            }
            guard let fact = field.value(of: facts, today: today) else { return false }
            return op.holds(fact, values)
        }
    }

    /// The fields the expression uses.
    public var fields: Set<SegmentField> {
        switch self {
        case .all: return []
        case .and(let a, let b), .or(let a, let b): return a.fields.union(b.fields)
        case .not(let a): return a.fields
        case .compare(let field, _, _): return [field]
        }
    }
}

/// A value in an expression.
public struct SegmentValue: Sendable, Equatable {
    public var text: String
    public var number: Double?
    /// `text` in lower case, folded once at parse time.
    var folded: String

    init(text: String, number: Double?) {
        self.text = text
        self.number = number
        folded = text.lowercased()
    }
}

/// Whether `text` equals `folded` (already lower case) ignoring ASCII case, without making a new string.
func equalsFolded(_ text: String, _ folded: String) -> Bool {
    var a = text.utf8.makeIterator()
    var b = folded.utf8.makeIterator()
    while true {
        switch (a.next(), b.next()) {
        case (nil, nil): return true
        case (let x?, let y?):
            let lower = x >= 65 && x <= 90 ? x + 32 : x
            if lower != y { return false }
        default: return false
        }
    }
}

/// A fact's value for comparison.
public enum FactValue: Sendable, Equatable {
    case text(String)
    case number(Double)
}

public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case among = "in"

    func holds(_ fact: FactValue, _ values: [SegmentValue]) -> Bool {
        switch fact {
        case .number(let n):
            let numbers = values.compactMap(\.number)
            guard let first = numbers.first else { return false }
            switch self {
            case .equal: return n == first
            case .notEqual: return n != first
            case .less: return n < first
            case .lessOrEqual: return n <= first
            case .greater: return n > first
            case .greaterOrEqual: return n >= first
            case .among: return numbers.contains(n)
            }
        case .text(let t):
            switch self {
            case .equal: return values.first.map { equalsFolded(t, $0.folded) } ?? false
            case .notEqual: return values.first.map { !equalsFolded(t, $0.folded) } ?? false
            case .among: return values.contains { equalsFolded(t, $0.folded) }
            default:
                let key = t.lowercased()
                guard let first = values.first?.folded else { return false }
                switch self {
                case .less: return key < first
                case .lessOrEqual: return key <= first
                case .greater: return key > first
                default: return key >= first
                }
            }
        }
    }
}

/// The fields a segment can filter on (M-2, M-5).
public enum SegmentField: String, CaseIterable, Sendable {
    case customerClass = "class"
    case grade, region, owner, gender
    case make, model
    case modelYear = "model-year"
    case usage, mileage
    case deliveredDays = "delivered-days"
    case lastVisitDays = "last-visit-days"
    case warrantyEndsIn = "warranty-ends-in"
    case birthdayMonth = "birthday-month"
    case openBulletin = "open-bulletin"
    case consentSMS = "consent-sms"
    case consentEmail = "consent-email"
    case consentLetter = "consent-letter"
    case value
    case valueRank = "value-rank"

    /// The values the field takes when they are a closed set: any other value is refused when the filter is
    /// parsed, with the list (`class = retaind` would otherwise match nobody, silently).
    public var choices: [String]? {
        switch self {
        case .customerClass: return CustomerClass.allCases.map(\.rawValue)
        case .grade: return PotentialGrade.allCases.map(\.rawValue)
        case .gender: return Gender.allCases.map(\.rawValue)
        case .usage: return Usage.allCases.map(\.rawValue)
        case .openBulletin: return ["recall", "campaign"]
        case .consentSMS, .consentEmail, .consentLetter: return ConsentStatus.allCases.map(\.rawValue) + ["none"]
        default: return nil
        }
    }

    /// Whether the field is a number: a value that is not one is refused when the filter is parsed.
    public var isNumeric: Bool {
        switch self {
        case .modelYear, .mileage, .deliveredDays, .lastVisitDays, .warrantyEndsIn, .birthdayMonth, .value, .valueRank:
            return true
        default: return false
        }
    }

    /// What the field holds, as `aftersales segment --help` lists it.
    public var help: Phrase {
        switch self {
        case .customerClass: return Phrase("potential, intention, retained, defeated… (C-3)", context: "segment field")
        case .grade: return Phrase("H, A, B, C (C-2)", context: "segment field")
        case .region, .owner: return Phrase("text", context: "segment field")
        case .gender: return Phrase("male, female", context: "segment field")
        case .make, .model: return Phrase("the vehicle's make or model", context: "segment field")
        case .modelYear: return Phrase("number", context: "segment field")
        case .usage: return Phrase("private, taxi, commercial…", context: "segment field")
        case .mileage: return Phrase("latest reading, km", context: "segment field")
        case .deliveredDays: return Phrase("days since delivery", context: "segment field")
        case .lastVisitDays: return Phrase("days since the last maintenance visit", context: "segment field")
        case .warrantyEndsIn:
            return Phrase(
                "days until the warranty's last covered day (W-1, W-2, L-2); negative once ended",
                context: "segment field")
        case .birthdayMonth: return Phrase("1-12", context: "segment field")
        case .openBulletin:
            return Phrase("recall or campaign: the vehicle has one open (W-6)", context: "segment field")
        case .consentSMS, .consentEmail, .consentLetter:
            return Phrase("opt-in, opt-out or none (M-3)", context: "segment field")
        case .value: return Phrase("service revenue, yuan (M-5)", context: "segment field")
        case .valueRank: return Phrase("place in the value ranking, 1 = most (M-5)", context: "segment field")
        }
    }

    func value(of f: CustomerFacts, today: LocalDate) -> FactValue? {
        func days(_ from: LocalDate?) -> FactValue? { from.map { .number(Double($0.days(until: today))) } }
        func consent(_ channel: MessageChannel) -> FactValue { .text(f.consent[channel]?.rawValue ?? "none") }
        switch self {
        case .customerClass: return .text(f.customerClass.rawValue)
        case .grade: return f.grade.map { .text($0.rawValue) }
        case .region: return f.region.map(FactValue.text)
        case .owner: return f.owner.map(FactValue.text)
        case .gender: return f.gender.map { .text($0.rawValue) }
        case .make: return f.make.map(FactValue.text)
        case .model: return f.model.map(FactValue.text)
        case .modelYear: return f.modelYear.map { .number(Double($0)) }
        case .usage: return f.usage.map { .text($0.rawValue) }
        case .mileage: return f.mileage.map { .number(Double($0)) }
        case .deliveredDays: return days(f.deliveredOn)
        case .lastVisitDays: return days(f.lastVisit)
        case .warrantyEndsIn: return f.warrantyEnds.map { .number(Double(today.days(until: $0))) }
        case .birthdayMonth: return f.birthDate.map { .number(Double($0.month)) }
        case .openBulletin: return nil
        case .consentSMS: return consent(.sms)
        case .consentEmail: return consent(.email)
        case .consentLetter: return consent(.letter)
        case .value: return .number(Double(f.valueFen) / 100)
        case .valueRank: return f.valueRank.map { .number(Double($0)) }
        }
    }
}

struct SegmentToken {
    enum Kind { case word, string, number, op, open, close, comma, end }
    var kind: Kind
    var text: String
    var column: Int

    /// The token as an error names it: as written, or "the end".
    var shown: Phrase { kind == .end ? "the end" : Phrase(verbatim: text) }
}

struct SegmentParser {
    let field: String
    var tokens: [SegmentToken]
    var index = 0
    /// Brackets and `not`s open around the token being read.
    var depth = 0
    var conditions = 0

    init(_ text: String, field: String) throws {
        self.field = field
        tokens = []
        // The text is read scalar by scalar, not by Character: a quote followed by a combining mark is one
        // Character (`'` + U+06ED), and `make = 'ۭagne'` must still open a quoted value (found by `make fuzz`).
        // Columns are still counted in Characters, as a person counts them: `columns[i]` is scalar i's.
        let chars = Array(text.unicodeScalars)
        var columns: [Int] = []
        columns.reserveCapacity(chars.count)
        for (index, character) in text.enumerated() {
            columns.append(contentsOf: repeatElement(index + 1, count: character.unicodeScalars.count))
        }
        let endColumn = (columns.last ?? 0) + 1
        var i = 0
        func fail(_ message: Phrase, _ column: Int) -> InvalidInput {
            InvalidInput(field: field, "column \(column): \(message)")
        }
        /// Scalar `j` starts or continues a word: a letter, a digit, `-`, `_`, `.`; or it belongs to the
        /// Character of the scalar before it (a combining mark), as it did when words were read by Character.
        func isWordScalar(_ j: Int, continuing: Bool) -> Bool {
            let p = chars[j].properties
            if p.isAlphabetic || p.numericType != nil || "-_.".unicodeScalars.contains(chars[j]) { return true }
            return continuing && j > 0 && columns[j] == columns[j - 1]
        }
        while i < chars.count {
            let c = chars[i]
            let column = columns[i]
            if c.properties.isWhitespace {
                i += 1
                continue
            }
            if c == "(" {
                tokens.append(.init(kind: .open, text: "(", column: column))
                i += 1
                continue
            }
            if c == ")" {
                tokens.append(.init(kind: .close, text: ")", column: column))
                i += 1
                continue
            }
            if c == "," {
                tokens.append(.init(kind: .comma, text: ",", column: column))
                i += 1
                continue
            }
            if "=!<>".unicodeScalars.contains(c) {
                var op = String(Character(c))
                if i + 1 < chars.count, chars[i + 1] == "=" {
                    op.append("=")
                    i += 1
                }
                guard op != "!" else { throw fail("\"!\" must be \"!=\"", column) }
                tokens.append(.init(kind: .op, text: op, column: column))
                i += 1
                continue
            }
            if c == "'" || c == "\"" {
                var j = i + 1
                var value = String.UnicodeScalarView()
                while j < chars.count, chars[j] != c {
                    value.append(chars[j])
                    j += 1
                }
                guard j < chars.count else {
                    throw fail("the text starting here is not closed with \(String(c))", column)
                }
                tokens.append(.init(kind: .string, text: String(value), column: column))
                i = j + 1
                continue
            }
            if isWordScalar(i, continuing: false) {
                var j = i
                var word = String.UnicodeScalarView()
                while j < chars.count, isWordScalar(j, continuing: j > i) {
                    word.append(chars[j])
                    j += 1
                }
                let text = String(word)
                let isNumber = Double(text) != nil
                tokens.append(.init(kind: isNumber ? .number : .word, text: text, column: column))
                i = j
                continue
            }
            var unexpected = String.UnicodeScalarView()
            for j in i..<chars.count where columns[j] == column { unexpected.append(chars[j]) }
            throw fail("unexpected \"\(String(unexpected))\"", column)
        }
        tokens.append(.init(kind: .end, text: "the end", column: endColumn))
    }

    var current: SegmentToken { tokens[index] }
    var atEnd: Bool { current.kind == .end }

    func error(_ message: Phrase) -> InvalidInput { InvalidInput(field: field, "column \(current.column): \(message)") }

    func isKeyword(_ word: String) -> Bool { current.kind == .word && current.text.lowercased() == word }

    mutating func expression() throws -> SegmentExpression {
        var left = try term()
        while isKeyword("or") {
            index += 1
            left = .or(left, try term())
        }
        return left
    }

    mutating func term() throws -> SegmentExpression {
        var left = try factor()
        while isKeyword("and") {
            index += 1
            left = .and(left, try factor())
        }
        return left
    }

    /// Enters one level of nesting, refusing to go deeper than `SegmentExpression.maximumDepth`.
    mutating func nest() throws {
        depth += 1
        guard depth <= SegmentExpression.maximumDepth else {
            throw error("brackets and \"not\" nest more than \(SegmentExpression.maximumDepth) deep")
        }
    }

    mutating func factor() throws -> SegmentExpression {
        if isKeyword("not") {
            try nest()
            index += 1
            defer { depth -= 1 }
            return .not(try factor())
        }
        if current.kind == .open {
            try nest()
            index += 1
            let inner = try expression()
            guard current.kind == .close else { throw error("expected \")\", found \(current.shown)") }
            index += 1
            depth -= 1
            return inner
        }
        conditions += 1
        guard conditions <= SegmentExpression.maximumConditions else {
            throw error("a filter holds at most \(SegmentExpression.maximumConditions) conditions")
        }
        guard current.kind == .word else {
            throw error(
                "expected a field (\(SegmentField.allCases.map(\.rawValue).joined(separator: ", "))), found "
                    + "\(current.shown)"
            )
        }
        guard let field = SegmentField(rawValue: current.text.lowercased()) else {
            throw error(
                "unknown field \"\(current.text)\"; fields: "
                    + "\(SegmentField.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        index += 1
        if isKeyword("in") {
            index += 1
            guard current.kind == .open else { throw error("expected \"(\" after in") }
            index += 1
            var values = [try value(of: field)]
            while current.kind == .comma {
                index += 1
                values.append(try value(of: field))
            }
            guard current.kind == .close else { throw error("expected \",\" or \")\", found \(current.shown)") }
            index += 1
            return .compare(field, .among, values)
        }
        if isKeyword("between") {
            // `f between A and B` is `f >= A and f <= B`, both ends included.
            index += 1
            let low = try value(of: field)
            guard isKeyword("and") else {
                throw error("expected \"and\" after the lower bound of between, found \(current.shown)")
            }
            index += 1
            let high = try value(of: field)
            return .and(.compare(field, .greaterOrEqual, [low]), .compare(field, .lessOrEqual, [high]))
        }
        guard current.kind == .op, let op = ComparisonOperator(rawValue: current.text) else {
            throw error(
                "expected an operator (=, !=, <, <=, >, >=, in, between) after \(field.rawValue), "
                    + "found \(current.shown)"
            )
        }
        index += 1
        let operand = try value(of: field)
        if field == .openBulletin, op != .equal, op != .notEqual { throw error("open-bulletin takes = or !=") }
        return .compare(field, op, [operand])
    }

    /// A value for `field`, refused when the field is a number and the value is not, or the field has a closed
    /// set of values and this is not one of them.
    mutating func value(of field: SegmentField) throws -> SegmentValue {
        let token = current
        let operand = try value()
        func refuse(_ message: Phrase) -> InvalidInput {
            InvalidInput(field: self.field, "column \(token.column): \(message)")
        }
        if field.isNumeric, operand.number == nil {
            throw refuse("\(field.rawValue) takes a number, got \"\(operand.text)\"")
        }
        if let choices = field.choices, !choices.contains(where: { $0.lowercased() == operand.folded }) {
            throw refuse("\(field.rawValue) is one of \(choices.joined(separator: ", ")); got \"\(operand.text)\"")
        }
        return operand
    }

    mutating func value() throws -> SegmentValue {
        switch current.kind {
        case .word, .string, .number:
            let token = current
            index += 1
            return SegmentValue(text: token.text, number: token.kind == .number ? Double(token.text) : nil)
        default:
            throw error("expected a value, found \(current.shown)")
        }
    }
}
