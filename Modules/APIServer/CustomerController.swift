import Appointments
import Core
import Customers
import Foundation
import Hummingbird
import Storage

/// /v1/customers: cards, search, class moves (C-5) and the contact log (C-8).
struct CustomerController {
    let database: AppDatabase

    struct MoveInput: Codable {
        var to: String
        var reason: String
    }

    struct ContactInput: Codable {
        var channel: String
        var direction: String?
        var outcome: String
        var staff: String?
        var at: String?
        var vin: String?
        var note: String?
        /// Rule C-8: the appointment made in this contact (outcome booked).
        var booking: AppointmentController.BookingBody?
    }

    /// A contact logged with the appointment booked in it (C-8): the contact's members and `appointment`.
    struct BookedContact: Encodable {
        var contact: Contact
        var appointment: AppointmentDocuments.Appointment

        func encode(to encoder: any Encoder) throws {
            try contact.encode(to: encoder)
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(appointment, forKey: .appointment)
        }

        enum Key: CodingKey { case appointment }
    }

    /// Rule C-8: the contact and the appointment booked in it, written together (a lost slot is a 409 with offers).
    static func logBookedContact(
        _ database: AppDatabase, _ id: Customer.ID, _ input: ContactInput, _ booking: AppointmentController.BookingBody,
        principal: Principal
    ) async throws -> Response {
        let asked = try booking.form(vehicle: input.vin, channel: nil, note: input.note)
        do {
            let (contact, card, zone) = try await AppointmentForm.Field.naming(Self.bookingField) {
                try await database.run { db in
                    let zone = try db.settings().timeZone
                    let contact = try Self.contact(id, input, zone: zone, db: db, principal: principal)
                    let booked = try db.logContact(contact, booking: asked, actor: principal.name)
                    return (booked.contact, booked.appointment, zone)
                }
            }
            return try JSON.response(
                BookedContact(
                    contact: contact, appointment: AppointmentDocuments.Appointment(card, zone: zone, full: true)),
                status: .created)
        } catch let error as RenamedField {
            // A lost slot keeps its offers under the field's new name.
            guard let taken = error.underlying as? SlotTaken else { throw error }
            return try await AppointmentController.slotTaken(
                SlotTaken(field: error.field, offers: taken.offers, offered: taken.offered), database)
        }
    }

    /// The contact a request describes, its vehicle looked up and its time read in the dealer's zone.
    static func contact(
        _ id: Customer.ID, _ input: ContactInput, zone: TimeZone, db: AppDatabase, principal: Principal
    ) throws -> Contact {
        var vehicleID: Vehicle.ID?
        if let vin = input.vin { vehicleID = try db.vehicleCard(try db.vehicleVIN(named: vin)).vehicle.id }
        var at = db.now
        if let text = input.at {
            guard let parsed = Instant.parse(text, timeZone: zone) else {
                throw InvalidInput(field: "at", "expected an ISO 8601 time, got \"\(text)\"")
            }
            at = parsed
        }
        return Contact(
            customerID: id, vehicleID: vehicleID, channel: try parseChoice(input.channel, field: "channel"),
            direction: try parseChoice(input.direction ?? "outbound", field: "direction"), at: at,
            staff: input.staff ?? principal.name, outcome: try parseChoice(input.outcome, field: "outcome"),
            note: input.note)
    }

    /// A booking's field as the contact route names it: `vin` for the vehicle, `booking.…` for the rest.
    static func bookingField(_ field: AppointmentForm.Field) -> String {
        field == .vehicle ? "vin" : field == .note ? "note" : "booking." + field.rawValue
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("customers", .readCustomers) { request, _, _ in
            let query = Query(request: request)
            let (limit, offset) = try query.page()
            let customerClass = try query.string("class").map { try CustomerClass.parse($0) }
            let owner = query.string("owner")
            return try JSON.response(
                try await database.run {
                    try $0.listCustomers(customerClass: customerClass, owner: owner, limit: limit, offset: offset)
                })
        }
        routes.post("customers", .writeCustomers) { request, context, principal in
            let form = try await JSON.body(CustomerForm.self, request, context)
            let card = try await database.run { db in
                try db.addCustomer(
                    NewCustomer(
                        customer: try form.customer(now: db.now), phones: form.phones ?? [],
                        allowSharedPhones: form.sharedPhones ?? false, reason: form.reason), actor: principal.name)
            }
            return try JSON.response(card, status: .created)
        }
        routes.get("customers/search", .readCustomers) { request, _, _ in
            let query = Query(request: request)
            guard let text = query.string("q") else {
                throw InvalidInput(field: "q", "is required: a name, phone, plate or VIN")
            }
            let field: SearchField? = try query.string("by").map { try parseChoice($0, field: "by") }
            let (limit, offset) = try query.page()
            return try JSON.response(
                try await database.run { try $0.searchCustomers(text, by: field, limit: limit, offset: offset) })
        }
        routes.get("customers/:id", .readCustomers) { _, context, _ in
            let id = try customerID(context)
            return try JSON.response(try await database.run { try $0.customerCard(id) })
        }
        routes.patch("customers/:id", .writeCustomers) { request, context, principal in
            let id = try customerID(context)
            let update = try await JSON.body(CustomerEdit.self, request, context)
            return try JSON.response(try await database.run { try $0.editCustomer(id, update, actor: principal.name) })
        }
        routes.post("customers/:id/move", .moveCustomers) { request, context, principal in
            let id = try customerID(context)
            let input = try await JSON.body(MoveInput.self, request, context)
            let target = try CustomerClass.parse(input.to, field: "to")
            return try JSON.response(
                try await database.run {
                    try $0.moveCustomer(id, to: target, reason: input.reason, actor: principal.name)
                })
        }
        routes.get("customers/:id/contacts", .readCustomers) { request, context, _ in
            let id = try customerID(context)
            let (limit, offset) = try Query(request: request).page()
            return try JSON.response(
                try await database.run { try $0.contacts(customer: id, limit: limit, offset: offset) })
        }
        routes.post("customers/:id/contacts", .logContacts) { request, context, principal in
            let id = try customerID(context)
            let input = try await JSON.body(ContactInput.self, request, context)
            if let booking = input.booking {
                guard principal.role.may(.bookAppointments) else {
                    throw Forbidden(permission: .bookAppointments, role: principal.role)
                }
                return try await Self.logBookedContact(database, id, input, booking, principal: principal)
            }
            let contact = try await database.run { db -> Contact in
                let contact = try Self.contact(
                    id, input, zone: try db.settings().timeZone, db: db, principal: principal)
                return try db.logContact(contact, actor: principal.name)
            }
            return try JSON.response(contact, status: .created)
        }
        routes.patch("contacts/:id", .logContacts) { request, context, principal in
            let id: Contact.ID = try context.id(what: "a contact id")
            let input = try await JSON.body(ContactEditInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    try db.editContact(
                        id, channel: try input.channel.map { try parseChoice($0, field: "channel") },
                        direction: try input.direction.map { try parseChoice($0, field: "direction") },
                        outcome: try input.outcome.map { try parseChoice($0, field: "outcome") },
                        at: try input.at.map { try instant($0, field: "at", db: db) }, note: input.note,
                        actor: principal.name)
                })
        }
    }
}

struct ContactEditInput: Codable {
    var channel: String?
    var direction: String?
    var outcome: String?
    var at: String?
    var note: String?
}

func customerID(_ context: APIRequestContext) throws -> Customer.ID {
    try context.id(what: "a customer id")
}

/// The vehicle a path names: its VIN, its plate or the last 6 to 8 characters of its VIN.
func vin(_ context: APIRequestContext, _ database: AppDatabase) async throws -> VIN {
    let text = try context.parameter("vin")
    return try await database.run { try $0.vehicleVIN(named: text) }
}
