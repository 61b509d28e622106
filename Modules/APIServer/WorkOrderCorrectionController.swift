import Core
import Foundation
import Hummingbird
import Storage
import WorkOrderStorage
import WorkOrders

/// /v1/work-orders/{number}/credit-notes and …/lines/{line}/issue: a settled order corrected by a credit note and a
/// new invoice (L-10), and a part line issued from stock (a shortage: the order's delay reason, Q-7, routed to the
/// parts manager, K-5). The same use cases as `workorder credit` and `workorder line issue`.
struct WorkOrderCorrectionController {
    let database: AppDatabase

    struct CreditInput: Codable {
        var reason: String?
    }

    /// What a part line's issue did: the order sheet, and the stock movement or the shortage recorded instead.
    struct Issued: Encodable {
        var sheet: WorkOrderDocument
        var outcome: StockOutcome
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        // L-10: the same permission as settlement.
        routes.post("work-orders/:number/credit-notes", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(CreditInput.self, request, context)
            guard let reason = input.reason?.trimmed().nilIfEmpty else {
                throw InvalidInput(field: "reason", "is required: why the invoice is corrected (L-10)")
            }
            _ = try await database.run { try $0.creditWorkOrder(number, reason: reason, actor: principal.name) }
            return try await WorkOrderController.sheet(number, database, status: .created)
        }
        // The parts counter issues a part line: the parts manager's permission, as a stock issue.
        routes.post("work-orders/:number/lines/:line/issue", .manageStock) { _, context, principal in
            let number = try context.parameter("number")
            let line = try WorkOrderController.positive(try context.parameter("line"), field: "line")
            let issued = try await database.run { try $0.issueWorkOrderLine(number, line: line, actor: principal.name) }
            let sheet = try await database.run { try $0.workOrderSheet(number) }
            return try JSON.response(
                Issued(sheet: WorkOrderDocument(sheet), outcome: issued.outcome), status: .created)
        }
    }
}
