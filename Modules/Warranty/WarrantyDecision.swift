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
    /// What the reason says, in the language of whoever reads it.
    public var phrase: Phrase
    /// The limit, the vehicle's figure and what is left (negative: over by), when the reason is a limit.
    public var limit: Int?
    public var actual: Int?
    public var margin: Int?
    public var unit: String?
    /// The record the reason rests on (an exclusion's source, a bulletin number, a part invoice).
    public var source: String?

    /// What the reason says, in the language of the moment (JSON's `text`).
    public var text: String { phrase.rendered() }

    public init(
        rule: String, kind: Kind, decisive: Bool, text: Phrase, limit: Int? = nil, actual: Int? = nil,
        margin: Int? = nil,
        unit: String? = nil, source: String? = nil
    ) {
        self.rule = rule
        self.kind = kind
        self.decisive = decisive
        self.phrase = text
        self.limit = limit
        self.actual = actual
        self.margin = margin
        self.unit = unit
        self.source = source
    }

    enum CodingKeys: String, CodingKey {
        case rule, kind, decisive, text, phrase, limit, actual, margin, unit, source
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        kind = try c.decode(Kind.self, forKey: .kind)
        decisive = try c.decode(Bool.self, forKey: .decisive)
        phrase =
            try c.decodeIfPresent(StoredPhrase.self, forKey: .phrase)?.phrase
            ?? Phrase(verbatim: try c.decode(String.self, forKey: .text))
        limit = try c.decodeIfPresent(Int.self, forKey: .limit)
        actual = try c.decodeIfPresent(Int.self, forKey: .actual)
        margin = try c.decodeIfPresent(Int.self, forKey: .margin)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        source = try c.decodeIfPresent(String.self, forKey: .source)
    }

    /// `text` in the language of the moment; stored (`storesPhrases`): in English, with the phrase kept whole.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(kind, forKey: .kind)
        try c.encode(decisive, forKey: .decisive)
        if encoder.storesPhrases {
            try c.encode(phrase.english, forKey: .text)
            try c.encode(StoredPhrase(phrase), forKey: .phrase)
        } else {
            try c.encode(text, forKey: .text)
        }
        try c.encodeIfPresent(limit, forKey: .limit)
        try c.encodeIfPresent(actual, forKey: .actual)
        try c.encodeIfPresent(margin, forKey: .margin)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(source, forKey: .source)
    }
}

/// An eligibility answer (W-8): covered or not, by what, and every reason.
public struct WarrantyDecision: Sendable, Codable, Equatable {
    public var covered: Bool
    /// What covers the repair when covered (`vehicle warranty`, `warranty extension RC-...`, `part warranty (W-3)`),
    /// for people.
    public var cover: Phrase?
    /// One sentence for the service advisor.
    public var summaryPhrase: Phrase
    public var warrantyStart: LocalDate?
    /// The last covered day of the vehicle warranty by its months (T-1, L-2), as reminders use it (M-1).
    public var warrantyEnds: LocalDate?
    public var reasons: [DecisionReason]

    /// What covers the repair, in English: JSON's `coveredBy` and the claim's stored `covered_by` (an interface).
    public var coveredBy: String? { cover?.english }
    /// The sentence for the service advisor, in the language of the moment.
    public var summary: String { summaryPhrase.rendered() }

    public init(
        covered: Bool, coveredBy: Phrase?, summary: Phrase, warrantyStart: LocalDate?,
        warrantyEnds: LocalDate? = nil, reasons: [DecisionReason]
    ) {
        self.covered = covered
        self.cover = coveredBy
        self.summaryPhrase = summary
        self.warrantyStart = warrantyStart
        self.warrantyEnds = warrantyEnds
        self.reasons = reasons
    }

    enum CodingKeys: String, CodingKey {
        case covered, coveredBy, coveredByPhrase, summary, summaryPhrase, warrantyStart, warrantyEnds, reasons
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        covered = try c.decode(Bool.self, forKey: .covered)
        cover =
            try c.decodeIfPresent(StoredPhrase.self, forKey: .coveredByPhrase)?.phrase
            ?? c.decodeIfPresent(String.self, forKey: .coveredBy).map { Phrase(verbatim: $0) }
        summaryPhrase =
            try c.decodeIfPresent(StoredPhrase.self, forKey: .summaryPhrase)?.phrase
            ?? Phrase(verbatim: try c.decode(String.self, forKey: .summary))
        warrantyStart = try c.decodeIfPresent(LocalDate.self, forKey: .warrantyStart)
        warrantyEnds = try c.decodeIfPresent(LocalDate.self, forKey: .warrantyEnds)
        reasons = try c.decode([DecisionReason].self, forKey: .reasons)
    }

    /// `coveredBy` in English (an interface), `summary` in the language of the moment; stored (`storesPhrases`): in
    /// English, with the phrases kept whole.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(covered, forKey: .covered)
        try c.encodeIfPresent(coveredBy, forKey: .coveredBy)
        if encoder.storesPhrases {
            try c.encodeIfPresent(cover.map(StoredPhrase.init), forKey: .coveredByPhrase)
            try c.encode(summaryPhrase.english, forKey: .summary)
            try c.encode(StoredPhrase(summaryPhrase), forKey: .summaryPhrase)
        } else {
            try c.encode(summary, forKey: .summary)
        }
        try c.encodeIfPresent(warrantyStart, forKey: .warrantyStart)
        try c.encodeIfPresent(warrantyEnds, forKey: .warrantyEnds)
        try c.encode(reasons, forKey: .reasons)
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

    /// The reasons of the limits; `label` names the period (nil: the vehicle warranty, 保修期), so two periods in one
    /// answer each say which they are.
    func reasons(rule: String, label: Phrase?, decisiveIfOver: Bool) -> [DecisionReason] {
        var out: [DecisionReason] = []
        if withinMonths {
            let used = monthsUsed
            let text: Phrase =
                if let label {
                    "\(label)months: \(used) of \(months) used, \(months - used) left (until \(lastDay))"
                } else {
                    "months: \(used) of \(months) used, \(months - used) left (until \(lastDay))"
                }
            out.append(
                DecisionReason(
                    rule: rule, kind: .limit, decisive: false, text: text,
                    limit: months, actual: used, margin: months - used, unit: "months"))
        } else {
            let over = lastDay.days(until: on)
            let ago: Phrase = over == 1 ? "1 day ago" : "\(over) days ago"
            let text: Phrase =
                if let label {
                    "\(label)months: \(months) of \(months) used; ended \(lastDay), \(ago)"
                } else {
                    "months: \(months) of \(months) used; ended \(lastDay), \(ago)"
                }
            out.append(
                DecisionReason(
                    rule: rule, kind: .limit, decisive: decisiveIfOver, text: text,
                    limit: months, actual: monthsUsed, margin: -over, unit: "months"))
        }
        if let kilometres, let mileage {
            if withinDistance(mileage, limit: kilometres) {
                let left = kilometres - mileage
                let text: Phrase =
                    if let label {
                        "\(label)kilometres: \(grouped: mileage) of \(grouped: kilometres), \(grouped: left) left"
                    } else {
                        "kilometres: \(grouped: mileage) of \(grouped: kilometres), \(grouped: left) left"
                    }
                out.append(
                    DecisionReason(
                        rule: rule, kind: .limit, decisive: false, text: text,
                        limit: kilometres, actual: mileage, margin: left, unit: "km"))
            } else {
                let over = mileage - kilometres
                let text: Phrase =
                    if let label {
                        "\(label)kilometres: \(grouped: mileage) of \(grouped: kilometres), over by \(grouped: over)"
                    } else {
                        "kilometres: \(grouped: mileage) of \(grouped: kilometres), over by \(grouped: over)"
                    }
                out.append(
                    DecisionReason(
                        rule: rule, kind: .limit, decisive: decisiveIfOver, text: text,
                        limit: kilometres, actual: mileage, margin: kilometres - mileage, unit: "km"))
            }
        } else if let kilometres {
            let text: Phrase =
                if let label {
                    "\(label)kilometres: limit \(grouped: kilometres); no mileage given or recorded"
                } else {
                    "kilometres: limit \(grouped: kilometres); no mileage given or recorded"
                }
            out.append(
                DecisionReason(rule: rule, kind: .limit, decisive: false, text: text, limit: kilometres, unit: "km"))
        }
        return out
    }
}
