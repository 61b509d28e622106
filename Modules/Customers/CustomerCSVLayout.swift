import Core
import Foundation

/// One validated row of the customer CSV layout (Docs/customer-csv.md): a customer, optionally one
/// of their vehicles and one mileage reading of it.
public struct CustomerImportRow: Sendable, Equatable {
    public var customer: Customer
    public var phones: [String]
    public var vehicle: Vehicle?
    public var mileage: (kilometres: Int, readAt: Date)?

    public static func == (a: Self, b: Self) -> Bool {
        a.customer == b.customer && a.phones == b.phones && a.vehicle == b.vehicle
            && a.mileage?.kilometres == b.mileage?.kilometres && a.mileage?.readAt == b.mileage?.readAt
    }
}

/// The column layout of `aftersales import-customers`, read from the header row. Columns may come in
/// any order; unknown columns are an error so a typo never drops data silently.
public struct CustomerCSVLayout: Sendable {
    public static let requiredColumns = ["customer_ref", "name", "class"]
    public static let allColumns = [
        "customer_ref", "kind", "name", "class", "grade", "source", "gender", "birth_date", "phones", "email",
        "region", "address", "occupation", "owner", "note",
        "vin", "plate", "make", "model", "model_year", "build_date", "usage", "invoice_date", "delivered_at",
        "mileage_km", "mileage_date",
    ]

    let index: [String: Int]

    /// Reads the header row; throws `InvalidInput` naming a missing or unknown column.
    public init(header: [String]) throws {
        var index: [String: Int] = [:]
        for (position, raw) in header.enumerated() {
            let name = raw.trimmed().lowercased()
            guard CustomerCSVLayout.allColumns.contains(name) else {
                throw InvalidInput(
                    field: "header",
                    "unknown column \"\(raw)\" (column \(position + 1)); known columns: "
                        + "\(CustomerCSVLayout.allColumns.joined(separator: ", "))"
                )
            }
            guard index[name] == nil else { throw InvalidInput(field: "header", "column \"\(name)\" appears twice") }
            index[name] = position
        }
        for column in CustomerCSVLayout.requiredColumns where index[column] == nil {
            throw InvalidInput(field: "header", "required column \"\(column)\" is missing")
        }
        if index["vin"] != nil {
            for column in ["make", "model", "usage"] where index[column] == nil {
                throw InvalidInput(field: "header", "column \"\(column)\" is required with \"vin\"")
            }
        }
        self.index = index
    }

    /// Validates one record; throws `InvalidInput` whose field is the column name.
    public func parse(_ record: [String], now: Date, timeZone: TimeZone) throws -> CustomerImportRow {
        func value(_ column: String) -> String? {
            guard let i = index[column], i < record.count else { return nil }
            let text = record[i].trimmed()
            return text.isEmpty ? nil : text
        }
        func date(_ column: String) throws -> LocalDate? {
            try value(column).map { try LocalDate.parse($0, field: column) }
        }
        func integer(_ column: String) throws -> Int? {
            guard let text = value(column) else { return nil }
            guard let number = Int(text), number >= 0 else {
                throw InvalidInput(field: column, "expected a whole number, got \"\(text)\"")
            }
            return number
        }
        guard record.count <= index.count || record[index.count...].allSatisfy(\.isEmpty) else {
            throw InvalidInput(field: "row", "has \(record.count) fields, the header has \(index.count)")
        }
        guard let ref = value("customer_ref") else { throw InvalidInput(field: "customer_ref", "must not be empty") }
        guard let name = value("name") else { throw InvalidInput(field: "name", "must not be empty") }
        guard let classText = value("class") else { throw InvalidInput(field: "class", "must not be empty") }
        let today = LocalDate(instant: now, in: timeZone)
        let customer = Customer(
            kind: try value("kind").map { try PartyKind.parse($0) } ?? .person,
            name: name,
            customerClass: try CustomerClass.parse(classText),
            grade: try value("grade").map { try PotentialGrade.parse($0) },
            source: value("source"),
            gender: try value("gender").map { try Gender.parse($0) },
            birthDate: try date("birth_date"),
            region: value("region"), occupation: value("occupation"), email: value("email"),
            address: value("address"), owner: value("owner"), externalRef: ref, note: value("note"),
            createdAt: now)
        try customer.validate()
        let phones = try (value("phones") ?? "").split(separator: ";").map {
            try ContactDetails.normalizePhone(String($0), field: "phones")
        }
        var vehicle: Vehicle?
        if let vinText = value("vin") {
            let vin = try VIN.parse(vinText)
            guard let make = value("make") else {
                throw InvalidInput(field: "make", "must not be empty when a vin is given")
            }
            guard let model = value("model") else {
                throw InvalidInput(field: "model", "must not be empty when a vin is given")
            }
            guard let usageText = value("usage") else {
                throw InvalidInput(field: "usage", "must not be empty when a vin is given")
            }
            var deliveredAt: Date?
            if let text = value("delivered_at") {
                guard let instant = Instant.parse(text, timeZone: timeZone) else {
                    throw InvalidInput(
                        field: "delivered_at",
                        "expected an instant such as 2024-05-01T10:30:00+08:00 or 2024-05-01 10:30, got \"\(text)\"")
                }
                guard instant <= now else { throw InvalidInput(field: "delivered_at", "\(text) is in the future") }
                deliveredAt = instant
            }
            let v = Vehicle(
                customerID: Customer.ID(0), vin: vin,
                plate: try value("plate").map { try ContactDetails.normalizePlate($0) },
                make: make, model: model, modelYear: try integer("model_year"), buildDate: try date("build_date"),
                usage: try Usage.parse(usageText), invoiceDate: try date("invoice_date"),
                deliveredAt: deliveredAt, createdAt: now)
            try v.validate(today: today)
            vehicle = v
        } else {
            for column in [
                "plate", "make", "model", "model_year", "build_date", "usage", "invoice_date", "delivered_at",
                "mileage_km", "mileage_date",
            ]
            where value(column) != nil {
                throw InvalidInput(field: column, "needs a vin on the same row")
            }
        }
        var mileage: (Int, Date)?
        if let km = try integer("mileage_km") {
            let day = try date("mileage_date") ?? today
            guard day <= today else { throw InvalidInput(field: "mileage_date", "\(day) is in the future") }
            guard km <= 3_000_000 else {
                throw InvalidInput(field: "mileage_km", "\(km) is not a plausible odometer reading")
            }
            mileage = (km, day.startInstant(in: timeZone).addingTimeInterval(12 * 3600))
        } else if value("mileage_date") != nil {
            throw InvalidInput(field: "mileage_date", "needs mileage_km on the same row")
        }
        return CustomerImportRow(customer: customer, phones: phones, vehicle: vehicle, mileage: mileage)
    }
}
