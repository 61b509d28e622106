import AppointmentStorage
import Appointments
import Campaigns
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import MessagingStorage
import StorageKernel

// A contact is the customer area's record (C-8), and it may answer a campaign (M-4, messaging's): logging
// one, directly or by completing a care task, is a use case above both areas.
extension AppDatabase {
    /// Logs a contact attempt and its outcome (C-8); audited. The vehicle, when given, must be the
    /// customer's; the time may not lie in the future.
    public func logContact(_ contact: Contact, actor: String) throws -> Contact {
        try writer.write { db in try Self.insertContact(db, contact, now: clock.now(), actor: actor) }
    }

    /// Rule C-8: a customer who decides to come is booked in the same contact. Logs the contact with the outcome
    /// booked and books the appointment (a slot, or the preferred time as a request) in ONE transaction: a slot lost
    /// meanwhile (`SlotTaken`) or any refusal leaves neither. The vehicle is the contact's, else the form's, and
    /// must be the customer's; the booking's channel follows the contact (an outbound contact is the dealer's call,
    /// A-5). The campaign response (M-4) is recorded as the contact and the booking record it.
    public func logContact(
        _ contact: Contact, booking form: AppointmentForm, actor: String
    ) throws -> (contact: Contact, appointment: AppointmentCard) {
        guard contact.outcome == .booked else {
            throw InvalidInput(
                field: "outcome", "a booking comes with the outcome booked, not \(contact.outcome.spoken) (C-8)")
        }
        var form = form
        form.note = form.note ?? contact.note
        form.channel =
            contact.direction == .outbound
            ? .dealerCall : contact.channel == .phone ? .phone : contact.channel == .visit ? .inStore : .web
        // The contact's vehicle is read once, in the write; a vehicle only the form names is looked up by name first.
        var named: VIN?
        if contact.vehicleID == nil {
            guard let text = form.vehicle?.trimmed().nilIfEmpty else {
                throw InvalidInput(field: "vehicle", "name the vehicle to book (C-8)")
            }
            named = try vehicleVIN(named: text, field: "vehicle")
        }
        let asked = form
        let (logged, number) = try writer.write { db -> (Contact, String) in
            let now = clock.now()
            var contact = contact
            let (column, key): (String, any DatabaseValueConvertible) =
                named.map { ("vin", $0) } ?? ("id", contact.vehicleID!)
            let vehicle = try Row.fetchOne(
                db, sql: "SELECT id, customer_id, vin FROM vehicle WHERE \(column) = ?", arguments: [key])
            var form = asked
            form.vehicle = vehicle.map { $0["vin"] as String } ?? named?.value
            let valid = try form.validated(booking: true)
            guard let vehicle, (vehicle["customer_id"] as Int64) == contact.customerID.rawValue else {
                throw Conflict(field: "vehicle", "vehicle \(valid.vehicle!) is not customer \(contact.customerID)'s")
            }
            let vin: VIN = vehicle["vin"]
            contact.vehicleID = Vehicle.ID(vehicle["id"] as Int64)
            let logged = try Self.insertContact(db, contact, now: now, actor: actor)
            let number = try Self.insertBooking(
                db, valid, vin: vin, contact: logged.id!.rawValue, now: now, actor: actor)
            return (logged, number)
        }
        return (logged, try appointment(number))
    }

    package static func insertContact(_ db: Database, _ contact: Contact, now: Date, actor: String) throws -> Contact {
        var contact = contact
        _ = try fetchCustomer(db, id: contact.customerID)
        let staff = contact.staff.trimmed()
        guard !staff.isEmpty else { throw InvalidInput(field: "staff", "must not be empty") }
        try requireCurrentStaff(db, staff, actor: actor, at: contact.at, field: "staff")
        if let vehicleID = contact.vehicleID {
            let owner = try Customer.ID.fetchOne(
                db, sql: "SELECT customer_id FROM vehicle WHERE id = ?", arguments: [vehicleID])
            guard owner == contact.customerID else {
                throw Conflict(field: "vehicle", "vehicle \(vehicleID) is not customer \(contact.customerID)'s")
            }
        }
        guard contact.at <= now.addingTimeInterval(300) else {
            throw Conflict(
                field: "at", "\(Instant.isoString(contact.at, in: try settings(db).timeZone)) is in the future")
        }
        try db.execute(
            sql: """
                INSERT INTO contact (customer_id, vehicle_id, channel, direction, at, staff, outcome, note, task_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                contact.customerID, contact.vehicleID, contact.channel, contact.direction, contact.at, staff,
                contact.outcome, contact.note, contact.taskID,
            ])
        contact.id = Contact.ID(db.lastInsertedRowID)
        try Audit.record(
            db, at: now, actor: actor, entity: "contact", id: contact.id!.description, action: "create",
            after: contact.auditFields)
        // Rule M-4: a booking, a visit or a reply counts for the campaign the customer heard from last.
        let response: ResponseKind? =
            contact.outcome == .booked
            ? .appointment
            : contact.direction == .inbound ? (contact.channel == .visit ? .visit : .reply) : nil
        if let response {
            try attributeResponse(
                db, customer: contact.customerID, kind: response, at: contact.at, source: "contact \(contact.id!)",
                channel: nil)
        }
        return contact
    }
    /// Completes a task, recording who, when and the customer's response; with a channel, the call or
    /// letter is also logged as a contact (C-8). The next monthly call follows (C-7).
    public func completeTask(_ id: CareTask.ID, _ completion: TaskCompletion, actor: String) throws -> CareTask {
        let response = completion.response.trimmed()
        guard !response.isEmpty else {
            throw InvalidInput(field: "response", "record the customer's response (C-7, C-8)")
        }
        return try writer.write { db in
            let now = clock.now()
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM care_task WHERE id = ?", arguments: [id]) else {
                throw NotFound("task", id.description, field: "id")
            }
            var task = CareTask(row: row)
            if let doneAt = task.doneAt {
                throw Conflict(
                    field: "id",
                    "task \(id) was already done at \(Instant.isoString(doneAt, in: try Self.settings(db).timeZone)) "
                        + "by \(task.doneBy ?? "?")"
                )
            }
            let before = task.auditFields
            let at = completion.at ?? now
            guard at <= now.addingTimeInterval(300) else {
                throw Conflict(
                    field: "at", "\(Instant.isoString(at, in: try Self.settings(db).timeZone)) is in the future")
            }
            task.doneAt = at
            task.doneBy = completion.staff?.trimmed().nilIfEmpty ?? actor
            try Self.requireCurrentStaff(db, task.doneBy!, actor: actor, at: at, field: "staff")
            task.response = response
            try db.execute(
                sql: "UPDATE care_task SET done_at = ?, done_by = ?, response = ? WHERE id = ?",
                arguments: [task.doneAt, task.doneBy, response, id])
            try Audit.record(
                db, at: now, actor: actor, entity: "care_task", id: id.description, action: "done", before: before,
                after: task.auditFields)
            if let channel = completion.channel {
                let direction: Contact.Direction = .outbound
                _ = try Self.insertContact(
                    db,
                    Contact(
                        customerID: task.customerID, vehicleID: task.vehicleID, channel: channel, direction: direction,
                        at: at, staff: task.doneBy!, outcome: completion.outcome,
                        note: "\(task.title) (\(task.rule)): \(response)", taskID: id.rawValue),
                    now: now, actor: actor)
            }
            let settings = try Self.settings(db)
            try planMonthlyCalls(
                db, asOf: LocalDate(instant: now, in: settings.timeZone), actor: actor, vehicle: task.vehicleID)
            return task
        }
    }
}
