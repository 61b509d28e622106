/// A day of the week, Monday first (ISO 8601: Monday is 1), as `LocalDate.isoWeekday` counts.
public enum Weekday: Int, CaseIterable, Codable, Sendable, Comparable, CustomStringConvertible {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// The weekday of `day`.
    public init(_ day: LocalDate) { self = Weekday(rawValue: day.isoWeekday)! }

    /// Reads `monday` or `mon` (any case), `周一` or `星期一`; nil otherwise.
    public init?(parsing text: String) {
        let key = text.trimmed().lowercased()
        let chinese = ["一", "二", "三", "四", "五", "六", "日"]
        guard
            let found = Weekday.allCases.first(where: { day in
                let name = day.description
                let number = chinese[day.rawValue - 1]
                return [name, String(name.prefix(3)), "周\(number)", "星期\(number)"].contains(key)
                    || (day == .sunday && ["周天", "星期天"].contains(key))
            })
        else { return nil }
        self = found
    }

    public var description: String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][rawValue - 1]
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    /// The weekday as people read it (周一 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        case .sunday: "sunday"
        }
    }
}

/// Rule T-3: the store's opening hours, set per weekday (default 08:30–20:00 every day, A-2), with the days
/// that differ: closed days, or a day with other hours. They bound appointments and, when the dealer chooses,
/// the hour deadlines of complaints (K-4, K-6). They are never mixed with the legal working-day calendar
/// (`BusinessCalendar`), which counts the working days of L-9 and nothing else: a store open on Saturdays
/// just says so here.
public struct OpeningHours: Sendable, Equatable {
    /// The default hours of every weekday: 08:30–20:00.
    public static let defaultHours = BusinessHours(opens: 8 * 3600 + 1800, closes: 20 * 3600)!

    /// The hours of each weekday; a weekday not listed is closed.
    public var weekly: [Weekday: BusinessHours]
    /// Days on which the store is closed whatever the weekday (a closed day, e.g. 春节).
    public var closedDays: Set<LocalDate>
    /// Days open with other hours than their weekday's.
    public var specialHours: [LocalDate: BusinessHours]

    public init(
        weekly: [Weekday: BusinessHours] = OpeningHours.everyDay(OpeningHours.defaultHours),
        closedDays: Set<LocalDate> = [], specialHours: [LocalDate: BusinessHours] = [:]
    ) {
        self.weekly = weekly
        self.closedDays = closedDays
        self.specialHours = specialHours
    }

    /// The same hours on all seven weekdays.
    public static func everyDay(_ hours: BusinessHours) -> [Weekday: BusinessHours] {
        Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, hours) })
    }

    /// The store's hours on `day`, or nil when it is closed.
    public func hours(on day: LocalDate) -> BusinessHours? {
        if closedDays.contains(day) { return nil }
        return specialHours[day] ?? weekly[Weekday(day)]
    }

    /// Whether the store opens on some weekday (a week closed throughout cannot bound a deadline).
    public var opensSomeWeekday: Bool { !weekly.isEmpty }
}
