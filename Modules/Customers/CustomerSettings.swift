import Core
import Foundation

// The settings of the care plan (C-7) and the customer-base checks (C-10): each with its key, rule ID, default and how
// a new value is checked,
// declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let thankYouLetterDays = Setting(
        "care.thank-you-letter.days", rule: "C-7", default: "3",
        summary: "general manager's thank-you letter mailed within N days of delivery",
        value: .integer(0...3650)
    )

    public static let firstCallDays = Setting(
        "care.first-call.days", rule: "C-7", default: "7",
        summary: "sales consultant's first call within N days of delivery",
        value: .integer(0...3650)
    )

    public static let newCarCallFromDays = Setting(
        "care.new-car-call.from-days", rule: "C-7", default: "14",
        summary: "new-car check call window opens N days after delivery",
        value: .integer(1...90)
    )

    public static let newCarCallToDays = Setting(
        "care.new-car-call.to-days", rule: "C-7", default: "21",
        summary: "new-car check call due N days after delivery",
        value: .integer(1...90)
    )

    public static let monthlyCalls = Setting(
        "care.monthly-calls", rule: "C-7", default: "12",
        summary: "monthly care calls after the new-car call",
        value: .integer(0...60)
    )

    public static let firstMaintenanceLeadDays = Setting(
        "care.first-maintenance.lead-days", rule: "C-7", default: "14",
        summary: "first-maintenance reminder N days before it is due (W-9)",
        value: .integer(0...3650)
    )

    public static let contactLapseDays = Setting(
        "checks.contact-lapse.days", rule: "C-10", default: "90",
        summary: "a base customer with no contact for N days has a lapsed contact plan",
        value: .integer(0...3650)
    )

    public static let dissatisfiedFollowUpDays = Setting(
        "checks.dissatisfied-follow-up.days", rule: "C-10", default: "3",
        summary: "a dissatisfied contact needs a follow-up within N days",
        value: .integer(0...3650)
    )

    public static let staleMileageDays = Setting(
        "checks.stale-mileage.days", rule: "C-10", default: "365",
        summary: "a vehicle with no mileage reading for N days has stale data",
        value: .integer(0...3650)
    )

    /// The Customers module's settings, in the order `settings show` lists them.
    public static let customerBase: [Setting] = [
        .thankYouLetterDays, .firstCallDays, .newCarCallFromDays, .newCarCallToDays, .monthlyCalls,
        .firstMaintenanceLeadDays, .contactLapseDays, .dissatisfiedFollowUpDays, .staleMileageDays,
    ]
}
