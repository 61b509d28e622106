import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty
import WarrantyStorage
import WorkOrderStorage

// The customer and vehicle use cases answer with the card, which shows every area (warranty, bulletins,
// complaints): they live here, above the areas, and call the customer area's steps in one transaction.
extension AppDatabase {
    /// Creates a customer in any class (C-5: with a reason unless potential), with its phones; audited.
    /// Throws `Conflict` when a phone is already on another customer and sharing was not allowed.
    public func addCustomer(_ new: NewCustomer, actor: String) throws -> CustomerCard {
        try writer.write { db in
            let id = try Self.insertCustomer(db, new, now: clock.now(), actor: actor)
            return try Self.customerCard(db, id: id, now: clock.now())
        }
    }

    /// The step of `addCustomer` inside a transaction (also reception's, A-6): validates, stores the card with its
    /// phones and first class move, and audits it.
    package static func insertCustomer(
        _ db: Database, _ new: NewCustomer, now: Date, actor: String
    ) throws -> Customer.ID {
        var customer = new.customer
        customer.name = customer.name.trimmed()
        try customer.validate()
        let phones = try new.phones.map { try ContactDetails.normalizePhone($0) }
        let reason = new.reason?.trimmed() ?? ""
        if customer.customerClass != .potential, reason.isEmpty {
            throw InvalidInput(
                field: "reason",
                "a customer created directly as \(customer.customerClass.spoken) needs a reason (C-5)")
        }
        customer.createdAt = now
        customer.updatedAt = now
        try Self.checkOwner(db, customer.owner, at: now)
        if let ref = customer.externalRef,
            let existing = try Int64.fetchOne(
                db, sql: "SELECT id FROM customer WHERE external_ref = ?", arguments: [ref])
        {
            throw Conflict(field: "external-ref", "external reference \(ref) is already customer \(existing)")
        }
        try db.execute(sql: Customer.insertSQL, arguments: customer.insertArguments)
        let id = Customer.ID(db.lastInsertedRowID)
        customer.id = id
        try Self.addPhones(db, phones, to: id, allowShared: new.allowSharedPhones)
        try Self.recordMove(
            db, customer: id, from: nil, to: customer.customerClass, at: now, actor: actor,
            reason: reason.isEmpty ? "new potential customer" : reason)
        var after = customer.auditFields
        after["phones"] = phones.joined(separator: ";")
        try Audit.record(
            db, at: now, actor: actor, entity: "customer", id: id.description, action: "create", after: after)
        return id
    }

    /// Applies `edit` to a card; audited with each changed field before and after.
    public func editCustomer(_ id: Customer.ID, _ edit: CustomerEdit, actor: String) throws -> CustomerCard {
        try writer.write { db in
            var customer = try Self.fetchCustomer(db, id: id)
            let before = customer.auditFields
            func optional(_ text: String?, _ current: String?) -> String? {
                guard let text else { return current }
                let trimmed = text.trimmed()
                return trimmed.isEmpty ? nil : trimmed
            }
            if let name = edit.name { customer.name = name.trimmed() }
            if let kind = edit.kind { customer.kind = try PartyKind.parse(kind) }
            if let grade = edit.grade { customer.grade = grade.isEmpty ? nil : try PotentialGrade.parse(grade) }
            if let gender = edit.gender { customer.gender = gender.isEmpty ? nil : try Gender.parse(gender) }
            if let birth = edit.birthDate {
                customer.birthDate = birth.isEmpty ? nil : try LocalDate.parse(birth, field: "birth-date")
            }
            customer.source = optional(edit.source, customer.source)
            customer.region = optional(edit.region, customer.region)
            customer.occupation = optional(edit.occupation, customer.occupation)
            customer.email = optional(edit.email, customer.email)
            customer.address = optional(edit.address, customer.address)
            customer.owner = optional(edit.owner, customer.owner)
            customer.note = optional(edit.note, customer.note)
            let now = clock.now()
            customer.updatedAt = now
            try customer.validate()
            if edit.owner != nil { try Self.checkOwner(db, customer.owner, at: now) }
            try db.execute(
                sql: """
                    UPDATE customer SET kind = ?, name = ?, grade = ?, source = ?, gender = ?, birth_date = ?, region \
                    = ?, occupation = ?,
                           email = ?, address = ?, owner = ?, note = ?, updated_at = ? WHERE id = ?
                    """,
                arguments: [
                    customer.kind, customer.name, customer.grade, customer.source, customer.gender, customer.birthDate,
                    customer.region, customer.occupation, customer.email, customer.address, customer.owner,
                    customer.note, now, id,
                ])
            var phoneChanges: [String: FieldChange] = [:]
            let oldPhones = try String.fetchAll(
                db, sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone", arguments: [id])
            for text in edit.removePhones {
                let phone = try ContactDetails.normalizePhone(text)
                guard oldPhones.contains(phone) else {
                    throw NotFound("phone \(phone) on customer", id.description, field: "remove-phone")
                }
                try db.execute(
                    sql: "DELETE FROM customer_phone WHERE customer_id = ? AND phone = ?", arguments: [id, phone])
            }
            try Self.addPhones(
                db, try edit.addPhones.map { try ContactDetails.normalizePhone($0, field: "add-phone") }, to: id,
                allowShared: edit.allowSharedPhones)
            let newPhones = try String.fetchAll(
                db, sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone", arguments: [id])
            if oldPhones != newPhones {
                phoneChanges["phones"] = FieldChange(
                    before: oldPhones.joined(separator: ";"), after: newPhones.joined(separator: ";"))
            }
            var changes = Audit.diff(before: before, after: customer.auditFields)
            changes.merge(phoneChanges) { $1 }
            if !changes.isEmpty {
                try Audit.record(
                    db, at: now, actor: actor, entity: "customer", id: id.description, action: "update",
                    changes: changes)
            }
            return try Self.customerCard(db, id: id, now: clock.now())
        }
    }

    /// Moves a customer to another class along C-5, recording who, when and why; audited. When the customer
    /// becomes retained, the care plan (C-7) of each recently delivered vehicle is created.
    public func moveCustomer(
        _ id: Customer.ID, to target: CustomerClass, reason: String, actor: String
    ) throws -> CustomerCard {
        let reason = reason.trimmed()
        guard !reason.isEmpty else { throw InvalidInput(field: "reason", "a class move needs a reason (C-5)") }
        return try writer.write { db in
            let customer = try Self.fetchCustomer(db, id: id)
            var moved = customer
            // C-2: a move out of potential clears the grade; the move history keeps it.
            let grade = try moved.move(to: target)
            let now = clock.now()
            try db.execute(
                sql: "UPDATE customer SET customer_class = ?, grade = ?, updated_at = ? WHERE id = ?",
                arguments: [target, moved.grade, now, id])
            try Self.recordMove(
                db, customer: id, from: customer.customerClass, to: target, at: now, actor: actor,
                reason: reason, grade: grade)
            try Audit.record(
                db, at: now, actor: actor, entity: "customer", id: id.description, action: "move",
                before: ["class": customer.customerClass.rawValue, "grade": customer.grade?.rawValue],
                after: ["class": target.rawValue, "grade": moved.grade?.rawValue, "reason": reason])
            if target == .retained {
                for vehicleID in try Vehicle.ID.fetchAll(
                    db, sql: "SELECT id FROM vehicle WHERE customer_id = ? AND delivered_at IS NOT NULL",
                    arguments: [id])
                {
                    _ = try createCarePlan(db, vehicleID: vehicleID, actor: actor)
                }
            }
            return try Self.customerCard(db, id: id, now: clock.now())
        }
    }

    /// The whole card of one customer.
    public func customerCard(_ id: Customer.ID) throws -> CustomerCard {
        try writer.read { db in try Self.customerCard(db, id: id, now: clock.now()) }
    }

    package static func customerCard(_ db: Database, id: Customer.ID, now: Date) throws -> CustomerCard {
        let customer = try fetchCustomer(db, id: id)
        let phones = try Row.fetchAll(
            db, sql: "SELECT phone, shared FROM customer_phone WHERE customer_id = ? ORDER BY phone", arguments: [id]
        )
        .map { CustomerPhone(phone: $0["phone"], shared: $0["shared"]) }
        let vehicles = try Row.fetchAll(
            db, sql: "SELECT * FROM vehicle WHERE customer_id = ? ORDER BY id", arguments: [id]
        ).map(Vehicle.init(row:))
        let moves = try Row.fetchAll(
            db, sql: "SELECT * FROM class_move WHERE customer_id = ? ORDER BY id", arguments: [id]
        ).map(ClassMove.init(row:))
        let contacts = try Row.fetchAll(
            db, sql: "SELECT * FROM contact WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT 10", arguments: [id]
        ).map(Contact.init(row:))
        let tasks = try Row.fetchAll(
            db, sql: "SELECT * FROM care_task WHERE customer_id = ? AND done_at IS NULL ORDER BY due_on, id",
            arguments: [id]
        ).map(CareTask.init(row:))
        let open = try vehicles.flatMap { try vehicleBulletins(db, vin: $0.vin, card: $0).filter(\.open) }
        let today = LocalDate(instant: now, in: try settings(db).timeZone)
        let complaints = try Row.fetchAll(
            db,
            sql: """
                SELECT id, received_at, category, state, crisis, priority, owner, description FROM complaint
                WHERE customer_id = ? AND state NOT IN ('closed', 'invalid') ORDER BY crisis DESC, priority DESC, id
                """, arguments: [id]
        ).map {
            CardComplaint(
                id: $0["id"], receivedAt: $0["received_at"], category: $0["category"], state: $0["state"],
                crisis: $0["crisis"],
                priority: $0["priority"], owner: $0["owner"], description: $0["description"])
        }
        let zone = try settings(db).timeZone
        return CustomerCard(
            customer: customer, gradeCriteria: customer.grade?.criteria, phones: phones,
            vehicles: vehicles, classHistory: moves, recentContacts: contacts, openTasks: tasks,
            openBulletins: open, openComplaints: complaints,
            vehicleStatus: try vehicles.map { try vehicleStatus(db, $0, today: today) },
            serviceHistory: try vehicles.map {
                try serviceHistory(
                    db, vehicleID: $0.id!.rawValue, vin: $0.vin, plate: $0.plate, limit: Self.historyOnCustomerCard,
                    zone: zone)
            })
    }

    /// Rule W-8 at the counter: the warranty answer of today at the latest reading, through the same decision as
    /// `warranty check`, with the latest mileage (C-6).
    package static func vehicleStatus(_ db: Database, _ vehicle: Vehicle, today: LocalDate) throws -> VehicleStatus {
        let reading = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT kilometres, read_at FROM mileage_reading WHERE vehicle_id = ? ORDER BY read_at DESC, id \
                    DESC LIMIT 1
                    """), arguments: [vehicle.id])
        var status = VehicleStatus(
            vin: vehicle.vin, plate: vehicle.plate, latestKilometres: reading?["kilometres"],
            latestReadingAt: reading?["read_at"],
            covered: nil, warranty: Phrase("no delivery recorded: warranty starts at delivery (W-1)").rendered(),
            warrantyLastDay: nil)
        guard vehicle.deliveredAt != nil else { return status }
        let context: WarrantyContext
        do { context = try warrantyContext(db, vin: vehicle.vin, on: today, mileage: nil) } catch let error
            as any AfterSalesError
        {
            status.warranty = error.detail  // the card still shows; the reason the answer cannot be given is the answer
            return status
        }
        let decision = WarrantyPolicy.decide(context.input)
        status.covered = decision.covered
        status.warranty = decision.summary
        status.warrantyLastDay = WarrantyPolicy.vehicleCoverage(context.input)?.lastDay
        return status
    }
    /// Adds a vehicle to a customer. The VIN must be new to the dealer (a second vehicle with the same VIN
    /// is a `Conflict` naming the existing one); a wrong check digit is a warning. The usage at registration
    /// starts the usage history (W-2). A delivered vehicle of a retained customer gets its care plan (C-7).
    public func addVehicle(_ vehicle: Vehicle, actor: String) throws -> VehicleResult {
        let now = clock.now()
        return try writer.write { db in try insertVehicle(db, vehicle, now: now, actor: actor) }
    }

    /// The step of `addVehicle` inside a transaction (also reception's, A-6).
    package func insertVehicle(_ db: Database, _ vehicle: Vehicle, now: Date, actor: String) throws -> VehicleResult {
        var vehicle = vehicle
        let settings = try Self.settings(db)
        try vehicle.validate(today: LocalDate(instant: now, in: settings.timeZone))
        if let deliveredAt = vehicle.deliveredAt, deliveredAt > now.addingTimeInterval(300) {
            throw Conflict(
                field: "delivered-at", "\(Instant.localString(deliveredAt, in: settings.timeZone)) is in the future"
            )
        }
        _ = try Self.fetchCustomer(db, id: vehicle.customerID)
        try Self.checkVINFree(db, vehicle.vin)
        vehicle.createdAt = now
        let typed = vehicle.make
        vehicle.make = try Self.makeAliases(db).canonical(typed)
        let renamed =
            vehicle.make == typed.trimmed()
            ? nil
            : Phrase("make \(typed) recorded as \(vehicle.make), the manufacturer's name (`aftersales make list`)")
                .rendered()
        if let plate = vehicle.plate { vehicle.plate = try ContactDetails.normalizePlate(plate) }
        try db.execute(sql: Vehicle.insertSQL, arguments: vehicle.insertArguments)
        let id = Vehicle.ID(db.lastInsertedRowID)
        vehicle.id = id
        let effective =
            vehicle.deliveredAt.map { LocalDate(instant: $0, in: settings.timeZone) }
            ?? LocalDate(instant: now, in: settings.timeZone)
        try db.execute(
            sql:
                "INSERT INTO usage_change (vehicle_id, usage, effective, recorded_at, actor, reason) VALUES (?, "
                + "?, ?, ?, ?, ?)",
            arguments: [id, vehicle.usage, effective, now, actor, "usage at registration"])
        try Audit.record(
            db, at: now, actor: actor, entity: "vehicle", id: id.description, action: "create",
            after: vehicle.auditFields)
        let (tasks, note) = try createCarePlan(db, vehicleID: id, actor: actor)
        return VehicleResult(
            card: try Self.vehicleCard(db, vehicleID: id),
            warnings: [vehicle.vin.checkDigitWarning, renamed].compactMap { $0 },
            createdTasks: tasks, carePlanNote: note)
    }

    /// Records the delivery of a vehicle to its first owner (an instant, T-2) and creates the care plan (C-7)
    /// when the customer is retained. Throws `Conflict` when a delivery is already recorded.
    public func deliverVehicle(_ vin: VIN, at deliveredAt: Date, actor: String) throws -> VehicleResult {
        try writer.write { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            var vehicle = try Self.fetchVehicle(db, vin: vin)
            if let existing = vehicle.deliveredAt {
                throw Conflict(
                    field: "delivered-at",
                    "vehicle \(vin) was already delivered on \(Instant.localString(existing, in: settings.timeZone))")
            }
            guard deliveredAt <= now.addingTimeInterval(300) else {
                throw Conflict(
                    field: "at", "\(Instant.localString(deliveredAt, in: settings.timeZone)) is in the future")
            }
            vehicle.deliveredAt = deliveredAt
            try db.execute(
                sql: "UPDATE vehicle SET delivered_at = ? WHERE id = ?", arguments: [deliveredAt, vehicle.id])
            try db.execute(
                sql:
                    "UPDATE usage_change SET effective = ? WHERE vehicle_id = ? AND id = (SELECT min(id) FROM "
                    + "usage_change WHERE vehicle_id = ?)",
                arguments: [LocalDate(instant: deliveredAt, in: settings.timeZone), vehicle.id, vehicle.id])
            try Audit.record(
                db, at: now, actor: actor, entity: "vehicle", id: vehicle.id!.description, action: "deliver",
                before: ["delivered_at": nil], after: ["delivered_at": Instant.utcString(deliveredAt)])
            let (tasks, note) = try createCarePlan(db, vehicleID: vehicle.id!, actor: actor)
            return VehicleResult(
                card: try Self.vehicleCard(db, vehicleID: vehicle.id!), warnings: [], createdTasks: tasks,
                carePlanNote: note)
        }
    }

    /// Records an odometer reading. Lower than an earlier reading is an error unless marked as an
    /// odometer replacement (C-6); audited.
    public func addMileage(
        _ vin: VIN, kilometres: Int, at readAt: Date, source: String, odometerReplaced: Bool, actor: String
    ) throws -> VehicleCard {
        try writer.write { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            let vehicle = try Self.fetchVehicle(db, vin: vin)
            guard readAt <= now.addingTimeInterval(300) else {
                throw Conflict(
                    field: "at", "\(Instant.localString(readAt, in: settings.timeZone)) is in the future")
            }
            let reading = MileageReading(
                vehicleID: vehicle.id!, kilometres: kilometres, readAt: readAt, source: source,
                odometerReplaced: odometerReplaced)
            let existing = try Row.fetchAll(
                db, sql: "SELECT * FROM mileage_reading WHERE vehicle_id = ?", arguments: [vehicle.id]
            ).map(MileageReading.init(row:))
            try MileageReading.check(reading, against: existing, timeZone: settings.timeZone)
            try db.execute(
                sql:
                    "INSERT INTO mileage_reading (vehicle_id, kilometres, read_at, source, odometer_replaced) VALUES "
                    + "(?, ?, ?, ?, ?)",
                arguments: [vehicle.id, kilometres, readAt, source, odometerReplaced])
            try Audit.record(
                db, at: now, actor: actor, entity: "vehicle", id: vehicle.id!.description, action: "mileage",
                after: [
                    "kilometres": String(kilometres), "read_at": Instant.utcString(readAt), "source": source,
                    "odometer_replaced": odometerReplaced ? "true" : nil,
                ])
            return try Self.vehicleCard(db, vehicleID: vehicle.id!)
        }
    }

    /// Records a change of usage from `effective` on; the usage at delivery stays in the history (W-2).
    public func changeUsage(
        _ vin: VIN, to usage: Usage, effective: LocalDate, reason: String?, actor: String
    ) throws -> VehicleCard {
        try writer.write { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            let vehicle = try Self.fetchVehicle(db, vin: vin)
            guard vehicle.usage != usage else {
                throw Conflict(field: "usage", "vehicle \(vin) is already used as \(usage.spoken)")
            }
            if let delivered = vehicle.deliveredAt, effective < LocalDate(instant: delivered, in: settings.timeZone) {
                throw Conflict(
                    field: "effective",
                    "\(effective) is before the delivery on \(LocalDate(instant: delivered, in: settings.timeZone))")
            }
            if let last = try LocalDate.fetchOne(
                db, sql: "SELECT max(effective) FROM usage_change WHERE vehicle_id = ?", arguments: [vehicle.id]),
                effective < last
            {
                throw Conflict(
                    field: "effective", "\(effective) is before the last recorded usage change on \(last)")
            }
            try db.execute(
                sql:
                    "INSERT INTO usage_change (vehicle_id, usage, effective, recorded_at, actor, reason) VALUES (?, "
                    + "?, ?, ?, ?, ?)",
                arguments: [vehicle.id, usage, effective, now, actor, reason])
            try db.execute(sql: "UPDATE vehicle SET usage = ? WHERE id = ?", arguments: [usage, vehicle.id])
            try Audit.record(
                db, at: now, actor: actor, entity: "vehicle", id: vehicle.id!.description, action: "usage",
                before: ["usage": vehicle.usage.rawValue],
                after: ["usage": usage.rawValue, "effective": effective.description, "reason": reason])
            return try Self.vehicleCard(db, vehicleID: vehicle.id!)
        }
    }

    /// A vehicle with its history, by VIN.
    public func vehicleCard(_ vin: VIN) throws -> VehicleCard {
        try writer.read { db in try Self.vehicleCard(db, vehicleID: try Self.fetchVehicle(db, vin: vin).id!) }
    }

    package static func vehicleCard(_ db: Database, vehicleID: Vehicle.ID) throws -> VehicleCard {
        guard
            let row = try Row.fetchOne(
                db,
                sql:
                    "SELECT v.*, c.name AS owner_name FROM vehicle v JOIN customer c ON c.id = v.customer_id WHERE "
                    + "v.id = ?",
                arguments: [vehicleID])
        else {
            throw NotFound("vehicle", vehicleID.description, field: "id")
        }
        let vehicle = Vehicle(row: row)
        let usage = try Row.fetchAll(
            db, sql: "SELECT * FROM usage_change WHERE vehicle_id = ? ORDER BY effective, id", arguments: [vehicleID]
        ).map(UsageChange.init(row:))
        let mileage = try Row.fetchAll(
            db, sql: "SELECT * FROM mileage_reading WHERE vehicle_id = ? ORDER BY read_at DESC, id DESC LIMIT 20",
            arguments: [vehicleID]
        )
        .map(MileageReading.init(row:))
        return VehicleCard(
            vehicle: vehicle, ownerName: row["owner_name"], deliveryUsage: usage.first?.usage ?? vehicle.usage,
            usageHistory: usage, mileage: mileage, latestKilometres: mileage.first?.kilometres,
            checkDigitWarning: vehicle.vin.checkDigitWarning,
            openBulletins: try vehicleBulletins(db, vin: vehicle.vin, card: vehicle).filter(\.open),
            serviceHistory: try serviceHistory(
                db, vehicleID: vehicleID.rawValue, vin: vehicle.vin, plate: vehicle.plate,
                limit: Self.historyOnVehicleCard, zone: try settings(db).timeZone))
    }

    /// How many repair orders the cards list per vehicle (C-6); the rest are counted as `more`.
    static let historyOnCustomerCard = 5
    static let historyOnVehicleCard = 10
}
