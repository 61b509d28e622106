import Core
import Customers
import Foundation
import Messaging

/// The standing reminder campaigns of M-1 (and C-7's first-maintenance reminder): what each is about, its
/// rule, its category (which decides consent, M-3), how far ahead it goes out, and its default text.
public enum ReminderKind: String, CaseIterable, Codable, Sendable {
    case firstMaintenance = "first-maintenance"
    case maintenanceDue = "maintenance-due"
    case warrantyExpiry = "warranty-expiry"
    case annualInspection = "annual-inspection"
    case insuranceRenewal = "insurance-renewal"
    case openRecall = "open-recall"
    case birthday

    public var rule: String {
        switch self {
        case .firstMaintenance: return "C-7, W-9"
        case .maintenanceDue: return "W-9, M-1"
        case .warrantyExpiry: return "M-1"
        case .annualInspection, .insuranceRenewal: return "M-1"
        case .openRecall: return "W-6, M-1"
        case .birthday: return "M-1"
        }
    }

    /// Service reminders need no opt-in but honour an opt-out; a recall always goes out; a birthday card is
    /// marketing (it needs an opt-in).
    public var category: MessageCategory {
        switch self {
        case .openRecall: return .recall
        case .birthday: return .marketing
        default: return .service
        }
    }

    /// Whether one message of this kind per address is enough in a run (M-2's duplicate recipient, as in a
    /// campaign): a birthday card (marketing) to a family's shared phone goes once. A service reminder or a
    /// recall is about one vehicle's event, so each goes, even to an address that already has one.
    public var onePerRecipient: Bool { category == .marketing }

    /// Days before the due day the reminder goes out ([design] defaults; setting `reminders.lead-days.KIND`).
    public var defaultLeadDays: Int {
        switch self {
        case .firstMaintenance, .maintenanceDue: return 14
        case .warrantyExpiry, .annualInspection, .insuranceRenewal: return 30
        case .openRecall: return 0
        case .birthday: return 0
        }
    }

    public var defaultTemplate: String {
        switch self {
        case .firstMaintenance:
            return "尊敬的{{name}}{{title}}：您的{{vehicle}}（{{plate}}）首次保养将于{{due_date}}到期，请提前预约。{{dealer}}"
        case .maintenanceDue: return "尊敬的{{name}}{{title}}：您的{{vehicle}}（{{plate}}）定期保养将于{{due_date}}到期，欢迎预约。{{dealer}}"
        case .warrantyExpiry: return "尊敬的{{name}}{{title}}：您的{{vehicle}}整车质保将于{{due_date}}到期，到期前可免费检查。{{dealer}}"
        case .annualInspection:
            return "尊敬的{{name}}{{title}}：您的{{vehicle}}（{{plate}}）年检日期为{{due_date}}，我们可代办年检。{{dealer}}"
        case .insuranceRenewal:
            return "尊敬的{{name}}{{title}}：您的{{vehicle}}（{{plate}}）保险将于{{due_date}}到期，请及时续保。{{dealer}}"
        case .openRecall:
            return "尊敬的{{name}}{{title}}：您的{{vehicle}}（VIN {{vin}}）涉及召回：{{bulletin}}。维修免费，请尽快预约。{{dealer}}"
        case .birthday: return "尊敬的{{name}}{{title}}：祝您生日快乐！{{dealer}}全体员工敬上"
        }
    }

    public var subject: String {
        switch self {
        case .firstMaintenance: return "首次保养提醒"
        case .maintenanceDue: return "定期保养提醒"
        case .warrantyExpiry: return "质保到期提醒"
        case .annualInspection: return "年检提醒"
        case .insuranceRenewal: return "续保提醒"
        case .openRecall: return "召回通知"
        case .birthday: return "生日祝福"
        }
    }
}

/// One reminder that falls due: the event it is about (its key makes queueing idempotent: the same event
/// is never reminded twice, however often `reminders run` runs), the day, and the fields it adds.
public struct ReminderDue: Sendable, Equatable {
    public var kind: ReminderKind
    public var key: String
    public var dueOn: LocalDate
    public var extra: [String: String]

    public init(kind: ReminderKind, key: String, dueOn: LocalDate, extra: [String: String]) {
        self.kind = kind
        self.key = key
        self.dueOn = dueOn
        self.extra = extra
    }
}

/// When each reminder falls due for one customer's vehicle, as pure functions of the facts.
public enum ReminderPlanner {
    /// The first anniversary of `day` on or after `from` (T-1 clamps 29 February).
    public static func anniversary(of day: LocalDate, onOrAfter from: LocalDate) -> LocalDate {
        var years = max(1, from.year - day.year - 1)
        while day.adding(months: 12 * years) < from { years += 1 }
        return day.adding(months: 12 * years)
    }

    /// Rule W-9: the vehicle's next maintenance and its due day, as the reminders count it (and the dealer's calls,
    /// before any visit the first (首保, C-7) from delivery; after one the next (M-1) from the visit made, the
    /// interval's months or kilometres (projected from the latest reading, read as of `asOf`), whichever comes first.
    public static func maintenanceDue(
        facts: CustomerFacts, asOf: LocalDate, schedule: MaintenanceSchedule
    ) -> (kind: ReminderKind, day: LocalDate)? {
        guard let last = facts.lastVisit else {
            guard let delivered = facts.deliveredOn else { return nil }
            let readings = facts.mileage.map { [(day: asOf, kilometres: $0)] } ?? []
            return (.firstMaintenance, schedule.nextMaintenanceDue(delivery: delivered, readings: readings).date)
        }
        let visit = facts.lastVisitKilometres.map { (day: last, kilometres: $0) } ?? (day: last, kilometres: 0)
        let readings =
            facts.lastVisitKilometres == nil
            ? []
            : facts.mileage.map { [(day: asOf, kilometres: $0)] } ?? []
        let day = schedule.nextMaintenanceDue(
            delivery: facts.deliveredOn ?? last, lastVisit: visit,
            readings: readings
        ).date
        return (.maintenanceDue, day)
    }

    /// The reminder of `kind` due within `leadDays` of `asOf`, if any. Open recalls are found by the caller
    /// (they need the bulletins); `schedule` is the make's W-9 schedule.
    public static func due(
        _ kind: ReminderKind, facts: CustomerFacts, asOf: LocalDate, leadDays: Int, schedule: MaintenanceSchedule
    ) -> ReminderDue? {
        func within(_ day: LocalDate) -> Bool { day >= asOf && asOf.days(until: day) <= leadDays }
        let vehicleKey = facts.vin?.value ?? "customer-\(facts.customerID)"
        switch kind {
        case .firstMaintenance:
            guard let (which, day) = maintenanceDue(facts: facts, asOf: asOf, schedule: schedule),
                which == .firstMaintenance
            else { return nil }
            return within(day)
                ? ReminderDue(kind: kind, key: "\(vehicleKey):\(day)", dueOn: day, extra: ["due_date": day.description])
                : nil
        case .maintenanceDue:
            guard let (which, day) = maintenanceDue(facts: facts, asOf: asOf, schedule: schedule),
                which == .maintenanceDue, let last = facts.lastVisit
            else { return nil }
            // Keyed by the visit it follows: a projected day that moves as readings come in is still one event.
            guard within(day) else { return nil }
            return ReminderDue(
                kind: kind, key: "\(vehicleKey):after-\(last)", dueOn: day,
                extra: ["due_date": day.description])
        case .warrantyExpiry:
            guard let end = facts.warrantyEnds, within(end) else { return nil }
            return ReminderDue(
                kind: kind, key: "\(vehicleKey):\(end)", dueOn: end, extra: ["due_date": end.description])
        case .annualInspection, .insuranceRenewal:
            guard let delivered = facts.deliveredOn else { return nil }
            let day = anniversary(of: delivered, onOrAfter: asOf)
            return within(day)
                ? ReminderDue(kind: kind, key: "\(vehicleKey):\(day)", dueOn: day, extra: ["due_date": day.description])
                : nil
        case .birthday:
            guard let birth = facts.birthDate, facts.firstVehicle else { return nil }
            let day = anniversary(of: birth, onOrAfter: asOf)
            return within(day)
                ? ReminderDue(
                    kind: kind, key: "customer-\(facts.customerID):\(day)", dueOn: day,
                    extra: ["due_date": day.description]) : nil
        case .openRecall:
            return nil
        }
    }
}

extension ReminderKind {
    /// The kind as staff read it in a run's table (the customer reads `title`, in Chinese, in the message itself).
    public var spoken: Phrase {
        switch self {
        case .firstMaintenance: return Phrase("first-maintenance", context: "reminder")
        case .maintenanceDue: return Phrase("maintenance-due", context: "reminder")
        case .warrantyExpiry: return Phrase("warranty-expiry", context: "reminder")
        case .annualInspection: return Phrase("annual-inspection", context: "reminder")
        case .insuranceRenewal: return Phrase("insurance-renewal", context: "reminder")
        case .openRecall: return Phrase("open-recall", context: "reminder")
        case .birthday: return Phrase("birthday", context: "reminder")
        }
    }
}
