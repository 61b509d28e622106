import Core
import Foundation
import Testing

@testable import Messaging

@Suite("One judge for consent, caps and suppression (M-3)")
struct MessageJudgeTests {
    static let cap = FrequencyCap()
    static let queued = "queued", noted = "queued with the recall note"

    /// One message to judge and what M-3 says of it: `queued`, `noted` or the stored suppression reason.
    struct Row: Sendable, CustomTestStringConvertible {
        var channel: MessageChannel
        var category: MessageCategory
        var consent: ConsentStatus?
        var counted: Int
        var expected: String

        init(
            _ channel: MessageChannel, _ category: MessageCategory, _ consent: ConsentStatus?, counted: Int,
            _ expected: String
        ) {
            self.channel = channel
            self.category = category
            self.consent = consent
            self.counted = counted
            self.expected = expected
        }

        var testDescription: String {
            "\(channel) \(category) \(consent?.rawValue ?? "no word") \(counted) counted → \(expected)"
        }
    }

    /// Every channel × category × consent × cap (under it: 1 counted; at it: 2 of the default 2 in 720 h). M-3:
    /// marketing needs an opt-in; an opt-out is honoured except for a safety recall, which goes and says why; at most
    /// 2 marketing SMS per customer per 30 days; e-mail, letters, service and recall messages are not capped.
    static let table: [Row] = [
        Row(.email, .marketing, nil, counted: 1, "no-opt-in"),
        Row(.email, .marketing, nil, counted: 2, "no-opt-in"),
        Row(.email, .marketing, .optIn, counted: 1, queued),
        Row(.email, .marketing, .optIn, counted: 2, queued),
        Row(.email, .marketing, .optOut, counted: 1, "opted-out"),
        Row(.email, .marketing, .optOut, counted: 2, "opted-out"),
        Row(.email, .service, nil, counted: 1, queued),
        Row(.email, .service, nil, counted: 2, queued),
        Row(.email, .service, .optIn, counted: 1, queued),
        Row(.email, .service, .optIn, counted: 2, queued),
        Row(.email, .service, .optOut, counted: 1, "opted-out"),
        Row(.email, .service, .optOut, counted: 2, "opted-out"),
        Row(.email, .recall, nil, counted: 1, queued),
        Row(.email, .recall, nil, counted: 2, queued),
        Row(.email, .recall, .optIn, counted: 1, queued),
        Row(.email, .recall, .optIn, counted: 2, queued),
        Row(.email, .recall, .optOut, counted: 1, noted),
        Row(.email, .recall, .optOut, counted: 2, noted),
        Row(.sms, .marketing, nil, counted: 1, "no-opt-in"),
        Row(.sms, .marketing, nil, counted: 2, "no-opt-in"),
        Row(.sms, .marketing, .optIn, counted: 1, queued),
        Row(.sms, .marketing, .optIn, counted: 2, "frequency-cap: 2 marketing SMS in 720 h"),
        Row(.sms, .marketing, .optOut, counted: 1, "opted-out"),
        Row(.sms, .marketing, .optOut, counted: 2, "opted-out"),
        Row(.sms, .service, nil, counted: 1, queued),
        Row(.sms, .service, nil, counted: 2, queued),
        Row(.sms, .service, .optIn, counted: 1, queued),
        Row(.sms, .service, .optIn, counted: 2, queued),
        Row(.sms, .service, .optOut, counted: 1, "opted-out"),
        Row(.sms, .service, .optOut, counted: 2, "opted-out"),
        Row(.sms, .recall, nil, counted: 1, queued),
        Row(.sms, .recall, nil, counted: 2, queued),
        Row(.sms, .recall, .optIn, counted: 1, queued),
        Row(.sms, .recall, .optIn, counted: 2, queued),
        Row(.sms, .recall, .optOut, counted: 1, noted),
        Row(.sms, .recall, .optOut, counted: 2, noted),
        Row(.letter, .marketing, nil, counted: 1, "no-opt-in"),
        Row(.letter, .marketing, nil, counted: 2, "no-opt-in"),
        Row(.letter, .marketing, .optIn, counted: 1, queued),
        Row(.letter, .marketing, .optIn, counted: 2, queued),
        Row(.letter, .marketing, .optOut, counted: 1, "opted-out"),
        Row(.letter, .marketing, .optOut, counted: 2, "opted-out"),
        Row(.letter, .service, nil, counted: 1, queued),
        Row(.letter, .service, nil, counted: 2, queued),
        Row(.letter, .service, .optIn, counted: 1, queued),
        Row(.letter, .service, .optIn, counted: 2, queued),
        Row(.letter, .service, .optOut, counted: 1, "opted-out"),
        Row(.letter, .service, .optOut, counted: 2, "opted-out"),
        Row(.letter, .recall, nil, counted: 1, queued),
        Row(.letter, .recall, nil, counted: 2, queued),
        Row(.letter, .recall, .optIn, counted: 1, queued),
        Row(.letter, .recall, .optIn, counted: 2, queued),
        Row(.letter, .recall, .optOut, counted: 1, noted),
        Row(.letter, .recall, .optOut, counted: 2, noted),
    ]

    static func outcome(_ verdict: MessageJudge.Verdict) -> String {
        switch verdict {
        case .suppress(let reason): return reason.stored
        case .queue("正文", _, _): return queued
        case .queue("正文（\(ConsentPolicy.recallNote)）", _, _): return noted
        case .queue(let body, _, _): return "queued: \(body)"
        }
    }

    @Test("M-3: every channel × category × consent × cap case", arguments: table)
    func everyCase(_ row: Row) {
        let message = MessageJudge.Message(
            channel: row.channel, category: row.category, consent: row.consent,
            recipient: "13800138000", counted: row.counted)
        let verdict = MessageJudge.judge(message, cap: Self.cap) { .ready(body: "正文", subject: nil, degraded: []) }
        #expect(Self.outcome(verdict) == row.expected)
    }

    @Test("M-3: the table holds every channel × category × consent × cap case once")
    func tableIsComplete() {
        let keys = Set(Self.table.map { "\($0.channel) \($0.category) \($0.consent?.rawValue ?? "-") \($0.counted)" })
        #expect(keys.count == Self.table.count)
        let consents = ConsentStatus.allCases.count + 1
        #expect(keys.count == MessageChannel.allCases.count * MessageCategory.allCases.count * consents * 2)
    }

    @Test("M-2/M-3: the checks run in one order: consent, address, duplicate recipient, the SMS cap, the text")
    func order() {
        func judge(
            consent: ConsentStatus?, recipient: String?, targeted: Bool, counted: Int,
            text: Personalised = .ready(body: "正文", subject: nil, degraded: [])
        ) -> String {
            let message = MessageJudge.Message(
                channel: .sms, category: .marketing, consent: consent,
                recipient: recipient, alreadyTargeted: targeted, counted: counted)
            return Self.outcome(MessageJudge.judge(message, cap: Self.cap) { text })
        }
        let missing = Personalised.missing(MessageTemplate.FieldUse(name: "title", line: 1, column: 3))
        #expect(judge(consent: .optOut, recipient: nil, targeted: true, counted: 9, text: missing) == "opted-out")
        #expect(judge(consent: .optIn, recipient: nil, targeted: true, counted: 9, text: missing) == "no-address")
        #expect(
            judge(consent: .optIn, recipient: "13800138000", targeted: true, counted: 9, text: missing)
                == "duplicate-recipient: 13800138000")
        #expect(
            judge(consent: .optIn, recipient: "13800138000", targeted: false, counted: 9, text: missing)
                == "frequency-cap: 2 marketing SMS in 720 h")
        #expect(
            judge(consent: .optIn, recipient: "13800138000", targeted: false, counted: 0, text: missing)
                == "missing-field: title")
        #expect(judge(consent: .optIn, recipient: "13800138000", targeted: false, counted: 0) == Self.queued)
    }

    @Test("M-3: the text is made only for a message that passes every other check; the dealer's cap is the one applied")
    func renderOnlyWhenNeeded() {
        var rendered = 0
        let message = MessageJudge.Message(channel: .sms, category: .marketing, consent: nil, recipient: "13800138000")
        _ = MessageJudge.judge(message, cap: Self.cap) {
            rendered += 1
            return .ready(body: "正文", subject: nil, degraded: [])
        }
        #expect(rendered == 0)
        let capped = MessageJudge.Message(
            channel: .sms, category: .marketing, consent: .optIn,
            recipient: "13800138000", counted: 3)
        let verdict = MessageJudge.judge(capped, cap: FrequencyCap(limit: 3, windowHours: 168)) {
            .ready(body: "正文", subject: nil, degraded: [])
        }
        #expect(verdict == .suppress(.frequencyCap(limit: 3, windowHours: 168)))
    }

    @Test("M-3 at delivery: the same checks on the stored text; a suppression says it was found at delivery")
    func delivery() {
        func deliver(_ category: MessageCategory, _ consent: ConsentStatus?, counted: Int = 0) -> MessageJudge.Verdict {
            let message = MessageJudge.Message(
                channel: .sms, category: category, consent: consent,
                recipient: "13800138000", counted: counted, stage: .delivery)
            return MessageJudge.judge(message, cap: Self.cap) { .ready(body: "存储的正文", subject: nil, degraded: []) }
        }
        #expect(deliver(.marketing, .optOut) == .suppress(.atDelivery(.optedOut)))
        #expect(deliver(.marketing, .optOut).suppression?.stored == "opted-out: at delivery")
        #expect(deliver(.marketing, .optIn, counted: 2).suppression?.stored == "frequency-cap: at delivery")
        #expect(deliver(.service, .optIn, counted: 2) == .queue(body: "存储的正文", subject: nil, degraded: []))
        // The stored recall text got its note when it was queued: delivery adds none.
        #expect(deliver(.recall, .optOut) == .queue(body: "存储的正文", subject: nil, degraded: []))
    }

    @Test(
        "A suppression reason is a typed value: its code, detail, rule and stored text, read back by code",
        arguments: [
            (SuppressionReason.optedOut, "opted-out", "M-3"),
            (.noOptIn, "no-opt-in", "M-3"),
            (.frequencyCap(limit: 2, windowHours: 720), "frequency-cap: 2 marketing SMS in 720 h", "M-3"),
            (.noAddress, "no-address", "M-2"),
            (.duplicate(recipient: "13800138000"), "duplicate-recipient: 13800138000", "M-2"),
            (.missingField("plate"), "missing-field: plate", "M-2"),
            (.atDelivery(.optedOut), "opted-out: at delivery", "M-3"),
        ])
    func reasons(reason: SuppressionReason, stored: String, rule: String) {
        #expect(reason.stored == stored)
        #expect(reason.code.rule == rule)
        #expect(SuppressionReason.Code(stored: stored) == reason.code)
        #expect(!reason.text.isEmpty)
    }
}
