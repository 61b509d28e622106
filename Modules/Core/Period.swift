/// A period of whole months from a start day (rule T-1): it ends on the same day N months later
/// (clamped to the month's end) and covers the days *before* its end day.
public struct MonthPeriod: Hashable, Sendable {
    public let start: LocalDate
    public let months: Int

    public init(start: LocalDate, months: Int) {
        self.start = start
        self.months = months
    }

    /// The first day no longer covered.
    public var end: LocalDate { start.adding(months: months) }

    /// Whether `day` lies within the period: on or after the start, before the end day (T-1).
    public func covers(_ day: LocalDate) -> Bool { day >= start && day < end }
}

/// Rule T-1: a distance limit of K km is met while the reading is at most K.
public func withinDistance(_ reading: Int, limit: Int) -> Bool { reading <= limit }
