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
    /// The condition or refusal reason, and what was found, for people.
    public var label: Phrase
    public var met: Bool
    public var explanation: Phrase

    /// `label` and `explanation` in the language of the moment (JSON's `item` and `detail`).
    public var item: String { label.rendered() }
    public var detail: String { explanation.rendered() }

    init(item: Phrase, met: Bool, detail: Phrase) {
        self.label = item
        self.met = met
        self.explanation = detail
    }

    enum CodingKeys: String, CodingKey { case item, met, detail }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        label = Phrase(verbatim: try c.decode(String.self, forKey: .item))
        met = try c.decode(Bool.self, forKey: .met)
        explanation = Phrase(verbatim: try c.decode(String.self, forKey: .detail))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(met, forKey: .met)
        try c.encode(detail, forKey: .detail)
    }
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
                    detail: "fault \(String(format: "%.1f", hours)) hours after delivery"))
        } else {
            conditions.append(
                AssessmentItem(
                    item: "(c) a major fault within 24 hours of delivery", met: false, detail: "no fault time given"))
        }
        let operatedWrongly = exclusions.filter { [.misuse, .useAgainstRules].contains($0.kind) }
        let accidents = exclusions.filter { $0.kind == .accident }
        let pastWarranty = !warranty.covered && !warranty.reasons.contains { $0.kind == .exclusion && $0.decisive }
        let refusals = [
            AssessmentItem(item: "past warranty", met: pastWarranty, detail: warranty.summaryPhrase),
            AssessmentItem(
                item: "not maintained on schedule (W-9)", met: !maintenance.onSchedule,
                detail: maintenance.missed.isEmpty
                    ? "maintained on schedule" : Phrase.joined(maintenance.missed, separator: "; ")),
            AssessmentItem(
                item: "operated wrongly", met: !operatedWrongly.isEmpty,
                detail: operatedWrongly.isEmpty
                    ? "none recorded"
                    : Phrase.joined(
                        operatedWrongly.map { "\($0.titlePhrase), source \($0.source)" }, separator: "; ")),
            AssessmentItem(
                item: "traffic accident", met: !accidents.isEmpty,
                detail: accidents.isEmpty
                    ? "none recorded"
                    : Phrase.joined(
                        accidents.map { "accident recorded \($0.recordedOn), source \($0.source)" }, separator: "; ")
            ),
        ]
        return ReplacementAssessment(
            mayRaise: conditions.contains { $0.met } && !refusals.contains { $0.met }, conditions: conditions,
            refusals: refusals)
    }
}
