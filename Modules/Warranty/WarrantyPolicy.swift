import Core
import Customers

/// A warranty extension that applies to the vehicle (a bulletin of kind `extension`).
public struct ExtensionCover: Sendable, Codable, Equatable {
    public var bulletin: String
    public var component: String
    public var months: Int
    public var kilometres: Int

    public init(bulletin: String, component: String, months: Int, kilometres: Int) {
        self.bulletin = bulletin
        self.component = component
        self.months = months
        self.kilometres = kilometres
    }
}

/// Everything an eligibility answer needs, loaded by the storage layer.
public struct EligibilityInput: Sendable {
    public var vin: VIN
    public var make: String
    public var model: String
    /// Delivery to the first owner: coverage starts here (W-1).
    public var delivered: LocalDate
    /// The usage at delivery, which coverage follows (W-2), and the usage now.
    public var deliveryUsage: Usage
    public var currentUsage: Usage
    public var on: LocalDate
    public var mileage: Int?
    public var component: String?
    public var partNumber: String?
    public var terms: [WarrantyTerm]
    public var legal: LegalPeriods
    public var partsWarrantyMonths: Int
    /// The manufacturer's parts-warranty terms for the make (W-3): they win over `partsWarrantyMonths`.
    public var partsWarrantyTerms: [PartsWarrantyTerm] = []
    public var extensions: [ExtensionCover]
    public var exclusions: [ExclusionFact]
    public var fittedParts: [FittedPart]

    public init(
        vin: VIN, make: String, model: String, delivered: LocalDate, deliveryUsage: Usage, currentUsage: Usage,
        on: LocalDate,
        mileage: Int?, component: String? = nil, partNumber: String? = nil, terms: [WarrantyTerm],
        legal: LegalPeriods = .minimum,
        partsWarrantyMonths: Int = 12, extensions: [ExtensionCover] = [], exclusions: [ExclusionFact] = [],
        fittedParts: [FittedPart] = []
    ) {
        self.vin = vin
        self.make = make
        self.model = model
        self.delivered = delivered
        self.deliveryUsage = deliveryUsage
        self.currentUsage = currentUsage
        self.on = on
        self.mileage = mileage
        self.component = component
        self.partNumber = partNumber
        self.terms = terms
        self.legal = legal
        self.partsWarrantyMonths = partsWarrantyMonths
        self.extensions = extensions
        self.exclusions = exclusions
        self.fittedParts = fittedParts
    }
}

/// The vehicle warranty that applies to a vehicle: the manufacturer's term for its usage at delivery (W-1,
/// W-2) raised to the legal repair period for household cars (L-1, L-2), from delivery.
public struct VehicleCoverage: Sendable, Equatable {
    public var term: WarrantyTerm
    public var months: Int
    public var kilometres: Int
    /// Whether the legal minimum raised the term (L-2).
    public var legalMinimumApplies: Bool
    public var start: LocalDate

    /// The last covered day by the months (T-1): what `warranty check` says "until", the warranty-expiry
    /// reminder's day and the day `warranty-ends-in` counts to (M-1, M-2).
    public var lastDay: LocalDate { MonthPeriod(start: start, months: months).lastDay }
}

/// The eligibility rules W-1 to W-4 with the legal minimums of L-1/L-2, answering with every reason (W-8).
public enum WarrantyPolicy {
    /// The one definition of the vehicle warranty (W-1, W-2, L-2) behind `decide`, the warranty-expiry
    /// reminder and the `warranty-ends-in` segment field (M-1, M-2); nil when no term applies.
    public static func vehicleCoverage(
        terms: [WarrantyTerm], legal: LegalPeriods, make: String, model: String,
        deliveryUsage: Usage, delivered: LocalDate
    ) -> VehicleCoverage? {
        guard
            let term = WarrantyTerm.select(
                from: terms, make: make, model: model, usage: deliveryUsage,
                delivered: delivered)
        else { return nil }
        var months = term.months
        var kilometres = term.kilometres
        if deliveryUsage == .private {
            months = max(months, legal.repairMonths)
            kilometres = max(kilometres, legal.repairKilometres)
        }
        let raised = months != term.months || kilometres != term.kilometres
        return VehicleCoverage(
            term: term, months: months, kilometres: kilometres, legalMinimumApplies: raised,
            start: delivered)
    }

    /// The vehicle warranty of an eligibility input (its usage at delivery, W-2).
    public static func vehicleCoverage(_ input: EligibilityInput) -> VehicleCoverage? {
        vehicleCoverage(
            terms: input.terms, legal: input.legal, make: input.make, model: input.model,
            deliveryUsage: input.deliveryUsage, delivered: input.delivered)
    }

    public static func decide(_ input: EligibilityInput) -> WarrantyDecision {
        var reasons: [DecisionReason] = []
        var coveredBy: Phrase?

        // W-2: coverage follows the usage at delivery.
        if input.currentUsage != input.deliveryUsage {
            reasons.append(
                DecisionReason(
                    rule: "W-2", kind: .usage, decisive: false,
                    text:
                        "usage now \(usageWord(input.currentUsage)); coverage follows the usage at delivery, "
                        + "\(usageWord(input.deliveryUsage)) (W-2)"
                ))
        }

        // W-1: the manufacturer's term, with the household-car legal minimum (L-1, L-2).
        let household = input.deliveryUsage == .private
        let coverage = vehicleCoverage(input)
        if let coverage {
            let term = coverage.term
            let scope: Phrase =
                term.make == "*"
                ? term.model.map { "any make \($0)" } ?? "any make"
                : Phrase(verbatim: [term.make, term.model].compactMap { $0 }.joined(separator: " "))
            let source = WarrantyTerm.spokenSource(term.source)
            reasons.append(
                DecisionReason(
                    rule: "W-1", kind: .term, decisive: false,
                    text:
                        "term: \(scope), \(usageWord(term.usage)) use, \(term.months) months or "
                        + "\(grouped: term.kilometres) km, whichever comes first, from delivery on "
                        + "\(input.delivered) (effective \(term.effective), \(source))",
                    source: term.source))
            let months = coverage.months
            let kilometres = coverage.kilometres
            if months != term.months {
                reasons.append(
                    DecisionReason(
                        rule: "L-2", kind: .legal, decisive: false,
                        text: "term \(term.months) months; the legal repair period (包修期) of at least \(months) "
                            + "months applies"))
            }
            if kilometres != term.kilometres {
                reasons.append(
                    DecisionReason(
                        rule: "L-2", kind: .legal, decisive: false,
                        text: "term \(grouped: term.kilometres) km; the legal repair period (包修期) "
                            + "of at least \(grouped: kilometres) km applies"))
            }
            let check = LimitCheck(
                months: months, kilometres: kilometres, start: input.delivered, on: input.on, mileage: input.mileage)
            // Two L-2 periods can appear in one answer: each says which it is (the repair period here, 三包 below).
            reasons += check.reasons(
                rule: coverage.legalMinimumApplies ? "L-2" : "W-1",
                label: coverage.legalMinimumApplies ? "repair period (包修期) " : nil, decisiveIfOver: true)
            if check.within { coveredBy = "vehicle warranty" }
            if household {
                let sanbao = LimitCheck(
                    months: input.legal.sanbaoMonths, kilometres: input.legal.sanbaoKilometres, start: input.delivered,
                    on: input.on, mileage: input.mileage)
                let state: Phrase = sanbao.within ? "within (until \(sanbao.lastDay))" : "ended or exceeded"
                reasons.append(
                    DecisionReason(
                        rule: "L-2", kind: .sanbao, decisive: false,
                        text: "三包 period (三包有效期, for replacement or refund; not the repair period above) "
                            + "\(input.legal.sanbaoMonths) months or "
                            + "\(grouped: input.legal.sanbaoKilometres) km: \(state)"))
            }
        } else {
            reasons.append(
                DecisionReason(
                    rule: "W-1", kind: .term, decisive: true,
                    text:
                        "no warranty term for \(input.make) \(input.model), \(usageWord(input.deliveryUsage)) use, "
                        + "delivered \(input.delivered)"
                ))
        }

        // Extensions of the asked component (bulletins of kind extension).
        if let component = input.component {
            for cover in input.extensions where componentKey(cover.component) == componentKey(component) {
                let check = LimitCheck(
                    months: cover.months, kilometres: cover.kilometres, start: input.delivered, on: input.on,
                    mileage: input.mileage)
                reasons.append(
                    DecisionReason(
                        rule: "W-6", kind: .extension, decisive: coveredBy == nil && check.within,
                        text:
                            "extension \(cover.bulletin) covers \(cover.component) for \(cover.months) months or "
                            + "\(grouped: cover.kilometres) km from the warranty start",
                        source: cover.bulletin))
                reasons += check.reasons(rule: "W-6", label: "extension \(cover.bulletin) ", decisiveIfOver: false)
                if coveredBy == nil, check.within { coveredBy = "warranty extension \(cover.bulletin)" }
            }
        }

        // W-3: a part bought and fitted here, with its invoice.
        if let number = input.partNumber {
            let key = FittedPart.key(number)
            if let part = input.fittedParts.filter({ FittedPart.key($0.partNumber) == key }).max(by: {
                $0.fittedOn < $1.fittedOn
            }) {
                // The manufacturer's term for the make wins; the dealer's setting is the fallback.
                let term = PartsWarrantyTerm.select(
                    from: input.partsWarrantyTerms, make: input.make, model: input.model, fitted: part.fittedOn)
                let months = term?.months ?? input.partsWarrantyMonths
                let source: Phrase =
                    term.map {
                        "the manufacturer's parts warranty for \($0.make)\($0.model.map { " " + $0 } ?? "") "
                            + "(effective \($0.effective))"
                    }
                    ?? "setting warranty.parts.months (no manufacturer term for \(input.make))"
                let check = LimitCheck(
                    months: months, kilometres: nil, start: part.fittedOn, on: input.on, mileage: nil)
                reasons.append(
                    DecisionReason(
                        rule: "W-3", kind: .part, decisive: coveredBy == nil && check.within,
                        text:
                            "part \(part.partNumber) bought and fitted here on \(part.fittedOn) (invoice "
                            + "\(part.invoice)): "
                            + "covered \(months) months from fitting, by \(source)",
                        source: part.invoice))
                reasons += check.reasons(rule: "W-3", label: "part ", decisiveIfOver: false)
                if coveredBy == nil, check.within { coveredBy = "part warranty (W-3)" }
            } else {
                reasons.append(
                    DecisionReason(
                        rule: "W-3", kind: .part, decisive: false,
                        text:
                            "no record of part \(number) bought and fitted here with an invoice; W-3 part warranty "
                            + "does not apply"
                    ))
            }
        }

        // W-4: exclusions, each with its source record.
        var excluded = false
        for fact in input.exclusions {
            let applies =
                fact.component.map { c in input.component.map { componentKey($0) == componentKey(c) } ?? false } ?? true
            let scope: Phrase = fact.component.map { " (\($0) only)" } ?? Phrase(verbatim: "")
            let text: Phrase =
                "exclusion: \(fact.titlePhrase)\(scope) recorded \(fact.recordedOn), source \(fact.source)"
            reasons.append(
                DecisionReason(
                    rule: "W-4", kind: .exclusion, decisive: applies,
                    text: applies ? text : "\(text); does not concern the component asked about",
                    source: fact.source))
            if applies { excluded = true }
        }

        let covered = coveredBy != nil && !excluded
        let decisive = reasons.first { $0.decisive && ($0.kind == .exclusion || !covered) }
        let summary: Phrase
        if covered {
            summary = "covered by \(coveredBy!)"
        } else if let decisive {
            summary = "not covered: \(decisive.phrase)"
        } else {
            summary = "not covered"
        }
        return WarrantyDecision(
            covered: covered, coveredBy: covered ? coveredBy : nil, summary: summary,
            warrantyStart: input.delivered, warrantyEnds: coverage?.lastDay, reasons: reasons)
    }
}

/// How a usage is said in a reason or a term (W-1, W-2): the stored value in English, the glossary's word in Chinese.
public func usageWord(_ usage: Usage) -> Phrase {
    switch usage {
    case .private: "private"
    case .taxi: "taxi"
    case .commercial: "commercial"
    }
}
