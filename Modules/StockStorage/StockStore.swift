import Core
import Foundation
import GRDB
import Stock
import StorageKernel

/// A part's stock as the parts counter sees it: the count on hand, whether it is low, the open shortages, and the
/// last movements, newest first.
public struct PartStock: Codable, Sendable {
    public var part: PartNumber
    public var name: String
    public var onHand: Int
    /// At or below the setting `stock.low-level`.
    public var low: Bool
    /// When the count last changed; nil for a catalogue part never stocked.
    public var updatedAt: Date?
    public var shortages: [Shortage]
    public var movements: [StockMovement]
}

/// What a movement did: the movement written, or (an issue beyond the count, asked to) the shortage recorded instead;
/// and the part's stock after it.
public struct StockOutcome: Codable, Sendable {
    public var movement: StockMovement?
    public var shortage: Shortage?
    public var stock: PartStock
}

extension AppDatabase {
    /// Rule of the parts counter: applies one movement (a receipt, an issue to an order line, a return from one, an
    /// adjustment after a count) to a catalogue part's count on hand and writes it to the journal, with its audit
    /// entry, in one transaction. An issue beyond the count is refused (`StockShortfall`, nothing written) unless the
    /// setting `stock.allow-negative` allows it; asked to, the refusal records a shortage for the order line instead
    /// (Q-7, routed to the parts manager by K-5). An issue that goes through closes the line's open shortage.
    public func moveStock(_ movement: StockForm.Validated, actor: String) throws -> StockOutcome {
        try writer.write { db in try Self.moveStock(db, movement, at: clock.now(), actor: actor) }
    }

    /// `moveStock` inside a transaction another area's use case holds (a work order's part line issued, Q-7).
    package static func moveStock(
        _ db: Database, _ movement: StockForm.Validated, at now: Date, actor: String
    ) throws -> StockOutcome {
        let (part, _) = try Self.cataloguePart(db, movement.part, field: StockForm.Field.part.rawValue)
        let settings = try Self.settings(db)
        let onHand = try Self.onHand(db, part) ?? 0
        var held = 0
        if case .return(_, let line) = movement.change {
            held = try Self.held(db, part, by: line)
        }
        let facts = StockRules.Facts(
            part: part, onHand: onHand, heldByLine: held, allowNegative: settings.allowNegativeStock)
        let delta: Int
        do {
            delta = try StockRules.delta(of: movement.change, facts)
        } catch let shortfall as StockShortfall where movement.recordShortage {
            let shortage = try Self.recordShortage(db, Shortage(shortfall, at: now, by: actor), actor: actor)
            return StockOutcome(movement: nil, shortage: shortage, stock: try Self.partStock(db, part, settings))
        }
        let after = onHand + delta
        try db.execute(
            sql: """
                INSERT INTO stock (part, on_hand, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (part) DO UPDATE SET on_hand = excluded.on_hand, updated_at = excluded.updated_at
                """, arguments: [part.value, after, now])
        var entry = StockMovement(
            part: part, kind: movement.change.kind, quantity: delta, onHandAfter: after, at: now, actor: actor)
        switch movement.change {
        case .receipt(_, let reference): entry.supplierRef = reference
        case .issue(_, let line), .return(_, let line):
            entry.order = line.order
            entry.line = line.line
        case .adjustment(_, let reason): entry.reason = reason
        }
        try db.execute(
            sql: """
                INSERT INTO stock_movement
                    (part, kind, quantity, on_hand_after, supplier_ref, work_order, line, reason, at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                part.value, entry.kind.rawValue, delta, after, entry.supplierRef, entry.order, entry.line,
                entry.reason, now, actor,
            ])
        entry.id = db.lastInsertedRowID
        try Audit.record(
            db, at: now, actor: actor, entity: "stock", id: part.value, action: entry.kind.rawValue,
            before: ["on_hand": String(onHand)],
            after: [
                "on_hand": String(after), "movement": String(entry.id!), "supplier_ref": entry.supplierRef,
                "work_order": entry.order, "line": entry.line.map(String.init), "reason": entry.reason,
            ])
        if case .issue(_, let line) = movement.change {
            try Self.resolveShortages(db, part, line, at: now, actor: actor)
        }
        return StockOutcome(movement: entry, shortage: nil, stock: try Self.partStock(db, part, settings))
    }

    /// A receipt from a supplier (see `moveStock`).
    public func receiveStock(
        _ part: PartNumber, quantity: Int, supplierRef: String, actor: String
    ) throws
        -> StockOutcome
    {
        try moveStock(
            .init(part: part, change: .receipt(quantity: quantity, supplierRef: supplierRef), recordShortage: false),
            actor: actor)
    }

    /// An issue to a work order's part line (see `moveStock`).
    public func issueStock(
        _ part: PartNumber, quantity: Int, to line: OrderLine, recordShortage: Bool = false, actor: String
    ) throws -> StockOutcome {
        try moveStock(
            .init(part: part, change: .issue(quantity: quantity, to: line), recordShortage: recordShortage),
            actor: actor)
    }

    /// A return from a work order's part line (see `moveStock`).
    public func returnStock(
        _ part: PartNumber, quantity: Int, from line: OrderLine, actor: String
    ) throws
        -> StockOutcome
    {
        try moveStock(
            .init(part: part, change: .return(quantity: quantity, from: line), recordShortage: false), actor: actor)
    }

    /// An adjustment to the count found on the shelf (see `moveStock`).
    public func adjustStock(_ part: PartNumber, counted: Int, reason: String, actor: String) throws -> StockOutcome {
        try moveStock(
            .init(part: part, change: .adjustment(counted: counted, reason: reason), recordShortage: false),
            actor: actor)
    }

    // MARK: - Inside the transaction

    /// The catalogue's part a typed number names: its own spelling, else the one spelling that matches without
    /// spaces and case; a `NotFound` naming `field` when none does.
    package static func cataloguePart(
        _ db: Database, _ number: PartNumber, field: String
    ) throws -> (
        PartNumber, String
    ) {
        if let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT number, name FROM part WHERE number = ?"), arguments: [number.value])
        {
            return (PartNumber(catalogue: row["number"]), row["name"])
        }
        let rows = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT number, name FROM part WHERE upper(replace(number, ' ', '')) = ? LIMIT 5"),
            arguments: [number.compact])
        guard let row = rows.first else { throw NotFound("catalogue part", number.value, field: field) }
        guard rows.count == 1 else {
            let numbers = rows.map { $0["number"] as String }.joined(separator: ", ")
            throw InvalidInput(
                field: field,
                "\(number.value) fits several catalogue parts: \(numbers); type the number as the catalogue writes it")
        }
        return (PartNumber(catalogue: row["number"]), row["name"])
    }

    package static func onHand(_ db: Database, _ part: PartNumber) throws -> Int? {
        try Int.fetchOne(
            db.cachedStatement(sql: "SELECT on_hand FROM stock WHERE part = ?"), arguments: [part.value])
    }

    /// How many of `part` the order line holds: issued less returned.
    static func held(_ db: Database, _ part: PartNumber, by line: OrderLine) throws -> Int {
        let net =
            try Int.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT COALESCE(SUM(quantity), 0) FROM stock_movement
                        WHERE work_order = ? AND line = ? AND part = ? AND kind IN ('issue', 'return')
                        """), arguments: [line.order, line.line, part.value]) ?? 0
        return -net
    }

    /// Stores a shortage (or updates the line's open one), audited; the part gets a count row (0) if it had none, so
    /// the stock list shows it.
    static func recordShortage(_ db: Database, _ shortage: Shortage, actor: String) throws -> Shortage {
        var stored = shortage
        try db.execute(
            sql: "INSERT INTO stock (part, on_hand, updated_at) VALUES (?, 0, ?) ON CONFLICT (part) DO NOTHING",
            arguments: [shortage.part.value, shortage.recordedAt])
        let open = try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM stock_shortage
                WHERE work_order = ? AND line = ? AND part = ? AND resolved_at IS NULL
                """, arguments: [shortage.order, shortage.line, shortage.part.value])
        if let open {
            try db.execute(
                sql: """
                    UPDATE stock_shortage SET missing = ?, on_hand = ?, asked = ?, recorded_at = ?, recorded_by = ?
                    WHERE id = ?
                    """,
                arguments: [
                    shortage.missing, shortage.onHand, shortage.asked, shortage.recordedAt, shortage.recordedBy, open,
                ])
            stored.id = open
        } else {
            try db.execute(
                sql: """
                    INSERT INTO stock_shortage
                        (part, work_order, line, missing, on_hand, asked, recorded_at, recorded_by, routed_to)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    shortage.part.value, shortage.order, shortage.line, shortage.missing, shortage.onHand,
                    shortage.asked, shortage.recordedAt, shortage.recordedBy, shortage.routedTo,
                ])
            stored.id = db.lastInsertedRowID
        }
        try Audit.record(
            db, at: shortage.recordedAt, actor: actor, entity: "stock_shortage", id: String(stored.id!),
            action: open == nil ? "record" : "update",
            after: [
                "part": shortage.part.value, "work_order": shortage.order, "line": String(shortage.line),
                "missing": String(shortage.missing), "on_hand": String(shortage.onHand),
                "asked": String(shortage.asked), "routed_to": shortage.routedTo.rawValue, "rule": "Q-7, K-5",
            ])
        return stored
    }

    /// Closes the line's open shortage of `part` once its issue went through, audited.
    static func resolveShortages(
        _ db: Database, _ part: PartNumber, _ line: OrderLine, at: Date, actor: String
    )
        throws
    {
        let open = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM stock_shortage
                WHERE work_order = ? AND line = ? AND part = ? AND resolved_at IS NULL
                """, arguments: [line.order, line.line, part.value])
        for id in open {
            try db.execute(sql: "UPDATE stock_shortage SET resolved_at = ? WHERE id = ?", arguments: [at, id])
            try Audit.record(
                db, at: at, actor: actor, entity: "stock_shortage", id: String(id), action: "resolve",
                after: ["resolved_at": Instant.isoString(at, in: TimeZone(identifier: "UTC")!)])
        }
    }
}
