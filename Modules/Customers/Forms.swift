import Core
import Foundation

/// A customer card as text fields, the way the CLI options and the API's JSON give it. `customer(now:)`
/// turns it into a validated `Customer`, so both front ends accept and refuse exactly the same input.
public struct CustomerForm: Codable, Sendable, Equatable {
    public var name: String?
    public var kind: String?
    public var customerClass: String?
    public var grade: String?
    public var source: String?
    public var gender: String?
    public var birthDate: String?
    public var email: String?
    public var region: String?
    public var address: String?
    public var occupation: String?
    public var owner: String?
    public var note: String?
    public var externalRef: String?
    public var phones: [String]?
    public var sharedPhones: Bool?
    public var reason: String?

    public init() {}

    enum CodingKeys: String, CodingKey {
        case name, kind
        case customerClass = "class"
        case grade, source, gender, birthDate, email, region, address, occupation, owner, note,
            externalRef, phones, sharedPhones, reason
    }

    /// The validated customer; throws `InvalidInput` naming the field.
    public func customer(now: Date) throws -> Customer {
        guard let name, !name.trimmed().isEmpty else { throw InvalidInput(field: "name", "is required") }
        let customer = Customer(
            kind: try kind.map { try PartyKind.parse($0) } ?? .person, name: name,
            customerClass: try customerClass.map { try CustomerClass.parse($0) } ?? .potential,
            grade: try grade.map { try PotentialGrade.parse($0) }, source: source,
            gender: try gender.map { try Gender.parse($0) },
            birthDate: try birthDate.map { try LocalDate.parse($0, field: "birth-date") },
            region: region, occupation: occupation, email: email, address: address, owner: owner,
            externalRef: externalRef, note: note, createdAt: now)
        try customer.validate()
        return customer
    }
}

/// A vehicle as text fields (CLI options or API JSON); `vehicle(customer:now:timeZone:)` validates it.
public struct VehicleForm: Codable, Sendable, Equatable {
    public var customerId: Int64?
    public var vin: String?
    public var plate: String?
    public var make: String?
    public var model: String?
    public var modelYear: Int?
    public var buildDate: String?
    public var usage: String?
    public var invoiceDate: String?
    public var deliveredAt: String?

    public init() {}

    /// The validated vehicle; throws `InvalidInput` naming the field.
    public func vehicle(now: Date, timeZone: TimeZone) throws -> Vehicle {
        guard let customerId, customerId > 0 else {
            throw InvalidInput(field: "customer", "is required (a customer id)")
        }
        guard let vinText = vin else { throw InvalidInput(field: "vin", "is required") }
        let vin = try VIN.parse(vinText)
        guard let make, !make.isEmpty else { throw InvalidInput(field: "make", "is required") }
        guard let model, !model.isEmpty else { throw InvalidInput(field: "model", "is required") }
        guard let usage else { throw InvalidInput(field: "usage", "is required: private, taxi or commercial") }
        func day(_ text: String?, _ field: String) throws -> LocalDate? {
            try text.map { try LocalDate.parse($0, field: field) }
        }
        var delivered: Date?
        if let deliveredAt {
            guard let instant = Instant.parse(deliveredAt, timeZone: timeZone) else {
                throw InvalidInput(
                    field: "delivered-at",
                    "expected a time such as \"2026-11-20 10:30\" or 2026-11-20T10:30:00+08:00, got \"\(deliveredAt)\"")
            }
            delivered = instant
        }
        return Vehicle(
            customerID: Customer.ID(customerId), vin: vin, plate: plate, make: make, model: model, modelYear: modelYear,
            buildDate: try day(buildDate, "build-date"), usage: try Usage.parse(usage),
            invoiceDate: try day(invoiceDate, "invoice-date"),
            deliveredAt: delivered, createdAt: now)
    }
}
