import ArgumentParser
import Core
import Customers
import Messaging

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

    /// The parser's reason alone: the usage error names the option already.
    static func reason<T>(_ parse: () throws -> T) throws -> T {
        do { return try parse() } catch let problem as InvalidInput { throw UsageProblem(description: problem.reason) }
    }
}

/// Why an argument's value does not parse, as the usage error shows it after the option's name.
struct UsageProblem: Error, CustomStringConvertible {
    let description: String
}
