import Foundation

/// A configurable default of DOMAIN.md: its key, the rule it belongs to, its default and how a new value is
/// checked. Each business module declares its own settings beside its rules (`Setting.complaints`,
/// `Setting.messaging`...); `Setting.catalogue` in Storage assembles them, so a new module never edits Core.
public struct Setting: Hashable, Sendable, CustomStringConvertible {
    /// The key people type (`complaints.first-contact.hours`).
    public let rawValue: String
    /// The rule the setting belongs to (or `design` where DOMAIN.md is silent).
    public let rule: String
    /// The default DOMAIN.md gives (or our [design] default where it is silent).
    public let defaultValue: String
    /// One line for `settings show` and the docs.
    public let summary: Phrase
    let value: Value

    /// What a value may be.
    public enum Value: Sendable {
        /// A whole number in the range (a legal minimum is the range's lower bound: L rules only get more generous).
        case integer(ClosedRange<Int>)
        /// One of these words (compared without case, stored in lower case).
        case choice([String])
        /// Any text; `required` is the message when it may not be empty.
        case text(required: Phrase?)
        /// A parser of its own: gets the trimmed text and the key, returns the normalised value or throws.
        case custom(@Sendable (_ text: String, _ key: String) throws -> String)
    }

    public init(_ key: String, rule: String, default defaultValue: String, summary: Phrase, value: Value) {
        rawValue = key
        self.rule = rule
        self.defaultValue = defaultValue
        self.summary = summary
        self.value = value
    }

    public static func == (a: Setting, b: Setting) -> Bool { a.rawValue == b.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public var description: String { rawValue }

    /// The allowed range of a whole-number setting; nil for the others.
    public var range: ClosedRange<Int>? {
        if case .integer(let range) = value { return range }
        return nil
    }

    /// Checks a new value and returns it normalised; throws `InvalidInput` naming the setting.
    public func validate(_ text: String) throws -> String {
        let trimmed = text.trimmed()
        switch value {
        case .integer(let range):
            guard let number = Int(trimmed), range.contains(number) else {
                throw InvalidInput(
                    field: rawValue,
                    "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(trimmed)\"")
            }
            return String(number)
        case .choice(let choices):
            guard choices.contains(trimmed.lowercased()) else {
                throw InvalidInput(
                    field: rawValue, "expected one of \(choices.joined(separator: ", ")), got \"\(trimmed)\"")
            }
            return trimmed.lowercased()
        case .text(let required):
            if let required, trimmed.isEmpty { throw InvalidInput(field: rawValue, required) }
            return trimmed
        case .custom(let parse):
            return try parse(trimmed, rawValue)
        }
    }
}

/// The settings in force: stored overrides over the defaults, with typed accessors.
public struct DealerSettings: Sendable, Equatable {
    /// The stored values by key; a key no module declares (one a newer program wrote) is kept and ignored.
    public var stored: [String: String]

    public init(stored: [String: String] = [:]) { self.stored = stored }

    public init(overrides: [Setting: String]) {
        stored = Dictionary(uniqueKeysWithValues: overrides.map { ($0.key.rawValue, $0.value) })
    }

    /// The value in force as text.
    public func text(_ setting: Setting) -> String { stored[setting.rawValue] ?? setting.defaultValue }

    /// An integer setting's value in force.
    public func integer(_ setting: Setting) -> Int { Int(text(setting)) ?? Int(setting.defaultValue)! }

    /// Sets a value (already validated) in force, as storing it would.
    public mutating func set(_ setting: Setting, _ value: String) { stored[setting.rawValue] = value }

    /// Rule T-3: how hour deadlines run.
    public var clockMode: ClockMode { ClockMode(rawValue: text(.clockMode)) ?? .clock }

    /// Rule T-2: the dealer's time zone.
    public var timeZone: TimeZone { TimeZone(identifier: text(.timeZone)) ?? TimeZone(identifier: "Asia/Shanghai")! }
}
