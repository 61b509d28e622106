import Complaints
import Core
import Foundation

// Rule Q-6: the post-service follow-up (服务后回访). A task is made when the car is delivered, due within a few days,
// for someone neutral to the order (not its advisor nor a technician who was dispatched to or clocked on one of its
// jobs); up to three calls on one day, then a follow-up card; the answer is scored on the 7-level scale of K-10 and
// the S-1 dimensions, and a problem found opens a complaint (K-1) linked to the order.

extension Setting {
    public static let followUpDays = Setting(
        "workorders.followup.days", rule: "Q-6", default: "3",
        summary: "the follow-up call is due within N days of delivery", value: .integer(1...30))
    public static let followUpAttempts = Setting(
        "workorders.followup.attempts", rule: "Q-6", default: "3",
        summary: "unanswered follow-up calls on one day before a follow-up card is sent instead",
        value: .integer(1...10))

    /// The follow-up settings, listed after the WorkOrders module's own.
    public static let followUps: [Setting] = [.followUpDays, .followUpAttempts]
}

/// How a follow-up call went.
public enum FollowUpOutcome: String, CaseIterable, Codable, Sendable {
    case reached
    case noAnswer = "no-answer"
    case busy
    case wrongNumber = "wrong-number"

    /// Whether the customer was reached; the others count towards the card.
    public var reachedCustomer: Bool { self == .reached }

    public var spoken: Phrase {
        switch self {
        case .reached: return Phrase("reached", context: "follow-up outcome")
        case .noAnswer: return Phrase("no answer", context: "follow-up outcome")
        case .busy: return Phrase("busy", context: "follow-up outcome")
        case .wrongNumber: return Phrase("wrong number", context: "follow-up outcome")
        }
    }
}

/// A follow-up task's state: open (calls to make) → card (the calls failed, a card went out) → done (answered).
public enum FollowUpState: String, CaseIterable, Codable, Sendable {
    case open, card, done

    public var spoken: Phrase {
        switch self {
        case .open: return Phrase("open", context: "follow-up state")
        case .card: return Phrase("card sent", context: "follow-up state")
        case .done: return Phrase("done", context: "follow-up state")
        }
    }
}

/// How the follow-up card goes when the calls fail: by SMS or by letter, as the customer's consent allows (M-3).
public enum FollowUpCardChannel: String, CaseIterable, Codable, Sendable {
    case sms, letter

    public var spoken: Phrase {
        switch self {
        case .sms: return Phrase("sms", context: "message channel")
        case .letter: return Phrase("letter", context: "message channel")
        }
    }
}

/// One call of the follow-up.
public struct FollowUpAttempt: Codable, Sendable, Equatable {
    public var at: Date
    public var outcome: FollowUpOutcome
    public var by: String
    public var note: String?

    public init(at: Date, outcome: FollowUpOutcome, by: String, note: String? = nil) {
        self.at = at
        self.outcome = outcome
        self.by = by
        self.note = note?.trimmed().nilIfEmpty
    }
}

/// The customer's answer (Q-6, S-1): the overall score on the 7-level scale, the service-quality dimensions as
/// complaint close takes them, a note, and the problem found, if any, which becomes a complaint (K-1).
public struct FollowUpAnswer: Codable, Sendable, Equatable {
    public var score: Satisfaction
    public var dimensions: [ServiceDimension: Satisfaction]
    public var note: String?
    /// The problem the customer told of, in their words; a complaint is opened with it.
    public var problem: String?
    /// The complaint's category (K-2); `other` when not said.
    public var category: ComplaintCategory

    public init(
        score: Satisfaction, dimensions: [ServiceDimension: Satisfaction] = [:], note: String? = nil,
        problem: String? = nil, category: ComplaintCategory? = nil
    ) {
        self.score = score
        self.dimensions = dimensions
        self.note = note?.trimmed().nilIfEmpty
        self.problem = problem?.trimmed().nilIfEmpty
        self.category = category ?? .other
    }
}

/// The follow-up task of one delivered order.
public struct FollowUpTask: Codable, Sendable, Equatable {
    public var id: Int64?
    /// The repair order's number.
    public var order: String
    public var customerID: Int64
    public var vin: VIN
    public var deliveredAt: Date
    public var dueOn: LocalDate
    /// Who is not neutral to the order: its advisor and the technicians dispatched to or clocked on its jobs.
    public var involved: [String]
    public var state: FollowUpState
    public var attempts: [FollowUpAttempt]
    /// The card's channel, once the calls failed and a card could go.
    public var card: FollowUpCardChannel?
    /// Why no card could go (opted out, no address), said as stored.
    public var cardNote: String?
    public var answer: FollowUpAnswer?
    public var doneAt: Date?
    public var doneBy: String?
    /// The complaint opened from the answer's problem (K-1).
    public var complaint: Int64?

    public init(
        id: Int64? = nil, order: String, customerID: Int64, vin: VIN, deliveredAt: Date, dueOn: LocalDate,
        involved: [String], state: FollowUpState = .open, attempts: [FollowUpAttempt] = []
    ) {
        self.id = id
        self.order = order
        self.customerID = customerID
        self.vin = vin
        self.deliveredAt = deliveredAt
        self.dueOn = dueOn
        self.involved = involved
        self.state = state
        self.attempts = attempts
    }

    /// Rule Q-6: the task for a delivered order, due `days` after the day the car left.
    public static func make(for order: WorkOrder, customerID: Int64, days: Int, zone: TimeZone) -> FollowUpTask? {
        guard let delivered = order.deliveredAt else { return nil }
        return FollowUpTask(
            order: order.number, customerID: customerID, vin: order.vin, deliveredAt: delivered,
            dueOn: LocalDate(instant: delivered, in: zone).adding(days: days), involved: involved(in: order))
    }

    /// Rule Q-6: who is not neutral to the order: its advisor, then every technician dispatched to or clocked on a
    /// job, each once, in that order.
    public static func involved(in order: WorkOrder) -> [String] {
        var names = [order.advisor]
        for job in order.jobs {
            for name in [job.technician].compactMap({ $0 }) + job.spells.map(\.technician)
            where !names.contains(name) {
                names.append(name)
            }
        }
        return names
    }

    /// Whether `person` may make the follow-up (Q-6: someone neutral to the job).
    public func isNeutral(_ person: String) -> Bool { !involved.contains(person.trimmed()) }

    /// Rule Q-6: refuses a person who is not neutral, naming why.
    public func requireNeutral(_ person: String, field: String) throws {
        let name = person.trimmed()
        guard isNeutral(name) else {
            let role: Phrase =
                name == involved.first ? "the order's service advisor" : "a technician on the order"
            throw Conflict(
                field: field,
                "\(name) is \(role) and not neutral to order \(order); the follow-up must be made by someone else "
                    + "(Q-6)")
        }
    }

    /// Whether the task is past its due day on `day` and still waits for a call.
    public func isOverdue(on day: LocalDate) -> Bool { state == .open && dueOn < day }

    /// Unanswered calls on the local day of `instant`.
    public func failedCalls(onDayOf instant: Date, zone: TimeZone) -> Int {
        let day = LocalDate(instant: instant, in: zone)
        return attempts.filter { !$0.outcome.reachedCustomer && LocalDate(instant: $0.at, in: zone) == day }.count
    }

    /// Rule Q-6: records a call by a neutral person. Answers whether the calls are now exhausted: `limit` unanswered
    /// calls on one day turn the task to a card (the caller queues it and calls `turnToCard`).
    public mutating func recordAttempt(_ attempt: FollowUpAttempt, limit: Int, zone: TimeZone) throws -> Bool {
        try requireOpen(field: "id")
        try requireNeutral(attempt.by, field: "actor")
        if let last = attempts.last, attempt.at < last.at {
            throw Conflict(field: "at", "a call is recorded after the previous one")
        }
        attempts.append(attempt)
        return !attempt.outcome.reachedCustomer && failedCalls(onDayOf: attempt.at, zone: zone) >= limit
    }

    /// Rule Q-6 with M-3: the calls failed; the card went by `channel`, or could not go (`note` says why).
    public mutating func turnToCard(_ channel: FollowUpCardChannel?, note: String?) {
        state = .card
        card = channel
        cardNote = note
    }

    /// Rule Q-6: records the customer's answer (after a call, or the card's reply) by a neutral person; done.
    public mutating func record(_ answer: FollowUpAnswer, by person: String, at: Date) throws {
        guard state != .done else {
            throw Conflict(field: "id", "the follow-up of order \(order) is already done")
        }
        try requireNeutral(person, field: "actor")
        self.answer = answer
        state = .done
        doneAt = at
        doneBy = person.trimmed()
    }

    func requireOpen(field: String) throws {
        switch state {
        case .open: return
        case .card:
            throw Conflict(
                field: field,
                "the calls for order \(order) are over: a follow-up card was due; record the customer's answer "
                    + "with done (Q-6)")
        case .done: throw Conflict(field: field, "the follow-up of order \(order) is already done")
        }
    }

    /// Rule Q-6: the due list's order on `day`: overdue tasks first, then by due day, then as created.
    public static func dueOrder(on day: LocalDate) -> (FollowUpTask, FollowUpTask) -> Bool {
        { a, b in
            let (lateA, lateB) = (a.isOverdue(on: day), b.isOverdue(on: day))
            if lateA != lateB { return lateA }
            if a.dueOn != b.dueOn { return a.dueOn < b.dueOn }
            return (a.id ?? 0) < (b.id ?? 0)
        }
    }

    /// The fields an audit entry records, as stored.
    public var auditFields: [String: String?] {
        [
            "order": order, "due_on": dueOn.description, "state": state.rawValue,
            "attempts": String(attempts.count), "card": card?.rawValue, "card_note": cardNote,
            "score": answer.map { String($0.score.rawValue) }, "note": answer?.note, "problem": answer?.problem,
            "complaint": complaint.map(String.init), "done_by": doneBy,
        ]
    }
}
