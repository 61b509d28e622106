import Core
import Customers

/// A warranty claim as fields, the way `claim create` and POST /v1/claims give it (W-7), like `CustomerForm`:
/// `validated()` reads it, so both front ends accept and refuse the same claims with the same words; the storage
/// layer then prices its lines and freezes the decision that justifies it (W-8). Its errors, and those of the
/// claim's rules (`ClaimLine.priced`, the one claim per repair-order line), name a `Field`, which each front end
/// names as its caller wrote it.
public struct ClaimForm: Codable, Sendable, Equatable {
    /// The vehicle: a VIN, a plate or a VIN's last characters (the database resolves it).
    public var vin: String?
    /// Kilometres at the repair.
    public var mileage: Int?
    public var failure: String?
    public var cause: String?
    public var repairOrder: String?
    public var repairLine: String?
    /// `CODE` or `CODE:HOURS` each.
    public var labour: [String]?
    /// `NUMBER:QUANTITY` or `NUMBER:QUANTITY:PRICE` each.
    public var parts: [String]?
    /// The component, for warranty extensions.
    public var component: String?
    /// A part bought and fitted here (W-3) the claim is about.
    public var fittedPart: String?
    /// The recall or campaign whose remedy this is (W-6).
    public var bulletin: String?

    public init() {}

    /// The form's fields, by the names its errors give.
    public enum Field: String, FormField, CaseIterable {
        case vin, mileage, failure, cause, repairOrder, repairLine, labour, parts, component, fittedPart, bulletin
    }

    /// The claim as read; the storage layer finds the vehicle, prices the lines and judges the claim.
    public struct Validated: Sendable, Equatable {
        public var vehicle: String
        public var mileage: Int
        public var failure: String
        public var cause: String
        public var repairOrder: String?
        public var repairLine: String?
        public var labour: [String]
        public var parts: [String]
        public var component: String?
        public var fittedPart: String?
        public var bulletin: String?
    }

    /// Rule W-7: the claim read from the fields; throws `InvalidInput` naming the field. A missing failure or cause
    /// reads as empty, which the claim's rule refuses with its reason.
    public func validated() throws -> Validated {
        guard let vin, !vin.trimmed().isEmpty else {
            throw InvalidInput(field: Field.vin.rawValue, "is required: a VIN, a plate or a VIN's last characters")
        }
        guard let mileage else {
            throw InvalidInput(field: Field.mileage.rawValue, "is required: kilometres at the repair")
        }
        guard mileage >= 0 else {
            throw InvalidInput(field: Field.mileage.rawValue, "expected kilometres, 0 or more, got \(mileage)")
        }
        try MileageReading.checkPlausible(mileage, field: Field.mileage.rawValue)
        return Validated(
            vehicle: vin, mileage: mileage, failure: failure ?? "", cause: cause ?? "",
            repairOrder: repairOrder, repairLine: repairLine, labour: labour ?? [], parts: parts ?? [],
            component: component, fittedPart: fittedPart, bulletin: bulletin)
    }
}
