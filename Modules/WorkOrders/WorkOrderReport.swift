import Catalog
import Core
import Foundation

// The service manager's numbers (issue 17 "Reports"): what counts and how each figure is computed, over plain values.
// The storage adds the counts up in SQL for speed; a randomized test holds those sums to `WorkOrderReport.counts`
// here, and both go through the same formulas (`WorkOrderReport.init`). Docs/workorders.md "The report" says the
// same in words.

extension Setting {
    /// The report's productivity needs attended hours, and there is no attendance data yet: a technician who clocked
    /// on a day is taken to have attended this many hours that day.
    public static let shiftHours = Setting(
        "workorders.shift.hours", rule: "design", default: "8",
        summary: "hours a technician attends on a day they clock on a job (the report's productivity)",
        value: .integer(1...24))
}

/// Why a ratio of the report has no value: its denominator is zero.
public enum ReportGap: String, Sendable, Codable, CaseIterable {
    case noOrders = "no-orders"
    case noSoldHours = "no-sold-hours"
    case noClockedHours = "no-clocked-hours"
    case noAttendedHours = "no-attended-hours"
    case noPromises = "no-promises"

    public var spoken: Phrase {
        switch self {
        case .noOrders: "no order settled"
        case .noSoldHours: "no hours sold"
        case .noClockedHours: "no hours clocked"
        case .noAttendedHours: "no technician clocked, so no hours attended"
        case .noPromises: "no promised time due"
        }
    }
}

/// A ratio of the report: its value rounded half-up to a step (a hundredth of an hour, a fen, a tenth of a percent),
/// or absent with the reason when its denominator is zero. JSON: `{"value": 95.3, "absent": null}`.
public struct ReportRatio: Sendable, Equatable, Encodable {
    /// The value in steps; nil when absent.
    public var steps: Int64?
    /// Steps in one unit: 100 (hours, yuan) or 10 (percent).
    public var scale: Int64
    public var absent: ReportGap?

    /// numerator × factor / denominator, rounded half-up to a step; absent with `gap` when the denominator is 0.
    public init(_ numerator: Int64, times factor: Int64, over denominator: Int64, scale: Int64, gap: ReportGap) {
        self.scale = scale
        if denominator == 0 {
            steps = nil
            absent = gap
        } else {
            steps = Pricing.roundHalfUp(numerator * factor, dividedBy: denominator)
            absent = nil
        }
    }

    /// A percentage to a tenth: part / whole × 100.
    static func percent(_ part: Int64, of whole: Int64, gap: ReportGap) -> ReportRatio {
        ReportRatio(part, times: 1_000, over: whole, scale: 10, gap: gap)
    }

    /// `95.3`, `1.25`: the value as a decimal (two places for scale 100, one for 10); nil when absent.
    public var decimal: String? { steps.map { Self.decimal($0, scale: scale) } }

    /// Steps as a decimal: `150` at scale 100 is `1.50`, `953` at scale 10 is `95.3`.
    public static func decimal(_ steps: Int64, scale: Int64) -> String {
        let places = scale == 100 ? 2 : 1
        let sign = steps < 0 ? "-" : ""
        let whole = steps.magnitude / UInt64(scale)
        let fraction = String(steps.magnitude % UInt64(scale))
        return "\(sign)\(whole).\(String(repeating: "0", count: places - fraction.count))\(fraction)"
    }

    /// The value for people: `95.3%`, `1.25`, or why there is none.
    public func spoken(percent: Bool = false) -> Phrase {
        guard let decimal else { return "n/a: \(absent?.spoken ?? "")" }
        return Phrase(verbatim: percent ? decimal + "%" : decimal)
    }

    enum CodingKeys: String, CodingKey { case value, absent }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let decimal, let value = Decimal(string: decimal) {
            try container.encode(value, forKey: .value)
        } else {
            try container.encodeNil(forKey: .value)
        }
        try container.encode(absent, forKey: .absent)
    }
}

/// The sums the report's figures are made of, over the orders settled in a period (or on one day).
public struct WorkOrderReportCounts: Sendable, Equatable {
    /// Orders settled.
    public var orders = 0
    /// Sold hours in hundredths: the quantities of the labour lines of jobs not declined, every payer (Q-1).
    public var soldCentihours: Int64 = 0
    /// Labour revenue in fen: those lines' amounts, every payer.
    public var labourFen: Int64 = 0
    /// Clocked hours in hundredths: every ended spell of the orders' jobs (`ClockSpell.centihours`).
    public var clockedCentihours: Int64 = 0
    /// Distinct (technician, day the spell started) pairs among those spells.
    public var technicianDays = 0
    /// Orders with a job that repeats an earlier one within the comeback window (Q-5).
    public var comebackOrders = 0
    /// Jobs repaired under an earlier order's quality guarantee (Q-8).
    public var guaranteeRepairs = 0
    /// Orders without a failed quality check (Q-4) and without a comeback or guarantee repair (Q-5, Q-8).
    public var firstTimeFixed = 0
    /// Orders with a promised time that were delivered, or whose promised time has passed (Q-7).
    public var promisesDue = 0
    /// Of those, delivered at or before the promised instant.
    public var promisesKept = 0
    /// The invoices' totals by payer (Q-3).
    public var revenue = PayerTotals()
    /// The lines of declined jobs, in fen (Q-2).
    public var declinedFen: Int64 = 0
    /// Distinct (order, bulletin) pairs of labour lines of jobs not declined: the recalls and campaigns done while
    /// the car was in (W-6).
    public var bulletinsCompleted = 0

    public init() {}
}

/// One day of the report: orders settled that day and their sold hours.
public struct WorkOrderReportDay: Sendable, Equatable, Encodable {
    public var day: LocalDate
    public var orders: Int
    public var soldCentihours: Int64
    public var hoursPerOrder: ReportRatio
    public var revenue: Money

    public init(day: LocalDate, orders: Int, soldCentihours: Int64, revenue: Money) {
        self.day = day
        self.orders = orders
        self.soldCentihours = soldCentihours
        self.hoursPerOrder = ReportRatio(
            soldCentihours, times: 1, over: Int64(orders), scale: 100, gap: .noOrders)
        self.revenue = revenue
    }
}

/// The service manager's report of a period: the orders settled from `from` to `to` (by the day of their invoice in
/// the dealer's time zone), each figure defined in `WorkOrderReportCounts` and computed here.
public struct WorkOrderReport: Sendable, Equatable, Encodable {
    public var from: LocalDate
    public var to: LocalDate
    public var days: [WorkOrderReportDay]
    public var orders: Int
    public var soldCentihours: Int64
    public var clockedCentihours: Int64
    public var attendedCentihours: Int64
    public var shiftHours: Int
    public var technicianDays: Int
    public var labourRevenue: Money
    /// Sold hours / orders, to a hundredth of an hour.
    public var hoursPerOrder: ReportRatio
    /// Labour revenue / sold hours, yuan per hour to the fen.
    public var effectiveLabourRate: ReportRatio
    /// Sold / clocked hours, percent to a tenth.
    public var efficiency: ReportRatio
    /// Clocked / attended hours, percent to a tenth.
    public var productivity: ReportRatio
    public var comebackOrders: Int
    /// Comeback orders / orders (Q-5).
    public var comebackRate: ReportRatio
    public var guaranteeRepairs: Int
    public var firstTimeFixed: Int
    /// First-time-fixed orders / orders.
    public var firstTimeFixRate: ReportRatio
    public var promisesDue: Int
    public var promisesKept: Int
    /// Kept / due promises (Q-7).
    public var promisedKeptRate: ReportRatio
    public var revenue: PayerTotals
    public var revenueTotal: Money
    public var declinedValue: Money
    public var bulletinsCompleted: Int

    /// The most days one report covers.
    public static let maximumDays = 366

    /// The figures from the period's sums (the formulas, each ratio rounded half-up once at the end).
    public init(
        from: LocalDate, to: LocalDate, days: [LocalDate: WorkOrderReportCounts], total: WorkOrderReportCounts,
        shiftHours: Int
    ) {
        self.from = from
        self.to = to
        var list: [WorkOrderReportDay] = []
        var day = from
        while day <= to {
            let counts = days[day] ?? WorkOrderReportCounts()
            list.append(
                WorkOrderReportDay(
                    day: day, orders: counts.orders, soldCentihours: counts.soldCentihours,
                    revenue: counts.revenue.total))
            day = day.adding(days: 1)
        }
        self.days = list
        orders = total.orders
        soldCentihours = total.soldCentihours
        clockedCentihours = total.clockedCentihours
        self.shiftHours = shiftHours
        technicianDays = total.technicianDays
        attendedCentihours = Int64(total.technicianDays) * Int64(shiftHours) * 100
        labourRevenue = Money(fen: total.labourFen)
        let orders = Int64(total.orders)
        hoursPerOrder = ReportRatio(total.soldCentihours, times: 1, over: orders, scale: 100, gap: .noOrders)
        effectiveLabourRate = ReportRatio(
            total.labourFen, times: 100, over: total.soldCentihours, scale: 100, gap: .noSoldHours)
        efficiency = .percent(total.soldCentihours, of: total.clockedCentihours, gap: .noClockedHours)
        productivity = .percent(total.clockedCentihours, of: attendedCentihours, gap: .noAttendedHours)
        comebackOrders = total.comebackOrders
        comebackRate = .percent(Int64(total.comebackOrders), of: orders, gap: .noOrders)
        guaranteeRepairs = total.guaranteeRepairs
        firstTimeFixed = total.firstTimeFixed
        firstTimeFixRate = .percent(Int64(total.firstTimeFixed), of: orders, gap: .noOrders)
        promisesDue = total.promisesDue
        promisesKept = total.promisesKept
        promisedKeptRate = .percent(Int64(total.promisesKept), of: Int64(total.promisesDue), gap: .noPromises)
        revenue = total.revenue
        revenueTotal = total.revenue.total
        declinedValue = Money(fen: total.declinedFen)
        bulletinsCompleted = total.bulletinsCompleted
    }

    /// Checks a period: `from` not after `to`, at most `maximumDays` days. The fields are named as the caller's
    /// options (`--from`, `from`).
    public static func checkPeriod(from: LocalDate, to: LocalDate, fromField: String, toField: String) throws {
        guard from <= to else {
            throw InvalidInput(field: fromField, "the first day \(from) is after the last day \(to)")
        }
        guard to.dayNumber - from.dayNumber < maximumDays else {
            throw InvalidInput(field: toField, "a report covers at most \(maximumDays) days")
        }
    }

    /// The pure definition of the sums: the orders settled from `from` to `to` (the invoice's day in `zone`), each
    /// counted as `WorkOrderReportCounts` says; a promise not yet delivered is due once `now` has passed it (Q-7).
    public static func counts(
        of orders: [WorkOrder], from: LocalDate, to: LocalDate, zone: TimeZone, now: Date
    ) -> (days: [LocalDate: WorkOrderReportCounts], total: WorkOrderReportCounts) {
        var days: [LocalDate: WorkOrderReportCounts] = [:]
        var total = WorkOrderReportCounts()
        var technicianDays = Set<String>()
        for order in orders {
            guard let invoice = order.invoice else { continue }
            let day = LocalDate(instant: invoice.at, in: zone)
            guard day >= from, day <= to else { continue }
            var counts = WorkOrderReportCounts(settled: SettledOrderFigures(order))
            let spells = order.jobs.flatMap(\.spells).filter { $0.end != nil }
            counts.clockedCentihours = spells.reduce(0) { $0 + Int64($1.centihours(until: now)) }
            for spell in spells {
                technicianDays.insert("\(spell.technician)\u{1F}\(LocalDate(instant: spell.start, in: zone))")
            }
            if let promised = order.reception.promisedAt {
                if let delivered = order.deliveredAt {
                    counts.promisesDue = 1
                    counts.promisesKept = delivered <= promised ? 1 : 0
                } else if promised <= now {
                    counts.promisesDue = 1
                }
            }
            counts.revenue = invoice.totals
            days[day, default: WorkOrderReportCounts()].add(counts)
            total.add(counts)
        }
        total.technicianDays = technicianDays.count
        return (days, total)
    }
}

/// The figures a settled order brings to the report that settlement fixes (its jobs, lines and checks can no longer
/// change; a credit note reopens the order and the next settlement fixes them again). Storage keeps them on the
/// order's row, so the month's report sums one index instead of reading every line (issue 17's bench).
public struct SettledOrderFigures: Sendable, Equatable {
    /// Sold hours in hundredths: the labour lines of jobs not declined (Q-1).
    public var soldCentihours: Int64
    /// Those lines' amounts, in fen.
    public var labourFen: Int64
    /// The lines of declined jobs, in fen (Q-2).
    public var declinedFen: Int64
    /// Distinct bulletins among the labour lines of jobs not declined (W-6).
    public var bulletinsCompleted: Int
    /// Jobs not declined repaired under an earlier order's guarantee (Q-8).
    public var guaranteeRepairs: Int
    /// A job not declined repeats an earlier one within the comeback window (Q-5).
    public var comeback: Bool
    /// No failed quality check (Q-4) and no comeback or guarantee repair (Q-5, Q-8).
    public var firstTimeFixed: Bool

    public init(
        soldCentihours: Int64, labourFen: Int64, declinedFen: Int64, bulletinsCompleted: Int, guaranteeRepairs: Int,
        comeback: Bool, firstTimeFixed: Bool
    ) {
        self.soldCentihours = soldCentihours
        self.labourFen = labourFen
        self.declinedFen = declinedFen
        self.bulletinsCompleted = bulletinsCompleted
        self.guaranteeRepairs = guaranteeRepairs
        self.comeback = comeback
        self.firstTimeFixed = firstTimeFixed
    }

    /// The pure definition, from the order as it stands.
    public init(_ order: WorkOrder) {
        let live = order.jobs.filter { $0.state != .declined }
        let labour = order.liveLines.filter { $0.kind == .labour }
        let failedCheck = order.checks.values.joined().contains { !$0.passed }
        let repeated = live.contains { $0.comebackOf != nil || $0.guaranteeOf != nil }
        self.init(
            soldCentihours: labour.reduce(0) { $0 + Int64($1.quantityHundredths) },
            labourFen: labour.reduce(0) { $0 + $1.amount.fen }, declinedFen: order.declinedValue.fen,
            bulletinsCompleted: Set(labour.compactMap(\.bulletin)).count,
            guaranteeRepairs: live.filter { $0.guaranteeOf != nil }.count,
            comeback: live.contains { $0.comebackOf != nil }, firstTimeFixed: !failedCheck && !repeated)
    }
}

extension WorkOrderReportCounts {
    /// One settled order's counts from its fixed figures (promises, revenue and clocked time are added apart).
    public init(settled figures: SettledOrderFigures) {
        self.init()
        orders = 1
        soldCentihours = figures.soldCentihours
        labourFen = figures.labourFen
        declinedFen = figures.declinedFen
        bulletinsCompleted = figures.bulletinsCompleted
        guaranteeRepairs = figures.guaranteeRepairs
        comebackOrders = figures.comeback ? 1 : 0
        firstTimeFixed = figures.firstTimeFixed ? 1 : 0
    }

    /// Adds another set of sums (technician-days excepted: they are counted distinct over the whole period).
    public mutating func add(_ other: WorkOrderReportCounts) {
        orders += other.orders
        soldCentihours += other.soldCentihours
        labourFen += other.labourFen
        clockedCentihours += other.clockedCentihours
        comebackOrders += other.comebackOrders
        guaranteeRepairs += other.guaranteeRepairs
        firstTimeFixed += other.firstTimeFixed
        promisesDue += other.promisesDue
        promisesKept += other.promisesKept
        revenue = PayerTotals(
            customer: Money(fen: revenue.customer.fen + other.revenue.customer.fen),
            warranty: Money(fen: revenue.warranty.fen + other.revenue.warranty.fen),
            goodwill: Money(fen: revenue.goodwill.fen + other.revenue.goodwill.fen),
            internal: Money(fen: revenue.internal.fen + other.revenue.internal.fen))
        declinedFen += other.declinedFen
        bulletinsCompleted += other.bulletinsCompleted
    }
}
