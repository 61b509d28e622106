import Core
import Customers
import Foundation

/// A complaint at intake as fields, the way the CLI's options and the API's JSON give it (K-1, K-2, K-3, K-8), like
/// `CustomerForm`: `validated(timeZone:)` reads it into typed values, so both front ends accept and refuse the same
/// input with the same words. Its errors, and those of the intake rules behind it (`Complaint.validateIntake`),
/// name a `Field`, which each front end names as its caller wrote it.
public struct ComplaintForm: Codable, Sendable, Equatable {
    public var customer: Int64?
    /// The vehicle concerned: a VIN, a plate or a VIN's last characters (the database resolves it).
    public var vin: String?
    public var workOrder: String?
    public var channel: String?
    /// Default: now. ISO 8601, or a wall time in the dealer's zone (T-2).
    public var receivedAt: String?
    public var receivedBy: String?
    /// The customer-service owner (K-3); default the receiver when they are customer-service staff.
    public var owner: String?
    public var description: String?
    public var category: String?
    public var wishes: [String]?
    /// A grievance told to others (抱怨) rather than a complaint to the dealer (K-1).
    public var grievance: Bool?
    /// Set when the complaint is a crisis from the start (K-8).
    public var crisisReason: String?

    public init() {}

    /// The form's fields, by the names its errors give.
    public enum Field: String, FormField, CaseIterable {
        case customer, vin, workOrder, channel, receivedAt, receivedBy, owner, description, category, wishes, grievance
        case crisisReason
    }

    /// The intake as read; the rules of `Complaint.validateIntake` judge it when it is registered.
    public struct Validated: Sendable, Equatable {
        public var kind: ComplaintKind
        public var customer: Customer.ID
        public var vehicle: String?
        public var workOrder: String?
        public var channel: ComplaintChannel
        public var receivedAt: Date?
        public var receivedBy: String
        public var owner: String?
        public var description: String
        public var category: ComplaintCategory
        public var wishes: [CustomerWish]
        public var crisisReason: String?
    }

    /// The intake read from the fields; throws `InvalidInput` naming the field. A missing description or receiver
    /// reads as empty, which the intake rules refuse with their reason (K-1, K-3).
    public func validated(timeZone: TimeZone) throws -> Validated {
        guard let customer else { throw InvalidInput(field: Field.customer.rawValue, "is required (a customer id)") }
        let id = try RecordID.parse(String(customer), field: Field.customer.rawValue, what: "a customer id")
        guard let channel else { throw Self.required(.channel, ComplaintChannel.allCases.map(\.rawValue)) }
        guard let category else { throw Self.required(.category, ComplaintCategory.allCases.map(\.rawValue)) }
        let time = try receivedAt.map { try Instant.parse($0, field: Field.receivedAt.rawValue, timeZone: timeZone) }
        return Validated(
            kind: grievance == true ? .grievance : .complaint, customer: Customer.ID(id), vehicle: vin,
            workOrder: workOrder, channel: try parseChoice(channel, field: Field.channel.rawValue),
            receivedAt: time, receivedBy: receivedBy ?? "", owner: owner, description: description ?? "",
            category: try parseChoice(category, field: Field.category.rawValue),
            wishes: try (wishes ?? []).map { try parseChoice($0, field: Field.wishes.rawValue) },
            crisisReason: crisisReason)
    }

    static func required(_ field: Field, _ values: [String]) -> InvalidInput {
        InvalidInput(field: field.rawValue, "is required: one of \(values.joined(separator: ", "))")
    }
}
