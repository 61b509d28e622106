/// A period of whole months from a start day (rule T-1): it runs to the corresponding day N months later
/// (clamped to the month's end), and that day is its last covered day, as China's Civil Code counts periods
/// (arts. 201–202): 2025-01-10 + 36 months covers 2028-01-10; 2024-02-29 + 12 months covers 2025-02-28.
public struct MonthPeriod: Hashable, Sendable {
    public let start: LocalDate
    public let months: Int

    public init(start: LocalDate, months: Int) {
        self.start = start
        self.months = months
    }

    /// The last covered day: the corresponding day `months` later (T-1).
    public var lastDay: LocalDate { start.adding(months: months) }

    /// Whether `day` lies within the period: on or after the start, up to and including the last day (T-1).
    public func covers(_ day: LocalDate) -> Bool { day >= start && day <= lastDay }
}

/// A period of whole days from a start day (rule T-1): the start day is not counted, so 10 days from the
/// 1st runs to the 11th, and that day is its last covered day.
public struct DayPeriod: Hashable, Sendable {
    public let start: LocalDate
    public let days: Int

    public init(start: LocalDate, days: Int) {
        self.start = start
        self.days = days
    }

    /// The last covered day: `days` days after the start (T-1).
    public var lastDay: LocalDate { start.adding(days: days) }

    /// Whether `day` lies within the period: on or after the start, up to and including the last day (T-1).
    public func covers(_ day: LocalDate) -> Bool { day >= start && day <= lastDay }
}

/// Rule T-1: a distance limit of K km is met while the reading is at most K.
public func withinDistance(_ reading: Int, limit: Int) -> Bool { reading <= limit }
