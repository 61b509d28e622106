import Core
import Customers
import Foundation
import GRDB
import StorageKernel

/// An open care-plan task with the customer it concerns and how late it is on the day asked.
public struct DueTask: Codable, Sendable {
    public var task: CareTask
    public var customerName: String
    public var vin: VIN
    public var lateness: Lateness
}

/// How a task was completed (C-7, C-8).
public struct TaskCompletion: Sendable {
    public var response: String
    /// When given, the completion is also logged as a contact on this channel.
    public var channel: Contact.Channel?
    public var outcome: Contact.Outcome
    public var at: Date?
    public var staff: String?

    public init(
        response: String, channel: Contact.Channel? = nil, outcome: Contact.Outcome = .reached, at: Date? = nil,
        staff: String? = nil
    ) {
        self.response = response
        self.channel = channel
        self.outcome = outcome
        self.at = at
        self.staff = staff
    }
}

extension AppDatabase {
    /// The care-plan tasks due on or before `asOf` (C-7), oldest first, each with its rule and lateness.
    /// Monthly calls whose predecessor is done or due are created first, so the list is complete on the day.
    public func dueTasks(
        asOf: LocalDate, assignee: String? = nil, aheadDays: Int = 0, limit: Int = 500, actor: String = "care-plan"
    ) throws -> [DueTask] {
        try writer.write { db in
            try planMonthlyCalls(db, asOf: asOf, actor: actor)
            var sql = """
                SELECT t.*, c.name AS customer_name, v.vin FROM care_task t
                JOIN customer c ON c.id = t.customer_id JOIN vehicle v ON v.id = t.vehicle_id
                WHERE t.done_at IS NULL AND t.due_on <= ?
                """
            var arguments: StatementArguments = [asOf.adding(days: aheadDays)]
            if let assignee {
                sql += " AND t.assignee = ?"
                arguments += [assignee]
            }
            sql += " ORDER BY t.due_on, t.id LIMIT ?"
            arguments += [limit]
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                let task = CareTask(row: row)
                return DueTask(
                    task: task, customerName: row["customer_name"], vin: row["vin"],
                    lateness: Lateness(due: task.dueOn, asOf: asOf))
            }
        }
    }

    /// Creates the monthly calls that are due to exist (C-7), for one vehicle or all.
    package func planMonthlyCalls(_ db: Database, asOf: LocalDate, actor: String, vehicle: Vehicle.ID? = nil) throws {
        let settings = try Self.settings(db)
        let now = clock.now()
        // Only chains whose newest call is done or due can grow.
        var sql = """
            SELECT t.* FROM care_task t WHERE t.kind IN ('new-car-call', 'monthly-call')
            AND t.vehicle_id IN (SELECT vehicle_id FROM care_task WHERE kind = 'new-car-call' AND (done_at IS NOT NULL \
            OR due_on <= ?))
            """
        var arguments: StatementArguments = [asOf]
        if let vehicle {
            sql += " AND t.vehicle_id = ?"
            arguments += [vehicle]
        }
        let tasks = try Row.fetchAll(db, sql: sql + " ORDER BY t.vehicle_id, t.sequence", arguments: arguments).map(
            CareTask.init(row:))
        let owners = try db.cachedStatement(sql: "SELECT owner FROM customer WHERE id = ?")
        var staff: [StaffMember]?
        for (vehicleID, chain) in Dictionary(grouping: tasks, by: \.vehicleID) {
            let planned = CarePlan.monthlyCallsDue(chain: chain, asOf: asOf, settings: settings)
            guard !planned.isEmpty, let anchor = chain.first else { continue }
            if staff == nil { staff = try Self.staff(db) }
            // Rule C-7: the calls stay with whoever holds the chain while they hold the role, else go by role.
            func place(_ task: CareTask) -> Int { task.kind == .monthlyCall ? task.sequence : 0 }
            let latest = chain.max { place($0) < place($1) }
            let owner = try String.fetchOne(owners, arguments: [anchor.customerID])
            let today = LocalDate(instant: now, in: settings.timeZone)
            for plan in planned {
                let assignee = CarePlan.assignee(
                    for: plan.kind, owner: owner, previous: latest?.assignee,
                    staff: staff ?? [], on: today)
                _ = try Self.insertTask(
                    db, plan, customer: anchor.customerID, vehicle: vehicleID, assignee: assignee,
                    at: now, actor: actor)
            }
        }
    }
}
