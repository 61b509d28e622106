import Core
import Foundation
import Messaging

/// A campaign, as the dealer defines it (M-2): a segment, a channel, a category, a template.
public struct Campaign: Sendable, Codable, Equatable {
    public var id: Int64?
    public var name: String
    public var segment: String
    public var channel: MessageChannel
    public var category: MessageCategory
    public var subject: String?
    public var template: String
    /// M-4: responses within this many days of a message count for the campaign.
    public var responseWindowDays: Int
    public var createdAt: Date
    public var createdBy: String

    public init(
        id: Int64? = nil, name: String, segment: String, channel: MessageChannel, category: MessageCategory,
        subject: String?,
        template: String, responseWindowDays: Int, createdAt: Date, createdBy: String
    ) {
        self.id = id
        self.name = name
        self.segment = segment
        self.channel = channel
        self.category = category
        self.subject = subject
        self.template = template
        self.responseWindowDays = responseWindowDays
        self.createdAt = createdAt
        self.createdBy = createdBy
    }
}

/// What a campaign run did at each step: selected → suppressed (per reason) → rendered → queued; already
/// queued customers are skipped, so a second run queues nobody twice.
public struct CampaignRunCounts: Sendable, Codable, Equatable {
    public var selected = 0
    public var alreadyQueued = 0
    public var suppressed: [String: Int] = [:]
    public var rendered = 0
    /// Recalls rendered without some personal fields (W-6, M-3: they go out with 尊敬的车主).
    public var degraded = 0
    public var queued = 0
    public var dryRun = false

    public init() {}

    public mutating func suppress(_ reason: SuppressionReason) { suppressed[reason.code.rawValue, default: 0] += 1 }
    public var suppressedTotal: Int { suppressed.values.reduce(0, +) }
}

/// A customer's response to a campaign (M-4).
public enum ResponseKind: String, CaseIterable, Codable, Sendable {
    case appointment, visit, reply
    case optOut = "opt-out"
}

/// Reach, suppression, delivery, response and conversion of one campaign (M-4).
public struct CampaignReport: Sendable, Codable, Equatable {
    public var campaign: String
    public var channel: MessageChannel
    public var category: MessageCategory
    /// Messages queued or sent: the customers the campaign reached for.
    public var reach: Int
    public var queued: Int
    public var sent: Int
    public var failed: Int
    public var suppressed: [String: Int]
    public var responses: [String: Int]
    /// Customers who booked or visited, per 100 reached.
    public var conversionPercent: Double?

    public init(
        campaign: String, channel: MessageChannel, category: MessageCategory, reach: Int, queued: Int, sent: Int,
        failed: Int,
        suppressed: [String: Int], responses: [String: Int], converted: Int
    ) {
        self.campaign = campaign
        self.channel = channel
        self.category = category
        self.reach = reach
        self.queued = queued
        self.sent = sent
        self.failed = failed
        self.suppressed = suppressed
        self.responses = responses
        conversionPercent = reach == 0 ? nil : (Double(converted) * 1000 / Double(reach)).rounded() / 10
    }
}

extension ResponseKind {
    /// The response as people read it (a report's row).
    public var spoken: Phrase {
        switch self {
        case .appointment: return Phrase("appointment", context: "campaign response")
        case .visit: return Phrase("visit", context: "campaign response")
        case .reply: return Phrase("reply", context: "campaign response")
        case .optOut: return Phrase("opt-out", context: "campaign response")
        }
    }
}
