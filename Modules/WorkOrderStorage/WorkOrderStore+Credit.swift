import Core
import Foundation
import GRDB
import StorageKernel
import Warranty
import WorkOrders

/// What a credit note did beyond cancelling the invoice: the claim drafts withdrawn, the customer value reversed, the
/// fitted-part and maintenance records the invoice proved taken back (the next invoice records them again).
public struct CreditOutcome: Sendable {
    public var order: WorkOrder
    public var creditNote: CreditNote
    /// Claim drafts of the order withdrawn (cancelled, W-7).
    public var claimsWithdrawn: [Int64]
    /// The customer-value revenue reversed (M-5), as a positive amount.
    public var revenueReversed: Money
    /// Fitted-part records (W-3) the credited invoice proved, taken back.
    public var fittedPartsWithdrawn: Int
    /// Whether the maintenance visit (W-9) the settlement recorded was taken back.
    public var maintenanceWithdrawn: Bool
}

extension AppDatabase {
    /// The last invoice number ever issued, credited or not: the series stays gapless across credit notes (L-10).
    static func lastInvoiceNumber(_ db: Database) throws -> String? {
        try [
            lastInSeries(db, "invoice_number", of: "work_order"),
            lastInSeries(db, "invoice_number", of: "work_order_credit_note"),
        ].compactMap { $0 }.max(by: Self.precedesInSeries)
    }

    /// The greatest number of a series in `column` of `table` (`INV-000001`, `CN-000001`): the longest, then the
    /// greatest, as text sorts `INV-1000000` before `INV-999999` (work_order_invoice_sequence serves the invoices).
    static func lastInSeries(_ db: Database, _ column: String, of table: String) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(column) FROM \(table) WHERE \(column) IS NOT NULL \
                    ORDER BY length(\(column)) DESC, \(column) DESC LIMIT 1
                    """))
    }

    /// Whether `a` comes before `b` in a numbered series: shorter first, then by text.
    static func precedesInSeries(_ a: String, _ b: String) -> Bool {
        (a.count, a) < (b.count, b)
    }

    /// Rule L-10: a settled (or delivered) order is corrected only by a credit note and a new invoice, never edited.
    /// In one transaction: the credit note (`CN-000001`, its own series without gaps) for the invoice's full amount
    /// per payer, referencing it; the order reopened for correction (a delivered order stays delivered and waits for
    /// its new invoice); and what settlement did that a credit reverses: claim drafts of the order withdrawn (a claim
    /// already with the manufacturer refuses the credit, named), the customer's revenue reversed by a negative entry
    /// (M-5), and the fitted-part (W-3) and maintenance-visit (W-9) records the invoice proved taken back — the next
    /// invoice records them again. A recall completed (W-6) stays completed: the work was done on the car.
    public func creditWorkOrder(_ number: String, reason: String, actor: String) throws -> CreditOutcome {
        var note: CreditNote?
        var withdrawn: [Int64] = []
        var reversed = Money(fen: 0)
        var fitted = 0
        var maintenance = false
        let order = try changeWorkOrder(number, action: "credit", actor: actor) { order, db, now, settings in
            let previous = try Self.lastInSeries(db, "number", of: "work_order_credit_note")
            let credited = try order.credit(
                number: CreditNote.number(after: previous), reason: reason, by: actor, at: now)
            note = credited
            let invoice = credited.invoice
            withdrawn = try Self.withdrawClaims(db, order: order, note: credited, at: now, actor: actor)
            try db.execute(
                sql: """
                    INSERT INTO work_order_credit_note (number, order_id, at, by, reason, invoice_number, invoice_at, \
                    payment, vat_percent, vat_fen, customer_fen, warranty_fen, goodwill_fen, internal_fen) \
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    credited.number, order.id, now, actor, credited.reason, invoice.number, invoice.at,
                    invoice.payment.rawValue, invoice.vatPercent, invoice.vat.fen, invoice.totals.customer.fen,
                    invoice.totals.warranty.fen, invoice.totals.goodwill.fen, invoice.totals.internal.fen,
                ])
            try Audit.record(
                db, at: now, actor: actor, entity: "credit_note", id: credited.number, action: "issue",
                after: [
                    "order": order.number, "invoice": invoice.number, "amount": "-" + invoice.totals.total.plain,
                    "customer": "-" + invoice.totals.customer.plain, "reason": credited.reason, "rule": "L-10",
                ])
            // M-5: the customer's revenue the invoice fed, reversed by a negative entry referencing the credit note.
            for row in try Row.fetchAll(
                db, sql: "SELECT customer_id, amount_fen FROM customer_revenue WHERE reference = ?",
                arguments: [invoice.number])
            {
                let fen: Int64 = row["amount_fen"]
                try db.execute(
                    sql: """
                        INSERT INTO customer_revenue (customer_id, day, amount_fen, source, reference, created_at) \
                        VALUES (?, ?, ?, 'credit note', ?, ?)
                        """,
                    arguments: [
                        row["customer_id"] as Int64, LocalDate(instant: now, in: settings.timeZone), -fen,
                        credited.number, now,
                    ])
                reversed = Money(fen: reversed.fen + fen)
            }
            // W-3: the parts the credited invoice proved fitted; the new invoice proves them again.
            fitted = try Self.takeBack(
                db, table: "fitted_part", column: "invoice", value: invoice.number, entity: "fitted_part", at: now,
                actor: actor, note: credited.number)
            // W-9: the maintenance visit the settlement recorded for this order.
            maintenance =
                try Self.takeBack(
                    db, table: "maintenance_visit", column: "proof", value: order.number, entity: "maintenance_visit",
                    at: now, actor: actor, note: credited.number) > 0
        }
        return CreditOutcome(
            order: order, creditNote: note!, claimsWithdrawn: withdrawn, revenueReversed: reversed,
            fittedPartsWithdrawn: fitted, maintenanceWithdrawn: maintenance)
    }

    /// Rules L-10, W-7: the order's claim drafts (and claims the manufacturer rejected) are cancelled with the credit
    /// note as reason; a claim submitted, approved or paid refuses the credit, named.
    static func withdrawClaims(
        _ db: Database, order: WorkOrder, note: CreditNote, at now: Date, actor: String
    ) throws -> [Int64] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, status FROM claim WHERE repair_order = ? AND status != 'cancelled' ORDER BY id",
            arguments: [order.number])
        var withdrawn: [Int64] = []
        for row in rows {
            let id: Int64 = row["id"]
            let status = ClaimStatus(rawValue: row["status"]) ?? .submitted
            guard (try? ClaimAction.cancel.apply(to: status)) != nil else {
                throw Conflict(
                    field: "order",
                    "claim \(id) of order \(order.number) is \(status.spoken) with the manufacturer: the invoice "
                        + "cannot be credited while it stands (L-10, W-7); settle the claim first")
            }
            let reason = "credit note \(note.number) (L-10)"
            try db.execute(
                sql: "UPDATE claim SET status = 'cancelled', cancel_reason = ?, updated_at = ? WHERE id = ?",
                arguments: [reason, now, id])
            try db.execute(
                sql: """
                    INSERT INTO claim_event (claim_id, action, from_status, to_status, at, actor, note) \
                    VALUES (?, 'cancel', ?, 'cancelled', ?, ?, ?)
                    """, arguments: [id, status.rawValue, now, actor, reason])
            try Audit.record(
                db, at: now, actor: actor, entity: "claim", id: String(id), action: "cancel",
                before: ["status": status.rawValue], after: ["status": "cancelled", "reason": reason])
            withdrawn.append(id)
        }
        return withdrawn
    }

    /// Removes the records a credited invoice proved, each audited with what it held; returns how many.
    static func takeBack(
        _ db: Database, table: String, column: String, value: String, entity: String, at now: Date, actor: String,
        note: String
    ) throws -> Int {
        let rows = try Row.fetchAll(
            db, sql: "SELECT * FROM \(table) WHERE \(column) = ? ORDER BY id", arguments: [value])
        for row in rows {
            var before: [String: String?] = [:]
            for name in row.columnNames { before[name] = row[name].map { String(describing: $0) } }
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [row["id"] as Int64])
            try Audit.record(
                db, at: now, actor: actor, entity: entity, id: String(row["id"] as Int64), action: "credit",
                before: before, after: ["credit_note": note])
        }
        return rows.count
    }

    /// The order's issued quantities (from the stock journal: issued less returned, per part line) and its credit
    /// notes, each with the invoice it cancelled.
    static func loadIssuesAndCredits(_ db: Database, into order: inout WorkOrder) throws {
        let issued = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT line, part, -SUM(quantity) AS n FROM stock_movement \
                    WHERE work_order = ? AND kind IN ('issue', 'return') GROUP BY line, part
                    """), arguments: [order.number])
        for index in order.lines.indices where order.lines[index].kind == .part {
            let line = order.lines[index]
            order.lines[index].issued =
                issued.first { ($0["line"] as Int) == line.number && ($0["part"] as String) == line.code }?["n"] ?? 0
        }
        order.creditNotes = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM work_order_credit_note WHERE order_id = ? ORDER BY number"),
            arguments: [order.id]
        ).map {
            CreditNote(
                number: $0["number"], at: $0["at"], by: $0["by"], reason: $0["reason"],
                invoice: Invoice(
                    number: $0["invoice_number"], at: $0["invoice_at"], totals: WorkOrder.totals($0),
                    payment: PaymentMethod(rawValue: $0["payment"]) ?? .cash, vatPercent: $0["vat_percent"]))
        }
    }
}
