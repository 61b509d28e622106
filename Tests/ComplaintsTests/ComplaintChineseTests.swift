import Core
import Foundation
import Testing

@testable import Complaints

@Suite("Issue 16: the complaint clocks, codes and refusals in Chinese")
struct ComplaintChineseTests {
    let zh = Speech(.zh)

    @Test("Every code shown to people has its Chinese; English says the code as it is")
    func codes() {
        let spoken: [Phrase] =
            ComplaintState.allCases.map(\.spoken) + ComplaintState.allCases.map(\.aComplaint)
            + ComplaintChannel.allCases.map(\.spoken) + ComplaintKind.allCases.map(\.spoken)
            + ComplaintCategory.allCases.map(\.spoken) + ComplaintCause.allCases.map(\.spoken)
            + CustomerWish.allCases.map(\.spoken) + Satisfaction.allCases.map(\.spoken)
            + ServiceDimension.allCases.map(\.spoken) + EscalationLevel.allCases.map(\.spoken)
            + AttachmentKind.allCases.map(\.spoken) + Deadline.Kind.allCases.map(\.spoken)
            + (1...4).map { ComplaintPriority.spoken(level: $0) }
        for phrase in spoken { #expect(Phrasebook.chinese[phrase.key] != nil, "\(phrase.key)") }
        #expect(ComplaintState.received.spoken.rendered(zh) == "已受理")
        #expect(ComplaintState.received.spoken.english == "received")
        // The dealer's form's labels are the scale's Chinese.
        for level in Satisfaction.allCases { #expect(level.spoken.rendered(zh) == level.label) }
    }

    @Test("The K-4 clock explains itself in Chinese when asked in Chinese; durations too")
    func clocks() {
        let received = at("2026-11-23 10:00")
        let facts = ClockFacts(
            state: .received, level: .handler, levelSince: received, owner: "李娜", receivedAt: received)
        let policy = policy()
        let late = at("2026-11-23 11:20")
        let status = Speech.$current.withValue(zh) {
            ComplaintClocks.overdue(facts, policy: policy, at: late)
        }
        #expect(status.first?.deadline.what == "受理后 1 小时内首次联系客户")
        #expect(status.first?.spoken.rendered(zh) == "已超时 20分钟")
        #expect(
            ComplaintClocks.overdue(facts, policy: policy, at: late).first?.deadline.what
                == "first contact with the customer within 1 h of receipt")
        #expect(Elapsed.phrase(seconds: 3 * 86_400 + 4 * 3600).rendered(zh) == "3天4小时")
        #expect(Elapsed.text(seconds: 2 * 3600 + 5 * 60) == "2 h 05 min")
    }

    @Test("A refused action names the state in Chinese and keeps the action and field as typed")
    func refusal() {
        #expect {
            try ComplaintAction.close.check(.received)
        } throws: { error in
            guard let conflict = error as? Conflict else { return false }
            return conflict.field == "state"
                && conflict.sentence.rendered(zh) == "state: 已受理的投诉不能执行 `close`；现在可执行："
                    + "`contact`, `assign`, `route`, `escalate`, `crisis`, `invalidate`, `attach`"
                && conflict.sentence.english
                    == "state: a received complaint cannot take \"close\"; allowed now: "
                    + "contact, assign, route, escalate, crisis, invalidate, attach"
        }
    }
}
