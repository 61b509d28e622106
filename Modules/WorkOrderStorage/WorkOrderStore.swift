import Catalog
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty
import WarrantyStorage
import WorkOrders

// The repair-order use cases (A-6, Q-1 to Q-8, L-10, with the links to C-6, W-3, W-6, W-7, W-8, W-9, M-5): each one
// transaction that loads the order, applies the pure rule, stores it whole and writes the audit entry, through the
// one path `changeWorkOrder`.
extension AppDatabase {
    /// The one path of every change to an order: load, apply `change` (a rule of `WorkOrder`, with the database for
    /// what it must read), store, audit `action`; one transaction. Returns the order as stored.
    func changeWorkOrder(
        _ number: String, action: String, actor: String,
        _ change: (inout WorkOrder, Database, Date, DealerSettings) throws -> Void
    ) throws -> WorkOrder {
        try writer.write { db in
            let now = clock.now()
            var order = try WorkOrder.load(db, number: number)
            let before = order.auditFields
            try change(&order, db, now, try Self.settings(db))
            try order.store(db, vehicleID: nil, customerID: nil, now: now, actor: actor)
            try Audit.record(
                db, at: now, actor: actor, entity: "work_order", id: order.number, action: action, before: before,
                after: order.auditFields)
            return order
        }
    }

    /// Rule A-6: opens a repair order for a known vehicle (a VIN, a plate or a VIN's ending, resolved by
    /// `vehicleVIN(named:)`): the mileage is stored as a new reading checked as C-6 does; the advisor, when someone
    /// else than the actor, must be a current staff member. Numbered `RO-<day>-<n>` in the dealer's zone.
    public func openWorkOrder(_ form: ReceptionForm, actor: String) throws -> WorkOrder {
        let settings = try settings()
        let valid = try ReceptionForm.Field.naming({ $0.rawValue }) {
            try form.validated(now: clock.now(), timeZone: settings.timeZone)
        }
        guard let named = valid.vehicle else {
            // A vehicle registered at reception, or a customer's only vehicle: AppDatabase.receive (Storage).
            throw InvalidInput(
                field: ReceptionForm.Field.vin.rawValue, "is required: a VIN, a plate or a VIN's last characters")
        }
        let vin = try vehicleVIN(named: named, field: ReceptionForm.Field.vin.rawValue)
        return try writer.write { db in
            try Self.openWorkOrder(db, valid, vin: vin, settings: settings, now: clock.now(), actor: actor)
        }
    }

    /// The step of `openWorkOrder` inside a transaction, for a vehicle on file (also reception's registering one).
    package static func openWorkOrder(
        _ db: Database, _ valid: ReceptionForm.Validated, vin: VIN, settings: DealerSettings, now: Date, actor: String
    ) throws -> WorkOrder {
        let zone = settings.timeZone
        let vehicle = try Self.fetchVehicle(db, vin: vin)
        let advisor = valid.advisor ?? actor
        try Self.requireCurrentStaff(
            db, advisor, actor: actor, at: now, field: ReceptionForm.Field.advisor.rawValue)
        let reading = MileageReading(
            vehicleID: vehicle.id!, kilometres: valid.reception.mileage, readAt: valid.reception.arrivedAt,
            source: "repair order")
        let existing = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM mileage_reading WHERE vehicle_id = ?"), arguments: [vehicle.id]
        ).map(MileageReading.init(row:))
        try ReceptionForm.Field.naming({ $0 == .mileage ? "mileage" : $0.rawValue }) {
            do {
                try MileageReading.check(reading, against: existing, timeZone: zone)
            } catch let error as InvalidInput where error.field == "kilometres" {
                throw InvalidInput(field: ReceptionForm.Field.mileage.rawValue, error.phrase)
            } catch let error as Conflict where error.field == "kilometres" {
                throw Conflict(field: ReceptionForm.Field.mileage.rawValue, error.phrase)
            }
        }
        let day = LocalDate(instant: valid.reception.arrivedAt, in: zone)
        let compact = day.description.replacingOccurrences(of: "-", with: "")
        // GLOB, not LIKE: case-sensitive, so SQLite counts the day's numbers on the number index instead of
        // reading every order (LIKE ignores case and cannot use it).
        let count =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM work_order WHERE number GLOB ?"),
                arguments: ["RO-\(compact)-*"]) ?? 0
        let suffix = String(count + 1)
        var order = WorkOrder(
            number: "RO-\(compact)-" + String(repeating: "0", count: max(0, 3 - suffix.count)) + suffix,
            vin: vin, advisor: advisor, reception: valid.reception)
        // each concern, in the customer's words, is a job to diagnose and quote.
        for concern in valid.reception.concerns {
            try order.addJob(Job(number: 0, title: concern, kind: .minorRepair, system: .other, fault: concern))
        }
        try order.store(
            db, vehicleID: vehicle.id!.rawValue, customerID: vehicle.customerID.rawValue, now: now, actor: actor)
        try db.execute(
            sql: """
                INSERT INTO mileage_reading (vehicle_id, kilometres, read_at, source, odometer_replaced) \
                VALUES (?, ?, ?, ?, 0)
                """,
            arguments: [vehicle.id, reading.kilometres, reading.readAt, "repair order \(order.number)"])
        try Audit.record(
            db, at: now, actor: actor, entity: "work_order", id: order.number, action: "open",
            after: [
                "vin": vin.value, "advisor": advisor, "mileage": String(valid.reception.mileage),
                "arrived_at": Instant.utcString(valid.reception.arrivedAt),
                "promised_at": valid.reception.promisedAt.map(Instant.utcString),
                "concerns": valid.reception.concerns.joined(separator: "; "),
            ])
        return order
    }

    /// Adds a job: work found after the first quote is supplementary. The vehicle's earlier delivered
    /// jobs are compared: the same job or component within its guarantee is flagged a guarantee repair and,
    /// within the window, a comeback, linked to the first order.
    public func addWorkOrderJob(_ number: String, _ form: JobForm, actor: String) throws -> WorkOrder {
        let job = try JobForm.Field.naming({ $0.rawValue }) { try form.validated() }
        return try changeWorkOrder(number, action: "job", actor: actor) { order, db, _, settings in
            try order.addJob(job)
            try Self.flagRepeat(db, &order, job: order.jobs.last!.number, settings: settings)
        }
    }

    /// Records a job's finding and its 三包 facts (kind, system, component, serious safety fault, waiting days); a
    /// new component is compared with the vehicle's earlier jobs again.
    public func editWorkOrderJob(_ number: String, job: Int, _ form: JobForm, actor: String) throws -> WorkOrder {
        try changeWorkOrder(number, action: "job-edit", actor: actor) { order, db, _, settings in
            try JobForm.Field.naming({ $0.rawValue }) { try order.editJob(job, form) }
            try Self.flagRepeat(db, &order, job: job, settings: settings)
        }
    }

    /// Rules: flags a job that repeats an earlier delivered job of the vehicle.
    static func flagRepeat(_ db: Database, _ order: inout WorkOrder, job number: Int, settings: DealerSettings) throws {
        guard let index = order.jobs.firstIndex(where: { $0.number == number }),
            order.jobs[index].guaranteeOf == nil, order.jobs[index].comebackOf == nil
        else { return }
        let operations = order.lines.filter { $0.job == number && $0.kind == .labour }.map(\.code)
        let earlier = try earlierJobs(db, vin: order.vin, before: order.number, zone: settings.timeZone)
        let day = LocalDate(instant: order.reception.arrivedAt, in: settings.timeZone)
        guard
            let found = RepeatRepair.find(
                component: order.jobs[index].component, operations: operations, on: day,
                mileage: order.reception.mileage, among: earlier, settings: settings)
        else { return }
        if found.underGuarantee {
            order.jobs[index].guaranteeOf = found.earlier.order
            order.jobs[index].guaranteeRepairs = found.earlier.guaranteeRepairs + 1
        }
        if found.comeback { order.jobs[index].comebackOf = found.earlier.order }
    }

    /// The vehicle's jobs on delivered orders other than `before`, newest first.
    static func earlierJobs(_ db: Database, vin: VIN, before number: String, zone: TimeZone) throws -> [EarlierJob] {
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT o.id, o.number, o.mileage, o.delivered_at, j.number AS job, j.kind, j.title, j.component, \
                    j.guarantee_repairs FROM work_order o JOIN work_order_job j ON j.order_id = o.id \
                    WHERE o.vin = ? AND o.number != ? AND o.delivered_at IS NOT NULL AND j.state != 'declined' \
                    ORDER BY o.delivered_at DESC LIMIT 200
                    """), arguments: [vin, number])
        let operations = try db.cachedStatement(
            sql: "SELECT code FROM work_order_line WHERE order_id = ? AND job = ? AND kind = 'labour'")
        return try rows.map { row in
            EarlierJob(
                order: row["number"], job: row["job"], kind: JobKind(rawValue: row["kind"]) ?? .minorRepair,
                title: row["title"], component: row["component"],
                operations: try String.fetchAll(operations, arguments: [row["id"] as Int64, row["job"] as Int]),
                departed: LocalDate(instant: row["delivered_at"], in: zone), departedMileage: row["mileage"],
                guaranteeRepairs: row["guarantee_repairs"])
        }
    }

    /// Rules, W-8: adds a line priced from the catalogue (labour: the operation for the vehicle's model, or
    /// its make's, at the labour rate; a part: the price in force on the day), or other work at its price with its
    /// reason. A warranty line runs the warranty check for its component or part (a recall line: the bulletin's
    /// cover, W-6) and freezes the decision on the line; a refused decision keeps it off warranty.
    public func addWorkOrderLine(_ number: String, _ form: WorkOrderLineForm, actor: String) throws -> WorkOrder {
        let valid = try WorkOrderLineForm.Field.naming({ $0.rawValue }) { try form.validated() }
        return try changeWorkOrder(number, action: "line", actor: actor) { order, db, now, settings in
            let job = try order.job(valid.job)
            let vehicle = try Self.fetchVehicle(db, vin: order.vin)
            let day = LocalDate(instant: now, in: settings.timeZone)
            var line: WorkOrderLine
            switch valid.kind {
            case .labour:
                let operation = try Self.labourOperation(
                    db, code: valid.code, vehicle: vehicle, field: WorkOrderLineForm.Field.code.rawValue)
                line = .labour(
                    number: 0, job: job.number, operation: operation, labourRate: settings.labourRate,
                    payer: valid.payer)
                line.quantityHundredths *= valid.quantity
            case .part:
                let (part, prices) = try Self.catalogPart(
                    db, number: valid.code, field: WorkOrderLineForm.Field.code.rawValue)
                line = try .part(
                    number: 0, job: job.number, part: part, prices: prices, on: day, quantity: valid.quantity,
                    payer: valid.payer)
            case .other:
                line = WorkOrderLine(
                    number: 0, job: job.number, kind: .other, code: valid.code,
                    description: valid.description ?? valid.code, quantityHundredths: valid.quantity * 100,
                    unitPrice: valid.price!, payer: valid.payer, reason: valid.reason)
            }
            if let description = valid.description { line.description = description }
            line.reason = valid.reason
            line.component = valid.component ?? job.component
            line.bulletin = valid.bulletin
            if valid.payer == .warranty {
                line.decision = try Self.lineDecision(db, order: order, line: line, on: day)
            }
            try order.addLine(line)
            try Self.flagRepeat(db, &order, job: job.number, settings: settings)
        }
    }

    /// Rule Q-1: the labour operation for the vehicle's model, or its make's; `UnknownRecord` naming `field` when the
    /// stored catalogue has neither (a record that does not exist, 404, not a malformed request).
    package static func labourOperation(
        _ db: Database, code: String, vehicle: Vehicle, field: String
    ) throws -> LabourOperation {
        guard let operation = try labourOperation(db, code: code, make: vehicle.make, model: vehicle.model) else {
            throw UnknownRecord(
                field: field,
                "labour operation \(code) is not in the catalogue for \(vehicle.make) \(vehicle.model) (Q-1)")
        }
        return operation
    }

    /// Rule Q-1: a catalogue part with its dated prices; `UnknownRecord` naming `field` when the catalogue lacks it.
    package static func catalogPart(
        _ db: Database, number: String, field: String
    ) throws -> (part: CatalogPart, prices: [PartPrice]) {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM part WHERE number = ?"), arguments: [number])
        else {
            throw UnknownRecord(field: field, "part \(number) is not in the catalogue (Q-1)")
        }
        let part = CatalogPart(
            number: row["number"], name: row["name"], price: Money(fen: row["price_fen"]), currency: row["currency"])
        let prices = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM part_price WHERE number = ?"), arguments: [number]
        ).map {
            PartPrice(
                price: Money(fen: $0["price_fen"]), currency: $0["currency"], effective: $0["effective"],
                source: $0["source"])
        }
        return (part, prices)
    }

    /// Rules W-6, W-8: the decision a warranty line rests on: the bulletin's cover for a recall or campaign line,
    /// else the warranty check for the line's component or part on the day at the order's mileage.
    static func lineDecision(
        _ db: Database, order: WorkOrder, line: WorkOrderLine, on day: LocalDate
    ) throws
        -> WarrantyDecision
    {
        if let bulletin = line.bulletin {
            let row = try bulletinRow(db, number: bulletin, manufacturer: nil)
            return try bulletinCover(db, bulletin: row, card: try fetchVehicle(db, vin: order.vin))
        }
        let context = try warrantyContext(
            db, vin: order.vin, on: day, mileage: order.reception.mileage, component: line.component,
            part: line.kind == .part ? line.code : nil)
        return WarrantyPolicy.decide(context.input)
    }

    /// Rule Q-3: moves a line to another payer; onto warranty it runs the check again and freezes its decision (W-8),
    /// off warranty it needs a reason.
    public func changeWorkOrderPayer(
        _ number: String, line: Int, to payer: Payer, reason: String?, actor: String
    ) throws -> WorkOrder {
        try changeWorkOrder(number, action: "payer", actor: actor) { order, db, now, settings in
            guard let current = order.lines.first(where: { $0.number == line }) else {
                throw NotFound("line", "\(number)/\(line)", field: "line")
            }
            var decision: WarrantyDecisionInput?
            if payer == .warranty {
                let day = LocalDate(instant: now, in: settings.timeZone)
                decision = WarrantyDecisionInput(
                    decision: try Self.lineDecision(db, order: order, line: current, on: day),
                    component: current.component)
            }
            try order.changePayer(line: line, to: payer, decision: decision, reason: reason)
        }
    }

    /// Removes a line of a job not yet approved.
    public func removeWorkOrderLine(_ number: String, line: Int, actor: String) throws -> WorkOrder {
        try changeWorkOrder(number, action: "line-remove", actor: actor) { order, _, _, _ in
            try order.removeLine(line)
        }
    }

    /// Rule Q-2: a new quote version of the open jobs with their totals per payer.
    public func quoteWorkOrder(_ number: String, actor: String) throws -> (order: WorkOrder, quote: Quote) {
        var quote: Quote?
        let order = try changeWorkOrder(number, action: "quote", actor: actor) { order, _, now, _ in
            quote = try order.makeQuote(by: actor, at: now)
        }
        return (order, quote!)
    }

    /// Rule Q-2: the customer's answer to quoted jobs (all the quoted ones when `jobs` is empty): who, how, when.
    public func answerWorkOrderJobs(
        _ number: String, jobs: [Int], approved: Bool, by: String, method: ApprovalMethod, at: Date? = nil,
        actor: String
    ) throws -> WorkOrder {
        try changeWorkOrder(number, action: approved ? "approve" : "decline", actor: actor) { order, _, now, settings in
            let when = at ?? now
            guard when <= now.addingTimeInterval(300) else {
                throw InvalidInput(field: "at", "\(Instant.localString(when, in: settings.timeZone)) is in the future")
            }
            let chosen = jobs.isEmpty ? order.jobs.filter { $0.state == .quoted }.map(\.number) : jobs
            guard !chosen.isEmpty else {
                throw Conflict(field: "job", "order \(number) has no quoted job to answer; make a quote first (Q-2)")
            }
            for job in chosen { try order.answer(job: job, approved: approved, by: by, method: method, at: when) }
        }
    }

    /// Rule Q-2: the customer's answer to one quoted job.
    public func answerWorkOrderJob(
        _ number: String, job: Int, approved: Bool, by: String, method: ApprovalMethod, at: Date? = nil,
        actor: String
    ) throws -> WorkOrder {
        try answerWorkOrderJobs(number, jobs: [job], approved: approved, by: by, method: method, at: at, actor: actor)
    }

    /// The shop foreman gives an approved job to a technician, a current staff member.
    public func dispatchWorkOrderJob(_ number: String, job: Int, technician: String, actor: String) throws -> WorkOrder
    {
        try changeWorkOrder(number, action: "dispatch", actor: actor) { order, db, now, _ in
            let roster = try Self.staffOnDay(db, at: now)
            _ = try StaffMember.current(technician, among: roster.staff, on: roster.day, field: "technician")
            try order.dispatch(job: job, to: technician)
        }
    }

    /// Rule Q-2: a technician clocks on an approved job, or off it; several spells allowed.
    public func clockWorkOrderJob(
        _ number: String, job: Int, technician: String, on: Bool, actor: String
    ) throws -> WorkOrder {
        try changeWorkOrder(number, action: on ? "clock-on" : "clock-off", actor: actor) { order, db, now, _ in
            try Self.requireCurrentStaff(db, technician, actor: actor, at: now, field: "technician")
            if on {
                try order.clockOn(job: job, technician: technician, at: now)
            } else {
                try order.clockOff(job: job, technician: technician, at: now)
            }
        }
    }

    /// Rule Q-4: records the quality check and test drive of a job; a failure sends it back with the reason. The
    /// technician's finding and the parts replaced are recorded with it when given.
    public func checkWorkOrderJob(
        _ number: String, job: Int, failed: [QualityCheckItem], roadTestKilometres: Int, reason: String?,
        finding: String? = nil, actor: String
    ) throws -> WorkOrder {
        try changeWorkOrder(number, action: "qc", actor: actor) { order, _, now, _ in
            let check = try QualityCheck(
                failed: failed, roadTestKilometres: roadTestKilometres, reason: reason, by: actor, at: now)
            try order.recordCheck(job: job, check)
            if let index = order.jobs.firstIndex(where: { $0.number == job }) {
                if let finding = finding?.trimmed().nilIfEmpty { order.jobs[index].finding = finding }
                order.jobs[index].partsReplaced = order.liveLines.filter { $0.job == job && $0.kind == .part }
                    .map(\.code)
            }
        }
    }

    /// Rule Q-7: records why the order is late (parts, technicians, underestimated work …).
    public func delayWorkOrder(_ number: String, reason: String, actor: String) throws -> WorkOrder {
        guard let reason = reason.trimmed().nilIfEmpty else {
            throw InvalidInput(field: "reason", "say why the order is late (Q-7)")
        }
        return try changeWorkOrder(number, action: "delay", actor: actor) { order, _, _, _ in
            try order.requireEditable()
            order.delayReason = reason
        }
    }
}
