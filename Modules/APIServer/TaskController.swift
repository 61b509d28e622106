import Core
import Customers
import Foundation
import Hummingbird
import Storage

/// /v1/tasks (C-7), /v1/checks (C-10), /v1/audit, /v1/settings, /v1/staff.
struct TaskController {
    let database: AppDatabase

    struct DoneInput: Codable {
        var response: String
        var channel: String?
        var outcome: String?
        var at: String?
        var staff: String?
    }

    struct ReassignInput: Codable {
        var from: String
        var to: String
    }

    struct SettingInput: Codable {
        var value: String
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("tasks/due", .readCustomers) { request, _, principal in
            let query = Query(request: request)
            let asOf = try query.string("asOf").map { try LocalDate.parse($0, field: "asOf") }
            let assignee = query.string("assignee")
            let ahead = try query.int("ahead", default: 0, range: 0...366)
            return try JSON.list(
                try await database.run { db in
                    let on = try asOf ?? LocalDate(instant: db.now, in: db.settings().timeZone)
                    return try db.dueTasks(asOf: on, assignee: assignee, aheadDays: ahead, actor: principal.name)
                })
        }
        routes.post("tasks/:id/done", .completeTasks) { request, context, principal in
            let id: CareTask.ID = try context.id(what: "a task id")
            let input = try await JSON.body(DoneInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    let completion = TaskCompletion(
                        response: input.response,
                        channel: try input.channel.map { try parseChoice($0, field: "channel") },
                        outcome: try parseChoice(input.outcome ?? "reached", field: "outcome"),
                        at: try input.at.map { try instant($0, field: "at", db: db) }, staff: input.staff)
                    return try db.completeTask(id, completion, actor: principal.name)
                })
        }
        routes.get("checks", .manageChecks) { request, _, _ in
            let query = Query(request: request)
            let selected: [CustomerCheck] =
                try query.string("check").map { [try parseChoice($0, field: "check")] } ?? CustomerCheck.allCases
            let limit = try query.int("limit", default: 200, range: 1...10_000)
            let asOf = query.string("asOf")
            return try JSON.list(
                try await database.run { db in
                    let on =
                        try asOf.map { try LocalDate.parse($0, field: "asOf") }
                        ?? LocalDate(instant: db.now, in: try db.settings().timeZone)
                    return try selected.flatMap { try db.runCheck($0, asOf: on, limit: limit) }
                })
        }
        routes.post("checks/reassign", .manageChecks) { request, context, principal in
            let input = try await JSON.body(ReassignInput.self, request, context)
            let count = try await database.run {
                try $0.reassignCustomers(from: input.from, to: input.to, actor: principal.name)
            }
            return try JSON.response(["reassigned": count])
        }
        routes.get("audit", .readAudit) { request, _, _ in
            let query = Query(request: request)
            var filter = AuditFilter(
                entity: query.string("entity"), entityID: query.string("id"), actor: query.string("actor"),
                limit: try query.int("limit", default: 100, range: 1...10_000))
            if let since = query.string("since") {
                guard
                    let date = Instant.parse(since) ?? LocalDate(since)?.startInstant(in: TimeZone(identifier: "UTC")!)
                else {
                    throw InvalidInput(field: "since", "expected a date or ISO 8601 time, got \"\(since)\"")
                }
                filter.since = date
            }
            let chosen = filter
            return try JSON.list(try await database.run { try $0.auditEntries(chosen) })
        }
        routes.get("settings", .readCustomers) { _, _, _ in
            struct Entry: Codable, Sendable { let key, rule, value, defaultValue, summary: String }
            let settings = try await database.run { try $0.settings() }
            return try JSON.list(
                Setting.catalogue.map {
                    Entry(
                        key: $0.rawValue, rule: $0.rule, value: settings.text($0), defaultValue: $0.defaultValue,
                        summary: $0.summary.rendered())
                })
        }
        routes.put("settings/:key", .administer) { request, context, principal in
            let key = try context.parameter("key")
            let input = try await JSON.body(SettingInput.self, request, context)
            let settings = try await database.run { try $0.setSetting(key, to: input.value, actor: principal.name) }
            return try JSON.response(["key": key, "value": settings.text(Setting.named(key)!)])
        }
        routes.get("staff", .readCustomers) { _, _, _ in
            try JSON.list(try await database.run { try $0.staff() })
        }
    }
}
