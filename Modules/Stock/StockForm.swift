import Core

/// A stock movement as fields, the way the CLI's options and the API's JSON give it: `validated(_:)` reads it into a
/// part number and a `StockChange`, so both front ends accept and refuse the same input with the same words. Its
/// errors name a `Field`, which each front end names as its caller wrote it.
public struct StockForm: Codable, Sendable, Equatable {
    public var part: String?
    /// Receipts, issues and returns: how many pieces.
    public var quantity: Int?
    /// Receipts: the delivery note or supplier order.
    public var supplierRef: String?
    /// Issues and returns: the work order and its part line.
    public var order: String?
    public var line: Int?
    /// Adjustments: the count found on the shelf, and why it differs.
    public var counted: Int?
    public var reason: String?
    /// Issues: when the count is short, record the shortage instead of refusing.
    public var recordShortage: Bool?

    public init() {}

    /// The form's fields, by the names its errors give.
    public enum Field: String, FormField, CaseIterable {
        case part, quantity, supplierRef, order, line, counted, reason, recordShortage
    }

    /// The most pieces one movement moves, and the most a count may find.
    public static let quantities = 1...100_000
    public static let counts = 0...1_000_000
    public static let lines = 1...9_999

    /// The movement read: the part as typed and the change.
    public struct Validated: Sendable, Equatable {
        public var part: PartNumber
        public var change: StockChange
        public var recordShortage: Bool

        public init(part: PartNumber, change: StockChange, recordShortage: Bool = false) {
            self.part = part
            self.change = change
            self.recordShortage = recordShortage
        }
    }

    /// The movement of `kind` read from the fields; throws `InvalidInput` naming the field.
    public func validated(_ kind: MovementKind) throws -> Validated {
        guard let part else { throw InvalidInput(field: Field.part.rawValue, "is required (a catalogue part number)") }
        let number = try PartNumber.parse(part, field: Field.part.rawValue)
        let change: StockChange
        switch kind {
        case .receipt:
            change = .receipt(
                quantity: try Self.quantity(quantity), supplierRef: try Self.word(supplierRef, .supplierRef))
        case .issue:
            change = .issue(quantity: try Self.quantity(quantity), to: try orderLine())
        case .return:
            change = .return(quantity: try Self.quantity(quantity), from: try orderLine())
        case .adjustment:
            guard let counted else {
                throw InvalidInput(field: Field.counted.rawValue, "is required (the count found on the shelf)")
            }
            guard Self.counts.contains(counted) else {
                throw InvalidInput(
                    field: Field.counted.rawValue,
                    "expected a whole number from 0 to \(grouped: Self.counts.upperBound), got \(counted)")
            }
            change = .adjustment(counted: counted, reason: try Self.word(reason, .reason))
        }
        return Validated(part: number, change: change, recordShortage: recordShortage ?? false)
    }

    func orderLine() throws -> OrderLine {
        let order = try Self.word(self.order, .order)
        guard let line else { throw InvalidInput(field: Field.line.rawValue, "is required (the order's part line)") }
        guard Self.lines.contains(line) else {
            throw InvalidInput(
                field: Field.line.rawValue,
                "expected a line number from 1 to \(grouped: Self.lines.upperBound), "
                    + "got \(line)")
        }
        return OrderLine(order: order, line: line)
    }

    static func quantity(_ value: Int?) throws -> Int {
        guard let value else { throw InvalidInput(field: Field.quantity.rawValue, "is required (how many pieces)") }
        guard quantities.contains(value) else {
            throw InvalidInput(
                field: Field.quantity.rawValue,
                "expected a whole number from 1 to \(grouped: quantities.upperBound), got \(value)")
        }
        return value
    }

    static func word(_ value: String?, _ field: Field) throws -> String {
        guard let text = value?.trimmed(), !text.isEmpty else {
            throw InvalidInput(field: field.rawValue, "is required")
        }
        return text
    }
}
