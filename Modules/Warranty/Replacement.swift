import Core
import Foundation

/// What the dealer states when raising a whole-vehicle replacement claim (W-5).
public struct ReplacementRequest: Sendable, Codable {
    /// (a) A major quality defect cannot be fully removed.
    public var defectCannotBeRemoved: Bool
    /// (b) After repair, a fault from a major defect leaves the vehicle below national technical standards.
    public var failsStandardsAfterRepair: Bool
    /// (c) When a major fault appeared (for the 24-hours-after-delivery condition).
    public var majorFaultAt: Date?

    public init(defectCannotBeRemoved: Bool, failsStandardsAfterRepair: Bool, majorFaultAt: Date?) {
        self.defectCannotBeRemoved = defectCannotBeRemoved
        self.failsStandardsAfterRepair = failsStandardsAfterRepair
        self.majorFaultAt = majorFaultAt
    }
}

/// One condition or refusal reason of W-5, evaluated.
public struct AssessmentItem: Sendable, Codable, Equatable {
    public var item: String
    public var met: Bool
    public var detail: String
}

/// Rule W-5: may the dealer raise a whole-vehicle replacement claim? (The manufacturer decides.)
public struct ReplacementAssessment: Sendable, Codable, Equatable {
    public var mayRaise: Bool
    public var conditions: [AssessmentItem]
    public var refusals: [AssessmentItem]

    public static func assess(
        _ request: ReplacementRequest, deliveredAt: Date, warranty: WarrantyDecision,
        maintenance: MaintenanceCompliance, exclusions: [ExclusionFact]
    ) -> ReplacementAssessment {
        var conditions = [
            AssessmentItem(
                item: "(a) a major quality defect cannot be fully removed", met: request.defectCannotBeRemoved,
                detail: request.defectCannotBeRemoved ? "stated by the dealer" : "not stated"),
            AssessmentItem(
                item: "(b) after repair the vehicle fails national technical standards",
                met: request.failsStandardsAfterRepair,
                detail: request.failsStandardsAfterRepair ? "stated by the dealer" : "not stated"),
        ]
        if let fault = request.majorFaultAt {
            let hours = fault.timeIntervalSince(deliveredAt) / 3600
            let within = hours >= 0 && hours <= 24
            conditions.append(
                AssessmentItem(
                    item: "(c) a major fault within 24 hours of delivery", met: within,
                    detail: String(format: "fault %.1f hours after delivery", hours)))
        } else {
            conditions.append(
                AssessmentItem(
                    item: "(c) a major fault within 24 hours of delivery", met: false, detail: "no fault time given"))
        }
        let operatedWrongly = exclusions.filter { [.misuse, .useAgainstRules].contains($0.kind) }
        let accidents = exclusions.filter { $0.kind == .accident }
        let pastWarranty = !warranty.covered && !warranty.reasons.contains { $0.kind == .exclusion && $0.decisive }
        let refusals = [
            AssessmentItem(item: "past warranty", met: pastWarranty, detail: warranty.summary),
            AssessmentItem(
                item: "not maintained on schedule (W-9)", met: !maintenance.onSchedule,
                detail: maintenance.findings.filter { $0.contains("missed") }.joined(separator: "; ").nonEmpty
                    ?? "maintained on schedule"),
            AssessmentItem(
                item: "operated wrongly", met: !operatedWrongly.isEmpty,
                detail: operatedWrongly.map { "\($0.title), source \($0.source)" }.joined(separator: "; ").nonEmpty
                    ?? "none recorded"),
            AssessmentItem(
                item: "traffic accident", met: !accidents.isEmpty,
                detail: accidents.map { "accident recorded \($0.recordedOn), source \($0.source)" }.joined(
                    separator: "; "
                ).nonEmpty ?? "none recorded"),
        ]
        return ReplacementAssessment(
            mayRaise: conditions.contains { $0.met } && !refusals.contains { $0.met }, conditions: conditions,
            refusals: refusals)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
