import Core
import Foundation

/// A part missing for a work order's part line: recorded when an issue is short, so the order can name it as its
/// delay reason, and routed like a parts complaint to the parts manager (K-5). Closed when the line's issue
/// goes through.
public struct Shortage: Sendable, Codable, Equatable {
    public var id: Int64?
    public var part: PartNumber
    public var order: String
    public var line: Int
    /// How many are missing: asked less what was on hand.
    public var missing: Int
    public var onHand: Int
    public var asked: Int
    public var recordedAt: Date
    public var recordedBy: String
    /// Who must act on it (K-5: a parts shortage goes to the parts manager).
    public var routedTo: Role
    public var resolvedAt: Date?

    public init(
        id: Int64? = nil, part: PartNumber, order: String, line: Int, missing: Int, onHand: Int, asked: Int,
        recordedAt: Date, recordedBy: String, routedTo: Role = Shortage.owner, resolvedAt: Date? = nil
    ) {
        self.id = id
        self.part = part
        self.order = order
        self.line = line
        self.missing = missing
        self.onHand = onHand
        self.asked = asked
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.routedTo = routedTo
        self.resolvedAt = resolvedAt
    }

    /// Rule K-5: a repair delayed by a missing part is the parts manager's.
    public static let owner: Role = .partsManager

    /// The shortage a refused issue leaves, recorded at `at` by `actor`.
    public init(_ shortfall: StockShortfall, at: Date, by actor: String) {
        self.init(
            part: shortfall.part, order: shortfall.line.order, line: shortfall.line.line,
            missing: shortfall.missing, onHand: shortfall.onHand, asked: shortfall.asked, recordedAt: at,
            recordedBy: actor)
    }

    public var isOpen: Bool { resolvedAt == nil }

    /// The order's delay reason, as the work order will show it.
    public var delayReason: Phrase {
        "parts shortage (Q-7): \(grouped: missing) × part \(part.value) missing for line \(line)"
    }
}
