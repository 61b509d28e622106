import Appointments
import Core
import Foundation
import GRDB
import TestSupport
import Testing
import WorkOrders

@testable import Storage

@Suite("The booked price is the menu price (Q-1, A-1)")
struct BookingPriceTests {
    /// The fixture's maintenance with a menu: 4 L of oil at 65.00 and a filter at 86.00.
    func fixture() throws -> BookingFixture {
        let fixture = try BookingFixture()
        try fixture.db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) \
                    VALUES ('06L 115 562 B', '机油滤清器', 8600, 'CNY', '2026-01-01', 't', 0), \
                    ('G 052 195 M4', '机油 1L', 6500, 'CNY', '2026-01-01', 't', 0);
                    INSERT INTO stock (part, on_hand, updated_at) VALUES ('G 052 195 M4', 10, 0);
                    """)
        }
        _ = try fixture.db.setServiceMenu(
            "10 00 00 01",
            ServiceMenuForm(parts: [
                .init(part: "G 052 195 M4", quantity: 4), .init(part: "06L 115 562 B", quantity: 1),
            ]),
            actor: "赵磊")
        return fixture
    }

    @Test("offers and bookings price labour plus the menu's parts; check-in puts exactly that on the repair order")
    func bookedPriceIsCheckInPrice() throws {
        let fixture = try fixture()
        // 1.0 h × 120.00 = 120.00, 4 × 65.00 = 260.00, 86.00: 466.00; the brake job has no menu: 0.9 h = 108.00.
        let offer = try fixture.db.appointmentOffers(fixture.form(jobs: ["10 00 00 01,47 11 19 00"]))
        #expect(offer.work.jobs.map(\.price) == [Money(fen: 46_600), Money(fen: 10_800)])
        let card = try fixture.db.bookAppointment(
            fixture.form(jobs: ["10 00 00 01,47 11 19 00"], arrival: "2026-12-07 12:00"), actor: "王丽")
        #expect(card.appointment.price == Money(fen: 57_400))
        fixture.clock.set("2026-12-07T11:50:00+08:00")
        var reception = ReceptionForm()
        reception.mileage = 21_000
        let order = try fixture.db.checkInAppointment(card.appointment.number, reception, actor: "王丽")
        // the booked price is what the repair order charges for the booked work.
        #expect(Money(fen: order.lines.reduce(0) { $0 + $1.amount.fen }) == card.appointment.price)
        let stored = try fixture.db.writer.read { db in
            try Int.fetchAll(db, sql: "SELECT price_fen FROM appointment_job ORDER BY position")
        }
        #expect(stored == [46_600, 10_800])
    }

    @Test("a dealer call offers the first 3 free slots for its work, dealer-call style (A-5, A-2)")
    func callSlots() throws {
        let fixture = try fixture()
        _ = try fixture.db.setSetting("appointments.calls.maintenance-operation", to: "10 00 00 01", actor: "admin")
        try fixture.db.writer.write { db in
            // W-9: the last maintenance a year ago at 20,000 km: the next falls due on 2026-12-20, within the lead.
            try db.execute(
                sql: """
                    INSERT INTO maintenance_visit (vehicle_id, day, kilometres, created_at)                     SELECT id, '2025-12-20', 20000, 0 FROM vehicle
                    """)
        }
        let call = try #require(try fixture.db.dealerCalls().items.first { $0.reason == .maintenance })
        #expect(call.price == Money(fen: 46_600))
        #expect(call.slots.count == 3)
        let offer = try fixture.db.appointmentOffers(
            {
                var form = fixture.form()
                form.channel = .dealerCall
                return form
            }())
        #expect(call.slots == offer.slots.prefix(3).map(\.arrival))
        #expect(call.slots.allSatisfy { $0 >= fixture.db.now })
    }
}
