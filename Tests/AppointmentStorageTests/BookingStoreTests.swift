import Appointments
import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// A dealer with one customer and car, a catalogue, and a small workshop: one general bay, one technician, one
/// advisor who receives one arrival per quarter-hour; opening hours 08:30–20:00, the clock on Monday 7 December.
struct BookingFixture {
    static let vin = VIN(trusted: "LFV2A21K3N3000123")
    let db: AppDatabase
    let clock: ManualClock
    let customer: Customer.ID

    init(now: String = "2026-12-07T09:00:00+08:00") throws {
        clock = ManualClock(now)
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
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
                    VALUES ('10 00 00 01', 'Volkswagen', '', 100, '一级维护', 't', 0), \
                    ('47 11 19 00', 'Volkswagen', 'Sagitar', 90, '前刹车片更换', 't', 0);
                    """)
        }
        try db.addSmallWorkshop()
    }

    func form(jobs: [String] = ["10 00 00 01"], arrival: String? = nil) -> AppointmentForm {
        var form = AppointmentForm()
        form.vehicle = "京A·12345"
        form.jobs = jobs
        form.arrival = arrival
        return form
    }
}

@Suite("Offers and booking (A-1, A-2, A-3)")
struct BookingStoreTests {
    @Test("an offer prices the work from the catalogue (Q-1) and proposes slots that capacity honours (A-2)")
    func offer() throws {
        let fixture = try BookingFixture()
        let offer = try fixture.db.appointmentOffers(fixture.form(jobs: ["10 00 00 01,47 11 19 00"]))
        #expect(offer.work.jobs.map(\.description) == ["一级维护", "前刹车片更换"])
        #expect(offer.work.price == Money(fen: 22_800))  // 1.9 h × 120.00
        #expect(offer.work.minutes == 120)
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        #expect(
            offer.slots.map { Instant.localString($0.arrival, in: zone) } == [
                "2026-12-07 09:00", "2026-12-07 12:00", "2026-12-08 08:30",
            ])
        #expect(offer.slots.allSatisfy { $0.bay == "B01" && $0.technician == "刘强" && $0.advisor == "王丽" })
    }

    @Test("offers read the capacity held from the appointment_held index and the usual advisor by customer, no scan")
    func heldQueryPlan() throws {
        let fixture = try BookingFixture()
        let plan = try fixture.db.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + AppDatabase.heldSQL,
                arguments: [Date(), Date().addingTimeInterval(86_400), Date(), 0]
            ).map { $0["detail"] as String }
        }
        #expect(
            plan.contains { $0.contains("USING COVERING INDEX appointment_held (work_start>? AND work_start<?)") },
            "\(plan)")
        let usual = try fixture.db.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AppDatabase.usualAdvisorSQL, arguments: [1])
                .map { $0["detail"] as String }
        }
        #expect(usual.contains { $0.contains("USING INDEX work_order_customer (customer_id=?)") }, "\(usual)")
    }

    @Test("booking an offered slot records it, numbers it, queues the confirmation and audits it; the slot is gone")
    func book() throws {
        let fixture = try BookingFixture()
        let card = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽")
        #expect(card.appointment.number == "AP-000001")
        #expect(card.appointment.state == .booked)
        #expect(card.appointment.price == Money(fen: 12_000))
        #expect(card.appointment.reservation?.bay == "B01")
        #expect(card.history.map(\.kind) == ["booked"])
        let outbox = try fixture.db.outbox()
        #expect(outbox.items.map(\.sourceKey) == ["appointment:AP-000001:confirm"])
        #expect(outbox.items.first?.body.contains("2026-12-07 12:00") == true)
        #expect(outbox.items.first?.category == .service)
        let audit = try fixture.db.writer.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity = 'appointment'")
        }
        #expect(audit == ["book"])
        // The same slot again: taken, with fresh offers that avoid it.
        let error = try #require(
            throws: SlotTaken.self,
            performing: { try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:30"), actor: "王丽") })
        #expect(error.kind == .conflict)
        #expect(error.offers.count == 3)
        #expect(
            error.offers.allSatisfy {
                $0.workEnd <= card.appointment.reservation!.workStart
                    || $0.workStart >= card.appointment.reservation!.workEnd
            })
        #expect(error.description.contains("free now"))
        let second = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 13:00"), actor: "王丽")
        #expect(second.appointment.number == "AP-000002")
    }

    @Test("when no slot suits, the customer's preferred time is recorded as a request (A-2)")
    func request() throws {
        let fixture = try BookingFixture()
        var form = fixture.form()
        form.preferred = "2026-12-20 10:00"
        form.note = "只有周日有空"
        let card = try fixture.db.bookAppointment(form, actor: "王丽")
        #expect(card.appointment.state == .requested)
        #expect(card.appointment.reservation == nil)
        #expect(card.appointment.preferredTime == instant("2026-12-20T10:00:00+08:00"))
        #expect(try fixture.db.outbox().items.isEmpty)
        // A request moves to a slot when one is found.
        var slot = AppointmentForm()
        slot.arrival = "2026-12-08 09:00"
        let moved = try fixture.db.rescheduleAppointment(card.appointment.number, slot, actor: "王丽")
        #expect(moved.appointment.state == .booked)
        #expect(moved.history.map(\.kind) == ["requested", "rescheduled"])
    }

    @Test("rescheduling keeps the history and frees the old slot; cancelling frees the slot and withdraws messages")
    func rescheduleAndCancel() throws {
        let fixture = try BookingFixture()
        let card = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽")
        var slot = AppointmentForm()
        slot.arrival = "2026-12-08 10:00"
        let moved = try fixture.db.rescheduleAppointment(card.appointment.number, slot, actor: "王丽")
        #expect(moved.history.map(\.kind) == ["booked", "rescheduled"])
        #expect(moved.history.last?.arrivalBefore == instant("2026-12-07T12:00:00+08:00"))
        #expect(moved.history.last?.arrivalAfter == instant("2026-12-08T10:00:00+08:00"))
        // The old slot is free again.
        _ = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽")
        let cancelled = try fixture.db.cancelAppointment(card.appointment.number, reason: "客户出差", actor: "王丽")
        #expect(cancelled.appointment.state == .cancelled)
        #expect(
            try fixture.db.outbox().items.filter { $0.sourceKey.hasPrefix("appointment:AP-000001") }.allSatisfy {
                $0.state == .cancelled
            })
        #expect(throws: Conflict.self) { try fixture.db.cancelAppointment("AP-000001", reason: "再次", actor: "王丽") }
        let again = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-08 10:00"), actor: "王丽")
        #expect(again.appointment.state == .booked)
    }

    @Test("a no-show is counted for the customer and raises a call task (A-3); only after the arrival time")
    func noShow() throws {
        let fixture = try BookingFixture()
        let card = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 10:00"), actor: "王丽")
        #expect(throws: Conflict.self) { try fixture.db.recordNoShow(card.appointment.number, note: nil, actor: "王丽") }
        fixture.clock.set("2026-12-07T11:00:00+08:00")
        let missed = try fixture.db.recordNoShow(card.appointment.number, note: "电话未接", actor: "王丽")
        #expect(missed.appointment.state == .noShow)
        #expect(missed.noShows == 1)
        let tasks = try fixture.db.writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT kind, rule, note FROM care_task WHERE customer_id = ?", arguments: [fixture.customer])
        }
        #expect(tasks.map { $0["kind"] as String } == ["no-show-call"])
        #expect(tasks.map { $0["rule"] as String } == ["A-3"])
    }

    @Test("reminders for tomorrow are queued once however often it runs (A-3)")
    func reminders() throws {
        let fixture = try BookingFixture()
        _ = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-08 09:00"), actor: "王丽")
        #expect(try fixture.db.queueAppointmentReminders(day: nil, actor: "cron") == 1)
        #expect(try fixture.db.queueAppointmentReminders(day: nil, actor: "cron") == 0)
        let keys = try fixture.db.outbox().items.map(\.sourceKey)
        #expect(keys.contains { $0.hasPrefix("appointment:AP-000001:remind-") })
    }

    @Test("an unknown operation or advisor, a time off the quarter-hour or past, are refused naming the field")
    func refusals() throws {
        let fixture = try BookingFixture()
        #expect(throws: UnknownRecord.self) { try fixture.db.appointmentOffers(fixture.form(jobs: ["99 99"])) }
        var advisor = fixture.form()
        advisor.advisor = "无此人"
        #expect(throws: UnknownRecord.self) { try fixture.db.appointmentOffers(advisor) }
        #expect(throws: InvalidInput.self) {
            try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:10"), actor: "王丽")
        }
        #expect(throws: InvalidInput.self) {
            try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 08:00"), actor: "王丽")
        }
        #expect(try fixture.db.appointments(AppointmentFilter()).isEmpty)
    }

    @Test("the list filters by day, advisor, state and customer")
    func list() throws {
        let fixture = try BookingFixture()
        _ = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-08 09:00"), actor: "王丽")
        _ = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 15:00"), actor: "王丽")
        #expect(
            try fixture.db.appointments(AppointmentFilter()).map(\.appointment.number) == ["AP-000002", "AP-000001"])
        let tomorrow = LocalDate(year: 2026, month: 12, day: 8)!
        #expect(
            try fixture.db.appointments(AppointmentFilter(day: tomorrow)).map(\.appointment.number) == ["AP-000001"])
        #expect(try fixture.db.appointments(AppointmentFilter(advisor: "陈静")).isEmpty)
        #expect(try fixture.db.appointments(AppointmentFilter(state: .cancelled)).isEmpty)
        #expect(try fixture.db.appointments(AppointmentFilter(customerID: fixture.customer.rawValue)).count == 2)
        // A page of the register: the total counts every match, the page starts at its offset.
        let second = AppointmentFilter(limit: 1, offset: 1)
        #expect(try fixture.db.appointments(second).map(\.appointment.number) == ["AP-000001"])
        #expect(try fixture.db.appointmentCount(second) == 2)
        #expect(try fixture.db.appointmentCount(AppointmentFilter(day: tomorrow)) == 1)
    }
}

@Suite("Offers and booking in Chinese")
struct BookingChineseTests {
    @Test("a lost slot, a state and a refusal are said in Chinese")
    func chinese() throws {
        let fixture = try BookingFixture()
        _ = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽")
        let error = try #require(
            throws: SlotTaken.self,
            performing: { try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽") })
        Speech.$current.withValue(Speech(.zh)) {
            #expect(error.description.hasPrefix("arrival: 该时段刚被占用；当前空闲：2026-12-07 09:00 王丽"))
            #expect(AppointmentState.noShow.spoken.rendered() == "爽约")
            #expect(AppointmentState.cancelled.spoken.rendered() == "已取消")
            #expect(AppointmentChannel.dealerCall.spoken.rendered() == "经销商邀约")
            #expect(CareTask.Kind.noShowCall.spoken.rendered() == "爽约回访")
        }
        #expect(throws: InvalidInput.self) { try fixture.db.cancelAppointment("AP-000001", reason: " ", actor: "王丽") }
    }
}
