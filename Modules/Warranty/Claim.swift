import Foundation
import Core

/// A warranty claim's state (W-7): draft → submitted → approved / rejected (with reason) → paid;
/// a rejected claim can be resubmitted.
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    case draft, submitted, approved, rejected, paid
}

/// What can be done to a claim.
public enum ClaimAction: String, Sendable, Codable, CaseIterable {
    case submit, approve, reject, pay, resubmit

    /// The transitions of W-7: (action, from) → to.
    static let transitions: [(ClaimAction, ClaimStatus, ClaimStatus)] = [
        (.submit, .draft, .submitted), (.approve, .submitted, .approved), (.reject, .submitted, .rejected),
        (.pay, .approved, .paid), (.resubmit, .rejected, .submitted),
    ]

    /// Rule W-7: the state after this action, or a `Conflict` naming the actions allowed from `status`.
    public func apply(to status: ClaimStatus) throws -> ClaimStatus {
        if let transition = ClaimAction.transitions.first(where: { $0.0 == self && $0.1 == status }) { return transition.2 }
        let allowed = ClaimAction.transitions.filter { $0.1 == status }.map(\.0.rawValue)
        throw Conflict(field: "status", "a \(status.rawValue) claim cannot be \(pastTense) (W-7); allowed: \(allowed.isEmpty ? "none, the claim is closed" : allowed.joined(separator: ", "))")
    }

    var pastTense: String {
        switch self {
        case .submit: return "submitted"
        case .approve: return "approved"
        case .reject: return "rejected"
        case .pay: return "paid"
        case .resubmit: return "resubmitted"
        }
    }
}

/// A line of a claim: a labour operation (hours × rate) or a part (quantity × price at the time).
public struct ClaimLine: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case labour, part }
    public var kind: Kind
    /// Labour-operation code or part number.
    public var code: String
    /// Hundredths of an hour for labour; the quantity × 100 for parts.
    public var quantityHundredths: Int
    /// The labour rate per hour, or the part's price, in fen.
    public var unitPrice: Money

    public init(kind: Kind, code: String, quantityHundredths: Int, unitPrice: Money) {
        self.kind = kind
        self.code = code
        self.quantityHundredths = quantityHundredths
        self.unitPrice = unitPrice
    }

    /// quantity × unit price, rounded half-up to the fen (Q-1).
    public var amount: Money {
        let product = Int64(quantityHundredths) * unitPrice.fen
        return Money(fen: (product + 50) / 100)
    }

    /// Parses `CODE:HOURS` (labour) or `NUMBER:QUANTITY:PRICE` (part); throws `InvalidInput`.
    public static func parse(_ text: String, kind: Kind, labourRate: Money) throws -> ClaimLine {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmed() }
        let field = kind == .labour ? "labour" : "part"
        func hundredths(_ s: String, what: String) throws -> Int {
            guard let money = Money(yuan: s), money.fen > 0 else { throw InvalidInput(field: field, "\(what) \"\(s)\" is not a positive number with at most two decimals") }
            return Int(money.fen)
        }
        switch kind {
        case .labour:
            guard parts.count == 2, !parts[0].isEmpty else { throw InvalidInput(field: field, "expected CODE:HOURS such as \"47 11 19 00:1.2\", got \"\(text)\"") }
            return ClaimLine(kind: .labour, code: parts[0], quantityHundredths: try hundredths(parts[1], what: "hours"), unitPrice: labourRate)
        case .part:
            guard parts.count == 3, !parts[0].isEmpty else { throw InvalidInput(field: field, "expected NUMBER:QUANTITY:PRICE such as \"5Q0 611 701 C:2:86.00\", got \"\(text)\"") }
            guard let quantity = Int(parts[1]), quantity > 0 else { throw InvalidInput(field: field, "quantity \"\(parts[1])\" is not a positive whole number") }
            guard let price = Money(yuan: parts[2]) else { throw InvalidInput(field: field, "price \"\(parts[2])\" is not an amount such as 86.00") }
            return ClaimLine(kind: .part, code: parts[0], quantityHundredths: quantity * 100, unitPrice: price)
        }
    }
}
