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
        let live = "j.state <> 'declined'"
        var days: [LocalDate: WorkOrderReportCounts] = [:]
        func day(_ row: Row) -> LocalDate { LocalDate(row["day"] as String) ?? from }
        // Orders: revenue by payer, promises, comebacks, first-time fixes.
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT date(o.settled_at, :offset) AS day, count(*) AS orders, \
                sum(o.customer_fen) AS customer, sum(o.warranty_fen) AS warranty, \
                sum(o.goodwill_fen) AS goodwill, sum(o.internal_fen) AS internal, \
                sum(o.promised_at IS NOT NULL AND (o.delivered_at IS NOT NULL OR o.promised_at <= :now)) AS due, \
                sum(o.promised_at IS NOT NULL AND o.delivered_at IS NOT NULL AND o.delivered_at <= o.promised_at) \
                AS kept, \
                sum(EXISTS (SELECT 1 FROM work_order_job j WHERE j.order_id = o.id AND \(live) \
                AND j.comeback_of IS NOT NULL)) AS comebacks, \
                sum(NOT EXISTS (SELECT 1 FROM work_order_check c WHERE c.order_id = o.id AND c.failed <> '[]') \
                AND NOT EXISTS (SELECT 1 FROM work_order_job j WHERE j.order_id = o.id AND \(live) \
                AND (j.comeback_of IS NOT NULL OR j.guarantee_of IS NOT NULL))) AS fixed \
                FROM work_order o WHERE \(period) GROUP BY day
                """, arguments: arguments)
        {
            var counts = WorkOrderReportCounts()
            counts.orders = row["orders"]
            counts.revenue = PayerTotals(
                customer: Money(fen: row["customer"]), warranty: Money(fen: row["warranty"]),
                goodwill: Money(fen: row["goodwill"]), internal: Money(fen: row["internal"]))
            counts.promisesDue = row["due"]
            counts.promisesKept = row["kept"]
            counts.comebackOrders = row["comebacks"]
            counts.firstTimeFixed = row["fixed"]
            days[day(row)] = counts
        }
        // Lines: sold hours and labour revenue, declined work, recalls and campaigns done (W-6).
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT date(o.settled_at, :offset) AS day, \
                sum(CASE WHEN \(live) AND l.kind = 'labour' THEN l.quantity_hundredths ELSE 0 END) AS sold, \
                sum(CASE WHEN \(live) AND l.kind = 'labour' THEN l.amount_fen ELSE 0 END) AS labour, \
                sum(CASE WHEN \(live) THEN 0 ELSE l.amount_fen END) AS declined, \
                count(DISTINCT CASE WHEN \(live) AND l.kind = 'labour' AND l.bulletin IS NOT NULL \
                THEN o.id || ' ' || l.bulletin END) AS bulletins \
                FROM work_order o \
                JOIN work_order_line l ON l.order_id = o.id \
                JOIN work_order_job j ON j.order_id = l.order_id AND j.number = l.job \
                WHERE \(period) GROUP BY day
                """, arguments: arguments)
        {
            var counts = days[day(row)] ?? WorkOrderReportCounts()
            counts.soldCentihours = row["sold"]
            counts.labourFen = row["labour"]
            counts.declinedFen = row["declined"]
            counts.bulletinsCompleted = row["bulletins"]
            days[day(row)] = counts
        }
        // The period's totals; only orders, sold hours and revenue are shown per day.
        var total = WorkOrderReportCounts()
        for counts in days.values { total.add(counts) }
        // Jobs: guarantee repairs.
        total.guaranteeRepairs =
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM work_order o JOIN work_order_job j ON j.order_id = o.id \
                    WHERE \(period) AND \(live) AND j.guarantee_of IS NOT NULL
                    """, arguments: arguments) ?? 0
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
