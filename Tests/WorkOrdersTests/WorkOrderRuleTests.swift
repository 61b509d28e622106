import Catalog
import Core
import Foundation
import Testing
import Warranty

@testable import WorkOrders

/// Fixtures of the repair-order rules.
enum Fixture {
    static let vin = try! VIN.parse("LSVAU2180N2183294")

    static func at(_ text: String) -> Date { Instant.parse(text, timeZone: TimeZone(identifier: "Asia/Shanghai")!)! }

    static let covered = WarrantyDecision(
        covered: true, coveredBy: "vehicle warranty", summary: "covered by vehicle warranty", warrantyStart: nil,
        reasons: [])
    static let refused = WarrantyDecision(
        covered: false, coveredBy: nil, summary: "not covered: months over", warrantyStart: nil, reasons: [])

    static func order() -> WorkOrder {
        WorkOrder(
            number: "RO-20261206-001", vin: vin, advisor: "王芳",
            reception: Reception(
                arrivedAt: at("2026-12-06 09:00"), mileage: 12_000, fuelPercent: 50, concerns: ["刹车异响"],
                promisedAt: at("2026-12-06 17:00")))
    }

    static func job(
        _ title: String = "更换前刹车片", kind: JobKind = .minorRepair, component: String? = "制动系统"
    )
        -> Job
    {
        Job(number: 0, title: title, kind: kind, system: .brakes, component: component, fault: "刹车时有异响")
    }

    static func labour(
        job: Int, centihours: Int = 80, payer: Payer = .customer, decision: WarrantyDecision? = nil
    )
        -> WorkOrderLine
    {
        WorkOrderLine(
            number: 0, job: job, kind: .labour, code: "47 11 19 00", description: "前刹车片更换",
            quantityHundredths: centihours, unitPrice: Money(fen: 12_000), payer: payer, decision: decision)
    }

    /// An order with one approved job and one labour line.
    static func approved() throws -> WorkOrder {
        var order = order()
        try order.addJob(job())
        try order.addLine(labour(job: 1))
        try order.makeQuote(by: "王芳", at: at("2026-12-06 09:20"))
        try order.answer(job: 1, approved: true, by: "张伟", method: .signature, at: at("2026-12-06 09:25"))
        return order
    }
}

@Suite("Q-1, Q-3: lines priced half-up to the fen, totals per payer exact")
struct PricingTests {
    @Test(
        "Q-1: labour is standard hours × rate, rounded half-up per line",
        arguments: [
            (80, 12_000, 9_600), (33, 12_345, 4_074), (1, 50, 1), (1, 49, 0), (150, 13_333, 20_000),
        ])
    func labour(centihours: Int, rate: Int64, fen: Int64) {
        let operation = LabourOperation(code: "X", make: "大众", centihours: centihours, description: "d")
        let line = WorkOrderLine.labour(
            number: 1, job: 1, operation: operation, labourRate: Money(fen: rate), payer: .customer)
        #expect(line.amount == Money(fen: fen))
        #expect(line.amount == operation.price(labourRate: Money(fen: rate)))
    }

    @Test("Q-1: a part line takes the price in force on the day")
    func partPrice() throws {
        let part = CatalogPart(number: "5Q0 615 301", name: "刹车片", price: Money(fen: 50_000), currency: "CNY")
        let prices = [
            PartPrice(price: Money(fen: 40_000), currency: "CNY", effective: LocalDate("2026-01-01")!, source: "a"),
            PartPrice(price: Money(fen: 45_000), currency: "CNY", effective: LocalDate("2026-12-10")!, source: "b"),
        ]
        let line = try WorkOrderLine.part(
            number: 1, job: 1, part: part, prices: prices, on: LocalDate("2026-12-06")!, quantity: 2, payer: .customer)
        #expect(line.amount == Money(fen: 80_000))
        #expect(throws: InvalidInput.self) {
            try WorkOrderLine.part(
                number: 1, job: 1, part: part, prices: prices, on: LocalDate("2025-12-06")!, quantity: 1,
                payer: .customer)
        }
    }

    @Test("Q-3: totals per payer add up exactly to the whole, each line rounded first")
    func totals() {
        let lines = [
            Fixture.labour(job: 1, centihours: 33), Fixture.labour(job: 1, centihours: 17, payer: .warranty),
            Fixture.labour(job: 2, centihours: 5, payer: .goodwill),
            Fixture.labour(job: 2, centihours: 1, payer: .internal),
        ]
        let totals = PayerTotals(lines)
        #expect(totals.customer == Money(fen: 3_960))
        #expect(totals.total.fen == lines.reduce(0) { $0 + $1.amount.fen })
        #expect(Payer.allCases.reduce(0) { $0 + totals[$1].fen } == totals.total.fen)
    }

    @Test("Q-3, W-8: a refused decision forbids the warranty payer; leaving warranty needs a reason")
    func payer() throws {
        var order = Fixture.order()
        try order.addJob(Fixture.job())
        #expect(throws: Conflict.self) { try order.addLine(Fixture.labour(job: 1, payer: .warranty)) }
        #expect(throws: Conflict.self) {
            try order.addLine(Fixture.labour(job: 1, payer: .warranty, decision: Fixture.refused))
        }
        try order.addLine(Fixture.labour(job: 1, payer: .warranty, decision: Fixture.covered))
        #expect(order.lines[0].decision?.covered == true)
        #expect(throws: InvalidInput.self) {
            try order.changePayer(line: 1, to: .customer, decision: nil, reason: " ")
        }
        try order.changePayer(line: 1, to: .goodwill, decision: nil, reason: "厂家拒赔，店内善意补偿")
        #expect(order.lines[0].payer == .goodwill)
    }

    @Test("Q-3: VAT contained in the total, invoice numbers without gaps")
    func invoice() {
        #expect(Invoice.vat(in: Money(fen: 11_300), percent: 13) == Money(fen: 1_300))
        #expect(Invoice.vat(in: Money(fen: 100), percent: 13) == Money(fen: 12))
        #expect(Invoice.number(after: nil) == "INV-000001")
        #expect(Invoice.number(after: "INV-000041") == "INV-000042")
    }
}

@Suite("A-6, Q-2, Q-4: the order's states, approval before work, the quality check")
struct WorkflowTests {
    @Test("Q-2: no clock-on before the customer approves; a quoted job goes back to open when changed")
    func approvalFirst() throws {
        var order = Fixture.order()
        try order.addJob(Fixture.job())
        try order.addLine(Fixture.labour(job: 1))
        #expect(throws: Conflict.self) {
            try order.clockOn(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 10:00"))
        }
        let quote = try order.makeQuote(by: "王芳", at: Fixture.at("2026-12-06 09:20"))
        #expect(quote.version == 1 && quote.totals.customer == Money(fen: 9_600))
        #expect(order.state == .quoted)
        #expect(throws: Conflict.self) {
            try order.clockOn(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 10:00"))
        }
        try order.answer(job: 1, approved: true, by: "张伟", method: .wechat, at: Fixture.at("2026-12-06 09:30"))
        #expect(order.jobs[0].approval?.method == .wechat && order.jobs[0].approval?.quote == 1)
        try order.clockOn(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 10:00"))
        #expect(order.state == .inWork)
    }

    @Test("Q-2: work found during the repair is a supplementary job with its own quote version and approval")
    func supplementary() throws {
        var order = try Fixture.approved()
        #expect(throws: Conflict.self) { try order.addLine(Fixture.labour(job: 1)) }
        try order.addJob(Fixture.job("更换刹车盘", kind: .minorRepair))
        #expect(order.jobs[1].supplementary)
        try order.addLine(Fixture.labour(job: 2, centihours: 120))
        let quote = try order.makeQuote(by: "王芳", at: Fixture.at("2026-12-06 11:00"))
        #expect(quote.version == 2 && quote.supplementary && quote.jobs == [2])
        try order.answer(job: 2, approved: false, by: "张伟", method: .phone, at: Fixture.at("2026-12-06 11:05"))
        #expect(order.jobs[1].state == .declined)
        #expect(order.declinedValue == Money(fen: 14_400))
        #expect(order.totals.total == Money(fen: 9_600))
    }

    @Test("Q-4: a failed check sends the job back to work with its reason; a pass ends the repair")
    func qualityCheck() throws {
        var order = try Fixture.approved()
        try order.clockOn(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 10:00"))
        let failed = try QualityCheck(
            failed: [.concern], roadTestKilometres: 5, reason: "路试仍有异响", by: "赵磊", at: Fixture.at("2026-12-06 11:00"))
        #expect(throws: Conflict.self) { try order.recordCheck(job: 1, failed) }
        try order.clockOff(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 10:45"))
        #expect(order.jobs[0].clockedCentihours(until: Fixture.at("2026-12-06 12:00")) == 75)
        try order.recordCheck(job: 1, failed)
        #expect(order.jobs[0].state == .qcFailed && order.jobs[0].qcFailure == "路试仍有异响")
        #expect(throws: InvalidInput.self) {
            try QualityCheck(failed: [.engine], roadTestKilometres: 3, reason: nil, by: "赵磊", at: Date())
        }
        try order.clockOn(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 11:10"))
        try order.clockOff(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 11:30"))
        try order.recordCheck(
            job: 1,
            try QualityCheck(
                failed: [], roadTestKilometres: 5, reason: nil, by: "赵磊", at: Fixture.at("2026-12-06 11:40")))
        #expect(order.state == .qcPassed)
        #expect(order.jobs[0].repairStart == Fixture.at("2026-12-06 10:00"))
        #expect(order.jobs[0].repairEnd == Fixture.at("2026-12-06 11:40"))
    }

    @Test("Q-3, L-10: settled with an invoice; a settled order is never edited; delivery after settlement")
    func settleAndDeliver() throws {
        var order = try Fixture.approved()
        #expect(throws: Conflict.self) {
            try order.settle(invoice: "INV-000001", payment: .alipay, vatPercent: 13, at: Date())
        }
        try order.clockOn(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 10:00"))
        try order.clockOff(job: 1, technician: "刘强", at: Fixture.at("2026-12-06 10:45"))
        try order.recordCheck(
            job: 1,
            try QualityCheck(
                failed: [], roadTestKilometres: 3, reason: nil, by: "赵磊", at: Fixture.at("2026-12-06 11:00")))
        #expect(throws: Conflict.self) { try order.deliver(at: Date(), note: nil) }
        try order.settle(invoice: "INV-000001", payment: .wechatPay, vatPercent: 13, at: Fixture.at("2026-12-06 16:00"))
        #expect(order.invoice?.totals.customer == Money(fen: 9_600))
        #expect(order.state == .settled)
        #expect(throws: Conflict.self) { try order.addJob(Fixture.job()) }
        #expect(throws: Conflict.self) { try order.removeLine(1) }
        try order.deliver(at: Fixture.at("2026-12-06 16:30"), note: "已向客户说明更换刹车片")
        #expect(order.state == .delivered)
        let record = RepairRecord(order)
        #expect(record.labourCentihours == 80 && record.labourCost == Money(fen: 9_600))
        #expect(record.signedByCustomer == ["张伟"] && record.customerDescription == ["刹车异响"])
        #expect(record.deliveredAt == Fixture.at("2026-12-06 16:30"))
    }
}

@Suite("Q-5, Q-7, Q-8: guarantee, comeback, delivery time")
struct GuaranteeTests {
    let settings = DealerSettings()

    @Test(
        "Q-8: the legal guarantees per job kind, whichever limit comes first",
        arguments: [
            (JobKind.majorAssembly, 20_000, 100), (.wholeVehicle, 20_000, 100), (.secondLevelMaintenance, 5_000, 30),
            (.firstLevelMaintenance, 2_000, 10), (.minorRepair, 2_000, 10), (.specialRepair, 2_000, 10),
        ])
    func guarantees(kind: JobKind, km: Int, days: Int) {
        let guarantee = RepairGuarantee.of(kind, settings: settings)
        #expect(guarantee == RepairGuarantee(kilometres: km, days: days))
        let left = LocalDate("2026-12-01")!
        #expect(
            guarantee.covers(departed: left, departedMileage: 10_000, on: left.adding(days: days), mileage: 10_000 + km)
        )
        #expect(
            !guarantee.covers(departed: left, departedMileage: 10_000, on: left.adding(days: days + 1), mileage: 10_000)
        )
        #expect(!guarantee.covers(departed: left, departedMileage: 10_000, on: left, mileage: 10_001 + km))
    }

    @Test("Q-8: a dealer may promise more, never less than the law")
    func legalMinimum() throws {
        #expect(throws: InvalidInput.self) { try Setting.guaranteeMajorKilometres.validate("19999") }
        #expect(throws: InvalidInput.self) { try Setting.guaranteeMinorDays.validate("9") }
        #expect(try Setting.guaranteeMinorDays.validate("15") == "15")
        var generous = DealerSettings()
        generous.set(.guaranteeMinorDays, "15")
        #expect(RepairGuarantee.of(.minorRepair, settings: generous).days == 15)
    }

    @Test("Q-5, Q-8: the same component within the guarantee is a guarantee repair and a comeback, linked")
    func repeatRepair() {
        let earlier = EarlierJob(
            order: "RO-1", job: 1, kind: .minorRepair, title: "刹车片", component: "制动 系统", operations: ["47"],
            departed: LocalDate("2026-12-01")!, departedMileage: 12_000)
        let found = RepeatRepair.find(
            component: "制动系统", operations: [], on: LocalDate("2026-12-06")!, mileage: 12_500, among: [earlier],
            settings: settings)
        #expect(found?.underGuarantee == true && found?.comeback == true && found?.earlier.order == "RO-1")
        #expect(found?.anotherWorkshop == false)
        // Past the 10 days of a minor repair but within the 30-day comeback window (Q-5 only).
        let later = RepeatRepair.find(
            component: nil, operations: ["47"], on: LocalDate("2026-12-20")!, mileage: 12_600, among: [earlier],
            settings: settings)
        #expect(later?.underGuarantee == false && later?.comeback == true)
        #expect(
            RepeatRepair.find(
                component: "发动机", operations: [], on: LocalDate("2026-12-06")!, mileage: 12_500, among: [earlier],
                settings: settings) == nil)
        var second = earlier
        second.guaranteeRepairs = 1
        let again = RepeatRepair.find(
            component: "制动系统", operations: [], on: LocalDate("2026-12-06")!, mileage: 12_500, among: [second],
            settings: settings)
        #expect(again?.anotherWorkshop == true)
    }

    @Test("Q-7: an order near its promised time with work left is at risk, with the reasons")
    func atRisk() throws {
        var order = try Fixture.approved()
        #expect(DeliveryRisk.assess(order, now: Fixture.at("2026-12-06 12:00"), warnHours: 2).isEmpty)
        let near = DeliveryRisk.assess(order, now: Fixture.at("2026-12-06 15:30"), warnHours: 2)
        #expect(near == [.near(minutes: 90, jobsLeft: 1)])
        order.delayReason = "等待零件"
        #expect(
            DeliveryRisk.assess(order, now: Fixture.at("2026-12-06 17:10"), warnHours: 2) == [
                .late(minutes: 10), .delayed("等待零件"),
            ])
        order.reception.promisedAt = nil
        #expect(DeliveryRisk.assess(order, now: Fixture.at("2026-12-06 12:00"), warnHours: 2).first == .noPromise)
    }
}

@Suite("A-6, Q-1: the forms")
struct WorkOrderFormTests {
    let zone = TimeZone(identifier: "Asia/Shanghai")!

    @Test("A-6: reception needs the vehicle, the mileage and a concern; the promise comes after arrival")
    func reception() throws {
        var form = ReceptionForm()
        #expect(throws: InvalidInput.self) { try form.validated(now: Date(), timeZone: zone) }
        form.vin = "京A·12345"
        form.mileage = 12_000
        let error = #expect(throws: InvalidInput.self) { try form.validated(now: Date(), timeZone: zone) }
        #expect(error?.field == "concerns")
        form.concerns = ["刹车异响", " "]
        form.promisedAt = "2026-12-06 08:00"
        #expect(throws: InvalidInput.self) { try form.validated(now: Fixture.at("2026-12-06 09:00"), timeZone: zone) }
        form.promisedAt = "2026-12-06 17:00"
        let valid = try form.validated(now: Fixture.at("2026-12-06 09:00"), timeZone: zone)
        #expect(valid.reception.concerns == ["刹车异响"] && valid.reception.fuelPercent == 50)
    }

    @Test("Q-1: other work needs a price and a reason; labour and parts take no price")
    func line() throws {
        var form = WorkOrderLineForm()
        form.job = 1
        form.code = "SUBLET"
        form.kind = "other"
        #expect(throws: InvalidInput.self) { try form.validated() }
        form.price = "300"
        #expect(throws: InvalidInput.self) { try form.validated() }
        form.reason = "四轮定位外协"
        #expect(try form.validated().price == Money(fen: 30_000))
        form.kind = "labour"
        #expect(throws: InvalidInput.self) { try form.validated() }
        form.kind = "bogus"
        #expect(throws: InvalidInput.self) { try form.validated() }
    }
}

@Suite("A-6: editing a job's facts")
struct JobEditTests {
    @Test("An empty title is refused naming the field; an absent one leaves the title (found by schemathesis)")
    func emptyTitle() throws {
        var order = try Fixture.approved()
        var form = JobForm()
        form.title = "  "
        let error = #expect(throws: InvalidInput.self) { try order.editJob(1, form) }
        #expect(error?.field == "title")
        form.title = nil
        form.finding = "前刹车片磨损到限"
        try order.editJob(1, form)
        #expect(order.jobs[0].title == "更换前刹车片" && order.jobs[0].finding == "前刹车片磨损到限")
    }
}
