import ArgumentParser
import Campaigns
import Complaints
import Core
import Customers
import Foundation
import Messaging
import Storage
import TextInput
import Warranty

// Options with a closed set of values are typed (issue 14): a value that does not parse is a usage error (exit 64)
// listing the values, before anything is opened; a value that parses but breaks a rule is exit 1. Each reads
// what the API reads for the same field (trimmed, any case, the Chinese names where the type has them).

extension CustomerClass: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? CustomerClass.parse(argument) else { return nil }
        self = value
    }
}

extension Usage: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? Usage.parse(argument) else { return nil }
        self = value
    }
}

extension Contact.Channel: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension Contact.Direction: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension Contact.Outcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension ConsentStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension PartyKind: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? PartyKind.parse(argument) else { return nil }
        self = value
    }
}

extension Gender: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? Gender.parse(argument) else { return nil }
        self = value
    }
}

extension PotentialGrade: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? PotentialGrade.parse(argument) else { return nil }
        self = value
    }
}

extension Role: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension SearchField: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension CustomerCheck: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension TextEncoding: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

// Complaints (K-1, K-2, K-5, K-7, K-10, K-14, S-1).

extension ComplaintChannel: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension ComplaintCategory: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension ComplaintState: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension ComplaintCause: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension CustomerWish: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension EscalationLevel: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension AttachmentKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension ServiceDimension: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

/// The 7-level scale by name (`fairly-satisfied`), Chinese label or number 7 to 1, as `Satisfaction.parse` reads it;
/// the names are the values listed.
extension Satisfaction: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = try? Satisfaction.parse(argument, field: "") else { return nil }
        self = value
    }

    public var defaultValueDescription: String { name }
    public static var allValueStrings: [String] { allCases.map(\.name) }
    public static var allValueDescriptions: [String: String] { [:] }
}

/// `DIMENSION=LEVEL` (S-1): a service-quality dimension rated on the 7-level scale.
struct DimensionScore: ExpressibleByArgument {
    let dimension: ServiceDimension
    let level: Satisfaction

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, let dimension = ServiceDimension(argument: parts[0]),
            let level = Satisfaction(argument: parts[1])
        else { return nil }
        (self.dimension, self.level) = (dimension, level)
    }
}

// Warranty, bulletins and claims (W-4, W-6, W-7).

extension ClaimStatus: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension Bulletin.Kind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension Bulletin.Status: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension ExclusionFact.Kind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

// Campaigns and the outbox (M-1, M-4).

extension ReminderKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension ResponseKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension MessageState: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

/// A value, or the empty text that clears the field (`customer edit --grade ""`).
struct OrEmpty<Value> {
    let value: Value?
}

extension OrEmpty: ExpressibleByArgument where Value: ExpressibleByArgument {
    init?(argument: String) {
        if argument.trimmed().isEmpty {
            value = nil
        } else {
            guard let value = Value(argument: argument) else { return nil }
            self.value = value
        }
    }

    /// The value as the forms take it: its name, or "" to clear.
    var text: String { value?.defaultValueDescription ?? "" }
    static var allValueStrings: [String] { Value.allValueStrings }
}

extension OrEmpty where Value == LocalDate {
    /// The day as the forms take it, or "" to clear.
    var text: String { value?.description ?? "" }
}

extension RawRepresentable where Self: CaseIterable, RawValue == String {
    /// A closed-set value as `parseChoice` reads it (trimmed, any case), or nil.
    init?(choice text: String) {
        guard let value: Self = try? parseChoice(text, field: "") else { return nil }
        self = value
    }
}

/// Transforms for arguments and options with a format, through the parsers the API uses (`transform:`), so a value
/// that does not parse is a usage error (exit 64) that says what was expected. ExpressibleByArgument cannot say
/// why a value is refused, and for a format the reason is the allowed values.
enum Typed {
    /// A record id through the one id parser (`RecordID`): a positive whole number.
    static func id<Entity>(_ text: String) throws -> Identifier<Entity> {
        try reason { try Identifier(parsing: text, field: "id") }
    }

    /// A record id kept as a number (claims, imports, attachments), through the same parser.
    static func rowID(_ text: String) throws -> Int64 { try reason { try RecordID.parse(text, field: "id") } }

    /// A day, `YYYY-MM-DD` (`LocalDate.parse`, the one day parser).
    static func day(_ text: String) throws -> LocalDate {
        try reason { try LocalDate.parse(text.trimmed(), field: "") }
    }

    /// A day, or the empty text that clears the field (`customer edit --birth-date ""`).
    static func dayOrEmpty(_ text: String) throws -> OrEmpty<LocalDate> {
        text.trimmed().isEmpty ? OrEmpty(value: nil) : OrEmpty(value: try day(text))
    }

    /// A time: ISO 8601 with its zone, or `YYYY-MM-DD HH:MM` read later in the dealer's zone (T-2).
    static func time(_ text: String) throws -> WallTime {
        _ = try reason { try Instant.parse(text, field: "", timeZone: TimeZone(identifier: "UTC")!) }
        return WallTime(text: text)
    }

    /// A day (from its start) or a time (`audit --since`).
    static func dayOrTime(_ text: String) throws -> WallTime {
        guard LocalDate(text.trimmed()) == nil else { return WallTime(text: text) }
        guard Instant.parse(text, timeZone: TimeZone(identifier: "UTC")!) != nil else {
            throw UsageProblem(
                description: say(
                    "expected a day YYYY-MM-DD or a time such as \"2026-11-23 09:30\" (dealer's time zone) "
                        + "or 2026-11-23T09:30:00+08:00, got \"\(text)\""))
        }
        return WallTime(text: text)
    }

    /// An amount in yuan (`396.00`, at most two decimals; never negative).
    static func money(_ text: String) throws -> Money {
        guard let money = Money(yuan: text.trimmed()) else {
            throw UsageProblem(
                description: say(
                    "expected an amount in yuan such as 396.00 (at most two decimals), "
                        + "got \"\(text)\""))
        }
        return money
    }

    /// A VIN (`VIN.parse`): 17 characters from 0-9 and A-Z without I, O and Q.
    static func vin(_ text: String) throws -> VIN { try reason { try VIN.parse(text) } }

    /// `FROM:TO` VINs (W-6); whether they make a range is the bulletin's rule, judged later (exit 1).
    static func vinPair(_ text: String) throws -> (from: VIN, to: VIN) {
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 2 else { throw UsageProblem(description: say("expected FROM:TO VINs, got \"\(text)\"")) }
        return (try vin(parts[0]), try vin(parts[1]))
    }

    /// `FROM:TO` build dates, either may be empty (W-6).
    static func builtRange(_ text: String) throws -> Bulletin.BuiltCriterion {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw UsageProblem(description: say("expected FROM:TO build dates, got \"\(text)\""))
        }
        return Bulletin.BuiltCriterion(
            from: try parts[0].isEmpty ? nil : day(parts[0]),
            to: try parts[1].isEmpty ? nil : day(parts[1]))
    }

    /// `MONTHS:KM` of a warranty extension (W-6): two whole numbers.
    static func extensionLimits(_ text: String) throws -> ExtensionLimits {
        let parts = text.split(separator: ":").map { Int($0) }
        guard parts.count == 2, let months = parts[0], let kilometres = parts[1] else {
            throw UsageProblem(description: say("expected MONTHS:KM such as 24:100000, got \"\(text)\""))
        }
        return ExtensionLimits(months: months, kilometres: kilometres)
    }

    /// The parser's reason alone: the usage error names the option already.
    static func reason<T>(_ parse: () throws -> T) throws -> T {
        do { return try parse() } catch let problem as InvalidInput { throw UsageProblem(description: problem.reason) }
    }
}

/// Why an argument's value does not parse, as the usage error shows it after the option's name.
struct UsageProblem: Error, CustomStringConvertible {
    let description: String
}

/// A time as it was written: ISO 8601 with its zone, or a wall time `YYYY-MM-DD HH:MM` read in the dealer's time
/// zone (T-2), which the database holds; so the text is checked when it is parsed and resolved when opened.
struct WallTime: Sendable {
    let text: String

    /// The instant it names, a wall time read in `zone`; a bare day (`audit --since`) is the day's start.
    func instant(in zone: TimeZone) -> Date {
        if let day = LocalDate(text.trimmed()) { return day.startInstant(in: zone) }
        return Instant.parse(text, timeZone: zone)!
    }
}

/// The limits a warranty extension extends a component's coverage to (W-6).
struct ExtensionLimits: Sendable {
    let months: Int
    let kilometres: Int
}
