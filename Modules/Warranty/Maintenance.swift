import Core

/// A maintenance visit from the service history (W-9): where and at what mileage.
public struct MaintenanceVisit: Sendable, Codable, Equatable {
    public var day: LocalDate
    public var kilometres: Int
    /// Done at an independent workshop, not an authorised dealer.
    public var independent: Bool
    /// The proof kept for an independent workshop's maintenance (invoice, record).
    public var proof: String?

    public init(day: LocalDate, kilometres: Int, independent: Bool = false, proof: String? = nil) {
        self.day = day
        self.kilometres = kilometres
        self.independent = independent
        self.proof = proof
    }
}

/// Whether a vehicle was maintained on schedule (W-9), computed from the service history.
public struct MaintenanceCompliance: Sendable, Codable, Equatable {
    public var onSchedule: Bool
    /// One line per due maintenance: done by which visit, or missed; each with whether it was missed.
    public var notes: [(text: Phrase, missed: Bool)]

    /// The findings in the language of the moment (JSON's `findings`).
    public var findings: [String] { notes.map { $0.text.rendered() } }
    /// The missed ones, for people.
    public var missed: [Phrase] { notes.filter(\.missed).map(\.text) }

    init(onSchedule: Bool, notes: [(text: Phrase, missed: Bool)]) {
        self.onSchedule = onSchedule
        self.notes = notes
    }

    /// Findings already said (stored, or given as they are), each missed when it says so.
    init(onSchedule: Bool, findings: [String]) {
        self.init(onSchedule: onSchedule, notes: findings.map { (Phrase(verbatim: $0), $0.contains("missed")) })
    }

    enum CodingKeys: String, CodingKey { case onSchedule, findings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            onSchedule: try c.decode(Bool.self, forKey: .onSchedule),
            findings: try c.decode([String].self, forKey: .findings))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(onSchedule, forKey: .onSchedule)
        try c.encode(findings, forKey: .findings)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.onSchedule == b.onSchedule && a.notes.map(\.text) == b.notes.map(\.text)
            && a.notes.map(\.missed) == b.notes.map(\.missed)
    }

    /// Rule W-9: the first maintenance is due at the schedule's first kilometres or months from delivery, each
    /// later one at the interval from the visit actually made, whichever limit comes first. A visit is on
    /// schedule only within both limits plus their tolerance (`MaintenanceDuePoint.isOnTime`, the one
    /// definition the reminders use too); a late visit, or a due point passed without a visit, is missed.
    /// For household cars, maintenance at an independent workshop with proof counts (L-11).
    public static func evaluate(
        schedule: MaintenanceSchedule, delivered: LocalDate, visits: [MaintenanceVisit], on: LocalDate,
        mileage: Int, household: Bool
    ) -> MaintenanceCompliance {
        let counting = visits.filter { !$0.independent || (household && $0.proof != nil) }.sorted { $0.day < $1.day }
        var findings: [(text: Phrase, missed: Bool)] = []
        for ignored in visits where ignored.independent && !(household && ignored.proof != nil) {
            findings.append(
                (
                    household
                        ? "visit on \(ignored.day) at an independent workshop does not count without proof (L-11)"
                        : "visit on \(ignored.day) at an independent workshop does not count (not a household car)",
                    false
                ))
        }
        var onSchedule = true
        var last: (day: LocalDate, kilometres: Int)?
        func due(_ number: Int, _ point: MaintenanceDuePoint) -> Phrase {
            "maintenance \(number) due \(point.date) or \(grouped: point.kilometres) km"
        }
        for (index, visit) in counting.enumerated() {
            let point = schedule.duePoint(delivery: delivered, lastVisit: last)
            let done: Phrase = "done \(visit.day) at \(grouped: visit.kilometres) km"
            if point.isOnTime(day: visit.day, kilometres: visit.kilometres) {
                findings.append(("\(due(index + 1, point)): \(done)", false))
            } else {
                onSchedule = false
                let limits: Phrase = "on time until \(point.lastDay) and \(grouped: point.lastKilometres) km"
                findings.append(("\(due(index + 1, point)) (\(limits)): missed, \(done)", true))
            }
            // W-9: the next due point counts from the visit actually made.
            last = (visit.day, visit.kilometres)
        }
        let next = schedule.duePoint(delivery: delivered, lastVisit: last)
        if next.hasPassed(on: on, kilometres: mileage) {
            onSchedule = false
            findings.append(
                (
                    "\(due(counting.count + 1, next)) (tolerance \(schedule.toleranceDays) days / "
                        + "\(grouped: schedule.toleranceKilometres) km): missed", true
                ))
        }
        return MaintenanceCompliance(onSchedule: onSchedule, notes: findings)
    }
}
