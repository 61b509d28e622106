import Core
import Foundation
import Stock

/// The dealer's service menu: the parts a labour operation uses (the 5,000 km maintenance: oil 4, oil
/// filter 1). Booked work is priced, picked the day before and put on the repair order at check-in from it.
public struct ServiceMenuForm: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var part: String?
        public var quantity: Int?

        public init(part: String?, quantity: Int?) {
            self.part = part
            self.quantity = quantity
        }
    }

    /// The whole list of parts (it replaces the stored one; empty clears the menu).
    public var parts: [Item]?

    public init(parts: [Item]? = nil) { self.parts = parts }

    public enum Field: String, FormField, CaseIterable {
        case parts
    }

    /// The largest quantity of one part a menu item takes.
    public static let maximumQuantity = 999

    /// The parts, checked: each a part number and a whole quantity from 1 to 999, no part twice.
    public func validated() throws -> [(part: PartNumber, quantity: Int)] {
        guard let parts else {
            throw InvalidInput(field: Field.parts.rawValue, "is required (an empty list clears the menu)")
        }
        var seen = Set<String>()
        return try parts.map { item in
            let part = try PartNumber.parse(item.part?.trimmed() ?? "", field: Field.parts.rawValue)
            guard let quantity = item.quantity, (1...Self.maximumQuantity).contains(quantity) else {
                throw InvalidInput(
                    field: Field.parts.rawValue,
                    "the quantity of part \(part.value) must be a whole number from 1 to \(Self.maximumQuantity)")
            }
            guard seen.insert(part.compact).inserted else {
                throw InvalidInput(field: Field.parts.rawValue, "part \(part.value) is listed twice")
            }
            return (part, quantity)
        }
    }
}
