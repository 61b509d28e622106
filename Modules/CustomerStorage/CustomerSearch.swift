import Core
import Customers
import Foundation
import GRDB
import StorageKernel

/// What a search text is matched against.
public enum SearchField: String, CaseIterable, Sendable, Codable {
    case name, phone, plate, vin

    /// Guesses the field from the text: 17 VIN characters → vin; digits → phone; a province character
    /// followed by a letter → plate; anything else → name.
    public static func guess(_ text: String) -> SearchField {
        let trimmed = text.trimmed()
        if trimmed.count == 17, (try? VIN(validating: trimmed)) != nil { return .vin }
        let digits = trimmed.filter { !" -+()".contains($0) }
        if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) { return .phone }
        let chars = Array(ContactDetails.plateKey(trimmed))
        if chars.count >= 3, !chars[0].isASCII, chars[1].isASCII, chars[1].isLetter { return .plate }
        return .name
    }
}

extension AppDatabase {
    /// Finds customers by name (partial, Chinese), phone (whole number, or its last digits), plate (whole
    /// or partial) or VIN (whole, or its last 6 or more characters): a page of `limit` from `offset`, exact matches
    /// first, with the total of all matches.
    public func searchCustomers(
        _ text: String, by field: SearchField? = nil, limit: Int = 50, offset: Int = 0
    ) throws -> Page<CustomerSummary> {
        let trimmed = text.trimmed()
        guard !trimmed.isEmpty else { throw InvalidInput(field: "query", "must not be empty") }
        let field = field ?? SearchField.guess(trimmed)
        return try writer.read { db in
            // Every match is counted (ids only), so the page says how many there are; only the page is loaded.
            let ids = try Self.customerIDs(db, matching: trimmed, by: field)
            let page = Array(ids.dropFirst(offset).prefix(limit))
            return Page(items: try Self.summaries(db, ids: page), total: ids.count, limit: limit, offset: offset)
        }
    }

    /// Every customer matching `text`, exact matches first.
    package static func customerIDs(
        _ db: Database, matching text: String, by field: SearchField
    ) throws -> [Customer.ID] {
        switch field {
        case .phone:
            let digits = text.filter { $0.isASCII && $0.isNumber }
            guard digits.count >= 4 else { throw InvalidInput(field: "phone", "give at least the last 4 digits") }
            let exact =
                (try? ContactDetails.normalizePhone(text)).map {
                    try? Customer.ID.fetchAll(
                        db.cachedStatement(sql: "SELECT customer_id FROM customer_phone WHERE phone = ?"),
                        arguments: [$0])
                } ?? nil
            if let exact, !exact.isEmpty { return exact }
            return try Customer.ID.fetchAll(
                db, sql: "SELECT DISTINCT customer_id FROM customer_phone WHERE phone LIKE ? ORDER BY customer_id",
                arguments: ["%" + digits])
        case .vin:
            let key = text.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            if key.count == 17 {
                return try Customer.ID.fetchAll(
                    db.cachedStatement(sql: "SELECT customer_id FROM vehicle WHERE vin = ?"), arguments: [key])
            }
            guard key.count >= 6 else {
                throw InvalidInput(field: "vin", "give the whole VIN or at least its last 6 characters")
            }
            return try Customer.ID.fetchAll(
                db, sql: "SELECT DISTINCT customer_id FROM vehicle WHERE vin LIKE ? ORDER BY customer_id",
                arguments: ["%" + key])
        case .plate:
            let key = ContactDetails.plateKey(text)
            let exact = try Customer.ID.fetchAll(
                db.cachedStatement(sql: "SELECT customer_id FROM vehicle WHERE plate_key = ?"), arguments: [key])
            if !exact.isEmpty { return exact }
            return try Customer.ID.fetchAll(
                db, sql: "SELECT DISTINCT customer_id FROM vehicle WHERE plate_key LIKE ? ORDER BY customer_id",
                arguments: ["%" + key + "%"])
        case .name:
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_")
            let exact = try Customer.ID.fetchAll(
                db, sql: "SELECT id FROM customer WHERE name = ? ORDER BY id", arguments: [text])
            let partial = try Customer.ID.fetchAll(
                db, sql: "SELECT id FROM customer WHERE name LIKE ? ESCAPE '\\' AND name <> ? ORDER BY id",
                arguments: ["%" + escaped + "%", text])
            return exact + partial
        }
    }
}
