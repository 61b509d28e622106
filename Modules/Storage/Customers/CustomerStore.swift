import Foundation
import GRDB
import Core
import Customers
import Warranty

extension AppDatabase {
    /// Creates a customer in any class (C-5: with a reason unless potential), with its phones; audited.
    /// Throws `Conflict` when a phone is already on another customer and sharing was not allowed.
    public func addCustomer(_ new: NewCustomer, actor: String) throws -> CustomerCard {
        var customer = new.customer
        customer.name = customer.name.trimmed()
        try customer.validate()
        let phones = try new.phones.map { try ContactDetails.normalizePhone($0) }
        let reason = new.reason?.trimmed() ?? ""
        if customer.customerClass != .potential, reason.isEmpty {
            throw InvalidInput(field: "reason", "a customer created directly as \(customer.customerClass.rawValue) needs a reason (C-5)")
        }
        return try writer.write { db in
            let now = clock.now()
            customer.createdAt = now
            customer.updatedAt = now
            try Self.checkOwner(db, customer.owner)
            if let ref = customer.externalRef,
               let existing = try Int64.fetchOne(db, sql: "SELECT id FROM customer WHERE external_ref = ?", arguments: [ref]) {
                throw Conflict(field: "external-ref", "external reference \(ref) is already customer \(existing)")
            }
            try db.execute(sql: Customer.insertSQL, arguments: customer.insertArguments)
            let id = Customer.ID(db.lastInsertedRowID)
            customer.id = id
            try Self.addPhones(db, phones, to: id, allowShared: new.allowSharedPhones)
            try Self.recordMove(db, customer: id, from: nil, to: customer.customerClass, at: now, actor: actor,
                                reason: reason.isEmpty ? "new potential customer" : reason)
            var after = customer.auditFields
            after["phones"] = phones.joined(separator: ";")
            try Audit.record(db, at: now, actor: actor, entity: "customer", id: id.description, action: "create", after: after)
            return try Self.customerCard(db, id: id, now: clock.now())
        }
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
            if edit.owner != nil { try Self.checkOwner(db, customer.owner) }
            try db.execute(sql: """
                UPDATE customer SET kind = ?, name = ?, grade = ?, source = ?, gender = ?, birth_date = ?, region = ?, occupation = ?,
                       email = ?, address = ?, owner = ?, note = ?, updated_at = ? WHERE id = ?
                """, arguments: [customer.kind, customer.name, customer.grade, customer.source, customer.gender, customer.birthDate,
                                 customer.region, customer.occupation, customer.email, customer.address, customer.owner, customer.note, now, id])
            var phoneChanges: [String: FieldChange] = [:]
            let oldPhones = try String.fetchAll(db, sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone", arguments: [id])
            for text in edit.removePhones {
                let phone = try ContactDetails.normalizePhone(text)
                guard oldPhones.contains(phone) else { throw NotFound("phone \(phone) on customer", id.description, field: "remove-phone") }
                try db.execute(sql: "DELETE FROM customer_phone WHERE customer_id = ? AND phone = ?", arguments: [id, phone])
            }
            try Self.addPhones(db, try edit.addPhones.map { try ContactDetails.normalizePhone($0, field: "add-phone") }, to: id, allowShared: edit.allowSharedPhones)
            let newPhones = try String.fetchAll(db, sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone", arguments: [id])
            if oldPhones != newPhones {
                phoneChanges["phones"] = FieldChange(before: oldPhones.joined(separator: ";"), after: newPhones.joined(separator: ";"))
            }
            var changes = Audit.diff(before: before, after: customer.auditFields)
            changes.merge(phoneChanges) { $1 }
            if !changes.isEmpty {
                try Audit.record(db, at: now, actor: actor, entity: "customer", id: id.description, action: "update", changes: changes)
            }
            return try Self.customerCard(db, id: id, now: clock.now())
        }
    }

    /// Moves a customer to another class along C-5, recording who, when and why; audited. When the customer
    /// becomes retained, the care plan (C-7) of each recently delivered vehicle is created.
    public func moveCustomer(_ id: Customer.ID, to target: CustomerClass, reason: String, actor: String) throws -> CustomerCard {
        let reason = reason.trimmed()
        guard !reason.isEmpty else { throw InvalidInput(field: "reason", "a class move needs a reason (C-5)") }
        return try writer.write { db in
            let customer = try Self.fetchCustomer(db, id: id)
            var moved = customer
            // C-2: a move out of potential clears the grade; the move history keeps it.
            let grade = try moved.move(to: target)
            let now = clock.now()
            try db.execute(sql: "UPDATE customer SET customer_class = ?, grade = ?, updated_at = ? WHERE id = ?",
                           arguments: [target, moved.grade, now, id])
            try Self.recordMove(db, customer: id, from: customer.customerClass, to: target, at: now, actor: actor,
                                reason: reason, grade: grade)
            try Audit.record(db, at: now, actor: actor, entity: "customer", id: id.description, action: "move",
                             before: ["class": customer.customerClass.rawValue, "grade": customer.grade?.rawValue],
                             after: ["class": target.rawValue, "grade": moved.grade?.rawValue, "reason": reason])
            if target == .retained {
                for vehicleID in try Vehicle.ID.fetchAll(db, sql: "SELECT id FROM vehicle WHERE customer_id = ? AND delivered_at IS NOT NULL", arguments: [id]) {
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

    /// Customers by id, optionally of one class or owner, a page at a time.
    public func listCustomers(customerClass: CustomerClass? = nil, owner: String? = nil, limit: Int = 50, offset: Int = 0) throws -> Page<CustomerSummary> {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let customerClass { conditions.append("customer_class = ?"); arguments += [customerClass] }
            if let owner { conditions.append("owner = ?"); arguments += [owner] }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM customer \(whereClause)", arguments: arguments) ?? 0
            let ids = try Customer.ID.fetchAll(db, sql: "SELECT id FROM customer \(whereClause) ORDER BY id LIMIT ? OFFSET ?",
                                               arguments: arguments + [limit, offset])
            return Page(items: try Self.summaries(db, ids: ids), total: total, limit: limit, offset: offset)
        }
    }

    // MARK: - Shared steps

    static func fetchCustomer(_ db: Database, id: Customer.ID) throws -> Customer {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customer WHERE id = ?"), arguments: [id]) else {
            throw NotFound("customer", id.description, field: "id")
        }
        return Customer(row: row)
    }

    static func checkOwner(_ db: Database, _ owner: String?) throws {
        guard let owner else { return }
        if let left = try LocalDate.fetchOne(db, sql: "SELECT left_on FROM staff WHERE name = ?", arguments: [owner]) {
            throw InvalidInput(field: "owner", "\(owner) left on \(left); choose a current staff member")
        }
    }

    static func addPhones(_ db: Database, _ phones: [String], to id: Customer.ID, allowShared: Bool) throws {
        for phone in phones {
            let others = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT c.id, c.name FROM customer_phone p JOIN customer c ON c.id = p.customer_id
                WHERE p.phone = ? AND p.customer_id <> ?
                """), arguments: [phone, id])
            if let other = others.first, !allowShared {
                throw Conflict(field: "phone", "phone \(phone) is already on customer \(other["id"] as Int64) (\(other["name"] as String)); if the number is shared, mark it so (--shared-phone, or sharedPhones in the API)")
            }
            try db.execute(sql: "INSERT OR IGNORE INTO customer_phone (customer_id, phone, shared) VALUES (?, ?, ?)",
                           arguments: [id, phone, !others.isEmpty])
            if !others.isEmpty {
                try db.execute(sql: "UPDATE customer_phone SET shared = 1 WHERE phone = ?", arguments: [phone])
            }
        }
    }

    /// Records a class move (C-5) with the grade it took the customer out of, if any (C-2).
    static func recordMove(_ db: Database, customer: Customer.ID, from: CustomerClass?, to: CustomerClass, at: Date,
                           actor: String, reason: String, grade: PotentialGrade? = nil) throws {
        try db.cachedStatement(sql: """
            INSERT INTO class_move (customer_id, from_class, to_class, at, actor, reason, grade)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [customer, from, to, at, actor, reason, grade])
    }

    static func customerCard(_ db: Database, id: Customer.ID, now: Date) throws -> CustomerCard {
        let customer = try fetchCustomer(db, id: id)
        let phones = try Row.fetchAll(db, sql: "SELECT phone, shared FROM customer_phone WHERE customer_id = ? ORDER BY phone", arguments: [id])
            .map { CustomerPhone(phone: $0["phone"], shared: $0["shared"]) }
        let vehicles = try Row.fetchAll(db, sql: "SELECT * FROM vehicle WHERE customer_id = ? ORDER BY id", arguments: [id]).map(Vehicle.init(row:))
        let moves = try Row.fetchAll(db, sql: "SELECT * FROM class_move WHERE customer_id = ? ORDER BY id", arguments: [id]).map(ClassMove.init(row:))
        let contacts = try Row.fetchAll(db, sql: "SELECT * FROM contact WHERE customer_id = ? ORDER BY at DESC, id DESC LIMIT 10", arguments: [id]).map(Contact.init(row:))
        let tasks = try Row.fetchAll(db, sql: "SELECT * FROM care_task WHERE customer_id = ? AND done_at IS NULL ORDER BY due_on, id", arguments: [id]).map(CareTask.init(row:))
        let open = try vehicles.flatMap { try vehicleBulletins(db, vin: $0.vin, card: $0).filter(\.open) }
        let today = LocalDate(instant: now, in: try settings(db).timeZone)
        let complaints = try Row.fetchAll(db, sql: """
            SELECT id, received_at, category, state, crisis, priority, owner, description FROM complaint
            WHERE customer_id = ? AND state NOT IN ('closed', 'invalid') ORDER BY crisis DESC, priority DESC, id
            """, arguments: [id]).map {
            CardComplaint(id: $0["id"], receivedAt: $0["received_at"], category: $0["category"], state: $0["state"], crisis: $0["crisis"],
                          priority: $0["priority"], owner: $0["owner"], description: $0["description"])
        }
        return CustomerCard(customer: customer, gradeCriteria: customer.grade?.criteria, phones: phones,
                            vehicles: vehicles, classHistory: moves, recentContacts: contacts, openTasks: tasks,
                            openBulletins: open, openComplaints: complaints, vehicleStatus: try vehicles.map { try vehicleStatus(db, $0, today: today) })
    }

    /// Rule W-8 at the counter: the warranty answer of today at the latest reading, through the same decision as
    /// `warranty check`, with the latest mileage (C-6).
    static func vehicleStatus(_ db: Database, _ vehicle: Vehicle, today: LocalDate) throws -> VehicleStatus {
        let reading = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT kilometres, read_at FROM mileage_reading WHERE vehicle_id = ? ORDER BY read_at DESC, id DESC LIMIT 1
            """), arguments: [vehicle.id])
        var status = VehicleStatus(vin: vehicle.vin, plate: vehicle.plate, latestKilometres: reading?["kilometres"], latestReadingAt: reading?["read_at"],
                                   covered: nil, warranty: "no delivery recorded: warranty starts at delivery (W-1)", warrantyLastDay: nil)
        guard vehicle.deliveredAt != nil else { return status }
        let context: WarrantyContext
        do { context = try warrantyContext(db, vin: vehicle.vin, on: today, mileage: nil) } catch let error as any AfterSalesError {
            status.warranty = error.detail  // the card still shows; the reason the answer cannot be given is the answer
            return status
        }
        let decision = WarrantyPolicy.decide(context.input)
        status.covered = decision.covered
        status.warranty = decision.summary
        status.warrantyLastDay = WarrantyPolicy.vehicleCoverage(context.input)?.lastDay
        return status
    }

    static func summaries(_ db: Database, ids: [Customer.ID]) throws -> [CustomerSummary] {
        let customerStatement = try db.cachedStatement(sql: "SELECT id, name, customer_class, grade, owner FROM customer WHERE id = ?")
        let phoneStatement = try db.cachedStatement(sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone")
        let vehicleStatement = try db.cachedStatement(sql: "SELECT coalesce(plate, vin) FROM vehicle WHERE customer_id = ? ORDER BY id")
        return try ids.compactMap { id in
            guard let row = try Row.fetchOne(customerStatement, arguments: [id]) else { return nil }
            return CustomerSummary(id: id, name: row["name"], customerClass: row["customer_class"] ?? .potential, grade: row["grade"],
                                   phones: try String.fetchAll(phoneStatement, arguments: [id]), owner: row["owner"],
                                   vehicles: try String.fetchAll(vehicleStatement, arguments: [id]))
        }
    }
}
