import Core

/// How a complaint arrived (K-1): every channel is recorded.
public enum ComplaintChannel: String, CaseIterable, Codable, Sendable {
    case inPerson = "in-person"
    case phone, letter, email, online, authority
}

/// K-1: a complaint (投诉) raised with the dealer, or a grievance (抱怨) told to others, recorded too.
public enum ComplaintKind: String, CaseIterable, Codable, Sendable {
    case complaint, grievance
}

/// The categories of K-2, each routed to a department by the table of K-5.
public enum ComplaintCategory: String, CaseIterable, Codable, Sendable {
    case serviceQuality = "service-quality"
    case repairTechnique = "repair-technique"
    case partsQuality = "parts-quality"
    /// A repair delayed by a missing part (K-5).
    case partsShortage = "parts-shortage"
    case productQuality = "product-quality"
    case warrantyClaim = "warranty-claim"
    case technicalProblem = "technical-problem"
    case price
    case delay
    case reception
    case reAppointment = "re-appointment"
    case other

    /// Rule K-5: who receives the internal complaint repair order for this category.
    public var department: Role {
        switch self {
        case .partsQuality, .partsShortage: return .partsManager  // K-5: parts → parts manager
        case .repairTechnique, .technicalProblem, .productQuality: return .technicalDirector
        case .serviceQuality, .warrantyClaim, .price, .delay, .reception, .reAppointment, .other: return .serviceManager
        }
    }

    /// The K-5 routing rule as shown to staff, in the language of the moment (it is stored with the repair order).
    public var routingRule: String {
        switch department {
        case .partsManager: return say("K-5: parts → parts manager")
        case .technicalDirector: return say("K-5: technical or repair-quality problem (\(spoken)) → technical director")
        default: return say("K-5: \(spoken) → service manager")
        }
    }
}

/// The cause, once known (K-2).
public enum ComplaintCause: String, CaseIterable, Codable, Sendable {
    case defect
    /// Meets the standard, but the customer is unhappy.
    case dissatisfaction
    case customerFault = "customer-fault"
    /// Left over from the sale: an unkept promise, felt overcharged, rights not explained.
    case fromSale = "from-sale"
}

/// What the customer wants (K-2).
public enum CustomerWish: String, CaseIterable, Codable, Sendable {
    case vent, compensation, respect
    case betterService = "better-service"
    case rights
    case explanation = "explanation-apology"
    case prevention
}

/// The 7-level satisfaction scale of K-10 and S-1, best first; the raw value is the level (7 = very satisfied).
public enum Satisfaction: Int, CaseIterable, Codable, Sendable, Comparable {
    case verySatisfied = 7
    case satisfied = 6
    case fairlySatisfied = 5
    case neutral = 4
    case somewhatDissatisfied = 3
    case dissatisfied = 2
    case veryDissatisfied = 1

    public var name: String {
        switch self {
        case .verySatisfied: return "very-satisfied"
        case .satisfied: return "satisfied"
        case .fairlySatisfied: return "fairly-satisfied"
        case .neutral: return "neutral"
        case .somewhatDissatisfied: return "somewhat-dissatisfied"
        case .dissatisfied: return "dissatisfied"
        case .veryDissatisfied: return "very-dissatisfied"
        }
    }

    /// The Chinese label used on the dealer's forms.
    public var label: String {
        switch self {
        case .verySatisfied: return "非常满意"
        case .satisfied: return "满意"
        case .fairlySatisfied: return "比较满意"
        case .neutral: return "一般"
        case .somewhatDissatisfied: return "不太满意"
        case .dissatisfied: return "不满意"
        case .veryDissatisfied: return "非常不满意"
        }
    }

    /// Rule K-10: "satisfied" means one of the top `levels` levels (setting, default 3).
    public func isSatisfied(topLevels levels: Int) -> Bool { rawValue > 7 - levels }

    public static func < (a: Satisfaction, b: Satisfaction) -> Bool { a.rawValue < b.rawValue }

    /// Parses a level name (`fairly-satisfied`), its Chinese label or its number 1-7.
    public static func parse(_ text: String, field: String) throws -> Satisfaction {
        let key = text.trimmed().lowercased()
        if let level = Int(key).flatMap(Satisfaction.init(rawValue:))
            ?? allCases.first(where: { $0.name == key || $0.label == key })
        {
            return level
        }
        throw InvalidInput(
            field: field,
            "expected a level of the 7-level scale (\(allCases.map(\.name).joined(separator: ", ")), or 7 to 1), got "
                + "\"\(text)\""
        )
    }
}

extension Satisfaction {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Int.self), let level = Satisfaction(rawValue: number) {
            self = level
            return
        }
        let text = try container.decode(String.self)
        self = try Satisfaction.parse(text, field: decoder.codingPath.last?.stringValue ?? "satisfaction")
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// The service-quality dimensions of S-1, each rated on the 7-level scale. A coding key, so ratings by dimension are a
/// JSON object (`{"empathy": "satisfied"}`), not an array of keys and values.
public enum ServiceDimension: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable {
    case reliability, assurance, tangibles, empathy, responsiveness
}

/// The escalation ladder of K-7, lowest first.
public enum EscalationLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case handler
    case serviceManager = "service-manager"
    case generalManager = "general-manager"
    case regionalOffice = "regional-office"

    var rank: Int { EscalationLevel.allCases.firstIndex(of: self)! }
    public static func < (a: EscalationLevel, b: EscalationLevel) -> Bool { a.rank < b.rank }

    /// The next level up, or nil at the manufacturer's regional office.
    public var next: EscalationLevel? {
        rank + 1 < EscalationLevel.allCases.count ? EscalationLevel.allCases[rank + 1] : nil
    }
}

/// A complaint's life: received → contacted → investigating → resolved (awaiting the customer's verdict)
/// → closed; resolved goes back to investigating when the customer is not satisfied (K-10); an invalid
/// complaint (K-9) is explained and closed as invalid.
public enum ComplaintState: String, CaseIterable, Codable, Sendable {
    case received, contacted, investigating, resolved, closed, invalid

    public var isOpen: Bool { self != .closed && self != .invalid }
}

/// Who makes the follow-up call (K-3: the handler by default).
public enum FollowUpBy: String, CaseIterable, Codable, Sendable {
    case owner
    case csManager = "cs-manager"
    case serviceManager = "service-manager"
}
