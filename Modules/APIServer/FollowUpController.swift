import Complaints
import Core
import Foundation
import Hummingbird
import Storage
import WorkOrders

/// /v1/followups: the post-service follow-up of delivered repair orders, each route one use case through the
/// rules `followup due|attempt|done` use too; the caller (the token's name) must be neutral to the order.
struct FollowUpController {
    let database: AppDatabase

    struct AttemptInput: Codable {
        var outcome: String?
        var note: String?
    }

    struct AnswerInput: Codable {
        var score: Satisfaction?
        var dimensions: [String: Satisfaction]?
        var note: String?
        var problem: String?
        var category: String?
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("followups", .readFollowUps) { request, _, principal in
            let query = Query(request: request)
            let day = try query.string("day").map { try LocalDate.parse($0, field: "day") }
            let mine = try query.bool("mine") ?? false
            let items = try await database.run { try $0.followUpsDue(on: day, mine: mine ? principal.name : nil) }
            return try JSON.list(items)
        }
        routes.post("followups/:id/attempts", .writeFollowUps) { request, context, principal in
            let id = try context.rowID()
            let input = try await JSON.body(AttemptInput.self, request, context)
            guard let text = input.outcome else {
                throw WorkOrderController.required("outcome", FollowUpOutcome.self)
            }
            let outcome: FollowUpOutcome = try parseChoice(text, field: "outcome")
            let task = try await database.run {
                try $0.recordFollowUpCall(id, outcome: outcome, note: input.note, actor: principal.name)
            }
            return try JSON.response(task, status: .created)
        }
        routes.post("followups/:id/answer", .writeFollowUps) { request, context, principal in
            let id = try context.rowID()
            let input = try await JSON.body(AnswerInput.self, request, context)
            guard let score = input.score else {
                throw InvalidInput(field: "score", "is required: the customer's satisfaction on the 7-level scale")
            }
            var dimensions: [ServiceDimension: Satisfaction] = [:]
            for (key, level) in input.dimensions ?? [:] {
                dimensions[try parseChoice(key, field: "dimensions")] = level
            }
            if let problem = input.problem, problem.trimmed().isEmpty {
                throw InvalidInput(field: "problem", "say what the problem is, or leave problem out")
            }
            let category: ComplaintCategory? = try input.category.map { try parseChoice($0, field: "category") }
            if category != nil, input.problem == nil {
                throw InvalidInput(field: "category", "a category needs a problem (K-2)")
            }
            let answer = FollowUpAnswer(
                score: score, dimensions: dimensions, note: input.note, problem: input.problem, category: category)
            let task = try await database.run { try $0.answerFollowUp(id, answer, actor: principal.name) }
            return try JSON.response(task)
        }
    }
}
