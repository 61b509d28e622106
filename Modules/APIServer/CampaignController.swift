import Campaigns
import Core
import Customers
import Foundation
import Hummingbird
import Messaging
import Storage

/// /v1/segments, /v1/campaigns, consent on /v1/customers/{id}/consent, and the public one-click
/// unsubscribe (M-1 to M-5).
struct CampaignController {
    let database: AppDatabase

    struct PreviewInput: Codable { var filter: String }
    struct RunInput: Codable { var dryRun: Bool? }
    struct SegmentEditInput: Codable {
        var filter: String?
        var description: String?
    }
    struct CampaignEditInput: Codable {
        var segment: String?
        var channel: String?
        var category: String?
        var subject: String?
        var template: String?
        var responseWindowDays: Int?
    }
    struct RetireInput: Codable { var reason: String }
    struct ConsentInput: Codable {
        var status: String?
        var source: String?
        var at: String?
    }
    struct ResponseInput: Codable {
        var customer: Int64
        var kind: String
        var at: String?
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("segments", .readCustomers) { _, _, _ in try JSON.list(try await database.run { try $0.segments() })
        }
        routes.post("segments", .manageCampaigns) { request, context, principal in
            let form = try await JSON.body(SegmentForm.self, request, context)
            // The same form as `segment create`; a problem names the JSON key (issue 14).
            let segment = try await SegmentForm.Field.naming(APIFields.segment) {
                let valid = try form.validated()
                return try await database.run {
                    try $0.createSegment(
                        name: valid.name, filter: valid.filter, description: valid.description,
                        actor: principal.name)
                }
            }
            return try JSON.response(segment, status: .created)
        }
        routes.post("segments/preview", .readCustomers) { request, context, _ in
            let input = try await JSON.body(PreviewInput.self, request, context)
            return try JSON.response(try await database.run { try $0.previewSegment(filter: input.filter) })
        }
        routes.get("segments/:name", .readCustomers) { _, context, _ in
            let name = try context.parameter("name")
            return try JSON.response(
                try await database.run { db -> SegmentPreview in
                    try db.previewSegment(filter: try db.segment(named: name).filter)
                })
        }
        routes.patch("segments/:name", .manageCampaigns) { request, context, principal in
            let name = try context.parameter("name")
            let input = try await JSON.body(SegmentEditInput.self, request, context)
            return try JSON.response(
                try await database.run {
                    try $0.editSegment(
                        name, filter: input.filter, description: input.description, actor: principal.name)
                })
        }
        routes.get("segments/:name/members", .readCustomers) { request, context, _ in
            let name = try context.parameter("name")
            let (limit, offset) = try Query(request: request).page()
            return try JSON.response(
                try await database.run { try $0.segmentMembers(name, limit: limit, offset: offset) })
        }
        routes.post("segments/:name/retire", .manageCampaigns) { request, context, principal in
            let name = try context.parameter("name")
            let input = try await JSON.body(RetireInput.self, request, context)
            try await database.run { try $0.retire(.segment, name, reason: input.reason, actor: principal.name) }
            return try JSON.response(["segment": name, "retired": "true"])
        }
        routes.get("campaigns", .readCustomers) { _, _, _ in
            try JSON.list(try await database.run { try $0.campaigns() })
        }
        routes.patch("campaigns/:name", .manageCampaigns) { request, context, principal in
            let name = try context.parameter("name")
            let input = try await JSON.body(CampaignEditInput.self, request, context)
            let edit = CampaignEdit(
                segment: input.segment, channel: try input.channel.map { try parseChoice($0, field: "channel") },
                category: try input.category.map { try parseChoice($0, field: "category") }, subject: input.subject,
                template: input.template, responseWindowDays: input.responseWindowDays)
            return try JSON.response(try await database.run { try $0.editCampaign(name, edit, actor: principal.name) })
        }
        routes.post("campaigns/:name/retire", .manageCampaigns) { request, context, principal in
            let name = try context.parameter("name")
            let input = try await JSON.body(RetireInput.self, request, context)
            try await database.run { try $0.retire(.campaign, name, reason: input.reason, actor: principal.name) }
            return try JSON.response(["campaign": name, "retired": "true"])
        }
        routes.post("campaigns", .manageCampaigns) { request, context, principal in
            let form = try await JSON.body(CampaignForm.self, request, context)
            // The same form as `campaign create`; a problem names the JSON key (issue 14).
            let campaign = try await CampaignForm.Field.naming(APIFields.campaign) {
                let valid = try form.validated()
                return try await database.run {
                    try $0.createCampaign(
                        name: valid.name, segment: valid.segment, channel: valid.channel,
                        category: valid.category, subject: valid.subject, template: valid.template,
                        responseWindowDays: valid.responseWindowDays, actor: principal.name)
                }
            }
            return try JSON.response(campaign, status: .created)
        }
        routes.get("campaigns/:name", .readCustomers) { _, context, _ in
            let name = try context.parameter("name")
            return try JSON.response(try await database.run { try $0.campaign(named: name) })
        }
        routes.post("campaigns/:name/run", .manageCampaigns) { request, context, principal in
            let name = try context.parameter("name")
            let dryRun = try Query(request: request).bool("dryRun") ?? false
            return try JSON.response(
                try await database.run { try $0.runCampaign(name, dryRun: dryRun, actor: principal.name) })
        }
        routes.get("campaigns/:name/report", .readCustomers) { _, context, _ in
            let name = try context.parameter("name")
            return try JSON.response(try await database.run { try $0.campaignReport(name) })
        }
        routes.post("campaigns/responses", .manageCampaigns) { request, context, principal in
            let input = try await JSON.body(ResponseInput.self, request, context)
            let kind: ResponseKind = try parseChoice(input.kind, field: "kind")
            return try JSON.response(
                try await database.run { db in
                    let at = try input.at.map { try instant($0, field: "at", db: db) }
                    guard
                        let campaign = try db.recordResponse(
                            customer: Customer.ID(input.customer), kind: kind, at: at, source: "api",
                            actor: principal.name)
                    else {
                        throw Conflict(
                            field: "customer",
                            "no campaign message reached customer \(input.customer) within its response window")
                    }
                    return ["campaign": campaign]
                })
        }
        routes.get("customers/:id/consent", .readCustomers) { _, context, _ in
            let customer = try customerID(context)
            return try JSON.response(try await database.run { try $0.consentCard(customer) })
        }
        routes.put("customers/:id/consent/:channel", .logContacts) { request, context, principal in
            var form = ConsentForm()
            form.customer = try customerID(context).rawValue
            form.channel = try context.parameter("channel")
            let input = try await JSON.body(ConsentInput.self, request, context)
            form.status = input.status
            form.source = input.source
            form.at = input.at
            let consent = form
            // The same form as `consent set`; a problem names the path parameter or the JSON key (issue 14).
            return try JSON.response(
                try await ConsentForm.Field.naming(APIFields.consent) {
                    try await database.run { db in
                        let valid = try consent.validated(timeZone: try db.settings().timeZone)
                        return try db.setConsent(
                            customer: valid.customer, channel: valid.channel, status: valid.status,
                            source: valid.source, at: valid.at, actor: principal.name)
                    }
                })
        }
    }

    /// The language of the customer who opens an unsubscribe link: the first of their browser's `Accept-Language`
    /// this product speaks, else Chinese (a customer of a Chinese dealer, whatever the server's own language).
    static func customerLanguage(_ request: Request) -> Language {
        request.headers[.acceptLanguage].flatMap(Language.init(acceptLanguage:)) ?? .zh
    }

    /// A text for a customer in both languages, theirs first: `确认退订？ / Stop receiving these messages?`.
    static func both(_ phrase: Phrase, first: Language) -> String {
        phrase.rendered(Speech(first)) + " / " + phrase.rendered(Speech(first == .zh ? .en : .zh))
    }

    /// RFC 8058 one-click unsubscribe, without a token: POST opts out (what a mail client's one-click does);
    /// GET only shows a page with the button, so a link scanner that fetches it unsubscribes nobody.
    static func addPublicRoutes(to router: Router<APIRequestContext>, database: AppDatabase, registry: RouteRegistry) {
        router.post("v1/unsubscribe/:token") { request, context in
            try Query(request: request).refuseUnknown(accepted: [])
            let token = try context.parameter("token")
            let (name, channel) = try await database.run { try $0.unsubscribe(token: token) }
            let done: Phrase = "\(name), you are unsubscribed from \(channel.spoken)."
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: both(done, first: customerLanguage(request)) + "\n")))
        }
        registry.add(RouteDescription(method: "POST", path: "/v1/unsubscribe/{token}", permission: nil))
        router.get("v1/unsubscribe/:token") { request, context in
            try Query(request: request).refuseUnknown(accepted: [])
            // The token is checked but never written into the page: the form posts back to this very URL (an empty
            // action), so no token, quoted or relative, can change where it posts.
            let token = try context.parameter("token")
            try await database.run { try $0.checkUnsubscribeToken(token) }
            let language = customerLanguage(request)
            let page = """
                <!doctype html><html lang="\(language == .zh ? "zh-CN" : "en")"><meta charset="utf-8">\
                <meta name="viewport" content="width=device-width, initial-scale=1">\
                <title>\(both("Unsubscribe", first: language))</title>
                <form method="post" action=""><p>\(both("Stop receiving these messages?", first: language))</p>\
                <button type="submit">\(both("Unsubscribe", first: language))</button></form></html>
                """
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        registry.add(RouteDescription(method: "GET", path: "/v1/unsubscribe/{token}", permission: nil))
    }
}
