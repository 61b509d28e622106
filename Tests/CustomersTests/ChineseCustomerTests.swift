import Core
import Foundation
import Testing

@testable import Customers

@Suite("Issue 16: the customer base in Chinese")
struct ChineseCustomerTests {
    let zh = Speech(.zh)

    @Test("A refused class move (C-5) names the classes in Chinese")
    func classMove() {
        do {
            try CustomerClass.retained.checkMove(to: .potential)
            Issue.record("retained → potential should be refused")
        } catch let error as Conflict {
            #expect(error.sentence.rendered(zh) == "class: 保有客户不能转为潜在客户（C-5）；保有客户可转为：战败客户")
            #expect(
                error.sentence.english
                    == "class: a retained customer cannot move to potential (C-5); allowed from retained: defeated")
        } catch { Issue.record("\(error)") }
    }

    @Test("Every code shown to people on a card has Chinese words")
    func spokenCodes() {
        func chinese(_ phrases: [Phrase]) -> Bool { phrases.allSatisfy { Phrasebook.chinese[$0.key] != nil } }
        #expect(chinese(CustomerClass.allCases.map(\.spoken)))
        #expect(chinese(GradeCriterion.allCases.map(\.spoken)))
        #expect(chinese(PartyKind.allCases.map(\.spoken)))
        #expect(chinese(Gender.allCases.map(\.spoken)))
        #expect(chinese(Usage.allCases.map(\.spoken)))
        #expect(chinese(Contact.Channel.allCases.map(\.spoken)))
        #expect(chinese(Contact.Direction.allCases.map(\.spoken)))
        #expect(chinese(Contact.Outcome.allCases.map(\.spoken)))
        #expect(chinese(CareTask.Kind.allCases.map(\.spoken)))
        #expect(Usage.taxi.spoken.rendered(zh) == "出租营运")
        #expect(Contact.Outcome.noAnswer.spoken.rendered(zh) == "未接通")
        #expect(PotentialGrade.b.spoken.rendered(zh) == "B（需求, 购买力）")
        #expect(PotentialGrade.b.explained == "B (need, purchasing-power)")
    }

    @Test("How late a task is, in Chinese")
    func lateness() {
        let due = LocalDate("2026-11-20")!
        #expect(Lateness(due: due, asOf: LocalDate("2026-11-23")!).phrase.rendered(zh) == "逾期 3 天")
        #expect(Lateness(due: due, asOf: LocalDate("2026-11-18")!).phrase.rendered(zh) == "2 天后到期")
        #expect(Lateness(due: due, asOf: due).description == "due today")
    }

    @Test("The care plan's notes are written in the language of the moment (C-7)")
    func carePlanNotes() async {
        let delivery = LocalDate("2026-11-20")!
        let english = CarePlan.tasksAtDelivery(
            delivery: delivery, settings: DealerSettings(), schedule: .standard())
        #expect(english[0].note == "general manager's thank-you letter, mailed within 3 days of delivery")
        await Speech.$current.withValue(zh) {
            let chinese = CarePlan.tasksAtDelivery(
                delivery: delivery, settings: DealerSettings(), schedule: .standard())
            #expect(chinese[0].note == "总经理感谢信，交车后 3 天内寄出")
            #expect(chinese[3].note.hasPrefix("首保于 2027年5月20日 或 5,000 km 到期"))
        }
    }

    @Test("A bad plate and an implausible reading are refused in Chinese")
    func details() {
        do {
            _ = try ContactDetails.normalizePlate("12345")
            Issue.record("a plate without a province was accepted")
        } catch let error as InvalidInput {
            #expect(error.sentence.rendered(zh) == "plate: “12345”不是车牌号（例如 京A·12345 或 沪AD12345）")
        } catch { Issue.record("\(error)") }
    }
}
