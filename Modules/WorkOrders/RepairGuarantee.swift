import Core
import Foundation

/// The repair quality guarantee of a job (竣工出厂质量保证期, Q-8): kilometres or days from the day the car left the
/// workshop, whichever comes first.
public struct RepairGuarantee: Sendable, Codable, Equatable {
    public var kilometres: Int
    public var days: Int

    public init(kilometres: Int, days: Int) {
        self.kilometres = kilometres
        self.days = days
    }

    /// Rule Q-8: the guarantee of a job kind, as the dealer's settings promise it (never below the law's minimum:
    /// the settings refuse a smaller value).
    public static func of(_ kind: JobKind, settings: DealerSettings) -> RepairGuarantee {
        switch kind {
        case .wholeVehicle, .majorAssembly:
            RepairGuarantee(
                kilometres: settings.integer(.guaranteeMajorKilometres), days: settings.integer(.guaranteeMajorDays))
        case .secondLevelMaintenance:
            RepairGuarantee(
                kilometres: settings.integer(.guaranteeSecondLevelKilometres),
                days: settings.integer(.guaranteeSecondLevelDays))
        case .firstLevelMaintenance, .minorRepair, .specialRepair:
            RepairGuarantee(
                kilometres: settings.integer(.guaranteeMinorKilometres), days: settings.integer(.guaranteeMinorDays))
        }
    }

    /// Rule Q-8: the last day covered when the car left on `departed` (that day counts as day 0).
    public func lastDay(departed: LocalDate) -> LocalDate { departed.adding(days: days) }

    /// Rule Q-8: whether a repair on `day` at `mileage` is still within the guarantee of a job done when the car
    /// left on `departed` at `departedMileage`: both limits unreached, whichever comes first.
    public func covers(departed: LocalDate, departedMileage: Int, on day: LocalDate, mileage: Int) -> Bool {
        day <= lastDay(departed: departed) && mileage - departedMileage <= kilometres
    }
}

/// A job done earlier on the same vehicle, as the checks compare it.
public struct EarlierJob: Sendable, Codable, Equatable {
    public var order: String
    public var job: Int
    public var kind: JobKind
    public var title: String
    public var component: String?
    /// Labour-operation codes of the job's lines.
    public var operations: [String]
    public var departed: LocalDate
    public var departedMileage: Int
    /// How many guarantee repairs of this fault came before this one (0 for the first repair).
    public var guaranteeRepairs: Int

    public init(
        order: String, job: Int, kind: JobKind, title: String, component: String?, operations: [String],
        departed: LocalDate, departedMileage: Int, guaranteeRepairs: Int = 0
    ) {
        self.order = order
        self.job = job
        self.kind = kind
        self.title = title
        self.component = component
        self.operations = operations
        self.departed = departed
        self.departedMileage = departedMileage
        self.guaranteeRepairs = guaranteeRepairs
    }

    /// Rules: the same job or component: the same component name (compared without case and spaces) or a
    /// labour operation in common.
    public func isSame(component other: String?, operations others: [String]) -> Bool {
        func key(_ text: String?) -> String? {
            text.map { $0.lowercased().filter { !$0.isWhitespace } }.flatMap { $0.isEmpty ? nil : $0 }
        }
        if let mine = key(component), mine == key(other) { return true }
        return !Set(operations).isDisjoint(with: others)
    }
}

/// What reception finds about a new job against the vehicle's earlier jobs.
public struct RepeatRepair: Sendable, Codable, Equatable {
    /// The earlier job this one repeats.
    public var earlier: EarlierJob
    /// within the earlier job's guarantee: repaired free of charge, and the guarantee starts again.
    public var underGuarantee: Bool
    /// within the comeback window.
    public var comeback: Bool
    /// the same fault after two repairs within the guarantee: the dealer arranges another workshop at its own
    /// cost.
    public var anotherWorkshop: Bool

    /// Rules: the latest earlier job of the same job or component that this one repeats within its
    /// guarantee or the comeback window; nil when none.
    public static func find(
        component: String?, operations: [String], on day: LocalDate, mileage: Int, among earlier: [EarlierJob],
        settings: DealerSettings
    ) -> RepeatRepair? {
        let window = settings.integer(.comebackDays)
        let candidates = earlier.filter { $0.isSame(component: component, operations: operations) }
            .sorted { $0.departed > $1.departed }
        for job in candidates {
            let guarantee = RepairGuarantee.of(job.kind, settings: settings)
            let under = guarantee.covers(
                departed: job.departed, departedMileage: job.departedMileage, on: day, mileage: mileage)
            let comeback = job.departed.days(until: day) <= window
            if under || comeback {
                return RepeatRepair(
                    earlier: job, underGuarantee: under, comeback: comeback,
                    anotherWorkshop: under && job.guaranteeRepairs + 1 >= 2)
            }
        }
        return nil
    }

    /// What the advisor reads.
    public var spoken: Phrase {
        let ref = "\(earlier.order)/\(earlier.job)"
        var parts: [Phrase] = []
        if underGuarantee {
            parts.append("guarantee repair of \(ref): free of charge, the guarantee starts again (Q-8)")
        }
        if comeback { parts.append("comeback of \(ref) within the comeback window (Q-5)") }
        if anotherWorkshop {
            parts.append("second failure under guarantee: arrange another workshop at the dealer's cost (Q-8)")
        }
        return Phrase.joined(parts, separator: "; ")
    }
}
