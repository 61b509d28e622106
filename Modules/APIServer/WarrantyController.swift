import Core
import Customers
import Foundation
import Hummingbird
import Storage
import Warranty

/// /v1/vehicles/{vin}/warranty, /v1/bulletins, /v1/claims and the warranty facts of a vehicle (W-1 to W-9).
struct WarrantyController {
    let database: AppDatabase

    struct ExclusionInput: Codable {
        var kind: String
        var condition: String?
        var component: String?
        var source: String
        var recordedOn: String?
        var note: String?
    }

    struct CompletionInput: Codable {
        var vin: String
        var manufacturer: String?
        var completedOn: String?
        var workRef: String?
    }

    struct PartInput: Codable {
        var number: String
        var fittedOn: String
        var invoice: String
    }

    struct VisitInput: Codable {
        var on: String
        var kilometres: Int
        var independent: Bool?
        var proof: String?
    }

    struct ReplacementInput: Codable {
        var defectCannotBeRemoved: Bool?
        var failsStandardsAfterRepair: Bool?
        var majorFaultAt: String?
        var on: String?
        var mileage: Int?
    }

    struct TermInput: Codable {
        var make: String
        var model: String?
        var usage: String
        var months: Int
        var kilometres: Int
        var effective: String
    }

    struct ClaimEditInput: Codable {
        var mileage: Int?
        var failure: String?
        var cause: String?
        var repairOrder: String?
        var repairLine: String?
        var labour: [String]?
        var parts: [String]?
    }

    struct ClaimActionInput: Codable {
        var reason: String?
        var manufacturerRef: String?
        var paid: String?
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("vehicles/:vin/warranty", .readCustomers) { request, context, _ in
            let vin = try await vin(context, database)
            let query = Query(request: request)
            let on = try query.string("on").map { try LocalDate.parse($0, field: "on") }
            let mileage = try query.string("mileage").map { text in
                guard let km = Int(text), km >= 0 else {
                    throw InvalidInput(field: "mileage", "expected kilometres, got \"\(text)\"")
                }
                return km
            }
            let component = query.string("component")
            let part = query.string("part")
            return try JSON.response(
                try await database.run {
                    try $0.warrantyCheck(vin: vin, on: on, mileage: mileage, component: component, part: part)
                })
        }
        routes.get("vehicles/:vin/bulletins", .readCustomers) { _, context, _ in
            let vin = try await vin(context, database)
            return try JSON.list(try await database.run { try $0.bulletins(forVIN: vin) })
        }
        routes.get("vehicles/:vin/exclusions", .readCustomers) { _, context, _ in
            let vin = try await vin(context, database)
            return try JSON.response(try await database.run { try $0.exclusions(vin: vin) })
        }
        routes.post("vehicles/:vin/exclusions", .recordWarrantyFacts) { request, context, principal in
            let vin = try await vin(context, database)
            let input = try await JSON.body(ExclusionInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    let recorded =
                        try input.recordedOn.map { try LocalDate.parse($0, field: "recordedOn") }
                        ?? LocalDate(instant: db.now, in: try db.settings().timeZone)
                    return try db.addExclusion(
                        ExclusionFact(
                            kind: try parseChoice(input.kind, field: "kind"), condition: input.condition,
                            component: input.component,
                            recordedOn: recorded, source: input.source, note: input.note), vin: vin,
                        actor: principal.name)
                }, status: .created)
        }
        routes.post("vehicles/:vin/fitted-parts", .recordWarrantyFacts) { request, context, principal in
            let vin = try await vin(context, database)
            let input = try await JSON.body(PartInput.self, request, context)
            let part = FittedPart(
                partNumber: input.number, fittedOn: try LocalDate.parse(input.fittedOn, field: "fittedOn"),
                invoice: input.invoice)
            try await database.run { try $0.addFittedPart(part, vin: vin, actor: principal.name) }
            return try JSON.response(part, status: .created)
        }
        routes.post("vehicles/:vin/maintenance-visits", .recordWarrantyFacts) { request, context, principal in
            let vin = try await vin(context, database)
            let input = try await JSON.body(VisitInput.self, request, context)
            let visit = MaintenanceVisit(
                day: try LocalDate.parse(input.on, field: "on"), kilometres: input.kilometres,
                independent: input.independent ?? false, proof: input.proof)
            try await database.run { try $0.addMaintenanceVisit(visit, vin: vin, actor: principal.name) }
            return try JSON.response(visit, status: .created)
        }
        routes.get("vehicles/:vin/maintenance", .readCustomers) { request, context, _ in
            let vin = try await vin(context, database)
            let on = try Query(request: request).string("on").map { try LocalDate.parse($0, field: "on") }
            return try JSON.response(try await database.run { try $0.maintenanceCompliance(vin: vin, on: on) })
        }
        routes.post("vehicles/:vin/replacement-assessment", .actOnClaims) { request, context, _ in
            let vin = try await vin(context, database)
            let input = try await JSON.body(ReplacementInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    let fault = try input.majorFaultAt.map { try instant($0, field: "majorFaultAt", db: db) }
                    let request = ReplacementRequest(
                        defectCannotBeRemoved: input.defectCannotBeRemoved ?? false,
                        failsStandardsAfterRepair: input.failsStandardsAfterRepair ?? false, majorFaultAt: fault)
                    return try db.replacementAssessment(
                        vin: vin, request: request, on: try input.on.map { try LocalDate.parse($0, field: "on") },
                        mileage: input.mileage)
                })
        }
        routes.get("warranty/terms", .readCustomers) { _, _, _ in
            try JSON.list(try await database.run { try $0.warrantyTerms() })
        }
        routes.post("warranty/terms", .manageBulletins) { request, context, principal in
            let input = try await JSON.body(TermInput.self, request, context)
            let term = WarrantyTerm(
                make: input.make, model: input.model, usage: try Usage.parse(input.usage), months: input.months,
                kilometres: input.kilometres, effective: try LocalDate.parse(input.effective, field: "effective"),
                source: "api")
            return try JSON.response(
                try await database.run { try $0.setWarrantyTerm(term, actor: principal.name) }, status: .created)
        }
        routes.get("bulletins", .readCustomers) { request, _, _ in
            let query = Query(request: request)
            let kind: Bulletin.Kind? = try query.string("kind").map { try parseChoice($0, field: "kind") }
            let (limit, offset) = try query.page()
            return try JSON.response(
                try await database.run { try $0.listBulletins(kind: kind, limit: limit, offset: offset) })
        }
        routes.get("bulletins/:number", .readCustomers) { request, context, _ in
            let number = try context.parameter("number")
            let manufacturer = Query(request: request).string("manufacturer")
            return try JSON.response(
                try await database.run { try $0.bulletinReport(number: number, manufacturer: manufacturer) })
        }
        routes.get("bulletins/:number/affected", .readCustomers) { request, context, _ in
            let number = try context.parameter("number")
            let query = Query(request: request)
            let (limit, offset) = try query.page()
            let manufacturer = query.string("manufacturer")
            let openOnly = try query.bool("open") ?? false
            return try JSON.response(
                try await database.run {
                    try $0.bulletinAffected(
                        number: number, manufacturer: manufacturer, openOnly: openOnly, limit: limit, offset: offset)
                })
        }
        routes.post("bulletins", .manageBulletins) { request, context, principal in
            let bulletin = try await JSON.body(Bulletin.self, request, context)
            return try JSON.response(
                try await database.run { try $0.storeBulletin(bulletin, actor: principal.name, source: "api") },
                status: .created)
        }
        routes.post("bulletins/:number/completions", .recordWarrantyFacts) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(CompletionInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    let vin = try db.vehicleVIN(named: input.vin)
                    let on =
                        try input.completedOn.map { try LocalDate.parse($0, field: "completedOn") }
                        ?? LocalDate(instant: db.now, in: try db.settings().timeZone)
                    return try db.completeBulletin(
                        number: number, manufacturer: input.manufacturer, vin: vin, on: on, workRef: input.workRef,
                        actor: principal.name)
                }, status: .created)
        }
        routes.get("claims", .readCustomers) { request, _, _ in
            let query = Query(request: request)
            let status: ClaimStatus? = try query.string("status").map { try parseChoice($0, field: "status") }
            let (limit, offset) = try query.page()
            return try JSON.response(
                try await database.run { try $0.listClaims(status: status, limit: limit, offset: offset) })
        }
        routes.post("claims", .actOnClaims) { request, context, principal in
            let form = try await JSON.body(ClaimForm.self, request, context)
            // The same form as `claim create`; a problem names the JSON key (issue 14).
            let record = try await ClaimForm.Field.naming(APIFields.claim) {
                let valid = try form.validated()
                return try await database.run { db in
                    let vin = try db.vehicleVIN(named: valid.vehicle)
                    return try db.createClaim(ClaimDraft(valid, vin: vin), actor: principal.name)
                }
            }
            return try JSON.response(record, status: .created)
        }
        routes.patch("claims/:id", .actOnClaims) { request, context, principal in
            let id = try claimID(context)
            let input = try await JSON.body(ClaimEditInput.self, request, context)
            // The claim's rules name the claim form's fields, whose JSON keys the corrections use (issue 14).
            return try JSON.response(
                try await ClaimForm.Field.naming(APIFields.claim) {
                    try await database.run { db in
                        let draft = try db.claimRecord(id).corrected(
                            mileage: input.mileage, failure: input.failure,
                            cause: input.cause, repairOrder: input.repairOrder,
                            repairLine: input.repairLine, labour: input.labour,
                            parts: input.parts)
                        return try db.editClaim(id, draft, actor: principal.name)
                    }
                })
        }
        routes.get("claims/:id", .readCustomers) { _, context, _ in
            let id = try claimID(context)
            return try JSON.response(try await database.run { try $0.claimRecord(id) })
        }
        routes.post("claims/:id/:action", .actOnClaims) { request, context, principal in
            let id = try claimID(context)
            let action: ClaimAction = try parseChoice(try context.parameter("action"), field: "action")
            var request = request
            let buffer = try await request.collectBody(upTo: context.maxUploadSize)
            let input =
                buffer.readableBytes == 0
                ? ClaimActionInput()
                : try JSONFormat.decode(ClaimActionInput.self, from: Data(buffer.readableBytesView))
            let paid = try input.paid.map { text in
                guard let money = Money(yuan: text) else {
                    throw InvalidInput(field: "paid", "expected an amount such as 396.00, got \"\(text)\"")
                }
                return money
            }
            return try JSON.response(
                try await database.run {
                    try $0.transitionClaim(
                        id, action, reason: input.reason, manufacturerRef: input.manufacturerRef, paid: paid,
                        actor: principal.name)
                })
        }
    }
}

func claimID(_ context: APIRequestContext) throws -> Int64 {
    try context.rowID(what: "a claim id")
}
