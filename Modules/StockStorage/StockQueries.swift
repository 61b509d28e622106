import Core
import Foundation
import GRDB
import Stock
import StorageKernel

/// A line of the stock list: a part's count on hand, whether it is low, and how many its open shortages miss.
public struct StockLevel: Codable, Sendable, Equatable {
    public var part: PartNumber
    public var name: String
    public var onHand: Int
    public var low: Bool
    /// Pieces missing for work orders (open shortages).
    public var missing: Int
    public var updatedAt: Date
}

/// Which parts the stock list shows.
public struct StockFilter: Sendable, Equatable {
    /// Parts whose number starts with this (spaces and case aside) or whose name holds it.
    public var part: String?
    /// Only parts at or below `stock.low-level`.
    public var lowOnly: Bool
    /// Only parts with open shortages.
    public var shortOnly: Bool
    public var limit: Int
    public var offset: Int

    public init(part: String? = nil, lowOnly: Bool = false, shortOnly: Bool = false, limit: Int = 50, offset: Int = 0) {
        self.part = part
        self.lowOnly = lowOnly
        self.shortOnly = shortOnly
        self.limit = limit
        self.offset = offset
    }
}

extension AppDatabase {
    /// A catalogue part's stock: count on hand (0 if never stocked), open shortages, the last `movements` movements.
    /// Throws `NotFound` naming `field` for a number the catalogue does not hold.
    public func partStock(_ number: PartNumber, movements: Int = 20, field: String = "part") throws -> PartStock {
        try writer.read { db in
            let (part, _) = try Self.cataloguePart(db, number, field: field)
            return try Self.partStock(db, part, try Self.settings(db), movements: movements)
        }
    }

    /// The parts the counter holds, lowest count first (then by number), filtered; one page.
    public func listStock(_ filter: StockFilter) throws -> Page<StockLevel> {
        try writer.read { db in
            let level = try Self.settings(db).lowStockLevel
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let text = filter.part?.trimmed(), !text.isEmpty {
                let compact = text.uppercased().replacingOccurrences(of: " ", with: "")
                conditions.append(
                    "(instr(upper(replace(s.part, ' ', '')), ?) = 1 OR instr(p.name, ?) > 0)")
                arguments += [compact, text]
            }
            if filter.lowOnly {
                conditions.append("s.on_hand <= ?")
                arguments += [level]
            }
            if filter.shortOnly {
                conditions.append(
                    "EXISTS (SELECT 1 FROM stock_shortage h WHERE h.part = s.part AND h.resolved_at IS NULL)")
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let from = "FROM stock s JOIN part p ON p.number = s.part \(whereClause)"
            let total = try Int.fetchOne(db, sql: "SELECT count(*) \(from)", arguments: arguments) ?? 0
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.part, p.name, s.on_hand, s.updated_at,
                        (SELECT COALESCE(SUM(missing), 0) FROM stock_shortage h
                         WHERE h.part = s.part AND h.resolved_at IS NULL) AS missing
                    \(from) ORDER BY s.on_hand, s.part LIMIT ? OFFSET ?
                    """, arguments: arguments + [filter.limit, filter.offset])
            let items = rows.map { row in
                StockLevel(
                    part: PartNumber(catalogue: row["part"]), name: row["name"], onHand: row["on_hand"],
                    low: (row["on_hand"] as Int) <= level, missing: row["missing"], updatedAt: row["updated_at"])
            }
            return Page(items: items, total: total, limit: filter.limit, offset: filter.offset)
        }
    }

    /// Shortages, newest first: open ones only unless `all`, of one work order when given.
    public func shortages(
        all: Bool = false, order: String? = nil, limit: Int = 50, offset: Int = 0
    ) throws
        -> Page<Shortage>
    {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if !all { conditions.append("resolved_at IS NULL") }
            if let order = order?.trimmed(), !order.isEmpty {
                conditions.append("work_order = ?")
                arguments += [order]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM stock_shortage \(whereClause)", arguments: arguments)
                ?? 0
            let items = try Row.fetchAll(
                db,
                sql: "SELECT * FROM stock_shortage \(whereClause) ORDER BY id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset]
            ).map(Self.shortage)
            return Page(items: items, total: total, limit: limit, offset: offset)
        }
    }

    // MARK: - Rows

    static func partStock(
        _ db: Database, _ part: PartNumber, _ settings: DealerSettings, movements: Int = 20
    ) throws
        -> PartStock
    {
        let name = try String.fetchOne(db, sql: "SELECT name FROM part WHERE number = ?", arguments: [part.value]) ?? ""
        let row = try Row.fetchOne(
            db, sql: "SELECT on_hand, updated_at FROM stock WHERE part = ?", arguments: [part.value])
        let onHand: Int = row?["on_hand"] ?? 0
        let shortages = try Row.fetchAll(
            db, sql: "SELECT * FROM stock_shortage WHERE part = ? AND resolved_at IS NULL ORDER BY id",
            arguments: [part.value]
        ).map(shortage)
        let journal = try Row.fetchAll(
            db, sql: "SELECT * FROM stock_movement WHERE part = ? ORDER BY id DESC LIMIT ?",
            arguments: [part.value, movements]
        ).map(movement)
        return PartStock(
            part: part, name: name, onHand: onHand, low: onHand <= settings.lowStockLevel,
            updatedAt: row?["updated_at"],
            shortages: shortages, movements: journal)
    }

    static func movement(_ row: Row) -> StockMovement {
        StockMovement(
            id: row["id"], part: PartNumber(catalogue: row["part"]),
            kind: MovementKind(rawValue: row["kind"]) ?? .adjustment, quantity: row["quantity"],
            onHandAfter: row["on_hand_after"], supplierRef: row["supplier_ref"], order: row["work_order"],
            line: row["line"], reason: row["reason"], at: row["at"], actor: row["actor"])
    }

    static func shortage(_ row: Row) -> Shortage {
        Shortage(
            id: row["id"], part: PartNumber(catalogue: row["part"]), order: row["work_order"], line: row["line"],
            missing: row["missing"], onHand: row["on_hand"], asked: row["asked"], recordedAt: row["recorded_at"],
            recordedBy: row["recorded_by"], routedTo: Role(rawValue: row["routed_to"]) ?? Shortage.owner,
            resolvedAt: row["resolved_at"])
    }
}
