import Appointments
import Core
import Foundation
import Storage

/// How `appointment …` prints: tables for people (codes said in the language of the moment, times in the dealer's
/// zone), JSON with English keys and raw values for machines.
enum AppointmentPresent {
    typealias SlotDocument = AppointmentDocuments.Slot
    typealias JobDocument = AppointmentDocuments.Job
    typealias OfferDocument = AppointmentDocuments.Offer
    typealias EventDocument = AppointmentDocuments.Event
    typealias AppointmentDocument = AppointmentDocuments.Appointment

    static func hours(_ centihours: Int) -> String { AppointmentDocuments.hours(centihours) }

    static func price(_ money: Money) -> String {
        let phrase: Phrase = "\(money: money)"
        return phrase.rendered()
    }

    /// A history entry's kind as people read it.
    static func eventName(_ kind: String) -> Phrase {
        switch kind {
        case "booked": "booked"
        case "requested": "requested"
        case "rescheduled": "rescheduled"
        case "cancelled": Phrase("cancelled", context: "appointment state")
        case "no-show": "no-show"
        default: Phrase(verbatim: kind)
        }
    }

    static func offer(_ offer: AppointmentOffer, zone: TimeZone, output: Output) throws {
        let document = OfferDocument(offer, zone: zone)
        let vehicle = offer.plate ?? offer.vin
        let total = hours(offer.work.centihours)
        output.note(
            "\(offer.customer) \(vehicle): \(offer.work.jobs.map(\.description).joined(separator: "、")), "
                + "\(total) h, \(money: offer.work.price) (menu price, Q-1)")
        let footer: Phrase? =
            offer.slots.isEmpty
            ? "no free slot in the coming days; record the customer's preferred time with `appointment book "
                + "--preferred`"
            : nil
        try output.emit(
            document,
            table: TextTable(
                columns: ["arrival", "advisor", "bay", "technician", "work ends"],
                rows: offer.slots.map {
                    [
                        Instant.localString($0.arrival, in: zone), $0.advisor, $0.bay, $0.technician,
                        Instant.localString($0.workEnd, in: zone),
                    ]
                }), footer: footer)
    }

    static func card(_ card: AppointmentCard, zone: TimeZone, output: Output) throws {
        let appointment = card.appointment
        let slot = appointment.reservation
        var pairs: [(String, String?)] = [
            ("number", appointment.number), ("state", appointment.state.spoken.rendered()),
            ("channel", appointment.channel.spoken.rendered()), ("customer", card.customer),
            ("vehicle", card.plate ?? appointment.vin),
            ("arrival", slot.map { Instant.localString($0.arrival, in: zone) }),
            ("work ends", slot.map { Instant.localString($0.workEnd, in: zone) }),
            ("advisor", slot?.advisor), ("bay", slot?.bay), ("technician", slot?.technician),
            ("preferred time", appointment.preferredTime.map { Instant.localString($0, in: zone) }),
            (
                "jobs",
                appointment.jobs.map {
                    "\($0.operation.map { $0 + " " } ?? "")\($0.description) \(hours($0.centihours)) h"
                }
                .joined(separator: "; ")
            ),
            ("price", price(appointment.price)), ("note", appointment.note),
            ("no-shows", String(card.noShows)),
        ]
        // C-8: the logged contact the customer decided to come in (`contact list` shows it).
        if let contact = card.contact { pairs.append(("booked in contact", "#\(contact)")) }
        if let order = appointment.workOrder { pairs.append(("repair order", order)) }
        let history = card.history.map { event in
            [
                Instant.localString(event.at, in: zone), eventName(event.kind).rendered(), event.actor,
                [event.arrivalBefore, event.arrivalAfter].compactMap { $0 }.map { Instant.localString($0, in: zone) }
                    .joined(separator: " → "),
                event.note ?? "",
            ]
        }
        let document = AppointmentDocument(card, zone: zone, full: true)
        switch output.format {
        case .table:
            print(TextTable.record(pairs).rendered())
            if !history.isEmpty {
                print(TextTable(columns: ["at", "event", "by", "slot", "note"], rows: history).rendered())
            }
        default:
            try output.emit(document, table: TextTable.record(pairs))
        }
    }

    static func list(_ cards: [AppointmentCard], zone: TimeZone, output: Output) throws {
        let documents = cards.map { AppointmentDocument($0, zone: zone, full: false) }
        try output.emit(
            documents,
            table: TextTable(
                columns: ["number", "arrival", "customer", "vehicle", "advisor", "bay", "state", "price"],
                rows: cards.map { card in
                    let appointment = card.appointment
                    let time = appointment.reservation?.arrival ?? appointment.preferredTime
                    return [
                        appointment.number, time.map { Instant.localString($0, in: zone) } ?? "", card.customer,
                        card.plate ?? appointment.vin, appointment.reservation?.advisor ?? "",
                        appointment.reservation?.bay ?? "", appointment.state.spoken.rendered(),
                        price(appointment.price),
                    ]
                }))
    }
}
