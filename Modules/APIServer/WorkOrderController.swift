import Core
import Foundation
import Hummingbird
import Storage
import Warranty
import WorkOrders

/// /v1/work-orders: the repair order from reception to delivery (issue 17; ), each route one use
/// case of WorkOrderStorage through the form the CLI uses too; the role of each route is its `Permission`.
struct WorkOrderController {
    let database: AppDatabase

    /// An order at risk of missing its promised time, with the reasons.
    struct AtRisk: Codable, Sendable {
        var order: WorkOrderSummary
        var risks: [String]
    }

    struct PayerInput: Codable {
        var payer: String?
        var reason: String?
    }

    struct AnswerInput: Codable {
        var jobs: [Int]?
        var by: String?
        var via: String?
    }

    struct DispatchInput: Codable {
        var job: Int?
        var technician: String?
    }

    struct ClockInput: Codable {
        var job: Int?
        var technician: String?
        var off: Bool?
    }

    struct CheckInput: Codable {
        var job: Int?
        var roadTestKilometres: Int?
        var failed: [String]?
        var reason: String?
        var finding: String?
    }

    struct SettlementInput: Codable {
        var payment: String?
    }

    struct DeliveryInput: Codable {
        var note: String?
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("work-orders", .readWorkOrders, Self.list(database))
        routes.get("work-orders/:number", .readWorkOrders) { _, context, _ in
            try await Self.sheet(try context.parameter("number"), database)
        }
        routes.post("work-orders", .writeWorkOrders) { request, context, principal in
            let form = try await JSON.body(ReceptionForm.self, request, context)
            let order = try await database.run { try $0.receive(form, actor: principal.name) }
            return try await Self.sheet(order.number, database, status: .created)
        }
        routes.post("work-orders/:number/jobs", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let form = try await JSON.body(JobForm.self, request, context)
            _ = try await database.run { try $0.addWorkOrderJob(number, form, actor: principal.name) }
            return try await Self.sheet(number, database, status: .created)
        }
        routes.post("work-orders/:number/lines", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let form = try await JSON.body(WorkOrderLineForm.self, request, context)
            _ = try await database.run { try $0.addWorkOrderLine(number, form, actor: principal.name) }
            return try await Self.sheet(number, database, status: .created)
        }
        routes.patch("work-orders/:number/lines/:line", .writeWorkOrders, Self.changePayer(database))
        routes.delete("work-orders/:number/lines/:line", .writeWorkOrders) { _, context, principal in
            let number = try context.parameter("number")
            let line = try Self.positive(try context.parameter("line"), field: "line")
            _ = try await database.run { try $0.removeWorkOrderLine(number, line: line, actor: principal.name) }
            return try await Self.sheet(number, database)
        }
        routes.post("work-orders/:number/quotes", .writeWorkOrders) { _, context, principal in
            let number = try context.parameter("number")
            _ = try await database.run { try $0.quoteWorkOrder(number, actor: principal.name) }
            return try await Self.sheet(number, database, status: .created)
        }
        routes.post("work-orders/:number/approvals", .writeWorkOrders, Self.answer(database, approved: true))
        routes.post("work-orders/:number/declines", .writeWorkOrders, Self.answer(database, approved: false))
        routes.post("work-orders/:number/dispatch", .dispatchWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(DispatchInput.self, request, context)
            let job = try Self.job(input.job)
            guard let technician = input.technician?.trimmed().nilIfEmpty else {
                throw InvalidInput(field: "technician", "is required: the staff member who does the job")
            }
            _ = try await database.run {
                try $0.dispatchWorkOrderJob(number, job: job, technician: technician, actor: principal.name)
            }
            return try await Self.sheet(number, database)
        }
        routes.post("work-orders/:number/clock", .workOnWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(ClockInput.self, request, context)
            let job = try Self.job(input.job)
            let technician = input.technician?.trimmed().nilIfEmpty ?? principal.name
            _ = try await database.run {
                try $0.clockWorkOrderJob(
                    number, job: job, technician: technician, on: !(input.off ?? false), actor: principal.name)
            }
            return try await Self.sheet(number, database)
        }
        routes.post("work-orders/:number/quality-checks", .checkWorkOrders, Self.check(database))
        routes.post("work-orders/:number/settlement", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(SettlementInput.self, request, context)
            guard let text = input.payment else {
                throw Self.required("payment", PaymentMethod.self)
            }
            let payment: PaymentMethod = try parseChoice(text, field: "payment")
            _ = try await database.run { try $0.settleWorkOrder(number, payment: payment, actor: principal.name) }
            return try await Self.sheet(number, database, status: .created)
        }
        routes.post("work-orders/:number/delivery", .writeWorkOrders) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(DeliveryInput.self, request, context)
            _ = try await database.run { try $0.deliverWorkOrder(number, note: input.note, actor: principal.name) }
            return try await Self.sheet(number, database, status: .created)
        }
        addReceptionRoutes(to: routes)
    }

    /// GET /v1/work-orders: the list as `workorder list` gives it; `atRisk=true` the Q-7 list with the reasons.
    static func list(_ database: AppDatabase) -> Routes.Handler {
        { request, _, _ in
            let query = Query(request: request)
            let page = try query.page()
            if try query.bool("atRisk") ?? false {
                let orders = try await database.run { try $0.workOrdersAtRisk() }
                let items = orders.map { AtRisk(order: $0.order, risks: $0.risks.map { $0.spoken.rendered() }) }
                let slice = Array(items.dropFirst(page.offset).prefix(page.limit))
                return try JSON.response(
                    Page(items: slice, total: items.count, limit: page.limit, offset: page.offset))
            }
            let open = try query.bool("open") ?? false
            let vin = try query.string("vin").map { try VIN.parse($0, field: "vin") }
            return try JSON.response(
                try await database.run {
                    try $0.listWorkOrders(open: open, vin: vin, limit: page.limit, offset: page.offset)
                })
        }
    }

    /// PATCH a line: moves it to another payer (Q-3, W-8).
    static func changePayer(_ database: AppDatabase) -> Routes.Handler {
        { request, context, principal in
            let number = try context.parameter("number")
            let line = try positive(try context.parameter("line"), field: "line")
            let input = try await JSON.body(PayerInput.self, request, context)
            guard let text = input.payer else {
                throw required("payer", Payer.self)
            }
            let payer: Payer = try parseChoice(text, field: "payer")
            _ = try await database.run {
                try $0.changeWorkOrderPayer(number, line: line, to: payer, reason: input.reason, actor: principal.name)
            }
            return try await sheet(number, database)
        }
    }

    /// The customer's answer to quoted jobs: all the quoted ones unless `jobs` names some.
    static func answer(_ database: AppDatabase, approved: Bool) -> Routes.Handler {
        { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(AnswerInput.self, request, context)
            guard let by = input.by?.trimmed().nilIfEmpty else {
                throw InvalidInput(field: "by", "is required: who answered for the customer")
            }
            guard let via = input.via else {
                throw required("via", ApprovalMethod.self)
            }
            let method: ApprovalMethod = try parseChoice(via, field: "via")
            let jobs = try (input.jobs ?? []).map { try job($0) }
            _ = try await database.run {
                try $0.answerWorkOrderJobs(
                    number, jobs: jobs, approved: approved, by: by, method: method, actor: principal.name)
            }
            return try await sheet(number, database)
        }
    }

    /// The quality check and test drive of a job; a failed item sends it back with the reason.
    static func check(_ database: AppDatabase) -> Routes.Handler {
        { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(CheckInput.self, request, context)
            let job = try job(input.job)
            guard let kilometres = input.roadTestKilometres else {
                throw InvalidInput(field: "roadTestKilometres", "is required: the road test's kilometres (Q-4)")
            }
            let failed: [QualityCheckItem] = try (input.failed ?? []).map { try parseChoice($0, field: "failed") }
            _ = try await database.run {
                try $0.checkWorkOrderJob(
                    number, job: job, failed: failed, roadTestKilometres: kilometres, reason: input.reason,
                    finding: input.finding, actor: principal.name)
            }
            return try await sheet(number, database, status: .created)
        }
    }

    static func sheet(
        _ number: String, _ database: AppDatabase, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let sheet = try await database.run { try $0.workOrderSheet(number) }
        return try JSON.response(WorkOrderDocument(sheet), status: status)
    }

    /// A 400 for a choice left out, naming its values.
    static func required<T: RawRepresentable & CaseIterable>(_ field: String, _: T.Type) -> InvalidInput
    where T.RawValue == String {
        InvalidInput(field: field, "is required: one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }

    static func job(_ value: Int?) throws -> Int {
        guard let value, value > 0 else { throw InvalidInput(field: "job", "is required: the job's number") }
        return value
    }

    static func positive(_ text: String, field: String) throws -> Int {
        guard let value = Int(text), value > 0 else {
            throw InvalidInput(field: field, "expected a line number from 1, got \"\(text)\"")
        }
        return value
    }
}
