import Complaints
import Core
import Customers
import Foundation
import GRDB
import StorageKernel

extension ComplaintChannel: DatabaseValueConvertible {}
extension ComplaintKind: DatabaseValueConvertible {}
extension ComplaintCategory: DatabaseValueConvertible {}
extension ComplaintCause: DatabaseValueConvertible {}
extension ComplaintState: DatabaseValueConvertible {}
extension EscalationLevel: DatabaseValueConvertible {}
extension Satisfaction: DatabaseValueConvertible {}

// The complaint file as one row: clock facts in columns, the K-10 solution and the S-1 scores as JSON.
extension Complaint: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "complaint"

    public init(row: Row) throws {
        self.init(
            customerID: row["customer_id"], vin: row["vin"], workOrder: row["work_order"], channel: row["channel"],
            receivedAt: row["received_at"], receivedBy: row["received_by"], owner: row["owner"],
            description: row["description"],
            category: row["category"])
        id = row["id"]
        kind = row["kind"]
        cause = row["cause"]
        wishes = (row["wishes"] as String).split(separator: ",").compactMap { CustomerWish(rawValue: String($0)) }
        valid = row["valid"]
        invalidExplanation = row["invalid_explanation"]
        crisis = row["crisis"]
        crisisReason = row["crisis_reason"]
        state = row["state"]
        level = row["level"]
        levelSince = row["level_since"]
        firstContactAt = row["first_contact_at"]
        callback = row["callback"]
        if let routedAt: Date = row["routed_at"] {
            repairOrder = RepairOrder(
                department: Role(rawValue: row["routed_to"]) ?? .serviceManager, person: row["routed_person"],
                advisor: row["advisor"], at: routedAt, rule: row["route_rule"] ?? "", plan: row["plan"])
        }
        lastReportAt = row["last_report_at"]
        reopenedAt = row["reopened_at"]
        reports = row["reports"]
        lateReports = row["late_reports"]
        repeatContacts = row["repeat_contacts"]
        unfixedVisits = row["unfixed_visits"]
        reassignments = row["reassignments"]
        missedDeadlines = row["missed_deadlines"]
        reopened = row["reopened"]
        if let json: String = row["resolution"] { resolution = try Self.decode(Resolution.self, json) }
        if let process: Satisfaction = row["process_satisfaction"],
            let result: Satisfaction = row["result_satisfaction"]
        {
            let dimensions = try (row["dimensions"] as String?).map { try Self.decode([String: Int].self, $0) } ?? [:]
            verdict = Verdict(
                process: process, result: result,
                dimensions: Dictionary(
                    uniqueKeysWithValues: dimensions.compactMap { key, value in
                        ServiceDimension(rawValue: key).flatMap { d in Satisfaction(rawValue: value).map { (d, $0) } }
                    }), at: row["verdict_at"])
        }
        closedAt = row["closed_at"]
        if let due: LocalDate = row["followup_due"] {
            followUp = FollowUp(
                dueOn: due, by: row["followup_by"], doneAt: row["followup_at"], result: row["followup_result"],
                satisfaction: row["followup_satisfaction"])
        }
        if let root: String = row["root_cause"] {
            analysis = Analysis(
                rootCause: root, preventiveAction: row["preventive_action"], by: row["analysed_by"],
                at: row["analysed_at"])
        }
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["kind"] = kind
        container["customer_id"] = customerID
        container["vin"] = vin
        container["work_order"] = workOrder
        container["channel"] = channel
        container["received_at"] = receivedAt
        container["received_by"] = receivedBy
        container["owner"] = owner
        container["description"] = description
        container["category"] = category
        container["cause"] = cause
        container["wishes"] = wishes.map(\.rawValue).joined(separator: ",")
        container["valid"] = valid
        container["invalid_explanation"] = invalidExplanation
        container["crisis"] = crisis
        container["crisis_reason"] = crisisReason
        container["state"] = state
        container["level"] = level
        container["level_since"] = levelSince
        container["priority"] = priority.level
        container["first_contact_at"] = firstContactAt
        container["callback"] = callback
        container["routed_at"] = repairOrder?.at
        container["routed_to"] = repairOrder?.department.rawValue
        container["routed_person"] = repairOrder?.person
        container["advisor"] = repairOrder?.advisor
        container["route_rule"] = repairOrder?.rule
        container["plan"] = repairOrder?.plan
        container["last_report_at"] = lastReportAt
        container["reopened_at"] = reopenedAt
        container["reports"] = reports
        container["late_reports"] = lateReports
        container["repeat_contacts"] = repeatContacts
        container["unfixed_visits"] = unfixedVisits
        container["reassignments"] = reassignments
        container["missed_deadlines"] = missedDeadlines
        container["reopened"] = reopened
        container["resolution"] = try resolution.map(Self.encodeJSON)
        container["process_satisfaction"] = verdict?.process
        container["result_satisfaction"] = verdict?.result
        container["dimensions"] = try verdict.map { v in
            try Self.encodeJSON(
                Dictionary(uniqueKeysWithValues: v.dimensions.map { ($0.key.rawValue, $0.value.rawValue) }))
        }
        container["verdict_at"] = verdict?.at
        container["closed_at"] = closedAt
        container["followup_due"] = followUp?.dueOn
        container["followup_by"] = followUp?.by
        container["followup_at"] = followUp?.doneAt
        container["followup_result"] = followUp?.result
        container["followup_satisfaction"] = followUp?.satisfaction
        container["root_cause"] = analysis?.rootCause
        container["preventive_action"] = analysis?.preventiveAction
        container["analysed_by"] = analysis?.by
        container["analysed_at"] = analysis?.at
        container["active"] = hasRunningClock
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = Complaint.ID(inserted.rowID) }

    package static func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let date = Instant.parse(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
            }
            return date
        }
        return try decoder.decode(type, from: Data(json.utf8))
    }

    package static func encodeJSON<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONFormat.encoder(pretty: false).encode(value), as: UTF8.self)
    }

    /// The fields the audit log shows before and after each change.
    package var auditFields: [String: String?] {
        [
            "state": state.rawValue, "owner": owner, "level": level.rawValue, "priority": priority.name,
            "crisis": crisis ? "yes" : "no",
            "category": category.rawValue, "cause": cause?.rawValue, "valid": valid.map { $0 ? "yes" : "no" },
            "routed_to": repairOrder?.department.rawValue, "first_contact_at": firstContactAt.map(Instant.utcString),
            "verdict": verdict.map { "process \($0.process.name), result \($0.result.name)" },
            "followup": followUp.map { $0.doneAt == nil ? "due \($0.dueOn) by \($0.by)" : "done" },
            "analysed": analysis == nil ? "no" : "yes",
        ]
    }
}
