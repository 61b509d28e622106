import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import StorageKernel
import Warranty
import WarrantyStorage
import WorkOrders

/// A job of an earlier order still under its quality guarantee, with the guarantee's end.
public struct GuaranteeInForce: Codable, Sendable, Equatable {
    public var job: EarlierJob
    public var lastDay: LocalDate
    public var lastKilometres: Int
}

/// A repair order as the desk shows it, with what the dealer owes the car at reception: open recalls and campaigns
/// (W-6), maintenance due (W-9), the warranty answer (W-8), jobs still under guarantee, open complaints (K-1),
/// and the delivery risks.
public struct WorkOrderSheet: Sendable {
    public var order: WorkOrder
    public var customerID: Int64
    public var customer: String
    public var make: String
    public var model: String
    public var plate: String?
    public var openBulletins: [VehicleBulletin]
    public var maintenanceDue: MaintenanceDue?
    public var warranty: WarrantyDecision?
    /// Why there is no warranty answer (no delivery recorded …).
    public var warrantyNote: Phrase?
    public var underGuarantee: [GuaranteeInForce]
    public var openComplaints: [Int64]
    public var risks: [DeliveryRisk]
    public var record: RepairRecord
    /// When the sheet was read: running spells count up to it.
    public var at: Date
    /// The dealer's time zone, for showing instants (T-2).
    public var timeZone: TimeZone
}

/// One order of a list.
public struct WorkOrderSummary: Codable, Sendable, Equatable {
    public var number: String
    public var vin: VIN
    public var plate: String?
    public var customer: String
    public var advisor: String
    public var state: WorkOrderState
    public var arrivedAt: Date
    public var promisedAt: Date?
    public var total: Money
    public var invoice: String?
}

extension AppDatabase {
    /// The order with what the dealer owes the car (see `WorkOrderSheet`).
    public func workOrderSheet(_ number: String) throws -> WorkOrderSheet {
        try writer.read { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            let zone = settings.timeZone
            let order = try WorkOrder.load(db, number: number)
            let vehicle = try Self.fetchVehicle(db, vin: order.vin)
            let day = LocalDate(instant: now, in: zone)
            let customer =
                try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [vehicle.customerID])
                ?? ""
            var warranty: WarrantyDecision?
            var note: Phrase?
            var due: MaintenanceDue?
            if let delivered = vehicle.deliveredAt {
                let context = try Self.warrantyContext(
                    db, vin: order.vin, on: max(day, LocalDate(instant: delivered, in: zone)),
                    mileage: order.reception.mileage)
                warranty = WarrantyPolicy.decide(context.input)
                let last = try Row.fetchOne(
                    db,
                    sql: "SELECT day, kilometres FROM maintenance_visit WHERE vehicle_id = ? ORDER BY day DESC LIMIT 1",
                    arguments: [vehicle.id])
                due = try Self.maintenanceSchedule(db, make: vehicle.make).nextMaintenanceDue(
                    delivery: LocalDate(instant: delivered, in: zone),
                    lastVisit: last.map { (day: $0["day"] as LocalDate, kilometres: $0["kilometres"] as Int) },
                    readings: [
                        (
                            day: LocalDate(instant: order.reception.arrivedAt, in: zone),
                            kilometres: order.reception.mileage
                        )
                    ])
            } else {
                note = "no delivery is recorded for this vehicle: no warranty answer (W-8)"
            }
            let guarantees = try Self.earlierJobs(db, vin: order.vin, before: order.number, zone: zone).compactMap {
                job -> GuaranteeInForce? in
                let guarantee = RepairGuarantee.of(job.kind, settings: settings)
                guard
                    guarantee.covers(
                        departed: job.departed, departedMileage: job.departedMileage, on: day,
                        mileage: order.reception.mileage)
                else { return nil }
                return GuaranteeInForce(
                    job: job, lastDay: guarantee.lastDay(departed: job.departed),
                    lastKilometres: job.departedMileage + guarantee.kilometres)
            }
            let complaints = try Int64.fetchAll(
                db,
                sql: "SELECT id FROM complaint WHERE vin = ? AND state NOT IN ('closed', 'invalid') ORDER BY id",
                arguments: [order.vin])
            return WorkOrderSheet(
                order: order, customerID: vehicle.customerID.rawValue, customer: customer, make: vehicle.make,
                model: vehicle.model, plate: vehicle.plate,
                openBulletins: try Self.vehicleBulletins(db, vin: order.vin, card: vehicle).filter(\.open),
                maintenanceDue: due, warranty: warranty, warrantyNote: note, underGuarantee: guarantees,
                openComplaints: complaints,
                risks: DeliveryRisk.assess(order, now: now, warnHours: settings.integer(.atRiskHours)),
                record: RepairRecord(order), at: now, timeZone: zone)
        }
    }

    /// Orders, today's open ones first, then the other open ones, then settled and delivered, newest first; `open`
    /// keeps only the ones not yet settled; `vin` one vehicle's.
    public func listWorkOrders(
        open: Bool = false, vin: VIN? = nil, limit: Int = 50, offset: Int = 0
    ) throws
        -> Page<WorkOrderSummary>
    {
        try writer.read { db in
            // Today's orders come before older ones by arriving later, so one order serves: open before settled
            // and delivered, then by arrival, newest first. Each part reads its own index in that order (open
            // orders: `work_order_open_arrived`; the others: `work_order_arrived`) and stops at the page.
            let select = """
                SELECT o.*, v.plate, c.name AS customer FROM work_order o JOIN vehicle v ON v.id = o.vehicle_id \
                JOIN customer c ON c.id = o.customer_id
                """
            let order = "ORDER BY o.arrived_at DESC, o.id DESC LIMIT ? OFFSET ?"
            let openOnly = "o.state NOT IN ('settled', 'delivered')"
            if let vin {
                let filter = "o.vin = ?" + (open ? " AND \(openOnly)" : "")
                let total =
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM work_order o WHERE \(filter)", arguments: [vin])
                    ?? 0
                let rows = try Row.fetchAll(
                    db,
                    sql: "\(select) WHERE \(filter) ORDER BY \(openOnly) DESC, o.arrived_at DESC, o.id DESC "
                        + "LIMIT ? OFFSET ?", arguments: [vin, limit, offset])
                return Page(items: try rows.map(Self.summary), total: total, limit: limit, offset: offset)
            }
            let openCount =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM work_order o WHERE \(openOnly)") ?? 0
            var rows = try Row.fetchAll(
                db, sql: "\(select) WHERE \(openOnly) \(order)", arguments: [limit, offset])
            var total = openCount
            if !open {
                total += try Int.fetchOne(db, sql: "SELECT count(*) FROM work_order o WHERE NOT (\(openOnly))") ?? 0
                if rows.count < limit {
                    rows += try Row.fetchAll(
                        db, sql: "\(select) WHERE NOT (\(openOnly)) \(order)",
                        arguments: [limit - rows.count, max(0, offset - openCount)])
                }
            }
            return Page(items: try rows.map(Self.summary), total: total, limit: limit, offset: offset)
        }
    }

    /// A row of `work_order` with the vehicle's plate and the customer's name, as the lists show it.
    private static func summary(_ row: Row) throws -> WorkOrderSummary {
        WorkOrderSummary(
            number: row["number"], vin: try VIN.parse(row["vin"] as String), plate: row["plate"],
            customer: row["customer"], advisor: row["advisor"],
            state: WorkOrderState(rawValue: row["state"]) ?? .open, arrivedAt: row["arrived_at"],
            promisedAt: row["promised_at"],
            total: Money(
                fen: (row["customer_fen"] as Int64) + (row["warranty_fen"] as Int64)
                    + (row["goodwill_fen"] as Int64) + (row["internal_fen"] as Int64)),
            invoice: row["invoice_number"])
    }

    /// Rule Q-7: the undelivered orders at risk of missing their promised time, with the reasons.
    public func workOrdersAtRisk() throws -> [(order: WorkOrderSummary, risks: [DeliveryRisk])] {
        try writer.read { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT o.*, v.plate, c.name AS customer FROM work_order o JOIN vehicle v ON v.id = o.vehicle_id \
                    JOIN customer c ON c.id = o.customer_id WHERE o.delivered_at IS NULL \
                    ORDER BY o.promised_at IS NULL, o.promised_at
                    """)
            return try rows.compactMap { row -> (order: WorkOrderSummary, risks: [DeliveryRisk])? in
                let order = try WorkOrder.load(db, row: row)
                let risks = DeliveryRisk.assess(order, now: now, warnHours: settings.integer(.atRiskHours))
                guard !risks.isEmpty else { return nil }
                return (
                    WorkOrderSummary(
                        number: order.number, vin: order.vin, plate: row["plate"], customer: row["customer"],
                        advisor: order.advisor, state: order.state, arrivedAt: order.reception.arrivedAt,
                        promisedAt: order.reception.promisedAt, total: order.totals.total,
                        invoice: order.invoice?.number),
                    risks
                )
            }
        }
    }
}
