import ArgumentParser
import Core
import Foundation
import Storage
import WorkOrders

// `aftersales workorder report`: the service manager's numbers (issue 17 "Reports"); the figures are defined in
// `WorkOrders/WorkOrderReport.swift` and Docs/workorders.md "The report".

extension WorkOrderCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "The service manager's report: orders, hours, labour rate, efficiency, comebacks, revenue by payer."),
            discussion: Help.text(
                """
                aftersales workorder report --from 2026-12-01 --to 2026-12-31
                aftersales workorder report --from 2026-12-01 --to 2026-12-31 --format csv
                """, permission: .reportWorkOrders,
                more:
                    "Counts the orders settled in the period, by the day of their invoice. Default period: this "
                    + "month up to today. Attended hours are the setting workorders.shift.hours for each day a "
                    + "technician clocked. A ratio whose denominator is zero is shown as n/a with the reason."))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("First day (default: the first day of this month).")), transform: Typed.day)
        var from: LocalDate?
        @Option(help: ArgumentHelp(say("Last day (default: today).")), transform: Typed.day)
        var to: LocalDate?

        func run() throws {
            let db = try global.open()
            let today = LocalDate(instant: db.now, in: try db.settings().timeZone)
            let first = from ?? LocalDate(year: today.year, month: today.month, day: 1)!
            let report: WorkOrderReport
            do {
                report = try db.workOrderReport(from: first, to: to ?? today, fromField: "--from", toField: "--to")
            } catch let problem as InvalidInput {
                // A period that does not run forwards is a usage error (64), like a day that does not parse.
                fail(problem.sentence, status: 64)
            }
            switch global.output.format {
            case .json: try global.output.emit(report, table: Self.days(report))
            case .csv: global.output.printCSV(Self.days(report))
            case .table:
                print(Self.days(report).rendered())
                print()
                print(Self.figures(report).rendered())
            }
        }

        static func hours(_ centihours: Int64) -> String { ReportRatio.decimal(centihours, scale: 100) }

        /// One row per day and the totals (also the CSV).
        static func days(_ report: WorkOrderReport) -> TextTable {
            let total = WorkOrderReportDay(
                day: report.to, orders: report.orders, soldCentihours: report.soldCentihours,
                revenue: report.revenueTotal)
            return TextTable(
                columns: ["day", "orders", "sold hours", "hours per order", "revenue"],
                rows: report.days.map { row($0, day: $0.day.description) } + [row(total, day: say("total"))])
        }

        static func row(_ day: WorkOrderReportDay, day name: String) -> [String] {
            [
                name, Grouping.thousands(day.orders), hours(day.soldCentihours),
                day.hoursPerOrder.decimal ?? say("n/a"), day.revenue.description,
            ]
        }

        /// The period's figures, each with its rule.
        static func figures(_ r: WorkOrderReport) -> TextTable {
            func said(_ phrase: Phrase) -> String { phrase.rendered() }
            func ratio(_ value: ReportRatio, percent: Bool = true) -> String { said(value.spoken(percent: percent)) }
            func share(_ count: String, _ value: ReportRatio) -> String {
                said("\(count) (\(ratio(value)))")
            }
            return TextTable.record([
                ("period", said("\(r.from) to \(r.to)")),
                ("orders settled", Grouping.thousands(r.orders)),
                ("sold hours", hours(r.soldCentihours)),
                ("hours per order", ratio(r.hoursPerOrder, percent: false)),
                ("labour revenue", r.labourRevenue.description),
                (
                    "effective labour rate",
                    r.effectiveLabourRate.decimal.map { said("\($0) per hour") } ?? ratio(r.effectiveLabourRate)
                ),
                ("clocked hours", hours(r.clockedCentihours)),
                (
                    "attended hours",
                    said(
                        "\(hours(r.attendedCentihours)) (\(grouped: r.technicianDays) technician-days × "
                            + "\(r.shiftHours) h)")
                ),
                ("technician efficiency", ratio(r.efficiency)),
                ("technician productivity", ratio(r.productivity)),
                ("comebacks (Q-5)", share(Grouping.thousands(r.comebackOrders), r.comebackRate)),
                ("guarantee repairs (Q-8)", Grouping.thousands(r.guaranteeRepairs)),
                ("first-time fix", share(Grouping.thousands(r.firstTimeFixed), r.firstTimeFixRate)),
                (
                    "promised time kept (Q-7)",
                    share(
                        "\(Grouping.thousands(r.promisesKept))/\(Grouping.thousands(r.promisesDue))", r.promisedKeptRate
                    )
                ),
                ("customer revenue", r.revenue.customer.description),
                ("warranty revenue", r.revenue.warranty.description),
                ("goodwill revenue", r.revenue.goodwill.description),
                ("internal revenue", r.revenue.internal.description),
                ("revenue", r.revenueTotal.description),
                ("declined work (Q-2)", r.declinedValue.description),
                ("recalls and campaigns done (W-6)", Grouping.thousands(r.bulletinsCompleted)),
            ])
        }
    }
}
