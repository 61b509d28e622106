import Appointments
import Core
import Customers
import Foundation
import GRDB
import StorageKernel
import WorkOrders

// The welcome board (预约欢迎看板, issue 18): a day's booked arrivals with their repair orders, in one read.

extension AppDatabase {
    /// The statement of the board: the day's booked and checked-in appointments by the `appointment_arrival` index,
    /// in arrival order, each with its customer, vehicle and repair order; whether a technician has the order in
    /// hand comes from correlated look-ups by the order's primary key (no query per row).
    static let boardSQL = """
        SELECT a.arrival, a.advisor AS booked_advisor, c.name, c.kind, c.gender, v.plate, \
        o.state AS order_state, o.advisor AS order_advisor, \
        EXISTS (SELECT 1 FROM work_order_job j WHERE j.order_id = o.id AND j.technician IS NOT NULL \
        AND j.state NOT IN ('declined', 'qc-passed')) AS dispatched, \
        EXISTS (SELECT 1 FROM work_order_spell s WHERE s.order_id = o.id AND s."end" IS NULL) AS clocked_on, \
        EXISTS (SELECT 1 FROM work_order_job j WHERE j.order_id = o.id AND j.state = 'qc-failed') AS reworking \
        FROM appointment a \
        JOIN customer c ON c.id = a.customer_id \
        JOIN vehicle v ON v.id = a.vehicle_id \
        LEFT JOIN work_order o ON o.number = a.work_order \
        WHERE a.arrival IS NOT NULL AND a.arrival >= ? AND a.arrival < ? AND a.state IN ('booked', 'checked-in') \
        ORDER BY a.arrival, a.id
        """

    /// The welcome board of `day` (default today in the dealer's zone, T-2): surnames, masked plates, advisors and
    /// each visit's status from its repair order, read now.
    public func welcomeBoard(day: LocalDate? = nil) throws -> BoardDay {
        try writer.read { db in
            let zone = try Self.settings(db).timeZone
            let now = clock.now()
            let day = day ?? LocalDate(instant: now, in: zone)
            let start = Instant.fromLocal(dayNumber: day.dayNumber, secondOfDay: 0, in: zone)
            let end = Instant.fromLocal(dayNumber: day.dayNumber + 1, secondOfDay: 0, in: zone)
            let visits = try Row.fetchAll(db.cachedStatement(sql: Self.boardSQL), arguments: [start, end]).map {
                row -> BoardVisit in
                let order = (row["order_state"] as String?).map { state in
                    BoardOrderProgress(
                        state: WorkOrderState(rawValue: state) ?? .open, dispatched: row["dispatched"],
                        clockedOn: row["clocked_on"], reworking: row["reworking"])
                }
                return BoardVisit(
                    arrival: row["arrival"], customerName: row["name"],
                    party: PartyKind(rawValue: row["kind"]) ?? .person,
                    gender: (row["gender"] as String?).flatMap(Gender.init(rawValue:)), plate: row["plate"],
                    advisor: row["order_advisor"] ?? row["booked_advisor"], order: order)
            }
            return BoardDay(day: day, updatedAt: now, timeZone: zone, rows: WelcomeBoard.rows(visits))
        }
    }
}
