import Foundation

/// Rule M-3 (with M-2's address, duplicate and field checks) in one place: whether one message goes, and
/// if not why. The campaign run, the reminders run and delivery all ask it, in the same order:
///
/// 1. consent for the channel (`ConsentPolicy`: marketing needs an opt-in, an opt-out is honoured, a safety
///    recall goes out despite one);
/// 2. an address for the channel;
/// 3. the address not already targeted by this message in the run (a family's shared phone gets one);
/// 4. the SMS cap (`FrequencyCap`: marketing SMS only);
/// 5. the text: a personal field the template needs and the customer lacks suppresses the message, except a
///    recall's (`PersonalFields.personalise` fills it in).
///
/// It answers from values; the callers load them (consent, the count in the cap window) and write the verdict.
public enum MessageJudge {
    /// When the message is judged: when it is queued, or again when it is delivered (its text is made then).
    public enum Stage: Sendable, Equatable {
        case queueing, delivery
    }

    /// What the judge needs to know about one message, as values.
    public struct Message: Sendable, Equatable {
        public var channel: MessageChannel
        public var category: MessageCategory
        /// The customer's latest word on `channel`, if any.
        public var consent: ConsentStatus?
        /// The customer's address on `channel`, if any.
        public var recipient: String?
        /// Whether this run already queued the same message to `recipient` (M-2: one per address).
        public var alreadyTargeted: Bool
        /// Marketing SMS the customer already has in the cap window: the queued and sent ones when queueing,
        /// the sent ones (and this batch's) at delivery.
        public var counted: Int
        public var stage: Stage

        public init(
            channel: MessageChannel, category: MessageCategory, consent: ConsentStatus?, recipient: String?,
            alreadyTargeted: Bool = false, counted: Int = 0, stage: Stage = .queueing
        ) {
            self.channel = channel
            self.category = category
            self.consent = consent
            self.recipient = recipient
            self.alreadyTargeted = alreadyTargeted
            self.counted = counted
            self.stage = stage
        }
    }

    /// The answer: queue this text, or suppress with this reason.
    public enum Verdict: Sendable, Equatable {
        /// The text to queue (or, at delivery, the stored text to deliver); a recall that goes out despite an
        /// opt-out says why at the end (M-3). `degraded` names the personal fields a recall went out without.
        case queue(body: String, subject: String?, degraded: [String])
        case suppress(SuppressionReason)

        /// The reason, when the message is suppressed.
        public var suppression: SuppressionReason? {
            if case .suppress(let reason) = self { return reason }
            return nil
        }
    }

    /// Judges one message; `render` makes its text and is called only when every other check passed. At
    /// delivery, a suppression is `.atDelivery(reason)` and the text is the stored one, as it is.
    public static func judge(
        _ message: Message, cap: FrequencyCap,
        render: () throws -> Personalised
    ) rethrows -> Verdict {
        func suppress(_ reason: SuppressionReason) -> Verdict {
            .suppress(message.stage == .delivery ? .atDelivery(reason) : reason)
        }
        let consent = ConsentPolicy.decide(message.category, consent: message.consent)
        if case .suppressed(let reason) = consent { return suppress(reason) }
        guard let recipient = message.recipient else { return suppress(.noAddress) }
        guard !message.alreadyTargeted else { return suppress(.duplicate(recipient: recipient)) }
        guard cap.allows(message.category, channel: message.channel, counted: message.counted) else {
            return suppress(.frequencyCap(limit: cap.limit, windowHours: cap.windowHours))
        }
        switch try render() {
        case .missing(let field):
            return suppress(.missingField(field.name))
        case .ready(let body, let subject, let degraded):
            // The note is added when the text is made; at delivery the stored text already has it.
            let despite = consent == .allowedDespiteOptOut && message.stage == .queueing
            let note = despite ? "（\(ConsentPolicy.recallNote)）" : ""
            return .queue(body: body + note, subject: subject, degraded: degraded)
        }
    }
}

/// A message made for one customer, or the field that keeps it from being made (`PersonalFields.personalise`).
public enum Personalised: Sendable, Equatable {
    /// The text to queue; `degraded` names the personal fields a recall went out without.
    case ready(body: String, subject: String?, degraded: [String])
    /// The first field the template needs that the customer's data lacks: the message is suppressed.
    case missing(MessageTemplate.FieldUse)
}
