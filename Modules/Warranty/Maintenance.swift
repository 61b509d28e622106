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

    /// Rule W-9: each maintenance is due at the schedule's kilometres or months (first, then every interval),
    /// whichever comes first, with the tolerance; a due point that has passed needs a visit in time.
    /// For household cars, maintenance at an independent workshop with proof counts (L-11).
    public static func evaluate(schedule: MaintenanceSchedule, delivered: LocalDate, visits: [MaintenanceVisit], on: LocalDate,
                                mileage: Int, household: Bool) -> MaintenanceCompliance {
        let counting = visits.filter { !$0.independent || (household && $0.proof != nil) }.sorted { $0.day < $1.day }
        var findings: [String] = []
        for ignored in visits where ignored.independent && !(household && ignored.proof != nil) {
            findings.append("visit on \(ignored.day) at an independent workshop does not count" + (household ? " without proof (L-11)" : " (not a household car)"))
        }
        var onSchedule = true
        var next = 0
        var index = 0
        while index < 100 {
            let dueDate = delivered.adding(months: schedule.firstMonths + index * schedule.intervalMonths)
            let dueKm = schedule.firstKilometres + index * schedule.intervalKilometres
            let lateDate = dueDate.adding(days: schedule.toleranceDays)
            let lateKm = dueKm + schedule.toleranceKilometres
            let reached = on > lateDate || mileage > lateKm
            if next < counting.count, counting[next].day <= lateDate || counting[next].kilometres <= lateKm {
                findings.append("maintenance \(index + 1) due \(dueDate) or \(Grouping.thousands(dueKm)) km: done \(counting[next].day) at \(Grouping.thousands(counting[next].kilometres)) km")
                next += 1
            } else if reached {
                onSchedule = false
                findings.append("maintenance \(index + 1) due \(dueDate) or \(Grouping.thousands(dueKm)) km (tolerance \(schedule.toleranceDays) days / \(Grouping.thousands(schedule.toleranceKilometres)) km): missed")
            } else {
                break
            }
            index += 1
        }
        return MaintenanceCompliance(onSchedule: onSchedule, findings: findings)
    }
}
