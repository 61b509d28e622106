import Core
import Foundation

/// Why the dealer calls a customer: maintenance falls due (W-9, as the reminders count it), an open recall or
/// service campaign on the car (W-6), or work the customer declined on a repair order.
public enum CallReason: String, CaseIterable, Codable, Sendable {
    case maintenance
    case recall
    case declined

    /// The reason as people read it (保养到期 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .maintenance: "maintenance due"
        case .recall: "open recall or campaign"
        case .declined: "declined work"
        }
    }
}

extension Setting {
    /// The labour operation the dealer proposes on a maintenance call: its hours and menu parts price it.
    public static let callMaintenanceOperation = Setting(
        "appointments.calls.maintenance-operation", rule: "A-5", default: "",
        summary:
            "labour operation proposed on maintenance calls (its hours and menu parts give the price); empty: none",
        value: .text(required: nil))

    /// The Appointments module's dealer-call settings, in the order `settings show` lists them.
    public static let appointmentCalls: [Setting] = [.callMaintenanceOperation]
}
