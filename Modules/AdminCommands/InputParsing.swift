import ArgumentParser
import Core
import Customers
import Foundation

/// Parsing of values read from files (a CSV line), which give domain errors naming the field.
enum Parse {
    /// A day `YYYY-MM-DD`; throws `InvalidInput` naming the field.
    static func day(_ text: String, field: String) throws -> LocalDate {
        try LocalDate.parse(text.trimmed(), field: field)
    }

    /// A customer id through the one id parser (`RecordID`).
    static func customerID(_ text: String, field: String = "customer") throws -> Customer.ID {
        try Customer.ID(parsing: text, field: field, what: "a customer id")
    }

    /// An amount in yuan (`1280.00`, at most two decimals); throws `InvalidInput` naming `field`.
    static func money(_ text: String, field: String, example: String = "1280.00") throws -> Money {
        guard let money = Money(yuan: text) else {
            throw InvalidInput(field: field, "expected an amount such as \(example), got \"\(text)\"")
        }
        return money
    }

    /// A UTF-8 text file's contents; a missing, unreadable or non-UTF-8 file is an `InvalidInput` naming `field`.
    static func textFile(_ path: String, field: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw InvalidInput(field: field, "cannot read \(path) as UTF-8 text")
        }
        return text
    }
}
