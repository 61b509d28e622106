import Core
import Customers
import Foundation

/// A complaint file (K-1, K-2, K-14): who complained, how, in their own words, who owns it, where it was
/// routed, each clock's facts, the solution, the customer's verdict, the follow-up and the root cause.
/// The business rules that change it are the methods in `Complaint+Lifecycle.swift`.
public struct Complaint: Sendable, Codable, Equatable {
    public typealias ID = Identifier<Complaint>

    /// The internal complaint repair order of K-5.
    public struct RepairOrder: Sendable, Codable, Equatable {
        /// The department that verifies the problem and prepares the plan.
        public var department: Role
        /// The person in that department, when named.
        public var person: String?
        /// The service advisor the plan is handed to, who reports back (K-6).
        public var advisor: String?
        public var at: Date
        /// Why it went there: the K-5 table, or the override and what the table would have said.
        public var rule: String
        public var plan: String?

        public init(department: Role, person: String?, advisor: String?, at: Date, rule: String, plan: String?) {
            self.department = department
            self.person = person
            self.advisor = advisor
            self.at = at
            self.rule = rule
            self.plan = plan
        }
    }

    /// The solution presented to the customer (K-10).
    public struct Resolution: Sendable, Codable, Equatable {
        public var summary: String
        public var apology: Bool
        public var unhappyBecause: String?
        public var measures: String
        public var customerAgreed: Bool
        public var appointment: Date?
        public var at: Date

        public init(
            summary: String, apology: Bool, unhappyBecause: String?, measures: String, customerAgreed: Bool,
            appointment: Date?, at: Date
        ) {
            self.summary = summary
            self.apology = apology
            self.unhappyBecause = unhappyBecause
            self.measures = measures
            self.customerAgreed = customerAgreed
            self.appointment = appointment
            self.at = at
        }
    }

    /// The customer's ratings at close (K-10, S-1).
    public struct Verdict: Sendable, Codable, Equatable {
        public var process: Satisfaction
        public var result: Satisfaction
        public var dimensions: [ServiceDimension: Satisfaction]
        public var at: Date

        public init(
            process: Satisfaction, result: Satisfaction, dimensions: [ServiceDimension: Satisfaction] = [:], at: Date
        ) {
            self.process = process
            self.result = result
            self.dimensions = dimensions
            self.at = at
        }
    }

    /// The follow-up visit or call of K-11.
    public struct FollowUp: Sendable, Codable, Equatable {
        /// The last day it may be made (dealer's calendar day).
        public var dueOn: LocalDate
        /// Who makes it (K-3).
        public var by: String
        public var doneAt: Date?
        public var result: String?
        public var satisfaction: Satisfaction?

        public init(dueOn: LocalDate, by: String, doneAt: Date?, result: String?, satisfaction: Satisfaction?) {
            self.dueOn = dueOn
            self.by = by
            self.doneAt = doneAt
            self.result = result
            self.satisfaction = satisfaction
        }
    }

    /// Root cause and preventive action of K-12, by the market coordinator.
    public struct Analysis: Sendable, Codable, Equatable {
        public var rootCause: String
        public var preventiveAction: String
        public var by: String
        public var at: Date

        public init(rootCause: String, preventiveAction: String, by: String, at: Date) {
            self.rootCause = rootCause
            self.preventiveAction = preventiveAction
            self.by = by
            self.at = at
        }
    }

    public var id: ID?
    public var kind: ComplaintKind
    public var customerID: Customer.ID
    public var vin: VIN?
    /// The work order the complaint is about, once work orders exist (kept optional).
    public var workOrder: String?
    public var channel: ComplaintChannel
    public var receivedAt: Date
    /// The first receiver (K-3 首问负责制).
    public var receivedBy: String
    /// The customer-service staff member who owns it from intake to close (K-3).
    public var owner: String
    /// In the customer's own words.
    public var description: String
    public var category: ComplaintCategory
    public var cause: ComplaintCause?
    public var wishes: [CustomerWish]
    /// nil until judged; false for an invalid complaint (K-9).
    public var valid: Bool?
    public var invalidExplanation: String?
    public var crisis: Bool
    public var crisisReason: String?
    public var state: ComplaintState
    public var level: EscalationLevel
    /// Since when the current level holds it (its deadlines restart then, K-7).
    public var levelSince: Date
    public var firstContactAt: Date?
    /// K-4: who will contact the customer and when, as told to them.
    public var callback: String?
    public var repairOrder: RepairOrder?
    public var lastReportAt: Date?
    /// When a refused close or a reopen last sent the complaint back to investigation: the K-6 report
    /// clock restarts there, not at a report made before the solution.
    public var reopenedAt: Date?
    public var reports: Int
    public var lateReports: Int
    /// K-13 signs: the customer contacted us again, came back without a fix, the file changed hands,
    /// a deadline was missed, the solution was turned down.
    public var repeatContacts: Int
    public var unfixedVisits: Int
    public var reassignments: Int
    public var missedDeadlines: Int
    public var reopened: Int
    public var resolution: Resolution?
    public var verdict: Verdict?
    public var closedAt: Date?
    public var followUp: FollowUp?
    public var analysis: Analysis?

    /// A complaint as registered at intake (K-5): received, at the handler level; a crisis, and one arriving
    /// through the authorities (K-8), at the general manager.
    public init(
        kind: ComplaintKind = .complaint, customerID: Customer.ID, vin: VIN? = nil, workOrder: String? = nil,
        channel: ComplaintChannel,
        receivedAt: Date, receivedBy: String, owner: String, description: String, category: ComplaintCategory,
        wishes: [CustomerWish] = [], crisis: Bool = false, crisisReason: String? = nil
    ) {
        self.kind = kind
        self.customerID = customerID
        self.vin = vin
        self.workOrder = workOrder
        self.channel = channel
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
        self.owner = owner
        self.description = description
        self.category = category
        self.wishes = wishes
        // Rule K-8: a complaint that arrives through the authorities is a crisis from intake.
        let throughAuthority = channel == .authority
        self.crisis = crisis || throughAuthority
        self.crisisReason = crisisReason ?? (throughAuthority ? say("arrived through the authorities (K-8)") : nil)
        self.state = .received
        self.level = self.crisis ? .generalManager : .handler
        self.levelSince = receivedAt
        self.reports = 0
        self.lateReports = 0
        self.repeatContacts = 0
        self.unfixedVisits = 0
        self.reassignments = 0
        self.missedDeadlines = 0
        self.reopened = 0
    }

    /// K-12: analysed once both the root cause and the preventive action are filled.
    public var isAnalysed: Bool { analysis != nil }

    /// K-12: the states in which a complaint may be analysed: from resolved on, solved or not.
    public static var analysableStates: Set<ComplaintState> { ComplaintAction.analyse.allowedFrom }

    /// K-12: waiting in the market coordinator's queue: resolved, closed or invalid, and not analysed yet.
    public var awaitsAnalysis: Bool { Self.analysableStates.contains(state) && !isAnalysed }

    /// Whether the complaint still has a clock running (open, or closed with the follow-up to make).
    public var hasRunningClock: Bool {
        state.isOpen || (state == .closed && followUp != nil && followUp?.doneAt == nil)
    }
}
