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
    /// One line per due maintenance: done by which visit, or missed.
    public var findings: [String]

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
        var findings: [String] = []
        for ignored in visits where ignored.independent && !(household && ignored.proof != nil) {
            findings.append(
                "visit on \(ignored.day) at an independent workshop does not count"
                    + (household ? " without proof (L-11)" : " (not a household car)"))
        }
        var onSchedule = true
        var last: (day: LocalDate, kilometres: Int)?
        func due(_ number: Int, _ point: MaintenanceDuePoint) -> String {
            "maintenance \(number) due \(point.date) or \(Grouping.thousands(point.kilometres)) km"
        }
        for (index, visit) in counting.enumerated() {
            let point = schedule.duePoint(delivery: delivered, lastVisit: last)
            let done = "done \(visit.day) at \(Grouping.thousands(visit.kilometres)) km"
            if point.isOnTime(day: visit.day, kilometres: visit.kilometres) {
                findings.append("\(due(index + 1, point)): \(done)")
            } else {
                onSchedule = false
                let limits = "on time until \(point.lastDay) and \(Grouping.thousands(point.lastKilometres)) km"
                findings.append("\(due(index + 1, point)) (\(limits)): missed, \(done)")
            }
            // W-9: the next due point counts from the visit actually made.
            last = (visit.day, visit.kilometres)
        }
        let next = schedule.duePoint(delivery: delivered, lastVisit: last)
        if next.hasPassed(on: on, kilometres: mileage) {
            onSchedule = false
            findings.append(
                "\(due(counting.count + 1, next)) (tolerance \(schedule.toleranceDays) days / "
                    + "\(Grouping.thousands(schedule.toleranceKilometres)) km): missed")
        }
        return MaintenanceCompliance(onSchedule: onSchedule, findings: findings)
    }
}
