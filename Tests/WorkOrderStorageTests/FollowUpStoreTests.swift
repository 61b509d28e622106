import Complaints
import Core
import Customers
import Foundation
import GRDB
import Messaging
import TestSupport
import Testing
import WorkOrders

@testable import Storage

/// A delivered order: opened and settled by 王顾问, dispatched to and clocked by 刘强, delivered on 2026-12-06.
private func deliveredOrder(
    _ shop: WorkshopFixture, mileage: Int = 30_000, promised: String? = "2026-12-06 17:00", maintenance: Bool = false
) throws -> (order: String, task: FollowUpTask) {
    // K-3: a customer-service agent makes the calls and owns a complaint they open.
    if try shop.db.staff().contains(where: { $0.name == "李娜" }) == false {
        _ = try shop.db.addStaff(name: "李娜", role: .csAgent, actor: "admin")
    }
    let number = try shop.open(mileage: mileage, promised: promised).number
    // A maintenance job on a second order repeats nothing of the first (no guarantee repair, Q-8).
    if maintenance {
        _ = try shop.job(number, title: "一级维护", kind: "first-level-maintenance", component: "保养")
        _ = try shop.line(number, code: "10 00 00 01")
    } else {
        _ = try shop.job(number)
        _ = try shop.line(number)
    }
    try shop.workThrough(number)
    _ = try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
    _ = try shop.db.deliverWorkOrder(number, note: "已说明", actor: "王顾问")
    return (number, try #require(try shop.db.followUp(order: number)))
}

@Suite("The follow-up after a repair (Q-6, K-1, M-3)")
struct FollowUpStoreTests {
    @Test("Q-6: delivery makes the task, due 3 days after the car left, for someone neutral")
    func delivery() throws {
        let shop = try WorkshopFixture()
        let (order, task) = try deliveredOrder(shop)
        #expect(task.order == order && task.state == .open)
        #expect(task.dueOn == LocalDate("2026-12-09"))
        #expect(task.involved == ["王顾问", "刘强"])
        let audit = try shop.db.writer.read {
            try String.fetchAll($0, sql: "SELECT action FROM audit_log WHERE entity = 'follow_up'")
        }
        #expect(audit == ["create"])
    }

    @Test("Q-6: the order's advisor and its technician may not make the follow-up; the error names them and Q-6")
    func neutral() throws {
        let shop = try WorkshopFixture()
        let (_, task) = try deliveredOrder(shop)
        for person in ["王顾问", "刘强"] {
            let error = #expect(throws: Conflict.self) {
                try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, actor: person)
            }
            #expect(error?.sentence.english.contains(person) == true && error?.sentence.english.contains("Q-6") == true)
            #expect(throws: Conflict.self) {
                try shop.db.answerFollowUp(task.id!, FollowUpAnswer(score: .satisfied), actor: person)
            }
        }
        #expect(try shop.db.followUp(task.id!).attempts.isEmpty)
        let done = try shop.db.recordFollowUpCall(task.id!, outcome: .reached, actor: "李娜")
        #expect(done.attempts.map(\.outcome) == [.reached] && done.state == .open)
    }

    @Test("Q-6, M-3: three unanswered calls on one day queue the follow-up card by SMS in the outbox")
    func card() throws {
        let shop = try WorkshopFixture()
        let (order, task) = try deliveredOrder(shop)
        shop.clock.set(shop.clock.now().addingTimeInterval(3_600))
        _ = try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, actor: "李娜")
        _ = try shop.db.recordFollowUpCall(task.id!, outcome: .busy, actor: "李娜")
        #expect(try shop.db.outbox().items.isEmpty)
        let third = try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, note: "关机", actor: "李娜")
        #expect(third.state == .card && third.card == .sms && third.attempts.count == 3)
        let message = try #require(try shop.db.outbox().items.first)
        #expect(message.source == .followUp && message.channel == .sms && message.state == .queued)
        #expect(message.recipient == "13800138000" && message.body.contains(order))
        // The calls are over: a fourth is refused, nothing written.
        #expect(throws: Conflict.self) { try shop.db.recordFollowUpCall(task.id!, outcome: .reached, actor: "李娜") }
        #expect(try shop.db.followUp(task.id!).attempts.count == 3)
    }

    @Test("Q-6: unanswered calls spread over two days do not send the card")
    func twoDays() throws {
        let shop = try WorkshopFixture()
        let (_, task) = try deliveredOrder(shop)
        _ = try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, actor: "李娜")
        _ = try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, actor: "李娜")
        shop.clock.set(shop.clock.now().addingTimeInterval(86_400))
        let next = try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, actor: "李娜")
        #expect(next.state == .open && next.card == nil)
        #expect(try shop.db.outbox().items.isEmpty)
    }

    @Test("M-3: an SMS opt-out sends the card by letter; with no address either, the task says why")
    func consent() throws {
        let shop = try WorkshopFixture()
        let (_, task) = try deliveredOrder(shop)
        _ = try shop.db.setConsent(
            customer: Customer.ID(task.customerID), channel: .sms, status: .optOut, source: "电话", actor: "t")
        for _ in 1...3 { _ = try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, actor: "李娜") }
        let after = try shop.db.followUp(task.id!)
        #expect(after.state == .card && after.card == nil)
        #expect(after.cardNote?.contains("sms") == true && after.cardNote?.contains("letter") == true)
        #expect(try shop.db.outbox().items.isEmpty)
    }

    @Test("Q-6, K-1: a problem found opens a complaint linked to the order in the same step; answered once")
    func problem() throws {
        let shop = try WorkshopFixture()
        let (order, task) = try deliveredOrder(shop)
        _ = try shop.db.recordFollowUpCall(task.id!, outcome: .reached, actor: "李娜")
        let done = try shop.db.answerFollowUp(
            task.id!,
            FollowUpAnswer(
                score: .somewhatDissatisfied, dimensions: [.reliability: .dissatisfied, .empathy: .satisfied],
                note: "客户说刹车仍响", problem: "刹车仍有异响", category: .repairTechnique),
            actor: "李娜")
        #expect(done.state == .done && done.doneBy == "李娜")
        let complaint = try #require(done.complaint)
        let file = try shop.db.complaintFile(Complaint.ID(complaint))
        #expect(file.complaint.workOrder == order && file.complaint.vin == WorkshopFixture.vin)
        #expect(file.complaint.description == "刹车仍有异响" && file.complaint.category == .repairTechnique)
        let stored = try shop.db.followUp(task.id!)
        #expect(stored.answer?.dimensions == [.reliability: .dissatisfied, .empathy: .satisfied])
        #expect(stored.answer?.score == .somewhatDissatisfied && stored.complaint == complaint)
        #expect(throws: Conflict.self) {
            try shop.db.answerFollowUp(task.id!, FollowUpAnswer(score: .satisfied), actor: "李娜")
        }
        let audit = try shop.db.writer.read {
            try String.fetchAll(
                $0,
                sql:
                    "SELECT entity || ':' || action FROM audit_log WHERE entity IN ('follow_up', 'complaint') ORDER BY id"
            )
        }
        #expect(audit == ["follow_up:create", "follow_up:call", "complaint:create", "follow_up:done"])
    }

    @Test("Q-6: a satisfied answer opens no complaint")
    func satisfied() throws {
        let shop = try WorkshopFixture()
        let (_, task) = try deliveredOrder(shop)
        let done = try shop.db.answerFollowUp(task.id!, FollowUpAnswer(score: .verySatisfied), actor: "李娜")
        #expect(done.complaint == nil && done.state == .done)
        #expect(try shop.db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM complaint") } == 0)
    }

    @Test("Q-6: the due list puts overdue tasks first, then by due day; --mine leaves out the orders one worked on")
    func dueList() throws {
        let shop = try WorkshopFixture()
        let (first, task) = try deliveredOrder(shop)
        shop.clock.set(shop.clock.now().addingTimeInterval(3 * 86_400))
        let (second, _) = try deliveredOrder(shop, mileage: 30_500, promised: nil, maintenance: true)
        // Before the second delivery only the first is listed.
        #expect(try shop.db.followUpsDue(on: LocalDate("2026-12-08")).map(\.task.order) == [first])
        // The first (due 12-09) turns to a card, which waits for the reply and is not overdue; on 12-13 the second
        // (due 12-12) is overdue and comes first although it is due later.
        for _ in 1...3 { _ = try shop.db.recordFollowUpCall(task.id!, outcome: .noAnswer, actor: "李娜") }
        let list = try shop.db.followUpsDue(on: LocalDate("2026-12-13"))
        #expect(list.map(\.task.order) == [second, first])
        #expect(list.map(\.overdue) == [true, false])
        #expect(try shop.db.followUpsDue(on: LocalDate("2026-12-13"), mine: "刘强").isEmpty)
        #expect(try shop.db.followUpsDue(on: LocalDate("2026-12-13"), mine: "李娜").count == 2)
    }
}
