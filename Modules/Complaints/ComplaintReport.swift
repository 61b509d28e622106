import Core
import Customers
import Foundation

/// The half-year complaint analysis of K-14: volumes by channel, category, cause and validity, handling
/// times against their rules, satisfaction, repeat complainers, open crises, and the dealer's targets
/// set against the actuals.
public struct ComplaintReport: Sendable, Codable {
    public struct Count: Sendable, Codable, Equatable {
        public var key: String
        public var count: Int
    }

    public struct Target: Sendable, Codable, Equatable {
        public var measure: String
        public var rule: String
        /// Percent the dealer aims for (setting).
        public var target: Int
        /// Percent reached; nil when nothing was measured.
        public var actual: Double?
        public var met: Bool?
    }

    public struct RepeatComplainer: Sendable, Codable, Equatable {
        public var customer: Customer.ID
        public var name: String
        public var complaints: Int
    }

    public struct OpenCrisis: Sendable, Codable, Equatable {
        public var complaint: Complaint.ID
        public var customer: String
        public var reason: String
        public var level: EscalationLevel
        public var receivedAt: Date

        public init(complaint: Complaint.ID, customer: String, reason: String, level: EscalationLevel, receivedAt: Date)
        {
            self.complaint = complaint
            self.customer = customer
            self.reason = reason
            self.level = level
            self.receivedAt = receivedAt
        }
    }

    public var from: LocalDate
    public var to: LocalDate
    public var total: Int
    public var byKind: [Count]
    public var byChannel: [Count]
    public var byCategory: [Count]
    public var byCause: [Count]
    public var byValidity: [Count]
    public var contacted: Int
    public var firstContactMedianMinutes: Double?
    public var firstContactP90Minutes: Double?
    /// Percent of complaints first contacted within the K-4 deadline (1 hour by default).
    public var firstContactInTimePercent: Double?
    public var reports: Int
    public var reportsOnTimePercent: Double?
    public var processSatisfaction: [Count]
    public var resultSatisfaction: [Count]
    /// Percent of the complaints with a verdict whose latest verdict is satisfied with the result (K-10).
    public var satisfiedPercent: Double?
    public var reopenedPercent: Double?
    public var analysedPercent: Double?
    public var repeatComplainers: [RepeatComplainer]
    public var openCrises: [OpenCrisis]
    public var targets: [Target]

    /// The dealer's targets (K-14), percent.
    public struct Targets: Sendable {
        public var firstContact: Int
        public var feedback: Int
        public var satisfied: Int
        public init(firstContact: Int, feedback: Int, satisfied: Int) {
            self.firstContact = firstContact
            self.feedback = feedback
            self.satisfied = satisfied
        }
    }

    /// Builds the report of the complaints received from `from` to `to` (both included, dealer's days).
    /// `names` gives customers' names; `openCrises` are the crises open now, whenever received.
    public static func build(
        _ complaints: [Complaint], from: LocalDate, to: LocalDate, policy: ComplaintPolicy, targets: Targets,
        names: [Customer.ID: String], openCrises: [OpenCrisis]
    ) -> ComplaintReport {
        func counts<T: RawRepresentable & CaseIterable>(_ cases: T.AllCases, _ key: (Complaint) -> T?) -> [Count]
        where T.RawValue == String {
            var tally: [String: Int] = [:]
            for c in complaints { if let k = key(c) { tally[k.rawValue, default: 0] += 1 } }
            return cases.map { Count(key: $0.rawValue, count: tally[$0.rawValue] ?? 0) }
        }
        func percent(_ part: Int, _ whole: Int) -> Double? {
            whole == 0 ? nil : (Double(part) * 1000 / Double(whole)).rounded() / 10
        }

        var byCause = counts(ComplaintCause.allCases) { $0.cause }
        byCause.append(Count(key: "not known", count: complaints.filter { $0.cause == nil }.count))
        let byValidity = [
            Count(key: "valid", count: complaints.filter { $0.valid == true }.count),
            Count(key: "invalid", count: complaints.filter { $0.valid == false }.count),
            Count(key: "not judged", count: complaints.filter { $0.valid == nil }.count),
        ]

        // K-4: time to first contact, and whether it met the deadline as the dealer's clock counts it.
        let contacted = complaints.filter { $0.firstContactAt != nil }
        let minutes = contacted.map { $0.firstContactAt!.timeIntervalSince($0.receivedAt) / 60 }.sorted()
        let firstContactSeconds = policy.firstContactHours * 3600
        let inTime = contacted.filter {
            $0.firstContactAt! <= policy.clock.due(after: $0.receivedAt, seconds: firstContactSeconds)
        }.count
        func quantile(_ q: Double) -> Double? {
            guard !minutes.isEmpty else { return nil }
            let rank = Int((q * Double(minutes.count)).rounded(.up)) - 1
            return (minutes[max(0, min(minutes.count - 1, rank))] * 10).rounded() / 10
        }

        let reports = complaints.reduce(0) { $0 + $1.reports }
        let lateReports = complaints.reduce(0) { $0 + $1.lateReports }
        let verdicts = complaints.compactMap(\.verdict)
        func distribution(_ level: (Complaint.Verdict) -> Satisfaction) -> [Count] {
            Satisfaction.allCases.map { s in Count(key: s.name, count: verdicts.filter { level($0) == s }.count) }
        }
        // The latest verdict of each complaint that has one: a complaint sent back and later closed counts as
        // satisfied.
        let satisfied = verdicts.filter { $0.result.isSatisfied(topLevels: policy.satisfiedLevels) }.count
        let finished = complaints.filter { $0.state == .closed || $0.state == .invalid }
        let analysed = finished.filter(\.isAnalysed).count

        var perCustomer: [Customer.ID: Int] = [:]
        for c in complaints { perCustomer[c.customerID, default: 0] += 1 }
        let repeaters = perCustomer.filter { $0.value >= 2 }
            .map {
                RepeatComplainer(customer: $0.key, name: names[$0.key] ?? "customer \($0.key)", complaints: $0.value)
            }
            .sorted { ($0.complaints, $1.customer) > ($1.complaints, $0.customer) }

        let firstContactPercent = percent(inTime, contacted.count)
        let onTimePercent = percent(reports - lateReports, reports)
        let satisfiedPercent = percent(satisfied, verdicts.count)
        func target(_ measure: String, _ rule: String, _ goal: Int, _ actual: Double?) -> Target {
            Target(measure: measure, rule: rule, target: goal, actual: actual, met: actual.map { $0 >= Double(goal) })
        }
        return ComplaintReport(
            from: from, to: to, total: complaints.count,
            byKind: counts(ComplaintKind.allCases) { $0.kind },
            byChannel: counts(ComplaintChannel.allCases) { $0.channel },
            byCategory: counts(ComplaintCategory.allCases) { $0.category },
            byCause: byCause, byValidity: byValidity,
            contacted: contacted.count, firstContactMedianMinutes: quantile(0.5), firstContactP90Minutes: quantile(0.9),
            firstContactInTimePercent: firstContactPercent,
            reports: reports, reportsOnTimePercent: onTimePercent,
            processSatisfaction: distribution(\.process), resultSatisfaction: distribution(\.result),
            satisfiedPercent: satisfiedPercent,
            reopenedPercent: percent(complaints.filter { $0.reopened > 0 }.count, complaints.count),
            analysedPercent: percent(analysed, finished.count),
            repeatComplainers: repeaters, openCrises: openCrises,
            targets: [
                target("first contact in time", "K-4", targets.firstContact, firstContactPercent),
                target("advisor reports (feedback) on time", "K-6", targets.feedback, onTimePercent),
                target("customer satisfied with the result", "K-10", targets.satisfied, satisfiedPercent),
            ])
    }
}

extension ComplaintReport {
    /// Rule K-14: complaints are analysed every half-year. The period a report covers: the days given, and for an
    /// end not given the current half-year's (1 January to 30 June, or 1 July to 31 December, of the half-year that
    /// holds `today`, the dealer's day). The one default of the CLI and the API.
    public static func period(
        from: LocalDate? = nil, to: LocalDate? = nil,
        today: LocalDate
    ) -> (from: LocalDate, to: LocalDate) {
        let start = LocalDate(year: today.year, month: today.month <= 6 ? 1 : 7, day: 1)!
        return (from ?? start, to ?? start.adding(months: 6).adding(days: -1))
    }
}
