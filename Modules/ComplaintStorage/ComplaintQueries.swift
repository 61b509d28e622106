import Complaints
import Core
import Customers
import Foundation
import GRDB
import StorageKernel

/// A line of the complaint list.
public struct ComplaintSummary: Codable, Sendable, Equatable {
    public var id: Complaint.ID
    public var receivedAt: Date
    public var customer: String
    public var channel: ComplaintChannel
    public var category: ComplaintCategory
    public var state: ComplaintState
    public var level: EscalationLevel
    public var priority: Int
    public var crisis: Bool
    public var owner: String
    public var description: String
}

/// Which complaints to list.
public struct ComplaintFilter: Sendable {
    public var state: ComplaintState?
    public var openOnly: Bool
    public var owner: String?
    public var category: ComplaintCategory?
    public var customer: Customer.ID?
    public var crisisOnly: Bool
    /// K-12: only complaints awaiting root-cause analysis (resolved, closed or invalid, not analysed).
    public var analysisDue: Bool
    public var limit: Int
    public var offset: Int

    public init(
        state: ComplaintState? = nil, openOnly: Bool = false, owner: String? = nil, category: ComplaintCategory? = nil,
        customer: Customer.ID? = nil, crisisOnly: Bool = false, analysisDue: Bool = false, limit: Int = 50,
        offset: Int = 0
    ) {
        self.state = state
        self.openOnly = openOnly
        self.owner = owner
        self.category = category
        self.customer = customer
        self.crisisOnly = crisisOnly
        self.analysisDue = analysisDue
        self.limit = limit
        self.offset = offset
    }
}

/// A missed or nearly missed deadline (K-4, K-6, K-11): which rule, who is on it, how late.
public struct OverdueComplaint: Codable, Sendable, Equatable {
    public var complaint: Complaint.ID
    public var customer: String
    public var owner: String
    public var level: EscalationLevel
    public var priority: Int
    public var crisis: Bool
    public var deadline: DeadlineStatus
}

/// What `escalate-due` did to one complaint (K-7).
public struct DueEscalation: Codable, Sendable, Equatable {
    public var complaint: Complaint.ID
    public var from: EscalationLevel
    public var to: EscalationLevel
    public var rule: String
    public var what: String
    public var lateBySeconds: Int
}

/// One complaint as the overdue list and the ladder read it: its clock facts and what the list shows.
package struct ClockCandidate {
    package var id: Complaint.ID
    package var facts: ClockFacts
    package var crisis: Bool
    package var priority: Int
    package var customer: String
}

extension AppDatabase {
    /// Complaints, newest first, a page at a time.
    public func listComplaints(_ filter: ComplaintFilter = ComplaintFilter()) throws -> Page<ComplaintSummary> {
        try writer.read { db in try Self.listComplaints(db, filter, oldestFirst: false) }
    }

    /// Rule K-12: the market coordinator's queue, the complaints awaiting root cause and preventive action
    /// (resolved, closed or invalid, not analysed), oldest first, a page at a time.
    public func analysisDueComplaints(limit: Int = 50, offset: Int = 0) throws -> Page<ComplaintSummary> {
        try writer.read { db in
            let queue = ComplaintFilter(analysisDue: true, limit: limit, offset: offset)
            return try Self.listComplaints(db, queue, oldestFirst: true)
        }
    }

    package static func listComplaints(
        _ db: Database, _ filter: ComplaintFilter,
        oldestFirst: Bool
    ) throws -> Page<ComplaintSummary> {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let state = filter.state {
            conditions.append("c.state = ?")
            arguments += [state]
        }
        if filter.openOnly { conditions.append("c.state NOT IN ('closed', 'invalid')") }
        if let owner = filter.owner {
            conditions.append("c.owner = ?")
            arguments += [owner]
        }
        if let category = filter.category {
            conditions.append("c.category = ?")
            arguments += [category]
        }
        if let customer = filter.customer {
            conditions.append("c.customer_id = ?")
            arguments += [customer]
        }
        if filter.crisisOnly { conditions.append("c.crisis") }
        if filter.analysisDue {
            // Rule K-12: Complaint.awaitsAnalysis on the columns (analysed means the root cause is recorded).
            let states = Complaint.analysableStates.map(\.rawValue).sorted()
            let marks = states.map { _ in "?" }.joined(separator: ", ")
            conditions.append("c.state IN (\(marks)) AND c.root_cause IS NULL")
            arguments += StatementArguments(states)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let total =
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM complaint c \(whereClause)",
                arguments: arguments) ?? 0
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT c.id, c.received_at, k.name AS customer, c.channel, c.category, c.state, c.level, c.priority,
                       c.crisis, c.owner, c.description
                FROM complaint c JOIN customer k ON k.id = c.customer_id \(whereClause)
                ORDER BY c.id \(oldestFirst ? "ASC" : "DESC") LIMIT ? OFFSET ?
                """, arguments: arguments + [filter.limit, filter.offset])
        let items = rows.map {
            ComplaintSummary(
                id: $0["id"], receivedAt: $0["received_at"], customer: $0["customer"],
                channel: $0["channel"], category: $0["category"], state: $0["state"], level: $0["level"],
                priority: $0["priority"], crisis: $0["crisis"], owner: $0["owner"],
                description: $0["description"])
        }
        return Page(items: items, total: total, limit: filter.limit, offset: filter.offset)
    }

    /// Every missed or nearly missed complaint deadline at `at` (default now), most late first (K-4, K-6, K-11).
    /// `owner` keeps one complaint owner's (a cs-agent's own work list).
    public func overdueComplaints(
        at: Date? = nil, warnMinutes: Int? = nil, owner: String? = nil
    ) throws -> [OverdueComplaint] {
        try writer.read { db in
            let now = at ?? clock.now()
            let policy = try Self.complaintPolicy(db)
            let horizon = ComplaintClocks.horizon(policy: policy, at: now, warnMinutes: warnMinutes)
            var items: [OverdueComplaint] = []
            try Self.clockCandidates(db, policy: policy, by: horizon) { candidate in
                let facts = candidate.facts
                if let owner, facts.owner != owner { return }
                for status in ComplaintClocks.overdue(facts, policy: policy, at: now, warnMinutes: warnMinutes) {
                    items.append(
                        OverdueComplaint(
                            complaint: candidate.id, customer: candidate.customer,
                            owner: facts.owner, level: facts.level, priority: candidate.priority,
                            crisis: candidate.crisis, deadline: status))
                }
            }
            return items.sorted {
                ($0.deadline.lateBySeconds, $1.complaint) > ($1.deadline.lateBySeconds, $0.complaint)
            }
        }
    }

    /// Rule K-7: the complaints whose current level has missed a K-4 or K-6 deadline at `now`, by id.
    package func escalationCandidates(at now: Date) throws -> [Complaint.ID] {
        try writer.read { db in
            let policy = try Self.complaintPolicy(db)
            var ids: [Complaint.ID] = []
            try Self.clockCandidates(db, policy: policy, by: now) { candidate in
                if ComplaintClocks.escalationDue(candidate.facts, policy: policy, at: now) != nil {
                    ids.append(candidate.id)
                }
            }
            return ids.sorted { $0.rawValue < $1.rawValue }
        }
    }

    /// Rule K-7, from cron: every complaint whose current level missed a K-4 or K-6 deadline goes one level
    /// up, each in its own transaction, with the missed deadline as the reason. Each level gets the full
    /// duration again from the moment it took the complaint, so a second run right after escalates nothing.
    public func escalateDueComplaints(actor: String) throws -> [DueEscalation] {
        let now = clock.now()
        var done: [DueEscalation] = []
        for id in try escalationCandidates(at: now) {
            let escalation: DueEscalation? = try writer.write { db in
                guard var complaint = try Complaint.fetchOne(db, key: id.rawValue) else { return nil }
                let policy = try Self.complaintPolicy(db)
                guard let deadline = ComplaintClocks.escalationDue(complaint, policy: policy, at: now) else {
                    return nil
                }
                let before = complaint
                let event = try complaint.escalateForMissed(deadline, at: now)
                try Self.store(db, complaint, changedFrom: before, event, at: now, actor: actor)
                return DueEscalation(
                    complaint: id, from: before.level, to: complaint.level, rule: deadline.rule, what: deadline.what,
                    lateBySeconds: Int(now.timeIntervalSince(deadline.due)))
            }
            if let escalation { done.append(escalation) }
        }
        return done
    }

    /// Rule K-14: the analysis of the complaints received from `from` to `to` (dealer's days, both included).
    public func complaintReport(from: LocalDate, to: LocalDate) throws -> ComplaintReport {
        guard from <= to else { throw InvalidInput(field: "to", "the period ends (\(to)) before it starts (\(from))") }
        return try writer.read { db in
            let settings = try Self.settings(db)
            let policy = try Self.complaintPolicy(db)
            let zone = settings.timeZone
            let complaints = try Complaint.fetchAll(
                db, sql: "SELECT * FROM complaint WHERE received_at >= ? AND received_at < ? ORDER BY id",
                arguments: [from.startInstant(in: zone), to.adding(days: 1).startInstant(in: zone)])
            var names: [Customer.ID: String] = [:]
            for id in Set(complaints.map(\.customerID)) {
                names[id] = try String.fetchOne(
                    db.cachedStatement(sql: "SELECT name FROM customer WHERE id = ?"), arguments: [id])
            }
            let crises = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, k.name AS customer, c.crisis_reason, c.level, c.received_at
                    FROM complaint c JOIN customer k ON k.id = c.customer_id
                    WHERE c.crisis AND c.state NOT IN ('closed', 'invalid') ORDER BY c.id
                    """
            ).map {
                ComplaintReport.OpenCrisis(
                    complaint: $0["id"], customer: $0["customer"],
                    reason: $0["crisis_reason"] ?? "", level: $0["level"],
                    receivedAt: $0["received_at"])
            }
            let targets = ComplaintReport.Targets(
                firstContact: settings.integer(.complaintTargetFirstContact),
                feedback: settings.integer(.complaintTargetFeedback),
                satisfied: settings.integer(.complaintTargetSatisfied))
            return ComplaintReport.build(
                complaints, from: from, to: to, policy: policy, targets: targets, names: names, openCrises: crises)
        }
    }

    /// Calls `body` with the clock facts of every complaint that may have a deadline due by `horizon`. The SQL
    /// narrows only by the states each clock runs in and the bounds `ComplaintClocks.dueBounds` computes; the
    /// clocks then decide exactly (`ClockEquivalenceTests` holds the two to each other).
    package static func clockCandidates(
        _ db: Database, policy: ComplaintPolicy, by horizon: Date,
        _ body: (ClockCandidate) throws -> Void
    ) throws {
        let bounds = ComplaintClocks.dueBounds(policy: policy, by: horizon)
        func states(_ kind: Deadline.Kind) -> String {
            kind.states.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")
        }
        // Instants come out as Julian days, turned into dates here: SQLite parses the stored text in C, which is
        // several times cheaper than building each Date through a calendar (the list reads tens of thousands).
        let statement = try db.cachedStatement(
            sql: """
                SELECT c.id, c.state, c.level, julianday(c.level_since) AS level_since, c.owner,
                       julianday(c.received_at) AS received_at, julianday(c.first_contact_at) AS first_contact_at,
                       julianday(c.routed_at) AS routed_at, c.advisor, julianday(c.last_report_at) AS last_report_at,
                       julianday(c.reopened_at) AS reopened_at, c.reports, julianday(c.closed_at) AS closed_at,
                       c.followup_due, c.followup_by, julianday(c.followup_at) AS followup_at,
                       c.crisis, c.priority, k.name AS customer
                FROM complaint c JOIN customer k ON k.id = c.customer_id
                WHERE c.active AND (
                    (c.state IN (\(states(.firstContact))) AND c.first_contact_at IS NULL AND c.received_at <= \
                :receivedBy)
                    OR (c.state IN (\(states(.report))) AND c.routed_at IS NOT NULL
                        AND max(c.routed_at, coalesce(c.last_report_at, c.routed_at),
                                coalesce(c.reopened_at, c.routed_at)) <= :reportStartedBy)
                    OR (c.state IN (\(states(.followUp))) AND c.followup_at IS NULL AND c.followup_due <= \
                :followUpDueBy))
                """)
        // Columns found by name once per statement, not per row: the list reads tens of thousands of rows.
        func column(_ name: String) -> Int { statement.index(ofColumn: name)! }
        let id = column("id")
        let state = column("state")
        let level = column("level")
        let levelSince = column("level_since")
        let owner = column("owner")
        let receivedAt = column("received_at")
        let firstContactAt = column("first_contact_at")
        let routedAt = column("routed_at")
        let advisor = column("advisor")
        let lastReportAt = column("last_report_at")
        let reopenedAt = column("reopened_at")
        let reports = column("reports")
        let closedAt = column("closed_at")
        let followUpDue = column("followup_due")
        let followUpBy = column("followup_by")
        let followUpAt = column("followup_at")
        let crisis = column("crisis")
        let priority = column("priority")
        let customer = column("customer")
        func date(_ row: Row, _ index: Int) -> Date? {
            guard let julian = row[index] as Double? else { return nil }
            // Stored to the millisecond: round back to it.
            return Date(timeIntervalSince1970: (((julian - 2_440_587.5) * 86_400_000).rounded()) / 1000)
        }
        let rows = try Row.fetchCursor(
            statement,
            arguments: [
                "receivedBy": bounds.receivedBy,
                "reportStartedBy": bounds.reportStartedBy,
                "followUpDueBy": bounds.followUpDueBy,
            ])
        while let row = try rows.next() {
            let facts = ClockFacts(
                state: row[state], level: row[level], levelSince: date(row, levelSince)!,
                owner: row[owner], receivedAt: date(row, receivedAt)!,
                firstContactAt: date(row, firstContactAt), routedAt: date(row, routedAt),
                advisor: row[advisor], lastReportAt: date(row, lastReportAt),
                reopenedAt: date(row, reopenedAt), reports: row[reports],
                closedAt: date(row, closedAt), followUpDue: row[followUpDue],
                followUpBy: row[followUpBy], followUpDoneAt: date(row, followUpAt))
            try body(
                ClockCandidate(
                    id: row[id], facts: facts, crisis: row[crisis], priority: row[priority],
                    customer: row[customer]))
        }
    }
}
