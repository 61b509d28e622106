import Core
import Foundation

// The settings of campaign responses (M-4) and reminders (M-1): each with its key, rule ID, default and how a new value
// is checked,
// declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let responseWindowDays = Setting(
        "campaigns.response-window-days", rule: "M-4", default: "30",
        summary: "a booking, visit, reply or opt-out within N days of a campaign message counts for the campaign",
        value: .integer(1...365)
    )

    public static let reminderChannel = Setting(
        "reminders.channel", rule: "M-1", default: "sms",
        summary: "channel for reminders: sms, email or letter (a recall falls back to the others)",
        value: .custom { text, key in
            guard ["email", "sms", "letter"].contains(text.lowercased()) else {
                throw InvalidInput(field: key, "expected email, sms or letter, got \"\(text)\"")
            }
            return text.lowercased()
        }
    )

    public static let reminderMaintenanceLeadDays = Setting(
        "reminders.maintenance-lead-days", rule: "M-1", default: "14",
        summary: "maintenance reminders go out N days before the due day",
        value: .integer(0...3650)
    )

    public static let reminderRenewalLeadDays = Setting(
        "reminders.renewal-lead-days", rule: "M-1", default: "30",
        summary: "warranty-expiry, inspection and insurance reminders go out N days before",
        value: .integer(0...3650)
    )

    /// The Campaigns module's settings, in the order `settings show` lists them.
    public static let campaigns: [Setting] = [
        .responseWindowDays, .reminderChannel, .reminderMaintenanceLeadDays, .reminderRenewalLeadDays,
    ]
}
