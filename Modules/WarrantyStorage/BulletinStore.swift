import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty

/// A bulletin as it relates to one vehicle.
public struct VehicleBulletin: Codable, Sendable, Equatable {
    public var vin: VIN
    public var manufacturer: String
    public var number: String
    public var kind: Bulletin.Kind
    public var revision: Int
    public var title: String
    public var component: String
    /// `applies`, or `possible: <why>` when a criterion cannot be decided.
    public var match: String
    /// Recalls and campaigns that apply and are not completed on this vehicle.
    public var open: Bool
    public var completedOn: LocalDate?
}

/// A bulletin with how far it reaches.
public struct BulletinReport: Codable, Sendable {
    public var bulletin: Bulletin
    public var vinListSize: Int
    public var revisions: [Int]
    public var dealerVehiclesAffected: Int
    public var dealerVehiclesPossible: Int
    public var masterDataVehiclesAffected: Int
    public var completed: Int
}

/// One of the dealer's vehicles a recall or campaign applies (or may apply) to, with whom to call and how (W-6).
public struct AffectedVehicle: Codable, Sendable, Equatable {
    public var vin: VIN
    public var plate: String?
    public var make: String
    public var model: String
    public var customerID: Int64
    public var customer: String
    public var phones: [String]
    public var email: String?
    /// Consent per channel (M-3): `opt-in`, `opt-out` or `none`. A recall goes out whatever it says.
    public var consent: [String: String]
    /// `applies`, or `possible: <why>` when a criterion cannot be decided.
    public var match: String
    public var completedOn: LocalDate?
}

extension AppDatabase {
    /// Rule W-6: the dealer's vehicles the bulletin applies to, or may apply to, with how they match. The one walk
    /// over the vehicles behind both the bulletin's reach and its work list.
    package static func dealerVehicles(
        _ db: Database, affectedBy bulletin: Bulletin, id: Int64
    ) throws -> [(Vehicle, Applicability)] {
        // Listed VINs are asked of the (vin, bulletin) key one vehicle at a time: a national list never sits in memory.
        let listedStatement = try db.cachedStatement(
            sql: "SELECT 1 FROM bulletin_vin WHERE vin = ? AND bulletin_id = ?")
        var found: [(Vehicle, Applicability)] = []
        let vehicles = try Row.fetchCursor(db, sql: "SELECT * FROM vehicle ORDER BY id")
        while let vehicleRow = try vehicles.next() {
            let card = Vehicle(row: vehicleRow)
            guard let facts = try vehicleFacts(db, vin: card.vin, card: card) else { continue }
            let listed = try Bool.fetchOne(listedStatement, arguments: [card.vin.value, id]) == true
            let match = bulletin.applicability(to: facts, listed: listed)
            if match.matches { found.append((card, match)) }
        }
        return found
    }

    /// Rule W-6: the recall's work list — our customers' vehicles it applies to (or may), with their contact details,
    /// consent and completion, open ones first, a page at a time.
    public func bulletinAffected(
        number: String, manufacturer: String? = nil, openOnly: Bool = false, limit: Int = 50,
        offset: Int = 0
    ) throws -> Page<AffectedVehicle> {
        try writer.read { db in
            let row = try Self.bulletinRow(db, number: number, manufacturer: manufacturer)
            let bulletin = try JSONDecoder().decode(Bulletin.self, from: Data((row["content"] as String).utf8))
            let completion = try db.cachedStatement(
                sql: "SELECT completed_on FROM bulletin_completion WHERE manufacturer = ? AND number = ? AND vin = ?")
            var rows: [(Vehicle, String, LocalDate?)] = []
            for (vehicle, match) in try Self.dealerVehicles(db, affectedBy: bulletin, id: row["id"]) {
                let done = try LocalDate.fetchOne(
                    completion, arguments: [bulletin.manufacturer, bulletin.number, vehicle.vin])
                if openOnly, done != nil { continue }
                var text = "applies"
                if case .possible(let why) = match { text = "possible: \(why)" }
                rows.append((vehicle, text, done))
            }
            rows.sort { ($0.2 == nil ? 0 : 1, $0.0.id!.rawValue) < ($1.2 == nil ? 0 : 1, $1.0.id!.rawValue) }
            let customer = try db.cachedStatement(sql: "SELECT name, email FROM customer WHERE id = ?")
            let phones = try db.cachedStatement(
                sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone")
            let consent = try db.cachedStatement(sql: "SELECT channel, status FROM consent WHERE customer_id = ?")
            let items = try rows.dropFirst(offset).prefix(limit).map { vehicle, match, done -> AffectedVehicle in
                let owner = try Row.fetchOne(customer, arguments: [vehicle.customerID])
                var consents = ["sms": "none", "email": "none", "letter": "none"]
                for row in try Row.fetchAll(consent, arguments: [vehicle.customerID]) {
                    consents[row["channel"]] = row["status"]
                }
                return AffectedVehicle(
                    vin: vehicle.vin, plate: vehicle.plate, make: vehicle.make, model: vehicle.model,
                    customerID: vehicle.customerID.rawValue, customer: owner?["name"] ?? "?",
                    phones: try String.fetchAll(phones, arguments: [vehicle.customerID]), email: owner?["email"],
                    consent: consents, match: match, completedOn: done)
            }
            return Page(items: items, total: rows.count, limit: limit, offset: offset)
        }
    }

    /// The characters of a VIN in ASCII order (0-9, then A-Z without I, O, Q): the order serials compare in.
    package static let vinCharacters = Array("0123456789ABCDEFGHJKLMNPRSTUVWXYZ".utf8)

    /// The index buckets of a range: every three-character prefix the serials it covers can have, letters
    /// included, when there are at most 100; otherwise the catch-all bucket `*` that every lookup also reads.
    package static func rangeBuckets(_ range: VinRange) -> [String] {
        let from = VinRange.serial(range.from).prefix(3)
        let to = VinRange.serial(range.to).prefix(3)
        if from == to { return [String(from)] }
        // Rule W-6: a serial with a letter lies between digits ("00A123" is between "009990" and "010010"), so the
        // prefixes are counted in base 33 over the VIN characters, not as decimal numbers.
        let base = vinCharacters.count
        func rank(_ prefix: Substring) -> Int? {
            prefix.utf8.reduce(Optional(0)) { total, byte in
                guard let total, let digit = vinCharacters.firstIndex(of: byte) else { return nil }
                return total * base + digit
            }
        }
        guard let low = rank(from), let high = rank(to), high - low < 100 else { return ["*"] }
        return (low...high).map { value in
            let digits = [value / (base * base), value / base % base, value % base].map { vinCharacters[$0] }
            return String(decoding: digits, as: UTF8.self)
        }
    }

    /// Adds listed VINs to a stored bulletin (the import streams them in batches); `vin_count` grows by the
    /// VINs this batch added, so a list of millions is never recounted.
    package static func addBulletinVINs(_ db: Database, bulletinID: Int64, vins: [VIN]) throws {
        guard !vins.isEmpty else { return }
        // One statement per batch, the VINs as a JSON array: a national recall lists a million VINs, and a
        // statement per VIN costs a third more than the insert itself (SWIFT-LINUX.md has the figures).
        let insert = try RawStatement(
            cached: db, "INSERT OR IGNORE INTO bulletin_vin (vin, bulletin_id) SELECT value, ?2 FROM json_each(?1)")
        insert.bind(1, jsonArray(vins))
        insert.bind(2, bulletinID)
        let added = try insert.run(db)
        // A VIN list makes VIN selection a kind of criterion that every vehicle must then match (W-6).
        try db.cachedStatement(
            sql: "UPDATE bulletin SET has_vin_selection = 1, only_built = 0, vin_count = vin_count + ? WHERE id = ?"
        )
        .execute(arguments: [added, bulletinID])
    }

    /// VINs as a JSON array of strings, for `json_each` (a validated VIN holds only 0-9 and A-Z; anything
    /// else is escaped all the same).
    package static func jsonArray(_ vins: [VIN]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(vins.count * 20 + 2)
        for (index, vin) in vins.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            vin.withUTF8 { text in
                for byte in text {
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
                    case 0..<0x20: bytes += Array(String(format: "\\u%04x", byte).utf8)
                    default: bytes.append(byte)
                    }
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }

    package static func onlyBuilt(_ bulletin: Bulletin) -> Bool {
        bulletin.models.isEmpty && bulletin.vinRanges.isEmpty && bulletin.vins.isEmpty
    }

    /// What is known of a vehicle for matching: the manufacturer's master data by VIN, else the dealer's card.
    package static func vehicleFacts(_ db: Database, vin: VIN, card: Vehicle?) throws -> VehicleFacts? {
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT make, model, year, built FROM manufacturer_vehicle WHERE vin = ?"),
            arguments: [vin])
        {
            return VehicleFacts(
                vin: vin, make: row["make"], model: row["model"], modelYear: row["year"] ?? card?.modelYear,
                built: row["built"] ?? card?.buildDate)
        }
        guard let card else { return nil }
        return VehicleFacts(
            vin: vin, make: card.make, model: card.model, modelYear: card.modelYear, built: card.buildDate)
    }

    /// A bulletin's header as stored in columns: enough to match and to show, without decoding its content.
    package struct BulletinHeader {
        let id: Int64
        let manufacturer: String
        let number: String
        let kind: Bulletin.Kind
        let revision: Int
        let title: String
        let component: String
        let extensionMonths: Int?
        let extensionKilometres: Int?
    }

    /// Every bulletin that applies (or may apply) to a vehicle, found through the VIN list, range, model and
    /// built-date indexes. This is `Bulletin.applicability` (the definition, W-6) evaluated on the indexed
    /// columns, so a check never decodes a bulletin: every kind of criterion present must match; within a
    /// kind any element; a Built criterion and no build date, or a model-year limit and no model year, is a
    /// possible match; withdrawn applies to nothing.
    package static func bulletins(
        _ db: Database, for facts: VehicleFacts
    ) throws -> [(header: BulletinHeader, match: Applicability)] {
        let listed = Set(
            try Int64.fetchAll(
                db.cachedStatement(sql: "SELECT bulletin_id FROM bulletin_vin WHERE vin = ?"), arguments: [facts.vin]))
        let serial = VinRange.serial(facts.vin)
        let inRange = Set(
            try Int64.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT bulletin_id FROM bulletin_range WHERE range_key = ? AND bucket IN (?, '*') AND \
                        serial_from <= ? AND serial_to >= ?
                        """), arguments: [VinRange.key(facts.vin), String(serial.prefix(3)), serial, serial]))
        // Rule W-6: a vehicle of unknown model year reads every criterion of its model; one without years (open
        // bounds 0 and 9999) matches, one with years is a possible match, as an unknown build date is.
        let modelRows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT bulletin_id, year_from, year_to FROM bulletin_model
                    WHERE make_key = ? AND model_key = ? AND year_to >= ? AND year_from <= ?
                    """),
            arguments: [
                componentKey(facts.make), componentKey(facts.model),
                facts.modelYear ?? 0, facts.modelYear ?? 9999,
            ])
        var byModel = Set<Int64>()
        var yearLimits: [Int64: [(from: Int?, to: Int?)]] = [:]
        for row in modelRows {
            let id: Int64 = row["bulletin_id"]
            let from: Int = row["year_from"]
            let to: Int = row["year_to"]
            if facts.modelYear != nil || (from == 0 && to == 9999) {
                byModel.insert(id)
            } else {
                yearLimits[id, default: []].append((from == 0 ? nil : from, to == 9999 ? nil : to))
            }
        }
        let byModelYearUnknown = Set(yearLimits.keys).subtracting(byModel)
        let onlyBuilt = try Int64.fetchAll(db.cachedStatement(sql: "SELECT id FROM bulletin WHERE only_built = 1"))
        let header = try db.cachedStatement(
            sql: """
                SELECT manufacturer, number, kind, revision, status, title, component, has_model, has_built, \
                has_vin_selection, extension_months, extension_km
                FROM bulletin WHERE id = ?
                """)
        let builtRanges = try db.cachedStatement(
            sql: "SELECT built_from, built_to FROM bulletin_built WHERE bulletin_id = ?")
        var found: [(BulletinHeader, Applicability)] = []
        for id in listed.union(inRange).union(byModel).union(byModelYearUnknown).union(onlyBuilt).sorted() {
            guard let row = try Row.fetchOne(header, arguments: [id]),
                (row["status"] as String) == Bulletin.Status.active.rawValue
            else { continue }
            var undecided: [String] = []
            if row["has_model"], !byModel.contains(id) {
                guard let limits = yearLimits[id] else { continue }
                undecided.append(Bulletin.modelYearsUnknown(limits))
            }
            if row["has_vin_selection"] || listed.contains(id), !(listed.contains(id) || inRange.contains(id)) {
                continue
            }
            if row["has_built"] {
                let criteria = try Row.fetchAll(builtRanges, arguments: [id]).map {
                    (from: $0["built_from"] as LocalDate?, to: $0["built_to"] as LocalDate?)
                }
                if let day = facts.built {
                    guard
                        criteria.contains(where: {
                            ($0.from.map { day >= $0 } ?? true) && ($0.to.map { day <= $0 } ?? true)
                        })
                    else { continue }
                } else {
                    undecided.append(Bulletin.buildDateUnknown(criteria))
                }
            }
            let match = undecided.isEmpty ? Applicability.applies : .possible(undecided.joined(separator: "; "))
            found.append(
                (
                    BulletinHeader(
                        id: id, manufacturer: row["manufacturer"], number: row["number"],
                        kind: Bulletin.Kind(rawValue: row["kind"]) ?? .tsb,
                        revision: row["revision"], title: row["title"], component: row["component"],
                        extensionMonths: row["extension_months"], extensionKilometres: row["extension_km"]), match
                ))
        }
        return found
    }

    /// The bulletins of a vehicle with their open state (recalls and campaigns not completed on it).
    package static func vehicleBulletins(_ db: Database, vin: VIN, card: Vehicle?) throws -> [VehicleBulletin] {
        guard let facts = try vehicleFacts(db, vin: vin, card: card) else { return [] }
        return try vehicleBulletins(db, vin: vin, found: try bulletins(db, for: facts))
    }

    package static func vehicleBulletins(
        _ db: Database, vin: VIN, found: [(header: BulletinHeader, match: Applicability)]
    ) throws -> [VehicleBulletin] {
        let completion = try db.cachedStatement(
            sql: "SELECT completed_on FROM bulletin_completion WHERE manufacturer = ? AND number = ? AND vin = ?")
        return try found.map { bulletin, match in
            let done = try LocalDate.fetchOne(completion, arguments: [bulletin.manufacturer, bulletin.number, vin])
            let matchText: String
            if case .possible(let why) = match { matchText = "possible: \(why)" } else { matchText = "applies" }
            return VehicleBulletin(
                vin: vin, manufacturer: bulletin.manufacturer, number: bulletin.number, kind: bulletin.kind,
                revision: bulletin.revision,
                title: bulletin.title, component: bulletin.component, match: matchText,
                open: bulletin.kind.canBeOpen && done == nil, completedOn: done)
        }
    }

    /// The bulletins that apply to a vehicle of the dealer or of the master data, open ones first.
    public func bulletins(forVIN vin: VIN) throws -> [VehicleBulletin] {
        try writer.read { db in
            let card = try Row.fetchOne(db, sql: "SELECT * FROM vehicle WHERE vin = ?", arguments: [vin]).map(
                Vehicle.init(row:))
            let inMasterData =
                try Bool.fetchOne(db, sql: "SELECT 1 FROM manufacturer_vehicle WHERE vin = ?", arguments: [vin]) == true
            guard card != nil || inMasterData else {
                throw NotFound("vehicle with VIN", vin.value, field: "vin")
            }
            return try Self.vehicleBulletins(db, vin: vin, card: card).sorted {
                ($0.open ? 0 : 1, $0.number) < ($1.open ? 0 : 1, $1.number)
            }
        }
    }

    /// Bulletins, optionally of one kind, newest first, a page at a time with the total.
    public func listBulletins(kind: Bulletin.Kind? = nil, limit: Int = 50, offset: Int = 0) throws -> Page<Bulletin> {
        try writer.read { db in
            let condition = kind == nil ? "" : " WHERE kind = ?"
            let arguments: StatementArguments = kind.map { [$0.rawValue] } ?? []
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM bulletin" + condition, arguments: arguments) ?? 0
            let items = try String.fetchAll(
                db, sql: "SELECT content FROM bulletin\(condition) ORDER BY issued DESC, number LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset]
            ).map { try JSONDecoder().decode(Bulletin.self, from: Data($0.utf8)) }
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
    }

    package static func bulletinRow(_ db: Database, number: String, manufacturer: String?) throws -> Row {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM bulletin WHERE number = ?" + (manufacturer == nil ? "" : " AND manufacturer = ?"),
            arguments: manufacturer == nil ? [number] : [number, manufacturer])
        guard let row = rows.first else { throw NotFound("bulletin", number, field: "number") }
        guard rows.count == 1 else {
            throw Conflict(
                field: "manufacturer",
                "bulletin \(number) exists for several manufacturers "
                    + "(\(rows.map { $0["manufacturer"] as String }.joined(separator: ", "))); name one"
            )
        }
        return row
    }

    /// A bulletin with its revisions and reach: the dealer's vehicles and the master-data vehicles it affects, and how
    /// many are done.
    public func bulletinReport(number: String, manufacturer: String? = nil) throws -> BulletinReport {
        try writer.read { db in
            let row = try Self.bulletinRow(db, number: number, manufacturer: manufacturer)
            let id: Int64 = row["id"]
            var bulletin = try JSONDecoder().decode(Bulletin.self, from: Data((row["content"] as String).utf8))
            let listSize: Int = row["vin_count"]
            bulletin.vins = try String.fetchAll(
                db, sql: "SELECT vin FROM bulletin_vin WHERE bulletin_id = ? ORDER BY vin LIMIT 100", arguments: [id]
            ).map(VIN.init(trusted:))
            let revisions = try Int.fetchAll(
                db, sql: "SELECT revision FROM bulletin_revision WHERE bulletin_id = ? ORDER BY revision",
                arguments: [id])
            var affected = 0
            var possible = 0
            var master = 0
            for (_, match) in try Self.dealerVehicles(db, affectedBy: bulletin, id: id) {
                if case .possible = match { possible += 1 } else { affected += 1 }
            }
            let listedStatement = try db.cachedStatement(
                sql: "SELECT 1 FROM bulletin_vin WHERE vin = ? AND bulletin_id = ?")
            func listed(_ vin: String) throws -> Bool {
                try Bool.fetchOne(listedStatement, arguments: [vin, id]) == true
            }
            let masterCursor = try Row.fetchCursor(
                db, sql: "SELECT vin, make, model, year, built FROM manufacturer_vehicle")
            while let m = try masterCursor.next() {
                let facts = VehicleFacts(
                    vin: VIN(trusted: m["vin"]), make: m["make"], model: m["model"], modelYear: m["year"],
                    built: m["built"])
                if bulletin.applicability(to: facts, listed: try listed(m["vin"])).matches { master += 1 }
            }
            let completed =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM bulletin_completion WHERE manufacturer = ? AND number = ?",
                    arguments: [bulletin.manufacturer, bulletin.number]) ?? 0
            return BulletinReport(
                bulletin: bulletin, vinListSize: listSize, revisions: revisions, dealerVehiclesAffected: affected,
                dealerVehiclesPossible: possible, masterDataVehiclesAffected: master, completed: completed)
        }
    }

    /// Records that a recall or campaign was done on one vehicle; that closes it for that VIN only (W-6).
    public func completeBulletin(
        number: String, manufacturer: String? = nil, vin: VIN, on day: LocalDate, workRef: String?, actor: String
    ) throws -> VehicleBulletin {
        try writer.write { db in
            let row = try Self.bulletinRow(db, number: number, manufacturer: manufacturer)
            let bulletin = try JSONDecoder().decode(Bulletin.self, from: Data((row["content"] as String).utf8))
            guard bulletin.kind.canBeOpen else {
                throw Conflict(
                    field: "number",
                    "\(bulletin.kind.spoken) \(number) is not work to complete; only recalls and service campaigns "
                        + "are"
                )
            }
            let card = try Row.fetchOne(db, sql: "SELECT * FROM vehicle WHERE vin = ?", arguments: [vin]).map(
                Vehicle.init(row:))
            guard
                let match = try Self.vehicleBulletins(db, vin: vin, card: card).first(where: {
                    $0.number == number && $0.manufacturer == bulletin.manufacturer
                })
            else {
                throw Conflict(field: "vin", "bulletin \(number) does not apply to \(vin)")
            }
            if let done = match.completedOn {
                throw Conflict(field: "vin", "bulletin \(number) was already completed on \(vin) on \(done)")
            }
            let now = clock.now()
            try db.execute(
                sql:
                    "INSERT INTO bulletin_completion (manufacturer, number, vin, completed_on, work_ref, actor, at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [bulletin.manufacturer, number, vin, day, workRef, actor, now])
            try Audit.record(
                db, at: now, actor: actor, entity: "bulletin_completion",
                id: "\(bulletin.manufacturer)/\(number)/\(vin)", action: "complete",
                after: ["completed_on": day.description, "work_ref": workRef])
            var done = match
            done.open = false
            done.completedOn = day
            return done
        }
    }

    /// Stores a vehicle of the manufacturer's master data (by VIN); used to match bulletins by the manufacturer's
    /// names.
    public func storeMasterVehicle(vin: VIN, make: String, model: String, year: Int?, built: LocalDate?) throws {
        try writer.write { db in
            try db.execute(
                sql:
                    "INSERT OR REPLACE INTO manufacturer_vehicle (vin, make, model, year, built) VALUES (?, ?, ?, ?, "
                    + "?)",
                arguments: [vin, make, model, year, built])
            try ManufacturerDataGeneration.bump(db)
        }
    }

    /// The component names the manufacturer uses (the vocabulary `--component` offers).
    public func componentNames() throws -> [String] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT component FROM bulletin ORDER BY component_key")
        }
    }
}
