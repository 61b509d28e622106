import Core
import Customers
import Foundation
import GRDB
import StorageKernel
import TextInput

/// How `import-customers` treats a file.
public struct CustomerImportOptions: Sendable {
    /// Import the valid rows and report the rejected ones (exit 3), instead of rejecting the whole file.
    public var keepValid = false
    /// Validate and count, write nothing.
    public var dryRun = false
    public var encoding: TextEncoding = .auto
    /// Accept phones that are already on another customer.
    public var allowSharedPhones = false

    public init() {}
}

/// Added / updated / unchanged counts of one kind of record.
public struct ImportCounts: Codable, Sendable, Equatable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var total: Int { added + updated + unchanged }

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// A rejected row or a warning, located as `FILE:LINE: field: reason`, or `FILE:LINE:COLUMN: reason` for a place
/// the file cannot be read past.
public struct RowProblem: Codable, Sendable, Equatable {
    public var line: Int
    /// The character the reader stopped at (a stray quote, a byte not in the file's encoding); nil for a row's value.
    public var column: Int? = nil
    public var field: String?
    public var message: String
}

/// What an import of a customer CSV did (or, for a dry run or a rejected file, would have done).
public struct CustomerImportReport: Codable, Sendable {
    public enum Outcome: String, Codable, Sendable {
        /// Every row imported.
        case imported
        /// Nothing written: at least one row was rejected (without --keep-valid), or the file itself is bad.
        case rejected
        /// The valid rows were imported, the rejected ones are listed (--keep-valid).
        case partlyImported = "partly-imported"
        /// Every row already matched the database: nothing written.
        case unchanged
        /// --dry-run: nothing written.
        case dryRun = "dry-run"
    }

    public var file: String
    public var encoding: String
    public var checksum: String
    public var rows = 0
    public var customers = ImportCounts()
    public var vehicles = ImportCounts()
    public var mileage = ImportCounts()
    /// Vehicles whose care plan (C-7) was created because the import moved their customer to retained.
    public var carePlans = 0
    public var rejectedRows = 0
    /// The first 1,000 rejected rows (all are counted in `rejectedRows`).
    public var errors: [RowProblem] = []
    public var warnings: [RowProblem] = []
    public var outcome: Outcome = .imported
    public var importID: Int64?
    /// An earlier import of a file with the same checksum, if any.
    public var sameChecksumAs: Int64?

    /// The problem lines as `FILE:LINE: field: reason`.
    public func located(_ problem: RowProblem) -> String {
        "\(file):\(problem.line)" + (problem.column.map { ":\($0)" } ?? "") + ": "
            + (problem.field.map { "\($0): " } ?? "") + problem.message
    }
}

extension AppDatabase {
    /// Loads customers, vehicles and mileage readings from a customer CSV (Docs/customer-csv.md), UTF-8 or
    /// GB18030. Atomic: any rejected row leaves the database as it was, unless `keepValid`. Idempotent:
    /// customers are keyed by `customer_ref`, vehicles by VIN, readings by vehicle, kilometres and day, so
    /// the same file again changes nothing. One audit entry and one import-history entry per import.
    public func importCustomers(
        path: String, options: CustomerImportOptions = CustomerImportOptions(), actor: String,
        progress: ((_ bytes: Int, _ rows: Int) -> Void)? = nil
    ) throws -> CustomerImportReport {
        let reader = try CSVReader(path: path, encoding: options.encoding)
        var report = CustomerImportReport(file: path, encoding: reader.encoding.rawValue, checksum: "")
        let layout: CustomerCSVLayout
        do {
            guard let header = try reader.next() else {
                throw InvalidInput(field: "header", "the file is empty; the first line must be the header")
            }
            layout = try CustomerCSVLayout(header: header)
        } catch let error as TextInputError {
            throw InvalidInput(field: "\(path):\(error.line):\(error.column)", error.phrase)
        } catch let error as InvalidInput {
            throw InvalidInput(field: "\(path):1", error.sentence)
        }
        let now = clock.now()
        try writer.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                let zone = try Self.settings(db).timeZone
                let session = try CustomerImportSession(
                    db: db, now: now, zone: zone, actor: actor, file: path,
                    allowSharedPhones: options.allowSharedPhones
                ) { db, vehicle in
                    !(try self.createCarePlan(db, vehicleID: vehicle, actor: actor).0.isEmpty)
                }
                // Each row runs in a savepoint once a row may be rolled back alone: always with --keep-valid, and
                // after the first rejection otherwise (the file is then rolled back, but every row is still checked).
                var isolateRows = options.keepValid
                func reject(_ line: Int, _ field: String?, _ message: String) {
                    report.rejectedRows += 1
                    if report.errors.count < 1000 {
                        report.errors.append(RowProblem(line: line, field: field, message: message))
                    }
                    isolateRows = true
                }
                do {
                    while let record = try reader.next() {
                        report.rows += 1
                        let line = reader.recordLine
                        if report.rows % 10_000 == 0 { progress?(reader.bytesRead, report.rows) }
                        let row: CustomerImportRow
                        do { row = try layout.parse(record, now: now, timeZone: zone) } catch let error as InvalidInput
                        {
                            reject(line, error.field, error.reason)
                            continue
                        }
                        if let warning = row.vehicle?.vin.checkDigitWarning {
                            report.warnings.append(RowProblem(line: line, field: "vin", message: warning))
                        }
                        let isolated = isolateRows
                        if isolated { try db.execute(sql: "SAVEPOINT import_row") }
                        do {
                            let effect = try session.write(row, line: line)
                            if isolated { try db.execute(sql: "RELEASE import_row") }
                            effect.apply(to: &report)
                        } catch let error as any AfterSalesError {
                            if isolated { try db.execute(sql: "ROLLBACK TO import_row; RELEASE import_row") }
                            reject(line, error.field, error.detail)
                        }
                    }
                } catch let error as TextInputError {
                    // The file itself cannot be read on (a stray or unclosed quote, bytes not in its encoding): reject
                    // it whole, naming the place.
                    report.rejectedRows += 1
                    report.errors.append(
                        RowProblem(line: error.line, column: error.column, field: nil, message: error.reason))
                    report.outcome = .rejected
                    return .rollback
                }
                progress?(reader.bytesRead, report.rows)
                report.checksum = reader.checksum()
                report.sameChecksumAs = try Int64.fetchOne(
                    db, sql: "SELECT max(id) FROM import_run WHERE kind = 'customers' AND checksum = ?",
                    arguments: [report.checksum])
                let changed =
                    report.customers.added + report.customers.updated + report.vehicles.added + report.vehicles.updated
                    + report.mileage.added
                if report.rejectedRows > 0, !options.keepValid {
                    report.outcome = .rejected
                    return .rollback
                }
                if options.dryRun {
                    report.outcome = .dryRun
                    return .rollback
                }
                if changed == 0 {
                    report.outcome = report.rejectedRows > 0 ? .partlyImported : .unchanged
                    return .rollback
                }
                report.outcome = report.rejectedRows > 0 ? .partlyImported : .imported
                report.importID = try session.finish(report)
                return .commit
            }
        }
        return report
    }
}

/// What one row did; added to the report only once the row is stored.
package struct RowEffect {
    package enum Outcome { case added, updated, unchanged, repeated, none }
    package var customer = Outcome.none
    package var vehicle = Outcome.none
    package var mileage = Outcome.none
    package var carePlans = 0

    package func apply(to report: inout CustomerImportReport) {
        report.carePlans += carePlans
        func count(_ outcome: Outcome, _ counts: inout ImportCounts) {
            switch outcome {
            case .added: counts.added += 1
            case .updated: counts.updated += 1
            case .unchanged: counts.unchanged += 1
            case .repeated, .none: break
            }
        }
        count(customer, &report.customers)
        count(vehicle, &report.vehicles)
        count(mileage, &report.mileage)
    }
}

/// A set of row ids, as bits: its size follows the database's id range, not the file's length.
package struct IDSet {
    private var words: [UInt64]
    package init(capacity: Int64) { words = [UInt64](repeating: 0, count: Int(capacity / 64) + 1) }
    /// Inserts `id`; returns whether it was already there.
    package mutating func insert(_ id: Int64) -> Bool {
        let (word, bit) = (Int(id / 64), UInt64(1) << UInt64(id % 64))
        guard word < words.count else { return false }
        defer { words[word] |= bit }
        return words[word] & bit != 0
    }
}

/// The prepared statements and bookkeeping of one customer import, inside its transaction.
package final class CustomerImportSession {
    package let db: Database
    package let now: Date
    package let nowText: String
    package let zone: TimeZone
    package let actor: String
    package let file: String
    package let allowSharedPhones: Bool
    package let maxCustomerBefore: Int64
    package let maxVehicleBefore: Int64
    package var firstCustomer: Int64?
    package var lastCustomer: Int64?
    package var updatedCustomers: [Int64] = []
    /// Customers and vehicles that existed before this import and appeared on an earlier row of it.
    package var seenCustomers: IDSet
    package var seenVehicles: IDSet
    /// Customers this import moved to retained (C-5): their delivered vehicles get the care plan (C-7).
    package var movedToRetained: Set<Int64> = []
    /// Creates the care plan of a vehicle as a move by hand does; returns whether it created one.
    package let planCare: (Database, Vehicle.ID) throws -> Bool

    package let insertCustomer: RawStatement
    package let insertMove: RawStatement
    package let insertPhone: RawStatement
    package let otherPhoneOwner: RawStatement
    package let insertVehicle: RawStatement
    package let insertUsage: RawStatement
    package let insertMileage: RawStatement
    package let makes: MakeAliases
    /// Rule C-10: the staff and the dealer's day the owners of the file are checked against.
    package let staff: [StaffMember]
    package let today: LocalDate

    package init(
        db: Database, now: Date, zone: TimeZone, actor: String, file: String, allowSharedPhones: Bool,
        planCare: @escaping (Database, Vehicle.ID) throws -> Bool
    ) throws {
        self.db = db
        self.planCare = planCare
        self.zone = zone
        self.now = now
        self.nowText = Instant.databaseString(now)
        self.actor = actor
        self.file = file
        self.allowSharedPhones = allowSharedPhones
        makes = try AppDatabase.makeAliases(db)
        staff = try AppDatabase.staff(db)
        today = LocalDate(instant: now, in: zone)
        maxCustomerBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM customer") ?? 0
        maxVehicleBefore = try Int64.fetchOne(db, sql: "SELECT max(id) FROM vehicle") ?? 0
        seenCustomers = IDSet(capacity: maxCustomerBefore)
        seenVehicles = IDSet(capacity: maxVehicleBefore)
        insertCustomer = try RawStatement(
            db,
            """
            INSERT INTO customer (kind, name, customer_class, grade, source, gender, birth_date, region, occupation, \
            email,
                                  address, owner, external_ref, note, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(external_ref) DO NOTHING
            """)
        insertMove = try RawStatement(
            db,
            "INSERT INTO class_move (customer_id, from_class, to_class, at, actor, reason) VALUES (?, NULL, ?, ?, ?, ?)"
        )
        insertPhone = try RawStatement(
            db, "INSERT OR IGNORE INTO customer_phone (customer_id, phone, shared) VALUES (?, ?, ?)")
        otherPhoneOwner = try RawStatement(
            db, "SELECT customer_id FROM customer_phone WHERE phone = ? AND customer_id <> ? LIMIT 1")
        insertVehicle = try RawStatement(
            db,
            """
            INSERT INTO vehicle (customer_id, vin, plate, plate_key, make, model, model_year, build_date, usage, \
            invoice_date, delivered_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(vin) DO NOTHING
            """)
        insertUsage = try RawStatement(
            db,
            "INSERT INTO usage_change (vehicle_id, usage, effective, recorded_at, actor, reason) VALUES (?, ?, ?, ?, "
                + "?, ?)"
        )
        insertMileage = try RawStatement(
            db,
            "INSERT INTO mileage_reading (vehicle_id, kilometres, read_at, source, odometer_replaced) VALUES (?, ?, "
                + "?, 'import', 0)"
        )
    }

    /// Writes one validated row. Throws an `AfterSalesError` for a row that clashes with the database.
    package func write(_ row: CustomerImportRow, line: Int) throws -> RowEffect {
        var effect = RowEffect()
        let customerID = try writeCustomer(row, effect: &effect)
        guard var vehicle = row.vehicle else { return effect }
        vehicle.customerID = Customer.ID(customerID)
        vehicle.make = makes.canonical(vehicle.make)
        let (vehicleID, isNew) = try writeVehicle(vehicle, effect: &effect)
        // Rule C-7: a vehicle of a customer this import moved to retained, on this row or an earlier one.
        if movedToRetained.contains(customerID), try planCare(db, Vehicle.ID(vehicleID)) { effect.carePlans += 1 }
        guard let mileage = row.mileage else { return effect }
        if !isNew {
            let existing = try Row.fetchAll(
                db, sql: "SELECT * FROM mileage_reading WHERE vehicle_id = ?", arguments: [vehicleID]
            ).map(MileageReading.init(row:))
            if existing.contains(where: {
                $0.kilometres == mileage.kilometres && abs($0.readAt.timeIntervalSince(mileage.readAt)) < 1
            }) {
                effect.mileage = .unchanged
                return effect
            }
            let reading = MileageReading(
                vehicleID: Vehicle.ID(vehicleID), kilometres: mileage.kilometres, readAt: mileage.readAt,
                source: "import")
            try MileageReading.check(reading, against: existing, timeZone: zone)
        }
        insertMileage.bind(1, vehicleID)
        insertMileage.bind(2, mileage.kilometres)
        insertMileage.bind(3, Instant.databaseString(mileage.readAt))
        try insertMileage.run(db)
        effect.mileage = .added
        return effect
    }

    private func writeCustomer(_ row: CustomerImportRow, effect: inout RowEffect) throws -> Int64 {
        let c = row.customer
        if let owner = c.owner {
            do { try Customer.checkOwner(owner, staff: staff, on: today) } catch {
                // Rule C-10: a row that keeps the owner the customer already has assigns no one; it passes even
                // when that owner has left since (the departed-staff check lists the card for reassignment).
                let storedOwner = try db.cachedStatement(sql: "SELECT owner FROM customer WHERE external_ref = ?")
                let stored = try String.fetchOne(storedOwner, arguments: [c.externalRef])
                if stored != owner { throw error }
            }
        }
        let s = insertCustomer
        s.bind(1, c.kind.rawValue)
        s.bind(2, c.name)
        s.bind(3, c.customerClass.rawValue)
        s.bind(4, c.grade?.rawValue)
        s.bind(5, c.source)
        s.bind(6, c.gender?.rawValue)
        s.bind(7, c.birthDate?.description)
        s.bind(8, c.region)
        s.bind(9, c.occupation)
        s.bind(10, c.email)
        s.bind(11, c.address)
        s.bind(12, c.owner)
        s.bind(13, c.externalRef)
        s.bind(14, c.note)
        s.bind(15, nowText)
        s.bind(16, nowText)
        let id: Int64
        if try s.run(db) == 1 {
            id = db.lastInsertedRowID
            if firstCustomer == nil { firstCustomer = id }
            lastCustomer = id
            insertMove.bind(1, id)
            insertMove.bind(2, c.customerClass.rawValue)
            insertMove.bind(3, nowText)
            insertMove.bind(4, actor)
            insertMove.bind(5, said("moved in from the old system (\((file as NSString).lastPathComponent))"))
            try insertMove.run(db)
            effect.customer = .added
        } else {
            guard
                let existingRow = try Row.fetchOne(
                    db.cachedStatement(sql: "SELECT * FROM customer WHERE external_ref = ?"), arguments: [c.externalRef]
                )
            else {
                throw Conflict(field: "customer_ref", "\(c.externalRef ?? "") could not be stored")
            }
            let existing = Customer(row: existingRow)
            id = existing.id!.rawValue
            let differences = Audit.diff(before: existing.auditFields, after: c.auditFields)
            if id > maxCustomerBefore || seenCustomers.insert(id) {
                guard differences.isEmpty else {
                    throw InvalidInput(
                        field: "customer_ref",
                        "\(c.externalRef ?? "") appears on an earlier row with other "
                            + "\(differences.keys.sorted().joined(separator: ", ")); rows of one customer must agree"
                    )
                }
                effect.customer = .repeated
            } else if differences.isEmpty {
                effect.customer = .unchanged
            } else {
                if existing.customerClass != c.customerClass {
                    try existing.customerClass.checkMove(to: c.customerClass)
                }
                try db.execute(
                    sql: """
                        UPDATE customer SET kind = ?, name = ?, customer_class = ?, grade = ?, source = ?, gender = ?, \
                        birth_date = ?, region = ?,
                               occupation = ?, email = ?, address = ?, owner = ?, note = ?, updated_at = ? WHERE id = ?
                        """,
                    arguments: [
                        c.kind, c.name, c.customerClass, c.grade, c.source, c.gender, c.birthDate, c.region,
                        c.occupation, c.email, c.address, c.owner, c.note, now, id,
                    ])
                if existing.customerClass != c.customerClass {
                    // C-2: the grade a move out of potential clears stays in the move history.
                    try AppDatabase.recordMove(
                        db, customer: Customer.ID(id), from: existing.customerClass, to: c.customerClass, at: now,
                        actor: actor,
                        reason: "import of \((file as NSString).lastPathComponent)",
                        grade: existing.customerClass == .potential ? existing.grade : nil)
                    if c.customerClass == .retained {
                        // Rule C-7: a move to retained by import creates the care plan as `customer move` does.
                        movedToRetained.insert(id)
                        let delivered = try Int64.fetchAll(
                            db,
                            sql: """
                                SELECT id FROM vehicle WHERE customer_id = ? AND delivered_at IS NOT NULL ORDER BY id
                                """, arguments: [id])
                        for vehicleID in delivered where try planCare(db, Vehicle.ID(vehicleID)) {
                            effect.carePlans += 1
                        }
                    }
                }
                updatedCustomers.append(id)
                effect.customer = .updated
            }
        }
        for phone in row.phones {
            otherPhoneOwner.bind(1, phone)
            otherPhoneOwner.bind(2, id)
            let other = otherPhoneOwner.firstInteger()
            if let other, !allowSharedPhones {
                let name =
                    try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [other]) ?? "?"
                throw Conflict(
                    field: "phones",
                    "phone \(phone) is already on customer \(other) (\(name)); if the number is shared, import with "
                        + "--shared-phones"
                )
            }
            insertPhone.bind(1, id)
            insertPhone.bind(2, phone)
            insertPhone.bind(3, other == nil ? 0 : 1)
            try insertPhone.run(db)
        }
        return id
    }

    private func writeVehicle(_ v: Vehicle, effect: inout RowEffect) throws -> (Int64, Bool) {
        let s = insertVehicle
        s.bind(1, v.customerID.rawValue)
        s.bind(2, v.vin.value)
        s.bind(3, v.plate)
        s.bind(4, v.plate.map(ContactDetails.plateKey))
        s.bind(5, v.make)
        s.bind(6, v.model)
        s.bind(7, v.modelYear)
        s.bind(8, v.buildDate?.description)
        s.bind(9, v.usage.rawValue)
        s.bind(10, v.invoiceDate?.description)
        s.bind(11, v.deliveredAt.map(Instant.databaseString))
        s.bind(12, nowText)
        if try s.run(db) == 1 {
            let id = db.lastInsertedRowID
            insertUsage.bind(1, id)
            insertUsage.bind(2, v.usage.rawValue)
            insertUsage.bind(
                3,
                (v.deliveredAt.map { LocalDate(instant: $0, in: zone) } ?? v.buildDate)?.description
                    ?? String(nowText.prefix(10)))
            insertUsage.bind(4, nowText)
            insertUsage.bind(5, actor)
            insertUsage.bind(6, "usage at registration (import)")
            try insertUsage.run(db)
            effect.vehicle = .added
            return (id, true)
        }
        guard
            let existingRow = try Row.fetchOne(
                db.cachedStatement(
                    sql:
                        "SELECT v.*, c.name AS owner_name FROM vehicle v JOIN customer c ON c.id = v.customer_id "
                        + "WHERE vin = ?"
                ),
                arguments: [v.vin])
        else {
            throw Conflict(field: "vin", "\(v.vin) could not be stored")
        }
        let existing = Vehicle(row: existingRow)
        let id = existing.id!.rawValue
        guard existing.customerID == v.customerID else {
            throw Conflict(
                field: "vin",
                "VIN \(v.vin) is already on vehicle \(id) (customer \(existing.customerID) "
                    + "\(existingRow["owner_name"] as String))"
            )
        }
        var incoming = v
        incoming.createdAt = existing.createdAt
        let differences = Audit.diff(before: existing.auditFields, after: incoming.auditFields)
        if id > maxVehicleBefore || seenVehicles.insert(id) {
            guard differences.isEmpty else {
                throw InvalidInput(
                    field: "vin",
                    "\(v.vin) appears on an earlier row with other \(differences.keys.sorted().joined(separator: ", "))"
                )
            }
            effect.vehicle = .repeated
        } else if differences.isEmpty {
            effect.vehicle = .unchanged
        } else {
            try db.execute(
                sql: """
                    UPDATE vehicle SET plate = ?, plate_key = ?, make = ?, model = ?, model_year = ?, build_date = ?, \
                    usage = ?, invoice_date = ?, delivered_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    v.plate, v.plate.map(ContactDetails.plateKey), v.make, v.model, v.modelYear, v.buildDate, v.usage,
                    v.invoiceDate, v.deliveredAt, id,
                ])
            if existing.usage != v.usage {
                try db.execute(
                    sql:
                        "INSERT INTO usage_change (vehicle_id, usage, effective, recorded_at, actor, reason) VALUES "
                        + "(?, ?, ?, ?, ?, ?)",
                    arguments: [
                        id, v.usage, String(nowText.prefix(10)), now, actor,
                        "import of \((file as NSString).lastPathComponent)",
                    ])
            }
            effect.vehicle = .updated
        }
        return (id, false)
    }

    /// Records the import in the history and the audit log (one entry for the whole file).
    package func finish(_ report: CustomerImportReport) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let counts = String(
            decoding: try encoder.encode([
                "customers": report.customers, "vehicles": report.vehicles, "mileage": report.mileage,
            ]), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO import_run (kind, file, checksum, at, actor, counts) VALUES ('customers', ?, ?, ?, ?, ?)",
            arguments: [file, report.checksum, now, actor, counts])
        let id = db.lastInsertedRowID
        var after: [String: String?] = [
            "file": file, "checksum": report.checksum, "rows": String(report.rows), "counts": counts,
            "rejected_rows": String(report.rejectedRows),
        ]
        if let first = firstCustomer, let last = lastCustomer { after["created_customer_ids"] = "\(first)-\(last)" }
        if report.carePlans > 0 { after["care_plans"] = String(report.carePlans) }
        if !updatedCustomers.isEmpty {
            after["updated_customer_ids"] =
                updatedCustomers.prefix(1000).map(String.init).joined(separator: ",")
                + (updatedCustomers.count > 1000 ? ",… (\(updatedCustomers.count) in all)" : "")
        }
        try Audit.record(
            db, at: now, actor: actor, entity: "import", id: String(id), action: "import-customers", after: after)
        return id
    }
}
