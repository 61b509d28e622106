import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty

/// The answer to `warranty check`: the decision with its reasons, and the vehicle's bulletins.
public struct WarrantyCheck: Codable, Sendable {
    public var vin: VIN
    public var customer: String
    public var make: String
    public var model: String
    public var on: LocalDate
    public var mileage: Int?
    /// Where the mileage came from: given, or the latest reading; for people.
    public var mileageFrom: Phrase
    public var decision: WarrantyDecision
    public var openBulletins: [VehicleBulletin]
    public var otherBulletins: [VehicleBulletin]
    /// Set when `--component` names nothing the manufacturer uses; for people.
    public var note: Phrase?

    /// `mileageFrom` and `note` in the language of the moment (JSON's `mileageSource` and `componentNote`).
    public var mileageSource: String { mileageFrom.rendered() }
    public var componentNote: String? { note?.rendered() }

    enum CodingKeys: String, CodingKey {
        case vin, customer, make, model, on, mileage, mileageSource, decision, openBulletins, otherBulletins,
            componentNote
    }

    init(
        vin: VIN, customer: String, make: String, model: String, on: LocalDate, mileage: Int?, mileageFrom: Phrase,
        decision: WarrantyDecision, openBulletins: [VehicleBulletin], otherBulletins: [VehicleBulletin], note: Phrase?
    ) {
        self.vin = vin
        self.customer = customer
        self.make = make
        self.model = model
        self.on = on
        self.mileage = mileage
        self.mileageFrom = mileageFrom
        self.decision = decision
        self.openBulletins = openBulletins
        self.otherBulletins = otherBulletins
        self.note = note
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        vin = try c.decode(VIN.self, forKey: .vin)
        customer = try c.decode(String.self, forKey: .customer)
        make = try c.decode(String.self, forKey: .make)
        model = try c.decode(String.self, forKey: .model)
        on = try c.decode(LocalDate.self, forKey: .on)
        mileage = try c.decodeIfPresent(Int.self, forKey: .mileage)
        mileageFrom = Phrase(verbatim: try c.decode(String.self, forKey: .mileageSource))
        decision = try c.decode(WarrantyDecision.self, forKey: .decision)
        openBulletins = try c.decode([VehicleBulletin].self, forKey: .openBulletins)
        otherBulletins = try c.decode([VehicleBulletin].self, forKey: .otherBulletins)
        note = try c.decodeIfPresent(String.self, forKey: .componentNote).map { Phrase(verbatim: $0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(vin, forKey: .vin)
        try c.encode(customer, forKey: .customer)
        try c.encode(make, forKey: .make)
        try c.encode(model, forKey: .model)
        try c.encode(on, forKey: .on)
        try c.encodeIfPresent(mileage, forKey: .mileage)
        try c.encode(mileageSource, forKey: .mileageSource)
        try c.encode(decision, forKey: .decision)
        try c.encode(openBulletins, forKey: .openBulletins)
        try c.encode(otherBulletins, forKey: .otherBulletins)
        try c.encodeIfPresent(componentNote, forKey: .componentNote)
    }
}

/// A term as stored, with the L-2 flag when it falls below the legal minimum for household cars.
public struct StoredTerm: Codable, Sendable {
    public var term: WarrantyTerm
    /// The L-2 flag for people.
    public var flag: Phrase?
    /// `flag` in the language of the moment (JSON's `legalFlag`).
    public var legalFlag: String? { flag?.rendered() }

    init(term: WarrantyTerm, flag: Phrase?) {
        self.term = term
        self.flag = flag
    }

    enum CodingKeys: String, CodingKey { case term, legalFlag }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        term = try c.decode(WarrantyTerm.self, forKey: .term)
        flag = try c.decodeIfPresent(String.self, forKey: .legalFlag).map { Phrase(verbatim: $0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encodeIfPresent(legalFlag, forKey: .legalFlag)
    }
}

extension AppDatabase {
    // MARK: - Terms (W-1)

    /// All terms, the W-1 defaults included, each flagged when below the legal minimum (L-2).
    public func warrantyTerms() throws -> [StoredTerm] {
        try writer.read { db in
            let legal = LegalPeriods(settings: try Self.settings(db))
            return try Self.terms(db).map { StoredTerm(term: $0, flag: $0.legalFlag(legal)) }
        }
    }

    package static func terms(_ db: Database) throws -> [WarrantyTerm] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM warranty_term ORDER BY make, model, usage, effective"))
            .map {
                let model: String = $0["model"]
                return WarrantyTerm(
                    make: $0["make"], model: model.isEmpty ? nil : model, usage: $0["usage"] ?? .private,
                    months: $0["months"],
                    kilometres: $0["kilometres"], effective: $0["effective"], source: $0["source"])
            }
    }

    /// Stores a term (same make, model, usage and effective date: replaced); audited. A household-car term
    /// below the legal repair period is stored and flagged (the legal minimum applies in every decision).
    public func setWarrantyTerm(_ term: WarrantyTerm, actor: String) throws -> StoredTerm {
        try term.validate()
        return try writer.write { db in
            let flag = term.legalFlag(LegalPeriods(settings: try Self.settings(db)))
            try Self.storeWarrantyTerm(db, term, flag: flag?.english, at: clock.now(), actor: actor)
            return StoredTerm(term: term, flag: flag)
        }
    }

    /// Inserts or updates a term by its key (make, model, usage, effective); audited with its L-2 flag.
    package static func storeWarrantyTerm(
        _ db: Database, _ term: WarrantyTerm, flag: String?, at now: Date, actor: String
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO warranty_term (make, model, usage, months, kilometres, effective, source) VALUES (?, ?, ?, \
                ?, ?, ?, ?)
                ON CONFLICT (make, model, usage, effective) DO UPDATE SET months = excluded.months, kilometres = \
                excluded.kilometres, source = excluded.source
                """,
            arguments: [
                term.make, term.model ?? "", term.usage, term.months, term.kilometres, term.effective, term.source,
            ])
        try Audit.record(
            db, at: now, actor: actor, entity: "warranty_term",
            id: "\(term.make)/\(term.model ?? "*")/\(term.usage.rawValue)/\(term.effective)",
            action: "set",
            after: [
                "months": String(term.months), "kilometres": String(term.kilometres), "legal_flag": flag,
                "source": term.source,
            ])
    }

    // MARK: - Facts on a vehicle (W-3, W-4, W-9)

    /// Records an exclusion fact (W-4) with its source record; audited.
    public func addExclusion(_ fact: ExclusionFact, vin: VIN, actor: String) throws -> ExclusionFact {
        guard !fact.source.trimmed().isEmpty else {
            throw InvalidInput(field: "source", "name the record this rests on (repair order, report...)")
        }
        return try writer.write { db in
            let vehicle = try Self.fetchVehicle(db, vin: vin)
            if fact.kind == .manufacturerCondition {
                let allowed = try Self.settings(db).manufacturerConditions
                guard let condition = fact.condition,
                    allowed.contains(where: { componentKey($0) == componentKey(condition) })
                else {
                    throw Conflict(
                        field: "condition",
                        "expected one of the manufacturer's conditions: \(allowed.joined(separator: "; ")) (setting "
                            + "warranty.manufacturer-conditions)"
                    )
                }
            }
            var stored = fact
            try db.execute(
                sql:
                    "INSERT INTO warranty_exclusion (vehicle_id, kind, condition, component, recorded_on, source, "
                    + "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    vehicle.id, fact.kind.rawValue, fact.condition, fact.component, fact.recordedOn, fact.source,
                    fact.note, clock.now(),
                ])
            stored.id = db.lastInsertedRowID
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "warranty_exclusion", id: String(stored.id!),
                action: "create",
                after: [
                    "vehicle_id": vehicle.id!.description, "kind": fact.kind.rawValue, "condition": fact.condition,
                    "component": fact.component,
                    "recorded_on": fact.recordedOn.description, "source": fact.source,
                ])
            return stored
        }
    }

    /// The exclusion facts recorded on a vehicle.
    public func exclusions(vin: VIN) throws -> [ExclusionFact] {
        try writer.read { db in try Self.exclusions(db, vehicleID: try Self.fetchVehicle(db, vin: vin).id!) }
    }

    package static func exclusions(_ db: Database, vehicleID: Vehicle.ID) throws -> [ExclusionFact] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM warranty_exclusion WHERE vehicle_id = ? ORDER BY recorded_on, id"),
            arguments: [vehicleID]
        ).map {
            ExclusionFact(
                id: $0["id"], kind: ExclusionFact.Kind(rawValue: $0["kind"]) ?? .misuse, condition: $0["condition"],
                component: $0["component"],
                recordedOn: $0["recorded_on"], source: $0["source"], note: $0["note"])
        }
    }

    /// Records a part bought and fitted here, with its invoice (W-3); audited.
    public func addFittedPart(_ part: FittedPart, vin: VIN, actor: String) throws {
        guard !part.partNumber.trimmed().isEmpty else { throw InvalidInput(field: "number", "must not be empty") }
        guard !part.invoice.trimmed().isEmpty else {
            throw InvalidInput(field: "invoice", "W-3 needs the invoice that proves the purchase")
        }
        try writer.write { db in
            let vehicle = try Self.fetchVehicle(db, vin: vin)
            let today = LocalDate(instant: clock.now(), in: try Self.settings(db).timeZone)
            guard part.fittedOn <= today else {
                throw Conflict(field: "fitted-on", "\(part.fittedOn) is in the future")
            }
            try db.execute(
                sql:
                    "INSERT INTO fitted_part (vehicle_id, part_number, part_key, fitted_on, invoice, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [
                    vehicle.id, part.partNumber, FittedPart.key(part.partNumber), part.fittedOn, part.invoice,
                    clock.now(),
                ])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "fitted_part", id: String(db.lastInsertedRowID),
                action: "create",
                after: [
                    "vehicle_id": vehicle.id!.description, "part_number": part.partNumber,
                    "fitted_on": part.fittedOn.description, "invoice": part.invoice,
                ])
        }
    }

    /// Records a maintenance visit of the service history (W-9; at an independent workshop with its proof, L-11);
    /// audited.
    public func addMaintenanceVisit(_ visit: MaintenanceVisit, vin: VIN, actor: String) throws {
        try MileageReading.checkPlausible(visit.kilometres, field: "kilometres")
        if visit.independent, (visit.proof ?? "").trimmed().isEmpty {
            throw InvalidInput(
                field: "proof", "maintenance at an independent workshop needs its proof (invoice or record), L-11")
        }
        try writer.write { db in
            let vehicle = try Self.fetchVehicle(db, vin: vin)
            let today = LocalDate(instant: clock.now(), in: try Self.settings(db).timeZone)
            guard visit.day <= today else { throw Conflict(field: "on", "\(visit.day) is in the future") }
            try db.execute(
                sql:
                    "INSERT INTO maintenance_visit (vehicle_id, day, kilometres, independent, proof, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [vehicle.id, visit.day, visit.kilometres, visit.independent, visit.proof, clock.now()])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "maintenance_visit", id: String(db.lastInsertedRowID),
                action: "create",
                after: [
                    "vehicle_id": vehicle.id!.description, "day": visit.day.description,
                    "kilometres": String(visit.kilometres),
                    "independent": visit.independent ? "true" : nil, "proof": visit.proof,
                ])
        }
    }

    /// Rule W-9: whether the vehicle was maintained on schedule, computed from its maintenance visits.
    public func maintenanceCompliance(vin: VIN, on: LocalDate? = nil) throws -> MaintenanceCompliance {
        try writer.read { db in
            let today = try on ?? LocalDate(instant: clock.now(), in: Self.settings(db).timeZone)
            return try Self.warrantyContext(db, vin: vin, on: today, mileage: nil).maintenance
        }
    }

    // MARK: - Eligibility (W-1 to W-4, W-6, W-8)

    /// Everything a decision about one vehicle needs, loaded in one read.
    package struct WarrantyContext {
        package var card: Vehicle
        package var customer: String
        package var input: EligibilityInput
        package var bulletins: [VehicleBulletin]
        package var maintenance: MaintenanceCompliance
        package var exclusions: [ExclusionFact]
        package var mileageSource: Phrase
    }

    package static func warrantyContext(
        _ db: Database, vin: VIN, on day: LocalDate, mileage: Int?, component: String? = nil, part: String? = nil
    ) throws -> WarrantyContext {
        if let mileage {
            // The figure itself first (400), whatever the vehicle's records say (409).
            guard mileage >= 0 else { throw InvalidInput(field: "mileage", "must not be negative") }
            try MileageReading.checkPlausible(mileage, field: "mileage")
        }
        let card = try fetchVehicle(db, vin: vin)
        let settings = try Self.settings(db)
        let zone = settings.timeZone
        guard let deliveredAt = card.deliveredAt else {
            throw Conflict(
                field: "vin",
                "no delivery is recorded for \(vin); warranty starts at delivery to the first owner (`aftersales "
                    + "vehicle deliver`)"
            )
        }
        let delivered = LocalDate(instant: deliveredAt, in: zone)
        guard day >= delivered else { throw Conflict(field: "on", "\(day) is before the delivery on \(delivered)") }
        let readings = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM mileage_reading WHERE vehicle_id = ? ORDER BY read_at"),
            arguments: [card.id]
        ).map(MileageReading.init(row:))
        let upToDay = readings.filter { LocalDate(instant: $0.readAt, in: zone) <= day }
        var km = mileage
        var source: Phrase = "given"
        if let given = mileage {
            if let last = upToDay.last, given < last.kilometres, !readings.contains(where: { $0.odometerReplaced }) {
                throw Conflict(
                    field: "mileage",
                    "\(grouped: given) km is below the reading of \(grouped: last.kilometres) "
                        + "km on \(LocalDate(instant: last.readAt, in: zone))"
                )
            }
        } else if let last = upToDay.last {
            km = last.kilometres
            source = "latest reading, \(LocalDate(instant: last.readAt, in: zone))"
        } else {
            source = "none recorded"
        }
        let usage = try UsageChange.fetchDeliveryUsage(db, vehicleID: card.id!) ?? card.usage
        let facts = try vehicleFacts(db, vin: vin, card: card)!
        let found = try bulletins(db, for: facts)
        let vehicleBulletins = try vehicleBulletins(db, vin: vin, found: found)
        let extensions = found.compactMap { bulletin, match -> ExtensionCover? in
            guard bulletin.kind == .extension, match == .applies, let months = bulletin.extensionMonths,
                let km = bulletin.extensionKilometres
            else { return nil }
            return ExtensionCover(
                bulletin: bulletin.number, component: bulletin.component, months: months, kilometres: km)
        }
        let exclusions = try Self.exclusions(db, vehicleID: card.id!)
        let parts = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT part_number, fitted_on, invoice FROM fitted_part WHERE vehicle_id = ?"),
            arguments: [card.id]
        ).map {
            FittedPart(partNumber: $0["part_number"], fittedOn: $0["fitted_on"], invoice: $0["invoice"])
        }
        let visits = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM maintenance_visit WHERE vehicle_id = ? ORDER BY day"),
            arguments: [card.id]
        ).map {
            MaintenanceVisit(
                day: $0["day"], kilometres: $0["kilometres"], independent: $0["independent"], proof: $0["proof"])
        }
        var input = EligibilityInput(
            vin: vin, make: facts.make, model: facts.model, delivered: delivered, deliveryUsage: usage,
            currentUsage: card.usage,
            on: day, mileage: km, component: component, partNumber: part, terms: try terms(db),
            legal: LegalPeriods(settings: settings),
            partsWarrantyMonths: settings.integer(.partsWarrantyMonths), extensions: extensions, exclusions: exclusions,
            fittedParts: parts)
        input.partsWarrantyTerms = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT make, model, months, effective FROM parts_warranty_term WHERE lower(make) = lower(?)"),
            arguments: [facts.make]
        ).map {
            PartsWarrantyTerm(
                make: $0["make"], model: ($0["model"] as String).nilIfEmpty, months: $0["months"],
                effective: $0["effective"])
        }
        let maintenance = MaintenanceCompliance.evaluate(
            schedule: try maintenanceSchedule(db, make: card.make), delivered: delivered, visits: visits, on: day,
            mileage: km ?? 0, household: usage == .private)
        let customer =
            try String.fetchOne(
                db.cachedStatement(sql: "SELECT name FROM customer WHERE id = ?"), arguments: [card.customerID]) ?? ""
        return WarrantyContext(
            card: card, customer: customer, input: input, bulletins: vehicleBulletins,
            maintenance: maintenance, exclusions: exclusions, mileageSource: source)
    }

    /// Rules W-1 to W-4, W-6 and W-8: is a repair on this vehicle covered on `on` at `mileage`, and why.
    /// Errors: a VIN the dealer does not know, no delivery recorded, a date before delivery, a mileage below the last
    /// reading.
    public func warrantyCheck(
        vin: VIN, on: LocalDate? = nil, mileage: Int? = nil, component: String? = nil, part: String? = nil
    ) throws -> WarrantyCheck {
        try writer.read { db in
            let today = try on ?? LocalDate(instant: clock.now(), in: Self.settings(db).timeZone)
            let context = try Self.warrantyContext(
                db, vin: vin, on: today, mileage: mileage, component: component, part: part)
            var note: Phrase?
            if let component,
                try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT 1 FROM bulletin WHERE component_key = ? LIMIT 1"),
                    arguments: [componentKey(component)]) != true
            {
                let names = try String.fetchAll(
                    db, sql: "SELECT component FROM bulletin GROUP BY component_key ORDER BY component_key LIMIT 50")
                if !names.isEmpty {
                    note =
                        "\"\(component)\" is not a component name the manufacturer uses; known: "
                        + "\(names.joined(separator: ", "))"
                }
            }
            return WarrantyCheck(
                vin: vin, customer: context.customer, make: context.input.make, model: context.input.model, on: today,
                mileage: context.input.mileage, mileageFrom: context.mileageSource,
                decision: WarrantyPolicy.decide(context.input),
                openBulletins: context.bulletins.filter(\.open), otherBulletins: context.bulletins.filter { !$0.open },
                note: note)
        }
    }

    /// Rule W-5: may a whole-vehicle replacement claim be raised for this vehicle? Every condition and refusal is
    /// evaluated.
    public func replacementAssessment(
        vin: VIN, request: ReplacementRequest, on: LocalDate? = nil, mileage: Int? = nil
    ) throws -> ReplacementAssessment {
        try writer.read { db in
            let today = try on ?? LocalDate(instant: clock.now(), in: Self.settings(db).timeZone)
            let context = try Self.warrantyContext(db, vin: vin, on: today, mileage: mileage)
            return ReplacementAssessment.assess(
                request, deliveredAt: context.card.deliveredAt!, warranty: WarrantyPolicy.decide(context.input),
                maintenance: context.maintenance, exclusions: context.exclusions)
        }
    }
}

extension UsageChange {
    /// The usage at delivery: the first entry of the vehicle's usage history (W-2).
    package static func fetchDeliveryUsage(_ db: Database, vehicleID: Vehicle.ID) throws -> Usage? {
        try Usage.fetchOne(
            db.cachedStatement(
                sql: "SELECT usage FROM usage_change WHERE vehicle_id = ? ORDER BY effective, id LIMIT 1"),
            arguments: [vehicleID])
    }
}
