import Core
import Foundation
import Stock
import Testing

@Suite("Stock rules: counts, issues, returns, adjustments, shortages")
struct StockRuleTests {
    let part = PartNumber("5Q0 611 701 C")!
    let line = OrderLine(order: "WO-2026-0001", line: 2)

    @Test("A receipt adds, an issue takes away, an adjustment moves the count to what was found")
    func deltas() throws {
        let facts = StockRules.Facts(part: part, onHand: 5)
        #expect(try StockRules.delta(of: .receipt(quantity: 10, supplierRef: "DN-1"), facts) == 10)
        #expect(try StockRules.delta(of: .issue(quantity: 5, to: line), facts) == -5)
        #expect(try StockRules.delta(of: .adjustment(counted: 3, reason: "盘点"), facts) == -2)
        #expect(try StockRules.delta(of: .adjustment(counted: 9, reason: "盘点"), facts) == 4)
    }

    @Test("An issue beyond the count is refused naming the part, what is on hand and what was asked")
    func shortfall() {
        let facts = StockRules.Facts(part: part, onHand: 2)
        #expect(throws: StockShortfall(part: part, onHand: 2, asked: 5, line: line)) {
            try StockRules.delta(of: .issue(quantity: 5, to: line), facts)
        }
        let error = StockShortfall(part: part, onHand: 2, asked: 5, line: line)
        #expect(error.missing == 3)
        #expect(error.field == "quantity")
        #expect(error.kind == .conflict)
        let english = error.phrase.rendered(Speech(.en))
        #expect(english.contains("part 5Q0 611 701 C: 2 on hand, 5 asked for order WO-2026-0001 line 2"))
    }

    @Test("stock.allow-negative: the parts manager may let an issue take the count below zero")
    func negativeAllowed() throws {
        var settings = DealerSettings()
        #expect(settings.allowNegativeStock == false)
        settings.set(.stockAllowNegative, try Setting.stockAllowNegative.validate("YES"))
        #expect(settings.allowNegativeStock)
        let facts = StockRules.Facts(part: part, onHand: 1, allowNegative: settings.allowNegativeStock)
        #expect(try StockRules.delta(of: .issue(quantity: 4, to: line), facts) == -4)
        #expect(throws: InvalidInput.self) { try Setting.stockAllowNegative.validate("maybe") }
    }

    @Test("A return brings back at most what the order line holds")
    func returnLimit() throws {
        let facts = StockRules.Facts(part: part, onHand: 0, heldByLine: 2)
        #expect(try StockRules.delta(of: .return(quantity: 2, from: line), facts) == 2)
        #expect(throws: Conflict.self) { try StockRules.delta(of: .return(quantity: 3, from: line), facts) }
    }

    @Test("Q-7, K-5: a shortage names the missing pieces as the order's delay reason, routed to the parts manager")
    func shortage() {
        let shortage = Shortage(
            StockShortfall(part: part, onHand: -1, asked: 2, line: line), at: Date(timeIntervalSince1970: 0),
            by: "刘强")
        #expect(shortage.missing == 2)
        #expect(shortage.routedTo == .partsManager)
        #expect(shortage.isOpen)
        #expect(
            shortage.delayReason.rendered(Speech(.en))
                == "parts shortage (Q-7): 2 × part 5Q0 611 701 C missing for line 2")
    }

    @Test("Part numbers: letters, digits, spaces, dots, dashes; upper-cased; nothing else")
    func partNumbers() {
        #expect(PartNumber("5q0  611 701 c")?.value == "5Q0 611 701 C")
        #expect(PartNumber("5Q0611701C")?.compact == "5Q0611701C")
        #expect(PartNumber("06l-115.562 b")?.value == "06L-115.562 B")
        for bad in ["", " 5Q0", "5Q0 ", "5Q0_611", "5Q0/611", "配件", "-5Q0", String(repeating: "A", count: 41)] {
            #expect(PartNumber(bad) == nil, "\(bad)")
        }
    }

    @Test("The movement form reads each kind's fields and names the one at fault")
    func form() throws {
        var form = StockForm()
        form.part = "5Q0 611 701 C"
        form.quantity = 4
        form.supplierRef = " DN-8812 "
        #expect(try form.validated(.receipt).change == .receipt(quantity: 4, supplierRef: "DN-8812"))
        #expect(throws: InvalidInput(field: "order", "is required")) { try form.validated(.issue) }
        form.order = "WO-1"
        form.line = 0
        #expect((try? form.validated(.issue)) == nil)
        form.line = 1
        #expect(try form.validated(.issue).change == .issue(quantity: 4, to: OrderLine(order: "WO-1", line: 1)))
        form.quantity = 0
        #expect(throws: InvalidInput.self) { try form.validated(.return) }
        #expect(throws: InvalidInput(field: "counted", "is required (the count found on the shelf)")) {
            try form.validated(.adjustment)
        }
        form.counted = 0
        form.reason = "盘点"
        #expect(try form.validated(.adjustment).change == .adjustment(counted: 0, reason: "盘点"))
        form.part = "5Q0_611"
        #expect((try? form.validated(.adjustment)) == nil)
    }
}
