import Core

/// A manufacturer bulletin (W-6): recall, service campaign, technical service bulletin or warranty
/// extension, identified by manufacturer and number, with a revision (MANUFACTURER-XML.md).
public struct Bulletin: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case recall, campaign, tsb, `extension`
        /// Recalls and service campaigns are work to do on a vehicle: they can be open.
        public var canBeOpen: Bool { self == .recall || self == .campaign }

        /// The kind for people: `recall` in English, 召回 in Chinese.
        public var spoken: Phrase {
            switch self {
            case .recall: "recall"
            // "campaign" alone is the marketing campaign (营销活动); a bulletin's is a service campaign (服务活动): the
            // empty argument gives it a key of its own, `campaign{0}`, with the same English.
            case .campaign: "campaign\(verbatim: "")"
            case .tsb: "tsb"
            case .extension: "extension"
            }
        }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case active, withdrawn

        /// The state for people.
        public var spoken: Phrase {
            switch self {
            case .active: "active"
            case .withdrawn: "withdrawn"
            }
        }
    }

    public struct ModelCriterion: Sendable, Codable, Hashable {
        public var make: String
        public var name: String
        public var yearFrom: Int?
        public var yearTo: Int?
        public init(make: String, name: String, yearFrom: Int? = nil, yearTo: Int? = nil) {
            self.make = make
            self.name = name
            self.yearFrom = yearFrom
            self.yearTo = yearTo
        }
    }

    public struct BuiltCriterion: Sendable, Codable, Hashable {
        public var from: LocalDate?
        public var to: LocalDate?
        public init(from: LocalDate?, to: LocalDate?) {
            self.from = from
            self.to = to
        }
    }

    public struct Labour: Sendable, Codable, Hashable {
        public var code: String
        /// Hundredths of an hour (1.2 h = 120).
        public var centihours: Int
        public init(code: String, centihours: Int) {
            self.code = code
            self.centihours = centihours
        }
    }

    public struct Part: Sendable, Codable, Hashable {
        public var number: String
        public var quantity: Int
        public init(number: String, quantity: Int) {
            self.number = number
            self.quantity = quantity
        }
    }

    public var manufacturer: String
    public var number: String
    public var kind: Kind
    public var revision: Int
    public var issued: LocalDate
    public var status: Status
    public var title: String
    public var component: String
    public var summary: String
    public var consequence: String?
    public var remedy: String
    public var models: [ModelCriterion]
    public var built: [BuiltCriterion]
    public var vinRanges: [VinRange]
    /// Listed VINs; in storage they live in their own indexed table (lists may hold millions).
    public var vins: [VIN]
    public var labour: [Labour]
    public var parts: [Part]
    /// For `extension`: the limits the component's coverage is extended to, from the warranty start.
    public var extensionMonths: Int?
    public var extensionKilometres: Int?

    public init(
        manufacturer: String, number: String, kind: Kind, revision: Int, issued: LocalDate, status: Status = .active,
        title: String, component: String, summary: String, consequence: String? = nil, remedy: String,
        models: [ModelCriterion] = [], built: [BuiltCriterion] = [], vinRanges: [VinRange] = [], vins: [VIN] = [],
        labour: [Labour] = [], parts: [Part] = [], extensionMonths: Int? = nil, extensionKilometres: Int? = nil
    ) {
        self.manufacturer = manufacturer
        self.number = number
        self.kind = kind
        self.revision = revision
        self.issued = issued
        self.status = status
        self.title = title
        self.component = component
        self.summary = summary
        self.consequence = consequence
        self.remedy = remedy
        self.models = models
        self.built = built
        self.vinRanges = vinRanges
        self.vins = vins
        self.labour = labour
        self.parts = parts
        self.extensionMonths = extensionMonths
        self.extensionKilometres = extensionKilometres
    }

    /// Checks the bulletin as MANUFACTURER-XML.md defines it; throws `InvalidInput` naming the field.
    /// `vinsListedApart` counts the VINs of its list that are not in `vins`: a list of millions travels apart from
    /// the bulletin (a file delivers it in batches after the header, storage keeps it in its own table), and a
    /// bulletin that applies by its VIN list alone is valid by that list (W-6).
    public func validate(vinsListedApart: Int = 0) throws {
        for (field, value) in [
            ("number", number), ("title", title), ("component", component), ("summary", summary), ("remedy", remedy),
            ("manufacturer", manufacturer),
        ]
        where value.trimmed().isEmpty {
            throw InvalidInput(field: field, "is required")
        }
        guard revision >= 1 else { throw InvalidInput(field: "revision", "must be 1 or more") }
        // W-6: "An Applies with no element is an error"; a VIN list, however it travels, is an element.
        guard !(models.isEmpty && built.isEmpty && vinRanges.isEmpty && vins.isEmpty && vinsListedApart == 0) else {
            throw InvalidInput(
                field: "applies",
                "a bulletin must say which vehicles it applies to (model, built dates, VIN range or VINs)")
        }
        if kind == .extension {
            guard let months = extensionMonths, let km = extensionKilometres, months > 0, km > 0 else {
                throw InvalidInput(field: "extension", "a warranty extension needs its months and kilometres")
            }
        }
        for criterion in built {
            if let from = criterion.from, let to = criterion.to, from > to {
                throw InvalidInput(field: "built", "from \(from) is after to \(to)")
            }
        }
        for model in models {
            guard !model.make.trimmed().isEmpty, !model.name.trimmed().isEmpty else {
                throw InvalidInput(field: "model", "must not be empty")
            }
            if let from = model.yearFrom, let to = model.yearTo, from > to {
                throw InvalidInput(field: "model", "yearFrom \(from) is after yearTo \(to)")
            }
        }
    }

    /// Content comparison for revisions: the elements of Applies compare as sets.
    public func sameContent(as other: Bulletin) -> Bool {
        var a = self, b = other
        a.models.sort { "\($0)" < "\($1)" }; b.models.sort { "\($0)" < "\($1)" }
        a.built.sort { "\($0)" < "\($1)" }; b.built.sort { "\($0)" < "\($1)" }
        a.vinRanges.sort { $0.from < $1.from }; b.vinRanges.sort { $0.from < $1.from }
        a.vins.sort(); b.vins.sort()
        return a == b
    }
}

/// A VIN range: `from` and `to` agree in positions 1-8 and 10-11 (position 9, the check digit, is
/// ignored); a VIN is inside when those positions agree and its serial (12-17) lies between, inclusive.
public struct VinRange: Sendable, Codable, Hashable {
    public let from: VIN
    public let to: VIN

    /// Decoded through the same checks as `init(from:to:)`: a range that runs backwards or whose ends differ outside
    /// the serial is refused with `InvalidInput`, never stored (matching buckets by serial relies on it).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            from: try container.decode(VIN.self, forKey: .from), to: try container.decode(VIN.self, forKey: .to))
    }

    public init(from: VIN, to: VIN) throws {
        guard VinRange.key(from) == VinRange.key(to) else {
            throw InvalidInput(
                field: "vinRange", "\(from) and \(to) differ outside the serial (positions 1-8 and 10-11 must agree)")
        }
        guard VinRange.serial(from) <= VinRange.serial(to) else {
            throw InvalidInput(field: "vinRange", "from \(from) comes after to \(to)")
        }
        self.from = from
        self.to = to
    }

    /// Positions 1-8 and 10-11.
    public static func key(_ vin: VIN) -> String {
        let b = Array(vin.value.utf8)
        return String(decoding: b[0..<8] + b[9..<11], as: UTF8.self)
    }

    /// Positions 12-17, compared as ASCII.
    public static func serial(_ vin: VIN) -> String { String(vin.value.suffix(6)) }

    public func contains(_ vin: VIN) -> Bool {
        VinRange.key(vin) == VinRange.key(from) && VinRange.serial(vin) >= VinRange.serial(from)
            && VinRange.serial(vin) <= VinRange.serial(to)
    }
}

/// What is known of a vehicle for bulletin matching: the manufacturer's master data where known, else the card.
public struct VehicleFacts: Sendable, Equatable {
    public var vin: VIN
    public var make: String
    public var model: String
    public var modelYear: Int?
    public var built: LocalDate?

    public init(vin: VIN, make: String, model: String, modelYear: Int?, built: LocalDate?) {
        self.vin = vin
        self.make = make
        self.model = model
        self.modelYear = modelYear
        self.built = built
    }
}

/// How a bulletin relates to a vehicle.
public enum Applicability: Sendable, Equatable, Codable {
    case applies
    /// Every other criterion matches but one cannot be decided (a `Built` criterion and no build date, or a
    /// model-year limit and no model year).
    case possible(String)
    case notApplicable(String)

    public var matches: Bool { if case .notApplicable = self { return false } else { return true } }
}

extension Bulletin {
    /// Rule W-6 as MANUFACTURER-XML.md defines it: the vehicle must match every kind of criterion present
    /// (Model, Built, VIN selection); within a kind any one element is enough. `listed` says whether the VIN
    /// is on the bulletin's VIN list (which storage looks up by index). A withdrawn bulletin applies to nothing.
    public func applicability(to vehicle: VehicleFacts, listed: Bool) -> Applicability {
        guard status == .active else { return .notApplicable("withdrawn") }
        func fold(_ s: String) -> String { s.trimmed().lowercased() }
        var undecided: [String] = []
        if !models.isEmpty {
            let named = models.filter { fold($0.make) == fold(vehicle.make) && fold($0.name) == fold(vehicle.model) }
            let match = named.contains { m in
                guard let year = vehicle.modelYear else { return m.yearFrom == nil && m.yearTo == nil }
                return (m.yearFrom.map { year >= $0 } ?? true) && (m.yearTo.map { year <= $0 } ?? true)
            }
            if !match {
                // Rule W-6: a model-year limit and no known model year is a possible match, as an unknown
                // build date is.
                guard vehicle.modelYear == nil, !named.isEmpty else {
                    let year = vehicle.modelYear.map(String.init) ?? ""
                    return .notApplicable("model \(vehicle.make) \(vehicle.model) \(year) not listed")
                }
                undecided.append(Self.modelYearsUnknown(named.map { ($0.yearFrom, $0.yearTo) }))
            }
        }
        if !vinRanges.isEmpty || !vins.isEmpty || listed {
            let inRange = vinRanges.contains { $0.contains(vehicle.vin) }
            if !(listed || inRange || vins.contains(vehicle.vin)) {
                return .notApplicable("VIN not in the bulletin's ranges or list")
            }
        }
        if !built.isEmpty {
            if let day = vehicle.built {
                let match = built.contains { ($0.from.map { day >= $0 } ?? true) && ($0.to.map { day <= $0 } ?? true) }
                if !match { return .notApplicable("built \(day), outside the bulletin's build dates") }
            } else {
                undecided.append(Self.buildDateUnknown(built.map { ($0.from, $0.to) }))
            }
        }
        return undecided.isEmpty ? .applies : .possible(undecided.joined(separator: "; "))
    }

    /// Why a match is only possible: the model-year limits of the vehicle's model, and no model year known.
    /// Shared with the indexed lookup in storage, so both word it alike.
    public static func modelYearsUnknown(_ limits: [(from: Int?, to: Int?)]) -> String {
        var seen = Set<String>()
        let texts = limits.sorted { ($0.from ?? 0, $0.to ?? 9999) < ($1.from ?? 0, $1.to ?? 9999) }
            .map { "\($0.from.map(String.init) ?? "…")–\($0.to.map(String.init) ?? "…")" }
            .filter { seen.insert($0).inserted }
        return "model years \(texts.joined(separator: ", ")) but the model year is unknown"
    }

    /// Why a match is only possible: the bulletin's build dates, and no build date known.
    public static func buildDateUnknown(_ ranges: [(from: LocalDate?, to: LocalDate?)]) -> String {
        let texts = ranges.map { "\($0.from?.description ?? "…")–\($0.to?.description ?? "…")" }
        return "built dates \(texts.joined(separator: ", ")) but the build date is unknown"
    }
}

extension Bulletin {
    /// A vehicle's match as storage words it (`applies`, `possible: <why>`), for people: the same words in English,
    /// translated in Chinese. JSON keeps the English text.
    public static func spokenMatch(_ text: String) -> Phrase {
        if text == "applies" { return "applies" }
        if text.hasPrefix("possible: ") { return "possible: \(spokenUndecided(String(text.dropFirst(10))))" }
        return Phrase(verbatim: text)
    }

    /// Why a match is only possible (`modelYearsUnknown`, `buildDateUnknown`, joined by "; "), for people.
    public static func spokenUndecided(_ why: String) -> Phrase {
        let parts = why.components(separatedBy: "; ").map { part -> Phrase in
            let models = ("model years ", " but the model year is unknown")
            let built = ("built dates ", " but the build date is unknown")
            if part.hasPrefix(models.0), part.hasSuffix(models.1) {
                return "model years \(String(part.dropFirst(models.0.count).dropLast(models.1.count))) "
                    + "but the model year is unknown"
            }
            if part.hasPrefix(built.0), part.hasSuffix(built.1) {
                return "built dates \(String(part.dropFirst(built.0.count).dropLast(built.1.count))) "
                    + "but the build date is unknown"
            }
            return Phrase(verbatim: part)
        }
        return Phrase.joined(parts, separator: "; ")
    }
}
