import Core
import Foundation

/// Why a message is not sent (M-2, M-3), with its detail: the judge's answer, counted per `code` and stored as
/// `stored` (`duplicate-recipient: 13800138000`), the text reports and the API have always shown.
public enum SuppressionReason: Sendable, Hashable {
    /// The customer opted out of the channel (M-3).
    case optedOut
    /// A marketing message without a recorded opt-in for the channel (M-3).
    case noOptIn
    /// The customer already has `limit` marketing SMS counted in the last `windowHours` (M-3).
    case frequencyCap(limit: Int, windowHours: Int)
    /// The customer has no address for the channel (M-2).
    case noAddress
    /// The address already gets this message in the run: a family's shared phone gets one (M-2).
    case duplicate(recipient: String)
    /// The template uses a personal field the customer's data lacks (M-2).
    case missingField(String)
    /// A queued message stopped when it was to be delivered (M-3: an opt-out since it was queued, the cap).
    indirect case atDelivery(SuppressionReason)

    /// The stable code of a reason, without its detail: the key of every count, in storage and JSON.
    public enum Code: String, CaseIterable, Codable, Sendable {
        case optedOut = "opted-out"
        case noOptIn = "no-opt-in"
        case frequencyCap = "frequency-cap"
        case noAddress = "no-address"
        case duplicate = "duplicate-recipient"
        case missingField = "missing-field"

        /// The code a stored reason text (`stored`) begins with; nil for a text that is not a suppression.
        public init?(stored: String) {
            self.init(rawValue: String(stored.prefix { $0 != ":" }))
        }

        /// The rule behind the reason.
        public var rule: String {
            switch self {
            case .optedOut, .noOptIn, .frequencyCap: return "M-3"
            case .noAddress, .duplicate, .missingField: return "M-2"
            }
        }
    }

    public var code: Code {
        switch self {
        case .optedOut: return .optedOut
        case .noOptIn: return .noOptIn
        case .frequencyCap: return .frequencyCap
        case .noAddress: return .noAddress
        case .duplicate: return .duplicate
        case .missingField: return .missingField
        case .atDelivery(let reason): return reason.code
        }
    }

    /// What follows the code in the stored text, if anything.
    public var detail: String? {
        switch self {
        case .optedOut, .noOptIn, .noAddress: return nil
        case .frequencyCap(let limit, let hours): return "\(limit) marketing SMS in \(hours) h"
        case .duplicate(let recipient): return recipient
        case .missingField(let field): return field
        case .atDelivery: return "at delivery"
        }
    }

    /// The text kept in the outbox's `reason` column: the code, then `: detail` where there is one.
    public var stored: String { detail.map { "\(code.rawValue): \($0)" } ?? code.rawValue }

    /// The reason in words, for people, in the language of the moment.
    public var text: String { phrase.rendered() }

    /// The reason in words, for people.
    public var phrase: Phrase {
        switch self {
        case .optedOut: return "the customer opted out of this channel"
        case .noOptIn: return "marketing needs the customer's opt-in for this channel"
        case .frequencyCap(let limit, let hours): return "already \(limit) marketing SMS in the last \(hours) hours"
        case .noAddress: return "no address for this channel"
        case .duplicate(let recipient): return "\(recipient) already gets this message"
        case .missingField(let field): return "the customer's data lacks {{\(field)}}"
        case .atDelivery(let reason): return "\(reason.phrase), found at delivery"
        }
    }
}

extension SuppressionReason.Code {
    /// The reason's name as people read it (a count's heading, a table cell).
    public var spoken: Phrase {
        switch self {
        case .optedOut: return Phrase("opted-out", context: "suppression")
        case .noOptIn: return Phrase("no-opt-in", context: "suppression")
        case .frequencyCap: return Phrase("frequency-cap", context: "suppression")
        case .noAddress: return Phrase("no-address", context: "suppression")
        case .duplicate: return Phrase("duplicate-recipient", context: "suppression")
        case .missingField: return Phrase("missing-field", context: "suppression")
        }
    }

    /// A stored reason text (`duplicate-recipient: 13800138000`, `frequency-cap: 2 marketing SMS in 720 h`) as people
    /// read it: the code spoken, its detail as stored; any other text (a gateway's failure) as it is.
    public static func spoken(stored: String) -> Phrase {
        guard let code = Self(stored: stored) else { return Phrase(verbatim: stored) }
        let detail = stored.dropFirst(code.rawValue.count).drop { $0 == ":" || $0 == " " }
        if detail.isEmpty { return code.spoken }
        if detail == "at delivery" { return "\(code.spoken), found at delivery" }
        let words = detail.split(separator: " ")
        if code == .frequencyCap, words.count == 6, let limit = Int(words[0]), let hours = Int(words[4]) {
            return "\(code.spoken): \(limit) marketing SMS in \(hours) h"
        }
        return "\(code.spoken): \(String(detail))"
    }
}
