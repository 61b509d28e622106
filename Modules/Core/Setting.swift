import Foundation

/// The configurable defaults of DOMAIN.md, each with its rule ID and its documented default.
/// Later modules add their cases here, so `aftersales settings show` lists every one.
public enum Setting: String, CaseIterable, Sendable {
    case timeZone = "time.zone"
    case thankYouLetterDays = "care.thank-you-letter.days"
    case firstCallDays = "care.first-call.days"
    case newCarCallFromDays = "care.new-car-call.from-days"
    case newCarCallToDays = "care.new-car-call.to-days"
    case monthlyCalls = "care.monthly-calls"
    case firstMaintenanceLeadDays = "care.first-maintenance.lead-days"
    case contactLapseDays = "checks.contact-lapse.days"
    case dissatisfiedFollowUpDays = "checks.dissatisfied-follow-up.days"
    case staleMileageDays = "checks.stale-mileage.days"
    case legalRepairMonths = "legal.repair-period.months"
    case legalRepairKilometres = "legal.repair-period.km"
    case legalSanbaoMonths = "legal.sanbao-period.months"
    case legalSanbaoKilometres = "legal.sanbao-period.km"
    case partsWarrantyMonths = "warranty.parts.months"
    case manufacturerConditions = "warranty.manufacturer-conditions"
    case labourRate = "labour.rate"
    case clockMode = "calendar.clock"
    case complaintFirstContactHours = "complaints.first-contact.hours"
    case complaintReportHours = "complaints.report.hours"
    case complaintFollowUpDays = "complaints.follow-up.days"
    case complaintFollowUpBy = "complaints.follow-up-by"
    case complaintSatisfiedLevels = "complaints.satisfied-levels"
    case complaintWarnMinutes = "complaints.warn-minutes"
    case complaintAttachmentMegabytes = "complaints.attachment.max-mb"
    case complaintTargetFirstContact = "complaints.target.first-contact-percent"
    case complaintTargetFeedback = "complaints.target.feedback-on-time-percent"
    case complaintTargetSatisfied = "complaints.target.satisfied-percent"
    case dealerName = "messaging.dealer-name"
    case fromAddress = "messaging.from-address"
    case unsubscribeURL = "messaging.unsubscribe-url"
    case unsubscribeDays = "messaging.unsubscribe-days"
    case smsSuffix = "messaging.sms-suffix"
    case smsCap = "messaging.sms-cap"
    case smsCapHours = "messaging.sms-cap-hours"
    case responseWindowDays = "campaigns.response-window-days"
    case reminderChannel = "reminders.channel"
    case reminderMaintenanceLeadDays = "reminders.maintenance-lead-days"
    case reminderRenewalLeadDays = "reminders.renewal-lead-days"
    case databaseBusySeconds = "database.busy-seconds"

    /// The rule the setting belongs to.
    public var rule: String {
        switch self {
        case .databaseBusySeconds: return "design"
        case .timeZone: return "T-2"
        case .thankYouLetterDays, .firstCallDays, .newCarCallFromDays, .newCarCallToDays, .monthlyCalls, .firstMaintenanceLeadDays: return "C-7"
        case .contactLapseDays, .dissatisfiedFollowUpDays, .staleMileageDays: return "C-10"
        case .legalRepairMonths, .legalRepairKilometres, .legalSanbaoMonths, .legalSanbaoKilometres: return "L-2"
        case .partsWarrantyMonths: return "W-3"
        case .manufacturerConditions: return "W-4"
        case .labourRate: return "Q-1"
        case .clockMode: return "T-3"
        case .complaintFirstContactHours: return "K-4"
        case .complaintReportHours: return "K-6"
        case .complaintFollowUpDays: return "K-11"
        case .complaintFollowUpBy: return "K-3"
        case .complaintSatisfiedLevels: return "K-10"
        case .complaintWarnMinutes: return "K-7"
        case .complaintAttachmentMegabytes, .complaintTargetFirstContact, .complaintTargetFeedback, .complaintTargetSatisfied: return "K-14"
        case .dealerName, .fromAddress: return "M-2"
        case .unsubscribeURL, .unsubscribeDays, .smsSuffix, .smsCap, .smsCapHours: return "M-3"
        case .responseWindowDays: return "M-4"
        case .reminderChannel, .reminderMaintenanceLeadDays, .reminderRenewalLeadDays: return "M-1"
        }
    }

    /// The default DOMAIN.md gives (or our [design] default where it is silent).
    public var defaultValue: String {
        switch self {
        case .databaseBusySeconds: return "5"
        case .timeZone: return "Asia/Shanghai"
        case .thankYouLetterDays: return "3"
        case .firstCallDays: return "7"
        case .newCarCallFromDays: return "14"
        case .newCarCallToDays: return "21"
        case .monthlyCalls: return "12"
        case .firstMaintenanceLeadDays: return "14"
        case .contactLapseDays: return "90"
        case .dissatisfiedFollowUpDays: return "3"
        case .staleMileageDays: return "365"
        case .legalRepairMonths: return "36"
        case .legalRepairKilometres: return "60000"
        case .legalSanbaoMonths: return "24"
        case .legalSanbaoKilometres: return "50000"
        case .partsWarrantyMonths: return "12"
        case .manufacturerConditions: return "fluids not approved by the manufacturer;emission system tampering;odometer tampering"
        case .labourRate: return "120.00"
        case .clockMode: return "clock"
        case .complaintFirstContactHours: return "1"
        case .complaintReportHours: return "24"
        case .complaintFollowUpDays: return "7"
        case .complaintFollowUpBy: return "owner"
        case .complaintSatisfiedLevels: return "3"
        case .complaintWarnMinutes: return "30"
        case .complaintAttachmentMegabytes: return "20"
        case .complaintTargetFirstContact: return "95"
        case .complaintTargetFeedback: return "90"
        case .complaintTargetSatisfied: return "90"
        case .dealerName: return "本店售后服务部"
        case .fromAddress: return "service@dealer.invalid"
        case .unsubscribeURL: return ""
        case .unsubscribeDays: return "90"
        case .smsSuffix: return "回T退订"
        case .smsCap: return "2"
        case .smsCapHours: return "720"
        case .responseWindowDays: return "30"
        case .reminderChannel: return "sms"
        case .reminderMaintenanceLeadDays: return "14"
        case .reminderRenewalLeadDays: return "30"
        }
    }

    /// One line for `settings show` and the docs.
    public var summary: String {
        switch self {
        case .databaseBusySeconds: return "how long a write waits for another program holding the database (a long import) before it gives up with a clear message"
        case .timeZone: return "dealer's time zone: instants are shown and days counted in it"
        case .thankYouLetterDays: return "general manager's thank-you letter mailed within N days of delivery"
        case .firstCallDays: return "sales consultant's first call within N days of delivery"
        case .newCarCallFromDays: return "new-car check call window opens N days after delivery"
        case .newCarCallToDays: return "new-car check call due N days after delivery"
        case .monthlyCalls: return "monthly care calls after the new-car call"
        case .firstMaintenanceLeadDays: return "first-maintenance reminder N days before it is due (W-9)"
        case .contactLapseDays: return "a base customer with no contact for N days has a lapsed contact plan"
        case .dissatisfiedFollowUpDays: return "a dissatisfied contact needs a follow-up within N days"
        case .staleMileageDays: return "a vehicle with no mileage reading for N days has stale data"
        case .legalRepairMonths: return "household cars: legal repair period (包修期) in months; legal minimum 36"
        case .legalRepairKilometres: return "household cars: legal repair period in km; legal minimum 60,000"
        case .legalSanbaoMonths: return "household cars: 三包 period in months; legal minimum 24"
        case .legalSanbaoKilometres: return "household cars: 三包 period in km; legal minimum 50,000"
        case .partsWarrantyMonths: return "a part bought and fitted at an authorised dealer is covered N months from fitting"
        case .manufacturerConditions: return "the manufacturer's other exclusion conditions, separated by ;"
        case .labourRate: return "labour rate per standard hour, yuan (prices labour lines)"
        case .clockMode:
            return "hour deadlines (K-4, K-6) run on the clock, or only in the store's opening hours "
                + "(`calendar hours`): clock or business"
        case .complaintFirstContactHours: return "first contact with the complainant within N hours of receipt"
        case .complaintReportHours: return "service advisor reports to customer service within N hours of the repair order, then every N hours"
        case .complaintFollowUpDays: return "follow-up visit or call within N days of a satisfied close"
        case .complaintFollowUpBy: return "who makes the follow-up call: owner, cs-manager or service-manager"
        case .complaintSatisfiedLevels: return "\"satisfied\" means one of the top N levels of the 7-level scale"
        case .complaintWarnMinutes: return "a deadline due within N minutes is listed as nearly missed"
        case .complaintAttachmentMegabytes: return "largest complaint attachment accepted, in MB"
        case .complaintTargetFirstContact: return "target: percent of complaints first contacted in time"
        case .complaintTargetFeedback: return "target: percent of advisor reports (feedback) in time"
        case .complaintTargetSatisfied: return "target: percent of complaints whose customer is satisfied with the result"
        case .dealerName: return "the dealer's name in messages ({{dealer}}) and as the e-mail sender"
        case .fromAddress: return "the e-mail sender address; its domain names the Message-IDs"
        case .unsubscribeURL: return "base URL of the one-click unsubscribe link (RFC 8058), token appended; empty: mailto only"
        case .unsubscribeDays: return "unsubscribe links expire after N days"
        case .smsSuffix: return "text appended to every SMS (the unsubscribe instruction); empty for none"
        case .smsCap: return "at most N marketing SMS per customer in the window (sent and queued count)"
        case .smsCapHours: return "the window of the SMS cap, hours (30×24)"
        case .responseWindowDays: return "a booking, visit, reply or opt-out within N days of a campaign message counts for the campaign"
        case .reminderChannel: return "channel for reminders: sms, email or letter (a recall falls back to the others)"
        case .reminderMaintenanceLeadDays: return "maintenance reminders go out N days before the due day"
        case .reminderRenewalLeadDays: return "warranty-expiry, inspection and insurance reminders go out N days before"
        }
    }

    /// Allowed integer range; nil for text settings.
    var range: ClosedRange<Int>? {
        switch self {
        case .timeZone, .manufacturerConditions, .labourRate, .clockMode, .complaintFollowUpBy,
             .dealerName, .fromAddress, .unsubscribeURL, .smsSuffix, .reminderChannel: return nil
        case .smsCap: return 0...100
        case .smsCapHours: return 1...8760
        case .unsubscribeDays: return 1...3650
        case .responseWindowDays: return 1...365
        case .complaintFirstContactHours: return 1...72
        case .complaintReportHours: return 1...240
        case .complaintFollowUpDays: return 1...90
        case .complaintSatisfiedLevels: return 1...6
        case .complaintWarnMinutes: return 0...1440
        case .complaintAttachmentMegabytes: return 1...500
        case .complaintTargetFirstContact, .complaintTargetFeedback, .complaintTargetSatisfied: return 0...100
        case .monthlyCalls: return 0...60
        case .newCarCallFromDays, .newCarCallToDays: return 1...90
        // L rules are legal minimums: a dealer may only make them more generous.
        case .legalRepairMonths: return 36...240
        case .legalRepairKilometres: return 60_000...2_000_000
        case .legalSanbaoMonths: return 24...240
        case .legalSanbaoKilometres: return 50_000...2_000_000
        case .partsWarrantyMonths: return 1...120
        case .databaseBusySeconds: return 1...600
        default: return 0...3650
        }
    }

    /// Checks a new value and returns it normalised; throws `InvalidInput` naming the setting.
    public func validate(_ text: String) throws -> String {
        let trimmed = text.trimmed()
        if self == .labourRate {
            guard let money = Money(yuan: trimmed), money.fen > 0 else {
                throw InvalidInput(field: rawValue, "expected an amount in yuan such as 120.00, got \"\(trimmed)\"")
            }
            return money.description.replacingOccurrences(of: ",", with: "")
        }
        if self == .manufacturerConditions {
            let items = trimmed.split(separator: ";").map { String($0).trimmed() }.filter { !$0.isEmpty }
            guard !items.isEmpty else { throw InvalidInput(field: rawValue, "give at least one condition; separate them with ;") }
            return items.joined(separator: ";")
        }
        if self == .timeZone {
            guard TimeZone(identifier: trimmed) != nil else {
                throw InvalidInput(field: rawValue, "\"\(trimmed)\" is not a time zone name (e.g. Asia/Shanghai)")
            }
            return trimmed
        }
        if self == .clockMode || self == .complaintFollowUpBy {
            let choices = self == .clockMode ? ClockMode.allCases.map(\.rawValue) : ["owner", Role.csManager.rawValue, Role.serviceManager.rawValue]
            guard choices.contains(trimmed.lowercased()) else {
                throw InvalidInput(field: rawValue, "expected one of \(choices.joined(separator: ", ")), got \"\(trimmed)\"")
            }
            return trimmed.lowercased()
        }
        switch self {
        case .dealerName:
            guard !trimmed.isEmpty else { throw InvalidInput(field: rawValue, "give the dealer's name") }
            return trimmed
        case .fromAddress:
            let parts = trimmed.split(separator: "@")
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !trimmed.contains(" ") else {
                throw InvalidInput(field: rawValue, "expected an e-mail address such as service@dealer.cn, got \"\(trimmed)\"")
            }
            return trimmed
        case .unsubscribeURL:
            guard trimmed.isEmpty || trimmed.hasPrefix("https://") || trimmed.hasPrefix("http://") else {
                throw InvalidInput(field: rawValue, "expected an http(s) URL such as https://dealer.cn/unsubscribe/, or nothing")
            }
            return trimmed
        case .smsSuffix:
            return trimmed
        case .reminderChannel:
            guard ["email", "sms", "letter"].contains(trimmed.lowercased()) else {
                throw InvalidInput(field: rawValue, "expected email, sms or letter, got \"\(trimmed)\"")
            }
            return trimmed.lowercased()
        default: break
        }
        guard let value = Int(trimmed), let range, range.contains(value) else {
            throw InvalidInput(field: rawValue, "expected a whole number from \(range!.lowerBound) to \(range!.upperBound), got \"\(trimmed)\"")
        }
        return String(value)
    }
}

/// The settings in force: stored overrides over the defaults, with typed accessors.
public struct DealerSettings: Sendable, Equatable {
    public var overrides: [Setting: String]

    public init(overrides: [Setting: String] = [:]) { self.overrides = overrides }

    /// The value in force as text.
    public func text(_ setting: Setting) -> String { overrides[setting] ?? setting.defaultValue }

    /// An integer setting's value in force.
    public func integer(_ setting: Setting) -> Int { Int(text(setting)) ?? Int(setting.defaultValue)! }

    /// Rule Q-1: the labour rate per standard hour.
    public var labourRate: Money { Money(yuan: text(.labourRate)) ?? Money(fen: 12_000) }

    /// Rule W-4: the manufacturer's other exclusion conditions.
    public var manufacturerConditions: [String] { text(.manufacturerConditions).split(separator: ";").map(String.init) }

    /// Rule T-3: how hour deadlines run.
    public var clockMode: ClockMode { ClockMode(rawValue: text(.clockMode)) ?? .clock }

    /// Rule T-2: the dealer's time zone.
    public var timeZone: TimeZone { TimeZone(identifier: text(.timeZone)) ?? TimeZone(identifier: "Asia/Shanghai")! }
}
