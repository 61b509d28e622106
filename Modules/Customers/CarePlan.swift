import Core

/// A task the care plan wants created, before it is stored.
public struct PlannedTask: Sendable, Equatable {
    public var kind: CareTask.Kind
    public var sequence: Int
    public var windowStart: LocalDate?
    public var dueOn: LocalDate
    public var note: String

    public init(kind: CareTask.Kind, sequence: Int = 1, windowStart: LocalDate? = nil, dueOn: LocalDate, note: String) {
        self.kind = kind
        self.sequence = sequence
        self.windowStart = windowStart
        self.dueOn = dueOn
        self.note = note
    }
}

/// Rule C-7: the retained-customer care plan created when a vehicle is delivered.
public enum CarePlan {
    /// The tasks to create at delivery: thank-you letter, first call, new-car check call, and the
    /// first-maintenance reminder whose due date comes from the make's maintenance schedule (W-9).
    /// Monthly calls follow one at a time (`monthlyCallsDue`).
    public static func tasksAtDelivery(
        delivery: LocalDate, settings: DealerSettings, schedule: MaintenanceSchedule
    ) -> [PlannedTask] {
        let firstMaintenance = schedule.firstMaintenanceDue(delivery: delivery)
        let lead = settings.integer(.firstMaintenanceLeadDays)
        // The notes are stored with the task: written in the language of the moment, the dealer's.
        func said(_ phrase: Phrase) -> String { phrase.rendered() }
        return [
            PlannedTask(
                kind: .thankYouLetter, dueOn: delivery.adding(days: settings.integer(.thankYouLetterDays)),
                note: said(
                    "general manager's thank-you letter, mailed within \(settings.integer(.thankYouLetterDays)) days "
                        + "of delivery")
            ),
            PlannedTask(
                kind: .firstCall, dueOn: delivery.adding(days: settings.integer(.firstCallDays)),
                note: said("usage, new-car quality, questions, driving tips, purchase satisfaction survey")),
            PlannedTask(
                kind: .newCarCall, windowStart: delivery.adding(days: settings.integer(.newCarCallFromDays)),
                dueOn: delivery.adding(days: settings.integer(.newCarCallToDays)),
                note: said(
                    "new-car check call, "
                        + "\(settings.integer(.newCarCallFromDays))-\(settings.integer(.newCarCallToDays)) days after "
                        + "delivery")
            ),
            PlannedTask(
                kind: .firstMaintenanceReminder, dueOn: firstMaintenance.date.adding(days: -lead),
                note: said(
                    "first maintenance due \(firstMaintenance.date) or at "
                        + "\(grouped: firstMaintenance.kilometres) km, whichever comes first (W-9); tell "
                        + "the customer with the service advisor and book it")
            ),
        ]
    }

    /// Rule C-7: whom a task of `kind` goes to, on `day`: the card's owner when they hold the task's role and
    /// still work here (the customer keeps their own consultant); else the one current staff member with that
    /// role (the general manager); else, with none or several to choose from, the role itself as
    /// `role: ROLE`, a queue that `tasks due --assignee "role: ROLE"` lists until someone takes it.
    /// `previous`, for a monthly call, is the chain's last assignee: the chain stays with that person while
    /// they hold the role.
    public static func assignee(
        for kind: CareTask.Kind, owner: String?, previous: String? = nil,
        staff: [StaffMember], on day: LocalDate
    ) -> String {
        let holders = staff.filter { $0.role == kind.role && $0.isCurrent(on: day) }.map(\.name)
        if let previous, holders.contains(previous) { return previous }
        if let owner, holders.contains(owner) { return owner }
        if holders.count == 1 { return holders[0] }
        return roleQueue(kind.role)
    }

    /// The assignee naming a role rather than a person (C-7).
    public static func roleQueue(_ role: Role) -> String { "role: \(role.rawValue)" }

    /// The monthly calls to create now (C-7: "each call created when the previous one is done or due"):
    /// given the vehicle's chain so far (the new-car call and the monthly calls), plans the next call while
    /// the last one of the chain is done or due on `asOf`, up to the configured number of calls.
    public static func monthlyCallsDue(chain: [CareTask], asOf: LocalDate, settings: DealerSettings) -> [PlannedTask] {
        guard let anchor = chain.first(where: { $0.kind == .newCarCall }) else { return [] }
        let limit = settings.integer(.monthlyCalls)
        var last = chain.filter { $0.kind == .monthlyCall }.max { $0.sequence < $1.sequence }
        var lastDue = last?.dueOn ?? anchor.dueOn
        var lastDone = (last ?? anchor).doneAt != nil
        var sequence = last?.sequence ?? 0
        var planned: [PlannedTask] = []
        while sequence < limit, lastDone || lastDue <= asOf {
            sequence += 1
            let due = anchor.dueOn.adding(months: sequence)
            planned.append(
                PlannedTask(
                    kind: .monthlyCall, sequence: sequence, dueOn: due,
                    note: ("monthly care call \(sequence) of \(limit): use of the car, questions, a safety reminder"
                        as Phrase).rendered()))
            last = nil
            lastDue = due
            lastDone = false
        }
        return planned
    }
}
