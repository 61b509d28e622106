import Core
import Foundation
import GRDB
import Stock
import TestSupport
import Testing
import Warranty
import WorkOrders

@testable import Storage

/// A splitmix64 generator: a randomized test that prints its seed can be replayed.
struct ReplayableGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension WorkshopFixture {
    /// An order with a warranty labour line and a customer-paid part, worked through and settled.
    func settledOrder(mileage: Int = 30_000, warranty: Bool = true) throws -> String {
        try settled(mileage: mileage, warranty: warranty).number
    }

    func settled(mileage: Int = 30_000, warranty: Bool = true) throws -> WorkOrder {
        let number = try open(mileage: mileage).number
        _ = try job(number)
        _ = try line(number, payer: warranty ? "warranty" : nil)
        _ = try line(number, kind: "part", code: "5Q0 698 151", quantity: 1)
        try workThrough(number)
        return try db.settleWorkOrder(number, payment: .wechatPay, actor: "王顾问").order
    }

    func scalar<T: DatabaseValueConvertible>(_ sql: String, _ arguments: StatementArguments = []) throws -> T? {
        try db.writer.read { try T.fetchOne($0, sql: sql, arguments: arguments) }
    }
}

@Suite("Corrections by credit note (L-10), free guarantee repairs (Q-8), parts issued to lines (Q-7, K-5)")
struct WorkOrderCorrectionTests {
    @Test("L-10: a credit note cancels the invoice per payer, reverses M-5, withdraws the draft; a new invoice follows")
    func credit() throws {
        let shop = try WorkshopFixture()
        let number = try shop.settledOrder()
        let claim: Int64 = try #require(try shop.scalar("SELECT id FROM claim WHERE repair_order = ?", [number]))
        #expect(try shop.scalar("SELECT count(*) FROM fitted_part") == 1)
        let credit = try shop.db.creditWorkOrder(number, reason: "付款方式记错", actor: "王顾问")
        #expect(credit.creditNote.number == "CN-000001" && credit.creditNote.invoice.number == "INV-000001")
        #expect(credit.creditNote.totals.customer == Money(fen: 45_000))
        #expect(credit.creditNote.totals.warranty == credit.creditNote.invoice.totals.warranty)
        #expect(credit.order.invoice == nil && credit.order.state == .qcPassed && credit.order.isCorrecting)
        #expect(credit.claimsWithdrawn == [claim])
        #expect(try shop.db.claimRecord(claim).status == .cancelled)
        #expect(credit.revenueReversed == Money(fen: 45_000) && credit.fittedPartsWithdrawn == 1)
        #expect(try shop.scalar("SELECT sum(amount_fen) FROM customer_revenue") == 0)
        // L-10: reopened for correction: the part moves to goodwill without redoing the work.
        _ = try shop.db.changeWorkOrderPayer(number, line: 2, to: .goodwill, reason: "店内补偿", actor: "王顾问")
        let again = try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
        #expect(again.order.invoice?.number == "INV-000002" && again.revenue == Money(fen: 0))
        #expect(again.claims.count == 1 && again.claims[0] != claim)
        // The history stays: invoice, credit note, new invoice.
        let sheet = try shop.db.workOrderSheet(number)
        #expect(sheet.order.invoiceHistory.map(\.number) == ["INV-000001", "CN-000001", "INV-000002"])
        #expect(throws: (any Error).self) {
            try shop.db.writer.write { try $0.execute(sql: "DELETE FROM work_order_credit_note") }
        }
        let audit: String? = try shop.scalar(
            "SELECT changes FROM audit_log WHERE entity = 'credit_note' AND entity_id = 'CN-000001'")
        #expect(audit?.contains("INV-000001") == true)
    }

    @Test("L-10: a submitted claim, an unsettled order or no reason refuses the credit, nothing written")
    func creditRefused() throws {
        let shop = try WorkshopFixture()
        let number = try shop.settledOrder()
        let claim: Int64 = try #require(try shop.scalar("SELECT id FROM claim WHERE repair_order = ?", [number]))
        _ = try shop.db.transitionClaim(claim, .submit, actor: "索赔员")
        let blocked = #expect(throws: Conflict.self) {
            try shop.db.creditWorkOrder(number, reason: "开错票", actor: "王顾问")
        }
        #expect(
            blocked?.sentence.rendered().contains("claim \(claim)") == true
                && blocked?.sentence.rendered().contains("L-10") == true)
        #expect(throws: InvalidInput.self) { try shop.db.creditWorkOrder(number, reason: "  ", actor: "王顾问") }
        let open = try shop.open(mileage: 30_100).number
        #expect(throws: Conflict.self) { try shop.db.creditWorkOrder(open, reason: "x", actor: "王顾问") }
        #expect(try shop.scalar("SELECT count(*) FROM work_order_credit_note") == 0)
        #expect(try shop.scalar("SELECT invoice_number FROM work_order WHERE number = ?", [number]) == "INV-000001")
    }

    @Test("L-10: a delivered order credited stays delivered; its new invoice needs no second delivery")
    func creditDelivered() throws {
        let shop = try WorkshopFixture()
        let number = try shop.settledOrder()
        let delivered = try shop.db.deliverWorkOrder(number, note: "已说明", actor: "王顾问")
        let credit = try shop.db.creditWorkOrder(number, reason: "发票抬头错误", actor: "王顾问")
        #expect(credit.order.state == .qcPassed && credit.order.deliveredAt == delivered.deliveredAt)
        let again = try shop.db.settleWorkOrder(number, payment: .bankCard, actor: "王顾问")
        #expect(again.order.state == .delivered && again.order.invoice?.number == "INV-000002")
    }

    @Test("L-10: over random settles and credits the series stay gapless and invoices less credits are what is owed")
    func randomizedSeries() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var random = ReplayableGenerator(state: seed)
        let shop = try WorkshopFixture()
        var latest: [String: WorkOrder] = [:]
        for index in 0..<4 {
            let order = try shop.settled(mileage: 30_000 + index * 10, warranty: index == 3)
            latest[order.number] = order
        }
        let orders = latest.keys.sorted()
        for _ in 0..<30 {
            let number = orders[Int.random(in: 0..<orders.count, using: &random)]
            if latest[number]!.invoice == nil {
                let payment = PaymentMethod.allCases.randomElement(using: &random)!
                latest[number] = try shop.db.settleWorkOrder(number, payment: payment, actor: "王顾问").order
            } else {
                latest[number] = try shop.db.creditWorkOrder(number, reason: "更正", actor: "王顾问").order
            }
        }
        let invoices: [String] = try shop.db.writer.read {
            try String.fetchAll(
                $0,
                sql: """
                    SELECT invoice_number FROM work_order WHERE invoice_number IS NOT NULL \
                    UNION ALL SELECT invoice_number FROM work_order_credit_note ORDER BY 1
                    """)
        }
        #expect(invoices == (0..<invoices.count).map { Invoice.number(after: $0 == 0 ? nil : invoices[$0 - 1]) })
        #expect(invoices.count == Set(invoices).count, "seed \(seed)")
        let notes: [String] = try shop.db.writer.read {
            try String.fetchAll($0, sql: "SELECT number FROM work_order_credit_note ORDER BY number")
        }
        #expect(notes == (0..<notes.count).map { CreditNote.number(after: $0 == 0 ? nil : notes[$0 - 1]) })
        // Every invoice ever issued less every credit note is what the open invoices say the customers owe.
        var issued: Int64 = 0
        var owed: Int64 = 0
        var customerOwed: Int64 = 0
        for order in latest.values {
            issued += order.invoiceHistory.reduce(0) { $0 + $1.amount.fen }
            owed += order.invoice?.totals.total.fen ?? 0
            customerOwed += order.invoice?.totals.customer.fen ?? 0
        }
        #expect(issued == owed, "seed \(seed)")
        #expect(try shop.scalar("SELECT sum(amount_fen) FROM customer_revenue") == customerOwed, "seed \(seed)")
    }

    @Test("Q-8: a guarantee repair's lines go to the dealer, citing the first order; customer pay is refused")
    func guaranteeFree() throws {
        let shop = try WorkshopFixture()
        let first = try shop.open().number
        _ = try shop.job(first)
        _ = try shop.line(first)
        try shop.workThrough(first)
        _ = try shop.db.settleWorkOrder(first, payment: .cash, actor: "王顾问")
        _ = try shop.db.deliverWorkOrder(first, note: "已说明", actor: "王顾问")
        shop.clock.set(shop.clock.now().addingTimeInterval(3 * 86_400))
        let second = try shop.open(mileage: 30_300, promised: nil).number
        _ = try shop.job(second)
        let order = try shop.line(second, kind: "part", code: "5Q0 698 151", quantity: 1)
        #expect(order.lines.map(\.payer) == [.internal] && order.lines[0].reason?.contains(first) == true)
        #expect(order.lines[0].reason?.contains("Q-8") == true && order.totals.customer == Money(fen: 0))
        let refused = #expect(throws: Conflict.self) {
            try shop.db.changeWorkOrderPayer(second, line: 1, to: .customer, reason: nil, actor: "王顾问")
        }
        #expect(
            refused?.sentence.rendered().contains("Q-8") == true && refused?.sentence.rendered().contains(first) == true
        )
        // The second guarantee repair: another workshop at the dealer's cost, on the record.
        _ = try shop.line(second)
        try shop.workThrough(second)
        _ = try shop.db.settleWorkOrder(second, payment: .cash, actor: "王顾问")
        _ = try shop.db.deliverWorkOrder(second, note: "已说明", actor: "王顾问")
        shop.clock.set(shop.clock.now().addingTimeInterval(2 * 86_400))
        let third = try shop.open(mileage: 30_500, promised: nil).number
        _ = try shop.job(third)
        let record = try shop.db.workOrderSheet(third).record
        #expect(record.guaranteeRepairs.map(\.anotherWorkshop) == [true])
        #expect(record.guaranteeRepairs.first?.text.contains("another workshop") == true)
    }

    @Test("Parts: a line issued from stock shows it; settlement waits for it; a return reverses it")
    func issue() throws {
        let shop = try WorkshopFixture()
        let number = try shop.open().number
        _ = try shop.job(number)
        _ = try shop.line(number)
        _ = try shop.line(number, kind: "part", code: "5Q0 698 151", quantity: 2)
        _ = try shop.db.receiveStock(
            PartNumber(catalogue: "5Q0 698 151"), quantity: 5, supplierRef: "DN-1", actor: "配件经理")
        try shop.workThrough(number)
        let refused = #expect(throws: Conflict.self) {
            try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
        }
        #expect(
            refused?.sentence.rendered().contains("line 2") == true
                && refused?.sentence.rendered().contains("line issue") == true)
        #expect(throws: Conflict.self) { try shop.db.issueWorkOrderLine(number, line: 1, actor: "配件经理") }
        let issued = try shop.db.issueWorkOrderLine(number, line: 2, actor: "配件经理")
        #expect(issued.order.lines[1].issued == 2 && issued.outcome.stock.onHand == 3)
        #expect(throws: Conflict.self) { try shop.db.issueWorkOrderLine(number, line: 2, actor: "配件经理") }
        _ = try shop.db.returnStock(
            PartNumber(catalogue: "5Q0 698 151"), quantity: 1, from: OrderLine(order: number, line: 2),
            actor: "配件经理")
        #expect(try shop.db.workOrderSheet(number).order.lines[1].issued == 1)
        #expect(throws: Conflict.self) { try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问") }
        _ = try shop.db.issueWorkOrderLine(number, line: 2, actor: "配件经理")
        #expect(try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问").order.invoice != nil)
    }

    @Test("Q-7, K-5: stock short, the shortage is recorded, routed to the parts manager and is the delay reason")
    func shortage() throws {
        let shop = try WorkshopFixture()
        let number = try shop.open().number
        _ = try shop.job(number)
        _ = try shop.line(number, kind: "part", code: "5Q0 698 151", quantity: 3)
        _ = try shop.db.receiveStock(
            PartNumber(catalogue: "5Q0 698 151"), quantity: 1, supplierRef: "DN-1", actor: "配件经理")
        let short = try shop.db.issueWorkOrderLine(number, line: 1, actor: "配件经理")
        let shortage = try #require(short.outcome.shortage)
        #expect(shortage.missing == 2 && shortage.routedTo == .partsManager && short.outcome.movement == nil)
        #expect(short.order.delayReason == "parts shortage (Q-7): 2 × part 5Q0 698 151 missing for line 1")
        #expect(short.order.lines[0].issued == 0 && short.outcome.stock.onHand == 1)
        let delay: String? = try shop.scalar(
            "SELECT changes FROM audit_log WHERE entity = 'work_order' AND action = 'issue' AND entity_id = ?", [number]
        )
        #expect(delay?.contains("parts shortage") == true)
    }
}
