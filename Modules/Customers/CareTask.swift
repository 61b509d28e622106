import Core
import Foundation

/// A task of the retained-customer care plan (C-7).
public struct CareTask: Sendable, Codable, Equatable {
    public typealias ID = Identifier<CareTask>

    public enum Kind: String, CaseIterable, Codable, Sendable {
        /// General manager's thank-you letter, mailed within 3 days.
        case thankYouLetter = "thank-you-letter"
        /// Sales consultant's call within 7 days: usage, quality, questions, tips, purchase satisfaction.
        case firstCall = "first-call"
        /// New-car check call 2-3 weeks after delivery.
        case newCarCall = "new-car-call"
        /// Monthly call after that: use of the car, questions, a safety reminder.
        case monthlyCall = "monthly-call"
        /// Tell the customer when the first maintenance (首保) is due and book it (W-9).
        case firstMaintenanceReminder = "first-maintenance-reminder"
        /// Call a customer who missed an appointment: why, and book again (A-3, issue 18).
        case noShowCall = "no-show-call"

        /// Rule C-7: the role that does the task. The rule names the general manager's letter and the sales
        /// consultant's call and first-maintenance booking; the new-car check call and the monthly calls, which it
        /// leaves unnamed, are customer service's, the department that keeps the periodic contact plan (C-3)
        /// [design].
        public var role: Role {
            switch self {
            case .thankYouLetter: return .generalManager
            case .firstCall, .firstMaintenanceReminder: return .salesConsultant
            case .newCarCall, .monthlyCall, .noShowCall: return .csAgent
            }
        }

        /// The kind as people read it, in the language of the moment.
        public var title: String { spoken.rendered() }

        /// The rule that raises the task: A-3 for a missed appointment, C-7 for the care plan.
        public var rule: String { self == .noShowCall ? "A-3" : "C-7" }

        /// The kind as a phrase (首保提醒 in Chinese).
        public var spoken: Phrase {
            switch self {
            case .thankYouLetter: "thank-you letter"
            case .firstCall: "first call"
            case .newCarCall: "new-car check call"
            case .monthlyCall: "monthly call"
            case .firstMaintenanceReminder: "first-maintenance reminder"
            case .noShowCall: "no-show call"
            }
        }
    }

    public var id: ID?
    public var customerID: Customer.ID
    public var vehicleID: Vehicle.ID
    public var kind: Kind
    /// 1 for every task but the monthly calls, which count 1, 2, 3...
    public var sequence: Int
    public var rule: String
    /// The earliest day the task should be done (the 2-3 week window of the new-car call), if any.
    public var windowStart: LocalDate?
    public var dueOn: LocalDate
    public var assignee: String?
    public var note: String?
    public var doneAt: Date?
    public var doneBy: String?
    public var response: String?

    public init(
        id: ID? = nil, customerID: Customer.ID, vehicleID: Vehicle.ID, kind: Kind, sequence: Int = 1,
        rule: String = "C-7",
        windowStart: LocalDate? = nil, dueOn: LocalDate, assignee: String? = nil, note: String? = nil,
        doneAt: Date? = nil, doneBy: String? = nil, response: String? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.kind = kind
        self.sequence = sequence
        self.rule = rule
        self.windowStart = windowStart
        self.dueOn = dueOn
        self.assignee = assignee
        self.note = note
        self.doneAt = doneAt
        self.doneBy = doneBy
        self.response = response
    }

    /// "monthly call 3", in the language of the moment.
    public var title: String { spokenTitle.rendered() }

    /// "monthly call 3", as a phrase.
    public var spokenTitle: Phrase { kind == .monthlyCall ? "\(kind.spoken) \(sequence)" : kind.spoken }
}

/// How late something is on a given day, said in words: "due today", "3 days overdue", "due in 2 days".
public struct Lateness: Sendable, Codable, Equatable {
    /// Days past the due day; negative when not yet due.
    public let daysLate: Int

    public init(due: LocalDate, asOf: LocalDate) { daysLate = due.days(until: asOf) }

    public var isDue: Bool { daysLate >= 0 }

    /// In the language of the moment.
    public var description: String { phrase.rendered() }

    public var phrase: Phrase {
        switch daysLate {
        case 0: "due today"
        case 1: "1 day overdue"
        case 2...: "\(daysLate) days overdue"
        case -1: "due tomorrow"
        default: "due in \(-daysLate) days"
        }
    }
}
