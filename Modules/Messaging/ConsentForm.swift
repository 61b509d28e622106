import Core
import Customers
import Foundation

/// A customer's consent or opt-out on a channel as fields, the way `consent set` and
/// PUT /v1/customers/{id}/consent/{channel} give it (M-3), like `CustomerForm`: `validated(timeZone:)` reads it, so
/// both front ends record and refuse the same consent with the same words. Its errors, and those of the storage
/// layer's checks (the source, a time in the future), name a `Field`, which each front end names as its caller
/// wrote it.
public struct ConsentForm: Codable, Sendable, Equatable {
    public var customer: Int64?
    public var channel: String?
    public var status: String?
    /// Where it comes from: a form, a call, a reply.
    public var source: String?
    /// When it was given; default now. ISO 8601, or a wall time in the dealer's zone (T-2).
    public var at: String?

    public init() {}

    /// The form's fields, by the names its errors give.
    public enum Field: String, FormField, CaseIterable {
        case customer, channel, status, source, at
    }

    /// The consent as read.
    public struct Validated: Sendable, Equatable {
        public var customer: Customer.ID
        public var channel: MessageChannel
        public var status: ConsentStatus
        public var source: String
        public var at: Date?
    }

    /// Rule M-3: the consent read from the fields; throws `InvalidInput` naming the field. A missing source reads
    /// as empty, which the rule refuses with its reason.
    public func validated(timeZone: TimeZone) throws -> Validated {
        guard let customer else { throw InvalidInput(field: Field.customer.rawValue, "is required (a customer id)") }
        let id = try RecordID.parse(String(customer), field: Field.customer.rawValue, what: "a customer id")
        guard let channel else { throw Self.required(.channel, MessageChannel.allCases.map(\.rawValue)) }
        guard let status else { throw Self.required(.status, ConsentStatus.allCases.map(\.rawValue)) }
        return Validated(
            customer: Customer.ID(id), channel: try parseChoice(channel, field: Field.channel.rawValue),
            status: try parseChoice(status, field: Field.status.rawValue), source: source ?? "",
            at: try at.map { try Instant.parse($0, field: Field.at.rawValue, timeZone: timeZone) })
    }

    static func required(_ field: Field, _ values: [String]) -> InvalidInput {
        InvalidInput(field: field.rawValue, "is required: one of \(values.joined(separator: ", "))")
    }
}
