import Foundation

// The settings of the dealer's clock and the database: each with its key, rule ID, default and how a new value is
// checked,
// declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let timeZone = Setting(
        "time.zone", rule: "T-2", default: "Asia/Shanghai",
        summary: "dealer's time zone: instants are shown and days counted in it",
        value: .custom { text, key in
            guard TimeZone(identifier: text) != nil else {
                throw InvalidInput(field: key, "\"\(text)\" is not a time zone name (e.g. Asia/Shanghai)")
            }
            return text
        }
    )

    public static let clockMode = Setting(
        "calendar.clock", rule: "T-3", default: "clock",
        summary: "hour deadlines (K-4, K-6) run on the clock, or only in the store's opening hours "
            + "(`calendar hours`): clock or business",
        value: .choice(ClockMode.allCases.map(\.rawValue))
    )

    public static let databaseBusySeconds = Setting(
        "database.busy-seconds", rule: "design", default: "5",
        summary:
            "how long a write waits for another program holding the database (a long import) before it gives up with "
            + "a clear message",
        value: .integer(1...600)
    )

    public static let locale = Setting(
        "locale", rule: "design", default: "system",
        summary: "the language the product speaks: zh (Simplified Chinese) or en; system follows LANG. A new database "
            + "starts in zh; --lang and $AFTERSALES_LANG override it for one run, Accept-Language for one request",
        value: .choice(["zh", "en", "system"])
    )

    public static let dateStyle = Setting(
        "date.style", rule: "design", default: "long",
        summary: "how Chinese sentences write a day: long (2026年12月5日) or iso (2026-12-05); tables keep ISO",
        value: .choice(DateStyle.allCases.map(\.rawValue))
    )

    /// The Core module's settings, in the order `settings show` lists them.
    public static let core: [Setting] = [.timeZone, .clockMode, .databaseBusySeconds, .locale, .dateStyle]
}
