import Core
import Foundation

/// Why an order is late: the causes the rule names.
public enum DelayCause: String, CaseIterable, Codable, Sendable {
    /// Parts missing or waited for.
    case parts
    /// No technician free.
    case technician
    /// Work beyond the skills at hand.
    case skill
    /// The work was underestimated.
    case underestimated
    /// No delivery time was ever agreed.
    case noTimeAgreed = "no-time-agreed"

    public var spoken: Phrase { Phrase(rawValue, context: "delay cause") }

    /// The delay as stored on the order (`parts: 等原厂件`), said with its cause in words (`parts, note: 等原厂件`); a
    /// text stored otherwise is said as it is.
    public static func said(_ stored: String) -> Phrase {
        let parts = stored.split(separator: ":", maxSplits: 1).map { String($0).trimmed() }
        guard let cause = parts.first.flatMap(DelayCause.init(rawValue:)) else { return Phrase(verbatim: stored) }
        guard parts.count == 2, let note = parts[1].nilIfEmpty else { return cause.spoken }
        return "\(cause.spoken), note: \(note)"
    }
}

/// A delay as fields (`workorder delay`, the API's delay body); `validated` reads it, naming a `Field`.
public struct DelayForm: Codable, Sendable, Equatable {
    public var reason: String?
    public var note: String?
    /// A new delivery time agreed with the customer, after the arrival.
    public var newPromise: String?

    public init() {}

    public enum Field: String, FormField, CaseIterable {
        case reason, note, newPromise
    }

    public struct Validated: Sendable, Equatable {
        public var cause: DelayCause
        public var note: String?
        public var newPromise: Date?

        /// The text the order keeps: the cause's code, then the note (`parts: 等原厂件`).
        public var stored: String { note.map { "\(cause.rawValue): \($0)" } ?? cause.rawValue }
    }

    /// Rule Q-7: the delay read from the fields; a new promise must come after `arrivedAt`.
    public func validated(arrivedAt: Date, timeZone: TimeZone) throws -> Validated {
        guard let text = reason?.trimmed().nilIfEmpty else {
            throw InvalidInput(
                field: Field.reason.rawValue,
                "is required: say why the order is late (Q-7): "
                    + "\(DelayCause.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let cause: DelayCause = try parseChoice(text, field: Field.reason.rawValue)
        var promise: Date?
        if let text = newPromise?.trimmed() {
            // An empty time is refused like any other that does not parse: it is not "no new promise".
            guard let date = Instant.parse(text, timeZone: timeZone) else {
                throw InvalidInput(
                    field: Field.newPromise.rawValue,
                    "expected a time such as \"2026-11-20 10:30\" or 2026-11-20T10:30:00+08:00, got \"\(text)\"")
            }
            guard date > arrivedAt else {
                throw InvalidInput(
                    field: Field.newPromise.rawValue,
                    "\(Instant.localString(date, in: timeZone)) is not after the arrival (Q-7)")
            }
            promise = date
        }
        return Validated(cause: cause, note: note?.trimmed().nilIfEmpty, newPromise: promise)
    }
}
