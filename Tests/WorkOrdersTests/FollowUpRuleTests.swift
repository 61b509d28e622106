import Complaints
import Core
import Foundation
import Testing

@testable import WorkOrders

@Suite("The follow-up rules (Q-6)")
struct FollowUpRuleTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    /// A delivered order: advisor 王芳, job 1 dispatched to 刘强 and clocked by 刘强 and 陈明.
    func task() throws -> FollowUpTask {
        var order = Fixture.order()
        try order.addJob(Fixture.job())
        order.jobs[0].technician = "刘强"
        order.jobs[0].spells = [
            ClockSpell(technician: "刘强", start: Fixture.at("2026-12-06 10:00")),
            ClockSpell(technician: "陈明", start: Fixture.at("2026-12-06 11:00")),
        ]
        order.deliveredAt = Fixture.at("2026-12-06 18:00")
        return try #require(FollowUpTask.make(for: order, customerID: 1, days: 3, zone: zone))
    }

    @Test("Q-6: due 3 days after the car left; not neutral: the advisor and every technician on the order")
    func neutral() throws {
        let task = try task()
        #expect(task.dueOn == LocalDate("2026-12-09"))
        #expect(task.involved == ["王芳", "刘强", "陈明"])
        let advisor = #expect(throws: Conflict.self) { try task.requireNeutral("王芳", field: "actor") }
        #expect(advisor?.sentence.english.contains("service advisor") == true)
        #expect(advisor?.sentence.english.contains("(Q-6)") == true)
        let technician = #expect(throws: Conflict.self) { try task.requireNeutral(" 陈明 ", field: "actor") }
        #expect(technician?.sentence.english.contains("a technician on the order") == true)
        try task.requireNeutral("李娜", field: "actor")
        #expect(FollowUpTask.make(for: Fixture.order(), customerID: 1, days: 3, zone: zone) == nil)
    }

    @Test("Q-6: the third unanswered call of one day exhausts the calls; a reached call never does")
    func attempts() throws {
        var task = try task()
        let call = { (time: String, outcome: FollowUpOutcome) in
            FollowUpAttempt(at: Fixture.at(time), outcome: outcome, by: "李娜")
        }
        #expect(try task.recordAttempt(call("2026-12-07 09:00", .noAnswer), limit: 3, zone: zone) == false)
        #expect(try task.recordAttempt(call("2026-12-08 09:00", .busy), limit: 3, zone: zone) == false)
        #expect(try task.recordAttempt(call("2026-12-08 11:00", .reached), limit: 3, zone: zone) == false)
        #expect(try task.recordAttempt(call("2026-12-08 12:00", .noAnswer), limit: 3, zone: zone) == false)
        #expect(try task.recordAttempt(call("2026-12-08 14:00", .wrongNumber), limit: 3, zone: zone) == true)
        #expect(throws: Conflict.self) {
            try task.recordAttempt(call("2026-12-08 13:00", .noAnswer), limit: 3, zone: zone)
        }
        task.turnToCard(.letter, note: nil)
        #expect(throws: Conflict.self) {
            try task.recordAttempt(call("2026-12-08 15:00", .noAnswer), limit: 3, zone: zone)
        }
        try task.record(FollowUpAnswer(score: .satisfied), by: "李娜", at: Fixture.at("2026-12-10 10:00"))
        #expect(task.state == .done && task.answer?.category == .other)
        #expect(throws: Conflict.self) {
            try task.record(FollowUpAnswer(score: .satisfied), by: "李娜", at: Fixture.at("2026-12-10 10:00"))
        }
    }

    @Test("Q-6: overdue first, then by due day")
    func order() throws {
        var early = try task()
        early.id = 1
        early.state = .card
        var late = try task()
        late.id = 2
        late.dueOn = LocalDate("2026-12-10")!
        var later = try task()
        later.id = 3
        later.dueOn = LocalDate("2026-12-12")!
        let day = LocalDate("2026-12-11")!
        #expect(!early.isOverdue(on: day) && late.isOverdue(on: day) && !later.isOverdue(on: day))
        let sorted = [later, early, late].sorted(by: FollowUpTask.dueOrder(on: day)).map(\.id)
        #expect(sorted == [2, 1, 3])
    }

    @Test("Issue 16: outcomes, states and the neutrality refusal read in Chinese")
    func chinese() throws {
        let zh = Speech(.zh)
        let spoken =
            FollowUpOutcome.allCases.map(\.spoken) + FollowUpState.allCases.map(\.spoken)
            + FollowUpCardChannel.allCases.map(\.spoken) + Setting.followUps.map(\.summary)
        for phrase in spoken { #expect(Phrasebook.chinese[phrase.key] != nil, "\(phrase.key)") }
        #expect(FollowUpOutcome.noAnswer.spoken.rendered(zh) == "无人接听")
        let error = #expect(throws: Conflict.self) { try task().requireNeutral("王芳", field: "actor") }
        #expect(error?.sentence.rendered(zh).contains("不是中立人员") == true)
    }
}
