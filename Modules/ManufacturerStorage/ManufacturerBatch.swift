import Catalog
import Core
import Foundation
import GRDB
import StorageKernel
import Warranty
import WarrantyStorage

/// What storing a bulletin did, by MANUFACTURER-XML.md's revision rules.
public struct BulletinStoreResult: Codable, Sendable, Equatable {
    public enum Outcome: String, Codable, Sendable {
        case added, replaced, unchanged, stale

        /// The outcome for people.
        public var spoken: Phrase {
            switch self {
            case .added: "added"
            case .replaced: "replaced"
            case .unchanged: "unchanged"
            case .stale: "stale"
            }
        }
    }
    public var outcome: Outcome
    public var manufacturer: String
    public var number: String
    public var revision: Int
    public var storedRevision: Int?
    /// Why the bulletin was skipped, for people.
    public var notice: Phrase?

    /// `notice` in the language of the moment (JSON's `warning`).
    public var warning: String? { notice?.rendered() }

    enum CodingKeys: String, CodingKey { case outcome, manufacturer, number, revision, storedRevision, warning }

    init(outcome: Outcome, manufacturer: String, number: String, revision: Int) {
        self.outcome = outcome
        self.manufacturer = manufacturer
        self.number = number
        self.revision = revision
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        outcome = try c.decode(Outcome.self, forKey: .outcome)
        manufacturer = try c.decode(String.self, forKey: .manufacturer)
        number = try c.decode(String.self, forKey: .number)
        revision = try c.decode(Int.self, forKey: .revision)
        storedRevision = try c.decodeIfPresent(Int.self, forKey: .storedRevision)
        notice = try c.decodeIfPresent(String.self, forKey: .warning).map { Phrase(verbatim: $0) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(manufacturer, forKey: .manufacturer)
        try c.encode(number, forKey: .number)
        try c.encode(revision, forKey: .revision)
        try c.encodeIfPresent(storedRevision, forKey: .storedRevision)
        try c.encodeIfPresent(warning, forKey: .warning)
    }
}

/// What storing one item of a manufacturer file did.
public enum ItemOutcome: String, Codable, Sendable {
    case added, replaced, unchanged, skipped

    /// The outcome for people.
    public var spoken: Phrase {
        switch self {
        case .added: "added"
        case .replaced: "replaced"
        case .unchanged: "unchanged"
        case .skipped: "skipped"
        }
    }
}

/// The use cases an import of a manufacturer file writes through, inside one transaction (one file). A
/// bulletin arrives in three steps, so that a national VIN list streams through: `beginBulletin` with the
/// header's identity, `addBulletinVINs` per batch, `endBulletin` with the whole bulletin.
public final class ManufacturerBatch {
    package let db: Database
    package let now: Date
    /// `now` as the database stores it, converted once (GRDB formats a Date with a DateFormatter each time), by
    /// the audit log's conversion, so the batch's audit entries find it done.
    private let nowValue: DatabaseValue
    package let actor: String
    /// Where the items come from, as the audit log and a revision conflict name it: `import of FILE (sha256 …)`.
    public let source: String
    private lazy var legal: LegalPeriods? = try? LegalPeriods(settings: AppDatabase.settings(db))
    private var open: OpenBulletin?
    /// One encoder for the bulletins' stored content (thousands in a file).
    private lazy var contentEncoder = JSONFormat.encoder(pretty: false)
    private var vehicleCounts: [ItemOutcome: Int] = [:]

    /// A dry run (rolled back whatever happens): the VIN lists of new and replaced bulletins are counted, not
    /// written. Nothing a report says depends on them (a bulletin's outcome is decided by its revision, a
    /// conflict by the temporary list of the same revision), and they are a national list's million rows.
    package let dryRun: Bool

    package init(db: Database, now: Date, actor: String, source: String, dryRun: Bool = false) {
        self.db = db
        self.now = now
        self.nowValue = Audit.databaseValue(now)
        self.actor = actor
        self.source = source
        self.dryRun = dryRun
    }

    /// The import's day in the dealer's time zone (T-2), by the injected clock.
    public func today() throws -> LocalDate { LocalDate(instant: now, in: try AppDatabase.settings(db).timeZone) }

    // MARK: - Savepoints (keep the valid items of a file)

    /// Starts an item that may be rejected on its own.
    public func beginItem() throws { try db.execute(sql: "SAVEPOINT item") }
    /// Keeps the item.
    public func keepItem() throws { try db.execute(sql: "RELEASE item") }
    /// Undoes everything the item wrote.
    public func dropItem() throws {
        open = nil
        try db.execute(sql: "ROLLBACK TO item; RELEASE item")
    }

    // MARK: - Bulletins (W-6 revision rules, MANUFACTURER-XML.md)

    private struct OpenBulletin {
        enum Mode {
            case new
            case replace(previous: Int)
            case same
            case stale(stored: Int)
        }
        var id: Int64?
        var mode: Mode
        var manufacturer: String
        var number: String
        var revision: Int
        var incoming = 0
        var missing = false
    }

    /// Opens a bulletin by its identity and revision (`head`'s other fields are not needed yet): a new number
    /// is created, a higher revision clears the stored applicability, the same revision is compared at the end,
    /// a lower one will be skipped.
    public func beginBulletin(
        manufacturer: String, number: String, revision: Int, kind: Bulletin.Kind, issued: LocalDate,
        status: Bulletin.Status
    ) throws {
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT id, revision FROM bulletin WHERE manufacturer = ? AND number = ?"),
            arguments: [manufacturer, number])
        guard let existing else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO bulletin (manufacturer, number, revision, kind, status, issued, title, component, \
                    component_key, content, vin_count,
                                          has_model, has_built, has_vin_selection, only_built, stored_at, stored_by, \
                    source)
                    VALUES (?, ?, ?, ?, ?, ?, '', '', '', '{}', 0, 0, 0, 0, 0, ?, ?, ?)
                    """
            ).execute(arguments: [
                manufacturer, number, revision, kind.rawValue, status.rawValue, issued, nowValue, actor, source,
            ])
            open = OpenBulletin(
                id: db.lastInsertedRowID, mode: .new, manufacturer: manufacturer, number: number, revision: revision)
            return
        }
        let id: Int64 = existing["id"]
        let stored: Int = existing["revision"]
        var bulletin = OpenBulletin(id: id, mode: .same, manufacturer: manufacturer, number: number, revision: revision)
        if revision < stored {
            bulletin.mode = .stale(stored: stored)
        } else if revision > stored {
            bulletin.mode = .replace(previous: stored)
            for table in ["bulletin_vin", "bulletin_range", "bulletin_model", "bulletin_built"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE bulletin_id = ?", arguments: [id])
            }
            try db.execute(
                sql: "UPDATE bulletin SET vin_count = 0, has_vin_selection = 0 WHERE id = ?", arguments: [id])
        } else {
            try db.execute(
                sql:
                    "CREATE TEMP TABLE IF NOT EXISTS incoming_vin (vin TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM "
                    + "temp.incoming_vin"
            )
        }
        open = bulletin
    }

    /// Whether the open bulletin's listed VINs are only counted (a dry run of a new or replaced bulletin, or
    /// an older revision, which is skipped): `countBulletinVINs` then takes their number instead of the VINs.
    public var countsVINsOnly: Bool {
        switch open?.mode {
        case .new?, .replace?: dryRun
        case .stale?, nil: true
        case .same?: false
        }
    }

    /// A batch of `count` listed VINs of the open bulletin, where `countsVINsOnly` says their number is enough.
    public func countBulletinVINs(_ count: Int) {
        guard countsVINsOnly, var bulletin = open else { return }
        bulletin.incoming += count
        open = bulletin
    }

    /// A batch of the open bulletin's listed VINs.
    public func addBulletinVINs(_ vins: [VIN]) throws {
        guard var bulletin = open, let id = bulletin.id else { return }
        switch bulletin.mode {
        case .new, .replace:
            if dryRun {
                bulletin.incoming += vins.count
            } else {
                try AppDatabase.addBulletinVINs(db, bulletinID: id, vins: vins)
            }
        case .same:
            // The same revision again: its distinct VINs are counted, and any not stored makes it a conflict.
            let list = AppDatabase.jsonArray(vins)
            let remember = try RawStatement(
                cached: db, "INSERT OR IGNORE INTO temp.incoming_vin (vin) SELECT value FROM json_each(?)")
            remember.bind(1, list)
            bulletin.incoming += try remember.run(db)
            if !bulletin.missing {
                let unknown = try RawStatement(
                    cached: db,
                    """
                    SELECT 1 FROM json_each(?1) AS listed
                    WHERE NOT EXISTS (SELECT 1 FROM bulletin_vin WHERE vin = listed.value AND bulletin_id = ?2) LIMIT 1
                    """)
                unknown.bind(1, list)
                unknown.bind(2, id)
                if unknown.firstInteger() != nil { bulletin.missing = true }
            }
        case .stale:
            break
        }
        open = bulletin
    }

    /// Closes the open bulletin with its whole content (without VINs, which came in batches). Throws `Conflict`
    /// when the same revision is stored with other content.
    public func endBulletin(_ bulletin: Bulletin) throws -> BulletinStoreResult {
        guard let state = open, let id = state.id, state.number == bulletin.number else {
            throw Conflict(field: "number", "bulletin \(bulletin.number) was not opened")
        }
        open = nil
        var result = BulletinStoreResult(
            outcome: .added, manufacturer: bulletin.manufacturer, number: bulletin.number, revision: bulletin.revision)
        var header = bulletin
        header.vins = []
        let content = String(decoding: try contentEncoder.encode(header), as: UTF8.self)
        switch state.mode {
        case .stale(let stored):
            result.storedRevision = stored
            result.outcome = .stale
            result.notice =
                "bulletin \(bulletin.number) revision \(bulletin.revision) is older than the stored revision "
                + "\(stored); skipped"
            return result
        case .same:
            let row = try Row.fetchOne(
                db, sql: "SELECT content, vin_count, stored_at, stored_by, source FROM bulletin WHERE id = ?",
                arguments: [id])!
            result.storedRevision = bulletin.revision
            var stored = try JSONDecoder().decode(Bulletin.self, from: Data((row["content"] as String).utf8))
            stored.vins = []
            if stored.sameContent(as: header), !state.missing, state.incoming == (row["vin_count"] as Int) {
                result.outcome = .unchanged
                return result
            }
            let from = (row["source"] as String).isEmpty ? "" : ", \(row["source"] as String)"
            throw Conflict(
                field: "revision",
                "bulletin \(bulletin.number) revision \(bulletin.revision) is already stored with other content (by "
                    + "\(row["stored_by"] as String) at "
                    + "\(Instant.isoString(row["stored_at"], in: try AppDatabase.settings(db).timeZone))\(from)); a "
                    + "change needs a higher revision"
            )
        case .new, .replace:
            let vinCount =
                dryRun
                ? state.incoming
                : try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT vin_count FROM bulletin WHERE id = ?"), arguments: [id]) ?? 0
            try header.validate(vinsListedApart: vinCount)
            if case .replace(let previous) = state.mode {
                result.outcome = .replaced
                result.storedRevision = previous
            }
            let onlyBuilt = bulletin.models.isEmpty && bulletin.vinRanges.isEmpty && vinCount == 0
            try db.cachedStatement(
                sql: """
                    UPDATE bulletin SET revision = ?, kind = ?, status = ?, issued = ?, title = ?, component = ?, \
                    component_key = ?, content = ?,
                           has_model = ?, has_built = ?, has_vin_selection = ?, only_built = ?, extension_months = ?, \
                    extension_km = ?,
                           stored_at = ?, stored_by = ?, source = ? WHERE id = ?
                    """
            ).execute(arguments: [
                bulletin.revision, bulletin.kind.rawValue, bulletin.status.rawValue, bulletin.issued, bulletin.title,
                bulletin.component,
                componentKey(bulletin.component), content, !bulletin.models.isEmpty, !bulletin.built.isEmpty,
                !bulletin.vinRanges.isEmpty || vinCount > 0, onlyBuilt, bulletin.extensionMonths,
                bulletin.extensionKilometres,
                nowValue, actor, source, id,
            ])
            try db.cachedStatement(
                sql:
                    "INSERT INTO bulletin_revision (bulletin_id, revision, content, vin_count, stored_at, stored_by) "
                    + "VALUES (?, ?, ?, ?, ?, ?)"
            )
            .execute(arguments: [id, bulletin.revision, content, vinCount, nowValue, actor])
            for range in bulletin.vinRanges {
                for bucket in AppDatabase.rangeBuckets(range) {
                    try db.cachedStatement(
                        sql:
                            "INSERT INTO bulletin_range (bulletin_id, range_key, bucket, serial_from, serial_to) "
                            + "VALUES (?, ?, ?, ?, ?)"
                    )
                    .execute(arguments: [
                        id, VinRange.key(range.from), bucket, VinRange.serial(range.from), VinRange.serial(range.to),
                    ])
                }
            }
            for criterion in bulletin.built {
                try db.cachedStatement(
                    sql: "INSERT INTO bulletin_built (bulletin_id, built_from, built_to) VALUES (?, ?, ?)"
                )
                .execute(arguments: [id, criterion.from, criterion.to])
            }
            for model in Set(bulletin.models) {
                try db.cachedStatement(
                    sql:
                        "INSERT INTO bulletin_model (bulletin_id, make_key, model_key, year_from, year_to) VALUES (?, "
                        + "?, ?, ?, ?)"
                )
                .execute(arguments: [
                    id, componentKey(model.make), componentKey(model.name), model.yearFrom ?? 0, model.yearTo ?? 9999,
                ])
            }
            try Audit.record(
                db, at: now, actor: actor, entity: "bulletin", id: "\(bulletin.manufacturer)/\(bulletin.number)",
                action: result.outcome.rawValue,
                before: result.storedRevision.map { ["revision": String($0)] },
                after: [
                    "revision": String(bulletin.revision), "status": bulletin.status.rawValue, "title": bulletin.title,
                    "vins": String(vinCount), "source": source,
                ])
            return result
        }
    }

    /// A whole bulletin at once (a small one: `bulletins add`, tests).
    public func store(_ bulletin: Bulletin) throws -> BulletinStoreResult {
        try bulletin.validate()
        try beginBulletin(
            manufacturer: bulletin.manufacturer, number: bulletin.number, revision: bulletin.revision,
            kind: bulletin.kind,
            issued: bulletin.issued, status: bulletin.status)
        try addBulletinVINs(Array(Set(bulletin.vins)).sorted())
        return try endBulletin(bulletin)
    }

    // MARK: - Catalogue (Q-1)

    /// A labour operation by its key (code, make, model): added, replaced when its hours or text changed, else
    /// unchanged.
    public func store(_ operation: LabourOperation) throws -> ItemOutcome {
        try operation.validate()
        let model = operation.model ?? ""
        let existing = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT centihours, description FROM labour_operation WHERE code = ? AND make = ? AND model = ?"),
            arguments: [operation.code, operation.make, model])
        if let existing, existing["centihours"] == operation.centihours,
            existing["description"] == operation.description
        {
            return .unchanged
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) VALUES \
                (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code, make, model) DO UPDATE SET centihours = excluded.centihours, description = \
                excluded.description,
                    source = excluded.source, updated_at = excluded.updated_at
                """
        ).execute(arguments: [
            operation.code, operation.make, model, operation.centihours, operation.description, source, nowValue,
        ])
        try Audit.record(
            db, at: now, actor: actor, entity: "labour_operation", id: operation.key,
            action: existing == nil ? "add" : "replace",
            before: existing.map { ["hours": Self.hours($0["centihours"]), "description": $0["description"]] },
            after: ["hours": Self.hours(operation.centihours), "description": operation.description, "source": source])
        return existing == nil ? .added : .replaced
    }

    /// Hundredths of an hour as hours: 80 → "0.80".
    package static func hours(_ centihours: Int) -> String {
        String(format: "%d.%02d", centihours / 100, centihours % 100)
    }

    /// A part by its number, with the price in force from `effective` (the file's issue day). A changed price is
    /// kept in the history with its day; a file older than the stored price does not override it (skipped).
    public func store(_ part: CatalogPart, effective: LocalDate) throws -> (outcome: ItemOutcome, warning: String?) {
        try part.validate()
        let existing = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT name, price_fen, currency, effective FROM part WHERE number = ?"),
            arguments: [part.number])
        if let existing {
            if existing["name"] == part.name, existing["price_fen"] == part.price.fen,
                existing["currency"] == part.currency
            {
                return (.unchanged, nil)
            }
            let storedDay: LocalDate = existing["effective"]
            if effective < storedDay {
                let warning: Phrase =
                    "part \(part.number): this file's price (\(part.price) \(part.currency) from \(effective)) is "
                    + "older than the stored one (from \(storedDay)); kept the stored price"
                return (.skipped, warning.rendered())
            }
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) VALUES (?, ?, ?, \
                ?, ?, ?, ?)
                ON CONFLICT (number) DO UPDATE SET name = excluded.name, price_fen = excluded.price_fen, currency = \
                excluded.currency,
                    effective = excluded.effective, source = excluded.source, updated_at = excluded.updated_at
                """
        ).execute(arguments: [part.number, part.name, part.price.fen, part.currency, effective, source, nowValue])
        try db.cachedStatement(
            sql: """
                INSERT INTO part_price (number, effective, price_fen, currency, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (number, effective) DO UPDATE SET price_fen = excluded.price_fen, currency = \
                excluded.currency, source = excluded.source
                """
        ).execute(arguments: [part.number, effective, part.price.fen, part.currency, source])
        try Audit.record(
            db, at: now, actor: actor, entity: "part", id: part.number, action: existing == nil ? "add" : "replace",
            before: existing.map {
                ["name": $0["name"], "price": Money(fen: $0["price_fen"]).description, "currency": $0["currency"]]
            },
            after: [
                "name": part.name, "price": part.price.description, "currency": part.currency,
                "effective": effective.description, "source": source,
            ])
        return (existing == nil ? .added : .replaced, nil)
    }

    // MARK: - Warranty terms (W-1, W-3, L-2)

    /// A warranty term by its key (make, model, usage, effective); the L-2 flag when a household-car term is
    /// shorter than the legal repair period (the legal minimum then applies).
    public func store(_ term: WarrantyTerm) throws -> (outcome: ItemOutcome, legalFlag: String?) {
        try term.validate()
        let phrase = legal.flatMap { term.legalFlag($0) }
        let flag = phrase?.rendered()
        let existing = try Row.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT months, kilometres FROM warranty_term WHERE make = ? AND model = ? AND usage = ? AND "
                    + "effective = ?"
            ),
            arguments: [term.make, term.model ?? "", term.usage.rawValue, term.effective])
        if let existing, existing["months"] == term.months, existing["kilometres"] == term.kilometres {
            return (.unchanged, flag)
        }
        try AppDatabase.storeWarrantyTerm(db, term, flag: phrase?.english, at: now, actor: actor)
        return (existing == nil ? .added : .replaced, flag)
    }

    /// A parts warranty term by its key (make, model, effective).
    public func store(_ term: PartsWarrantyTerm) throws -> ItemOutcome {
        try term.validate()
        let months = try Int.fetchOne(
            db.cachedStatement(
                sql: "SELECT months FROM parts_warranty_term WHERE make = ? AND model = ? AND effective = ?"),
            arguments: [term.make, term.model ?? "", term.effective])
        if months == term.months { return .unchanged }
        try db.execute(
            sql: """
                INSERT INTO parts_warranty_term (make, model, months, effective, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (make, model, effective) DO UPDATE SET months = excluded.months, source = excluded.source
                """, arguments: [term.make, term.model ?? "", term.months, term.effective, source])
        try Audit.record(
            db, at: now, actor: actor, entity: "parts_warranty_term",
            id: "\(term.make)/\(term.model ?? "*")/\(term.effective)",
            action: months == nil ? "add" : "replace", before: months.map { ["months": String($0)] },
            after: ["months": String(term.months), "source": source])
        return months == nil ? .added : .replaced
    }

    // MARK: - Vehicle master data

    /// Vehicles come by the hundred thousand, in the file's order, which is not the VIN order: stored one by one
    /// they would land on random pages of the table. They are staged instead, in file order, and stored in VIN
    /// order by `storeStagedVehicles` (several times faster), with each item's outcome as storing them one by
    /// one in file order gives. They are audited as one entry per file (`finish`), with the counts.
    public static let vehicleStageLimit = 100_000
    /// How many vehicles wait in the stage.
    public private(set) var stagedVehicles = 0
    /// Whether this batch has made its (empty) stage: once per batch; every store of the stage empties it again.
    private var stageReady = false
    /// How many vehicles are staged before they are stored (a stage stays on disk in SQLite's temporary file).
    package var vehicleStageLimit = ManufacturerBatch.vehicleStageLimit

    /// Stages a master-data vehicle (key: VIN); its outcome is counted when the stage is stored.
    public func store(_ vehicle: MasterVehicle) throws {
        if !stageReady {
            // Debian's SQLite zeroes every freed page (SECURE_DELETE): for the stage, emptied after every store,
            // that was 5,800 page writes per 100,000 vehicles to a temporary file nobody else can read.
            try db.execute(
                sql: """
                    CREATE TEMP TABLE IF NOT EXISTS incoming_vehicle (seq INTEGER PRIMARY KEY, vin TEXT NOT NULL, make \
                    TEXT NOT NULL,
                                                                      model TEXT NOT NULL, year INTEGER, built TEXT);
                    DELETE FROM temp.incoming_vehicle;
                    DROP INDEX IF EXISTS temp.incoming_vehicle_order;
                    PRAGMA temp.secure_delete = OFF;
                    """)
            stageReady = true
        }
        pendingVehicles.append(vehicle)
        stagedVehicles += 1
        if pendingVehicles.count == Self.stageRows { try stagePendingVehicles() }
        if stagedVehicles >= vehicleStageLimit { try storeStagedVehicles() }
    }

    /// Vehicles go into the stage `stageRows` to a statement (a statement per row costs about as much as the row).
    package static let stageRows = 64
    private var pendingVehicles: [MasterVehicle] = []

    private func stagePendingVehicles() throws {
        guard !pendingVehicles.isEmpty else { return }
        // Bound through SQLite's C API (SWIFT-LINUX.md): GRDB's arguments would cost more than the row. A full
        // group shares one cached statement; the file's last few go one by one. OR FAIL: a failing row fails the
        // import all the same, and SQLite keeps no statement journal for it (it doubled the stage's page writes).
        let rows = pendingVehicles.count == Self.stageRows ? Self.stageRows : 1
        let stage = try RawStatement(
            cached: db,
            "INSERT OR FAIL INTO temp.incoming_vehicle (vin, make, model, year, built) VALUES "
                + Array(repeating: "(?, ?, ?, ?, ?)", count: rows).joined(separator: ", "))
        for start in stride(from: 0, to: pendingVehicles.count, by: rows) {
            for (offset, vehicle) in pendingVehicles[start..<(start + rows)].enumerated() {
                let column = Int32(offset * 5)
                stage.bind(column + 1, vehicle.vin)
                stage.bind(column + 2, vehicle.make)
                stage.bind(column + 3, vehicle.model)
                stage.bind(column + 4, vehicle.year)
                stage.bind(column + 5, vehicle.built?.description)
            }
            try stage.run(db)
        }
        pendingVehicles.removeAll(keepingCapacity: true)
    }

    /// Stores the staged vehicles and returns the outcomes of every vehicle stored in this batch so far. In VIN
    /// order, and for one VIN in file order: first each new VIN by its first occurrence (added), then every
    /// occurrence against what is stored by then (replaced when it differs, else unchanged).
    @discardableResult
    public func storeStagedVehicles() throws -> [ItemOutcome: Int] {
        guard stagedVehicles > 0 else { return vehicleCounts }
        try stagePendingVehicles()
        stagedVehicles = 0
        // Counted, not remembered: a savepoint rolled back (`dropItem`) takes its staged rows with it.
        let staged = try Int.fetchOne(db, sql: "SELECT count(*) FROM temp.incoming_vehicle") ?? 0
        try db.execute(
            sql: "CREATE INDEX temp.incoming_vehicle_order ON incoming_vehicle (vin, seq, make, model, year, built)")
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO manufacturer_vehicle (vin, make, model, year, built)
                SELECT vin, make, model, year, built FROM temp.incoming_vehicle ORDER BY vin, seq
                """)
        let added = db.changesCount
        var replaced = 0
        if added < staged {
            try db.execute(
                sql: """
                    INSERT INTO manufacturer_vehicle (vin, make, model, year, built)
                    SELECT vin, make, model, year, built FROM temp.incoming_vehicle WHERE true ORDER BY vin, seq
                    ON CONFLICT (vin) DO UPDATE SET make = excluded.make, model = excluded.model, year = \
                    excluded.year, built = excluded.built
                    WHERE make IS NOT excluded.make OR model IS NOT excluded.model OR year IS NOT excluded.year OR \
                    built IS NOT excluded.built
                    """)
            replaced = db.changesCount
        }
        try db.execute(sql: "DROP INDEX temp.incoming_vehicle_order; DELETE FROM temp.incoming_vehicle")
        for (outcome, count) in [
            (ItemOutcome.added, added), (.replaced, replaced), (.unchanged, staged - added - replaced),
        ] where count > 0 {
            vehicleCounts[outcome, default: 0] += count
        }
        return vehicleCounts
    }

    // MARK: - History

    /// Whether a file with this checksum was imported before: the newest such import's id.
    public func previousImport(checksum: String) throws -> Int64? {
        try Int64.fetchOne(
            db, sql: "SELECT max(id) FROM import_run WHERE kind = 'manufacturer-data' AND checksum = ?",
            arguments: [checksum])
    }

    /// The import after which nothing of the manufacturer's data has changed, if it was of a file of `bytes` bytes
    /// and stored all of it: the only import a file can be unchanged since (its checksum is then compared).
    /// `at` is when it ran, in the dealer's time zone; `counts` its counts as the history keeps them.
    public func importStillCurrent(
        bytes: Int64
    ) throws -> (id: Int64, checksum: String, at: String, counts: String)? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT r.id, r.checksum, r.at, r.counts
                FROM manufacturer_import_generation g JOIN import_run r ON r.id = g.import_run
                WHERE g.generation = (SELECT generation FROM manufacturer_data_generation WHERE id = 1) AND g.bytes = ?
                ORDER BY r.id DESC LIMIT 1
                """,
            arguments: [bytes])
        guard let row else { return nil }
        let zone = try AppDatabase.settings(db).timeZone
        return (row["id"], row["checksum"], Instant.localString(row["at"], in: zone), row["counts"])
    }

    /// Records the import in the history and the audit log (one entry for the file, with its counts). When the
    /// file was stored whole (`complete`: nothing rejected), the generation of the manufacturer's data after it is
    /// kept with the file's size in `bytes`, so that the same file again finds nothing to do while it stands.
    public func finish(file: String, checksum: String, counts: String, complete: Bool, bytes: Int64) throws -> Int64 {
        try storeStagedVehicles()
        // Vehicles are inserted without a trigger (millions of rows): the import moves the generation itself.
        try ManufacturerDataGeneration.bump(db)
        try db.execute(
            sql:
                "INSERT INTO import_run (kind, file, checksum, at, actor, counts) VALUES ('manufacturer-data', ?, ?, "
                + "?, ?, ?)",
            arguments: [file, checksum, nowValue, actor, counts])
        let id = db.lastInsertedRowID
        if complete {
            try db.execute(
                sql: "INSERT INTO manufacturer_import_generation (import_run, generation, bytes) VALUES (?, ?, ?)",
                arguments: [id, try ManufacturerDataGeneration.current(db), bytes])
        }
        var after: [String: String?] = ["file": file, "checksum": checksum, "counts": counts]
        if vehicleCounts.values.contains(where: { $0 > 0 }) {
            after["manufacturer_vehicles"] = ItemOutcome.allCases.map {
                "\($0.rawValue) \(vehicleCounts[$0, default: 0])"
            }.joined(separator: ", ")
        }
        try Audit.record(
            db, at: now, actor: actor, entity: "import", id: String(id), action: "import-manufacturer-data",
            after: after)
        return id
    }
}

extension ItemOutcome: CaseIterable {}

extension AppDatabase {
    /// Stores a bulletin by the revision rules (W-6): a new number is added; a higher revision replaces the
    /// stored one (which stays in the history; completions survive); the same revision with the same content
    /// is unchanged; the same revision with other content is a `Conflict`; a lower revision is skipped as stale.
    public func storeBulletin(
        _ bulletin: Bulletin, actor: String, source: String = "manual"
    ) throws -> BulletinStoreResult {
        try withManufacturerBatch(actor: actor, source: source) { batch in (true, try batch.store(bulletin)) }
    }

    /// Runs `body` in one write transaction with a `ManufacturerBatch`: committed when `body` returns true,
    /// rolled back (the database as it was) when it returns false or throws, and always in a dry run.
    public func withManufacturerBatch<T>(
        actor: String, source: String, dryRun: Bool = false,
        _ body: (ManufacturerBatch) throws -> (commit: Bool, value: T)
    ) throws -> T {
        var value: T?
        try writer.writeWithoutTransaction { db in
            // Read pages through the cache, not a memory map, while importing: mapped pages count as the
            // process's memory, and an import's must stay flat however large the database grows.
            let mapped = try Int.fetchOne(db, sql: "PRAGMA mmap_size") ?? 0
            if mapped > 0 { try db.execute(sql: "PRAGMA mmap_size = 0") }
            defer { if mapped > 0 { try? db.execute(sql: "PRAGMA mmap_size = \(mapped)") } }
            try db.inTransaction(.immediate) {
                let result = try body(
                    ManufacturerBatch(db: db, now: clock.now(), actor: actor, source: source, dryRun: dryRun))
                value = result.value
                return result.commit && !dryRun ? .commit : .rollback
            }
        }
        return value!
    }

    /// The catalogue of labour operations, optionally of one make, with their Q-1 price at the dealer's labour rate.
    public func labourOperations(make: String? = nil, limit: Int = 500) throws -> [LabourOperation] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM labour_operation" + (make == nil ? "" : " WHERE make = ?")
                    + " ORDER BY make, code, model LIMIT ?",
                arguments: make == nil ? [limit] : [make, limit]
            ).map {
                LabourOperation(
                    code: $0["code"], make: $0["make"], model: ($0["model"] as String).isEmpty ? nil : $0["model"],
                    centihours: $0["centihours"], description: $0["description"])
            }
        }
    }

    /// A part with its price history, oldest first.
    public func part(number: String) throws -> (part: CatalogPart, history: [PartPrice]) {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM part WHERE number = ?", arguments: [number]) else {
                throw NotFound("part", number, field: "number")
            }
            let history = try Row.fetchAll(
                db, sql: "SELECT * FROM part_price WHERE number = ? ORDER BY effective", arguments: [number]
            ).map {
                PartPrice(
                    price: Money(fen: $0["price_fen"]), currency: $0["currency"], effective: $0["effective"],
                    source: $0["source"])
            }
            return (
                CatalogPart(
                    number: row["number"], name: row["name"], price: Money(fen: row["price_fen"]),
                    currency: row["currency"]), history
            )
        }
    }

    /// The parts warranty terms (W-3) from the manufacturer.
    public func partsWarrantyTerms() throws -> [PartsWarrantyTerm] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM parts_warranty_term ORDER BY make, model, effective").map {
                PartsWarrantyTerm(
                    make: $0["make"], model: ($0["model"] as String).isEmpty ? nil : $0["model"], months: $0["months"],
                    effective: $0["effective"])
            }
        }
    }

}
