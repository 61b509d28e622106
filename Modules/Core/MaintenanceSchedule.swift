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

    public init(make: String, firstKilometres: Int, firstMonths: Int, intervalKilometres: Int,
                intervalMonths: Int, toleranceKilometres: Int, toleranceDays: Int) {
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
        MaintenanceSchedule(make: make, firstKilometres: 5_000, firstMonths: 6, intervalKilometres: 10_000,
                            intervalMonths: 12, toleranceKilometres: 1_000, toleranceDays: 30)
    }

    /// When the first maintenance (首保) falls due (W-9 for C-7): the date limit counted from delivery
    /// by T-1, brought forward when the mileage readings so far project reaching the kilometre limit sooner.
    /// - Parameters:
    ///   - delivery: the delivery day.
    ///   - readings: (day, kilometres) readings since delivery, any order.
    public func firstMaintenanceDue(delivery: LocalDate, readings: [(day: LocalDate, kilometres: Int)] = []) -> FirstMaintenanceDue {
        let byDate = delivery.adding(months: firstMonths)
        guard let latest = readings.max(by: { $0.day < $1.day }), latest.kilometres > 0 else {
            return FirstMaintenanceDue(date: byDate, kilometres: firstKilometres, decidedBy: .months)
        }
        if latest.kilometres >= firstKilometres {
            return FirstMaintenanceDue(date: min(latest.day, byDate), kilometres: firstKilometres, decidedBy: .kilometres)
        }
        let days = max(delivery.days(until: latest.day), 1)
        let perDay = Double(latest.kilometres) / Double(days)
        let daysToLimit = Int((Double(firstKilometres) / perDay).rounded(.down))
        let projected = delivery.adding(days: daysToLimit)
        return projected < byDate
            ? FirstMaintenanceDue(date: projected, kilometres: firstKilometres, decidedBy: .kilometres)
            : FirstMaintenanceDue(date: byDate, kilometres: firstKilometres, decidedBy: .months)
    }
}

/// The due point of the first maintenance and which limit decided it.
public struct FirstMaintenanceDue: Hashable, Sendable, Codable {
    public enum Limit: String, Codable, Sendable { case months, kilometres }
    public let date: LocalDate
    public let kilometres: Int
    public let decidedBy: Limit
}
