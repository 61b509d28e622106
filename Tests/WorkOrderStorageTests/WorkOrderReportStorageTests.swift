import Core
import Foundation
import GRDB
import TestSupport
import Testing
import WorkOrders

@testable import Storage
@testable import WorkOrderStorage

@Suite("The work-order report in SQL equals its pure definition (issue 17 Reports)")
struct WorkOrderReportStorageTests {
    /// Random orders written as rows: settled inside and outside the period, declined jobs, spells across midnight
    /// and on whole minutes, failed checks, comebacks, guarantee repairs, promises kept or not,
    /// recall lines (W-6), every payer.
    static func randomOrders(_ rng: inout SeededRandom, count: Int, around base: Date) -> [WorkOrder] {
        let technicians = ["刘强", "赵磊", "张伟"]
        func at(_ hours: ClosedRange<Int>) -> Date {
            base.addingTimeInterval(
                Double(
                    Int.random(
                        in: hours.lowerBound * 3_600...hours.upperBound * 3_600,
                        using: &rng)))
        }
        return (0..<count).map { index in
            let arrived = at(-72...240)
            let promised: Date? =
                Bool.random(using: &rng)
                ? arrived.addingTimeInterval(Double(Int.random(in: 0...(72 * 3_600), using: &rng))) : nil
            var jobs: [Job] = []
            var lines: [WorkOrderLine] = []
            var checks: [Int: [QualityCheck]] = [:]
            for number in 1...Int.random(in: 1...3, using: &rng) {
                let declined = Int.random(in: 0..<4, using: &rng) == 0
                var spells: [ClockSpell] = []
                if !declined {
                    for _ in 0..<Int.random(in: 0...3, using: &rng) {
                        let start = arrived.addingTimeInterval(Double(Int.random(in: 0...86_400, using: &rng)))
                        // Whole minutes sometimes, to hold the rounding at its edges.
                        let seconds =
                            Bool.random(using: &rng)
                            ? 60 * Int.random(in: 0...300, using: &rng) : Int.random(in: 0...18_000, using: &rng)
                        spells.append(
                            ClockSpell(
                                technician: technicians.randomElement(using: &rng)!, start: start,
                                end: start.addingTimeInterval(Double(seconds))))
                    }
                    if Int.random(in: 0..<4, using: &rng) == 0 {
                        checks[number] = [
                            try! QualityCheck(
                                failed: [.engine], roadTestKilometres: 3, reason: "异响仍在", by: "赵磊", at: arrived)
                        ]
                    }
                }
                jobs.append(
                    Job(
                        number: number, title: "项目\(number)", kind: .minorRepair, system: .brakes, fault: "异响",
                        state: declined ? .declined : .qcPassed, spells: spells,
                        guaranteeOf: Int.random(in: 0..<5, using: &rng) == 0 ? "RO-20261101-001" : nil,
                        comebackOf: Int.random(in: 0..<5, using: &rng) == 0 ? "RO-20261101-001" : nil))
                for _ in 0..<Int.random(in: 0...4, using: &rng) {
                    let kind = LineKind.allCases.randomElement(using: &rng)!
                    let bulletin =
                        kind == .labour
                        ? [nil, nil, "RC-2026-017", "SC-2026-003"].randomElement(using: &rng)!
                        : nil
                    lines.append(
                        WorkOrderLine(
                            number: lines.count + 1, job: number, kind: kind, code: "C\(lines.count)",
                            description: "行", quantityHundredths: Int.random(in: 1...450, using: &rng),
                            unitPrice: Money(fen: Int64.random(in: 1...60_000, using: &rng)),
                            payer: Payer.allCases.randomElement(using: &rng)!, bulletin: bulletin))
                }
            }
            var order = WorkOrder(
                number: "RO-TEST-\(index)", vin: WorkshopFixture.vin, advisor: "王顾问",
                reception: Reception(
                    arrivedAt: arrived, mileage: 30_000, fuelPercent: 50, concerns: ["异响"],
                    promisedAt: promised),
                jobs: jobs, lines: lines, checks: checks)
            if Int.random(in: 0..<5, using: &rng) > 0 {
                let settled = arrived.addingTimeInterval(Double(Int.random(in: 0...(96 * 3_600), using: &rng)))
                order.invoice = Invoice(
                    number: "INV-T\(index)", at: settled, totals: order.totals, payment: .cash, vatPercent: 13)
                if Bool.random(using: &rng) {
                    order.deliveredAt = settled.addingTimeInterval(Double(Int.random(in: 0...86_400, using: &rng)))
                }
            }
            return order
        }
    }

    @Test("Randomized: the SQL sums and the pure definition give the same report, for several periods")
    func sqlEqualsDefinition() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededRandom(seed: seed)
        let shop = try WorkshopFixture(now: "2026-12-10T12:00:00+08:00")
        let base = instant("2026-12-03T00:00:00+08:00")
        var orders = Self.randomOrders(&rng, count: 400, around: base)
        try shop.db.writer.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, customer_id FROM vehicle")!
            for index in orders.indices {
                try orders[index].store(
                    db, vehicleID: row["id"], customerID: row["customer_id"], now: shop.db.now, actor: "t")
            }
        }
        let periods: [(String, String)] = [
            ("2026-12-01", "2026-12-31"), ("2026-12-05", "2026-12-05"), ("2026-12-04", "2026-12-08"),
            ("2026-11-01", "2026-11-30"),
        ]
        try compare(orders, periods: periods, shop: shop, seed: seed)
        // The migration's one pass in SQL (`fillSettledFigures`, for orders settled before the figures were kept)
        // gives the figures settlement writes from the pure definition.
        try shop.db.writer.write { db in
            try db.execute(
                sql: """
                    UPDATE work_order SET report_sold_centihours = NULL, report_labour_fen = NULL, \
                    report_declined_fen = NULL, report_bulletins = NULL, report_guarantee_jobs = NULL, \
                    report_comeback = NULL, report_first_time_fixed = NULL
                    """)
            try WorkOrderSchema.fillSettledFigures(db)
        }
        try compare(orders, periods: periods, shop: shop, seed: seed)
    }

    @Test("Randomized: the order list pages open orders first, then settled and delivered, each newest first")
    func listPages() throws {
        let seed = UInt64.random(in: 0...UInt64.max)
        var rng = SeededRandom(seed: seed)
        let shop = try WorkshopFixture(now: "2026-12-10T12:00:00+08:00")
        var orders = Self.randomOrders(&rng, count: 60, around: instant("2026-12-03T00:00:00+08:00"))
        try shop.db.writer.write { db in
            let row = try Row.fetchOne(db, sql: "SELECT id, customer_id FROM vehicle")!
            for index in orders.indices {
                try orders[index].store(
                    db, vehicleID: row["id"], customerID: row["customer_id"], now: shop.db.now, actor: "t")
            }
        }
        // The pure order: open first; then by arrival, newest first; then the later stored first.
        func closed(_ order: WorkOrder) -> Bool { [.settled, .delivered].contains(order.state) }
        let sorted = orders.enumerated().sorted { a, b in
            if closed(a.element) != closed(b.element) { return !closed(a.element) }
            if a.element.reception.arrivedAt != b.element.reception.arrivedAt {
                return a.element.reception.arrivedAt > b.element.reception.arrivedAt
            }
            return a.offset > b.offset
        }.map(\.element)
        for open in [true, false] {
            let expected = sorted.filter { !open || !closed($0) }.map(\.number)
            for limit in [7, 50] {
                var offset = 0
                var listed: [String] = []
                while true {
                    let page = try shop.db.listWorkOrders(open: open, limit: limit, offset: offset)
                    #expect(page.total == expected.count, "seed \(seed)")
                    listed += page.items.map(\.number)
                    if page.items.count < limit { break }
                    offset += limit
                }
                #expect(listed == expected, "seed \(seed), open \(open), limit \(limit)")
            }
        }
    }

    func compare(_ orders: [WorkOrder], periods: [(String, String)], shop: WorkshopFixture, seed: UInt64) throws {
        for (first, last) in periods {
            let from = LocalDate(first)!
            let to = LocalDate(last)!
            let zone = try shop.db.workOrderReportZone(from: from)
            let pure = WorkOrderReport.counts(of: orders, from: from, to: to, zone: zone, now: shop.db.now)
            let expected = WorkOrderReport(from: from, to: to, days: pure.days, total: pure.total, shiftHours: 8)
            let found = try shop.db.workOrderReport(from: from, to: to)
            #expect(found == expected, "seed \(seed), period \(first) to \(last)")
            if first == "2026-12-01" {
                // The random data reaches every figure (otherwise the comparison proves little).
                #expect(found.orders > 100 && found.clockedCentihours > 0 && found.declinedValue.fen > 0)
                #expect(found.comebackOrders > 0 && found.guaranteeRepairs > 0 && found.bulletinsCompleted > 0)
                #expect(found.promisesDue > found.promisesKept && found.promisesKept > 0, "seed \(seed)")
                #expect(found.firstTimeFixed > 0 && found.firstTimeFixed < found.orders)
            }
        }
    }

    @Test("An order worked through the use cases: settled today, it counts with its hours, rate and revenue")
    func throughTheUseCases() throws {
        let shop = try WorkshopFixture()
        let number = try shop.open().number
        _ = try shop.job(number)
        _ = try shop.line(number)
        try shop.workThrough(number)
        _ = try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
        let report = try shop.db.workOrderReport(from: LocalDate("2026-12-01")!, to: LocalDate("2026-12-06")!)
        #expect(report.orders == 1 && report.days.last?.orders == 1 && report.days.count == 6)
        #expect(report.soldCentihours == 90 && report.clockedCentihours == 100)
        // 108.00 for 0.9 h: 120.00 an hour; 0.9 of 1.0 clocked hours: 90.0 %; 1.0 of 8 attended: 12.5 %.
        #expect(report.effectiveLabourRate.steps == 12_000 && report.efficiency.steps == 900)
        #expect(report.productivity.steps == 125 && report.revenue.customer == Money(fen: 10_800))
        #expect(report.promisesDue == 0 && report.promisedKeptRate.absent == .noPromises)
        #expect(throws: InvalidInput.self) {
            try shop.db.workOrderReport(from: LocalDate("2026-12-07")!, to: LocalDate("2026-12-06")!)
        }
    }

    @Test("The month's report reads the settled orders through the index, not the whole table")
    func usesIndex() throws {
        let shop = try WorkshopFixture()
        let details = try shop.db.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT count(*) FROM work_order o \
                    WHERE o.settled_at IS NOT NULL AND o.settled_at >= ? AND o.settled_at < ?
                    """, arguments: [Date(), Date()]
            ).map { $0["detail"] as String }
        }
        #expect(details.contains { $0.contains("COVERING INDEX work_order_report") }, "\(details)")
    }
}

@Suite("The order sheet's lookups read indexes (issue 17's benchmark)")
struct WorkOrderSheetIndexTests {
    @Test("A vehicle's open complaints, and the undelivered orders of Q-7, are read through their own indexes")
    func sheetLookupsUseIndexes() throws {
        let shop = try WorkshopFixture()
        let plans = try shop.db.writer.read { db in
            (
                try Row.fetchAll(
                    db,
                    sql: """
                        EXPLAIN QUERY PLAN SELECT id FROM complaint WHERE vin = ? \
                        AND state NOT IN ('closed', 'invalid') ORDER BY id
                        """, arguments: ["LFV2A21K3N3000123"]
                ).map { $0["detail"] as String },
                try Row.fetchAll(
                    db,
                    sql: """
                        EXPLAIN QUERY PLAN SELECT number FROM work_order o WHERE o.delivered_at IS NULL \
                        ORDER BY o.promised_at IS NULL, o.promised_at
                        """
                ).map { $0["detail"] as String }
            )
        }
        #expect(plans.0.contains { $0.contains("complaint_open_vin") }, "\(plans.0)")
        #expect(plans.1.contains { $0.contains("work_order_undelivered") }, "\(plans.1)")
    }
}
