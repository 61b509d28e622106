import Complaints
import Core
import Foundation
import GRDB
import StorageKernel
import WorkOrders

/// A follow-up task as the due list shows it, with the customer to call.
public struct FollowUpItem: Codable, Sendable, Equatable {
    public var task: FollowUpTask
    public var customerName: String
    public var overdue: Bool
}

// Rule Q-6: the follow-up task is made by delivery (same transaction), listed by due day, and changed through one
// path, `changeFollowUp`. Its card (messaging) and the complaint it opens (K-1) cross areas: those use cases are in
// `Storage` (`recordFollowUpCall`, `answerFollowUp`), over the helpers here.
extension AppDatabase {
    /// Rule Q-6: makes the follow-up task of an order just delivered; audited.
    static func createFollowUp(_ db: Database, order: WorkOrder, now: Date, actor: String) throws {
        let settings = try settings(db)
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT id, customer_id FROM work_order WHERE number = ?"),
                arguments: [order.number]),
            let task = FollowUpTask.make(
                for: order, customerID: row["customer_id"], days: settings.integer(.followUpDays),
                zone: settings.timeZone)
        else { return }
        try db.execute(
            sql: """
                INSERT INTO follow_up (order_id, customer_id, due_on, involved, state, created_at) \
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                row["id"] as Int64, task.customerID, task.dueOn.description, task.involved.joined(separator: "\n"),
                task.state.rawValue, now,
            ])
        try Audit.record(
            db, at: now, actor: actor, entity: "follow_up", id: String(db.lastInsertedRowID), action: "create",
            after: task.auditFields)
    }

    /// One follow-up task with its calls.
    package static func followUp(_ db: Database, id: Int64) throws -> FollowUpTask {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "\(followUpSelect) WHERE f.id = ?"), arguments: [id])
        else {
            throw NotFound("follow-up", String(id), field: "id")
        }
        return try followUp(db, row: row)
    }

    static let followUpSelect = """
        SELECT f.*, o.number, o.vin, o.delivered_at, c.name AS customer_name FROM follow_up f \
        JOIN work_order o ON o.id = f.order_id JOIN customer c ON c.id = f.customer_id
        """

    static func followUp(_ db: Database, row: Row, attempts: Bool = true) throws -> FollowUpTask {
        let id: Int64 = row["id"]
        var task = FollowUpTask(
            id: id, order: row["number"], customerID: row["customer_id"], vin: VIN(trusted: row["vin"]),
            deliveredAt: row["delivered_at"], dueOn: LocalDate(row["due_on"] as String)!,
            involved: (row["involved"] as String).split(separator: "\n").map(String.init),
            state: FollowUpState(rawValue: row["state"]) ?? .open)
        if attempts {
            task.attempts = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM follow_up_attempt WHERE follow_up_id = ? ORDER BY id"),
                arguments: [id]
            ).map {
                FollowUpAttempt(
                    at: $0["at"], outcome: FollowUpOutcome(rawValue: $0["outcome"]) ?? .noAnswer, by: $0["by"],
                    note: $0["note"])
            }
        }
        task.card = (row["card_channel"] as String?).flatMap(FollowUpCardChannel.init(rawValue:))
        task.cardNote = row["card_note"]
        if let score = (row["score"] as Int?).flatMap(Satisfaction.init(rawValue:)) {
            var dimensions: [ServiceDimension: Satisfaction] = [:]
            if let text: String = row["dimensions"],
                let levels = try? JSONDecoder().decode([String: Int].self, from: Data(text.utf8))
            {
                for (key, level) in levels {
                    if let dimension = ServiceDimension(rawValue: key), let value = Satisfaction(rawValue: level) {
                        dimensions[dimension] = value
                    }
                }
            }
            task.answer = FollowUpAnswer(
                score: score, dimensions: dimensions, note: row["note"], problem: row["problem"],
                category: (row["category"] as String?).flatMap(ComplaintCategory.init(rawValue:)))
        }
        task.doneAt = row["done_at"]
        task.doneBy = row["done_by"]
        task.complaint = row["complaint_id"]
        return task
    }

    /// Stores a task's state, card, answer and complaint, and its new calls (those after `stored`); audited as
    /// `action` with the fields before and after.
    package static func storeFollowUp(
        _ db: Database, _ task: FollowUpTask, before: FollowUpTask, action: String, now: Date, actor: String
    ) throws {
        let id = task.id!
        for attempt in task.attempts.dropFirst(before.attempts.count) {
            try db.execute(
                sql: "INSERT INTO follow_up_attempt (follow_up_id, at, outcome, by, note) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, attempt.at, attempt.outcome.rawValue, attempt.by, attempt.note])
        }
        var dimensions: String?
        if let answer = task.answer, !answer.dimensions.isEmpty {
            let levels = Dictionary(
                uniqueKeysWithValues: answer.dimensions.map { ($0.key.rawValue, $0.value.rawValue) })
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            dimensions = String(decoding: try encoder.encode(levels), as: UTF8.self)
        }
        let category = task.answer?.problem == nil ? nil : task.answer?.category.rawValue
        try db.execute(
            sql: """
                UPDATE follow_up SET state = ?, card_channel = ?, card_note = ?, score = ?, dimensions = ?, note = ?, \
                problem = ?, category = ?, complaint_id = ?, done_at = ?, done_by = ? WHERE id = ?
                """,
            arguments: [
                task.state.rawValue, task.card?.rawValue, task.cardNote, task.answer?.score.rawValue, dimensions,
                task.answer?.note, task.answer?.problem, category,
                task.complaint, task.doneAt, task.doneBy, id,
            ])
        var after = task.auditFields
        if let attempt = task.attempts.last, task.attempts.count > before.attempts.count {
            after["outcome"] = attempt.outcome.rawValue
        }
        try Audit.record(
            db, at: now, actor: actor, entity: "follow_up", id: String(id), action: action,
            before: before.auditFields, after: after)
    }

    /// Rule Q-6: the follow-up tasks not yet done on `day` (default today), overdue first, then by due day; `mine`
    /// keeps those the person may make (neutral to the order).
    public func followUpsDue(on day: LocalDate? = nil, mine: String? = nil) throws -> [FollowUpItem] {
        try writer.read { db in
            let zone = try Self.settings(db).timeZone
            let day = day ?? LocalDate(instant: clock.now(), in: zone)
            let rows = try Row.fetchAll(
                db, sql: "\(Self.followUpSelect) WHERE f.state != 'done' AND o.delivered_at < ? ORDER BY f.id",
                arguments: [day.adding(days: 1).startInstant(in: zone)])
            let items = try rows.map { row in
                let task = try Self.followUp(db, row: row)
                return FollowUpItem(
                    task: task, customerName: row["customer_name"], overdue: task.isOverdue(on: day))
            }
            let order = FollowUpTask.dueOrder(on: day)
            return items.filter { mine.map($0.task.isNeutral) ?? true }.sorted { order($0.task, $1.task) }
        }
    }

    /// The follow-up task of an order, if delivered.
    public func followUp(order number: String) throws -> FollowUpTask? {
        try writer.read { db in
            try Row.fetchOne(db, sql: "\(Self.followUpSelect) WHERE o.number = ?", arguments: [number.trimmed()])
                .map { try Self.followUp(db, row: $0) }
        }
    }

    /// One follow-up task.
    public func followUp(_ id: Int64) throws -> FollowUpTask {
        try writer.read { db in try Self.followUp(db, id: id) }
    }
}
