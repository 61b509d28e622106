import Catalog
import Core
import Foundation

/// The customer's answer to a job's quote: who answered, when, how, and whether it was yes.
public struct Approval: Sendable, Codable, Equatable {
    public var approved: Bool
    /// The person who answered (the customer, or whoever they sent).
    public var by: String
    public var at: Date
    public var method: ApprovalMethod
    /// The quote version answered.
    public var quote: Int

    public init(approved: Bool, by: String, at: Date, method: ApprovalMethod, quote: Int) {
        self.approved = approved
        self.by = by
        self.at = at
        self.method = method
        self.quote = quote
    }
}

/// One spell a technician clocked on a job; `end` is nil while it runs.
public struct ClockSpell: Sendable, Codable, Equatable {
    public var technician: String
    public var start: Date
    public var end: Date?

    public init(technician: String, start: Date, end: Date? = nil) {
        self.technician = technician
        self.start = start
        self.end = end
    }

    /// Clocked time in hundredths of an hour (whole minutes, rounded half-up), until `now` for a running spell.
    public func centihours(until now: Date) -> Int {
        let seconds = max(0, (end ?? now).timeIntervalSince(start))
        let minutes = Int64(seconds / 60)
        return Int(Pricing.roundHalfUp(minutes * 100, dividedBy: 60))
    }
}

/// A job of a repair order: one concern's work, with what the 三包 assessment reads (L-3 to L-7) recorded from the
/// first order: the fault in the customer's words, the technician's finding, the system, a serious safety fault, the
/// repair's start and end, and days spent waiting for special parts shipped from afar.
public struct Job: Sendable, Codable, Equatable {
    /// The job's number within its order (1, 2, …).
    public var number: Int
    public var title: String
    public var kind: JobKind
    public var system: VehicleSystem
    /// The component (a catalogue or bulletin component name) the job repairs: what compare.
    public var component: String?
    /// The fault in the customer's words.
    public var fault: String
    /// The technician's finding.
    public var finding: String?
    public var seriousSafetyFault: Bool
    /// Parts replaced, by part number (L-6 counts replacements of the same main part).
    public var partsReplaced: [String]
    public var repairStart: Date?
    public var repairEnd: Date?
    /// Days waiting for special parts shipped from afar: not counted in the repair time of L-6 and L-7.
    public var specialPartsWaitingDays: Int
    public var state: JobState
    /// Found during the repair (追加, Q-2): quoted and approved on its own.
    public var supplementary: Bool
    public var approval: Approval?
    public var technician: String?
    public var spells: [ClockSpell]
    /// The last failed quality check's reason.
    public var qcFailure: String?
    /// the earlier order whose guarantee covers this repair (free, restarts the guarantee).
    public var guaranteeOf: String?
    /// the earlier order this job repeats within the comeback window.
    public var comebackOf: String?
    /// how many times this fault was repaired under guarantee before (2: another workshop at our cost).
    public var guaranteeRepairs: Int

    public init(
        number: Int, title: String, kind: JobKind, system: VehicleSystem, component: String? = nil, fault: String,
        finding: String? = nil, seriousSafetyFault: Bool = false, partsReplaced: [String] = [],
        repairStart: Date? = nil, repairEnd: Date? = nil, specialPartsWaitingDays: Int = 0, state: JobState = .open,
        supplementary: Bool = false, approval: Approval? = nil, technician: String? = nil,
        spells: [ClockSpell] = [], qcFailure: String? = nil, guaranteeOf: String? = nil, comebackOf: String? = nil,
        guaranteeRepairs: Int = 0
    ) {
        self.number = number
        self.title = title
        self.kind = kind
        self.system = system
        self.component = component
        self.fault = fault
        self.finding = finding
        self.seriousSafetyFault = seriousSafetyFault
        self.partsReplaced = partsReplaced
        self.repairStart = repairStart
        self.repairEnd = repairEnd
        self.specialPartsWaitingDays = specialPartsWaitingDays
        self.state = state
        self.supplementary = supplementary
        self.approval = approval
        self.technician = technician
        self.spells = spells
        self.qcFailure = qcFailure
        self.guaranteeOf = guaranteeOf
        self.comebackOf = comebackOf
        self.guaranteeRepairs = guaranteeRepairs
    }

    /// Clocked hours in hundredths, beside the sold (standard) hours of its labour lines.
    public func clockedCentihours(until now: Date) -> Int { spells.reduce(0) { $0 + $1.centihours(until: now) } }

    /// Whether the customer has said yes: approved, or past approval.
    public var isApproved: Bool { [.approved, .inWork, .qcPassed, .qcFailed].contains(state) }
}
