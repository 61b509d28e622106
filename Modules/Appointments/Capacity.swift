import Core

/// A workshop bay's kind (issue 18): the work it can hold.
public enum BayKind: String, CaseIterable, Codable, Sendable {
    case general
    case quickService = "quick-service"
    case alignment
    case body

    /// The kind as people read it (快修工位 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .general: "general bay"
        case .quickService: "quick-service bay"
        case .alignment: "alignment bay"
        case .body: "body bay"
        }
    }
}

/// What a technician can do, and so what a booked job needs (issue 18). A job needs one skill; the bay kinds
/// that can hold it follow from the skill (`bayKinds`).
public enum Skill: String, CaseIterable, Codable, Sendable {
    /// Maintenance and general mechanical repair.
    case general
    /// Quick service: oil change, tyres, wipers, a short job on a quick-service bay.
    case quickService = "quick-service"
    /// Wheel alignment.
    case alignment
    /// Body and paint.
    case body
    /// Electrical and electronic diagnosis.
    case electrical
    /// High-voltage systems of electric cars (traction battery, drive motor): certified technicians only.
    case highVoltage = "high-voltage"

    /// The bay kinds a job needing this skill can use, preferred first: quick service prefers its own bays and may
    /// use a general bay; alignment and body work need their own bays; the rest use general bays.
    public var bayKinds: [BayKind] {
        switch self {
        case .quickService: [.quickService, .general]
        case .alignment: [.alignment]
        case .body: [.body]
        case .general, .electrical, .highVoltage: [.general]
        }
    }

    /// The skill as people read it (钣喷 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .general: "general repair"
        case .quickService: "quick service"
        case .alignment: "wheel alignment"
        case .body: "body and paint"
        case .electrical: "electrical"
        case .highVoltage: "high voltage"
        }
    }
}

/// A workshop bay (工位).
public struct Bay: Codable, Sendable, Equatable {
    /// The dealer's name for it: `B01`, `快修1`.
    public var code: String
    public var kind: BayKind
    /// A bay out of use is kept (bookings name it) but offered no more.
    public var active: Bool

    public init(code: String, kind: BayKind, active: Bool = true) {
        self.code = code
        self.kind = kind
        self.active = active
    }
}

/// Days a technician is away (leave, training), both ends included.
public struct Leave: Sendable, Equatable {
    public var from: LocalDate
    public var to: LocalDate
    public var reason: String?

    public init(from: LocalDate, to: LocalDate, reason: String? = nil) {
        self.from = from
        self.to = to
        self.reason = reason
    }

    public func covers(_ day: LocalDate) -> Bool { from <= day && day <= to }
}

/// A technician (技师) as capacity sees them: skills, the hours they work per weekday, their leave.
public struct Technician: Sendable, Equatable {
    /// A staff member's name (`staff list`).
    public var name: String
    public var skills: Set<Skill>
    /// The hours worked on each weekday; a weekday not listed is a day off. The store's opening hours bound them.
    public var shifts: [Weekday: BusinessHours]
    public var leave: [Leave]
    public var active: Bool

    public init(
        name: String, skills: Set<Skill>, shifts: [Weekday: BusinessHours], leave: [Leave] = [], active: Bool = true
    ) {
        self.name = name
        self.skills = skills
        self.shifts = shifts
        self.leave = leave
        self.active = active
    }

    /// The hours the technician works on `day`, or nil (day off, on leave, or no longer active).
    public func shift(on day: LocalDate) -> BusinessHours? {
        guard active, !leave.contains(where: { $0.covers(day) }) else { return nil }
        return shifts[Weekday(day)]
    }
}

/// A service advisor (服务顾问) receiving booked arrivals: how many per 15 minutes (nil: the setting
/// `appointments.arrivals-per-advisor`), and the hours they receive (nil on a weekday: the store's opening hours).
public struct ServiceAdvisor: Sendable, Equatable {
    public var name: String
    public var arrivalsPerQuarterHour: Int?
    /// Reception hours per weekday; empty: every hour the store is open.
    public var shifts: [Weekday: BusinessHours]
    public var active: Bool

    public init(
        name: String, arrivalsPerQuarterHour: Int? = nil, shifts: [Weekday: BusinessHours] = [:], active: Bool = true
    ) {
        self.name = name
        self.arrivalsPerQuarterHour = arrivalsPerQuarterHour
        self.shifts = shifts
        self.active = active
    }
}

/// The workshop's capacity as data (issue 18, A-2): the store's opening hours (T-3, never the legal calendar),
/// bays, technicians and service advisors. Bookings and repair orders in the workshop take from it.
public struct WorkshopCapacity: Sendable, Equatable {
    public var openingHours: OpeningHours
    public var bays: [Bay]
    public var technicians: [Technician]
    public var advisors: [ServiceAdvisor]

    public init(
        openingHours: OpeningHours = OpeningHours(), bays: [Bay] = [], technicians: [Technician] = [],
        advisors: [ServiceAdvisor] = []
    ) {
        self.openingHours = openingHours
        self.bays = bays
        self.technicians = technicians
        self.advisors = advisors
    }
}
