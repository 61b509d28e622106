import Core

/// A change asked of a part's stock, with what each kind carries.
public enum StockChange: Sendable, Equatable {
    /// Parts in from a supplier, with the delivery note or supplier order reference.
    case receipt(quantity: Int, supplierRef: String)
    /// Parts out to a work order's part line.
    case issue(quantity: Int, to: OrderLine)
    /// Parts back from a work order's part line (not fitted).
    case `return`(quantity: Int, from: OrderLine)
    /// The count after a stocktake, and why it differs.
    case adjustment(counted: Int, reason: String)

    public var kind: MovementKind {
        switch self {
        case .receipt: .receipt
        case .issue: .issue
        case .return: .return
        case .adjustment: .adjustment
        }
    }
}

/// The rules of the parts counter: what a change does to the count on hand, and when it is refused.
public enum StockRules {
    /// What the rules need to know of a part besides the change.
    public struct Facts: Sendable, Equatable {
        public var part: PartNumber
        public var onHand: Int
        /// For a return: how many of the part the order line holds (issued less returned).
        public var heldByLine: Int
        /// The setting `stock.allow-negative`.
        public var allowNegative: Bool

        public init(part: PartNumber, onHand: Int, heldByLine: Int = 0, allowNegative: Bool = false) {
            self.part = part
            self.onHand = onHand
            self.heldByLine = heldByLine
            self.allowNegative = allowNegative
        }
    }

    /// The change to the count on hand `change` makes; throws `StockShortfall` for an issue beyond the count (unless
    /// negative counts are allowed) and `Conflict` for a return of more than the line holds.
    public static func delta(of change: StockChange, _ facts: Facts) throws -> Int {
        switch change {
        case .receipt(let quantity, _):
            return quantity
        case .issue(let quantity, let line):
            guard quantity <= facts.onHand || facts.allowNegative else {
                throw StockShortfall(part: facts.part, onHand: facts.onHand, asked: quantity, line: line)
            }
            return -quantity
        case .return(let quantity, let line):
            guard quantity <= facts.heldByLine else {
                throw Conflict(
                    field: "quantity",
                    "order \(line.order) line \(line.line) holds \(grouped: facts.heldByLine) of part "
                        + "\(facts.part.value) (issued less returned); \(grouped: quantity) cannot come back")
            }
            return quantity
        case .adjustment(let counted, _):
            return counted - facts.onHand
        }
    }
}

/// An issue beyond the count on hand: which part, how many are on hand and how many were asked.
public struct StockShortfall: AfterSalesError, Equatable {
    public let part: PartNumber
    public let onHand: Int
    public let asked: Int
    public let line: OrderLine
    public var kind: ErrorKind { .conflict }
    public var field: String? { "quantity" }

    public init(part: PartNumber, onHand: Int, asked: Int, line: OrderLine) {
        self.part = part
        self.onHand = onHand
        self.asked = asked
        self.line = line
    }

    /// How many are missing for the issue to go through.
    public var missing: Int { asked - max(onHand, 0) }

    public var phrase: Phrase {
        "part \(part.value): \(grouped: onHand) on hand, \(grouped: asked) asked for order \(line.order) line "
            + "\(line.line); receive stock first, record the shortage (Q-7), or let the parts manager allow a "
            + "negative count (`stock.allow-negative`)"
    }
}
