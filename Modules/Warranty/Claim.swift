import Core
import Foundation

/// A warranty claim's state (W-7): draft → submitted → approved / rejected (with reason) → paid;
/// a rejected claim can be resubmitted.
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    /// `cancelled`: withdrawn by the dealer before the manufacturer paid it (with a reason); its repair-order
    /// line may be claimed again.
    case draft, submitted, approved, rejected, paid, cancelled

    /// The state for people.
    public var spoken: Phrase {
        switch self {
        case .draft: "draft"
        case .submitted: "submitted"
        case .approved: "approved"
        case .rejected: "rejected"
        case .paid: "paid"
        case .cancelled: "cancelled"
        }
    }
}

/// What can be done to a claim.
public enum ClaimAction: String, Sendable, Codable, CaseIterable {
    case submit, approve, reject, pay, resubmit, cancel

    /// The transitions of W-7: (action, from) → to. A draft, or a claim the manufacturer rejected, can be cancelled.
    static let transitions: [(ClaimAction, ClaimStatus, ClaimStatus)] = [
        (.submit, .draft, .submitted), (.approve, .submitted, .approved), (.reject, .submitted, .rejected),
        (.pay, .approved, .paid), (.resubmit, .rejected, .submitted), (.cancel, .draft, .cancelled),
        (.cancel, .rejected, .cancelled),
    ]

    /// Whether the action needs a reason: the manufacturer's for a rejection, the dealer's for a cancel.
    public var needsReason: Bool { self == .reject || self == .cancel }

    /// Rule W-7: the state after this action, or a `Conflict` naming the actions allowed from `status`.
    public func apply(to status: ClaimStatus) throws -> ClaimStatus {
        if let transition = ClaimAction.transitions.first(where: { $0.0 == self && $0.1 == status }) {
            return transition.2
        }
        let actions = ClaimAction.transitions.filter { $0.1 == status }.map(\.0.rawValue)
        // The actions are commands (`aftersales claim submit`): said as they are.
        let allowed: Phrase =
            actions.isEmpty ? "none, the claim is closed" : Phrase(verbatim: actions.joined(separator: ", "))
        throw Conflict(field: "status", refusal(status.spoken, allowed: allowed))
    }

    /// W-7's refusal of this action on a claim in state `status`, with the actions allowed instead.
    func refusal(_ status: Phrase, allowed: Phrase) -> Phrase {
        switch self {
        case .submit: "a \(status) claim cannot be submitted (W-7); allowed: \(allowed)"
        case .approve: "a \(status) claim cannot be approved (W-7); allowed: \(allowed)"
        case .reject: "a \(status) claim cannot be rejected (W-7); allowed: \(allowed)"
        case .pay: "a \(status) claim cannot be paid (W-7); allowed: \(allowed)"
        case .resubmit: "a \(status) claim cannot be resubmitted (W-7); allowed: \(allowed)"
        case .cancel: "a \(status) claim cannot be cancelled (W-7); allowed: \(allowed)"
        }
    }
}

/// A line of a claim: a labour operation (hours × rate) or a part (quantity × price at the time).
public struct ClaimLine: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case labour, part

        /// The kind for people.
        public var spoken: Phrase {
            switch self {
            case .labour: "labour"
            case .part: "part"
            }
        }
    }
    public var kind: Kind
    /// Labour-operation code or part number.
    public var code: String
    /// Hundredths of an hour for labour; the quantity × 100 for parts.
    public var quantityHundredths: Int
    /// The labour rate per hour, or the part's price, in fen.
    public var unitPrice: Money
    /// Where the hours or the price came from, when it was not the catalogue as it stands: a flag the
    /// warranty administrator and the manufacturer see on the line.
    public var note: String?

    public init(kind: Kind, code: String, quantityHundredths: Int, unitPrice: Money, note: String? = nil) {
        self.kind = kind
        self.code = code
        self.quantityHundredths = quantityHundredths
        self.unitPrice = unitPrice
        self.note = note
    }

    /// quantity × unit price, rounded half-up to the fen.
    public var amount: Money {
        let product = Int64(quantityHundredths) * unitPrice.fen
        return Money(fen: (product + 50) / 100)
    }
}

/// What the imported catalogue says about a claim's lines, as plain values: the standard hours of the labour
/// operations for the vehicle's make and model, and the parts' prices in force on the day of the repair.
public struct ClaimCatalogue: Sendable, Equatable {
    /// Hundredths of an hour by operation code, for the vehicle.
    public var standardHours: [String: Int]
    /// Price by part number on the day.
    public var partPrices: [String: Money]
    /// Whether the catalogue has any labour operations for the make, and any parts at all: an unknown code is
    /// refused only when there is a catalogue to know it.
    public var hasLabour: Bool
    public var hasParts: Bool

    public init(standardHours: [String: Int], partPrices: [String: Money], hasLabour: Bool, hasParts: Bool) {
        self.standardHours = standardHours
        self.partPrices = partPrices
        self.hasLabour = hasLabour
        self.hasParts = hasParts
    }

    /// No catalogue imported: every line is priced as given and flagged so.
    public static let none = ClaimCatalogue(standardHours: [:], partPrices: [:], hasLabour: false, hasParts: false)

    /// The code (before any `:`) of a line as typed.
    public static func code(of text: String) -> String {
        String(text.split(separator: ":", omittingEmptySubsequences: false).first ?? "").trimmed()
    }
}

extension ClaimLine {
    /// Rule Q-1, W-7: a claim line priced from the catalogue. Labour is `CODE` (the catalogue's standard hours for the
    /// vehicle) or `CODE:HOURS`; a part is `NUMBER:QUANTITY` (the price in force on the day) or
    /// `NUMBER:QUANTITY:PRICE`. A code the catalogue does not know is refused when there is a catalogue; hours or a
    /// price that differ from it, or a line priced without one, are kept with a note saying so.
    public static func priced(
        _ text: String, kind: Kind, labourRate: Money, catalogue: ClaimCatalogue
    ) throws -> ClaimLine {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { String($0).trimmed() }
        let field = kind == .labour ? ClaimForm.Field.labour.rawValue : ClaimForm.Field.parts.rawValue
        guard let code = parts.first, !code.isEmpty else {
            throw InvalidInput(
                field: field,
                kind == .labour
                    ? "expected CODE or CODE:HOURS such as \"47 11 19 00:1.2\", got \"\(text)\""
                    : "expected NUMBER:QUANTITY[:PRICE] such as \"5Q0 611 701 C:2\", got \"\(text)\"")
        }
        func positiveHours(_ s: String) throws -> Int {
            guard let money = Money(yuan: s), money.fen > 0 else {
                throw InvalidInput(field: field, "hours \"\(s)\" is not a positive number with at most two decimals")
            }
            return Int(money.fen)
        }
        switch kind {
        case .labour:
            guard parts.count <= 2 else {
                throw InvalidInput(field: field, "expected CODE or CODE:HOURS, got \"\(text)\"")
            }
            let standard = catalogue.standardHours[code]
            if standard == nil, catalogue.hasLabour {
                throw InvalidInput(
                    field: field, "labour operation \(code) is not in the catalogue for this vehicle (Q-1)")
            }
            guard parts.count == 2 else {
                guard let standard else {
                    throw InvalidInput(
                        field: field, "no catalogue is imported to give \(code)'s hours: write CODE:HOURS")
                }
                return ClaimLine(kind: .labour, code: code, quantityHundredths: standard, unitPrice: labourRate)
            }
            let hours = try positiveHours(parts[1])
            let note =
                standard.map {
                    $0 == hours ? nil : "hours \(Self.decimal(hours)) given; the catalogue says \(Self.decimal($0))"
                }
                ?? "not in a catalogue; hours as given"
            return ClaimLine(kind: .labour, code: code, quantityHundredths: hours, unitPrice: labourRate, note: note)
        case .part:
            guard (2...3).contains(parts.count), let quantity = Int(parts[1]), quantity > 0 else {
                throw InvalidInput(
                    field: field, "expected NUMBER:QUANTITY[:PRICE] with a positive whole quantity, got \"\(text)\"")
            }
            let listed = catalogue.partPrices[code]
            if listed == nil, catalogue.hasParts {
                throw InvalidInput(field: field, "part \(code) is not in the catalogue (Q-1)")
            }
            guard parts.count == 3 else {
                guard let listed else {
                    throw InvalidInput(
                        field: field, "no catalogue is imported to give \(code)'s price: write NUMBER:QUANTITY:PRICE")
                }
                return ClaimLine(kind: .part, code: code, quantityHundredths: quantity * 100, unitPrice: listed)
            }
            guard let price = Money(yuan: parts[2]), price.fen > 0 else {
                throw InvalidInput(field: field, "price \"\(parts[2])\" is not an amount such as 86.00")
            }
            let note =
                listed.map { $0 == price ? nil : "price \(price) given; the catalogue says \($0)" }
                ?? "not in a catalogue; price as given"
            return ClaimLine(kind: .part, code: code, quantityHundredths: quantity * 100, unitPrice: price, note: note)
        }
    }

    /// Hundredths as a plain decimal: 120 → "1.2", 200 → "2".
    public static func decimal(_ hundredths: Int) -> String {
        let whole = hundredths / 100
        let rest = hundredths % 100
        guard rest != 0 else { return String(whole) }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : String(format: "%d.%02d", whole, rest)
    }
}

extension ClaimLine {
    /// A line's note as `priced` words it (stored in English), for people: the same words in English, translated in
    /// Chinese; the export to the manufacturer keeps the stored text.
    public static func spokenNote(_ note: String) -> Phrase {
        switch note {
        case "not in a catalogue; hours as given": return "not in a catalogue; hours as given"
        case "not in a catalogue; price as given": return "not in a catalogue; price as given"
        default: break
        }
        for (what, unit) in [("hours", "hours"), ("price", "price")] {
            let head = what + " "
            let middle = " given; the catalogue says "
            guard note.hasPrefix(head), let range = note.range(of: middle) else { continue }
            let given = String(note[note.index(note.startIndex, offsetBy: head.count)..<range.lowerBound])
            let listed = String(note[range.upperBound...])
            return unit == "hours"
                ? "hours \(given) given; the catalogue says \(listed)"
                : "price \(given) given; the catalogue says \(listed)"
        }
        return Phrase(verbatim: note)
    }
}
