import Core
import Foundation
import Hummingbird
import Storage
import WorkOrderPages
import WorkOrders

/// GET /v1/work-orders/{number}/documents/{document}: the order's printable page (issue 17, L-10,
/// Q-8) as `text/html`, rendered by `WorkOrderPages` as `aftersales workorder print` renders it. The page is always
/// bilingual (Chinese first, English kept), whatever Accept-Language says; its errors speak the request's language.
struct WorkOrderDocumentController {
    let database: AppDatabase

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("work-orders/:number/documents/:document", .readWorkOrders) { _, context, _ in
            let number = try context.parameter("number")
            let kind: WorkOrderDocumentKind = try parseChoice(try context.parameter("document"), field: "document")
            let page = try await database.run { db in
                try WorkOrderPrint.html(kind, sheet: try db.workOrderSheet(number), settings: try db.settings())
            }
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: page)))
        }
    }
}
