import Catalog
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty
import WarrantyStorage
import WorkOrders

/// What settlement did beyond the invoice: the claims drafted, the recalls closed, the visit and revenue recorded.
public struct Settlement: Sendable {
    public var order: WorkOrder
    /// Claim ids drafted from the warranty lines (W-7), one per job.
    public var claims: [Int64]
    /// Recalls and campaigns completed for the VIN (W-6).
    public var bulletinsClosed: [String]
    /// Whether a maintenance visit was recorded (W-9).
    public var maintenanceRecorded: Bool
    /// Customer-pay revenue fed to customer value (M-5).
    public var revenue: Money
}

extension AppDatabase {
    /// Rules Q-3, W-3, W-6, W-7, W-9, M-5, in one transaction: the invoice numbered without gaps with the totals per
    /// payer, the payment method and the VAT setting; each job's warranty lines become a claim draft with their
    /// operation codes, hours, parts and the frozen decision; recall labour done closes the recall for the VIN; parts
    /// the customer bought are recorded as fitted here (W-3); a maintenance job records the maintenance visit; the
    /// customer-pay total feeds customer value.
    public func settleWorkOrder(_ number: String, payment: PaymentMethod, actor: String) throws -> Settlement {
        var claims: [Int64] = []
        var closed: [String] = []
        var maintenance = false
        let order = try changeWorkOrder(number, action: "settle", actor: actor) { order, db, now, settings in
            try Self.requireIssued(db, order)
            let previous = try Self.lastInvoiceNumber(db)
            try order.settle(
                invoice: Invoice.number(after: previous), payment: payment,
                vatPercent: settings.integer(.vatPercent), at: now)
            let zone = settings.timeZone
            let day = LocalDate(instant: now, in: zone)
            let vehicle = try Self.fetchVehicle(db, vin: order.vin)
            let lines = order.liveLines
            for job in order.jobs where job.state == .qcPassed {
                let warranty = lines.filter { $0.job == job.number && $0.payer == .warranty }
                for group in Dictionary(grouping: warranty, by: { $0.bulletin ?? "" }).sorted(by: { $0.key < $1.key }) {
                    let draft = ClaimDraft(
                        vin: order.vin, mileage: order.reception.mileage, failure: job.fault,
                        cause: job.finding ?? job.title, repairOrder: order.number,
                        repairLine: "\(job.number)" + (group.key.isEmpty ? "" : "/\(group.key)"),
                        labour: group.value.filter { $0.kind == .labour }.map {
                            "\($0.code):\(ClaimLine.decimal($0.quantityHundredths))"
                        },
                        parts: group.value.filter { $0.kind == .part }.map {
                            "\($0.code):\($0.quantityHundredths / 100):\($0.unitPrice.plain)"
                        },
                        component: group.value.first?.component, bulletin: group.key.nilIfEmpty)
                    guard !draft.labour.isEmpty || !draft.parts.isEmpty else { continue }
                    let (id, _, amount) = try Self.writeClaim(db, draft, replacing: nil, now: now, actor: actor)
                    try db.execute(
                        sql: """
                            INSERT INTO claim_event (claim_id, action, from_status, to_status, at, actor) \
                            VALUES (?, 'create', NULL, 'draft', ?, ?)
                            """, arguments: [id, now, actor])
                    try Audit.record(
                        db, at: now, actor: actor, entity: "claim", id: String(id), action: "create",
                        after: [
                            "vin": order.vin.value, "repair_order": order.number, "amount": amount.description,
                            "status": "draft",
                        ])
                    claims.append(id)
                }
                // W-6: the recall's labour done closes it for this VIN.
                for bulletin in Set(lines.filter { $0.job == job.number && $0.kind == .labour }.compactMap(\.bulletin))
                    .sorted()
                {
                    let row = try Self.bulletinRow(db, number: bulletin, manufacturer: nil)
                    let manufacturer: String = row["manufacturer"]
                    try db.execute(
                        sql: """
                            INSERT OR IGNORE INTO bulletin_completion (manufacturer, number, vin, completed_on, \
                            work_ref, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [manufacturer, bulletin, order.vin, day, order.number, actor, now])
                    if db.changesCount > 0 {
                        closed.append(bulletin)
                        try Audit.record(
                            db, at: now, actor: actor, entity: "bulletin_completion",
                            id: "\(manufacturer)/\(bulletin)/\(order.vin)", action: "complete",
                            after: ["completed_on": day.description, "work_ref": order.number])
                    }
                }
                // W-9: a maintenance job is a maintenance visit at this dealer.
                if job.kind.isMaintenance, !maintenance {
                    try db.execute(
                        sql: """
                            INSERT INTO maintenance_visit (vehicle_id, day, kilometres, independent, proof, \
                            created_at) VALUES (?, ?, ?, 0, ?, ?)
                            """, arguments: [vehicle.id, day, order.reception.mileage, order.number, now])
                    maintenance = true
                }
            }
            // W-3: parts the customer bought here and had fitted, with the invoice that proves it.
            for line in lines where line.kind == .part && line.payer == .customer {
                try db.execute(
                    sql: """
                        INSERT INTO fitted_part (vehicle_id, part_number, part_key, fitted_on, invoice, created_at) \
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [vehicle.id, line.code, FittedPart.key(line.code), day, order.invoice!.number, now])
            }
            // M-5: customer-pay revenue, referenced by the invoice.
            let revenue = order.invoice!.totals.customer
            if revenue.fen > 0 {
                try db.execute(
                    sql: """
                        INSERT INTO customer_revenue (customer_id, day, amount_fen, source, reference, created_at) \
                        VALUES (?, ?, ?, 'work order', ?, ?)
                        """, arguments: [vehicle.customerID, day, revenue.fen, order.invoice!.number, now])
            }
        }
        return Settlement(
            order: order, claims: claims, bulletinsClosed: closed, maintenanceRecorded: maintenance,
            revenue: order.invoice?.totals.customer ?? Money(fen: 0))
    }

    /// Delivers a settled order with its explanation: the departure starts each job's quality guarantee and
    /// makes the follow-up task in the same transaction.
    public func deliverWorkOrder(_ number: String, note: String?, actor: String) throws -> WorkOrder {
        try changeWorkOrder(number, action: "deliver", actor: actor) { order, db, now, _ in
            try order.deliver(at: now, note: note)
            try Self.createFollowUp(db, order: order, now: now, actor: actor)
        }
    }
}
