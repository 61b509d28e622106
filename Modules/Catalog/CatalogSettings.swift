import Core
import Foundation

// The settings of prices: each with its key, rule ID, default and how a new value is checked,
// declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let labourRate = Setting(
        "labour.rate", rule: "Q-1", default: "120.00",
        summary: "labour rate per standard hour, yuan (prices labour lines)",
        value: .custom { text, key in
            guard let money = Money(yuan: text), money.fen > 0 else {
                throw InvalidInput(field: key, "expected an amount in yuan such as 120.00, got \"\(text)\"")
            }
            return money.description.replacingOccurrences(of: ",", with: "")
        }
    )

    /// The Catalog module's settings, in the order `settings show` lists them.
    public static let catalog: [Setting] = [.labourRate]
}

extension DealerSettings {
    /// Rule Q-1: the labour rate per standard hour.
    public var labourRate: Money { Money(yuan: text(.labourRate)) ?? Money(fen: 12_000) }
}
