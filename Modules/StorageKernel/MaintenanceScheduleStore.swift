import Core
import Foundation
import GRDB

extension MaintenanceSchedule: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "maintenance_schedule"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase
}

extension AppDatabase {
    /// All maintenance schedules (W-9); `*` is the default for other makes.
    public func maintenanceSchedules() throws -> [MaintenanceSchedule] {
        try writer.read { db in try MaintenanceSchedule.order(Column("make")).fetchAll(db) }
    }

    /// The schedule of a make, or the default one (W-9).
    package static func maintenanceSchedule(_ db: Database, make: String) throws -> MaintenanceSchedule {
        let statement = try db.cachedStatement(sql: "SELECT * FROM maintenance_schedule WHERE make = ?")
        let row =
            try Row.fetchOne(statement, arguments: [make])
            ?? Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM maintenance_schedule WHERE make = ? COLLATE NOCASE"),
                arguments: [make])
            ?? Row.fetchOne(statement, arguments: ["*"])
        guard let row else { return .standard() }
        return MaintenanceSchedule(
            make: row["make"], firstKilometres: row["first_kilometres"], firstMonths: row["first_months"],
            intervalKilometres: row["interval_kilometres"], intervalMonths: row["interval_months"],
            toleranceKilometres: row["tolerance_kilometres"], toleranceDays: row["tolerance_days"])
    }

    /// Stores a make's schedule; audited. Throws `InvalidInput` for limits that are not positive.
    public func setMaintenanceSchedule(_ schedule: MaintenanceSchedule, actor: String) throws {
        let fields: [(String, Int)] = [
            ("first-km", schedule.firstKilometres), ("first-months", schedule.firstMonths),
            ("interval-km", schedule.intervalKilometres), ("interval-months", schedule.intervalMonths),
        ]
        for (field, value) in fields where value <= 0 {
            throw InvalidInput(field: field, "must be positive, got \(value)")
        }
        guard schedule.toleranceKilometres >= 0, schedule.toleranceDays >= 0 else {
            throw InvalidInput(field: "tolerance", "must not be negative")
        }
        try writer.write { db in
            let before = try MaintenanceSchedule.fetchOne(db, key: schedule.make)
            try schedule.save(db)
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "maintenance_schedule", id: schedule.make,
                action: before == nil ? "create" : "update", before: before?.auditFields, after: schedule.auditFields)
        }
    }
}

extension MaintenanceSchedule: Audited {
    package var auditFields: [String: String?] {
        [
            "first_kilometres": String(firstKilometres), "first_months": String(firstMonths),
            "interval_kilometres": String(intervalKilometres), "interval_months": String(intervalMonths),
            "tolerance_kilometres": String(toleranceKilometres), "tolerance_days": String(toleranceDays),
        ]
    }
}
