import Core
import Foundation

/// Rules W-6 and W-7: the remedy of a recall or a service campaign is paid by the manufacturer whatever the
/// vehicle's warranty, while the bulletin is open for that VIN. A claim that names its bulletin is judged by
/// this, not by `WarrantyPolicy`: a car out of warranty can still have its recall work claimed.
public enum BulletinCover {
    /// What the claim knows of the bulletin on this vehicle.
    public struct Facts: Sendable, Equatable {
        public var number: String
        public var kind: Bulletin.Kind
        public var title: String
        public var status: Bulletin.Status
        /// nil (or `notApplicable`): the bulletin does not apply to the VIN.
        public var match: Applicability?
        public var completedOn: LocalDate?

        public init(
            number: String, kind: Bulletin.Kind, title: String, status: Bulletin.Status, match: Applicability?,
            completedOn: LocalDate?
        ) {
            self.number = number
            self.kind = kind
            self.title = title
            self.status = status
            self.match = match
            self.completedOn = completedOn
        }
    }

    /// Covered when the bulletin is a recall or a campaign, active, applies (or possibly applies) to the VIN and
    /// is not completed on it; otherwise not covered, with the reason that decided it (W-8).
    public static func decide(_ facts: Facts, vin: VIN) -> WarrantyDecision {
        let name: Phrase = "\(facts.kind.spoken) \(facts.number)"
        func refuse(_ text: Phrase) -> WarrantyDecision {
            WarrantyDecision(
                covered: false, coveredBy: nil, summary: "not covered by \(name): \(text)", warrantyStart: nil,
                reasons: [
                    DecisionReason(rule: "W-6", kind: .bulletin, decisive: true, text: text, source: facts.number)
                ])
        }
        guard facts.kind.canBeOpen else {
            return refuse(
                "a \(facts.kind.spoken) bulletin pays no work by itself; claim the repair under the warranty")
        }
        guard facts.status == .active else { return refuse("the bulletin is withdrawn") }
        guard let match = facts.match, match.matches else {
            return refuse("the bulletin does not apply to VIN \(vin.value)")
        }
        if let done = facts.completedOn { return refuse("its remedy was completed on this vehicle on \(done)") }
        var reasons = [
            DecisionReason(
                rule: "W-6", kind: .bulletin, decisive: true,
                text: "open \(name) (\(facts.title)): its remedy is paid by the manufacturer whatever the warranty",
                source: facts.number)
        ]
        if case .possible(let why) = match {
            reasons.append(
                DecisionReason(
                    rule: "W-6", kind: .bulletin, decisive: false,
                    text:
                        "possible match (\(Bulletin.spokenUndecided(why))): confirm the vehicle is affected before "
                        + "submitting",
                    source: facts.number))
        }
        return WarrantyDecision(
            covered: true, coveredBy: name, summary: "covered by \(name) (\(facts.title))", warrantyStart: nil,
            reasons: reasons)
    }
}
