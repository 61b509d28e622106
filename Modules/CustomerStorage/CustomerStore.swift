import Core
import Customers
import Foundation
import GRDB
import StorageKernel

extension AppDatabase {
    /// Customers by id, optionally of one class or owner, a page at a time.
    public func listCustomers(
        customerClass: CustomerClass? = nil, owner: String? = nil, limit: Int = 50, offset: Int = 0
    ) throws -> Page<CustomerSummary> {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let customerClass {
                conditions.append("customer_class = ?")
                arguments += [customerClass]
            }
            if let owner {
                conditions.append("owner = ?")
                arguments += [owner]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM customer \(whereClause)", arguments: arguments) ?? 0
            let ids = try Customer.ID.fetchAll(
                db, sql: "SELECT id FROM customer \(whereClause) ORDER BY id LIMIT ? OFFSET ?",
                arguments: arguments + [limit, offset])
            return Page(items: try Self.summaries(db, ids: ids), total: total, limit: limit, offset: offset)
        }
    }

    // MARK: - Shared steps

    package static func fetchCustomer(_ db: Database, id: Customer.ID) throws -> Customer {
        guard
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM customer WHERE id = ?"), arguments: [id])
        else {
            throw NotFound("customer", id.description, field: "id")
        }
        return Customer(row: row)
    }

    /// Rule C-10 through `Customer.checkOwner`, with the staff and the dealer's day at `now` read here.
    package static func checkOwner(_ db: Database, _ owner: String?, at now: Date, field: String = "owner") throws {
        guard let owner else { return }
        let roster = try staffOnDay(db, at: now)
        try Customer.checkOwner(owner, staff: roster.staff, on: roster.day, field: field)
    }

    package static func addPhones(_ db: Database, _ phones: [String], to id: Customer.ID, allowShared: Bool) throws {
        for phone in phones {
            let others = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT c.id, c.name FROM customer_phone p JOIN customer c ON c.id = p.customer_id
                        WHERE p.phone = ? AND p.customer_id <> ?
                        """), arguments: [phone, id])
            if let other = others.first, !allowShared {
                throw Conflict(
                    field: "phone",
                    "phone \(phone) is already on customer \(other["id"] as Int64) (\(other["name"] as String)); if "
                        + "the number is shared, mark it so (--shared-phone, or sharedPhones in the API)"
                )
            }
            try db.execute(
                sql: "INSERT OR IGNORE INTO customer_phone (customer_id, phone, shared) VALUES (?, ?, ?)",
                arguments: [id, phone, !others.isEmpty])
            if !others.isEmpty {
                try db.execute(sql: "UPDATE customer_phone SET shared = 1 WHERE phone = ?", arguments: [phone])
            }
        }
    }

    /// Records a class move (C-5) with the grade it took the customer out of, if any (C-2).
    package static func recordMove(
        _ db: Database, customer: Customer.ID, from: CustomerClass?, to: CustomerClass, at: Date,
        actor: String, reason: String, grade: PotentialGrade? = nil
    ) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO class_move (customer_id, from_class, to_class, at, actor, reason, grade)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [customer, from, to, at, actor, reason, grade])
    }

    package static func summaries(_ db: Database, ids: [Customer.ID]) throws -> [CustomerSummary] {
        let customerStatement = try db.cachedStatement(
            sql: "SELECT id, name, customer_class, grade, owner FROM customer WHERE id = ?")
        let phoneStatement = try db.cachedStatement(
            sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone")
        let vehicleStatement = try db.cachedStatement(
            sql: "SELECT coalesce(plate, vin) FROM vehicle WHERE customer_id = ? ORDER BY id")
        return try ids.compactMap { id in
            guard let row = try Row.fetchOne(customerStatement, arguments: [id]) else { return nil }
            return CustomerSummary(
                id: id, name: row["name"], customerClass: row["customer_class"] ?? .potential, grade: row["grade"],
                phones: try String.fetchAll(phoneStatement, arguments: [id]), owner: row["owner"],
                vehicles: try String.fetchAll(vehicleStatement, arguments: [id]))
        }
    }
}
