import Catalog
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty

/// A new claim as entered (W-7).
public struct ClaimDraft: Sendable {
    public var vin: VIN
    public var mileage: Int
    public var failure: String
    public var cause: String
    public var repairOrder: String?
    public var repairLine: String?
    /// Labour as `CODE:HOURS`, parts as `NUMBER:QUANTITY:PRICE`.
    public var labour: [String]
    public var parts: [String]
    public var component: String?
    public var partNumber: String?
    /// The recall or campaign whose remedy this is (W-6): the claim is judged by the bulletin, not the warranty.
    public var bulletin: String?

    public init(
        vin: VIN, mileage: Int, failure: String, cause: String, repairOrder: String? = nil, repairLine: String? = nil,
        labour: [String], parts: [String], component: String? = nil, partNumber: String? = nil, bulletin: String? = nil
    ) {
        self.vin = vin
        self.mileage = mileage
        self.failure = failure
        self.cause = cause
        self.repairOrder = repairOrder
        self.repairLine = repairLine
        self.labour = labour
        self.parts = parts
        self.component = component
        self.partNumber = partNumber
        self.bulletin = bulletin
    }

    /// The draft a `ClaimForm` reads, with its vehicle found (`vehicleVIN(named:)`): the CLI's and the API's.
    public init(_ form: ClaimForm.Validated, vin: VIN) {
        self.init(
            vin: vin, mileage: form.mileage, failure: form.failure, cause: form.cause,
            repairOrder: form.repairOrder, repairLine: form.repairLine, labour: form.labour, parts: form.parts,
            component: form.component, partNumber: form.fittedPart, bulletin: form.bulletin)
    }
}

/// A claim with its lines, history and the eligibility decision frozen at creation.
public struct ClaimRecord: Codable, Sendable {
    public struct Event: Codable, Sendable {
        public var action: String
        public var from: ClaimStatus?
        public var to: ClaimStatus
        public var at: Date
        public var actor: String
        public var note: String?
    }

    public var id: Int64
    public var vin: VIN
    public var customer: String
    public var mileage: Int
    public var failure: String
    public var cause: String
    public var repairOrder: String?
    public var repairLine: String?
    /// The bulletin the claim names (`MANUFACTURER NUMBER`), when it claims a recall's or campaign's remedy.
    public var bulletin: String?
    public var status: ClaimStatus
    public var lines: [ClaimLine]
    public var amount: Money
    public var decision: WarrantyDecision
    public var manufacturerRef: String?
    public var rejectionReason: String?
    public var cancelReason: String?
    public var paid: Money?
    public var createdAt: Date
    public var events: [Event]
}

extension ClaimRecord {
    /// The draft this claim becomes with the corrections given (nil: as it stands); `labour` or `parts` replace all
    /// lines of their kind. The one merge behind `claim edit` and PATCH /v1/claims/{id}.
    public func corrected(
        mileage: Int? = nil, failure: String? = nil, cause: String? = nil, repairOrder: String? = nil,
        repairLine: String? = nil, labour: [String]? = nil, parts: [String]? = nil
    ) -> ClaimDraft {
        func kept(_ kind: ClaimLine.Kind) -> [String] {
            lines.filter { $0.kind == kind }.map { line in
                kind == .labour
                    ? "\(line.code):\(ClaimLine.decimal(line.quantityHundredths))"
                    : "\(line.code):\(line.quantityHundredths / 100):\(line.unitPrice.plain)"
            }
        }
        return ClaimDraft(
            vin: vin, mileage: mileage ?? self.mileage, failure: failure ?? self.failure, cause: cause ?? self.cause,
            repairOrder: repairOrder ?? self.repairOrder, repairLine: repairLine ?? self.repairLine,
            labour: labour ?? kept(.labour), parts: parts ?? kept(.part),
            bulletin: bulletin.map { String($0.split(separator: " ").last ?? "") })
    }
}

extension AppDatabase {
    /// Creates a draft claim (W-7): the lines are priced (labour at the dealer's rate, parts at the price
    /// given, Q-1 rounding), and the eligibility decision that justifies it is frozen with it. A repair the
    /// decision does not cover is refused with the decision's reason.
    public func createClaim(_ draft: ClaimDraft, actor: String) throws -> ClaimRecord {
        try writer.write { db in
            let now = clock.now()
            let (id, decision, amount) = try Self.writeClaim(db, draft, replacing: nil, now: now, actor: actor)
            try db.execute(
                sql:
                    "INSERT INTO claim_event (claim_id, action, from_status, to_status, at, actor) VALUES (?, "
                    + "'create', NULL, 'draft', ?, ?)",
                arguments: [id, now, actor])
            try Audit.record(
                db, at: now, actor: actor, entity: "claim", id: String(id), action: "create",
                after: [
                    "vin": draft.vin.value, "mileage": String(draft.mileage), "amount": amount.description,
                    "status": "draft",
                    "covered_by": decision.coveredBy,
                ])
            return try Self.claim(db, id: id)
        }
    }

    /// Corrects a draft claim (W-7: a claim is corrected until it is submitted): the lines are priced and the
    /// decision frozen again exactly as at creation; the history and the audit entry keep the old values.
    public func editClaim(_ id: Int64, _ draft: ClaimDraft, actor: String) throws -> ClaimRecord {
        try writer.write { db in
            let before = try Self.claim(db, id: id)
            guard before.status == .draft else {
                throw Conflict(
                    field: "id", "claim \(id) is \(before.status.spoken); only a draft can be corrected (W-7)")
            }
            let now = clock.now()
            _ = try Self.writeClaim(db, draft, replacing: id, now: now, actor: actor)
            let after = try Self.claim(db, id: id)
            try db.execute(
                sql:
                    "INSERT INTO claim_event (claim_id, action, from_status, to_status, at, actor) VALUES (?, 'edit', "
                    + "'draft', 'draft', ?, ?)",
                arguments: [id, now, actor])
            func fields(_ c: ClaimRecord) -> [String: String?] {
                [
                    "vin": c.vin.value, "mileage": String(c.mileage), "failure": c.failure, "cause": c.cause,
                    "repair_order": c.repairOrder,
                    "repair_line": c.repairLine, "amount": c.amount.description, "bulletin": c.bulletin,
                    "lines": c.lines.map {
                        "\($0.kind.rawValue) \($0.code) \(ClaimLine.decimal($0.quantityHundredths)) @ \($0.unitPrice)"
                    }
                    .joined(separator: "; "),
                ]
            }
            try Audit.record(
                db, at: now, actor: actor, entity: "claim", id: String(id), action: "edit", before: fields(before),
                after: fields(after))
            return after
        }
    }

    /// The one path from a draft to the stored claim (W-7, Q-1, W-6, W-8): checks it, prices its lines from the
    /// catalogue, refuses a second claim on a repair-order line, freezes the decision that covers it, and stores
    /// it as a new claim or over the draft `replacing`.
    package static func writeClaim(
        _ db: Database, _ draft: ClaimDraft, replacing: Int64?, now: Date,
        actor: String
    ) throws -> (id: Int64, decision: WarrantyDecision, amount: Money) {
        guard !draft.failure.trimmed().isEmpty else { throw InvalidInput(field: "failure", "describe the failure") }
        guard !draft.cause.trimmed().isEmpty else { throw InvalidInput(field: "cause", "give the cause") }
        guard !draft.labour.isEmpty || !draft.parts.isEmpty else {
            throw InvalidInput(field: "labour", "a claim needs at least one labour operation or part")
        }
        let settings = try Self.settings(db)
        let today = LocalDate(instant: now, in: settings.timeZone)
        let card = try Self.fetchVehicle(db, vin: draft.vin)
        let catalogue = try Self.claimCatalogue(
            db, make: card.make, model: card.model, on: today, labour: draft.labour, parts: draft.parts)
        let lines =
            try draft.labour.map {
                try ClaimLine.priced($0, kind: .labour, labourRate: settings.labourRate, catalogue: catalogue)
            }
            + draft.parts.map {
                try ClaimLine.priced($0, kind: .part, labourRate: settings.labourRate, catalogue: catalogue)
            }
        if let order = draft.repairOrder?.trimmed().nilIfEmpty, let line = draft.repairLine?.trimmed().nilIfEmpty,
            let other = try Int64.fetchOne(
                db,
                sql: """
                    SELECT id FROM claim WHERE repair_order = ? AND repair_line = ? AND status != 'cancelled' AND id \
                    != ? ORDER BY id LIMIT 1
                    """, arguments: [order, line, replacing ?? 0])
        {
            throw Conflict(
                field: "repairLine",
                "repair order \(order) line \(line) is already claimed in claim \(other) "
                    + "(W-7: one claim per line)")
        }
        let decision: WarrantyDecision
        var bulletin: (manufacturer: String, number: String)?
        if let number = draft.bulletin?.trimmed().nilIfEmpty {
            let row = try Self.bulletinRow(db, number: number, manufacturer: nil)
            decision = try Self.bulletinCover(db, bulletin: row, card: card)
            guard decision.covered else {
                throw Conflict(field: "bulletin", "no claim: \(decision.summaryPhrase) (W-6)")
            }
            bulletin = (row["manufacturer"], row["number"])
        } else {
            let context = try Self.warrantyContext(
                db, vin: draft.vin, on: today, mileage: draft.mileage, component: draft.component,
                part: draft.partNumber)
            decision = WarrantyPolicy.decide(context.input)
            guard decision.covered else {
                throw Conflict(
                    field: "vin",
                    "no claim: \(decision.summaryPhrase) (W-8); recall or campaign work: name the bulletin (--bulletin)"
                )
            }
        }
        let amount = Money(fen: lines.reduce(0) { $0 + $1.amount.fen })
        // Frozen with its phrases whole: the claim says its decision in the language of whoever reads it (W-8).
        let encoder = JSONFormat.encoder(pretty: false)
        encoder.userInfo[.storesPhrases] = true
        let json = String(decoding: try encoder.encode(decision), as: UTF8.self)
        let id: Int64
        if let replacing {
            try db.execute(
                sql: """
                    UPDATE claim SET vehicle_id = ?, mileage = ?, failure = ?, cause = ?, repair_order = ?, \
                    repair_line = ?, decision = ?, amount_fen = ?,
                                     updated_at = ?, bulletin_manufacturer = ?, bulletin_number = ? WHERE id = ?
                    """,
                arguments: [
                    card.id, draft.mileage, draft.failure, draft.cause, draft.repairOrder, draft.repairLine, json,
                    amount.fen, now,
                    bulletin?.manufacturer, bulletin?.number, replacing,
                ])
            try db.execute(sql: "DELETE FROM claim_line WHERE claim_id = ?", arguments: [replacing])
            id = replacing
        } else {
            try db.execute(
                sql: """
                    INSERT INTO claim (vehicle_id, mileage, failure, cause, repair_order, repair_line, status, \
                    decision, amount_fen, created_at, created_by,
                                       updated_at, bulletin_manufacturer, bulletin_number)
                    VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    card.id, draft.mileage, draft.failure, draft.cause, draft.repairOrder, draft.repairLine, json,
                    amount.fen, now, actor, now,
                    bulletin?.manufacturer, bulletin?.number,
                ])
            id = db.lastInsertedRowID
        }
        for (position, line) in lines.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO claim_line (claim_id, position, kind, code, quantity_hundredths, unit_price_fen, \
                    amount_fen, note)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, position + 1, line.kind.rawValue, line.code, line.quantityHundredths, line.unitPrice.fen,
                    line.amount.fen,
                    line.note,
                ])
        }
        return (id, decision, amount)
    }

    /// Moves a claim along W-7, recording the actor, the time and the manufacturer's decision; a rejection
    /// needs its reason. An illegal move is a `Conflict` naming the allowed ones.
    public func transitionClaim(
        _ id: Int64, _ action: ClaimAction, reason: String? = nil, manufacturerRef: String? = nil, paid: Money? = nil,
        actor: String
    ) throws -> ClaimRecord {
        if action.needsReason, (reason ?? "").trimmed().isEmpty {
            throw InvalidInput(
                field: "reason",
                action == .reject
                    ? "a rejection needs the manufacturer's reason (W-7)" : "say why the claim is cancelled")
        }
        return try writer.write { db in
            let current = try Self.claim(db, id: id)
            let next = try action.apply(to: current.status)
            let now = clock.now()
            var sets = ["status = ?", "updated_at = ?"]
            var arguments: StatementArguments = [next.rawValue, now]
            if action == .reject {
                sets.append("rejection_reason = ?")
                arguments += [reason]
            }
            if action == .cancel {
                sets.append("cancel_reason = ?")
                arguments += [reason]
            }
            if let manufacturerRef {
                sets.append("manufacturer_ref = ?")
                arguments += [manufacturerRef]
            }
            if action == .pay {
                sets.append("paid_fen = ?")
                arguments += [(paid ?? current.amount).fen]
            }
            arguments += [id]
            try db.execute(sql: "UPDATE claim SET \(sets.joined(separator: ", ")) WHERE id = ?", arguments: arguments)
            let note = [
                reason, manufacturerRef.map { "manufacturer ref \($0)" },
                action == .pay ? "paid \((paid ?? current.amount).description)" : nil,
            ]
            .compactMap { $0 }.joined(separator: "; ")
            try db.execute(
                sql:
                    "INSERT INTO claim_event (claim_id, action, from_status, to_status, at, actor, note) VALUES (?, "
                    + "?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, action.rawValue, current.status.rawValue, next.rawValue, now, actor, note.isEmpty ? nil : note,
                ])
            try Audit.record(
                db, at: now, actor: actor, entity: "claim", id: String(id), action: action.rawValue,
                before: ["status": current.status.rawValue],
                after: ["status": next.rawValue, "reason": reason, "manufacturer_ref": manufacturerRef])
            return try Self.claim(db, id: id)
        }
    }

    /// One claim with its lines and history.
    public func claimRecord(_ id: Int64) throws -> ClaimRecord {
        try writer.read { db in try Self.claim(db, id: id) }
    }

    /// Claims, newest first, optionally of one status, a page at a time with the total.
    public func listClaims(status: ClaimStatus? = nil, limit: Int = 50, offset: Int = 0) throws -> Page<ClaimRecord> {
        try writer.read { db in
            let condition = status == nil ? "" : " WHERE status = ?"
            let arguments: StatementArguments = status.map { [$0.rawValue] } ?? []
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM claim" + condition, arguments: arguments) ?? 0
            let ids = try Int64.fetchAll(
                db, sql: "SELECT id FROM claim\(condition) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset])
            return Page(items: try ids.map { try Self.claim(db, id: $0) }, total: total, limit: limit, offset: offset)
        }
    }

    /// Rule Q-1: what the catalogue says about the lines a claim names, for the vehicle's make and model on `day`.
    package static func claimCatalogue(
        _ db: Database, make: String, model: String, on day: LocalDate, labour: [String],
        parts: [String]
    ) throws -> ClaimCatalogue {
        var hours: [String: Int] = [:]
        var prices: [String: Money] = [:]
        let operation = try db.cachedStatement(
            sql: """
                SELECT centihours FROM labour_operation WHERE code = ? AND make = ? AND model IN (?, '') ORDER BY \
                model DESC LIMIT 1
                """)
        for code in labour.map(ClaimCatalogue.code(of:)) {
            hours[code] = try Int.fetchOne(operation, arguments: [code, make, model])
        }
        let history = try db.cachedStatement(sql: "SELECT * FROM part_price WHERE number = ? ORDER BY effective")
        for number in parts.map(ClaimCatalogue.code(of:)) {
            let prices_ = try Row.fetchAll(history, arguments: [number]).map {
                PartPrice(
                    price: Money(fen: $0["price_fen"]), currency: $0["currency"], effective: $0["effective"],
                    source: $0["source"])
            }
            prices[number] = PartPrice.inForce(on: day, among: prices_)?.price
        }
        let hasLabour =
            try Bool.fetchOne(db, sql: "SELECT 1 FROM labour_operation WHERE make = ? LIMIT 1", arguments: [make])
            == true
        let hasParts = try Bool.fetchOne(db, sql: "SELECT 1 FROM part LIMIT 1") == true
        return ClaimCatalogue(standardHours: hours, partPrices: prices, hasLabour: hasLabour, hasParts: hasParts)
    }

    /// Rule W-6/W-7: a recall's or campaign's remedy on `card`, judged by `BulletinCover` from the bulletin's
    /// row, whether (and how) it applies to the vehicle, and its completion.
    package static func bulletinCover(_ db: Database, bulletin row: Row, card: Vehicle) throws -> WarrantyDecision {
        let manufacturer: String = row["manufacturer"]
        let number: String = row["number"]
        let facts = try vehicleFacts(db, vin: card.vin, card: card)
        let match = try facts.map { try bulletins(db, for: $0) }?.first {
            $0.header.manufacturer == manufacturer && $0.header.number == number
        }?.match
        let completed = try LocalDate.fetchOne(
            db, sql: "SELECT completed_on FROM bulletin_completion WHERE manufacturer = ? AND number = ? AND vin = ?",
            arguments: [manufacturer, number, card.vin])
        return BulletinCover.decide(
            BulletinCover.Facts(
                number: number, kind: Bulletin.Kind(rawValue: row["kind"]) ?? .tsb, title: row["title"],
                status: Bulletin.Status(rawValue: row["status"]) ?? .active, match: match,
                completedOn: completed), vin: card.vin)
    }

    package static func claim(_ db: Database, id: Int64) throws -> ClaimRecord {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.*, v.vin, k.name AS customer FROM claim c JOIN vehicle v ON v.id = c.vehicle_id JOIN \
                    customer k ON k.id = v.customer_id WHERE c.id = ?
                    """, arguments: [id])
        else {
            throw NotFound("claim", String(id), field: "id")
        }
        let lines = try Row.fetchAll(
            db, sql: "SELECT * FROM claim_line WHERE claim_id = ? ORDER BY position", arguments: [id]
        ).map {
            ClaimLine(
                kind: ClaimLine.Kind(rawValue: $0["kind"]) ?? .part, code: $0["code"],
                quantityHundredths: $0["quantity_hundredths"],
                unitPrice: Money(fen: $0["unit_price_fen"]), note: $0["note"])
        }
        let events = try Row.fetchAll(
            db, sql: "SELECT * FROM claim_event WHERE claim_id = ? ORDER BY id", arguments: [id]
        ).map {
            ClaimRecord.Event(
                action: $0["action"], from: ($0["from_status"] as String?).flatMap(ClaimStatus.init(rawValue:)),
                to: ClaimStatus(rawValue: $0["to_status"]) ?? .draft, at: $0["at"], actor: $0["actor"], note: $0["note"]
            )
        }
        let decision = try JSONDecoder().decode(WarrantyDecision.self, from: Data((row["decision"] as String).utf8))
        return ClaimRecord(
            id: id, vin: row["vin"], customer: row["customer"], mileage: row["mileage"], failure: row["failure"],
            cause: row["cause"],
            repairOrder: row["repair_order"], repairLine: row["repair_line"],
            bulletin: (row["bulletin_number"] as String?).map {
                "\(row["bulletin_manufacturer"] as String? ?? "") \($0)"
            }, status: ClaimStatus(rawValue: row["status"]) ?? .draft,
            lines: lines, amount: Money(fen: row["amount_fen"]), decision: decision,
            manufacturerRef: row["manufacturer_ref"],
            rejectionReason: row["rejection_reason"], cancelReason: row["cancel_reason"],
            paid: (row["paid_fen"] as Int64?).map(Money.init(fen:)),
            createdAt: row["created_at"], events: events)
    }
}
