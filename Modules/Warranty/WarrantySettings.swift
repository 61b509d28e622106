import Core
import Foundation

// The settings of the legal periods (L-2) and the warranty terms (W-3, W-4): each with its key, rule ID, default and
// how a new value is checked,
// declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let legalRepairMonths = Setting(
        "legal.repair-period.months", rule: "L-2", default: "36",
        summary: "household cars: legal repair period (包修期) in months; legal minimum 36",
        value: .integer(36...240)
    )

    public static let legalRepairKilometres = Setting(
        "legal.repair-period.km", rule: "L-2", default: "60000",
        summary: "household cars: legal repair period in km; legal minimum 60,000",
        value: .integer(60_000...2_000_000)
    )

    public static let legalSanbaoMonths = Setting(
        "legal.sanbao-period.months", rule: "L-2", default: "24",
        summary: "household cars: 三包 period in months; legal minimum 24",
        value: .integer(24...240)
    )

    public static let legalSanbaoKilometres = Setting(
        "legal.sanbao-period.km", rule: "L-2", default: "50000",
        summary: "household cars: 三包 period in km; legal minimum 50,000",
        value: .integer(50_000...2_000_000)
    )

    public static let partsWarrantyMonths = Setting(
        "warranty.parts.months", rule: "W-3", default: "12",
        summary: "a part bought and fitted at an authorised dealer is covered N months from fitting",
        value: .integer(1...120)
    )

    public static let manufacturerConditions = Setting(
        "warranty.manufacturer-conditions", rule: "W-4",
        // Examples, in the dealer's language as the other texts a dealer edits (messaging.dealer-name).
        default: "使用非厂家认可的油液;私自改动排放系统;篡改里程表",
        summary: "the manufacturer's other exclusion conditions, separated by ;",
        value: .custom { text, key in
            let items = text.split(separator: ";").map { String($0).trimmed() }.filter { !$0.isEmpty }
            guard !items.isEmpty else {
                throw InvalidInput(field: key, "give at least one condition; separate them with ;")
            }
            return items.joined(separator: ";")
        }
    )

    /// The Warranty module's settings, in the order `settings show` lists them.
    public static let warranty: [Setting] = [
        .legalRepairMonths, .legalRepairKilometres, .legalSanbaoMonths, .legalSanbaoKilometres, .partsWarrantyMonths,
        .manufacturerConditions,
    ]
}

extension DealerSettings {
    /// Rule W-4: the manufacturer's other exclusion conditions.
    public var manufacturerConditions: [String] { text(.manufacturerConditions).split(separator: ";").map(String.init) }
}
