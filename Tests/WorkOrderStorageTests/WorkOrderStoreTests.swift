import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing
import Warranty
import WorkOrders

@testable import Storage

/// A dealer with one delivered household car, a catalogue, a labour rate of 120.00 and two staff.
struct WorkshopFixture {
    static let vin = VIN(trusted: "LFV2A21K3N3000123")
    let db: AppDatabase
    let clock: ManualClock

    init(now: String = "2026-12-06T09:00:00+08:00") throws {
        clock = ManualClock(now)
        db = try AppDatabase.inMemory(clock: clock)
        let id = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: db.now), phones: ["13800138000"],
                reason: "老客户"),
            actor: "t"
        ).customer.id!
        _ = try db.addVehicle(
            Vehicle(
                customerID: id, vin: Self.vin, plate: "京A·12345", make: "Volkswagen", model: "Sagitar",
                modelYear: 2023, buildDate: LocalDate("2022-04-18"), usage: .private,
                deliveredAt: instant("2024-05-10T10:00:00+08:00"), createdAt: db.now), actor: "t")
        _ = try db.addStaff(name: "刘强", role: .technician, actor: "admin")
        _ = try db.addStaff(name: "赵磊", role: .shopForeman, actor: "admin")
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
                    VALUES ('47 11 19 00', 'Volkswagen', '', 80, '前刹车片更换', 't', 0), \
                    ('47 11 19 00', 'Volkswagen', 'Sagitar', 90, '前刹车片更换（速腾）', 't', 0), \
                    ('10 00 00 01', 'Volkswagen', '', 100, '一级维护', 't', 0);
                    INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) \
                    VALUES ('5Q0 698 151', '前刹车片', 48000, 'CNY', '2026-01-01', 't', 0);
                    INSERT INTO part_price (number, effective, price_fen, currency, source) \
                    VALUES ('5Q0 698 151', '2026-01-01', 45000, 'CNY', 't'), \
                    ('5Q0 698 151', '2026-12-10', 48000, 'CNY', 't');
                    """)
        }
    }

    func open(
        mileage: Int = 30_000, concerns: [String] = ["刹车异响"], promised: String? = "2026-12-06 17:00"
    )
        throws -> WorkOrder
    {
        var form = ReceptionForm()
        form.vin = "京A·12345"
        form.mileage = mileage
        form.concerns = concerns
        form.promisedAt = promised
        return try db.openWorkOrder(form, actor: "王顾问")
    }

    /// Sets job `edit`'s facts (the job reception made of the first concern), or adds a job when `edit` is nil.
    func job(
        _ number: String, edit: Int? = 1, title: String = "更换前刹车片", kind: String = "minor-repair",
        component: String = "制动系统"
    ) throws -> WorkOrder {
        var form = JobForm()
        form.title = title
        form.kind = kind
        form.system = "brakes"
        form.component = component
        form.fault = "刹车时有异响"
        if let edit { return try db.editWorkOrderJob(number, job: edit, form, actor: "王顾问") }
        return try db.addWorkOrderJob(number, form, actor: "王顾问")
    }

    func line(
        _ number: String, job: Int = 1, kind: String = "labour", code: String = "47 11 19 00", quantity: Int? = nil,
        payer: String? = nil, reason: String? = nil, price: String? = nil, bulletin: String? = nil
    ) throws -> WorkOrder {
        var form = WorkOrderLineForm()
        form.job = job
        form.kind = kind
        form.code = code
        form.quantity = quantity
        form.payer = payer
        form.reason = reason
        form.price = price
        form.bulletin = bulletin
        return try db.addWorkOrderLine(number, form, actor: "王顾问")
    }

    /// Quote, approve, clock, check: the order's jobs ready to settle.
    func workThrough(_ number: String, job: Int = 1) throws {
        _ = try db.quoteWorkOrder(number, actor: "王顾问")
        _ = try db.answerWorkOrderJob(number, job: job, approved: true, by: "王芳", method: .signature, actor: "王顾问")
        _ = try db.dispatchWorkOrderJob(number, job: job, technician: "刘强", actor: "赵磊")
        _ = try db.clockWorkOrderJob(number, job: job, technician: "刘强", on: true, actor: "刘强")
        clock.set(clock.now().addingTimeInterval(3_600))
        _ = try db.clockWorkOrderJob(number, job: job, technician: "刘强", on: false, actor: "刘强")
        _ = try db.checkWorkOrderJob(
            number, job: job, failed: [], roadTestKilometres: 5, reason: nil, finding: "刹车片磨损到限", actor: "赵磊")
    }
}

@Suite("Repair orders in the database (A-6, Q-1 to Q-8, L-10)")
struct WorkOrderStoreTests {
    @Test("A-6, C-6: opening numbers the order, stores the mileage as a reading; a lower reading is refused")
    func open() throws {
        let shop = try WorkshopFixture()
        let order = try shop.open()
        #expect(order.number == "RO-20261206-001")
        #expect(try shop.db.vehicleCard(WorkshopFixture.vin).latestKilometres == 30_000)
        #expect(try shop.open(mileage: 30_010).number == "RO-20261206-002")
        let error = #expect(throws: (any Error).self) { try shop.open(mileage: 29_000) }
        #expect((error as? any AfterSalesError)?.field == "mileage")
        var unknown = ReceptionForm()
        unknown.vin = "京B·99999"
        unknown.mileage = 1
        unknown.concerns = ["x"]
        #expect(throws: (any Error).self) { try shop.db.openWorkOrder(unknown, actor: "t") }
    }

    @Test("Q-1: labour is the model's standard hours × rate, parts the price in force on the day")
    func pricing() throws {
        let shop = try WorkshopFixture()
        let number = try shop.open().number
        _ = try shop.job(number)
        var order = try shop.line(number)
        #expect(order.lines[0].quantityHundredths == 90 && order.lines[0].amount == Money(fen: 10_800))
        order = try shop.line(number, kind: "part", code: "5Q0 698 151", quantity: 2)
        #expect(order.lines[1].unitPrice == Money(fen: 45_000) && order.lines[1].amount == Money(fen: 90_000))
        order = try shop.line(number, kind: "other", code: "SUBLET", reason: "四轮定位外协", price: "150")
        #expect(order.totals.customer == Money(fen: 115_800))
        #expect(throws: UnknownRecord.self) { try shop.line(number, code: "99 99 99 99") }
        #expect(throws: UnknownRecord.self) { try shop.line(number, kind: "part", code: "NOPE") }
    }

    @Test("W-8, Q-3: a warranty line freezes its decision; an uncovered one cannot stay on warranty")
    func warrantyLine() throws {
        let shop = try WorkshopFixture()
        let number = try shop.open().number
        _ = try shop.job(number)
        let order = try shop.line(number, payer: "warranty")
        #expect(order.lines[0].decision?.covered == true)
        #expect(order.totals.warranty == Money(fen: 10_800))
        #expect(throws: InvalidInput.self) {
            try shop.db.changeWorkOrderPayer(number, line: 1, to: .customer, reason: nil, actor: "王顾问")
        }
        _ = try shop.db.changeWorkOrderPayer(number, line: 1, to: .goodwill, reason: "客户要求", actor: "王顾问")
        // Past the repair period at 70,000 km: not covered (W-8).
        let late = try shop.open(mileage: 70_000).number
        _ = try shop.job(late)
        #expect(throws: Conflict.self) { try shop.line(late, payer: "warranty") }
    }

    @Test("Q-2: no clock-on before approval; a supplementary job needs its own quote")
    func approval() throws {
        let shop = try WorkshopFixture()
        let number = try shop.open().number
        _ = try shop.job(number)
        _ = try shop.line(number)
        #expect(throws: Conflict.self) {
            try shop.db.clockWorkOrderJob(number, job: 1, technician: "刘强", on: true, actor: "刘强")
        }
        try shop.workThrough(number)
        _ = try shop.job(number, edit: nil, title: "更换刹车盘")
        _ = try shop.line(number, job: 2)
        let (order, quote) = try shop.db.quoteWorkOrder(number, actor: "王顾问")
        #expect(quote.version == 2 && quote.supplementary && order.jobs[1].supplementary)
        _ = try shop.db.answerWorkOrderJob(number, job: 2, approved: false, by: "王芳", method: .phone, actor: "王顾问")
        #expect(try shop.db.workOrderSheet(number).order.declinedValue == Money(fen: 10_800))
    }

    @Test("Q-3, W-7, W-3, M-5, L-10: settlement invoices without gaps, drafts the claim, feeds value; no edits after")
    func settle() throws {
        let shop = try WorkshopFixture()
        let first = try shop.open().number
        _ = try shop.job(first)
        _ = try shop.line(first, payer: "warranty")
        _ = try shop.line(first, kind: "part", code: "5Q0 698 151", quantity: 1)
        try shop.workThrough(first)
        let settled = try shop.db.settleWorkOrder(first, payment: .wechatPay, actor: "王顾问")
        #expect(settled.order.invoice?.number == "INV-000001")
        #expect(settled.claims.count == 1)
        let claim = try shop.db.claimRecord(settled.claims[0])
        #expect(claim.repairOrder == first && claim.lines.map(\.code) == ["47 11 19 00"] && claim.decision.covered)
        #expect(settled.revenue == Money(fen: 45_000))
        #expect(throws: Conflict.self) { try shop.line(first) }
        #expect(throws: Conflict.self) { try shop.db.settleWorkOrder(first, payment: .cash, actor: "王顾问") }
        let second = try shop.open(mileage: 30_100).number
        _ = try shop.job(second, title: "一级维护", kind: "first-level-maintenance", component: "保养")
        _ = try shop.line(second, code: "10 00 00 01")
        try shop.workThrough(second)
        let next = try shop.db.settleWorkOrder(second, payment: .alipay, actor: "王顾问")
        #expect(next.order.invoice?.number == "INV-000002" && next.maintenanceRecorded)
        // L-10: repair orders are never deleted.
        #expect(throws: (any Error).self) { try shop.db.writer.write { try $0.execute(sql: "DELETE FROM work_order") } }
        let audit = try shop.db.writer.read {
            try String.fetchAll(
                $0, sql: "SELECT action FROM audit_log WHERE entity = 'work_order' AND entity_id = ?",
                arguments: [first])
        }
        #expect(audit.first == "open" && audit.contains("settle"))
    }

    @Test("Q-8, Q-5: the same component within the guarantee is a guarantee repair and a comeback, linked")
    func guarantee() throws {
        let shop = try WorkshopFixture()
        let first = try shop.open().number
        _ = try shop.job(first)
        _ = try shop.line(first)
        try shop.workThrough(first)
        _ = try shop.db.settleWorkOrder(first, payment: .cash, actor: "王顾问")
        _ = try shop.db.deliverWorkOrder(first, note: "已说明", actor: "王顾问")
        shop.clock.set(shop.clock.now().addingTimeInterval(5 * 86_400))
        let second = try shop.open(mileage: 30_400, promised: nil).number
        let sheet = try shop.db.workOrderSheet(second)
        #expect(sheet.underGuarantee.map(\.job.order) == [first])
        let order = try shop.job(second)
        #expect(order.jobs[0].guaranteeOf == first && order.jobs[0].comebackOf == first)
    }

    @Test("Q-7: today's open orders first; the at-risk list says why")
    func lists() throws {
        let shop = try WorkshopFixture()
        let first = try shop.open(promised: nil).number
        let second = try shop.open(mileage: 30_010, promised: "2026-12-06 10:00").number
        let page = try shop.db.listWorkOrders(open: true)
        #expect(Set(page.items.map(\.number)) == [first, second])
        let risks = try shop.db.workOrdersAtRisk()
        #expect(risks.first { $0.order.number == first }?.risks == [.noPromise, .awaitingApproval(jobs: 1)])
        #expect(
            risks.first { $0.order.number == second }?.risks == [
                .near(minutes: 60, jobsLeft: 1), .awaitingApproval(jobs: 1),
            ])
    }
}
