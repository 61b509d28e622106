import Appointments
import Core
import Foundation

/// Appointments as JSON, the same for `appointment … --format json` and the API (/v1/appointments): English keys
/// and raw values, times in the dealer's zone with their offset.
public enum AppointmentDocuments {
    public struct Slot: Encodable, Sendable {
        public var arrival: String
        public var advisor: String
        public var bay: String
        public var technician: String
        public var workEnd: String

        public init(_ slot: Reservation, zone: TimeZone) {
            arrival = Instant.isoString(slot.arrival, in: zone)
            advisor = slot.advisor
            bay = slot.bay
            technician = slot.technician
            workEnd = Instant.isoString(slot.workEnd, in: zone)
        }
    }

    public struct Job: Encodable, Sendable {
        public var operation: String?
        public var description: String
        public var hours: String
        public var skill: String
        public var price: String

        public init(_ job: BookedJob) {
            operation = job.operation
            description = job.description
            hours = AppointmentDocuments.hours(job.centihours)
            skill = job.skill.rawValue
            price = job.price.plain
        }
    }

    public struct Offer: Encodable, Sendable {
        public var vin: String
        public var plate: String?
        public var customer: String
        public var minutes: Int
        public var price: String
        public var usualAdvisor: String?
        public var jobs: [Job]
        public var slots: [Slot]

        public init(_ offer: AppointmentOffer, zone: TimeZone) {
            vin = offer.vin
            plate = offer.plate
            customer = offer.customer
            minutes = offer.work.minutes
            price = offer.work.price.plain
            usualAdvisor = offer.usualAdvisor
            jobs = offer.work.jobs.map(Job.init)
            slots = offer.slots.map { Slot($0, zone: zone) }
        }
    }

    public struct Event: Encodable, Sendable {
        public var kind: String
        public var at: String
        public var actor: String
        public var arrivalBefore: String?
        public var arrivalAfter: String?
        public var note: String?
    }

    public struct Appointment: Encodable, Sendable {
        public var number: String
        public var state: String
        public var channel: String
        public var customerId: Int64
        public var customer: String
        public var vin: String
        public var plate: String?
        public var slot: Slot?
        public var preferredTime: String?
        public var price: String
        public var jobs: [Job]
        public var note: String?
        public var workOrder: String?
        /// The contact it was booked in (C-8).
        public var contactId: Int64?
        public var noShows: Int?
        public var history: [Event]?

        public init(_ card: AppointmentCard, zone: TimeZone, full: Bool) {
            let appointment = card.appointment
            number = appointment.number
            state = appointment.state.rawValue
            channel = appointment.channel.rawValue
            customerId = appointment.customerID
            customer = card.customer
            vin = appointment.vin
            plate = card.plate
            slot = appointment.reservation.map { Slot($0, zone: zone) }
            preferredTime = appointment.preferredTime.map { Instant.isoString($0, in: zone) }
            price = appointment.price.plain
            jobs = appointment.jobs.map(Job.init)
            note = appointment.note
            workOrder = appointment.workOrder
            contactId = card.contact
            if full {
                noShows = card.noShows
                history = card.history.map {
                    Event(
                        kind: $0.kind, at: Instant.isoString($0.at, in: zone), actor: $0.actor,
                        arrivalBefore: $0.arrivalBefore.map { Instant.isoString($0, in: zone) },
                        arrivalAfter: $0.arrivalAfter.map { Instant.isoString($0, in: zone) }, note: $0.note)
                }
            }
        }
    }

    /// `0.8`, `1.5`, `2`: hours from hundredths.
    public static func hours(_ centihours: Int) -> String {
        let fraction = centihours % 100
        guard fraction != 0 else { return String(centihours / 100) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return "\(centihours / 100).\(digits)"
    }
}
