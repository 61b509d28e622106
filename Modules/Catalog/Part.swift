import Core

/// A part of the manufacturer's catalogue with its current price (MANUFACTURER-XML.md, Parts). Key: part number.
/// A changed price is kept with the day it took effect, so a quote or claim keeps the price it was made with.
public struct CatalogPart: Sendable, Codable, Equatable {
    public var number: String
    public var name: String
    public var price: Money
    /// ISO 4217, as the file says (CNY for a Chinese dealer).
    public var currency: String

    public init(number: String, name: String, price: Money, currency: String) {
        self.number = number
        self.name = name
        self.price = price
        self.currency = currency
    }

    public func validate() throws {
        for (field, value) in [("number", number), ("name", name)] where value.trimmed().isEmpty {
            throw InvalidInput(field: field, "is required")
        }
        guard price.fen > 0 else { throw InvalidInput(field: "price", "must be above zero") }
        guard currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw InvalidInput(
                field: "currency", "expected a three-letter ISO 4217 code such as CNY, got \"\(currency)\"")
        }
    }
}

/// One price a part had from a day on.
public struct PartPrice: Sendable, Codable, Equatable {
    public var price: Money
    public var currency: String
    public var effective: LocalDate
    /// The import (or person) that set it.
    public var source: String

    public init(price: Money, currency: String, effective: LocalDate, source: String) {
        self.price = price
        self.currency = currency
        self.effective = effective
        self.source = source
    }

    /// The price in force on a day: the newest price effective on or before it.
    public static func inForce(on day: LocalDate, among history: [PartPrice]) -> PartPrice? {
        history.filter { $0.effective <= day }.max { $0.effective < $1.effective }
    }
}
