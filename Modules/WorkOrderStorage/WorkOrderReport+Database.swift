import Core
import Foundation
import GRDB
import StorageKernel
import WorkOrders

extension AppDatabase {
    /// The zone the report counts days in: the dealer's time zone at its offset on the period's first day. SQL adds
    /// that offset to the stored UTC instants; China keeps one offset all year, so this is the dealer's day.
    public func workOrderReportZone(from: LocalDate) throws -> TimeZone {
        let zone = try settings().timeZone
        return TimeZone(secondsFromGMT: zone.secondsFromGMT(for: from.startInstant(in: zone))) ?? zone
    }

    /// The service manager's report from `from` to `to` (see `WorkOrderReport`): the sums added up in SQL over the
    /// orders settled in the period (the index `work_order_settled`), then the figures of the pure module. The sums
    /// equal `WorkOrderReport.counts` over the same orders (a randomized test holds them to it).
    public func workOrderReport(
        from: LocalDate, to: LocalDate, fromField: String = "from", toField: String = "to"
    ) throws -> WorkOrderReport {
        try WorkOrderReport.checkPeriod(from: from, to: to, fromField: fromField, toField: toField)
        let zone = try workOrderReportZone(from: from)
        return try writer.read { db in
            let settings = try Self.settings(db)
            let now = clock.now()
            let (days, total) = try Self.workOrderReportCounts(db, from: from, to: to, zone: zone, now: now)
            return WorkOrderReport(
                from: from, to: to, days: days, total: total, shiftHours: settings.integer(.shiftHours))
        }
    }

    /// The SQL shortcut of `WorkOrderReport.counts`: the same sums over the period, and per settlement day the ones
    /// the report shows by day (orders, sold hours, revenue).
    static func workOrderReportCounts(
        _ db: Database, from: LocalDate, to: LocalDate, zone: TimeZone, now: Date
    ) throws -> (days: [LocalDate: WorkOrderReportCounts], total: WorkOrderReportCounts) {
        let start = from.startInstant(in: zone)
        let end = to.adding(days: 1).startInstant(in: zone)
        let offset = "\(zone.secondsFromGMT(for: start)) seconds"
        let period = "o.settled_at IS NOT NULL AND o.settled_at >= :start AND o.settled_at < :end"
        let arguments: StatementArguments = ["start": start, "end": end, "offset": offset, "now": now]
        var days: [LocalDate: WorkOrderReportCounts] = [:]
        func day(_ row: Row) -> LocalDate { LocalDate(row["day"] as String) ?? from }
        // One pass over the covering index `work_order_report`: revenue by payer, promises, and the
        // figures settlement fixed on each order (`SettledOrderFigures`: sold hours and labour revenue Q-1, declined
        // work Q-2, bulletins done W-6, guarantee repairs Q-8, comebacks Q-5, first-time fixes Q-4).
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT date(o.settled_at, :offset) AS day, count(*) AS orders, \
                sum(o.customer_fen) AS customer, sum(o.warranty_fen) AS warranty, \
                sum(o.goodwill_fen) AS goodwill, sum(o.internal_fen) AS internal, \
                sum(o.promised_at IS NOT NULL AND (o.delivered_at IS NOT NULL OR o.promised_at <= :now)) AS due, \
                sum(o.promised_at IS NOT NULL AND o.delivered_at IS NOT NULL AND o.delivered_at <= o.promised_at) \
                AS kept, \
                sum(o.report_sold_centihours) AS sold, sum(o.report_labour_fen) AS labour, \
                sum(o.report_declined_fen) AS declined, sum(o.report_bulletins) AS bulletins, \
                sum(o.report_guarantee_jobs) AS guarantee, sum(o.report_comeback) AS comebacks, \
                sum(o.report_first_time_fixed) AS fixed \
                FROM work_order o INDEXED BY work_order_report WHERE \(period) GROUP BY day
                """, arguments: arguments)
        {
            var counts = WorkOrderReportCounts()
            counts.orders = row["orders"]
            counts.revenue = PayerTotals(
                customer: Money(fen: row["customer"]), warranty: Money(fen: row["warranty"]),
                goodwill: Money(fen: row["goodwill"]), internal: Money(fen: row["internal"]))
            counts.promisesDue = row["due"]
            counts.promisesKept = row["kept"]
            counts.soldCentihours = row["sold"] ?? 0
            counts.labourFen = row["labour"] ?? 0
            counts.declinedFen = row["declined"] ?? 0
            counts.bulletinsCompleted = row["bulletins"] ?? 0
            counts.guaranteeRepairs = row["guarantee"] ?? 0
            counts.comebackOrders = row["comebacks"] ?? 0
            counts.firstTimeFixed = row["fixed"] ?? 0
            days[day(row)] = counts
        }
        // (Figures are never missing on a settled order: settlement writes them and the migration filled the older
        // ones; a missing one would count 0 rather than stop the report.)
        // The period's totals; only orders, sold hours and revenue are shown per day.
        var total = WorkOrderReportCounts()
        for counts in days.values { total.add(counts) }
        // Spells: clocked hours (whole minutes, then hundredths of an hour half-up, as `ClockSpell.centihours`) and
        // the technician-days they fall on.
        let minutes = "CAST(round((julianday(s.end) - julianday(s.start)) * 86400000) AS INTEGER) / 60000"
        if let row = try Row.fetchOne(
            db,
            sql: """
                SELECT sum((max(0, \(minutes)) * 100 + 30) / 60) AS clocked, \
                count(DISTINCT s.technician || char(31) || date(s.start, :offset)) AS days \
                FROM work_order o JOIN work_order_spell s ON s.order_id = o.id \
                WHERE \(period) AND s.end IS NOT NULL
                """, arguments: arguments)
        {
            total.clockedCentihours = row["clocked"] ?? 0
            total.technicianDays = row["days"] ?? 0
        }
        return (days, total)
    }
}
