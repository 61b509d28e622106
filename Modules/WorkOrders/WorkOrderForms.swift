import Core
import Customers
import Foundation

/// A repair order's reception as fields, the way `workorder open` and the API give it; `validated` reads it,
/// so both front ends accept and refuse the same input with the same words, naming a `Field`.
public struct ReceptionForm: Codable, Sendable, Equatable {
    /// A VIN, a plate or a VIN's last characters (the database resolves it).
    public var vin: String?
    public var mileage: Int?
    public var fuel: Int?
    public var concerns: [String]?
    public var walkAround: [String]?
    public var returnOldParts: Bool?
    /// The delivery time agreed, `2026-12-06 17:30` in the dealer's zone or with an offset.
    public var promisedAt: String?
    /// Arrival; now when absent.
    public var arrivedAt: String?
    public var advisor: String?
    /// A vehicle not on file, registered at reception in the same step: the form of `vehicle add`, its owner
    /// being `customer` (new) or `customerRef` (on file).
    public var newVehicle: VehicleForm?
    /// The new vehicle's owner, a new customer card: the form of `customer add`.
    public var customer: CustomerForm?
    /// A customer on file, by id or phone: the owner of `newVehicle`, or alone the customer whose only vehicle
    /// comes in.
    public var customerRef: String?

    public init() {}

    public enum Field: String, FormField, CaseIterable {
        case vin, mileage, fuel, concerns, walkAround, returnOldParts, promisedAt, arrivedAt, advisor
        case newVehicle, customer, customerRef
    }

    public struct Validated: Sendable, Equatable {
        /// The vehicle on file as given (nil when it is registered now or found from `customerRef`).
        public var vehicle: String?
        public var reception: Reception
        public var advisor: String?
    }

    /// Rule A-6: the reception read from the fields; throws `InvalidInput` naming the field.
    public func validated(now: Date, timeZone: TimeZone) throws -> Validated {
        let vin = vin?.trimmed().nilIfEmpty
        try checkWhoseVehicle(vin: vin)
        guard let mileage else {
            throw InvalidInput(field: Field.mileage.rawValue, "is required: the odometer reading at arrival (C-6)")
        }
        guard (0...3_000_000).contains(mileage) else {
            throw InvalidInput(field: Field.mileage.rawValue, "expected kilometres, 0 to 3,000,000, got \(mileage)")
        }
        let fuel = self.fuel ?? 50
        guard (0...100).contains(fuel) else {
            throw InvalidInput(field: Field.fuel.rawValue, "expected a percentage from 0 to 100, got \(fuel)")
        }
        let concerns = (self.concerns ?? []).map { $0.trimmed() }.filter { !$0.isEmpty }
        guard !concerns.isEmpty else {
            throw InvalidInput(
                field: Field.concerns.rawValue, "give at least one concern in the customer's own words (A-6)")
        }
        func instant(_ text: String?, _ field: Field) throws -> Date? {
            guard let text = text?.trimmed().nilIfEmpty else { return nil }
            guard let date = Instant.parse(text, timeZone: timeZone) else {
                throw InvalidInput(
                    field: field.rawValue,
                    "expected a time such as \"2026-11-20 10:30\" or 2026-11-20T10:30:00+08:00, got \"\(text)\"")
            }
            return date
        }
        let arrived = try instant(arrivedAt, .arrivedAt) ?? now
        guard arrived <= now.addingTimeInterval(300) else {
            throw InvalidInput(
                field: Field.arrivedAt.rawValue, "\(Instant.localString(arrived, in: timeZone)) is in the future")
        }
        let promised = try instant(promisedAt, .promisedAt)
        if let promised, promised <= arrived {
            throw InvalidInput(
                field: Field.promisedAt.rawValue,
                "\(Instant.localString(promised, in: timeZone)) is not after the arrival (Q-7)")
        }
        return Validated(
            vehicle: vin,
            reception: Reception(
                arrivedAt: arrived, mileage: mileage, fuelPercent: fuel, concerns: concerns,
                walkAround: (walkAround ?? []).map { $0.trimmed() }.filter { !$0.isEmpty },
                returnOldParts: returnOldParts ?? false, promisedAt: promised),
            advisor: advisor?.trimmed().nilIfEmpty)
    }

    /// Rule A-6: which vehicle comes in: one on file (`vin`), a new one with its owner (`newVehicle` with a new
    /// `customer` or a `customerRef`), or the only vehicle of a customer on file (`customerRef` alone).
    func checkWhoseVehicle(vin: String?) throws {
        let reference = customerRef?.trimmed().nilIfEmpty
        if vin != nil, newVehicle != nil || customer != nil || reference != nil {
            let other: Field = newVehicle != nil ? .newVehicle : customer != nil ? .customer : .customerRef
            throw InvalidInput(field: other.rawValue, "give either the vehicle on file or this, not both (A-6)")
        }
        if customer != nil, reference != nil {
            throw InvalidInput(
                field: Field.customerRef.rawValue, "give either a new customer or a customer on file, not both")
        }
        if customer != nil, newVehicle == nil {
            throw InvalidInput(
                field: Field.newVehicle.rawValue, "is required with a new customer: the vehicle that comes in (A-6)")
        }
        if newVehicle != nil, customer == nil, reference == nil {
            throw InvalidInput(
                field: Field.customer.rawValue,
                "is required with a new vehicle: its owner, a new customer or a customer on file (A-6)")
        }
        if vin == nil, newVehicle == nil, reference == nil {
            throw InvalidInput(field: Field.vin.rawValue, "is required: a VIN, a plate or a VIN's last characters")
        }
    }
}

/// A job as fields (`workorder line --new-job …`, the API's job body).
public struct JobForm: Codable, Sendable, Equatable {
    public var title: String?
    public var kind: String?
    public var system: String?
    public var component: String?
    public var fault: String?
    public var finding: String?
    public var seriousSafetyFault: Bool?
    public var specialPartsWaitingDays: Int?

    public init() {}

    public enum Field: String, FormField, CaseIterable {
        case title, kind, system, component, fault, finding, seriousSafetyFault, specialPartsWaitingDays
    }

    /// The job read from the fields; its number is given when it is added to the order.
    public func validated() throws -> Job {
        guard let title = title?.trimmed().nilIfEmpty else {
            throw InvalidInput(field: Field.title.rawValue, "is required: what the job does")
        }
        let kind: JobKind = try kind.map { try parseChoice($0, field: Field.kind.rawValue) } ?? .minorRepair
        let system: VehicleSystem = try system.map { try parseChoice($0, field: Field.system.rawValue) } ?? .other
        let days = specialPartsWaitingDays ?? 0
        guard (0...365).contains(days) else {
            throw InvalidInput(field: Field.specialPartsWaitingDays.rawValue, "expected days, 0 to 365, got \(days)")
        }
        return Job(
            number: 0, title: title, kind: kind, system: system, component: component?.trimmed().nilIfEmpty,
            fault: fault?.trimmed().nilIfEmpty ?? title, finding: finding?.trimmed().nilIfEmpty,
            seriousSafetyFault: seriousSafetyFault ?? false, specialPartsWaitingDays: days)
    }
}

/// A line as fields (`workorder line add`, the API's line body): what the storage layer prices from the catalogue.
public struct WorkOrderLineForm: Codable, Sendable, Equatable {
    public var job: Int?
    public var kind: String?
    /// Labour-operation code, part number, or other work's short code.
    public var code: String?
    /// Parts and other work: how many (whole units).
    public var quantity: Int?
    /// Other work: the unit price in yuan.
    public var price: String?
    public var description: String?
    public var payer: String?
    public var reason: String?
    /// The component a warranty line is checked for (W-8).
    public var component: String?
    /// The recall or campaign whose remedy a line is (W-6).
    public var bulletin: String?

    public init() {}

    public enum Field: String, FormField, CaseIterable {
        case job, kind, code, quantity, price, description, payer, reason, component, bulletin
    }

    public struct Validated: Sendable, Equatable {
        public var job: Int
        public var kind: LineKind
        public var code: String
        public var quantity: Int
        public var price: Money?
        public var description: String?
        public var payer: Payer
        public var reason: String?
        public var component: String?
        public var bulletin: String?
    }

    /// Rules: the line read from the fields; other work needs a price and a reason.
    public func validated() throws -> Validated {
        guard let job, job > 0 else { throw InvalidInput(field: Field.job.rawValue, "is required: the job's number") }
        let kind: LineKind = try kind.map { try parseChoice($0, field: Field.kind.rawValue) } ?? .labour
        guard let code = code?.trimmed().nilIfEmpty else {
            throw InvalidInput(
                field: Field.code.rawValue, "is required: a labour-operation code, a part number or other work's code")
        }
        let quantity = self.quantity ?? 1
        guard quantity > 0, quantity <= 10_000 else {
            throw InvalidInput(
                field: Field.quantity.rawValue, "expected a whole number from 1 to 10,000, got \(quantity)")
        }
        let payer: Payer = try payer.map { try parseChoice($0, field: Field.payer.rawValue) } ?? .customer
        var price: Money?
        if let text = self.price?.trimmed().nilIfEmpty {
            guard let money = Money(yuan: text), money.fen > 0 else {
                throw InvalidInput(
                    field: Field.price.rawValue, "expected an amount in yuan such as 86.00, got \"\(text)\"")
            }
            price = money
        }
        let reason = reason?.trimmed().nilIfEmpty
        if kind == .other {
            guard price != nil else {
                throw InvalidInput(field: Field.price.rawValue, "other work (sublet, materials) needs its price")
            }
            guard reason != nil else {
                throw InvalidInput(field: Field.reason.rawValue, "other work (sublet, materials) needs a reason (Q-1)")
            }
        } else if price != nil {
            throw InvalidInput(
                field: Field.price.rawValue, "labour and parts are priced from the catalogue (Q-1); give no price")
        }
        return Validated(
            job: job, kind: kind, code: code, quantity: quantity, price: price,
            description: description?.trimmed().nilIfEmpty, payer: payer, reason: reason,
            component: component?.trimmed().nilIfEmpty, bulletin: bulletin?.trimmed().nilIfEmpty)
    }
}
