import Appointments
import Catalog
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Stock
import StockStorage
import StorageKernel
import WorkOrderStorage
import WorkOrders

/// One part of a labour operation's menu, with its catalogue name and its price today.
public struct MenuPart: Codable, Sendable, Equatable {
    public var part: String
    public var name: String
    public var quantity: Int
    public var unitPrice: Money
}

/// A labour operation's entry of the dealer's service menu: the parts it uses.
public struct ServiceMenu: Codable, Sendable, Equatable {
    public var operation: String
    /// The catalogue's description of the operation (the first make's, when several makes list it).
    public var description: String
    public var parts: [MenuPart]
}

/// What one operation costs a vehicle by the menu: its standard hours at the labour rate plus its menu parts at
/// the day's prices, each line rounded as a repair order rounds it. The seam a booking's price can use.
public struct MenuQuote: Codable, Sendable, Equatable {
    public var operation: String
    public var description: String
    public var centihours: Int
    public var labour: Money
    public var parts: Money
    public var price: Money { Money(fen: labour.fen + parts.fen) }
}

extension AppDatabase {
    /// The menu entry of a labour operation (its parts, possibly none). `NotFound` naming `operation` when the
    /// catalogue has no such operation.
    public func serviceMenu(_ operation: String) throws -> ServiceMenu {
        try writer.read { db in
            let day = LocalDate(instant: clock.now(), in: try Self.settings(db).timeZone)
            return try Self.serviceMenu(db, operation: operation, on: day)
        }
    }

    /// Sets the parts a labour operation uses (the list replaces the stored one; an empty list clears it); audited
    /// with the list before and after, as stored.
    public func setServiceMenu(_ operation: String, _ form: ServiceMenuForm, actor: String) throws -> ServiceMenu {
        let items = try form.validated()
        return try writer.write { db in
            let now = clock.now()
            let day = LocalDate(instant: now, in: try Self.settings(db).timeZone)
            let before = try Self.serviceMenu(db, operation: operation, on: day)
            var parts: [(PartNumber, Int)] = []
            for (typed, quantity) in items {
                let (part, _) = try Self.cataloguePart(db, typed, field: ServiceMenuForm.Field.parts.rawValue)
                parts.append((part, quantity))
            }
            try db.execute(sql: "DELETE FROM operation_part WHERE operation = ?", arguments: [before.operation])
            for (part, quantity) in parts {
                try db.execute(
                    sql: "INSERT INTO operation_part (operation, part, quantity) VALUES (?, ?, ?)",
                    arguments: [before.operation, part.value, quantity])
            }
            let after = try Self.serviceMenu(db, operation: operation, on: day)
            try Audit.record(
                db, at: now, actor: actor, entity: "service_menu", id: after.operation, action: "set",
                before: ["parts": Self.auditText(before)], after: ["parts": Self.auditText(after)])
            return after
        }
    }

    static func auditText(_ menu: ServiceMenu) -> String {
        menu.parts.map { "\($0.part)=\($0.quantity)" }.joined(separator: ", ")
    }

    /// The menu entry of `operation` inside a transaction; the parts' prices those in force on `day`.
    package static func serviceMenu(_ db: Database, operation: String, on day: LocalDate) throws -> ServiceMenu {
        let code = operation.trimmed()
        guard
            let description = try String.fetchOne(
                db.cachedStatement(sql: "SELECT description FROM labour_operation WHERE code = ? ORDER BY make, model"),
                arguments: [code])
        else { throw NotFound("labour operation", code, field: "operation") }
        let parts = try menuParts(db, operation: code).map { item in
            let (part, prices) = try catalogPart(db, number: item.part, field: "part")
            let line = try WorkOrderLine.part(
                number: 0, job: 0, part: part, prices: prices, on: day, quantity: 1, payer: .customer)
            return MenuPart(part: part.number, name: part.name, quantity: item.quantity, unitPrice: line.unitPrice)
        }
        return ServiceMenu(operation: code, description: description, parts: parts)
    }

    /// The parts the menu lists for `operation`, in part order.
    package static func menuParts(_ db: Database, operation: String) throws -> [(part: String, quantity: Int)] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT part, quantity FROM operation_part WHERE operation = ? ORDER BY part"),
            arguments: [operation]
        ).map { ($0["part"], $0["quantity"]) }
    }

    /// Rule Q-1: the lines a booked operation becomes on a repair order for `vehicle`: its labour line at the
    /// catalogue's hours for the vehicle's model (or make) and the labour rate, then a part line per menu part at
    /// the day's price. Check-in adds them; the menu quote and the dealer calls add up their amounts.
    package static func menuLines(
        _ db: Database, operation: String, vehicle: Vehicle, job: Int, on day: LocalDate, labourRate: Money,
        field: String
    ) throws -> [WorkOrderLine] {
        let labour = try labourOperation(db, code: operation, vehicle: vehicle, field: field)
        var lines = [
            WorkOrderLine.labour(number: 0, job: job, operation: labour, labourRate: labourRate, payer: .customer)
        ]
        for item in try menuParts(db, operation: operation) {
            let (part, prices) = try catalogPart(db, number: item.part, field: field)
            lines.append(
                try .part(
                    number: 0, job: job, part: part, prices: prices, on: day, quantity: item.quantity,
                    payer: .customer))
        }
        return lines
    }

    /// Rule Q-1: what `operation` costs `vehicle` by the menu on `day` (see `MenuQuote`).
    package static func menuQuote(
        _ db: Database, operation: String, vehicle: Vehicle, on day: LocalDate, labourRate: Money, field: String
    ) throws -> MenuQuote {
        let lines = try menuLines(
            db, operation: operation, vehicle: vehicle, job: 0, on: day, labourRate: labourRate, field: field)
        return MenuQuote(
            operation: operation, description: lines[0].description, centihours: lines[0].quantityHundredths,
            labour: lines[0].amount,
            parts: Money(fen: lines.dropFirst().reduce(0) { $0 + $1.amount.fen }))
    }
}
