import Core
import Customers
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

/// Issue 14: one input convention on the CLI and the API. The real router, in process.
@Suite("API input convention (in process)")
struct InputConventionAPITests {
    struct Fixture {
        let db: AppDatabase
        let token: String
        let app: Application<RouterResponder<APIRequestContext>>

        init() throws {
            db = try memoryDatabase(now: "2026-11-23T10:00:00+08:00")
            token = try db.createToken(name: "管理员", role: .admin, actor: "setup").secret
            _ = try db.addStaff(name: "李娜", role: .csAgent, actor: "setup")
            let customer = Customer(name: "王芳", customerClass: .retained, createdAt: db.now)
            _ = try db.addCustomer(
                NewCustomer(customer: customer, phones: ["13800138000"], reason: "老客户"),
                actor: "setup")
            app = Application(router: buildRouter(database: db))
        }

        var headers: HTTPFields { [.contentType: "application/json", .authorization: "Bearer \(token)"] }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    @Test("Ids in paths and queries: 0, -1, abc, 1.5, too large are a 400 naming the parameter; no such id is a 404")
    func ids() async throws {
        let f = try Fixture()
        var list: [(String, HTTPRequest.Method, String)] = []
        for bad in ["0", "-1", "abc", "1.5", "99999999999999999999"] {
            list += [
                ("/v1/complaints/\(bad)", .get, "id"), ("/v1/customers/\(bad)", .get, "id"),
                ("/v1/claims/\(bad)", .get, "id"), ("/v1/customers/\(bad)/consent", .get, "id"),
                ("/v1/tasks/\(bad)/done", .post, "id"), ("/v1/complaints?customer=\(bad)", .get, "customer"),
                ("/v1/complaints/1/attachments/\(bad)", .get, "attachment"),
            ]
        }
        let cases = list
        try await f.app.test(.router) { client in
            for (uri, method, field) in cases {
                let body = method == .post ? ByteBuffer(string: #"{"response":"x"}"#) : nil
                try await client.execute(uri: uri, method: method, headers: f.headers, body: body) { response in
                    #expect(response.status == .badRequest, "\(method) \(uri)")
                    let problem = try Self.json(response)
                    #expect(problem["field"] as? String == field, "\(uri): \(problem)")
                    let detail = problem["detail"] as? String ?? ""
                    #expect(detail.contains("a positive whole number"), "\(uri): \(problem)")
                }
            }
            for uri in ["/v1/complaints/42", "/v1/customers/42", "/v1/claims/42"] {
                try await client.execute(uri: uri, method: .get, headers: f.headers) {
                    #expect($0.status == .notFound, "\(uri)")
                }
            }
        }
    }

    @Test("K-14: the complaint report defaults to the current half-year in the API as on the CLI")
    func reportDefault() async throws {
        let f = try Fixture()
        let cases = [
            ("", "2026-07-01", "2026-12-31"), ("?from=2026-10-01", "2026-10-01", "2026-12-31"),
            ("?to=2026-09-30", "2026-07-01", "2026-09-30"),
            ("?from=2026-01-01&to=2026-06-30", "2026-01-01", "2026-06-30"),
        ]
        try await f.app.test(.router) { client in
            for (query, from, to) in cases {
                let uri = "/v1/complaints/report" + query
                try await client.execute(uri: uri, method: .get, headers: f.headers) { response in
                    #expect(response.status == .ok, "\(query)")
                    let report = try Self.json(response)
                    #expect(report["from"] as? String == from && report["to"] as? String == to, "\(query): \(report)")
                }
            }
            let bad = "/v1/complaints/report?from=2026-13-01"
            try await client.execute(uri: bad, method: .get, headers: f.headers) { response in
                let problem = try Self.json(response)
                #expect(response.status == .badRequest && problem["field"] as? String == "from")
            }
        }
    }

    /// Sends each body to `uri` and checks that the problem names `field` and says `reason`; nothing is written.
    func expectProblems(
        _ f: Fixture, _ uri: String, method: HTTPRequest.Method = .post,
        _ cases: [(String, String, String)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let before = try f.db.auditEntries(AuditFilter(limit: 1000)).count
        try await f.app.test(.router) { client in
            for (body, field, reason) in cases {
                let buffer = ByteBuffer(string: body)
                try await client.execute(uri: uri, method: method, headers: f.headers, body: buffer) { response in
                    let problem = try Self.json(response)
                    #expect(
                        [.badRequest, .conflict, .notFound].contains(response.status), "\(body)",
                        sourceLocation: sourceLocation)
                    #expect(problem["field"] as? String == field, "\(body): \(problem)", sourceLocation: sourceLocation)
                    #expect(
                        (problem["detail"] as? String)?.contains(reason) == true, "\(body): \(problem)",
                        sourceLocation: sourceLocation)
                }
            }
        }
        #expect(try f.db.auditEntries(AuditFilter(limit: 1000)).count == before, sourceLocation: sourceLocation)
    }

    @Test("K-1, K-3, K-8: POST /v1/complaints reads the complaint form; a problem names the JSON key")
    func complaintForm() async throws {
        let f = try Fixture()
        _ = try f.db.addStaff(name: "王丽", role: .serviceAdvisor, actor: "setup")
        let intake = #""customer":1,"channel":"phone","category":"price","description":"价格太高""#
        try await expectProblems(
            f, "/v1/complaints",
            [
                (
                    "{\(intake),\"receivedBy\":\"李娜\",\"receivedAt\":\"2027-01-01 09:00\"}", "receivedAt",
                    "receivedAt: the complaint cannot be received in the future"
                ),
                (
                    "{\(intake),\"receivedBy\":\" \",\"owner\":\"李娜\"}", "receivedBy",
                    "receivedBy: record who received the complaint first (K-3)"
                ),
                ("{\(intake),\"receivedBy\":\"李娜\",\"crisisReason\":\" \"}", "crisisReason", "crisisReason: say why"),
                ("{\(intake),\"receivedBy\":\"王丽\"}", "owner", "owner: 王丽 is not customer-service staff"),
                ("{\(intake),\"receivedBy\":\"李娜\",\"wishes\":[\"money\"]}", "wishes", "expected one of vent"),
                (
                    #"{"customer":0,"channel":"phone","category":"price","description":"x","receivedBy":"李娜"}"#,
                    "customer",
                    "expected a customer id"
                ),
            ])
    }

    @Test("M-2: POST /v1/segments reads the segment form; a problem names the JSON key")
    func segmentForm() async throws {
        let f = try Fixture()
        try await expectProblems(
            f, "/v1/segments",
            [
                (#"{"name":" ","filter":"class = retained"}"#, "name", "name: give the segment a name"),
                (#"{"name":"lapsed","filter":"class = retaind"}"#, "filter", "filter: column 9: class is one of"),
                (#"{"name":"lapsed"}"#, "filter", "filter: the filter is empty"),
            ])
    }

    @Test("M-2, M-4: POST /v1/campaigns reads the campaign form; a problem names the JSON key")
    func campaignForm() async throws {
        let f = try Fixture()
        _ = try f.db.createSegment(name: "retained", filter: "class = retained", description: nil, actor: "setup")
        let base = #""name":"care","segment":"retained","category":"service""#
        try await expectProblems(
            f, "/v1/campaigns",
            [
                (
                    "{\(base),\"channel\":\"email\",\"template\":\"{{name}}\"}", "subject",
                    "subject: an e-mail campaign needs a subject"
                ),
                (
                    "{\(base),\"channel\":\"sms\",\"template\":\"{{name}}\",\"responseWindowDays\":400}",
                    "responseWindowDays",
                    "responseWindowDays: expected 1 to 365 days, got 400"
                ),
                (
                    "{\(base),\"channel\":\"sms\",\"template\":\"{{name}}：{{due_date}}\"}", "template",
                    "template: line 1, column"
                ),
                (
                    "{\(base),\"channel\":\"fax\",\"template\":\"{{name}}\"}", "channel",
                    "expected one of email, sms, letter"
                ),
            ])
    }

    @Test("W-7, Q-1: POST /v1/claims and PATCH read the claim form's fields; a problem names the JSON key")
    func claimForm() async throws {
        let f = try Fixture()
        let delivered = f.db.now.addingTimeInterval(-86_400 * 300)
        let vehicle = Vehicle(
            customerID: Customer.ID(1), vin: VIN(trusted: "LFV2A21K3N3000123"), make: "Volkswagen",
            model: "Sagitar", usage: .private, deliveredAt: delivered, createdAt: f.db.now)
        _ = try f.db.addVehicle(vehicle, actor: "setup")
        let draft = ClaimDraft(
            vin: vehicle.vin, mileage: 15_230, failure: "异响", cause: "磨损", repairOrder: "RO-1",
            repairLine: "2", labour: ["A:1.2"], parts: [])
        _ = try f.db.createClaim(draft, actor: "setup")
        let claim = #""vin":"LFV2A21K3N3000123","mileage":15230,"cause":"磨损""#
        try await expectProblems(
            f, "/v1/claims",
            [
                ("{\(claim),\"failure\":\" \",\"labour\":[\"A:1\"]}", "failure", "failure: describe the failure"),
                (
                    "{\(claim),\"failure\":\"x\",\"parts\":[\"5Q0 611 701 C\"]}", "parts",
                    "parts: expected NUMBER:QUANTITY"
                ),
                (
                    "{\(claim),\"failure\":\"x\",\"labour\":[\"A:1\"],\"repairOrder\":\"RO-1\",\"repairLine\":\"2\"}",
                    "repairLine", "repairLine: repair order RO-1 line 2 is already claimed"
                ),
                (#"{"vin":"LFV2A21K3N3000123","mileage":-5,"failure":"x","cause":"y"}"#, "mileage", "0 or more"),
                (#"{"mileage":5,"failure":"x","cause":"y"}"#, "vin", "vin: is required"),
            ])
        try await f.app.test(.router) { client in
            let body = ByteBuffer(string: #"{"parts":["X"]}"#)
            try await client.execute(uri: "/v1/claims/1", method: .patch, headers: f.headers, body: body) { response in
                let problem = try Self.json(response)
                #expect(response.status == .badRequest && problem["field"] as? String == "parts", "\(problem)")
            }
        }
    }

    @Test("M-3: PUT /v1/customers/{id}/consent/{channel} reads the consent form; a problem names the parameter or key")
    func consentForm() async throws {
        let f = try Fixture()
        try await expectProblems(
            f, "/v1/customers/1/consent/sms", method: .put,
            [
                (#"{"status":"opt-in","source":" "}"#, "source", "source: say where the consent comes from"),
                (#"{"status":"opt-in","source":"x","at":"2027-01-01 09:00"}"#, "at", "is in the future"),
                (#"{"status":"maybe","source":"x"}"#, "status", "expected one of opt-in, opt-out"),
                (#"{"source":"x"}"#, "status", "status: is required"),
            ])
        try await expectProblems(
            f, "/v1/customers/1/consent/wechat", method: .put,
            [
                (#"{"status":"opt-in","source":"x"}"#, "channel", "channel: expected one of email, sms, letter")
            ])
        try await expectProblems(
            f, "/v1/customers/42/consent/sms", method: .put,
            [
                (#"{"status":"opt-in","source":"x"}"#, "id", "no customer 42")
            ])
    }
}
