import Catalog
import Core
import Customers
import Foundation
import TestSupport
import Testing
import WorkOrders

@testable import Storage
@testable import WorkOrderPages

/// A delivered car brought in with a concern that holds markup and quotes, taken through the use cases from reception
/// to delivery: one labour line paid by the customer, one sublet line paid as goodwill.
struct PrintedOrder {
    static let vin = VIN(trusted: "LSVAU2180N2184321")
    static let concern = "异响 <script>alert(\"x\")</script> & '左前'"
    let db: AppDatabase
    let clock: ManualClock
    let number: String

    init() throws {
        clock = ManualClock("2026-12-06T09:00:00+08:00")
        db = try AppDatabase.inMemory(clock: clock)
        let owner = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "陈静", customerClass: .retained, createdAt: db.now), phones: ["13900139000"],
                reason: "到店"),
            actor: "t"
        ).customer.id!
        _ = try db.addVehicle(
            Vehicle(
                customerID: owner, vin: Self.vin, plate: "沪B·67890", make: "Skoda", model: "Octavia", modelYear: 2022,
                buildDate: LocalDate("2022-01-10"), usage: .private, deliveredAt: instant("2022-03-01T10:00:00+08:00"),
                createdAt: db.now), actor: "t")
        _ = try db.addStaff(name: "孙技师", role: .technician, actor: "admin")
        try db.withManufacturerBatch(actor: "setup", source: "test") { batch in
            _ = try batch.store(
                LabourOperation(code: "31 22 00 00", make: "Skoda", centihours: 150, description: "检查底盘异响"))
            return (true, ())
        }
        var reception = ReceptionForm()
        reception.vin = Self.vin.description
        reception.mileage = 41_250
        reception.fuel = 40
        reception.concerns = [Self.concern]
        reception.walkAround = ["后保险杠划痕", "后备箱有儿童座椅"]
        reception.returnOldParts = true
        reception.promisedAt = "2026-12-06 17:30"
        number = try db.openWorkOrder(reception, actor: "周顾问").number
    }

    /// Job 1's facts, its two lines, the quote.
    func quote() throws {
        var job = JobForm()
        job.title = "底盘异响检修"
        job.kind = "minor-repair"
        job.system = "suspension"
        job.fault = Self.concern
        _ = try db.editWorkOrderJob(number, job: 1, job, actor: "周顾问")
        var labour = WorkOrderLineForm()
        labour.job = 1
        labour.kind = "labour"
        labour.code = "31 22 00 00"
        _ = try db.addWorkOrderLine(number, labour, actor: "周顾问")
        var sublet = WorkOrderLineForm()
        sublet.job = 1
        sublet.kind = "other"
        sublet.code = "SUBLET"
        sublet.price = "88.80"
        sublet.payer = "goodwill"
        sublet.reason = "四轮定位外协，善意补偿"
        _ = try db.addWorkOrderLine(number, sublet, actor: "周顾问")
        _ = try db.quoteWorkOrder(number, actor: "周顾问")
    }

    /// Approval, work, check, settlement and delivery of job 1.
    func settleAndDeliver() throws {
        _ = try db.answerWorkOrderJob(number, job: 1, approved: true, by: "陈静", method: .wechat, actor: "周顾问")
        _ = try db.clockWorkOrderJob(number, job: 1, technician: "孙技师", on: true, actor: "孙技师")
        clock.set(clock.now().addingTimeInterval(5_400))
        _ = try db.clockWorkOrderJob(number, job: 1, technician: "孙技师", on: false, actor: "孙技师")
        _ = try db.checkWorkOrderJob(
            number, job: 1, failed: [], roadTestKilometres: 8, reason: nil, finding: "稳定杆球头松旷", actor: "周顾问")
        _ = try db.settleWorkOrder(number, payment: .bankCard, actor: "周顾问")
        _ = try db.deliverWorkOrder(number, note: "已向客户说明", actor: "周顾问")
    }

    func page(_ kind: WorkOrderDocumentKind) throws -> String {
        try WorkOrderPrint.html(kind, sheet: try db.workOrderSheet(number), settings: try db.settings())
    }
}

@Suite("Printable pages of a repair order (A-6, Q-1, Q-2, L-10, Q-8)")
struct WorkOrderPagesTests {
    @Test("A-6, Q-8: the repair request holds reception's facts, the concerns as text, the promise, two signatures")
    func request() throws {
        let order = try PrintedOrder()
        let html = try order.page(.request)
        #expect(html.contains("<h1>客户报修单 <span class=\"en\" lang=\"en\">Repair request</span></h1>"))
        #expect(html.contains("41,250 km") && html.contains("40%") && html.contains("2026年12月6日 17:30"))
        #expect(html.contains("后保险杠划痕") && html.contains("后备箱有儿童座椅"))
        #expect(html.contains("异响 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;左前&#39;"))
        #expect(!html.contains("<script"))
        // the dealer's promise at the defaults: minor repairs 10 days or 2,000 km, major 100 days or 20,000 km.
        #expect(html.contains("<td class=\"num\">10</td><td class=\"num\">2,000 km</td>"))
        #expect(html.contains("<td class=\"num\">100</td><td class=\"num\">20,000 km</td>"))
        #expect(
            html.contains(
                "<th>旧件交还客户 <span class=\"en\" lang=\"en\">Old parts returned to the customer</span></th>"
                    + "<td>是 <span class=\"en\" lang=\"en\">yes</span></td>"))
        #expect(html.components(separatedBy: "class=\"signature\"").count == 3)
        #expect(html.contains("@page { size: A4;") && html.contains("@media print"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
    }

    @Test("Bilingual whatever the language of the moment: Chinese first, the English kept")
    func bilingual() throws {
        let order = try PrintedOrder()
        let english = try Speech.$current.withValue(Speech(.en)) { try order.page(.request) }
        let chinese = try Speech.$current.withValue(Speech(.zh)) { try order.page(.request) }
        #expect(english == chinese)
        #expect(english.contains("到店时间 <span class=\"en\" lang=\"en\">Arrival time</span>"))
    }

    @Test("Q-2: no quote page before a quote; L-10: no record before settlement, naming the field and why")
    func refused() throws {
        let order = try PrintedOrder()
        let noQuote = #expect(throws: Conflict.self) { try order.page(.quote) }
        #expect(noQuote?.field == "document" && noQuote?.description.contains("has no quote yet") == true)
        try order.quote()
        _ = try order.page(.quote)
        let early = try #require(
            #expect(throws: Conflict.self) {
                try WorkOrderPrint.html(
                    .record, sheet: try order.db.workOrderSheet(order.number), settings: try order.db.settings(),
                    field: "--document")
            })
        #expect(early.field == "--document")
        #expect(Speech.$current.withValue(Speech(.zh)) { early.description }.contains("结算后才能打印"))
    }

    @Test("Q-1, Q-2: the quote holds its version, lines, totals per payer and the boxes for the customer's answer")
    func quote() throws {
        let order = try PrintedOrder()
        try order.quote()
        let html = try order.page(.quote)
        // 1.50 h × ¥120.00 (the default labour rate) = ¥180.00 for the customer, ¥88.80 goodwill.
        #expect(html.contains("报价（第 1 版）"))
        #expect(html.contains("¥180.00") && html.contains("¥88.80") && html.contains("¥268.80"))
        #expect(html.contains("同意 ☐  不同意 ☐"))
        try order.settleAndDeliver()
        let answered = try order.page(.quote)
        #expect(answered.contains("同意 <span class=\"en\" lang=\"en\">approved</span>") && answered.contains("陈静"))
    }

    @Test("L-10, Q-3, Q-8: the record holds the L-10 fields, the invoice, VAT and each job's guarantee end")
    func record() throws {
        let order = try PrintedOrder()
        try order.quote()
        try order.settleAndDeliver()
        let html = try order.page(.record)
        #expect(html.contains("INV-000001") && html.contains(PrintedOrder.vin.description))
        #expect(html.contains("稳定杆球头松旷") && html.contains("四轮定位外协，善意补偿"))
        #expect(html.contains("¥180.00") && html.contains("¥88.80") && html.contains("¥268.80"))
        #expect(html.contains("银行卡 <span class=\"en\" lang=\"en\">bank-card</span>"))
        // Delivered on 2026-12-06 at 41,250 km: a minor repair is guaranteed 10 days or 2,000 km.
        #expect(html.contains("2026年12月16日或 43,250 km，以先到者为准"))
        #expect(html.contains("<span class=\"en\" lang=\"en\">Labour hours</span></th><td>1.5</td>"))
    }

    @Test("Headless Chromium renders the three pages: the DOM holds the totals, invoice, VIN, concerns; a screenshot")
    func chromium() throws {
        let order = try PrintedOrder()
        try order.quote()
        try order.settleAndDeliver()
        let folder = try TemporaryDirectory()
        var doms: [WorkOrderDocumentKind: String] = [:]
        for kind in WorkOrderDocumentKind.allCases {
            let file = try folder.write("\(kind.rawValue).html", try order.page(kind))
            doms[kind] = try Chromium.dumpDOM(file: file)
            let png = folder.path("\(kind.rawValue).png")
            try Chromium.screenshot(file: file, to: png)
            let data = try Data(contentsOf: URL(fileURLWithPath: png))
            #expect(data.count > 1_000 && Chromium.isPNG(data), "\(kind) screenshot is no PNG")
        }
        let request = try #require(doms[.request])
        #expect(request.contains(PrintedOrder.vin.description))
        // The concern's markup is text in the DOM: escaped when serialised, no script element made of it.
        #expect(request.contains("异响 &lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; '左前'"))
        #expect(!request.contains("<script"))
        let record = try #require(doms[.record])
        #expect(record.contains("INV-000001") && record.contains(PrintedOrder.vin.description))
        #expect(record.contains("¥180.00") && record.contains("¥88.80") && record.contains("¥268.80"))
        #expect(try #require(doms[.quote]).contains("¥268.80"))
    }
}
