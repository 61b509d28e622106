import Core
import Foundation
import GRDB
import Testing
import WorkOrders

@testable import Storage

/// What the work-order benchmark (3,000,000 orders) found: the queries behind opening and settling kept their answers
/// when they moved onto indexes, and invoice numbers keep counting past INV-999999.
@Suite("Repair orders at a large dealer group's size")
struct WorkOrderScaleTests {
    /// Settles a fresh order of one paid labour line and returns its invoice number.
    func settleOne(_ shop: WorkshopFixture, mileage: Int) throws -> String {
        let number = try shop.open(mileage: mileage).number
        _ = try shop.job(number)
        _ = try shop.line(number)
        try shop.workThrough(number)
        return try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问").order.invoice!.number
    }

    @Test("Q-3: invoices count on without gaps past INV-999999 (numbers of 7 digits sort after 6 by value)")
    func invoicesPastAMillion() throws {
        let shop = try WorkshopFixture()
        #expect(try settleOne(shop, mileage: 30_000) == "INV-000001")
        // A dealer group's millionth invoice: the last one issued is INV-999999.
        try shop.db.writer.write { try $0.execute(sql: "UPDATE work_order SET invoice_number = 'INV-999999'") }
        #expect(try settleOne(shop, mileage: 30_100) == "INV-1000000")
        #expect(try settleOne(shop, mileage: 30_200) == "INV-1000001")
        #expect(try settleOne(shop, mileage: 30_300) == "INV-1000002")
    }

    @Test("L-10: credit notes count on without gaps past CN-999999, as invoices do")
    func creditNotesPastAMillion() throws {
        let shop = try WorkshopFixture()
        let number = try shop.open(mileage: 30_000).number
        _ = try shop.job(number)
        _ = try shop.line(number)
        try shop.workThrough(number)
        _ = try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
        // The last credit note issued is CN-999999 (a note is never edited: it is written as issued).
        try shop.db.writer.write {
            try $0.execute(
                sql: """
                    INSERT INTO work_order_credit_note (number, order_id, at, by, reason, invoice_number, invoice_at, \
                    payment, vat_percent, vat_fen, customer_fen, warranty_fen, goodwill_fen, internal_fen) \
                    SELECT 'CN-999999', id, settled_at, 'test', 'test', 'INV-000000', settled_at, 'cash', 13, 0, 0, 0, \
                    0, 0 FROM work_order
                    """)
        }
        for expected in ["CN-1000000", "CN-1000001"] {
            let credit = try shop.db.creditWorkOrder(number, reason: "开错票", actor: "王顾问")
            #expect(credit.creditNote.number == expected)
            _ = try shop.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
        }
    }

    @Test("A-6: order numbers count the day's orders only; other days and other text do not count")
    func numbersPerDay() throws {
        let shop = try WorkshopFixture()
        #expect(try shop.open(mileage: 30_000).number == "RO-20261206-001")
        // An order of the day before and one of the day after do not count towards today's numbers.
        try shop.db.writer.write {
            try $0.execute(
                sql: """
                    INSERT INTO work_order (number, vehicle_id, customer_id, vin, advisor, state, arrived_at, mileage, \
                    fuel_percent, concerns, walk_around, return_old_parts, created_at, created_by) \
                    SELECT n, vehicle_id, customer_id, vin, advisor, state, arrived_at, mileage, fuel_percent, concerns, \
                    walk_around, return_old_parts, created_at, created_by FROM work_order, \
                    (SELECT 'RO-20261205-001' AS n UNION ALL SELECT 'RO-20261207-001')
                    """)
        }
        #expect(try shop.open(mileage: 30_010).number == "RO-20261206-002")
        shop.clock.set(shop.clock.now().addingTimeInterval(86_400))
        #expect(try shop.open(mileage: 30_020, promised: nil).number == "RO-20261207-002")
    }

    @Test("Q-5, Q-8: the vehicle's earlier delivered jobs are found by its VIN among other vehicles' orders")
    func earlierJobsByVIN() throws {
        let shop = try WorkshopFixture()
        let first = try shop.open(mileage: 30_000).number
        _ = try shop.job(first)
        _ = try shop.line(first)
        try shop.workThrough(first)
        _ = try shop.db.settleWorkOrder(first, payment: .cash, actor: "王顾问")
        _ = try shop.db.deliverWorkOrder(first, note: nil, actor: "王顾问")
        let second = try shop.open(mileage: 30_500).number
        let sheet = try shop.db.workOrderSheet(second)
        #expect(sheet.underGuarantee.map(\.job.order) == [first])
    }
}
