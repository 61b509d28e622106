import Core
import Foundation

/// The dealer's complaint settings in force, with the calendar: everything the rules below need, so
/// they never read the database or the clock themselves.
public struct ComplaintPolicy: Sendable {
    /// K-4: first contact within this many hours of receipt.
    public var firstContactHours: Int
    /// K-6: the service advisor's report within this many hours of the repair order, then again every as many.
    public var reportHours: Int
    /// K-11: follow-up within this many days of a satisfied close.
    public var followUpDays: Int
    /// K-3: who makes the follow-up call.
    public var followUpBy: FollowUpBy
    /// K-10: "satisfied" is one of the top N levels.
    public var satisfiedLevels: Int
    /// A deadline due within this many minutes is nearly missed.
    public var warnMinutes: Int
    /// T-3: how hour deadlines run, in the dealer's zone and the store's opening hours.
    public var clock: DeadlineClock

    public init(
        firstContactHours: Int = 1, reportHours: Int = 24, followUpDays: Int = 7, followUpBy: FollowUpBy = .owner,
        satisfiedLevels: Int = 3, warnMinutes: Int = 30, clock: DeadlineClock
    ) {
        self.firstContactHours = firstContactHours
        self.reportHours = reportHours
        self.followUpDays = followUpDays
        self.followUpBy = followUpBy
        self.satisfiedLevels = satisfiedLevels
        self.warnMinutes = warnMinutes
        self.clock = clock
    }

    /// The policy of the dealer's settings and the store's opening hours (T-3: never the legal calendar).
    public init(settings: DealerSettings, openingHours: OpeningHours) {
        self.init(
            firstContactHours: settings.integer(.complaintFirstContactHours),
            reportHours: settings.integer(.complaintReportHours),
            followUpDays: settings.integer(.complaintFollowUpDays),
            followUpBy: FollowUpBy(rawValue: settings.text(.complaintFollowUpBy)) ?? .owner,
            satisfiedLevels: settings.integer(.complaintSatisfiedLevels),
            warnMinutes: settings.integer(.complaintWarnMinutes),
            clock: DeadlineClock(
                mode: settings.clockMode, openingHours: openingHours,
                timeZone: settings.timeZone))
    }

    public var timeZone: TimeZone { clock.timeZone }
}

/// How urgent a complaint is, and why (K-8, K-13).
public struct ComplaintPriority: Sendable, Codable, Equatable {
    /// 1 normal, 2 high, 3 urgent, 4 crisis (the top).
    public var level: Int
    public var name: String
    /// Each sign that raised it, with its rule.
    public var reasons: [String]

    /// Rule K-13: each escalation sign raises the priority one step (to urgent at most); rule K-8: a crisis is always
    /// at the top.
    public static func assess(_ complaint: Complaint) -> ComplaintPriority {
        var reasons: [String] = []
        func sign(_ count: Int, _ text: Phrase) {
            if count > 0 { reasons.append(say("\(text) \(count)× (K-13)")) }
        }
        sign(complaint.repeatContacts, "customer contacted us again")
        sign(complaint.unfixedVisits, "visit without a fix")
        sign(complaint.reassignments, "passed to another owner")
        sign(complaint.missedDeadlines, "deadline missed")
        sign(complaint.reopened, "solution not accepted")
        let points =
            complaint.repeatContacts + complaint.unfixedVisits + complaint.reassignments + complaint.missedDeadlines
            + complaint.reopened
        if complaint.crisis {
            return ComplaintPriority(
                level: 4, name: "crisis",
                reasons: [
                    say(complaint.crisisReason.map { reason -> Phrase in "crisis (K-8): \(reason)" } ?? "crisis (K-8)")
                ]
                    + reasons)
        }
        let level = min(3, 1 + points)
        return ComplaintPriority(level: level, name: ["normal", "high", "urgent"][level - 1], reasons: reasons)
    }
}

extension Complaint {
    /// The priority with its reasons (K-8, K-13).
    public var priority: ComplaintPriority { ComplaintPriority.assess(self) }
}
