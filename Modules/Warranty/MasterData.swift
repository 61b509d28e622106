import Core

/// The manufacturer's parts warranty (W-3) for a make, or one model of it: a part bought and fitted at an
/// authorised dealer is covered `months` from fitting, for parts fitted on or after `effective`.
/// Without one, the setting `warranty.parts.months` applies. Key: make, model and effective date.
public struct PartsWarrantyTerm: Sendable, Codable, Equatable {
    public var make: String
    public var model: String?
    public var months: Int
    public var effective: LocalDate

    public init(make: String, model: String? = nil, months: Int, effective: LocalDate) {
        self.make = make
        self.model = model
        self.months = months
        self.effective = effective
    }

    public func validate() throws {
        guard !make.trimmed().isEmpty else { throw InvalidInput(field: "make", "must not be empty") }
        guard (1...240).contains(months) else {
            throw InvalidInput(field: "months", "expected 1 to 240, got \(months)")
        }
    }

    /// Rule W-3: the manufacturer's parts-warranty term for a part fitted on `fitted` to a vehicle of `make` and
    /// `model`: a model's term before its make's, then the newest effective on or before fitting; nil when the
    /// manufacturer gives none (the setting then applies).
    public static func select(
        from terms: [PartsWarrantyTerm], make: String, model: String, fitted: LocalDate
    ) -> PartsWarrantyTerm? {
        func fold(_ s: String) -> String { s.trimmed().lowercased() }
        return terms.filter {
            $0.effective <= fitted && fold($0.make) == fold(make) && ($0.model == nil || fold($0.model!) == fold(model))
        }
        .max { a, b in (a.model == nil ? 0 : 1, a.effective) < (b.model == nil ? 0 : 1, b.effective) }
    }
}

/// A vehicle of the manufacturer's master data (by VIN): the manufacturer's make and model names, model year
/// and build date, kept apart from the dealer's vehicle cards and used before them to match bulletins.
public struct MasterVehicle: Sendable, Codable, Equatable {
    public var vin: VIN
    public var make: String
    public var model: String
    public var year: Int?
    public var built: LocalDate?

    public init(vin: VIN, make: String, model: String, year: Int? = nil, built: LocalDate? = nil) {
        self.vin = vin
        self.make = make
        self.model = model
        self.year = year
        self.built = built
    }
}
