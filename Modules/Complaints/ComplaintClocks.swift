import Foundation
import Core

/// A running deadline of a complaint, with the rule that sets it (K-4, K-6, K-11).
public struct Deadline: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case firstContact = "first-contact", report, followUp = "follow-up"

        public var rule: String {
            switch self {
            case .firstContact: return "K-4"
            case .report: return "K-6"
            case .followUp: return "K-11"
            }
        }
    }

    public var kind: Kind
    public var rule: String
    /// What has to happen, in words.
    public var what: String
    public var startedAt: Date
    public var due: Date
    /// Who has to act.
    public var responsible: String
    /// The counted duration (seconds of clock or business time), so a new level gets the same again (K-7).
    public var seconds: Int
}

/// How a deadline stands at an instant.
public struct DeadlineStatus: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable { case missed, dueSoon = "due-soon", running }
    public var deadline: Deadline
    public var state: State
    /// Seconds past due (negative: seconds left).
    public var lateBySeconds: Int
}

/// The complaint clocks of K-4, K-6 and K-11 and the escalation ladder of K-7, as pure functions of a
/// complaint's facts, the dealer's policy and an instant.
public enum ComplaintClocks {
    /// The deadlines now running for `complaint` (a met deadline is no longer running).
    public static func deadlines(_ complaint: Complaint, policy: ComplaintPolicy) -> [Deadline] {
        var result: [Deadline] = []
        if complaint.state.isOpen, complaint.firstContactAt == nil {
            // Rule K-4: the first contact within 1 hour (setting) of receipt.
            let seconds = policy.firstContactHours * 3600
            result.append(Deadline(kind: .firstContact, rule: "K-4", what: "first contact with the customer within \(policy.firstContactHours) h of receipt",
                                   startedAt: complaint.receivedAt, due: policy.clock.due(after: complaint.receivedAt, seconds: seconds),
                                   responsible: complaint.owner, seconds: seconds))
        }
        if complaint.state == .investigating, let order = complaint.repairOrder {
            // Rule K-6: the advisor's report within 24 hours (setting) of the repair order, then every 24 hours
            // while open; after a refused close or a reopen the clock restarts from that moment, not from the
            // last report.
            let seconds = policy.reportHours * 3600
            let reopened = complaint.reopenedAt.map { $0 > (complaint.lastReportAt ?? order.at) } ?? false
            let start = max(order.at, complaint.lastReportAt ?? order.at, complaint.reopenedAt ?? order.at)
            let report = "service advisor's report to customer service within \(policy.reportHours) h"
            let what = reopened ? "\(report) of the reopening"
                : complaint.reports == 0 ? "\(report) of the repair order"
                : "service advisor's next report to customer service (every \(policy.reportHours) h while open)"
            result.append(Deadline(kind: .report, rule: "K-6", what: what, startedAt: start, due: policy.clock.due(after: start, seconds: seconds),
                                   responsible: order.advisor ?? complaint.owner, seconds: seconds))
        }
        if complaint.state == .closed, let followUp = complaint.followUp, followUp.doneAt == nil, let closedAt = complaint.closedAt {
            // Rule K-11: the follow-up by the end of the 7th day (setting) after a satisfied close (calendar days).
            let due = followUp.dueOn.adding(days: 1).startInstant(in: policy.timeZone)
            result.append(Deadline(kind: .followUp, rule: "K-11", what: "follow-up visit or call within \(policy.followUpDays) days of the satisfied close",
                                   startedAt: closedAt, due: due, responsible: followUp.by, seconds: Int(due.timeIntervalSince(closedAt))))
        }
        return result
    }

    /// How every running deadline stands at `now`: missed, due within the warning window, or running.
    public static func statuses(_ complaint: Complaint, policy: ComplaintPolicy, at now: Date, warnMinutes: Int? = nil) -> [DeadlineStatus] {
        let warn = (warnMinutes ?? policy.warnMinutes) * 60
        return deadlines(complaint, policy: policy).map { deadline in
            let late = Int(now.timeIntervalSince(deadline.due).rounded(.down))
            return DeadlineStatus(deadline: deadline, state: late > 0 ? .missed : -late <= warn ? .dueSoon : .running, lateBySeconds: late)
        }
    }

    /// The deadlines missed or due within the warning window at `now`.
    public static func overdue(_ complaint: Complaint, policy: ComplaintPolicy, at now: Date, warnMinutes: Int? = nil) -> [DeadlineStatus] {
        statuses(complaint, policy: policy, at: now, warnMinutes: warnMinutes).filter { $0.state != .running }
    }

    /// Rule K-7: the deadline the current level has missed, when the ladder should take the complaint one
    /// level up; nil when nothing is due or the complaint is already at the regional office. Each level
    /// gets the deadline's full duration from the moment it took the complaint, so escalating once and
    /// asking again at the same instant gives nil: `escalate-due` is idempotent.
    public static func escalationDue(_ complaint: Complaint, policy: ComplaintPolicy, at now: Date) -> Deadline? {
        guard complaint.state.isOpen, complaint.level.next != nil else { return nil }
        return deadlines(complaint, policy: policy).first { deadline in
            guard deadline.kind != .followUp else { return false }
            let levelDue = max(deadline.due, policy.clock.due(after: complaint.levelSince, seconds: deadline.seconds))
            return now > levelDue
        }
    }
}

/// Durations as staff read them: `2 h 05 min`, `3 d 4 h`.
public enum Elapsed {
    public static func text(seconds: Int) -> String {
        let s = abs(seconds)
        let days = s / 86_400, hours = (s % 86_400) / 3600, minutes = (s % 3600) / 60
        if days > 0 { return "\(days) d \(hours) h" }
        if hours > 0 { return "\(hours) h \(minutes < 10 ? "0" : "")\(minutes) min" }
        return "\(minutes) min"
    }
}
