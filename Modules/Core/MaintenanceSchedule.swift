/// Scheduled maintenance of one make (rule W-9), kept as data: first service at `firstKilometres`
/// or `firstMonths`, then every `intervalKilometres` or `intervalMonths`, whichever comes first,
/// with a tolerance.
public struct MaintenanceSchedule: Hashable, Sendable, Codable {
    /// The make it applies to; `*` is the default for makes without their own schedule.
    public var make: String
    public var firstKilometres: Int
    public var firstMonths: Int
    public var intervalKilometres: Int
    public var intervalMonths: Int
    public var toleranceKilometres: Int
    public var toleranceDays: Int

    public init(
        make: String, firstKilometres: Int, firstMonths: Int, intervalKilometres: Int,
        intervalMonths: Int, toleranceKilometres: Int, toleranceDays: Int
    ) {
        self.make = make
        self.firstKilometres = firstKilometres
        self.firstMonths = firstMonths
        self.intervalKilometres = intervalKilometres
        self.intervalMonths = intervalMonths
        self.toleranceKilometres = toleranceKilometres
        self.toleranceDays = toleranceDays
    }

    /// W-9's defaults: 5,000 km or 6 months, then every 10,000 km or 12 months; tolerance 1,000 km or 30 days.
    public static func standard(make: String = "*") -> MaintenanceSchedule {
        MaintenanceSchedule(
            make: make, firstKilometres: 5_000, firstMonths: 6, intervalKilometres: 10_000,
            intervalMonths: 12, toleranceKilometres: 1_000, toleranceDays: 30)
    }

    /// Rule W-9: the next due point: the first (首保) counted from delivery, each later one
    /// from the visit actually made (`lastVisit`), at the months or the kilometres, whichever comes first.
    public func duePoint(delivery: LocalDate, lastVisit: (day: LocalDate, kilometres: Int)?) -> MaintenanceDuePoint {
        let from = lastVisit ?? (day: delivery, kilometres: 0)
        let months = lastVisit == nil ? firstMonths : intervalMonths
        let kilometres = from.kilometres + (lastVisit == nil ? firstKilometres : intervalKilometres)
        let date = MonthPeriod(start: from.day, months: months).lastDay
        return MaintenanceDuePoint(
            date: date, kilometres: kilometres,
            lastDay: DayPeriod(start: date, days: toleranceDays).lastDay,
            lastKilometres: kilometres + toleranceKilometres)
    }

    /// When the next maintenance falls due (W-9; the first one for C-7, the next one for M-1's reminder): the
    /// date of `duePoint`, brought forward when the mileage readings since the last visit (or delivery)
    /// project reaching its kilometres sooner.
    /// - Parameters:
    ///   - delivery: the delivery day.
    ///   - lastVisit: the last maintenance visit made, or nil before the first.
    ///   - readings: (day, kilometres) readings, any order.
    public func nextMaintenanceDue(
        delivery: LocalDate, lastVisit: (day: LocalDate, kilometres: Int)? = nil,
        readings: [(day: LocalDate, kilometres: Int)] = []
    ) -> MaintenanceDue {
        let point = duePoint(delivery: delivery, lastVisit: lastVisit)
        let from = lastVisit ?? (day: delivery, kilometres: 0)
        guard let latest = readings.max(by: { $0.day < $1.day }), latest.day >= from.day,
            latest.kilometres > from.kilometres
        else {
            return MaintenanceDue(date: point.date, kilometres: point.kilometres, decidedBy: .months)
        }
        if latest.kilometres >= point.kilometres {
            return MaintenanceDue(
                date: min(latest.day, point.date), kilometres: point.kilometres,
                decidedBy: .kilometres)
        }
        let days = max(from.day.days(until: latest.day), 1)
        let perDay = Double(latest.kilometres - from.kilometres) / Double(days)
        let daysToLimit = Int((Double(point.kilometres - from.kilometres) / perDay).rounded(.down))
        let projected = from.day.adding(days: daysToLimit)
        return projected < point.date
            ? MaintenanceDue(date: projected, kilometres: point.kilometres, decidedBy: .kilometres)
            : MaintenanceDue(date: point.date, kilometres: point.kilometres, decidedBy: .months)
    }

    /// When the first maintenance (首保) falls due (W-9 for C-7): `nextMaintenanceDue` before any visit.
    public func firstMaintenanceDue(
        delivery: LocalDate,
        readings: [(day: LocalDate, kilometres: Int)] = []
    ) -> MaintenanceDue {
        nextMaintenanceDue(delivery: delivery, lastVisit: nil, readings: readings)
    }
}

/// One due maintenance of W-9: due at `date` or at `kilometres`, whichever comes first; a visit is on
/// schedule only while neither limit plus its tolerance has been passed.
public struct MaintenanceDuePoint: Hashable, Sendable, Codable {
    public let date: LocalDate
    public let kilometres: Int
    /// The last day still on time: the due date plus the tolerance days (T-1).
    public let lastDay: LocalDate
    /// The highest reading still on time: the due kilometres plus the tolerance.
    public let lastKilometres: Int

    /// Rule W-9: on schedule only within BOTH limits plus tolerance (whichever comes first): a first
    /// maintenance at 9,000 km in month 4 is late.
    public func isOnTime(day: LocalDate, kilometres: Int) -> Bool {
        day <= lastDay && withinDistance(kilometres, limit: lastKilometres)
    }

    /// Whether the point has passed unmet on `day` at `kilometres` (either limit plus tolerance exceeded).
    public func hasPassed(on day: LocalDate, kilometres: Int?) -> Bool {
        !isOnTime(day: day, kilometres: kilometres ?? 0)
    }
}

/// When the next maintenance falls due and which limit decided it.
public struct MaintenanceDue: Hashable, Sendable, Codable {
    public enum Limit: String, Codable, Sendable { case months, kilometres }
    public let date: LocalDate
    public let kilometres: Int
    public let decidedBy: Limit
}
