import Catalog
import Core
import Warranty

/// A line of a repair order: a labour operation (standard hours × labour rate, model-specific where the
/// catalogue says so), a part (quantity × the catalogue price in force on the day) or other work (sublet, materials)
/// with its reason, each with its payer. A warranty line carries the decision that covers it, frozen (W-8).
public struct WorkOrderLine: Sendable, Codable, Equatable {
    /// The line's number within its order (1, 2, …), what people type.
    public var number: Int
    /// The job (its number within the order) the line belongs to.
    public var job: Int
    public var kind: LineKind
    /// The labour-operation code, the part number, or a short code for other work (`SUBLET`, `MATERIAL`).
    public var code: String
    public var description: String
    /// Hundredths: of an hour for labour (0.8 h = 80), of a unit for parts and other work (2 = 200).
    public var quantityHundredths: Int
    /// The labour rate per hour, or the part's or other work's unit price.
    public var unitPrice: Money
    public var payer: Payer
    /// Other work's reason (sublet to whom, which materials); a move off warranty's reason.
    public var reason: String?
    /// The decision that put the line on warranty, frozen when it was (W-8).
    public var decision: WarrantyDecision?
    /// The component the warranty check ran for (W-3, W-8).
    public var component: String?
    /// The recall or campaign whose remedy the line is (W-6).
    public var bulletin: String?
    /// The quote version the line was first quoted in; nil while not yet quoted.
    public var quotedIn: Int?
    /// A part line: how many the parts counter issued to it (issued less returned, whole units), read from the stock
    /// journal; nil for other lines.
    public var issued: Int?

    /// A part line not yet issued in full.
    public var awaitsIssue: Bool { kind == .part && (issued ?? 0) * 100 < quantityHundredths }

    public init(
        number: Int, job: Int, kind: LineKind, code: String, description: String, quantityHundredths: Int,
        unitPrice: Money, payer: Payer, reason: String? = nil, decision: WarrantyDecision? = nil,
        component: String? = nil, bulletin: String? = nil, quotedIn: Int? = nil
    ) {
        self.number = number
        self.job = job
        self.kind = kind
        self.code = code
        self.description = description
        self.quantityHundredths = quantityHundredths
        self.unitPrice = unitPrice
        self.payer = payer
        self.reason = reason
        self.decision = decision
        self.component = component
        self.bulletin = bulletin
        self.quotedIn = quotedIn
    }

    /// Rule Q-1: quantity × unit price, rounded half-up to the fen, one line at a time.
    public var amount: Money {
        Money(fen: Pricing.roundHalfUp(Int64(quantityHundredths) * unitPrice.fen, dividedBy: 100))
    }

    /// Rule Q-1: a labour line from the catalogue's operation for the vehicle (its model's when it has one) at the
    /// dealer's labour rate.
    public static func labour(
        number: Int, job: Int, operation: LabourOperation, labourRate: Money, payer: Payer
    ) -> WorkOrderLine {
        WorkOrderLine(
            number: number, job: job, kind: .labour, code: operation.code, description: operation.description,
            quantityHundredths: operation.centihours, unitPrice: labourRate, payer: payer)
    }

    /// Rule Q-1: a part line at the catalogue price in force on `day`; a part with no price in force by then is
    /// refused naming the part.
    public static func part(
        number: Int, job: Int, part: CatalogPart, prices: [PartPrice], on day: LocalDate, quantity: Int,
        payer: Payer
    ) throws -> WorkOrderLine {
        guard quantity > 0 else {
            throw InvalidInput(field: WorkOrderLineForm.Field.quantity.rawValue, "must be a whole number above 0")
        }
        let price = PartPrice.inForce(on: day, among: prices)?.price ?? (prices.isEmpty ? part.price : nil)
        guard let price else {
            throw InvalidInput(
                field: WorkOrderLineForm.Field.code.rawValue,
                "part \(part.number) has no price in force on \(day) (Q-1)")
        }
        return WorkOrderLine(
            number: number, job: job, kind: .part, code: part.number, description: part.name,
            quantityHundredths: quantity * 100, unitPrice: price, payer: payer)
    }
}

/// What each payer owes and the whole, added from the lines' rounded amounts so the parts always add up to the
/// total exactly.
public struct PayerTotals: Sendable, Codable, Equatable {
    public var customer: Money
    public var warranty: Money
    public var goodwill: Money
    public var `internal`: Money

    public init(
        customer: Money = Money(fen: 0), warranty: Money = Money(fen: 0), goodwill: Money = Money(fen: 0),
        internal: Money = Money(fen: 0)
    ) {
        self.customer = customer
        self.warranty = warranty
        self.goodwill = goodwill
        self.internal = `internal`
    }

    /// Rule Q-3: the lines' amounts split by payer.
    public init(_ lines: [WorkOrderLine]) {
        var fen: [Payer: Int64] = [:]
        for line in lines { fen[line.payer, default: 0] += line.amount.fen }
        self.init(
            customer: Money(fen: fen[.customer] ?? 0), warranty: Money(fen: fen[.warranty] ?? 0),
            goodwill: Money(fen: fen[.goodwill] ?? 0), internal: Money(fen: fen[.internal] ?? 0))
    }

    public subscript(payer: Payer) -> Money {
        switch payer {
        case .customer: customer
        case .warranty: warranty
        case .goodwill: goodwill
        case .internal: `internal`
        }
    }

    /// The whole, exactly the sum of the payers'.
    public var total: Money { Money(fen: customer.fen + warranty.fen + goodwill.fen + `internal`.fen) }
}

/// Rule Q-3 with W-8: who may pay a line.
public enum PayerRule {
    /// A warranty payer needs a decision that covers the line (W-8); a refused decision forbids it, naming the
    /// decision's reason and the payers to use instead. A line leaving warranty needs a reason.
    public static func check(
        payer: Payer, decision: WarrantyDecision?, previous: Payer?, reason: String?, field: String
    ) throws {
        if payer == .warranty {
            guard let decision else {
                throw Conflict(field: field, "a warranty line needs the warranty check for its component (W-8)")
            }
            guard decision.covered else {
                throw Conflict(
                    field: field,
                    "not covered: \(decision.summaryPhrase) (W-8); move the line to customer or goodwill with a reason"
                )
            }
        }
        if previous == .warranty, payer != .warranty, (reason ?? "").trimmed().isEmpty {
            throw InvalidInput(
                field: WorkOrderLineForm.Field.reason.rawValue,
                "a line moved off warranty needs a reason (Q-3)")
        }
    }
}
