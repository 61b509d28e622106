import Campaigns
import Core
import Customers
import Foundation

/// The segment filter parser (M-2), as the CLI and the API call it with a user's text.
///
/// Invariants: `parse` returns an expression or throws `InvalidInput` naming the field and a column within the text
/// (only an empty filter has no column); an expression it returns can be matched against customers, and, written
/// back as text (`SegmentFuzz.text(of:)`), parses to an expression that is written the same way.
enum SegmentFuzz {
    static let field = "filter"
    static let today = LocalDate(year: 2026, month: 12, day: 1)!
    static let customers = [
        CustomerFacts(
            customerID: Customer.ID(1), name: "王芳", gender: .female, customerClass: .retained,
            region: "北京",
            birthDate: LocalDate(year: 1990, month: 12, day: 15), mobile: "13800138000", valueFen: 128_000,
            valueRank: 3, consent: [.sms: .optIn], vin: VIN(trusted: "LFV2A21K3N3000123"),
            plate: "京A·12345",
            make: "Volkswagen", model: "Sagitar", modelYear: 2024, usage: .private,
            deliveredOn: LocalDate(year: 2024, month: 6, day: 1), mileage: 32_000,
            lastVisit: LocalDate(year: 2026, month: 3, day: 1),
            warrantyEnds: LocalDate(year: 2027, month: 6, day: 1)),
        CustomerFacts(customerID: Customer.ID(2), name: "李", customerClass: .potential),
    ]

    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let text = String(decoding: input, as: UTF8.self)
        let expression: SegmentExpression
        do {
            expression = try SegmentExpression.parse(text, field: field)
        } catch let error as InvalidInput {
            try require(error.field == field, "the error names the field \(error.field ?? "nil"): \(error)")
            if text.allSatisfy(\.isWhitespace) { return }
            let length = text.count
            guard let column = columnOf(error.reason) else {
                throw FuzzFailure("the error names no column: \(error)")
            }
            try require(column >= 1 && column <= length + 1, "the error is at column \(column) of \(length): \(error)")
            return
        } catch {
            throw FuzzFailure("parse threw \(type(of: error)), not InvalidInput: \(error)")
        }
        for facts in customers {
            _ = expression.matches(facts, today: today, openBulletin: { $0.lowercased() == "recall" })
        }
        _ = expression.fields
        let written = try self.text(of: expression)
        let again: SegmentExpression
        do {
            again = try SegmentExpression.parse(written, field: field)
        } catch {
            throw FuzzFailure("\(text.debugDescription) parses; \(written.debugDescription) does not: \(error)")
        }
        let rewritten = try self.text(of: again)
        try require(
            rewritten == written,
            "\(written.debugDescription) parses to an expression written \(rewritten.debugDescription)")
    }

    /// The column an error message starts with (`column 9: expected a value`).
    static func columnOf(_ reason: String) -> Int? {
        guard reason.hasPrefix("column ") else { return nil }
        return Int(reason.dropFirst("column ".count).prefix { $0.isNumber })
    }

    /// The expression as filter text, with brackets only where precedence needs them (or, and, then not and
    /// comparisons): bracket depth and condition count never exceed the text it was parsed from.
    static func text(of expression: SegmentExpression, within level: Int = 0) throws(FuzzFailure) -> String {
        let (written, own): (String, Int)
        switch expression {
        case .all:
            throw FuzzFailure("parse returned .all, which no filter text stands for")
        case .or(let a, let b):
            (written, own) = (try text(of: a, within: 1) + " or " + text(of: b, within: 2), 1)
        case .and(.compare(let f, .greaterOrEqual, let low), .compare(let g, .lessOrEqual, let high))
        where f == g && low.count == 1 && high.count == 1:
            // How `between` parses: written back as one.
            (written, own) = ("\(f.rawValue) between \(value(low[0])) and \(value(high[0]))", 3)
        case .and(let a, let b):
            (written, own) = (try text(of: a, within: 2) + " and " + text(of: b, within: 3), 2)
        case .not(let a):
            (written, own) = ("not " + (try text(of: a, within: 3)), 3)
        case .compare(let field, .among, let values):
            (written, own) = ("\(field.rawValue) in (\(values.map(value).joined(separator: ", ")))", 3)
        case .compare(let field, let op, let values):
            try require(values.count == 1, "\(field.rawValue) \(op.rawValue) has \(values.count) values")
            (written, own) = ("\(field.rawValue) \(op.rawValue) \(value(values[0]))", 3)
        }
        return own < level ? "(\(written))" : written
    }

    /// A number as it was written (it is one token); any other value quoted with a quote it does not hold.
    static func value(_ value: SegmentValue) -> String {
        if value.number != nil { return value.text }
        return value.text.contains("'") ? "\"\(value.text)\"" : "'\(value.text)'"
    }
}
