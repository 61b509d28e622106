import Core
import Foundation
import Hummingbird
import Storage
import WorkOrders

/// GET /v1/work-orders/report: the service manager's report (issue 17 "Reports"), as `workorder report` gives it;
/// the figures are defined in `WorkOrders/WorkOrderReport.swift` and Docs/workorders.md "The report".
struct WorkOrderReportController {
    let database: AppDatabase

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("work-orders/report", .reportWorkOrders) { request, _, _ in
            let query = Query(request: request)
            let from = try query.string("from").map { try LocalDate.parse($0, field: "from") }
            let to = try query.string("to").map { try LocalDate.parse($0, field: "to") }
            return try JSON.response(
                try await database.run { db in
                    // As on the CLI: without `from` the first day of this month, without `to` today.
                    let today = LocalDate(instant: db.now, in: try db.settings().timeZone)
                    let first = from ?? LocalDate(year: today.year, month: today.month, day: 1)!
                    return try db.workOrderReport(from: first, to: to ?? today)
                })
        }
    }
}
