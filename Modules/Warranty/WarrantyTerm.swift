import Core
import Customers

/// A manufacturer's vehicle warranty term (W-1): per make, optionally model, and usage at delivery;
/// months or kilometres, whichever comes first; applies to vehicles delivered on or after `effective`.
public struct WarrantyTerm: Sendable, Codable, Equatable {
    public var make: String
    /// nil: every model of the make.
    public var model: String?
    public var usage: Usage
    public var months: Int
    public var kilometres: Int
    public var effective: LocalDate
    /// Where it came from: `W-1 default`, `manual`, an import.
    public var source: String

    public init(
        make: String, model: String? = nil, usage: Usage, months: Int, kilometres: Int, effective: LocalDate,
        source: String
    ) {
        self.make = make
        self.model = model
        self.usage = usage
        self.months = months
        self.kilometres = kilometres
        self.effective = effective
        self.source = source
    }

    /// W-1's defaults for any make (`*`): taxi and ride-hailing 12 months or 100,000 km; other use 24 months or 60,000
    /// km.
    public static let defaults: [WarrantyTerm] = [
        WarrantyTerm(
            make: "*", usage: .taxi, months: 12, kilometres: 100_000, effective: LocalDate("2000-01-01")!,
            source: "W-1 default"),
        WarrantyTerm(
            make: "*", usage: .private, months: 24, kilometres: 60_000, effective: LocalDate("2000-01-01")!,
            source: "W-1 default"),
        WarrantyTerm(
            make: "*", usage: .commercial, months: 24, kilometres: 60_000, effective: LocalDate("2000-01-01")!,
            source: "W-1 default"),
    ]

    /// Checks the limits; throws `InvalidInput`.
    public func validate() throws {
        guard !make.trimmed().isEmpty else { throw InvalidInput(field: "make", "must not be empty") }
        // nil is every model of the make; an empty name would be a term no vehicle ever matches.
        if let model, model.trimmed().isEmpty { throw InvalidInput(field: "model", "must not be empty") }
        guard (1...240).contains(months) else {
            throw InvalidInput(field: "months", "expected 1 to 240, got \(months)")
        }
        guard (1...2_000_000).contains(kilometres) else {
            throw InvalidInput(field: "kilometres", "expected 1 to 2,000,000, got \(kilometres)")
        }
    }

    /// L-1/L-2: for household cars, what the term falls short of the legal repair period, or nil.
    public func legalShortfall(_ legal: LegalPeriods) -> String? { legalFlag(legal)?.rendered() }

    /// L-1/L-2: `legalShortfall` as a phrase, said in the language of whoever reads it.
    public func legalFlag(_ legal: LegalPeriods) -> Phrase? {
        guard usage == .private else { return nil }
        var parts: [Phrase] = []
        if months < legal.repairMonths {
            parts.append("\(months) months is shorter than the legal \(legal.repairMonths)")
        }
        if kilometres < legal.repairKilometres {
            parts.append(
                "\(grouped: kilometres) km is less than the legal \(grouped: legal.repairKilometres)")
        }
        return parts.isEmpty
            ? nil
            : "household-car term below the legal repair period (L-2): \(Phrase.joined(parts, separator: "; "))"
                + "; the legal minimum applies"
    }

    /// Where a term came from, for people: `W-1 default`, `manual`, `api`, `import of FILE` said in the language of
    /// the moment (the stored text is English).
    public static func spokenSource(_ source: String) -> Phrase {
        let imported = "import of "
        if source.hasPrefix(imported) { return "import of \(String(source.dropFirst(imported.count)))" }
        return ["W-1 default", "manual", "api"].contains(source) ? Phrase(key: source) : Phrase(verbatim: source)
    }

    /// Rule W-1: the term for a vehicle: terms of its make (or `*`) and usage in force at delivery; a
    /// model-specific term beats a make-wide one, a make's term beats `*`, then the newest `effective` wins.
    public static func select(
        from terms: [WarrantyTerm], make: String, model: String, usage: Usage, delivered: LocalDate
    ) -> WarrantyTerm? {
        func fold(_ s: String) -> String { s.trimmed().lowercased() }
        let candidates = terms.filter {
            $0.usage == usage && $0.effective <= delivered
                && ($0.make == "*" || fold($0.make) == fold(make))
                && ($0.model == nil || fold($0.model!) == fold(model))
        }
        return candidates.max { a, b in
            let rankA = (a.make == "*" ? 0 : 2) + (a.model == nil ? 0 : 1)
            let rankB = (b.make == "*" ? 0 : 2) + (b.model == nil ? 0 : 1)
            return rankA != rankB ? rankA < rankB : a.effective < b.effective
        }
    }
}

/// The legal periods for household cars (L-2). Legal minimums: a dealer may only make them more generous.
public struct LegalPeriods: Sendable, Equatable, Codable {
    /// 包修期: repair period.
    public var repairMonths: Int
    public var repairKilometres: Int
    /// 三包有效期: the 三包 period.
    public var sanbaoMonths: Int
    public var sanbaoKilometres: Int

    public init(
        repairMonths: Int = 36, repairKilometres: Int = 60_000, sanbaoMonths: Int = 24, sanbaoKilometres: Int = 50_000
    ) {
        self.repairMonths = repairMonths
        self.repairKilometres = repairKilometres
        self.sanbaoMonths = sanbaoMonths
        self.sanbaoKilometres = sanbaoKilometres
    }

    /// The legal minimums of SAMR Order 43 (2021).
    public static let minimum = LegalPeriods()

    public init(settings: DealerSettings) {
        self.init(
            repairMonths: settings.integer(.legalRepairMonths),
            repairKilometres: settings.integer(.legalRepairKilometres),
            sanbaoMonths: settings.integer(.legalSanbaoMonths),
            sanbaoKilometres: settings.integer(.legalSanbaoKilometres))
    }
}
