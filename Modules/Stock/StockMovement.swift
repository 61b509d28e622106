import Core
import Foundation

/// What moved stock: a receipt from a supplier, an issue to a work order's part line, a return from one, or an
/// adjustment after a count.
public enum MovementKind: String, CaseIterable, Codable, Sendable {
    case receipt, issue, `return`, adjustment

    /// The kind as the parts counter says it (入库, 领料, 退料, 盘点调整).
    public var spoken: Phrase {
        switch self {
        case .receipt: Phrase("receipt", context: "stock movement")
        case .issue: Phrase("issue", context: "stock movement")
        case .return: Phrase("return", context: "stock movement")
        case .adjustment: Phrase("adjustment", context: "stock movement")
        }
    }
}

/// A work order's part line, as stock knows it: the order's number and the line's number, plain values (the work
/// order area owns what they mean).
public struct OrderLine: Hashable, Sendable, Codable, CustomStringConvertible {
    public var order: String
    public var line: Int

    public init(order: String, line: Int) {
        self.order = order
        self.line = line
    }

    public var description: String { "\(order)/\(line)" }
}

/// One entry of the stock journal: the count on hand changed by `quantity` (positive in, negative out). The count on
/// hand is always the sum of a part's movements.
public struct StockMovement: Sendable, Codable, Equatable {
    public var id: Int64?
    public var part: PartNumber
    public var kind: MovementKind
    /// The change to the count on hand: + for receipts and returns, − for issues; an adjustment either way.
    public var quantity: Int
    /// The count on hand after this movement.
    public var onHandAfter: Int
    /// A receipt's delivery note or supplier order reference.
    public var supplierRef: String?
    /// An issue's or a return's work order.
    public var order: String?
    /// An issue's or a return's part line on that order.
    public var line: Int?
    /// Why an adjustment was made (the count, breakage, …).
    public var reason: String?
    public var at: Date
    public var actor: String

    public init(
        id: Int64? = nil, part: PartNumber, kind: MovementKind, quantity: Int, onHandAfter: Int,
        supplierRef: String? = nil, order: String? = nil, line: Int? = nil, reason: String? = nil, at: Date,
        actor: String
    ) {
        self.id = id
        self.part = part
        self.kind = kind
        self.quantity = quantity
        self.onHandAfter = onHandAfter
        self.supplierRef = supplierRef
        self.order = order
        self.line = line
        self.reason = reason
        self.at = at
        self.actor = actor
    }

    /// The order line an issue or a return concerns.
    public var orderLine: OrderLine? {
        guard let order, let line else { return nil }
        return OrderLine(order: order, line: line)
    }
}
