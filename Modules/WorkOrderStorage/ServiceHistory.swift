import Core
import Foundation
import GRDB
import StorageKernel
import WorkOrders

/// One visit of a vehicle's service history (C-6): its repair order as the cards list it.
public struct ServiceVisit: Codable, Sendable, Equatable {
    public var number: String
    /// The day the car arrived, in the dealer's zone.
    public var day: LocalDate
    public var mileage: Int
    /// The titles of its jobs the customer did not decline.
    public var jobs: [String]
    public var total: Money
    public var state: WorkOrderState
}

/// A vehicle's service history (C-6): its latest repair orders, newest first, and how many older ones are left out.
public struct ServiceHistory: Codable, Sendable, Equatable {
    public var vin: VIN
    public var plate: String?
    public var orders: [ServiceVisit]
    /// Older orders not listed (`workorder list --vin` lists them all).
    public var more: Int
}

extension AppDatabase {
    /// Rule C-6: the vehicle's latest `limit` repair orders, newest first, with the count of older ones.
    package static func serviceHistory(
        _ db: Database, vehicleID: Int64, vin: VIN, plate: String?, limit: Int, zone: TimeZone
    ) throws -> ServiceHistory {
        let count =
            try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM work_order WHERE vehicle_id = ?"), arguments: [vehicleID])
            ?? 0
        let rows = try Row.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT id, number, arrived_at, mileage, state, \
                    customer_fen + warranty_fen + goodwill_fen + internal_fen AS total_fen \
                    FROM work_order WHERE vehicle_id = ? ORDER BY arrived_at DESC, id DESC LIMIT ?
                    """), arguments: [vehicleID, limit])
        let jobs = try db.cachedStatement(
            sql: "SELECT title FROM work_order_job WHERE order_id = ? AND state != 'declined' ORDER BY number")
        let orders = try rows.map { row in
            ServiceVisit(
                number: row["number"], day: LocalDate(instant: row["arrived_at"], in: zone), mileage: row["mileage"],
                jobs: try String.fetchAll(jobs, arguments: [row["id"] as Int64]),
                total: Money(fen: row["total_fen"]), state: WorkOrderState(rawValue: row["state"]) ?? .open)
        }
        return ServiceHistory(vin: vin, plate: plate, orders: orders, more: max(0, count - orders.count))
    }
}
