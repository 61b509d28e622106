import Foundation
import Core
import Customers

/// A phone number on a card; `shared` marks a number knowingly shared with another customer.
public struct CustomerPhone: Codable, Sendable, Equatable {
    public var phone: String
    public var shared: Bool
}

/// The whole customer card (C-6) as the CLI and API show it.
public struct CustomerCard: Codable, Sendable {
    public var customer: Customer
    /// What the potential customer's grade rests on (C-2), when graded.
    public var gradeCriteria: [GradeCriterion]?
    public var phones: [CustomerPhone]
    public var vehicles: [Vehicle]
    public var classHistory: [ClassMove]
    public var recentContacts: [Contact]
    public var openTasks: [CareTask]
    /// Open recalls and service campaigns of the customer's vehicles (W-6).
    public var openBulletins: [VehicleBulletin]
    /// The customer's complaints not yet closed, a crisis first (K-8), then by priority (K-13).
    public var openComplaints: [CardComplaint]
    /// Each vehicle's warranty today and latest mileage, as the counter needs them (W-8, C-6).
    public var vehicleStatus: [VehicleStatus]
}

/// An open complaint as the customer card shows it.
public struct CardComplaint: Codable, Sendable, Equatable {
    public var id: Int64
    public var receivedAt: Date
    public var category: String
    public var state: String
    public var crisis: Bool
    public var priority: Int
    public var owner: String
    public var description: String
}

/// A vehicle's warranty today (the answer `warranty check` gives at its latest reading) and its latest mileage.
public struct VehicleStatus: Codable, Sendable, Equatable {
    public var vin: VIN
    public var plate: String?
    public var latestKilometres: Int?
    public var latestReadingAt: Date?
    /// nil when no delivery is recorded (warranty starts at delivery).
    public var covered: Bool?
    public var warranty: String
    /// The last day the vehicle warranty covers (T-1), when a term applies.
    public var warrantyLastDay: LocalDate?
}

/// One line of a customer list or search result.
public struct CustomerSummary: Codable, Sendable, Equatable {
    public var id: Customer.ID
    public var name: String
    public var customerClass: CustomerClass
    public var grade: PotentialGrade?
    public var phones: [String]
    public var owner: String?
    public var vehicles: [String]
}

/// A page of results with the total count, for paginated lists.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    /// How many there are in all, on every page.
    public var total: Int
    public var limit: Int
    public var offset: Int
    /// Whether more follow this page (ask again with `offset + items.count`): a list never stops silently.
    public var more: Bool

    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
        more = offset + items.count < total
    }
}

/// A vehicle with its history (usage changes, mileage readings) and owner.
public struct VehicleCard: Codable, Sendable {
    public var vehicle: Vehicle
    public var ownerName: String
    /// The usage at delivery, which warranty follows (W-2).
    public var deliveryUsage: Usage
    public var usageHistory: [UsageChange]
    public var mileage: [MileageReading]
    public var latestKilometres: Int?
    public var checkDigitWarning: String?
    /// Open recalls and service campaigns (W-6), shown wherever the vehicle is.
    public var openBulletins: [VehicleBulletin]
}

/// A new customer as entered: the card, its phones, and the reason for the class it starts in (C-5).
public struct NewCustomer: Sendable {
    public var customer: Customer
    public var phones: [String]
    /// Accept phones that are already on another customer (a family's shared number).
    public var allowSharedPhones: Bool
    public var reason: String?

    public init(customer: Customer, phones: [String], allowSharedPhones: Bool = false, reason: String? = nil) {
        self.customer = customer
        self.phones = phones
        self.allowSharedPhones = allowSharedPhones
        self.reason = reason
    }
}

/// Changes to a card: nil leaves a field as it is, an empty string clears it. Decodable, so the API's
/// PATCH body is this structure.
public struct CustomerEdit: Sendable, Codable {
    public var name: String?
    public var kind: String?
    public var grade: String?
    public var source: String?
    public var gender: String?
    public var birthDate: String?
    public var region: String?
    public var occupation: String?
    public var email: String?
    public var address: String?
    public var owner: String?
    public var note: String?
    public var addPhones: [String] = []
    public var removePhones: [String] = []
    public var allowSharedPhones = false

    public init() {}

    enum CodingKeys: String, CodingKey {
        case name, kind, grade, source, gender, birthDate, region, occupation, email, address, owner, note, addPhones, removePhones
        case allowSharedPhones = "sharedPhones"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        grade = try c.decodeIfPresent(String.self, forKey: .grade)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        gender = try c.decodeIfPresent(String.self, forKey: .gender)
        birthDate = try c.decodeIfPresent(String.self, forKey: .birthDate)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        occupation = try c.decodeIfPresent(String.self, forKey: .occupation)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        address = try c.decodeIfPresent(String.self, forKey: .address)
        owner = try c.decodeIfPresent(String.self, forKey: .owner)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        addPhones = try c.decodeIfPresent([String].self, forKey: .addPhones) ?? []
        removePhones = try c.decodeIfPresent([String].self, forKey: .removePhones) ?? []
        allowSharedPhones = try c.decodeIfPresent(Bool.self, forKey: .allowSharedPhones) ?? false
    }
}
