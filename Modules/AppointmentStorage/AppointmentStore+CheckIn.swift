import Appointments
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import WorkOrderStorage
import WorkOrders

extension AppDatabase {
    /// Rule A-6: reception turns booking `number` into a repair order, in one transaction with the booking's change:
    /// the order is opened as `workorder open` opens it (the mileage a new reading, C-6) with one job per booked piece
    /// of work — a catalogue operation gets its labour line (hours × labour rate) and its menu parts as part lines
    /// (Q-1); free work is a job without lines — then one job per further concern. The booking becomes
    /// `checked-in` with the order's number, a history event and an audit entry. `form.vin`, when given, is the car
    /// that came: another car than the booked one is refused; the advisor defaults to the booking's when they are
    /// current staff, else the actor. A booking not `booked` (already checked in, cancelled, missed, only requested)
    /// is refused naming `appointment`.
    public func checkInAppointment(_ number: String, _ form: ReceptionForm, actor: String) throws -> WorkOrder {
        let seen = try form.vin?.trimmed().nilIfEmpty.map { try vehicleVIN(named: $0, field: "vin") }
        return try writer.write { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            let zone = settings.timeZone
            let key = number.trimmed().uppercased()
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT id, state, vin, advisor, work_order FROM appointment WHERE number = ?",
                    arguments: [key])
            else { throw NotFound("appointment", key, field: "appointment") }
            let id: Int64 = row["id"]
            let state = AppointmentState(rawValue: row["state"]) ?? .requested
            switch state {
            case .booked: break
            case .checkedIn:
                throw Conflict(
                    field: "appointment",
                    "\(key) is already checked in: repair order \(row["work_order"] as String? ?? "")")
            case .cancelled:
                throw Conflict(
                    field: "appointment", "\(key) was cancelled: only a booked appointment is checked in (A-6)")
            case .noShow:
                throw Conflict(
                    field: "appointment",
                    "\(key) was recorded as a no-show: only a booked appointment is checked in (A-6)")
            case .requested:
                throw Conflict(
                    field: "appointment", "\(key) is a request without a slot: book it before checking it in (A-6)")
            }
            let vin = VIN(trusted: row["vin"])
            if let seen, seen != vin {
                throw Conflict(
                    field: "vin",
                    "\(key) is booked for \(vin.value), not \(seen.value): open a repair order for that car instead")
            }
            let jobs = try Row.fetchAll(
                db,
                sql: "SELECT operation, description FROM appointment_job WHERE appointment_id = ? ORDER BY position",
                arguments: [id])
            var reception = form
            reception.vin = vin.value
            reception.concerns = jobs.map { $0["description"] as String } + (form.concerns ?? [])
            if reception.advisor?.trimmed().nilIfEmpty == nil, let booked = row["advisor"] as String? {
                let current =
                    (try? Self.requireCurrentStaff(db, booked, actor: actor, at: now, field: "advisor")) != nil
                reception.advisor = current ? booked : nil
            }
            let valid = try ReceptionForm.Field.naming({ $0.rawValue }) {
                try reception.validated(now: now, timeZone: zone)
            }
            let vehicle = try Self.fetchVehicle(db, vin: vin)
            let day = LocalDate(instant: now, in: zone)
            let maintenance = settings.text(.callMaintenanceOperation).trimmed()
            var lines: [[WorkOrderLine]] = []
            var kinds: [JobKind?] = []
            for job in jobs {
                guard let operation: String = job["operation"] else {
                    lines.append([])
                    kinds.append(nil)
                    continue
                }
                lines.append(
                    try Self.menuLines(
                        db, operation: operation, vehicle: vehicle, job: 0, on: day, labourRate: settings.labourRate,
                        field: "appointment"))
                kinds.append(operation == maintenance && !maintenance.isEmpty ? .firstLevelMaintenance : nil)
            }
            let order = try Self.openWorkOrder(
                db, valid, vin: vin, settings: settings, now: now, actor: actor, lines: lines, kinds: kinds)
            try db.execute(
                sql: "UPDATE appointment SET state = 'checked-in', work_order = ? WHERE id = ?",
                arguments: [order.number, id])
            try db.execute(
                sql: "INSERT INTO appointment_event (appointment_id, kind, at, actor, note) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, "checked-in", now, actor, order.number])
            try Audit.record(
                db, at: now, actor: actor, entity: "appointment", id: key, action: "check-in",
                before: ["state": state.rawValue, "work_order": nil],
                after: ["state": AppointmentState.checkedIn.rawValue, "work_order": order.number])
            return order
        }
    }
}
