import Core
import Customers
import Foundation
import GRDB
import Storage
import WorkOrders

/// A day of booked arrivals for the welcome board's tests (issue 18): customers and vehicles through the use cases,
/// the appointments written as booking stores them (booking is another part of the issue), and each visit's repair
/// order taken through reception, quote, approval, dispatch, work, check, settlement and delivery by the work-order
/// use cases. The clock stands on 2026-12-08 (Asia/Shanghai, the default zone).
public final class BoardFixture: @unchecked Sendable {
    public let db: AppDatabase
    public let clock: ManualClock
    public static let day = LocalDate("2026-12-08")!
    public static let technician = "孙技师"
    public static let advisor = "周顾问"
    private var count = 0

    /// One booked visit: its appointment row and its vehicle.
    public struct Visit: Sendable {
        public let id: Int64
        public let vin: VIN
    }

    public init(now: String = "2026-12-08T08:00:00+08:00", database: AppDatabase? = nil) throws {
        clock = ManualClock(now)
        db = try database ?? AppDatabase.inMemory(clock: clock)
        _ = try db.addStaff(name: Self.technician, role: .technician, actor: "admin")
    }

    /// A customer with a vehicle booked to arrive at `time` (`2026-12-08 09:30`, local), in `state`.
    @discardableResult
    public func book(
        _ name: String, gender: Gender?, plate: String?, at time: String, advisor: String? = BoardFixture.advisor,
        party: PartyKind = .person, state: String = "booked"
    ) throws -> Visit {
        count += 1
        let vin = Self.vin(count)
        let customer = try db.addCustomer(
            NewCustomer(
                customer: Customer(
                    kind: party, name: name, customerClass: .retained, gender: gender, createdAt: db.now),
                phones: ["1390013\(String(format: "%04d", count))"], reason: "预约"),
            actor: "t"
        ).customer.id!
        let vehicle = try db.addVehicle(
            Vehicle(
                customerID: customer, vin: vin, plate: plate, make: "Volkswagen", model: "Sagitar", modelYear: 2022,
                usage: .private, deliveredAt: instant("2022-03-01T10:00:00+08:00"), createdAt: db.now), actor: "t"
        ).card.vehicle.id!
        let arrival = instant(time.replacingOccurrences(of: " ", with: "T") + ":00+08:00")
        let id = try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO appointment (number, customer_id, vehicle_id, vin, channel, state, arrival, advisor, \
                    bay, technician, work_start, work_end, price_fen, centihours, created_at, created_by) \
                    VALUES (?, ?, ?, ?, 'phone', ?, ?, ?, 'B1', ?, ?, ?, 38000, 100, ?, 't')
                    """,
                arguments: [
                    String(format: "AP-%06d", count), customer, vehicle, vin, state, arrival, advisor, Self.technician,
                    arrival.addingTimeInterval(900), arrival.addingTimeInterval(4_500),
                    arrival.addingTimeInterval(-86_400),
                ])
            return db.lastInsertedRowID
        }
        return Visit(id: id, vin: vin)
    }

    /// Reception opens the visit's repair order now and the booking becomes checked in; returns the order number.
    @discardableResult
    public func checkIn(_ visit: Visit) throws -> String {
        var reception = ReceptionForm()
        reception.vin = visit.vin.description
        reception.mileage = 20_000
        reception.fuel = 50
        reception.concerns = ["保养"]
        reception.walkAround = ["无"]
        reception.returnOldParts = false
        let number = try db.openWorkOrder(reception, actor: Self.advisor).number
        try db.writer.write { db in
            try db.execute(
                sql: "UPDATE appointment SET state = 'checked-in', work_order = ? WHERE id = ?",
                arguments: [number, visit.id])
        }
        return number
    }

    /// Job 1 described, priced and quoted, and the customer approves it (Q-2).
    public func approve(_ number: String) throws {
        var job = JobForm()
        job.title = "常规保养"
        job.kind = "first-level-maintenance"
        job.system = "engine"
        job.fault = "保养"
        _ = try db.editWorkOrderJob(number, job: 1, job, actor: Self.advisor)
        var line = WorkOrderLineForm()
        line.job = 1
        line.kind = "other"
        line.code = "SERVICE"
        line.price = "380.00"
        line.payer = "customer"
        line.reason = "保养套餐"
        _ = try db.addWorkOrderLine(number, line, actor: Self.advisor)
        _ = try db.quoteWorkOrder(number, actor: Self.advisor)
        _ = try db.answerWorkOrderJob(number, job: 1, approved: true, by: "客户", method: .signature, actor: Self.advisor)
    }

    /// The shop foreman gives job 1 to the technician.
    public func dispatch(_ number: String) throws {
        _ = try db.dispatchWorkOrderJob(number, job: 1, technician: Self.technician, actor: "车间主管")
    }

    /// The technician clocks on job 1 (`on`) or off it.
    public func clock(_ number: String, on: Bool) throws {
        if !on { clock.set(clock.now().addingTimeInterval(1_800)) }
        _ = try db.clockWorkOrderJob(number, job: 1, technician: Self.technician, on: on, actor: Self.technician)
    }

    /// The quality check of job 1, passed or failed (Q-4).
    public func check(_ number: String, passed: Bool = true) throws {
        _ = try db.checkWorkOrderJob(
            number, job: 1, failed: passed ? [] : [.engine], roadTestKilometres: 5, reason: passed ? nil : "机油渗漏",
            actor: "质检员")
    }

    /// Settlement (Q-3), and delivery when `deliver`.
    public func settle(_ number: String, deliver: Bool = false) throws {
        _ = try db.settleWorkOrder(number, payment: .wechatPay, actor: Self.advisor)
        if deliver { _ = try db.deliverWorkOrder(number, note: nil, actor: Self.advisor) }
    }

    /// A VIN with a valid check digit, numbered `n`.
    static func vin(_ n: Int) -> VIN {
        var text = Array("LFV2A21K0N3" + String(format: "%06d", n))
        text[8] = VIN(trusted: String(text)).expectedCheckDigit
        return VIN(trusted: String(text))
    }
}
