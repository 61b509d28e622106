import Core
import Foundation

/// Vehicle usage (C-9). Ride-hailing is treated as taxi.
public enum Usage: String, CaseIterable, Codable, Sendable {
    case `private`
    case taxi
    case commercial

    /// The usage as people read it (家用/出租营运/其他营运 in Chinese, C-9).
    public var spoken: Phrase {
        switch self {
        case .private: "private"
        case .taxi: "taxi"
        case .commercial: "commercial"
        }
    }

    /// Parses a usage; `ride-hailing`, `网约车` and `出租` are taxi; throws `InvalidInput`.
    static let aliases: [String: Usage] = [
        "ride-hailing": .taxi, "ridehailing": .taxi, "网约车": .taxi, "出租": .taxi, "出租营运": .taxi,
        "家用": .private, "私家": .private, "私用": .private, "household": .private,
        "营运": .commercial, "商用": .commercial,
    ]

    public static func parse(_ text: String, field: String = "usage") throws -> Usage {
        if let value = Usage(rawValue: text) { return value }
        let key = text.trimmed().lowercased()
        if let value = Usage(rawValue: key) ?? aliases[key] { return value }
        throw InvalidInput(
            field: field, "expected private, taxi (incl. ride-hailing) or commercial (C-9), got \"\(text)\"")
    }
}

/// A vehicle on a customer card (C-6).
public struct Vehicle: Sendable, Codable, Equatable {
    public typealias ID = Identifier<Vehicle>

    public var id: ID?
    public var customerID: Customer.ID
    public var vin: VIN
    public var plate: String?
    public var make: String
    public var model: String
    public var modelYear: Int?
    public var buildDate: LocalDate?
    /// The usage now; the usage at delivery is the first entry of its usage history (W-2).
    public var usage: Usage
    public var invoiceDate: LocalDate?
    /// Delivery to the first owner, an instant (T-2), so "within 24 hours of delivery" can be decided.
    public var deliveredAt: Date?
    public var createdAt: Date

    public init(
        id: ID? = nil, customerID: Customer.ID, vin: VIN, plate: String? = nil, make: String, model: String,
        modelYear: Int? = nil, buildDate: LocalDate? = nil, usage: Usage, invoiceDate: LocalDate? = nil,
        deliveredAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.customerID = customerID
        self.vin = vin
        self.plate = plate
        self.make = make
        self.model = model
        self.modelYear = modelYear
        self.buildDate = buildDate
        self.usage = usage
        self.invoiceDate = invoiceDate
        self.deliveredAt = deliveredAt
        self.createdAt = createdAt
    }

    /// Checks the vehicle's own fields; throws `InvalidInput` naming the field, or `Conflict` for a day after `today`.
    public func validate(today: LocalDate) throws {
        guard !make.trimmed().isEmpty else { throw InvalidInput(field: "make", "must not be empty") }
        guard !model.trimmed().isEmpty else { throw InvalidInput(field: "model", "must not be empty") }
        // 1950 to 2100 is the field's range whatever the day (400); a year more than two ahead of today is
        // refused by the day it is checked on (409), as every "not after today" rule is.
        if let modelYear, !(1950...2100).contains(modelYear) {
            throw InvalidInput(
                field: "model-year", "\(modelYear) is not a plausible model year (1950 to \(today.year + 2))")
        }
        if let modelYear, modelYear > today.year + 2 {
            throw Conflict(
                field: "model-year", "\(modelYear) is not a plausible model year (1950 to \(today.year + 2))")
        }
        if let buildDate, buildDate > today {
            throw Conflict(field: "build-date", "\(buildDate) is in the future")
        }
        if let invoiceDate, invoiceDate > today {
            throw Conflict(field: "invoice-date", "\(invoiceDate) is in the future")
        }
    }
}

/// A change of usage with the day it took effect (W-2 keeps the original usage for warranty).
public struct UsageChange: Sendable, Codable, Equatable {
    public var vehicleID: Vehicle.ID
    public var usage: Usage
    public var effective: LocalDate
    public var recordedAt: Date
    public var actor: String
    public var reason: String?

    public init(
        vehicleID: Vehicle.ID, usage: Usage, effective: LocalDate, recordedAt: Date, actor: String, reason: String?
    ) {
        self.vehicleID = vehicleID
        self.usage = usage
        self.effective = effective
        self.recordedAt = recordedAt
        self.actor = actor
        self.reason = reason
    }
}
