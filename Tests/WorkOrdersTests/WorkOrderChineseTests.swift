import Core
import Foundation
import Testing

@testable import WorkOrders

@Suite("Issue 16: repair orders speak Chinese")
struct WorkOrderChineseTests {
    let zh = Speech(.zh)

    @Test("Every code shown to people has its Chinese; English says the code as it is")
    func codes() {
        let spoken: [Phrase] =
            Payer.allCases.map(\.spoken) + LineKind.allCases.map(\.spoken) + ApprovalMethod.allCases.map(\.spoken)
            + VehicleSystem.allCases.map(\.spoken) + JobKind.allCases.map(\.spoken) + JobState.allCases.map(\.spoken)
            + WorkOrderState.allCases.map(\.spoken) + PaymentMethod.allCases.map(\.spoken)
            + QualityCheckItem.allCases.map(\.spoken) + Setting.workOrders.map(\.summary)
        for phrase in spoken { #expect(Phrasebook.chinese[phrase.key] != nil, "\(phrase.key)") }
        #expect(Payer.warranty.spoken.rendered(zh) == "保修（厂家）")
        #expect(Payer.warranty.spoken.english == "warranty")
        #expect(WorkOrderState.delivered.spoken.rendered(zh) == "已交车")
        #expect(JobKind.secondLevelMaintenance.spoken.rendered(zh) == "二级维护")
    }

    @Test("Q-2, L-10: the refusals read in Chinese")
    func refusals() throws {
        var order = try Fixture.approved()
        let early = #expect(throws: Conflict.self) { try order.addLine(Fixture.labour(job: 1)) }
        #expect(
            early?.sentence.rendered(zh)
                == "job: 维修项目 1 客户已确认；维修中发现的工作须作为新的追加项目，单独报价并经客户确认（Q-2）")
        order.invoice = Invoice(
            number: "INV-000007", at: Date(), totals: order.totals, payment: .cash, vatPercent: 13)
        let settled = #expect(throws: Conflict.self) { try order.removeLine(1) }
        #expect(settled?.phrase.rendered(zh).contains("已结算的工单不得修改") == true)
        let risk = DeliveryRisk.near(minutes: 90, jobsLeft: 1)
        #expect(risk.spoken.rendered(zh) == "距约定交车时间还有 90 分钟，尚有 1 个项目未完成")
    }
}
