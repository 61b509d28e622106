import Core
import Foundation

/// A running deadline of a complaint, with the rule that sets it (K-4, K-6, K-11).
public struct Deadline: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case firstContact = "first-contact"
        case report
        case followUp = "follow-up"

        public var rule: String {
            switch self {
            case .firstContact: return "K-4"
            case .report: return "K-6"
            case .followUp: return "K-11"
            }
        }

        /// Whether this clock can run in `state`: K-4 while the complaint is open, K-6 while it is investigated,
        /// K-11 once it is closed. The one definition; storage's pre-filter reads it through `states`.
        public func runs(in state: ComplaintState) -> Bool {
            switch self {
            case .firstContact: return state.isOpen
            case .report: return state == .investigating
            case .followUp: return state == .closed
            }
        }

        /// The states in which this clock can run.
        public var states: [ComplaintState] { ComplaintState.allCases.filter(runs(in:)) }
    }

    public var kind: Kind
    public var rule: String
    /// What has to happen, in words: said in the language of the moment when the clocks are asked (JSON's text
    /// follows the reader's language, as every text for people does).
    public var what: String
    public var startedAt: Date
    public var due: Date
    /// Who has to act.
    public var responsible: String
    /// The counted duration (seconds of clock or business time), so a new level gets the same again (K-7).
    public var seconds: Int
}

/// A phrase said now, in the language of the moment.
func say(_ phrase: Phrase) -> String { phrase.rendered() }

/// How a deadline stands at an instant.
public struct DeadlineStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        case missed
        case dueSoon = "due-soon"
        case running
    }
    public var deadline: Deadline
    public var state: State
    /// Seconds past due (negative: seconds left).
    public var lateBySeconds: Int
}

/// The facts of a complaint its clocks read (K-4, K-6, K-7, K-11), and nothing else: what the overdue list
/// loads for tens of thousands of complaints without the rest of each file.
public struct ClockFacts: Sendable, Equatable {
    public var state: ComplaintState
    public var level: EscalationLevel
    /// Since when the current level holds the complaint (K-7).
    public var levelSince: Date
    public var owner: String
    public var receivedAt: Date
    public var firstContactAt: Date?
    /// When the internal repair order was opened (K-5); nil until routed.
    public var routedAt: Date?
    /// The service advisor who reports (K-6).
    public var advisor: String?
    public var lastReportAt: Date?
    public var reopenedAt: Date?
    public var reports: Int
    public var closedAt: Date?
    /// K-11: the last day of the follow-up, who makes it, and when it was made.
    public var followUpDue: LocalDate?
    public var followUpBy: String?
    public var followUpDoneAt: Date?

    public init(
        state: ComplaintState, level: EscalationLevel, levelSince: Date, owner: String, receivedAt: Date,
        firstContactAt: Date? = nil, routedAt: Date? = nil, advisor: String? = nil, lastReportAt: Date? = nil,
        reopenedAt: Date? = nil, reports: Int = 0, closedAt: Date? = nil, followUpDue: LocalDate? = nil,
        followUpBy: String? = nil, followUpDoneAt: Date? = nil
    ) {
        self.state = state
        self.level = level
        self.levelSince = levelSince
        self.owner = owner
        self.receivedAt = receivedAt
        self.firstContactAt = firstContactAt
        self.routedAt = routedAt
        self.advisor = advisor
        self.lastReportAt = lastReportAt
        self.reopenedAt = reopenedAt
        self.reports = reports
        self.closedAt = closedAt
        self.followUpDue = followUpDue
        self.followUpBy = followUpBy
        self.followUpDoneAt = followUpDoneAt
    }
}

extension Complaint {
    /// What the clocks read of this file.
    public var clockFacts: ClockFacts {
        ClockFacts(
            state: state, level: level, levelSince: levelSince, owner: owner, receivedAt: receivedAt,
            firstContactAt: firstContactAt, routedAt: repairOrder?.at, advisor: repairOrder?.advisor,
            lastReportAt: lastReportAt, reopenedAt: reopenedAt, reports: reports, closedAt: closedAt,
            followUpDue: followUp?.dueOn, followUpBy: followUp?.by, followUpDoneAt: followUp?.doneAt)
    }
}

/// Bounds that every complaint with a deadline due by an instant meets, for a store to pre-filter by before
/// the clocks decide exactly (K-4, K-6, K-11). Computed here from the rules, so the pre-filter can only
/// narrow: a complaint outside them has no deadline due by then.
public struct DueBounds: Sendable, Equatable {
    /// K-4: received at or before this instant (in a state of `Deadline.Kind.firstContact.states`, not contacted).
    public var receivedBy: Date
    /// K-6: the report clock started (repair order, last report or reopening, the latest) at or before this.
    public var reportStartedBy: Date
    /// K-11: the follow-up's last day on or before this day.
    public var followUpDueBy: LocalDate
}

/// The complaint clocks of K-4, K-6 and K-11 and the escalation ladder of K-7, as pure functions of a
/// complaint's facts, the dealer's policy and an instant.
public enum ComplaintClocks {
    /// The deadlines now running for `complaint` (a met deadline is no longer running).
    public static func deadlines(_ complaint: Complaint, policy: ComplaintPolicy) -> [Deadline] {
        deadlines(complaint.clockFacts, policy: policy)
    }

    /// The deadlines now running for a complaint with these facts.
    public static func deadlines(_ facts: ClockFacts, policy: ComplaintPolicy) -> [Deadline] {
        var result: [Deadline] = []
        if Deadline.Kind.firstContact.runs(in: facts.state), facts.firstContactAt == nil {
            // Rule K-4: the first contact within 1 hour (setting) of receipt.
            let seconds = policy.firstContactHours * 3600
            result.append(
                Deadline(
                    kind: .firstContact, rule: "K-4",
                    what: say(
                        "first contact with the customer within \(policy.firstContactHours) h "
                            + "of receipt"),
                    startedAt: facts.receivedAt,
                    due: policy.clock.due(after: facts.receivedAt, seconds: seconds),
                    responsible: facts.owner, seconds: seconds))
        }
        if Deadline.Kind.report.runs(in: facts.state), let routedAt = facts.routedAt {
            // Rule K-6: the advisor's report within 24 hours (setting) of the repair order, then every 24 hours
            // while open; after a refused close or a reopen the clock restarts from that moment, not from the
            // last report.
            let seconds = policy.reportHours * 3600
            let start = reportStart(facts, routedAt: routedAt)
            let reopened = facts.reopenedAt.map { $0 > (facts.lastReportAt ?? routedAt) } ?? false
            let hours = policy.reportHours
            let what: Phrase =
                reopened
                ? "service advisor's report to customer service within \(hours) h of the reopening"
                : facts.reports == 0
                    ? "service advisor's report to customer service within \(hours) h of the repair order"
                    : "service advisor's next report to customer service (every \(hours) h while open)"
            result.append(
                Deadline(
                    kind: .report, rule: "K-6", what: say(what), startedAt: start,
                    due: policy.clock.due(after: start, seconds: seconds),
                    responsible: facts.advisor ?? facts.owner, seconds: seconds))
        }
        if Deadline.Kind.followUp.runs(in: facts.state), let dueOn = facts.followUpDue, let by = facts.followUpBy,
            facts.followUpDoneAt == nil, let closedAt = facts.closedAt
        {
            // Rule K-11: the follow-up by the end of the 7th day (setting) after a satisfied close (calendar days).
            let due = followUpDue(dueOn, policy: policy)
            result.append(
                Deadline(
                    kind: .followUp, rule: "K-11",
                    what: say(
                        "follow-up visit or call within \(policy.followUpDays) days of the "
                            + "satisfied close"),
                    startedAt: closedAt, due: due, responsible: by,
                    seconds: Int(due.timeIntervalSince(closedAt))))
        }
        return result
    }

    /// Rule K-6: the report clock runs from the repair order, the last report or the reopening, the latest.
    static func reportStart(_ facts: ClockFacts, routedAt: Date) -> Date {
        max(routedAt, facts.lastReportAt ?? routedAt, facts.reopenedAt ?? routedAt)
    }

    /// Rule K-11: a follow-up whose last day is `dueOn` falls due when that day ends in the dealer's zone.
    static func followUpDue(_ dueOn: LocalDate, policy: ComplaintPolicy) -> Date {
        dueOn.adding(days: 1).startInstant(in: policy.timeZone)
    }

    /// The bounds every complaint with a deadline due by `horizon` meets (see `DueBounds`): the latest start of
    /// an hour deadline that can fall due by then (T-3: `DeadlineClock.latestStart`), and the last follow-up
    /// day whose end can have come.
    public static func dueBounds(policy: ComplaintPolicy, by horizon: Date) -> DueBounds {
        // A follow-up due on the horizon's own day ends after the horizon; the day itself is kept as the bound
        // so a zone's odd midnight (a daylight-saving change at 00:00) cannot drop one.
        DueBounds(
            receivedBy: policy.clock.latestStart(dueBy: horizon, seconds: policy.firstContactHours * 3600),
            reportStartedBy: policy.clock.latestStart(dueBy: horizon, seconds: policy.reportHours * 3600),
            followUpDueBy: LocalDate(instant: horizon, in: policy.timeZone))
    }

    /// How every running deadline stands at `now`: missed, due within the warning window, or running.
    public static func statuses(
        _ complaint: Complaint, policy: ComplaintPolicy, at now: Date,
        warnMinutes: Int? = nil
    ) -> [DeadlineStatus] {
        statuses(complaint.clockFacts, policy: policy, at: now, warnMinutes: warnMinutes)
    }

    /// How every running deadline of a complaint with these facts stands at `now`.
    public static func statuses(
        _ facts: ClockFacts, policy: ComplaintPolicy, at now: Date,
        warnMinutes: Int? = nil
    ) -> [DeadlineStatus] {
        let warn = (warnMinutes ?? policy.warnMinutes) * 60
        return deadlines(facts, policy: policy).map { deadline in
            let late = Int(now.timeIntervalSince(deadline.due).rounded(.down))
            return DeadlineStatus(
                deadline: deadline, state: late > 0 ? .missed : -late <= warn ? .dueSoon : .running,
                lateBySeconds: late)
        }
    }

    /// The deadlines missed or due within the warning window at `now`.
    public static func overdue(
        _ complaint: Complaint, policy: ComplaintPolicy, at now: Date,
        warnMinutes: Int? = nil
    ) -> [DeadlineStatus] {
        overdue(complaint.clockFacts, policy: policy, at: now, warnMinutes: warnMinutes)
    }

    /// The deadlines of a complaint with these facts missed or due within the warning window at `now`: each is
    /// due by `now` plus the window, so the complaint meets `dueBounds(policy:by:)` of that instant.
    public static func overdue(
        _ facts: ClockFacts, policy: ComplaintPolicy, at now: Date,
        warnMinutes: Int? = nil
    ) -> [DeadlineStatus] {
        statuses(facts, policy: policy, at: now, warnMinutes: warnMinutes).filter { $0.state != .running }
    }

    /// The instant up to which `overdue(_:policy:at:warnMinutes:)` lists deadlines: `now` plus the window.
    public static func horizon(policy: ComplaintPolicy, at now: Date, warnMinutes: Int? = nil) -> Date {
        now.addingTimeInterval(Double((warnMinutes ?? policy.warnMinutes) * 60))
    }

    /// Rule K-7: the deadline the current level has missed, when the ladder should take the complaint one
    /// level up; nil when nothing is due or the complaint is already at the regional office. Each level
    /// gets the deadline's full duration from the moment it took the complaint, so escalating once and
    /// asking again at the same instant gives nil: `escalate-due` is idempotent.
    public static func escalationDue(_ complaint: Complaint, policy: ComplaintPolicy, at now: Date) -> Deadline? {
        escalationDue(complaint.clockFacts, policy: policy, at: now)
    }

    /// Rule K-7 for a complaint with these facts; a deadline it returns was due before `now`, so the complaint
    /// meets `dueBounds(policy:by: now)`.
    public static func escalationDue(_ facts: ClockFacts, policy: ComplaintPolicy, at now: Date) -> Deadline? {
        guard facts.state.isOpen, facts.level.next != nil else { return nil }
        return deadlines(facts, policy: policy).first { deadline in
            guard deadline.kind != .followUp else { return false }
            let levelDue = max(deadline.due, policy.clock.due(after: facts.levelSince, seconds: deadline.seconds))
            return now > levelDue
        }
    }
}

/// Durations as staff read them: `2 h 05 min`, `3 d 4 h` (`2小时05分`, `3天4小时`).
public enum Elapsed {
    public static func text(seconds: Int) -> String { phrase(seconds: seconds).rendered() }

    public static func phrase(seconds: Int) -> Phrase {
        let s = abs(seconds)
        let days = s / 86_400
        let hours = (s % 86_400) / 3600
        let minutes = (s % 3600) / 60
        if days > 0 { return "\(days) d \(hours) h" }
        let paddedMinutes = (minutes < 10 ? "0" : "") + String(minutes)
        if hours > 0 { return "\(hours) h \(paddedMinutes) min" }
        return "\(minutes) min"
    }
}
