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
