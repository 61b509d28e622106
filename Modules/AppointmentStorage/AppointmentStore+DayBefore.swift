import Appointments
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Stock
import StockStorage
import StorageKernel
import Warranty
import WarrantyStorage

/// A part the day's bookings need: the menu parts of their booked operations against the count on hand;
/// `missing` above zero is a shortage for the parts manager.
public struct DayBeforePart: Codable, Sendable, Equatable {
    public var part: String
    public var name: String
    public var needed: Int
    public var onHand: Int
    public var missing: Int
    /// The bookings that need it.
    public var appointments: [String]
}

/// A booking of the day for the shop foreman: when, where, who and what.
public struct DayBeforeBooking: Codable, Sendable, Equatable {
    public var appointment: String
    public var arrival: Date
    public var workStart: Date?
    public var workEnd: Date?
    public var bay: String?
    public var technician: String?
    public var advisor: String?
    public var customer: String
    public var vin: VIN
    public var plate: String?
    /// The booked work, one description per job.
    public var work: [String]
    public var centihours: Int
}

/// An open recall or service campaign on a booked car, to add to its job at reception (A-4, W-6).
public struct DayBeforeBulletin: Codable, Sendable, Equatable {
    public var appointment: String
    public var vin: VIN
    public var plate: String?
    public var bulletin: String
    public var kind: Bulletin.Kind
    public var title: String
}

/// The three lists of the day before: parts, workshop, open bulletins per vehicle.
public struct DayBeforeLists: Codable, Sendable, Equatable {
    public var day: LocalDate
    public var parts: [DayBeforePart]
    public var workshop: [DayBeforeBooking]
    public var vehicles: [DayBeforeBulletin]
}

extension AppDatabase {
    /// Rule A-4: the lists for the bookings whose arrival falls on `day` (default tomorrow, in the dealer's zone):
    /// the parts their booked operations use by the service menu against the count on hand (shortages flagged), the
    /// bookings in time order with their bay, technician and advisor, and each car's open recalls and campaigns (the
    /// same bulletins the repair order's sheet lists).
    public func dayBeforeLists(on day: LocalDate? = nil) throws -> DayBeforeLists {
        try writer.read { db in
            let zone = try Self.settings(db).timeZone
            let day = day ?? LocalDate(instant: clock.now(), in: zone).adding(days: 1)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, a.number, a.arrival, a.work_start, a.work_end, a.bay, a.technician, a.advisor, \
                    a.vin, a.centihours, c.name, v.plate FROM appointment a JOIN customer c ON c.id = a.customer_id \
                    JOIN vehicle v ON v.id = a.vehicle_id \
                    WHERE a.state = 'booked' AND a.arrival >= ? AND a.arrival < ? ORDER BY a.arrival, a.number
                    """,
                arguments: [day.startInstant(in: zone), day.adding(days: 1).startInstant(in: zone)])
            let jobs = try db.cachedStatement(
                sql: "SELECT operation, description FROM appointment_job WHERE appointment_id = ? ORDER BY position")
            var needs: [String: (needed: Int, appointments: [String])] = [:]
            var workshop: [DayBeforeBooking] = []
            var vehicles: [DayBeforeBulletin] = []
            for row in rows {
                let number: String = row["number"]
                let vin = VIN(trusted: row["vin"])
                let booked = try Row.fetchAll(jobs, arguments: [row["id"] as Int64])
                for operation in booked.compactMap({ $0["operation"] as String? }) {
                    for item in try Self.menuParts(db, operation: operation) {
                        var need = needs[item.part] ?? (0, [])
                        need.needed += item.quantity
                        if need.appointments.last != number { need.appointments.append(number) }
                        needs[item.part] = need
                    }
                }
                workshop.append(
                    DayBeforeBooking(
                        appointment: number, arrival: row["arrival"], workStart: row["work_start"],
                        workEnd: row["work_end"], bay: row["bay"], technician: row["technician"],
                        advisor: row["advisor"], customer: row["name"], vin: vin, plate: row["plate"],
                        work: booked.map { $0["description"] }, centihours: row["centihours"]))
                let card = try Self.fetchVehicle(db, vin: vin)
                for bulletin in try Self.vehicleBulletins(db, vin: vin, card: card).filter(\.open) {
                    vehicles.append(
                        DayBeforeBulletin(
                            appointment: number, vin: vin, plate: card.plate, bulletin: bulletin.number,
                            kind: bulletin.kind, title: bulletin.title))
                }
            }
            let parts = try needs.keys.sorted().map { number in
                let part = PartNumber(catalogue: number)
                let name = try String.fetchOne(db, sql: "SELECT name FROM part WHERE number = ?", arguments: [number])
                let onHand = try Self.onHand(db, part) ?? 0
                let need = needs[number]!
                return DayBeforePart(
                    part: number, name: name ?? "", needed: need.needed, onHand: onHand,
                    missing: max(0, need.needed - onHand), appointments: need.appointments)
            }
            return DayBeforeLists(day: day, parts: parts, workshop: workshop, vehicles: vehicles)
        }
    }
}
