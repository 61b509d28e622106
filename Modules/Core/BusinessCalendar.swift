/// The legal working-day calendar (rule T-3): Monday to Friday are working days, except the national
/// holidays the dealer records; make-up working days (调休) turn a weekend day into a working day. It counts
/// the working days of L-9 and nothing else; the store's opening hours are `OpeningHours`.
public struct BusinessCalendar: Sendable, Equatable {
    public var holidays: Set<LocalDate>
    public var makeUpWorkingDays: Set<LocalDate>

    public init(holidays: Set<LocalDate> = [], makeUpWorkingDays: Set<LocalDate> = []) {
        self.holidays = holidays
        self.makeUpWorkingDays = makeUpWorkingDays
    }

    /// Rule T-3: whether `day` is a legal working day.
    public func isWorkingDay(_ day: LocalDate) -> Bool {
        if makeUpWorkingDays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return day.isoWeekday <= 5
    }

    /// The working day `count` working days after `day` (rule T-3, used for deadlines in working days).
    public func adding(workingDays count: Int, to day: LocalDate) -> LocalDate {
        var current = day
        var left = count
        while left > 0 {
            current = current.adding(days: 1)
            if isWorkingDay(current) { left -= 1 }
        }
        return current
    }
}
