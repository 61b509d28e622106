import Core
import Foundation

/// A customer's word on one channel (M-3).
public enum ConsentStatus: String, CaseIterable, Codable, Sendable {
    case optIn = "opt-in"
    case optOut = "opt-out"
}

/// A recorded consent: which channel, what was said, when, and where it came from (a form, a call, the
/// unsubscribe link…).
public struct Consent: Sendable, Codable, Equatable {
    public var channel: MessageChannel
    public var status: ConsentStatus
    public var at: Date
    public var source: String

    public init(channel: MessageChannel, status: ConsentStatus, at: Date, source: String) {
        self.channel = channel
        self.status = status
        self.at = at
        self.source = source
    }
}

/// What consent says about one message.
public enum ConsentDecision: Sendable, Equatable {
    case allowed
    /// A safety recall to a customer who opted out of the channel: it goes out, and the message says why.
    case allowedDespiteOptOut
    case suppressed(SuppressionReason)
}

/// Rule M-3: marketing needs a recorded opt-in for the channel (China's personal-information and
/// SMS-marketing rules); service messages need none but honour an opt-out; safety recall notices always go
/// out. `consent` is the customer's latest word on the message's channel, if any.
public enum ConsentPolicy {
    public static func decide(_ category: MessageCategory, consent: ConsentStatus?) -> ConsentDecision {
        switch (category, consent) {
        case (.recall, .optOut): return .allowedDespiteOptOut
        case (.recall, _): return .allowed
        case (_, .optOut): return .suppressed(.optedOut)
        case (.marketing, .optIn): return .allowed
        case (.marketing, nil): return .suppressed(.noOptIn)
        case (.service, _): return .allowed
        }
    }

    /// The note a recall sent despite an opt-out carries (M-3).
    public static let recallNote = "安全召回通知：依法必须告知，即使您已退订也会发送"
}

/// Rule M-3: at most `limit` marketing SMS per customer in the `windowHours` before sending, counting the
/// ones sent and the ones queued (default 2 in 30×24 hours); service messages are not capped.
public struct FrequencyCap: Sendable, Equatable {
    public var limit: Int
    public var windowHours: Int

    public init(limit: Int = 2, windowHours: Int = 720) {
        self.limit = limit
        self.windowHours = windowHours
    }

    /// The cap the dealer set (settings `messaging.sms-cap` and `messaging.sms-cap-hours`).
    public init(settings: DealerSettings) {
        self.init(limit: settings.integer(.smsCap), windowHours: settings.integer(.smsCapHours))
    }

    /// Whether the cap counts messages of this category on this channel: marketing SMS only.
    public static func applies(to category: MessageCategory, channel: MessageChannel) -> Bool {
        category == .marketing && channel == .sms
    }

    /// Whether one more message may go, given how many are already counted in the window.
    public func allows(_ category: MessageCategory, channel: MessageChannel, counted: Int) -> Bool {
        !Self.applies(to: category, channel: channel) || counted < limit
    }

    /// The start of the window that counts for a message sent at `at`.
    public func windowStart(before at: Date) -> Date { at.addingTimeInterval(-Double(windowHours) * 3600) }
}
