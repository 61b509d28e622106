import ArgumentParser
import Foundation
import Core
import Customers

/// Parsing of option values that need the dealer's settings (time zone) or give domain errors.
enum Parse {
    /// A day `YYYY-MM-DD`; throws `InvalidInput` naming the option.
    static func day(_ text: String, field: String) throws -> LocalDate {
        try LocalDate.parse(text.trimmed(), field: field)
    }

    /// An instant: ISO 8601 with zone, or local `YYYY-MM-DD HH:MM` in the dealer's zone (T-2).
    static func instant(_ text: String, field: String, zone: TimeZone) throws -> Date {
        guard let date = Instant.parse(text, timeZone: zone) else {
            throw InvalidInput(field: field, "expected a time such as \"2026-11-23 09:30\" (dealer's time zone) or 2026-11-23T09:30:00+08:00, got \"\(text)\"")
        }
        return date
    }

    /// A VIN, trimmed and upper-cased.
    static func vin(_ text: String, field: String = "vin") throws -> VIN { try VIN.parse(text, field: field) }

    /// A customer id through the one id parser (`RecordID`).
    static func customerID(_ text: String, field: String = "customer") throws -> Customer.ID {
        try Customer.ID(parsing: text, field: field, what: "a customer id")
    }

    /// An amount in yuan (`1280.00`, at most two decimals); throws `InvalidInput` naming `field`.
    static func money(_ text: String, field: String, example: String = "1280.00") throws -> Money {
        guard let money = Money(yuan: text) else { throw InvalidInput(field: field, "expected an amount such as \(example), got \"\(text)\"") }
        return money
    }

    /// A UTF-8 text file's contents; a missing, unreadable or non-UTF-8 file is an `InvalidInput` naming `field`.
    static func textFile(_ path: String, field: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw InvalidInput(field: field, "cannot read \(path) as UTF-8 text")
        }
        return text
    }
}
