import Core
import Foundation
import Testing

@testable import WorkOrders

@Suite("The service manager's report: what counts and how it is rounded (issue 17 Reports)")
struct WorkOrderReportTests {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    static func at(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    /// A settled order: job 1 worked (0.9 h labour at 120.00 for the customer, a part under warranty), job 2
    /// declined (0.5 h at 120.00), one spell of 70 minutes.
    static func order(
        _ number: String, settled: String, promised: String? = nil, delivered: String? = nil,
        comeback: Bool = false, guarantee: Bool = false, failedCheck: Bool = false, bulletin: String? = nil
    ) throws -> WorkOrder {
        let start = at("2026-12-05T09:00:00+08:00")
        var order = WorkOrder(
            number: number, vin: VIN(trusted: "LFV2A21K3N3000123"), advisor: "王顾问",
            reception: Reception(
                arrivedAt: start, mileage: 1, fuelPercent: 50, concerns: ["异响"], promisedAt: promised.map(at)),
            jobs: [
                Job(
                    number: 1, title: "刹车", kind: .minorRepair, system: .brakes, fault: "异响", state: .qcPassed,
                    spells: [ClockSpell(technician: "刘强", start: start, end: start.addingTimeInterval(70 * 60))],
                    guaranteeOf: guarantee ? "RO-1" : nil, comebackOf: comeback ? "RO-1" : nil),
                Job(number: 2, title: "雨刮", kind: .minorRepair, system: .body, fault: "刮不净", state: .declined),
            ],
            lines: [
                WorkOrderLine(
                    number: 1, job: 1, kind: .labour, code: "47", description: "工时", quantityHundredths: 90,
                    unitPrice: Money(fen: 12_000), payer: .customer, bulletin: bulletin),
                WorkOrderLine(
                    number: 2, job: 1, kind: .part, code: "P", description: "零件", quantityHundredths: 100,
                    unitPrice: Money(fen: 45_000), payer: .warranty),
                WorkOrderLine(
                    number: 3, job: 2, kind: .labour, code: "92", description: "工时", quantityHundredths: 50,
                    unitPrice: Money(fen: 12_000), payer: .customer),
            ],
            deliveredAt: delivered.map(at))
        if failedCheck {
            order.checks[1] = [
                try QualityCheck(failed: [.concern], roadTestKilometres: 2, reason: "仍有异响", by: "赵磊", at: start)
            ]
        }
        order.invoice = Invoice(
            number: "INV-\(number)", at: at(settled), totals: order.totals, payment: .cash, vatPercent: 13)
        return order
    }

    @Test("Orders count on the day of their invoice in the dealer's zone; declined jobs sell no hours (Q-1, Q-2)")
    func countsByInvoiceDay() throws {
        let orders = [
            // 23:30 on the 5th in Beijing is still the 5th; 00:10 on the 7th is outside the period.
            try Self.order("A", settled: "2026-12-05T23:30:00+08:00"),
            try Self.order("B", settled: "2026-12-06T10:00:00+08:00", bulletin: "RC-2026-017"),
            try Self.order("C", settled: "2026-12-07T00:10:00+08:00"),
        ]
        let (days, total) = WorkOrderReport.counts(
            of: orders, from: LocalDate("2026-12-05")!, to: LocalDate("2026-12-06")!, zone: Self.zone,
            now: Self.at("2026-12-08T00:00:00+08:00"))
        #expect(days[LocalDate("2026-12-05")!]?.orders == 1 && days[LocalDate("2026-12-06")!]?.orders == 1)
        #expect(total.orders == 2 && total.soldCentihours == 180 && total.labourFen == 21_600)
        #expect(total.declinedFen == 12_000 && total.revenue.warranty == Money(fen: 90_000))
        // 70 minutes is 1.17 h per order; one technician on one day (W-6: one recall done).
        #expect(total.clockedCentihours == 234 && total.technicianDays == 1 && total.bulletinsCompleted == 1)
    }

    @Test("Q-5, Q-8, Q-4: comebacks and guarantee repairs; first-time fix excludes them and failed checks")
    func comebacksAndFirstTimeFix() throws {
        let orders = [
            try Self.order("A", settled: "2026-12-05T10:00:00+08:00"),
            try Self.order("B", settled: "2026-12-05T10:00:00+08:00", comeback: true, guarantee: true),
            try Self.order("C", settled: "2026-12-05T10:00:00+08:00", failedCheck: true),
            try Self.order("D", settled: "2026-12-05T10:00:00+08:00"),
        ]
        let day = LocalDate("2026-12-05")!
        let counts = WorkOrderReport.counts(
            of: orders, from: day, to: day, zone: Self.zone,
            now: Self.at(
                "2026-12-06T00:00:00+08:00"))
        let report = WorkOrderReport(from: day, to: day, days: counts.days, total: counts.total, shiftHours: 8)
        #expect(report.comebackOrders == 1 && report.comebackRate.decimal == "25.0")
        #expect(report.guaranteeRepairs == 1)
        #expect(report.firstTimeFixed == 2 && report.firstTimeFixRate.decimal == "50.0")
    }

    @Test("Q-7: kept when delivered by the promised instant; an undelivered promise counts once it has passed")
    func promises() throws {
        let orders = [
            try Self.order(
                "A", settled: "2026-12-05T10:00:00+08:00", promised: "2026-12-05T17:00:00+08:00",
                delivered: "2026-12-05T17:00:00+08:00"),
            try Self.order(
                "B", settled: "2026-12-05T10:00:00+08:00", promised: "2026-12-05T17:00:00+08:00",
                delivered: "2026-12-05T17:00:01+08:00"),
            try Self.order("C", settled: "2026-12-05T10:00:00+08:00", promised: "2026-12-05T12:00:00+08:00"),
            try Self.order("D", settled: "2026-12-05T10:00:00+08:00", promised: "2026-12-05T20:00:00+08:00"),
        ]
        let day = LocalDate("2026-12-05")!
        let counts = WorkOrderReport.counts(
            of: orders, from: day, to: day, zone: Self.zone, now: Self.at("2026-12-05T18:00:00+08:00")
        ).total
        #expect(counts.promisesDue == 3 && counts.promisesKept == 1)
        let report = WorkOrderReport(from: day, to: day, days: [:], total: counts, shiftHours: 8)
        #expect(report.promisedKeptRate.decimal == "33.3")
    }

    @Test("Ratios round half-up once at the end; a zero denominator is absent with its reason")
    func ratios() {
        var total = WorkOrderReportCounts()
        total.orders = 3
        total.soldCentihours = 200
        total.labourFen = 23_999
        total.clockedCentihours = 0
        let day = LocalDate("2026-12-05")!
        let report = WorkOrderReport(
            from: day, to: day.adding(days: 2), days: [day: total], total: total, shiftHours: 8)
        // 2.00 h / 3 orders = 0.666… → 0.67; 239.99 / 2 h = 119.995 → 120.00 an hour.
        #expect(report.hoursPerOrder.decimal == "0.67" && report.effectiveLabourRate.decimal == "120.00")
        #expect(report.efficiency.steps == nil && report.efficiency.absent == .noClockedHours)
        #expect(report.productivity.absent == .noAttendedHours && report.promisedKeptRate.absent == .noPromises)
        #expect(report.days.map(\.orders) == [3, 0, 0] && report.days[1].hoursPerOrder.absent == .noOrders)
        let empty = WorkOrderReport(from: day, to: day, days: [:], total: WorkOrderReportCounts(), shiftHours: 8)
        #expect(empty.hoursPerOrder.absent == .noOrders && empty.effectiveLabourRate.absent == .noSoldHours)
        #expect(empty.comebackRate.absent == .noOrders && empty.firstTimeFixRate.absent == .noOrders)
    }

    @Test("Productivity: clocked hours over the shift hours of each technician-day")
    func productivity() {
        var total = WorkOrderReportCounts()
        total.orders = 1
        total.soldCentihours = 700
        total.clockedCentihours = 1_200
        total.technicianDays = 2
        let day = LocalDate("2026-12-05")!
        let report = WorkOrderReport(from: day, to: day, days: [:], total: total, shiftHours: 8)
        #expect(report.attendedCentihours == 1_600 && report.productivity.decimal == "75.0")
        #expect(report.efficiency.decimal == "58.3")
    }

    @Test("A period runs forwards and covers at most 366 days, naming the option")
    func period() {
        let error = #expect(throws: InvalidInput.self) {
            try WorkOrderReport.checkPeriod(
                from: LocalDate("2026-12-06")!, to: LocalDate("2026-12-05")!, fromField: "--from", toField: "--to")
        }
        #expect(error?.field == "--from")
        let long = #expect(throws: InvalidInput.self) {
            try WorkOrderReport.checkPeriod(
                from: LocalDate("2025-01-01")!, to: LocalDate("2026-01-02")!, fromField: "--from", toField: "--to")
        }
        #expect(long?.field == "--to")
    }

    @Test("In Chinese: an absent ratio says why")
    func chinese() {
        let zh = Speech(.zh)
        let text = ReportRatio.percent(1, of: 0, gap: .noClockedHours).spoken(percent: true).rendered(zh)
        #expect(text == "无：没有实际工时（无人打卡）")
        for gap in ReportGap.allCases { #expect(Phrasebook.chinese[gap.spoken.key] != nil, "\(gap.spoken.key)") }
    }
}
