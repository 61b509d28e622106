import Appointments
import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite("A booking in the contact (C-8)")
struct ContactBookingTests {
    func call(
        _ fixture: BookingFixture, outcome: Contact.Outcome = .booked, direction: Contact.Direction = .outbound
    )
        -> Contact
    {
        Contact(
            customerID: fixture.customer, channel: .phone, direction: direction, at: fixture.db.now, staff: "王丽",
            outcome: outcome, note: "周一来保养")
    }

    func counts(_ fixture: BookingFixture) throws -> [Int] {
        try fixture.db.writer.read { db in
            try ["contact", "appointment", "outbox", "audit_log"].map {
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0
            }
        }
    }

    @Test("a contact with the outcome booked books in the same step: both written, linked, the call's channel (C-8)")
    func booked() throws {
        let fixture = try BookingFixture()
        let logged = try fixture.db.logContact(
            call(fixture), booking: fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽")
        #expect(logged.appointment.appointment.number == "AP-000001")
        #expect(logged.appointment.appointment.channel == .dealerCall)
        #expect(logged.appointment.appointment.note == "周一来保养")
        #expect(logged.contact.outcome == .booked && logged.contact.vehicleID != nil)
        let link = try fixture.db.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT contact_id FROM appointment WHERE number = 'AP-000001'")
        }
        #expect(link == logged.contact.id?.rawValue)
        // The card says which contact it was booked in, as the register's list does.
        #expect(logged.appointment.contact == link && link != nil)
        #expect(try fixture.db.appointment("AP-000001").contact == link)
        #expect(try fixture.db.appointments(AppointmentFilter()).map(\.contact) == [link])
        #expect(try fixture.db.outbox().items.map(\.sourceKey) == ["appointment:AP-000001:confirm"])
        // A customer calling in is booked on the phone channel; a preferred time is a request.
        let inbound = try fixture.db.logContact(
            call(fixture, direction: .inbound),
            booking: fixture.form(arrival: nil).with { $0.preferred = "2026-12-20 10:00" },
            actor: "王丽")
        #expect(inbound.appointment.appointment.channel == .phone)
        #expect(inbound.appointment.appointment.state == .requested)
    }

    @Test("a slot taken meanwhile, another outcome, another customer's car: refused, neither contact nor booking")
    func refused() throws {
        let fixture = try BookingFixture()
        _ = try fixture.db.bookAppointment(fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽")
        let other = try fixture.db.addCustomer(
            NewCustomer(
                customer: Customer(name: "李强", customerClass: .retained, createdAt: fixture.db.now),
                phones: ["13900139000"], reason: "老客户"),
            actor: "t"
        ).customer.id!
        let before = try counts(fixture)
        #expect(throws: SlotTaken.self) {
            try fixture.db.logContact(call(fixture), booking: fixture.form(arrival: "2026-12-07 12:00"), actor: "王丽")
        }
        let wrongOutcome = try #require(throws: InvalidInput.self) {
            try fixture.db.logContact(
                call(fixture, outcome: .reached), booking: fixture.form(arrival: "2026-12-07 14:00"), actor: "王丽")
        }
        #expect(wrongOutcome.field == "outcome")
        var stranger = call(fixture)
        stranger.customerID = other
        let notTheirs = try #require(throws: Conflict.self) {
            try fixture.db.logContact(stranger, booking: fixture.form(arrival: "2026-12-07 14:00"), actor: "王丽")
        }
        #expect(notTheirs.field == "vehicle")
        #expect(try counts(fixture) == before)
    }
}

extension AppointmentForm {
    func with(_ change: (inout AppointmentForm) -> Void) -> AppointmentForm {
        var copy = self
        change(&copy)
        return copy
    }
}
