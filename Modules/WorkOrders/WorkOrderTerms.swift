import Core

// The codes of a repair order (维修委托书): stored and typed as their raw values (an interface), said to people
// through `spoken` (issue 16), keyed with their context since the same English word names other things elsewhere.

/// Who pays a line.
public enum Payer: String, CaseIterable, Codable, Sendable {
    case customer, warranty, goodwill, `internal`

    public var spoken: Phrase { Phrase(rawValue, context: "payer") }
}

/// What a line is: a catalogue labour operation, a catalogue part, or other work with a reason.
public enum LineKind: String, CaseIterable, Codable, Sendable {
    case labour, part, other

    public var spoken: Phrase { Phrase(rawValue, context: "line kind") }
}

/// How the customer answered a quote: signed at the desk, by phone, or by WeChat.
public enum ApprovalMethod: String, CaseIterable, Codable, Sendable {
    case signature, phone, wechat

    public var spoken: Phrase { Phrase(rawValue, context: "approval method") }
}

/// The system a job repairs, as the 三包 assessment reads it (L-3 to L-6).
public enum VehicleSystem: String, CaseIterable, Codable, Sendable {
    case engine, transmission
    case tractionBattery = "traction-battery"
    case driveMotor = "drive-motor"
    case steering, brakes, suspension, drivetrain
    case emissionControl = "emission-control"
    case body, other

    public var spoken: Phrase { Phrase(rawValue, context: "vehicle system") }
}

/// What kind of repair a job is, which sets its quality guarantee.
public enum JobKind: String, CaseIterable, Codable, Sendable {
    case wholeVehicle = "whole-vehicle"
    case majorAssembly = "major-assembly"
    case secondLevelMaintenance = "second-level-maintenance"
    case firstLevelMaintenance = "first-level-maintenance"
    case minorRepair = "minor-repair"
    case specialRepair = "special-repair"

    public var spoken: Phrase { Phrase(rawValue, context: "job kind") }

    /// Maintenance jobs record a maintenance visit at settlement (W-9).
    public var isMaintenance: Bool { self == .firstLevelMaintenance || self == .secondLevelMaintenance }
}

/// A job's state: open → quoted → approved (or declined) → in work → QC passed or failed; a failed
/// check sends it back to work.
public enum JobState: String, CaseIterable, Codable, Sendable {
    case open, quoted, approved, declined
    case inWork = "in-work"
    case qcPassed = "qc-passed"
    case qcFailed = "qc-failed"

    public var spoken: Phrase { Phrase(rawValue, context: "job state") }
}

/// A repair order's state: open → quoted → approved → in work → QC passed → settled → delivered. Until
/// settlement it follows its jobs (`WorkOrder.state`).
public enum WorkOrderState: String, CaseIterable, Codable, Sendable {
    case open, quoted, approved
    case inWork = "in-work"
    case qcPassed = "qc-passed"
    case settled, delivered

    public var spoken: Phrase { Phrase(rawValue, context: "work order state") }
}

/// How a customer paid at settlement.
public enum PaymentMethod: String, CaseIterable, Codable, Sendable {
    case cash
    case bankCard = "bank-card"
    case wechatPay = "wechat-pay"
    case alipay

    public var spoken: Phrase { Phrase(rawValue, context: "payment method") }
}

/// One point of the quality check.
public enum QualityCheckItem: String, CaseIterable, Codable, Sendable {
    case exterior, interior, engine, chassis, concern

    public var spoken: Phrase { Phrase(rawValue, context: "quality check") }
}
