import Core
import Foundation
import Hummingbird
import Stock
import Storage

/// /v1/stock: the parts counter (issue 17): a part's stock, the list lowest first, shortages (Q-7, K-5), and the
/// movements (receipts, issues to work orders, returns, adjustments), each through the form the CLI uses too.
struct StockController {
    let database: AppDatabase

    struct ReceiptInput: Codable {
        var part: String?
        var quantity: Int?
        var supplierRef: String?
    }

    struct IssueInput: Codable {
        var part: String?
        var quantity: Int?
        var order: String?
        var line: Int?
        var recordShortage: Bool?
    }

    struct ReturnInput: Codable {
        var part: String?
        var quantity: Int?
        var order: String?
        var line: Int?
    }

    struct AdjustmentInput: Codable {
        var part: String?
        var counted: Int?
        var reason: String?
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("stock", .readStock) { request, _, _ in
            let query = Query(request: request)
            let page = try query.page()
            let filter = StockFilter(
                part: query.string("part"), lowOnly: try query.bool("low") ?? false,
                shortOnly: try query.bool("short") ?? false, limit: page.limit, offset: page.offset)
            return try JSON.response(try await database.run { try $0.listStock(filter) })
        }
        routes.get("stock/shortages", .readStock) { request, _, _ in
            let query = Query(request: request)
            let page = try query.page()
            let all = try query.bool("all") ?? false
            let order = query.string("order")
            return try JSON.response(
                try await database.run {
                    try $0.shortages(all: all, order: order, limit: page.limit, offset: page.offset)
                })
        }
        routes.get("stock/parts/:part", .readStock) { request, context, _ in
            let part = try PartNumber.parse(try context.parameter("part"), field: "part")
            let movements = try Query(request: request).int("movements", default: 20, range: 1...1000)
            return try JSON.response(try await database.run { try $0.partStock(part, movements: movements) })
        }
        routes.post("stock/receipts", .manageStock) { request, context, principal in
            let input = try await JSON.body(ReceiptInput.self, request, context)
            var form = StockForm()
            form.part = input.part
            form.quantity = input.quantity
            form.supplierRef = input.supplierRef
            return try await Self.move(form, .receipt, database, principal)
        }
        routes.post("stock/issues", .manageStock) { request, context, principal in
            let input = try await JSON.body(IssueInput.self, request, context)
            var form = StockForm()
            form.part = input.part
            form.quantity = input.quantity
            form.order = input.order
            form.line = input.line
            form.recordShortage = input.recordShortage
            return try await Self.move(form, .issue, database, principal)
        }
        routes.post("stock/returns", .manageStock) { request, context, principal in
            let input = try await JSON.body(ReturnInput.self, request, context)
            var form = StockForm()
            form.part = input.part
            form.quantity = input.quantity
            form.order = input.order
            form.line = input.line
            return try await Self.move(form, .return, database, principal)
        }
        routes.post("stock/adjustments", .manageStock) { request, context, principal in
            let input = try await JSON.body(AdjustmentInput.self, request, context)
            var form = StockForm()
            form.part = input.part
            form.counted = input.counted
            form.reason = input.reason
            return try await Self.move(form, .adjustment, database, principal)
        }
    }

    /// One movement through the shared form: 201 with what it did (the movement, or the shortage recorded instead).
    static func move(
        _ form: StockForm, _ kind: MovementKind, _ database: AppDatabase, _ principal: Principal
    )
        async throws -> Response
    {
        let movement = try form.validated(kind)
        let outcome = try await database.run { try $0.moveStock(movement, actor: principal.name) }
        return try JSON.response(outcome, status: .created)
    }
}
