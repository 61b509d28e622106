import Core
import Foundation

// The settings of the complaint clocks and targets (K-3..K-14): each with its key, rule ID, default and how a new value
// is checked,
// declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let complaintFirstContactHours = Setting(
        "complaints.first-contact.hours", rule: "K-4", default: "1",
        summary: "first contact with the complainant within N hours of receipt",
        value: .integer(1...72)
    )

    public static let complaintReportHours = Setting(
        "complaints.report.hours", rule: "K-6", default: "24",
        summary: "service advisor reports to customer service within N hours of the repair order, then every N hours",
        value: .integer(1...240)
    )

    public static let complaintFollowUpDays = Setting(
        "complaints.follow-up.days", rule: "K-11", default: "7",
        summary: "follow-up visit or call within N days of a satisfied close",
        value: .integer(1...90)
    )

    public static let complaintFollowUpBy = Setting(
        "complaints.follow-up-by", rule: "K-3", default: "owner",
        summary: "who makes the follow-up call: owner, cs-manager or service-manager",
        value: .choice(["owner", Role.csManager.rawValue, Role.serviceManager.rawValue])
    )

    public static let complaintSatisfiedLevels = Setting(
        "complaints.satisfied-levels", rule: "K-10", default: "3",
        summary: "\"satisfied\" means one of the top N levels of the 7-level scale",
        value: .integer(1...6)
    )

    public static let complaintWarnMinutes = Setting(
        "complaints.warn-minutes", rule: "K-7", default: "30",
        summary: "a deadline due within N minutes is listed as nearly missed",
        value: .integer(0...1440)
    )

    public static let complaintAttachmentMegabytes = Setting(
        "complaints.attachment.max-mb", rule: "K-14", default: "20",
        summary: "largest complaint attachment accepted, in MB",
        value: .integer(1...500)
    )

    public static let complaintTargetFirstContact = Setting(
        "complaints.target.first-contact-percent", rule: "K-14", default: "95",
        summary: "target: percent of complaints first contacted in time",
        value: .integer(0...100)
    )

    public static let complaintTargetFeedback = Setting(
        "complaints.target.feedback-on-time-percent", rule: "K-14", default: "90",
        summary: "target: percent of advisor reports (feedback) in time",
        value: .integer(0...100)
    )

    public static let complaintTargetSatisfied = Setting(
        "complaints.target.satisfied-percent", rule: "K-14", default: "90",
        summary: "target: percent of complaints whose customer is satisfied with the result",
        value: .integer(0...100)
    )

    /// The Complaints module's settings, in the order `settings show` lists them.
    public static let complaints: [Setting] = [
        .complaintFirstContactHours, .complaintReportHours, .complaintFollowUpDays, .complaintFollowUpBy,
        .complaintSatisfiedLevels, .complaintWarnMinutes, .complaintAttachmentMegabytes, .complaintTargetFirstContact,
        .complaintTargetFeedback, .complaintTargetSatisfied,
    ]
}
