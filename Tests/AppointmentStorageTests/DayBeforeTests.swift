import Appointments
import Core
import Customers
import Foundation
import GRDB
import Messaging
import TestSupport
import Testing
import WorkOrders

@testable import Storage

/// A dealer with one delivered car, a catalogue with the 5,000 km maintenance and its parts, stock, two staff and a
/// booking for tomorrow (2026-12-07 09:00) inserted as the booking commands store it.
struct BookedDay {
    static let vin = VIN(trusted: "LFV2A21K3N3000123")
    static let maintenance = "01 10 00 00"
    let db: AppDatabase
    let clock: ManualClock
    let customer: Customer.ID
    let vehicle: Int64

    init() throws {
        clock = ManualClock("2026-12-06T09:00:00+08:00")
        db = try AppDatabase.inMemory(clock: clock)
        customer = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: db.now), phones: ["13800138000"],
                reason: "老客户"),
            actor: "t"
        ).customer.id!
        _ = try db.addVehicle(
            Vehicle(
                customerID: customer, vin: Self.vin, plate: "京A·12345", make: "Volkswagen", model: "Sagitar",
                modelYear: 2023, buildDate: LocalDate("2022-04-18"), usage: .private,
                deliveredAt: instant("2024-05-10T10:00:00+08:00"), createdAt: db.now), actor: "t")
        vehicle = try db.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM vehicle WHERE vin = ?", arguments: [Self.vin.value])!
        }
        _ = try db.addStaff(name: "王丽", role: .serviceAdvisor, actor: "admin")
        _ = try db.addStaff(name: "刘强", role: .technician, actor: "admin")
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
                    VALUES ('01 10 00 00', 'Volkswagen', '', 80, '常规保养：更换机油及机油滤清器', 't', 0), \
                    ('47 11 19 00', 'Volkswagen', '', 120, '更换前制动软管', 't', 0);
                    INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) \
                    VALUES ('06L 115 562 B', '机油滤清器', 8600, 'CNY', '2026-01-01', 't', 0), \
                    ('G 052 195 M4', '机油 1L', 6500, 'CNY', '2026-01-01', 't', 0);
                    INSERT INTO stock (part, on_hand, updated_at) VALUES ('G 052 195 M4', 10, 0);
                    """)
        }
    }

    /// Inserts a booking as the booking use case stores it: state, arrival (local), the slot and the jobs.
    @discardableResult
    func book(
        _ number: String, arrival: String, state: String = "booked",
        jobs: [(operation: String?, description: String, centihours: Int)] = [
            (BookedDay.maintenance, "常规保养", 80), (nil, "检查雨刮", 30),
        ]
    ) throws -> Int64 {
        try db.writer.write { db in
            let at = instant(arrival)
            try db.execute(
                sql: """
                    INSERT INTO appointment (number, customer_id, vehicle_id, vin, channel, state, arrival, advisor, \
                    bay, technician, work_start, work_end, price_fen, centihours, created_at, created_by) \
                    VALUES (?, ?, ?, ?, 'phone', ?, ?, '王丽', 'B01', '刘强', ?, ?, 0, ?, ?, 't')
                    """,
                arguments: [
                    number, customer.rawValue, vehicle, Self.vin.value, state, at, at.addingTimeInterval(900),
                    at.addingTimeInterval(900 + 3600), jobs.reduce(0) { $0 + $1.centihours },
                    instant("2026-12-01T10:00:00+08:00"),
                ])
            let id = db.lastInsertedRowID
            for (position, job) in jobs.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO appointment_job (appointment_id, position, operation, description, centihours, \
                        skill, price_fen) VALUES (?, ?, ?, ?, ?, 'general', 0)
                        """, arguments: [id, position + 1, job.operation, job.description, job.centihours])
            }
            return id
        }
    }

    func menu() throws {
        _ = try db.setServiceMenu(
            Self.maintenance,
            ServiceMenuForm(parts: [.init(part: "G 052 195 M4", quantity: 4), .init(part: "06l115562b", quantity: 1)]),
            actor: "赵磊")
    }

    func reception(mileage: Int = 21_000) -> ReceptionForm {
        var form = ReceptionForm()
        form.mileage = mileage
        return form
    }
}

@Suite("The service menu (Q-1, A-4)")
struct ServiceMenuTests {
    @Test("Setting a menu stores the catalogue's spelling, replaces the list, is audited; bad lists are refused")
    func setAndShow() throws {
        let day = try BookedDay()
        try day.menu()
        let menu = try day.db.serviceMenu("01 10 00 00")
        #expect(menu.parts.map(\.part) == ["06L 115 562 B", "G 052 195 M4"])
        #expect(menu.parts.map(\.quantity) == [1, 4])
        #expect(menu.parts.first?.unitPrice == Money(fen: 8600))
        let audit = try day.db.writer.read { db in
            try String.fetchOne(db, sql: "SELECT changes FROM audit_log WHERE entity = 'service_menu'")
        }
        #expect(audit?.contains("G 052 195 M4=4") == true, "\(audit ?? "")")
        _ = try day.db.setServiceMenu("01 10 00 00", ServiceMenuForm(parts: []), actor: "赵磊")
        #expect(try day.db.serviceMenu("01 10 00 00").parts.isEmpty)
        let twice = ServiceMenuForm(parts: [
            .init(part: "G 052 195 M4", quantity: 1), .init(part: "g052195m4", quantity: 2),
        ])
        #expect(throws: InvalidInput.self) { try day.db.setServiceMenu("01 10 00 00", twice, actor: "t") }
        #expect(throws: InvalidInput.self) {
            try day.db.setServiceMenu(
                "01 10 00 00", ServiceMenuForm(parts: [.init(part: "G 052 195 M4", quantity: 0)]), actor: "t")
        }
        #expect(throws: NotFound.self) {
            try day.db.setServiceMenu(
                "01 10 00 00", ServiceMenuForm(parts: [.init(part: "1K0 000 000", quantity: 1)]), actor: "t")
        }
        #expect(throws: NotFound.self) { try day.db.serviceMenu("99 99 99 99") }
    }
}

@Suite("The day before (A-4)")
struct DayBeforeListTests {
    @Test("Tomorrow's parts against the count on hand, the bookings in time order, other days and states left out")
    func lists() throws {
        let day = try BookedDay()
        try day.menu()
        try day.book("AP-000002", arrival: "2026-12-07T14:00:00+08:00", jobs: [(BookedDay.maintenance, "常规保养", 80)])
        try day.book("AP-000001", arrival: "2026-12-07T09:00:00+08:00")
        try day.book("AP-000003", arrival: "2026-12-07T10:00:00+08:00", state: "cancelled")
        try day.book("AP-000004", arrival: "2026-12-08T09:00:00+08:00")
        let lists = try day.db.dayBeforeLists()
        #expect(lists.day == LocalDate("2026-12-07"))
        #expect(lists.workshop.map(\.appointment) == ["AP-000001", "AP-000002"])
        #expect(lists.workshop.first?.work == ["常规保养", "检查雨刮"])
        #expect(lists.workshop.first?.bay == "B01")
        let filter = try #require(lists.parts.first { $0.part == "06L 115 562 B" })
        #expect((filter.needed, filter.onHand, filter.missing) == (2, 0, 2))
        #expect(filter.appointments == ["AP-000001", "AP-000002"])
        let oil = try #require(lists.parts.first { $0.part == "G 052 195 M4" })
        #expect((oil.needed, oil.onHand, oil.missing) == (8, 10, 0))
        #expect(try day.db.dayBeforeLists(on: LocalDate("2026-12-08")).workshop.map(\.appointment) == ["AP-000004"])
    }
}

@Suite("Check-in at reception (A-6)")
struct CheckInTests {
    @Test("The booking becomes a repair order with the booked lines and prices, in one step with its state")
    func checkIn() throws {
        let day = try BookedDay()
        try day.menu()
        try day.book("AP-000001", arrival: "2026-12-06T09:00:00+08:00")
        var form = day.reception()
        form.concerns = ["右后轮有异响"]
        let order = try day.db.checkInAppointment("ap-000001", form, actor: "王丽")
        #expect(order.jobs.map(\.title) == ["常规保养", "检查雨刮", "右后轮有异响"])
        #expect(order.advisor == "王丽")
        let first = order.lines.filter { $0.job == 1 }
        #expect(first.map(\.code) == ["01 10 00 00", "06L 115 562 B", "G 052 195 M4"])
        // Q-1: 0.8 h × 120.00 = 96.00; a filter 86.00; 4 × oil 65.00 = 260.00.
        #expect(first.map(\.amount) == [Money(fen: 9600), Money(fen: 8600), Money(fen: 26000)])
        #expect(order.lines.filter { $0.job != 1 }.isEmpty)
        let (state, workOrder, events) = try day.db.writer.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT state, work_order FROM appointment WHERE number = 'AP-000001'")!
            let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM appointment_event WHERE kind = 'checked-in'")
            return (row["state"] as String, row["work_order"] as String?, events)
        }
        #expect(state == "checked-in")
        #expect(workOrder == order.number)
        #expect(events == 1)
        #expect(try day.db.workOrderSheet(order.number).order.lines.count == 3)
        let again = #expect(throws: Conflict.self) {
            try day.db.checkInAppointment("AP-000001", day.reception(), actor: "王丽")
        }
        #expect(again?.field == "appointment")
    }

    @Test("Another car, a cancelled booking, a mileage below the last reading: refused, nothing written")
    func refused() throws {
        let day = try BookedDay()
        try day.book("AP-000001", arrival: "2026-12-06T09:00:00+08:00")
        try day.book("AP-000002", arrival: "2026-12-06T10:00:00+08:00", state: "cancelled")
        let other = try day.db.addVehicle(
            Vehicle(
                customerID: day.customer, vin: VIN(trusted: "LSVAU2180N2000999"), plate: "京B·54321", make: "Volkswagen",
                model: "Lavida", usage: .private, createdAt: day.db.now), actor: "t")
        _ = other
        var form = day.reception()
        form.vin = "京B·54321"
        let wrongCar = #expect(throws: Conflict.self) { try day.db.checkInAppointment("AP-000001", form, actor: "王丽") }
        #expect(wrongCar?.field == "vin")
        let cancelled = #expect(throws: Conflict.self) {
            try day.db.checkInAppointment("AP-000002", day.reception(), actor: "王丽")
        }
        #expect(cancelled?.field == "appointment")
        _ = try day.db.checkInAppointment("AP-000001", day.reception(mileage: 21_000), actor: "王丽")
        try day.db.writer.write { db in
            try db.execute(sql: "UPDATE appointment SET state = 'booked', work_order = NULL WHERE number = 'AP-000001'")
        }
        let orders = try day.db.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM work_order") }
        let low = #expect(throws: (any Error).self) {
            try day.db.checkInAppointment("AP-000001", day.reception(mileage: 100), actor: "王丽")
        }
        #expect((low as? any AfterSalesError)?.kind == .conflict)
        #expect((low as? any AfterSalesError)?.field == "mileage")
        let after = try day.db.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM work_order"),
                try String.fetchOne(db, sql: "SELECT state FROM appointment WHERE number = 'AP-000001'")
            )
        }
        #expect(after.0 == orders)
        #expect(after.1 == "booked")
        #expect(throws: NotFound.self) { try day.db.checkInAppointment("AP-000099", day.reception(), actor: "王丽") }
    }
}

@Suite("Dealer calls (A-5)")
struct DealerCallTests {
    @Test("Maintenance due with the menu price, declined work as quoted; an SMS opt-out leaves the customer out")
    func calls() throws {
        let day = try BookedDay()
        try day.menu()
        _ = try day.db.setSetting("appointments.calls.maintenance-operation", to: "01 10 00 00", actor: "admin")
        try day.db.writer.write { db in
            // W-9: the last maintenance a year ago at 20,000 km: the next falls due on 2026-12-20, within the lead.
            try db.execute(
                sql: "INSERT INTO maintenance_visit (vehicle_id, day, kilometres, created_at) VALUES (?, ?, ?, ?)",
                arguments: [day.vehicle, "2025-12-20", 20_000, day.db.now])
        }
        var form = ReceptionForm()
        form.vin = BookedDay.vin.value
        form.mileage = 21_000
        form.concerns = ["前制动软管老化"]
        let order = try day.db.openWorkOrder(form, actor: "王丽")
        var line = WorkOrderLineForm()
        line.job = 1
        line.kind = "labour"
        line.code = "47 11 19 00"
        _ = try day.db.addWorkOrderLine(order.number, line, actor: "王丽")
        _ = try day.db.quoteWorkOrder(order.number, actor: "王丽")
        _ = try day.db.answerWorkOrderJobs(
            order.number, jobs: [1], approved: false, by: "王芳", method: .phone, actor: "王丽")

        let list = try day.db.dealerCalls()
        let maintenance = try #require(list.items.first { $0.reason == .maintenance })
        #expect(maintenance.due == LocalDate("2026-12-20"))
        #expect(maintenance.firstMaintenance == false)
        // Q-1: 96.00 labour + 86.00 filter + 4 × 65.00 oil.
        #expect(maintenance.price == Money(fen: 9600 + 8600 + 26000))
        #expect(maintenance.centihours == 80)
        let declined = try #require(list.items.first { $0.reason == .declined })
        #expect(declined.order == order.number)
        #expect(declined.price == Money(fen: 14400))
        #expect(list.items.allSatisfy { $0.slots.isEmpty })
        #expect(try day.db.dealerCalls(reason: .declined).items.map(\.reason) == [.declined])

        _ = try day.db.setConsent(customer: day.customer, channel: .sms, status: .optOut, source: "电话", actor: "t")
        let quiet = try day.db.dealerCalls()
        #expect(quiet.items.isEmpty)
        #expect(quiet.optedOut == 2)
    }
}
