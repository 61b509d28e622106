import Core
import Foundation

/// A customer card (C-6): owner details, class (C-3/C-5), grade (C-2) and the staff member who looks after them.
public struct Customer: Sendable, Codable, Equatable {
    public typealias ID = Identifier<Customer>

    public var id: ID?
    public var kind: PartyKind
    public var name: String
    public var customerClass: CustomerClass
    public var grade: PotentialGrade?
    /// Where a potential customer came from (C-1): display, advertising, event, after-sales, staff contact...
    public var source: String?
    public var gender: Gender?
    public var birthDate: LocalDate?
    public var region: String?
    public var occupation: String?
    public var email: String?
    public var address: String?
    /// The staff member (sales consultant or customer-service agent) who owns the relationship.
    public var owner: String?
    /// The key of this customer in the system it was moved in from (`import-customers`).
    public var externalRef: String?
    public var note: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ID? = nil, kind: PartyKind = .person, name: String, customerClass: CustomerClass,
        grade: PotentialGrade? = nil, source: String? = nil, gender: Gender? = nil, birthDate: LocalDate? = nil,
        region: String? = nil, occupation: String? = nil, email: String? = nil, address: String? = nil,
        owner: String? = nil, externalRef: String? = nil, note: String? = nil, createdAt: Date, updatedAt: Date? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.customerClass = customerClass
        self.grade = grade
        self.source = source
        self.gender = gender
        self.birthDate = birthDate
        self.region = region
        self.occupation = occupation
        self.email = email
        self.address = address
        self.owner = owner
        self.externalRef = externalRef
        self.note = note
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    /// Rules C-5 and C-2: moves the customer to `target` when C-5 allows it. Only potential customers are
    /// graded, so a move out of potential clears the grade and returns it, for the move history to keep.
    public mutating func move(to target: CustomerClass) throws -> PotentialGrade? {
        try customerClass.checkMove(to: target)
        customerClass = target
        guard target != .potential, let left = grade else { return nil }
        grade = nil
        return left
    }

    /// Checks the fields a card may hold, whatever the class; throws `InvalidInput` naming the field.
    public func validate() throws {
        let trimmedName = name.trimmed()
        guard !trimmedName.isEmpty else { throw InvalidInput(field: "name", "must not be empty") }
        guard trimmedName.count <= 100 else { throw InvalidInput(field: "name", "at most 100 characters") }
        if grade != nil, customerClass != .potential {
            // A 409, as the API description says: on a change, the class is the stored one.
            throw Conflict(
                field: "grade", "only potential customers are graded (C-2); this one is \(customerClass.spoken)")
        }
        if let email { try ContactDetails.checkEmail(email) }
        if let birthDate, birthDate.year < 1900 {
            throw InvalidInput(field: "birth-date", "\(birthDate) is before 1900")
        }
        // A birth date after the day the card is written is a typo (a day's grace for time zones).
        let written = LocalDate(instant: max(createdAt, updatedAt), in: TimeZone(identifier: "UTC")!).adding(days: 1)
        if let birthDate, birthDate > written {
            throw Conflict(field: "birth-date", "\(birthDate) is in the future")
        }
    }

    /// Rule C-10: the staff member who looks after a customer (the card's owner) works here on `day`: a name that
    /// is no staff member, or one who has left, is refused naming `field`, so no card is given to a stranger and
    /// the departed-staff list only shows cards whose owner left after taking them. No owner is allowed.
    public static func checkOwner(
        _ owner: String?, staff: [StaffMember], on day: LocalDate,
        field: String = "owner"
    ) throws {
        guard let owner else { return }
        _ = try StaffMember.current(owner, among: staff, on: day, field: field)
    }
}

/// A customer's move between classes (C-5), kept as history.
public struct ClassMove: Sendable, Codable, Equatable {
    public var customerID: Customer.ID
    /// nil for the class a customer was created in.
    public var from: CustomerClass?
    public var to: CustomerClass
    public var at: Date
    public var actor: String
    public var reason: String
    /// The grade the customer held when the move took them out of potential (C-2), with its criteria.
    public var grade: PotentialGrade?
    public var gradeCriteria: [GradeCriterion]?

    public init(
        customerID: Customer.ID, from: CustomerClass?, to: CustomerClass, at: Date, actor: String,
        reason: String, grade: PotentialGrade? = nil
    ) {
        self.customerID = customerID
        self.from = from
        self.to = to
        self.at = at
        self.actor = actor
        self.reason = reason
        self.grade = grade
        self.gradeCriteria = grade?.criteria
    }
}
