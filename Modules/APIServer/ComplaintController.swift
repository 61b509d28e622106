import Complaints
import Core
import Customers
import Foundation
import Hummingbird
import Storage

/// /v1/complaints: intake, handling, clocks, escalation, verdict, follow-up, analysis, evidence and the
/// report (K-1 to K-14). The role decides who may assign, escalate, close, invalidate and analyse.
struct ComplaintController {
    let database: AppDatabase

    struct ContactInput: Codable {
        var at: String?
        var direction: String?
        var unfixedVisit: Bool?
        var callback: String?
        var note: String?
    }

    struct AssignInput: Codable {
        var to: String
        var reason: String?
    }
    struct RouteInput: Codable {
        var to: String?
        var person: String?
        var advisor: String?
        var cause: String?
    }
    struct ReportInput: Codable {
        var note: String?
        var plan: String?
    }
    struct EscalateInput: Codable {
        var to: String?
        var reason: String?
    }
    struct ReasonInput: Codable { var reason: String? }
    struct InvalidInputBody: Codable { var explanation: String? }
    struct FollowUpInput: Codable {
        var result: String?
        var satisfaction: Satisfaction?
    }
    struct AnalysisInput: Codable {
        var rootCause: String?
        var preventiveAction: String?
        var cause: String?
    }

    struct ResolveInput: Codable {
        var summary: String
        var apology: Bool?
        var unhappyBecause: String?
        var measures: String
        var customerAgreed: Bool?
        var appointment: String?
        var cause: String?
    }

    struct CloseInput: Codable {
        var process: Satisfaction
        var result: Satisfaction
        var dimensions: [String: Satisfaction]?
    }

    struct AttachmentInput: Codable {
        var name: String
        var kind: String?
        var note: String?
        /// The file's bytes, base64.
        var content: String
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        @Sendable func id(_ context: APIRequestContext) throws -> Complaint.ID {
            try context.id(what: "a complaint id")
        }
        @Sendable func cause(_ text: String?) throws -> ComplaintCause? {
            try text.map { try parseChoice($0, field: "cause") }
        }

        routes.post("complaints", .handleComplaints) { request, context, principal in
            let form = try await JSON.body(ComplaintForm.self, request, context)
            // The same form and intake as `complaint add`; a problem names the JSON key (issue 14).
            let file = try await ComplaintForm.Field.naming(APIFields.complaint) {
                try await database.run { db in
                    let intake = try form.validated(timeZone: try db.settings().timeZone)
                    let vin = try intake.vehicle.map { try db.vehicleVIN(named: $0) }
                    return try db.addComplaint(ComplaintIntake(intake, vin: vin), actor: principal.name)
                }
            }
            return try JSON.response(file, status: .created)
        }
        routes.get("complaints", .readComplaints) { request, _, _ in
            let query = Query(request: request)
            let (limit, offset) = try query.page()
            let filter = ComplaintFilter(
                state: try query.string("state").map { try parseChoice($0, field: "state") },
                openOnly: try query.bool("open") ?? false,
                owner: query.string("owner"),
                category: try query.string("category").map { try parseChoice($0, field: "category") },
                customer: try query.string("customer").map {
                    try Customer.ID(parsing: $0, field: "customer", what: "a customer id")
                }, crisisOnly: try query.bool("crisis") ?? false, limit: limit, offset: offset)
            return try JSON.response(try await database.run { try $0.listComplaints(filter) })
        }
        routes.get("complaints/overdue", .readComplaints) { request, _, _ in
            let query = Query(request: request)
            let warn = try query.string("warnMinutes").map { _ in
                try query.int("warnMinutes", default: 30, range: 0...10_080)
            }
            return try JSON.list(
                try await database.run { db in
                    try db.overdueComplaints(
                        at: try query.string("asOf").map { try instant($0, field: "asOf", db: db) }, warnMinutes: warn,
                        owner: query.string("owner"))
                })
        }
        // Rule K-12: the market coordinator's queue of complaints awaiting root-cause analysis, oldest first.
        routes.get("complaints/analysis-due", .readComplaints) { request, _, _ in
            let (limit, offset) = try Query(request: request).page()
            return try JSON.response(
                try await database.run {
                    try $0.analysisDueComplaints(limit: limit, offset: offset)
                })
        }
        routes.post("complaints/escalate-due", .escalateComplaints) { _, _, principal in
            try JSON.response(try await database.run { try $0.escalateDueComplaints(actor: principal.name) })
        }
        routes.get("complaints/report", .readComplaints) { request, _, _ in
            let query = Query(request: request)
            let from = try query.string("from").map { try LocalDate.parse($0, field: "from") }
            let to = try query.string("to").map { try LocalDate.parse($0, field: "to") }
            return try JSON.response(
                try await database.run { db in
                    // K-14: an end not given is the current half-year's, as on the CLI.
                    let today = LocalDate(instant: db.now, in: try db.settings().timeZone)
                    let period = ComplaintReport.period(from: from, to: to, today: today)
                    return try db.complaintReport(from: period.from, to: period.to)
                })
        }
        routes.get("complaints/:id", .readComplaints) { _, context, _ in
            let complaint = try id(context)
            return try JSON.response(try await database.run { try $0.complaintFile(complaint) })
        }
        routes.post("complaints/:id/contacts", .handleComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(ContactInput.self, request, context)
            let direction: ComplaintContactDirection =
                try input.direction.map { try parseChoice($0, field: "direction") } ?? .outbound
            return try JSON.response(
                try await database.run { db in
                    try db.contactComplaint(
                        complaint, at: try input.at.map { try instant($0, field: "at", db: db) }, direction: direction,
                        unfixedVisit: input.unfixedVisit ?? false, callback: input.callback, note: input.note,
                        actor: principal.name)
                })
        }
        routes.post("complaints/:id/assign", .assignComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(AssignInput.self, request, context)
            return try JSON.response(
                try await database.run {
                    try $0.assignComplaint(complaint, to: input.to, reason: input.reason, actor: principal.name)
                })
        }
        routes.post("complaints/:id/route", .handleComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(RouteInput.self, request, context)
            let department: Role? = try input.to.map { try parseChoice($0, field: "to") }
            let found = try cause(input.cause)
            return try JSON.response(
                try await database.run {
                    try $0.routeComplaint(
                        complaint, to: department, person: input.person, advisor: input.advisor, cause: found,
                        actor: principal.name)
                })
        }
        routes.post("complaints/:id/reports", .handleComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(ReportInput.self, request, context)
            return try JSON.response(
                try await database.run {
                    try $0.reportOnComplaint(complaint, note: input.note, plan: input.plan, actor: principal.name)
                })
        }
        routes.post("complaints/:id/escalate", .escalateComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(EscalateInput.self, request, context)
            let level: EscalationLevel? = try input.to.map { try parseChoice($0, field: "to") }
            return try JSON.response(
                try await database.run {
                    try $0.escalateComplaint(complaint, to: level, reason: input.reason, actor: principal.name)
                })
        }
        routes.post("complaints/:id/crisis", .handleComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(ReasonInput.self, request, context)
            return try JSON.response(
                try await database.run {
                    try $0.flagComplaintCrisis(complaint, reason: input.reason, actor: principal.name)
                })
        }
        routes.post("complaints/:id/resolve", .handleComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(ResolveInput.self, request, context)
            let found = try cause(input.cause)
            return try JSON.response(
                try await database.run { db in
                    try db.resolveComplaint(
                        complaint, summary: input.summary, apology: input.apology ?? false,
                        unhappyBecause: input.unhappyBecause,
                        measures: input.measures, customerAgreed: input.customerAgreed ?? false,
                        appointment: try input.appointment.map { try instant($0, field: "appointment", db: db) },
                        cause: found, actor: principal.name)
                })
        }
        routes.post("complaints/:id/close", .closeComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(CloseInput.self, request, context)
            var scores: [ServiceDimension: Satisfaction] = [:]
            for (key, level) in input.dimensions ?? [:] { scores[try parseChoice(key, field: "dimensions")] = level }
            let dimensions = scores
            return try JSON.response(
                try await database.run {
                    try $0.closeComplaint(
                        complaint, process: input.process, result: input.result, dimensions: dimensions,
                        actor: principal.name)
                })
        }
        routes.post("complaints/:id/reopen", .closeComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(ReasonInput.self, request, context)
            return try JSON.response(
                try await database.run {
                    try $0.reopenComplaint(complaint, reason: input.reason, actor: principal.name)
                })
        }
        routes.post("complaints/:id/invalidate", .invalidateComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(InvalidInputBody.self, request, context)
            return try JSON.response(
                try await database.run {
                    try $0.invalidateComplaint(complaint, explanation: input.explanation, actor: principal.name)
                })
        }
        routes.post("complaints/:id/followup", .handleComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(FollowUpInput.self, request, context)
            return try JSON.response(
                try await database.run {
                    try $0.recordComplaintFollowUp(
                        complaint, result: input.result, satisfaction: input.satisfaction, actor: principal.name)
                })
        }
        routes.post("complaints/:id/analysis", .analyseComplaints) { request, context, principal in
            let complaint = try id(context)
            let input = try await JSON.body(AnalysisInput.self, request, context)
            let found = try cause(input.cause)
            return try JSON.response(
                try await database.run {
                    try $0.analyseComplaint(
                        complaint, rootCause: input.rootCause, preventiveAction: input.preventiveAction, cause: found,
                        actor: principal.name)
                })
        }
        routes.post("complaints/:id/attachments", .handleComplaints) { request, context, principal in
            let complaint = try id(context)
            // K-14: evidence up to the setting, in base64 inside a small JSON document.
            let input = try await AttachmentUploads.body(AttachmentInput.self, request, context, database: database)
            let bytes = try AttachmentUploads.bytes(input.content)
            let kind: AttachmentKind? = try input.kind.map { try parseChoice($0, field: "kind") }
            return try JSON.response(
                try await database.run {
                    try $0.attachToComplaint(
                        complaint, name: input.name, bytes: bytes, kind: kind, note: input.note,
                        actor: principal.name)
                }, status: .created)
        }
        routes.get("complaints/:id/attachments/:attachment", .readComplaints) { _, context, _ in
            let complaint = try id(context)
            let attachment = try context.rowID("attachment", what: "an attachment id")
            let (info, data) = try await database.run { try $0.complaintAttachment(complaint, attachment: attachment) }
            return AttachmentUploads.response(info, data)
        }
    }
}
