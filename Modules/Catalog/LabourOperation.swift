import Core

/// One operation of the manufacturer's labour catalogue: standard hours for a job on a make, or on one model
/// of it (MANUFACTURER-XML.md, LabourOperations). Key: code, make and model.
public struct LabourOperation: Sendable, Codable, Equatable {
    public var code: String
    public var make: String
    /// nil: every model of the make.
    public var model: String?
    /// Standard time in hundredths of an hour (0.8 h = 80).
    public var centihours: Int
    public var description: String

    public init(code: String, make: String, model: String? = nil, centihours: Int, description: String) {
        self.code = code
        self.make = make
        self.model = model
        self.centihours = centihours
        self.description = description
    }

    /// The catalogue key as one text, for messages and the audit log: `code @ make/model`.
    public var key: String { "\(code) @ \(make)/\(model ?? "*")" }

    /// Rule Q-1: the price of the operation is its standard hours × the dealer's labour rate, rounded half-up to the
    /// fen.
    public func price(labourRate: Money) -> Money {
        Money(fen: Pricing.roundHalfUp(Int64(centihours) * labourRate.fen, dividedBy: 100))
    }

    /// Checks what the schema cannot: texts present after trimming, hours above zero.
    public func validate() throws {
        for (field, value) in [("code", code), ("make", make), ("description", description)]
        where value.trimmed().isEmpty {
            throw InvalidInput(field: field, "is required")
        }
        guard centihours > 0 else { throw InvalidInput(field: "hours", "must be above zero") }
    }
}

/// Rule Q-1's arithmetic, in one place: lines are rounded half-up to the fen.
public enum Pricing {
    /// `value / divisor` rounded half-up (away from zero on ties), for non-negative divisors.
    public static func roundHalfUp(_ value: Int64, dividedBy divisor: Int64) -> Int64 {
        let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
        if remainder * 2 >= divisor { return quotient + 1 }
        if remainder * 2 <= -divisor { return quotient - 1 }
        return quotient
    }

    /// Q-1: a parts line is quantity × catalogue price.
    public static func partsLine(quantity: Int, unitPrice: Money) -> Money {
        Money(fen: Int64(quantity) * unitPrice.fen)
    }
}
