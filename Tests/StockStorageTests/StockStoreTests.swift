import Catalog
import Core
import Foundation
import GRDB
import Stock
import TestSupport
import Testing

@testable import Storage

@Suite("Parts stock in the database")
struct StockStoreTests {
    static let brakeHose = PartNumber("5Q0 611 701 C")!
    static let oilFilter = PartNumber("06L 115 562 B")!
    static let order = OrderLine(order: "WO-2026-0001", line: 1)

    /// A database with two catalogue parts.
    static func database() throws -> AppDatabase {
        let db = try AppDatabase.inMemory(clock: SteppingClock("2026-12-06T09:00:00+08:00"))
        try db.withManufacturerBatch(actor: "setup", source: "test") { batch in
            _ = try batch.store(
                CatalogPart(number: "5Q0 611 701 C", name: "前制动软管", price: Money(fen: 12_850), currency: "CNY"),
                effective: LocalDate("2026-11-01")!)
            _ = try batch.store(
                CatalogPart(number: "06L 115 562 B", name: "机油滤清器", price: Money(fen: 8_600), currency: "CNY"),
                effective: LocalDate("2026-11-01")!)
            return (true, ())
        }
        return db
    }

    static func dump(_ db: AppDatabase) throws -> [String] {
        try db.writer.read { db in
            try ["stock", "stock_movement", "stock_shortage", "audit_log"].flatMap { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }
            }
        }
    }

    @Test("Receive, issue, return and adjust: the count, the journal and the audit log move together")
    func movements() throws {
        let db = try Self.database()
        var outcome = try db.receiveStock(Self.brakeHose, quantity: 10, supplierRef: "DN-8812", actor: "刘强")
        #expect(outcome.stock.onHand == 10)
        #expect(outcome.movement?.kind == .receipt)
        outcome = try db.issueStock(Self.brakeHose, quantity: 2, to: Self.order, actor: "刘强")
        #expect(outcome.stock.onHand == 8)
        #expect(outcome.movement?.quantity == -2)
        #expect(outcome.movement?.orderLine == Self.order)
        outcome = try db.returnStock(Self.brakeHose, quantity: 1, from: Self.order, actor: "刘强")
        #expect(outcome.stock.onHand == 9)
        outcome = try db.adjustStock(Self.brakeHose, counted: 7, reason: "月末盘点", actor: "刘强")
        #expect(outcome.stock.onHand == 7)
        #expect(outcome.movement?.quantity == -2)
        let stock = try db.partStock(PartNumber("5q0611701c")!)
        #expect(stock.part == Self.brakeHose)
        #expect(stock.name == "前制动软管")
        #expect(stock.movements.map(\.kind) == [.adjustment, .return, .issue, .receipt])
        #expect(stock.movements.first?.onHandAfter == 7)
        let audit = try db.auditEntries(AuditFilter(entity: "stock", limit: 100))
        #expect(audit.count == 4)
        #expect(audit.contains { $0.action == "issue" && $0.changes["on_hand"]?.after == "8" })
    }

    @Test("An issue beyond the count is refused and changes nothing; stock.allow-negative lets it through")
    func beyondCount() throws {
        let db = try Self.database()
        _ = try db.receiveStock(Self.brakeHose, quantity: 2, supplierRef: "DN-1", actor: "刘强")
        let before = try Self.dump(db)
        #expect(throws: StockShortfall(part: Self.brakeHose, onHand: 2, asked: 3, line: Self.order)) {
            try db.issueStock(Self.brakeHose, quantity: 3, to: Self.order, actor: "刘强")
        }
        #expect(try Self.dump(db) == before)
        try db.setSetting("stock.allow-negative", to: "yes", actor: "admin")
        let outcome = try db.issueStock(Self.brakeHose, quantity: 3, to: Self.order, actor: "刘强")
        #expect(outcome.stock.onHand == -1)
        #expect(outcome.stock.low)
    }

    @Test("Q-7, K-5: a short issue, asked to, records the shortage for the parts manager; the line's issue closes it")
    func shortages() throws {
        let db = try Self.database()
        _ = try db.receiveStock(Self.oilFilter, quantity: 1, supplierRef: "DN-2", actor: "刘强")
        var outcome = try db.issueStock(Self.oilFilter, quantity: 4, to: Self.order, recordShortage: true, actor: "王丽")
        #expect(outcome.movement == nil)
        #expect(outcome.stock.onHand == 1)
        let shortage = try #require(outcome.shortage)
        #expect(shortage.missing == 3)
        #expect(shortage.routedTo == .partsManager)
        // Asked again: the line's one open shortage is updated, not doubled.
        _ = try db.issueStock(Self.oilFilter, quantity: 4, to: Self.order, recordShortage: true, actor: "王丽")
        #expect(try db.shortages().total == 1)
        #expect(try db.listStock(StockFilter(shortOnly: true)).items.map(\.missing) == [3])
        _ = try db.receiveStock(Self.oilFilter, quantity: 5, supplierRef: "DN-3", actor: "刘强")
        outcome = try db.issueStock(Self.oilFilter, quantity: 4, to: Self.order, actor: "刘强")
        #expect(outcome.stock.onHand == 2)
        #expect(try db.shortages().total == 0)
        #expect(try db.shortages(all: true).items.first?.resolvedAt != nil)
    }

    @Test("A return beyond what the line holds, an unknown part, a part the catalogue spells two ways: refused")
    func refusals() throws {
        let db = try Self.database()
        _ = try db.receiveStock(Self.brakeHose, quantity: 5, supplierRef: "DN-1", actor: "刘强")
        _ = try db.issueStock(Self.brakeHose, quantity: 2, to: Self.order, actor: "刘强")
        let before = try Self.dump(db)
        #expect(throws: Conflict.self) {
            try db.returnStock(Self.brakeHose, quantity: 3, from: Self.order, actor: "刘强")
        }
        #expect(throws: Conflict.self) {
            try db.returnStock(
                Self.brakeHose, quantity: 1, from: OrderLine(order: "WO-2026-0001", line: 2), actor: "刘强")
        }
        #expect(throws: NotFound("catalogue part", "1K0 000 000", field: "part")) {
            try db.receiveStock(PartNumber("1K0 000 000")!, quantity: 1, supplierRef: "DN", actor: "刘强")
        }
        #expect(try Self.dump(db) == before)
    }

    @Test("The list: lowest count first, filtered by number, name, low and short")
    func list() throws {
        let db = try Self.database()
        _ = try db.receiveStock(Self.brakeHose, quantity: 12, supplierRef: "DN-1", actor: "刘强")
        _ = try db.receiveStock(Self.oilFilter, quantity: 2, supplierRef: "DN-2", actor: "刘强")
        let all = try db.listStock(StockFilter())
        #expect(all.items.map(\.part) == [Self.oilFilter, Self.brakeHose])
        #expect(all.items.map(\.low) == [true, false])
        #expect(try db.listStock(StockFilter(lowOnly: true)).items.map(\.part) == [Self.oilFilter])
        #expect(try db.listStock(StockFilter(part: "5q0611")).items.map(\.part) == [Self.brakeHose])
        #expect(try db.listStock(StockFilter(part: "滤清器")).items.map(\.part) == [Self.oilFilter])
        #expect(try db.listStock(StockFilter(limit: 1)).more)
    }

    @Test("Randomized: whatever is received, issued, returned, adjusted or refused, each count is its movements' sum")
    func countIsSumOfMovements() throws {
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        var random = SeededRandom(seed: seed)
        let db = try Self.database()
        if Bool.random(using: &random) { try db.setSetting("stock.allow-negative", to: "yes", actor: "admin") }
        let parts = [Self.brakeHose, Self.oilFilter]
        for _ in 0..<300 {
            let part = parts.randomElement(using: &random)!
            let line = OrderLine(
                order: "WO-\(Int.random(in: 1...3, using: &random))", line: Int.random(in: 1...2, using: &random))
            let quantity = Int.random(in: 1...6, using: &random)
            let change: StockChange =
                switch Int.random(in: 0..<4, using: &random) {
                case 0: .receipt(quantity: quantity, supplierRef: "DN")
                case 1: .issue(quantity: quantity, to: line)
                case 2: .return(quantity: quantity, from: line)
                default: .adjustment(counted: Int.random(in: 0...20, using: &random), reason: "盘点")
                }
            _ = try? db.moveStock(
                .init(part: part, change: change, recordShortage: Bool.random(using: &random)), actor: "test")
        }
        let mismatches = try db.writer.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT s.part FROM stock s
                    WHERE s.on_hand != (SELECT COALESCE(SUM(quantity), 0) FROM stock_movement m WHERE m.part = s.part)
                       OR s.on_hand != COALESCE((SELECT on_hand_after FROM stock_movement m WHERE m.part = s.part
                                                 ORDER BY id DESC LIMIT 1), 0)
                    """)
        }
        #expect(mismatches.isEmpty, "seed \(seed)")
        let negative = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM stock WHERE on_hand < 0") }
        if try db.settings().allowNegativeStock == false { #expect(negative == 0, "seed \(seed)") }
    }
}
