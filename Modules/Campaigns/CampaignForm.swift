import Core
import Messaging

/// A campaign as fields, the way `campaign create` and POST /v1/campaigns give it (M-2, M-3), like `CustomerForm`:
/// `validated()` reads it, so both front ends accept and refuse the same campaigns with the same words; the
/// storage layer then checks the name, the segment and the template's fields. Its errors, and those checks', name
/// a `Field`, which each front end names as its caller wrote it.
public struct CampaignForm: Codable, Sendable, Equatable {
    public var name: String?
    /// A saved segment's name.
    public var segment: String?
    public var channel: String?
    public var category: String?
    /// An e-mail's subject (may use fields); required for e-mail.
    public var subject: String?
    /// The message template (mustache, with the personal fields).
    public var template: String?
    /// Days a response counts for the campaign (M-4); default the setting campaigns.response-window-days.
    public var responseWindowDays: Int?

    public init() {}

    /// The form's fields, by the names its errors give.
    public enum Field: String, FormField, CaseIterable {
        case name, segment, channel, category, subject, template, responseWindowDays
    }

    /// The campaign as read.
    public struct Validated: Sendable, Equatable {
        public var name: String
        public var segment: String
        public var channel: MessageChannel
        public var category: MessageCategory
        public var subject: String?
        public var template: String
        public var responseWindowDays: Int?
    }

    /// Rule M-2: the campaign read from the fields; throws `InvalidInput` naming the field.
    public func validated() throws -> Validated {
        guard let segment, !segment.trimmed().isEmpty else {
            throw InvalidInput(field: Field.segment.rawValue, "is required: the name of a saved segment")
        }
        guard let channel else { throw Self.required(.channel, MessageChannel.allCases.map(\.rawValue)) }
        guard let category else { throw Self.required(.category, MessageCategory.allCases.map(\.rawValue)) }
        guard let template else { throw InvalidInput(field: Field.template.rawValue, "is required: the message") }
        if let days = responseWindowDays, !(1...365).contains(days) {
            throw InvalidInput(field: Field.responseWindowDays.rawValue, "expected 1 to 365 days, got \(days)")
        }
        return Validated(
            name: name ?? "", segment: segment.trimmed(),
            channel: try parseChoice(channel, field: Field.channel.rawValue),
            category: try parseChoice(category, field: Field.category.rawValue), subject: subject,
            template: template, responseWindowDays: responseWindowDays)
    }

    static func required(_ field: Field, _ values: [String]) -> InvalidInput {
        InvalidInput(field: field.rawValue, "is required: one of \(values.joined(separator: ", "))")
    }
}
