import Core
import Customers
import Foundation

/// How a message reaches the customer.
public enum MessageChannel: String, CaseIterable, Codable, Sendable {
    case email, sms, letter
}

/// What a message is, which decides the consent it needs (M-3).
public enum MessageCategory: String, CaseIterable, Codable, Sendable {
    /// Promotions, campaigns, birthday cards: needs a recorded opt-in for the channel; capped.
    case marketing
    /// Appointment confirmations, reminders the customer asked for: needs no opt-in, honours an opt-out.
    case service
    /// A safety recall notice: always goes out by at least one channel, and says why.
    case recall
}

/// An outbox message's state: queued → sent / failed / suppressed (with the reason).
public enum MessageState: String, CaseIterable, Codable, Sendable {
    /// `cancelled`: withdrawn by a person before delivery (`outbox cancel`); final, never queued again.
    case queued, sent, failed, suppressed, cancelled
}

/// Where a message came from.
public enum MessageSource: String, CaseIterable, Codable, Sendable {
    case campaign, reminder, appointment
    /// A follow-up card after unanswered calls.
    case followUp = "follow-up"
}

/// A message in the outbox.
public struct OutboxMessage: Sendable, Codable, Equatable {
    public typealias ID = Identifier<OutboxMessage>

    public var id: ID?
    public var customerID: Customer.ID
    public var campaign: Int64?
    public var source: MessageSource
    /// The key that makes queueing idempotent (one message per campaign and customer, per reminder event).
    public var sourceKey: String
    public var channel: MessageChannel
    public var category: MessageCategory
    /// E-mail address, mobile number, or postal address.
    public var recipient: String?
    public var recipientName: String
    public var subject: String?
    public var body: String
    public var state: MessageState
    public var reason: String?
    public var attempts: Int
    public var queuedAt: Date
    public var sentAt: Date?

    public init(
        id: ID? = nil, customerID: Customer.ID, campaign: Int64?, source: MessageSource, sourceKey: String,
        channel: MessageChannel,
        category: MessageCategory, recipient: String?, recipientName: String, subject: String?, body: String,
        state: MessageState, reason: String?, attempts: Int = 0, queuedAt: Date, sentAt: Date? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.campaign = campaign
        self.source = source
        self.sourceKey = sourceKey
        self.channel = channel
        self.category = category
        self.recipient = recipient
        self.recipientName = recipientName
        self.subject = subject
        self.body = body
        self.state = state
        self.reason = reason
        self.attempts = attempts
        self.queuedAt = queuedAt
        self.sentAt = sentAt
    }

    /// The stable Message-ID of this message: a duplicate through a sendmail pipe can be recognised by it.
    public func messageID(domain: String) -> String { "<outbox-\(id?.rawValue ?? 0)@\(domain)>" }
}

// The codes of messaging as people read them (issue 16): a table cell says `spoken`, JSON and the command line keep
// the raw value. Keyed with their context, since the same English words name other things elsewhere.

extension MessageChannel {
    public var spoken: Phrase {
        switch self {
        case .email: return Phrase("email", context: "message channel")
        case .sms: return Phrase("sms", context: "message channel")
        case .letter: return Phrase("letter", context: "message channel")
        }
    }
}

extension MessageCategory {
    public var spoken: Phrase {
        switch self {
        case .marketing: return Phrase("marketing", context: "message category")
        case .service: return Phrase("service", context: "message category")
        case .recall: return Phrase("recall", context: "message category")
        }
    }
}

extension MessageState {
    public var spoken: Phrase {
        switch self {
        case .queued: return Phrase("queued", context: "message state")
        case .sent: return Phrase("sent", context: "message state")
        case .failed: return Phrase("failed", context: "message state")
        case .suppressed: return Phrase("suppressed", context: "message state")
        case .cancelled: return Phrase("cancelled", context: "message state")
        }
    }
}

extension MessageSource {
    public var spoken: Phrase {
        switch self {
        case .campaign: return Phrase("campaign", context: "message source")
        case .reminder: return Phrase("reminder", context: "message source")
        case .appointment: return Phrase("appointment", context: "message source")
        case .followUp: return Phrase("follow-up", context: "message source")
        }
    }
}

extension ConsentStatus {
    public var spoken: Phrase {
        switch self {
        case .optIn: return Phrase("opt-in", context: "consent")
        case .optOut: return Phrase("opt-out", context: "consent")
        }
    }
}
