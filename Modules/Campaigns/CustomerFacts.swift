import Core
import Customers
import Foundation
import Messaging

/// What a segment and a template may ask about one customer with one of their vehicles (M-2, M-5).
/// A customer without a vehicle has one row with no vehicle facts.
public struct CustomerFacts: Sendable {
    public var customerID: Customer.ID
    public var name: String
    public var gender: Gender?
    public var customerClass: CustomerClass
    public var grade: PotentialGrade?
    public var region: String?
    public var owner: String?
    public var birthDate: LocalDate?
    public var email: String?
    public var mobile: String?
    public var address: String?
    /// M-5: service revenue in fen, and the customer's place in the ranking (1 = most).
    public var valueFen: Int64
    public var valueRank: Int?
    public var consent: ChannelConsents
    public var vin: VIN?
    public var plate: String?
    public var make: String?
    public var model: String?
    public var modelYear: Int?
    public var usage: Usage?
    public var deliveredOn: LocalDate?
    public var mileage: Int?
    public var lastVisit: LocalDate?
    /// The reading at the last maintenance visit: the next one is due from it (W-9).
    public var lastVisitKilometres: Int?
    /// The last covered day of the vehicle warranty, as `warranty check` gives it (M-1, M-2).
    public var warrantyEnds: LocalDate?
    /// Whether this row carries the customer's first vehicle (customer-level reminders go once).
    public var firstVehicle = true

    public init(
        customerID: Customer.ID, name: String, gender: Gender? = nil, customerClass: CustomerClass,
        grade: PotentialGrade? = nil,
        region: String? = nil, owner: String? = nil, birthDate: LocalDate? = nil, email: String? = nil,
        mobile: String? = nil,
        address: String? = nil, valueFen: Int64 = 0, valueRank: Int? = nil, consent: ChannelConsents = [:],
        vin: VIN? = nil, plate: String? = nil, make: String? = nil, model: String? = nil, modelYear: Int? = nil,
        usage: Usage? = nil,
        deliveredOn: LocalDate? = nil, mileage: Int? = nil, lastVisit: LocalDate? = nil,
        lastVisitKilometres: Int? = nil,
        warrantyEnds: LocalDate? = nil
    ) {
        self.customerID = customerID
        self.name = name
        self.gender = gender
        self.customerClass = customerClass
        self.grade = grade
        self.region = region
        self.owner = owner
        self.birthDate = birthDate
        self.email = email
        self.mobile = mobile
        self.address = address
        self.valueFen = valueFen
        self.valueRank = valueRank
        self.consent = consent
        self.vin = vin
        self.plate = plate
        self.make = make
        self.model = model
        self.modelYear = modelYear
        self.usage = usage
        self.deliveredOn = deliveredOn
        self.mileage = mileage
        self.lastVisit = lastVisit
        self.lastVisitKilometres = lastVisitKilometres
        self.warrantyEnds = warrantyEnds
    }

    /// Where a message on `channel` goes: the e-mail address, the mobile number or the postal address.
    public func recipient(_ channel: MessageChannel) -> String? {
        switch channel {
        case .email: return email
        case .sms: return mobile
        case .letter: return address
        }
    }
}

/// A customer's latest word per channel (M-3), without a dictionary per customer: a million of them are read per run.
public struct ChannelConsents: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    public var email: ConsentStatus?
    public var sms: ConsentStatus?
    public var letter: ConsentStatus?

    public init(dictionaryLiteral elements: (MessageChannel, ConsentStatus)...) {
        for (channel, status) in elements { self[channel] = status }
    }

    public subscript(channel: MessageChannel) -> ConsentStatus? {
        get {
            switch channel {
            case .email: return email
            case .sms: return sms
            case .letter: return letter
            }
        }
        set {
            switch channel {
            case .email: email = newValue
            case .sms: sms = newValue
            case .letter: letter = newValue
            }
        }
    }
}

/// The personal fields a message template may use, from the facts and the dealer.
public enum PersonalFields {
    public static let names: Set<String> = [
        "name", "title", "vehicle", "model", "plate", "vin", "mileage", "due_date", "dealer", "bulletin",
    ]
    /// Fields only a reminder fills (M-1: the day something is due, the recall's title): a campaign has neither.
    public static let reminderOnly: Set<String> = ["due_date", "bulletin"]
    /// The fields a campaign's template and subject may use.
    public static var campaignNames: Set<String> { names.subtracting(reminderOnly) }

    /// Checks a campaign's template (or subject) when the campaign is created (M-2): a reminder-only field is
    /// refused with where it stands and why, instead of failing later for every customer.
    public static func campaignTemplate(_ text: String, field: String = "template") throws -> MessageTemplate {
        let template = try MessageTemplate(text, known: names, field: field)
        if let use = template.fields.first(where: { reminderOnly.contains($0.name) }) {
            throw InvalidInput(
                field: field,
                "line \(use.line), column \(use.column): {{\(use.name)}} is filled only in reminders (M-1), a "
                    + "campaign has "
                    + "none; fields: \(campaignNames.sorted().joined(separator: ", "))")
        }
        return template
    }

    /// The values for one message; `extra` adds the due date or bulletin of a reminder.
    public static func values(_ facts: CustomerFacts, dealer: String, extra: [String: String] = [:]) -> [String: String]
    {
        var values: [String: String] = ["name": facts.name, "dealer": dealer]
        switch facts.gender {
        case .male?: values["title"] = "先生"
        case .female?: values["title"] = "女士"
        default: break
        }
        if let make = facts.make, let model = facts.model {
            values["vehicle"] = "\(make) \(model)"
            values["model"] = model
        }
        if let plate = facts.plate { values["plate"] = plate }
        if let vin = facts.vin { values["vin"] = vin.value }
        if let mileage = facts.mileage { values["mileage"] = Grouping.thousands(mileage) }
        for (key, value) in extra { values[key] = value }
        return values
    }

    /// What a recall says where a personal field is missing (W-6, M-3): a recall must never be lost to a missing
    /// field, so the greeting falls back to 尊敬的车主 (no honorific) and the rest to neutral words.
    public static let recallFallbacks: [String: String] = [
        "name": "车主", "title": "", "vehicle": "爱车", "model": "爱车", "plate": "车牌未登记", "vin": "", "mileage": "",
        "due_date": "", "dealer": "", "bulletin": "召回",
    ]

    /// Renders `template` (and `subject`) with `values`. A field the values lack suppresses the message, except
    /// for a recall (W-6: recalls always go out, M-3), which is rendered with `recallFallbacks` instead and names
    /// the fields it filled in `degraded`. Without a name or a title the greeting is 尊敬的车主, never half of it.
    public static func personalise(
        _ template: MessageTemplate, subject: MessageTemplate? = nil, values: [String: String],
        category: MessageCategory
    ) throws -> Personalised {
        guard let missing = template.missingField(values) ?? subject?.missingField(values) else {
            return .ready(
                body: try template.render(values), subject: try subject?.render(values, field: "subject"), degraded: [])
        }
        guard category == .recall else { return .missing(missing) }
        var filled = values
        let used = Set(template.fields.map(\.name)).union(subject?.fields.map(\.name) ?? [])
        let lacking = used.filter { (values[$0] ?? "").isEmpty }
        if !lacking.isDisjoint(with: ["name", "title"]) {
            filled["name"] = recallFallbacks["name"]
            filled["title"] = recallFallbacks["title"]
        }
        for field in lacking where field != "name" && field != "title" { filled[field] = recallFallbacks[field] ?? "" }
        return .ready(
            body: template.renderAllowingEmpty(filled), subject: subject?.renderAllowingEmpty(filled),
            degraded: lacking.sorted())
    }
}
