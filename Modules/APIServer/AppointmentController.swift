import Appointments
import Core
import Foundation
import Hummingbird
import Storage

/// /v1/appointments: offers, booking and the register, as `aftersales appointment offer | book |
/// list | show | reschedule | cancel | no-show | remind` give them. Each reads its body into the one
/// `AppointmentForm` the CLI fills and calls the same use case; a body's property is named as the form's field, so
/// a 400 names the property the caller sent. A slot lost to another booking is a 409 whose problem carries the
/// slots free now (`offers`).
struct AppointmentController {
    let database: AppDatabase

    /// An offer's question: the vehicle, the work, the channel, the earliest time and advisor.
    struct OfferInput: Codable {
        var vehicle: String?
        var jobs: [String]?
        var description: String?
        var hours: String?
        var channel: String?
        var after: String?
        var advisor: String?
    }

    /// A booking: the vehicle, the channel and the note, with the work and the slot of `BookingBody` in the same
    /// object.
    struct BookInput: Codable {
        var vehicle: String?
        var channel: String?
        var note: String?
        var booking: BookingBody

        enum CodingKeys: CodingKey { case vehicle, channel, note }

        /// One flat object on the wire; the vehicle is read first, so a body wrong in several places names it first.
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            vehicle = try container.decodeIfPresent(String.self, forKey: .vehicle)
            booking = try BookingBody(from: decoder)
            channel = try container.decodeIfPresent(String.self, forKey: .channel)
            note = try container.decodeIfPresent(String.self, forKey: .note)
        }

        func encode(to encoder: any Encoder) throws {
            try booking.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(vehicle, forKey: .vehicle)
            try container.encodeIfPresent(channel, forKey: .channel)
            try container.encodeIfPresent(note, forKey: .note)
        }
    }

    /// The work and the slot of a booking: the work as an offer names it, and an offered slot (`arrival`, with
    /// its advisor, bay and technician) or the customer's preferred time (`preferred`) recorded as a request; the
    /// campaign that led to it (M-4). A booking body carries them, and so does a contact's `booking` (C-8).
    struct BookingBody: Codable {
        var jobs: [String]?
        var description: String?
        var hours: String?
        var arrival: String?
        var advisor: String?
        var bay: String?
        var technician: String?
        var preferred: String?
        var campaign: String?

        /// The form of the booking: the vehicle and the channel (phone when absent) as an offer reads them, the
        /// work and the slot, and the note.
        func form(vehicle: String?, channel: String?, note: String?) throws -> AppointmentForm {
            var form = try AppointmentController.work(
                vehicle: vehicle, jobs: jobs, description: description, hours: hours, channel: channel)
            form.arrival = arrival
            form.advisor = advisor
            form.bay = bay
            form.technician = technician
            form.preferred = preferred
            form.note = note
            form.campaign = campaign
            return form
        }
    }

    struct RescheduleInput: Codable {
        var arrival: String?
        var advisor: String?
        var bay: String?
        var technician: String?
        var note: String?
    }

    struct CancelInput: Codable {
        var reason: String?
    }

    struct NoShowInput: Codable {
        var note: String?
    }

    struct RemindInput: Codable {
        var day: String?
    }

    /// The problem of a lost race: the usual problem members and the slots free now.
    struct SlotTakenProblem: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String
        var field: String?
        var offers: [AppointmentDocuments.Slot]
    }

    /// A page of the register, in the shape every list answers.
    struct ListPage: Encodable {
        var items: [AppointmentDocuments.Appointment]
        var total: Int
        var limit: Int
        var offset: Int
        var more: Bool
    }

    /// The question an offer and a booking both ask: the vehicle, its work, the channel (phone when absent).
    static func work(
        vehicle: String?, jobs: [String]?, description: String?, hours: String?, channel: String?
    ) throws -> AppointmentForm {
        var form = AppointmentForm()
        form.vehicle = vehicle
        form.jobs = jobs ?? []
        form.description = description
        form.hours = hours
        form.channel = try channel.map { try parseChoice($0, field: AppointmentForm.Field.channel.rawValue) } ?? .phone
        return form
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.post("appointments/offers", .readAppointments) { request, context, _ in
            let input = try await JSON.body(OfferInput.self, request, context)
            var form = try Self.work(
                vehicle: input.vehicle, jobs: input.jobs, description: input.description, hours: input.hours,
                channel: input.channel)
            form.after = input.after
            form.advisor = input.advisor
            let asked = form
            let (offer, zone) = try await database.run { db in
                (try db.appointmentOffers(asked), try db.settings().timeZone)
            }
            return try JSON.response(AppointmentDocuments.Offer(offer, zone: zone))
        }
        routes.post("appointments/reminders", .bookAppointments) { request, context, principal in
            let input = try await JSON.body(RemindInput.self, request, context)
            let day = try input.day.map { try LocalDate.parse($0, field: "day") }
            let queued = try await database.run { try $0.queueAppointmentReminders(day: day, actor: principal.name) }
            return try JSON.response(["queued": queued])
        }
        routes.post("appointments", .bookAppointments) { request, context, principal in
            let input = try await JSON.body(BookInput.self, request, context)
            let form = try input.booking.form(vehicle: input.vehicle, channel: input.channel, note: input.note)
            return try await Self.card(database, status: .created) {
                try $0.bookAppointment(form, actor: principal.name)
            }
        }
        routes.get("appointments", .readAppointments) { request, _, _ in
            let query = Query(request: request)
            let day = try query.string("day").map { try LocalDate.parse($0, field: "day") }
            let state: AppointmentState? = try query.string("state").map { try parseChoice($0, field: "state") }
            let customer = try query.string("customer").map { _ in
                Int64(try query.int("customer", default: 0, range: 1...Int.max))
            }
            let page = try query.page()
            let filter = AppointmentFilter(
                day: day, advisor: try query.string("advisor"), state: state, customerID: customer,
                limit: page.limit, offset: page.offset)
            let (cards, total, zone) = try await database.run { db in
                (try db.appointments(filter), try db.appointmentCount(filter), try db.settings().timeZone)
            }
            let items = cards.map { AppointmentDocuments.Appointment($0, zone: zone, full: false) }
            return try JSON.response(
                ListPage(
                    items: items, total: total, limit: page.limit, offset: page.offset,
                    more: page.offset + items.count < total))
        }
        routes.get("appointments/:number", .readAppointments) { _, context, _ in
            let number = try context.parameter("number")
            return try await Self.card(database, status: .ok) { try $0.appointment(number) }
        }
        routes.post("appointments/:number/reschedule", .bookAppointments) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(RescheduleInput.self, request, context)
            var form = AppointmentForm()
            guard let arrival = input.arrival else {
                throw InvalidInput(field: AppointmentForm.Field.arrival.rawValue, "is missing")
            }
            form.arrival = arrival
            form.advisor = input.advisor
            form.bay = input.bay
            form.technician = input.technician
            form.note = input.note
            let asked = form
            return try await Self.card(database, status: .ok) {
                try $0.rescheduleAppointment(number, asked, actor: principal.name)
            }
        }
        routes.post("appointments/:number/cancel", .bookAppointments) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(CancelInput.self, request, context)
            guard let reason = input.reason else { throw InvalidInput(field: "reason", "is missing") }
            return try await Self.card(database, status: .ok) {
                try $0.cancelAppointment(number, reason: reason, actor: principal.name)
            }
        }
        routes.post("appointments/:number/no-show", .bookAppointments) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(NoShowInput.self, request, context)
            return try await Self.card(database, status: .ok) {
                try $0.recordNoShow(number, note: input.note, actor: principal.name)
            }
        }
    }

    /// The appointment a use case answers, with its history; `SlotTaken` as a 409 carrying the fresh offers.
    static func card(
        _ database: AppDatabase, status: HTTPResponse.Status,
        _ body: @escaping @Sendable (AppDatabase) throws -> AppointmentCard
    ) async throws -> Response {
        do {
            let (card, zone) = try await database.run { db in (try body(db), try db.settings().timeZone) }
            return try JSON.response(AppointmentDocuments.Appointment(card, zone: zone, full: true), status: status)
        } catch let error as SlotTaken {
            return try await slotTaken(error, database)
        }
    }

    /// A lost slot as a 409 problem carrying the slots free now.
    static func slotTaken(_ error: SlotTaken, _ database: AppDatabase) async throws -> Response {
        let zone = try await database.run { try $0.settings().timeZone }
        let base = ProblemMiddleware<APIRequestContext>.document(
            status: .conflict, detail: error.sentence, field: error.field, kind: error.kind.rawValue)
        let problem = SlotTakenProblem(
            type: base.type, title: base.title, status: base.status, detail: base.detail, field: base.field,
            offers: error.offers.map { AppointmentDocuments.Slot($0, zone: zone) })
        var response = try JSON.response(problem, status: .conflict)
        response.headers[.contentType] = "application/problem+json"
        return response
    }
}
