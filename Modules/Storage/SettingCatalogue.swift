import Appointments
import Campaigns
import Catalog
import Complaints
import Core
import Customers
import Messaging
import Stock
import Warranty
import WorkOrders

extension Setting {
    /// Every setting of the program, module by module, in the order `settings show` lists them. A new module
    /// declares its settings beside its rules and appends its list here, as it appends its migrations to the schema.
    public static let catalogue: [Setting] =
        core + customerBase + warranty + catalog + complaints + messaging + campaigns + stock + workOrders
        + followUps + capacity + appointmentBooking + appointmentCalls

    /// The setting a key names, or nil.
    public static func named(_ key: String) -> Setting? { catalogue.first { $0.rawValue == key } }
}

extension AppDatabase {
    /// Stores the setting `key` after checking its value; audited. Throws `UnknownRecord` for an unknown key (naming
    /// `settings show`) or `Conflict` for a value the setting does not take (naming the setting).
    @discardableResult
    public func setSetting(_ key: String, to value: String, actor: String) throws -> DealerSettings {
        if key == "calendar.business-hours" {
            // Rule T-3: the old single setting became the store's opening hours per weekday.
            throw UnknownRecord(
                field: "key",
                "calendar.business-hours is now the store's opening hours per weekday "
                    + "(T-3): `aftersales calendar hours set monday friday --hours 09:00-18:00`")
        }
        guard let setting = Setting.named(key) else {
            throw UnknownRecord(
                field: "key", "unknown setting \"\(key)\"; `aftersales settings show` lists them")
        }
        return try setSetting(setting, to: value, actor: actor)
    }
}
