import Core
import Customers
import Foundation
import StorageKernel

/// A phone number on a card; `shared` marks a number knowingly shared with another customer.
public struct CustomerPhone: Codable, Sendable, Equatable {
    public var phone: String
    public var shared: Bool

    package init(phone: String, shared: Bool) {
        self.phone = phone
        self.shared = shared
    }
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

    package enum CodingKeys: String, CodingKey {
        case name, kind, grade, source, gender, birthDate, region, occupation, email, address, owner, note, addPhones,
            removePhones
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
