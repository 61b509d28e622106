import Core

/// One reason of an eligibility answer (W-8): which rule, what it says, and the figures behind it.
public struct DecisionReason: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case term, usage, legal, sanbao, limit, `extension`, part, exclusion, maintenance, bulletin
    }

    public var rule: String
    public var kind: Kind
    /// Whether this reason decided the answer (a limit exceeded, an exclusion found, the cover that applied).
    public var decisive: Bool
    public var text: String
    /// The limit, the vehicle's figure and what is left (negative: over by), when the reason is a limit.
    public var limit: Int?
    public var actual: Int?
    public var margin: Int?
    public var unit: String?
    /// The record the reason rests on (an exclusion's source, a bulletin number, a part invoice).
    public var source: String?

    public init(
        rule: String, kind: Kind, decisive: Bool, text: String, limit: Int? = nil, actual: Int? = nil,
        margin: Int? = nil,
        unit: String? = nil, source: String? = nil
    ) {
        self.rule = rule
        self.kind = kind
        self.decisive = decisive
        self.text = text
        self.limit = limit
        self.actual = actual
        self.margin = margin
        self.unit = unit
        self.source = source
    }
}

/// An eligibility answer (W-8): covered or not, by what, and every reason.
public struct WarrantyDecision: Sendable, Codable, Equatable {
    public var covered: Bool
    /// What covers the repair when covered: `vehicle warranty`, `warranty extension RC-...`, `part warranty (W-3)`.
    public var coveredBy: String?
    /// One sentence for the service advisor.
    public var summary: String
    public var warrantyStart: LocalDate?
    /// The last covered day of the vehicle warranty by its months (T-1, L-2), as reminders use it (M-1).
    public var warrantyEnds: LocalDate?
    public var reasons: [DecisionReason]

    public init(
        covered: Bool, coveredBy: String?, summary: String, warrantyStart: LocalDate?,
        warrantyEnds: LocalDate? = nil, reasons: [DecisionReason]
    ) {
        self.covered = covered
        self.coveredBy = coveredBy
        self.summary = summary
        self.warrantyStart = warrantyStart
        self.warrantyEnds = warrantyEnds
        self.reasons = reasons
    }
}

/// A limit checked against the vehicle's figures (T-1 for months, "at most K" for kilometres).
struct LimitCheck {
    let months: Int
    let kilometres: Int?
    let start: LocalDate
    let on: LocalDate
    let mileage: Int?

    var period: MonthPeriod { MonthPeriod(start: start, months: months) }
    /// T-1: the corresponding day `months` later is still covered.
    var lastDay: LocalDate { period.lastDay }
    var withinMonths: Bool { period.covers(on) }
    var withinKilometres: Bool {
        guard let kilometres, let mileage else { return true }
        return withinDistance(mileage, limit: kilometres)
    }
    var within: Bool { withinMonths && withinKilometres }

    /// Whole months from the start to `on` (month m has passed once start + m months <= on; on the last
    /// covered day all of them are used and none is left, T-1).
    var monthsUsed: Int {
        var m = max(0, (on.year - start.year) * 12 + (on.month - start.month) - 1)
        while start.adding(months: m + 1) <= on { m += 1 }
        return m
    }

    func reasons(rule: String, label: String, decisiveIfOver: Bool) -> [DecisionReason] {
        var out: [DecisionReason] = []
        if withinMonths {
            let used = monthsUsed
            out.append(
                DecisionReason(
                    rule: rule, kind: .limit, decisive: false,
                    text: "\(label)months: \(used) of \(months) used, \(months - used) left "
                        + "(until \(lastDay))",
                    limit: months, actual: used, margin: months - used, unit: "months"))
        } else {
            let over = lastDay.days(until: on)
            out.append(
                DecisionReason(
                    rule: rule, kind: .limit, decisive: decisiveIfOver,
                    text: "\(label)months: \(months) of \(months) used; ended \(lastDay), "
                        + "\(over) day\(over == 1 ? "" : "s") ago",
                    limit: months, actual: monthsUsed, margin: -over, unit: "months"))
        }
        if let kilometres, let mileage {
            if withinDistance(mileage, limit: kilometres) {
                out.append(
                    DecisionReason(
                        rule: rule, kind: .limit, decisive: false,
                        text:
                            "\(label)kilometres: \(Grouping.thousands(mileage)) of \(Grouping.thousands(kilometres)), "
                            + "\(Grouping.thousands(kilometres - mileage)) left",
                        limit: kilometres, actual: mileage, margin: kilometres - mileage, unit: "km"))
            } else {
                out.append(
                    DecisionReason(
                        rule: rule, kind: .limit, decisive: decisiveIfOver,
                        text:
                            "\(label)kilometres: \(Grouping.thousands(mileage)) of \(Grouping.thousands(kilometres)), "
                            + "over by \(Grouping.thousands(mileage - kilometres))",
                        limit: kilometres, actual: mileage, margin: kilometres - mileage, unit: "km"))
            }
        } else if let kilometres {
            out.append(
                DecisionReason(
                    rule: rule, kind: .limit, decisive: false,
                    text: "\(label)kilometres: limit \(Grouping.thousands(kilometres)); no mileage given or recorded",
                    limit: kilometres, unit: "km"))
        }
        return out
    }
}
