import Core
import Customers
import Foundation
import GRDB
import StorageKernel

extension AppDatabase {
    /// Deliveries older than this many days get no care plan when recorded: the plan's first weeks are past,
    /// and history moved in from an old system should not flood the task list [design].
    public static let carePlanHorizonDays = 90

    // MARK: - Shared steps

    package static func fetchVehicle(_ db: Database, vin: VIN) throws -> Vehicle {
        guard
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM vehicle WHERE vin = ?"), arguments: [vin])
        else {
            throw NotFound("vehicle with VIN", vin.value, field: "vin")
        }
        return Vehicle(row: row)
    }

    package static func checkVINFree(_ db: Database, _ vin: VIN) throws {
        if let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT v.id, c.id AS customer_id, c.name FROM vehicle v JOIN customer c ON c.id = v.customer_id \
                    WHERE v.vin = ?
                    """), arguments: [vin])
        {
            throw Conflict(
                field: "vin",
                "VIN \(vin) is already on vehicle \(row["id"] as Int64) (customer \(row["customer_id"] as Int64) "
                    + "\(row["name"] as String))"
            )
        }
    }

    /// Rule C-7: creates the care plan of a delivered vehicle of a retained customer, once (the tasks are unique
    /// per vehicle, kind and sequence). Returns the tasks created, or why none were.
    package func createCarePlan(_ db: Database, vehicleID: Vehicle.ID, actor: String) throws -> ([CareTask], String?) {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT v.delivered_at, v.make, v.customer_id, c.customer_class, c.owner FROM vehicle v JOIN \
                    customer c ON c.id = v.customer_id WHERE v.id = ?
                    """, arguments: [vehicleID])
        else { return ([], nil) }
        guard let deliveredAt = row["delivered_at"] as Date? else { return ([], nil) }
        guard (row["customer_class"] as String) == CustomerClass.retained.rawValue else {
            return ([], said("no care plan: the customer is not retained (C-7 applies to retained customers)"))
        }
        let now = clock.now()
        let settings = try Self.settings(db)
        let delivery = LocalDate(instant: deliveredAt, in: settings.timeZone)
        let today = LocalDate(instant: now, in: settings.timeZone)
        if delivery.days(until: today) > Self.carePlanHorizonDays {
            return ([], said("no care plan: delivered \(delivery), more than \(Self.carePlanHorizonDays) days ago"))
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM care_task WHERE vehicle_id = ? LIMIT 1", arguments: [vehicleID])
            == true
        {
            return ([], nil)
        }
        let schedule = try Self.maintenanceSchedule(db, make: row["make"])
        let planned = CarePlan.tasksAtDelivery(delivery: delivery, settings: settings, schedule: schedule)
        let customerID: Customer.ID = row["customer_id"]
        let staff = try Self.staff(db)
        // Rule C-7: each task goes to the role the rule names, not all to the card's owner.
        return (
            try planned.map { plan in
                let assignee = CarePlan.assignee(for: plan.kind, owner: row["owner"], staff: staff, on: today)
                return try Self.insertTask(
                    db, plan, customer: customerID, vehicle: vehicleID, assignee: assignee, at: now,
                    actor: actor)
            }, nil
        )
    }

    package static func insertTask(
        _ db: Database, _ plan: PlannedTask, customer: Customer.ID, vehicle: Vehicle.ID, assignee: String?,
        at now: Date, actor: String
    ) throws -> CareTask {
        var task = CareTask(
            customerID: customer, vehicleID: vehicle, kind: plan.kind, sequence: plan.sequence, rule: plan.kind.rule,
            windowStart: plan.windowStart,
            dueOn: plan.dueOn, assignee: assignee, note: plan.note)
        try db.execute(
            sql: """
                INSERT INTO care_task (customer_id, vehicle_id, kind, sequence, rule, window_start, due_on, assignee, \
                note, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                customer, vehicle, task.kind, task.sequence, task.rule, task.windowStart, task.dueOn, assignee,
                task.note, now,
            ])
        task.id = CareTask.ID(db.lastInsertedRowID)
        try Audit.record(
            db, at: now, actor: actor, entity: "care_task", id: task.id!.description, action: "create",
            after: task.auditFields)
        return task
    }
}

/// A make alias as listed.
public struct MakeAlias: Codable, Sendable, Equatable {
    public var alias: String
    public var make: String
}

extension AppDatabase {
    package static func makeAliases(_ db: Database) throws -> MakeAliases {
        MakeAliases(
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT alias, make FROM make_alias").map {
                    ($0["alias"] as String, $0["make"] as String)
                },
                uniquingKeysWith: { first, _ in first }))
    }

    /// Every make alias, by the make it names.
    public func makeAliases() throws -> [MakeAlias] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT alias, make FROM make_alias ORDER BY make, alias").map {
                MakeAlias(alias: $0["alias"], make: $0["make"])
            }
        }
    }

    /// Records that `alias` means `make` (W-1, W-6, W-9): vehicles added later under the alias are stored under the
    /// make, and the ones already stored under it are renamed, all audited in one transaction.
    public func setMakeAlias(_ alias: String, make: String, actor: String) throws -> (alias: MakeAlias, renamed: Int) {
        let key = alias.trimmed().lowercased()
        let target = make.trimmed()
        guard !key.isEmpty else { throw InvalidInput(field: "alias", "must not be empty") }
        guard !target.isEmpty else { throw InvalidInput(field: "make", "must not be empty") }
        guard key != target.lowercased() else { throw InvalidInput(field: "alias", "\(alias) is the make itself") }
        return try writer.write { db in
            let now = clock.now()
            let before = try String.fetchOne(db, sql: "SELECT make FROM make_alias WHERE alias = ?", arguments: [key])
            try db.execute(
                sql:
                    "INSERT INTO make_alias (alias, make) VALUES (?, ?) ON CONFLICT (alias) DO UPDATE SET make = "
                    + "excluded.make",
                arguments: [key, target])
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM vehicle WHERE lower(trim(make)) = ?", arguments: [key])
            try db.execute(sql: "UPDATE vehicle SET make = ? WHERE lower(trim(make)) = ?", arguments: [target, key])
            try Audit.record(
                db, at: now, actor: actor, entity: "make_alias", id: key, action: before == nil ? "create" : "update",
                before: ["make": before],
                after: ["make": target, "vehicles_renamed": ids.map(String.init).joined(separator: ",")])
            return (MakeAlias(alias: key, make: target), ids.count)
        }
    }
}

extension AppDatabase {
    /// A vehicle as people name it (issue 21): its VIN, its plate (京A·12345, any spacing or case) or the last 6 to 8
    /// characters of its VIN. A whole VIN is taken as it is; a plate or an ending that fits several of the dealer's
    /// vehicles is refused, naming them; one that fits none is not found.
    public func vehicleVIN(named text: String, field: String = "vin") throws -> VIN {
        let trimmed = text.trimmed()
        if trimmed.filter({ $0.isLetter || $0.isNumber }).count == 17, let vin = try? VIN.parse(trimmed, field: field) {
            return vin
        }
        return try writer.read { db in
            let plate = ContactDetails.plateKey(trimmed)
            var rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.vin, v.plate, c.name FROM vehicle v JOIN customer c ON c.id = v.customer_id WHERE \
                    v.plate_key = ? ORDER BY v.id
                    """, arguments: [plate])
            let ending = trimmed.uppercased().filter {
                $0.isASCII && ($0.isLetter || $0.isNumber) && !"IOQ".contains($0)
            }
            let isEnding = (6...8).contains(ending.count) && ending.count == trimmed.count
            let isPlate = plate.unicodeScalars.first.map { !$0.isASCII } ?? false
            guard isEnding || isPlate || trimmed.count > 8 else {
                throw InvalidInput(
                    field: field,
                    "expected a VIN (17 characters), a plate such as 京A·12345 or the last 6 to 8 characters of a VIN; "
                        + "got \"\(trimmed)\"")
            }
            if rows.isEmpty, isEnding {
                rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT v.vin, v.plate, c.name FROM vehicle v JOIN customer c ON c.id = v.customer_id WHERE \
                        v.vin LIKE ? ORDER BY v.id LIMIT 6
                        """, arguments: ["%" + ending])
            }
            guard let first = rows.first else {
                // Longer than an ending and not a plate: a VIN with a mistake, and its check says which.
                if trimmed.count > 8, trimmed.allSatisfy(\.isASCII) { return try VIN.parse(trimmed, field: field) }
                throw NotFound("vehicle with the VIN, plate or VIN ending", trimmed, field: field)
            }
            guard rows.count == 1 else {
                let list = rows.prefix(5).map {
                    "\($0["vin"] as String) (\($0["plate"] as String? ?? said("no plate")), \($0["name"] as String))"
                }
                throw Conflict(
                    field: field,
                    "\(trimmed) fits \(rows.count > 5 ? "more than 5" : Phrase(verbatim: String(rows.count))) "
                        + "vehicles: \(list.joined(separator: ", ")); give the whole VIN")
            }
            return VIN(trusted: first["vin"])
        }
    }
}

/// A text of the product's, stored or returned as a String, in the language of the moment (the CLI's or the
/// request's): a finding, a note, a reason.
func said(_ phrase: Phrase) -> String { phrase.rendered() }
