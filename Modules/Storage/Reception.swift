import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import WorkOrderStorage
import WorkOrders

// Reception (A-6) across areas: a vehicle not on file is registered, with its new customer or for a customer on
// file, and its repair order opened, in one transaction; the steps are `customer add`'s, `vehicle add`'s and
// `workorder open`'s own, each audited.
extension AppDatabase {
    /// Rule A-6: opens a repair order at reception. A vehicle on file (`vin`) goes through `openWorkOrder`; a new
    /// vehicle (`newVehicle`) is registered for its new owner (`customer`) or a customer on file (`customerRef`: an
    /// id or a phone) in the same transaction as the order and its mileage reading (C-6), so a refusal anywhere leaves
    /// nothing behind; `customerRef` alone opens the order for that customer's only vehicle. Errors of the customer
    /// and vehicle parts name their field under `customer.` and `newVehicle.` (`customer.name`, `newVehicle.vin`).
    public func receive(_ form: ReceptionForm, actor: String) throws -> WorkOrder {
        guard form.newVehicle != nil || form.customer != nil || form.customerRef?.trimmed().nilIfEmpty != nil else {
            return try openWorkOrder(form, actor: actor)
        }
        let settings = try settings()
        let valid = try ReceptionForm.Field.naming({ $0.rawValue }) {
            try form.validated(now: clock.now(), timeZone: settings.timeZone)
        }
        let newCustomer = try form.customer.map { card in
            try Self.under(ReceptionForm.Field.customer) {
                NewCustomer(
                    customer: try card.customer(now: clock.now()), phones: card.phones ?? [],
                    allowSharedPhones: card.sharedPhones ?? false, reason: card.reason)
            }
        }
        return try writer.write { db in
            let now = clock.now()
            let owner: Customer.ID
            if let newCustomer {
                owner = try Self.under(.customer) { try Self.insertCustomer(db, newCustomer, now: now, actor: actor) }
            } else {
                owner = try Self.customer(db, reference: form.customerRef ?? "")
            }
            let vin: VIN
            if var vehicleForm = form.newVehicle {
                vehicleForm.customerId = owner.rawValue
                vin = try Self.under(.newVehicle) {
                    let vehicle = try vehicleForm.vehicle(now: now, timeZone: settings.timeZone)
                    return try insertVehicle(db, vehicle, now: now, actor: actor).card.vehicle.vin
                }
            } else {
                vin = try Self.onlyVehicle(db, of: owner)
            }
            return try Self.openWorkOrder(db, valid, vin: vin, settings: settings, now: now, actor: actor)
        }
    }

    /// Runs a step of the customer or vehicle part; an error naming a field names it under the part
    /// (`customer.name`, `newVehicle.vin`); one naming none names the part.
    static func under<T>(_ part: ReceptionForm.Field, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any AfterSalesError {
            throw RenamedField(error, field: part.rawValue + (error.field.map { "." + $0 } ?? ""))
        }
    }

    /// The customer `customerRef` names: an id (up to 9 digits) or a phone on exactly one card.
    static func customer(_ db: Database, reference text: String) throws -> Customer.ID {
        let field = ReceptionForm.Field.customerRef.rawValue
        let text = text.trimmed()
        if text.count <= 9, text.first != "0", let id = Int64(text), id > 0 {
            guard try Customer.ID.fetchOne(db, sql: "SELECT id FROM customer WHERE id = ?", arguments: [id]) != nil
            else { throw NotFound("customer", text, field: field) }
            return Customer.ID(id)
        }
        let phone = try ContactDetails.normalizePhone(text, field: field)
        let ids = try Int64.fetchAll(
            db, sql: "SELECT DISTINCT customer_id FROM customer_phone WHERE phone = ? ORDER BY customer_id",
            arguments: [phone])
        guard let first = ids.first else { throw NotFound("customer with the phone", phone, field: field) }
        guard ids.count == 1 else {
            let list = ids.map(String.init).joined(separator: ", ")
            throw Conflict(field: field, "phone \(phone) is on \(ids.count) customers (\(list)); give the customer id")
        }
        return Customer.ID(first)
    }

    /// A-6, opened from a customer search: the customer's only vehicle; several are refused, listed.
    static func onlyVehicle(_ db: Database, of customer: Customer.ID) throws -> VIN {
        let field = ReceptionForm.Field.customerRef.rawValue
        let rows = try Row.fetchAll(
            db, sql: "SELECT vin, plate, make, model FROM vehicle WHERE customer_id = ? ORDER BY id",
            arguments: [customer])
        guard let first = rows.first else {
            throw Conflict(field: field, "customer \(customer.description) has no vehicle on file; register it (A-6)")
        }
        guard rows.count == 1 else {
            let list = rows.map { row -> String in
                let plate: String = row["plate"] ?? Phrase("no plate").rendered()
                return "\(row["vin"] as String) (\(plate), \(row["make"] as String) \(row["model"] as String))"
            }
            throw Conflict(
                field: field,
                "customer \(customer.description) has \(rows.count) vehicles: \(list.joined(separator: ", ")); "
                    + "give the VIN or plate")
        }
        return VIN(trusted: first["vin"])
    }
}
