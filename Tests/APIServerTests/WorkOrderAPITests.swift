import Catalog
import Core
import Customers
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing
import WorkOrders

@testable import APIServer

@Suite("Repair orders over HTTP (in process)")
struct WorkOrderAPITests {
    /// A dealer file with one delivered car (京A·12345), a labour operation, a technician and a foreman, and a token
    /// per role; a file so that `sqlite3 .dump` can show that refused input wrote nothing.
    struct Fixture {
        let folder: TemporaryDirectory
        let path: String
        let clock: ManualClock
        let db: AppDatabase
        let tokens: [Role: String]
        let app: Application<RouterResponder<APIRequestContext>>

        init() throws {
            folder = try TemporaryDirectory()
            path = folder.path("dealer.sqlite")
            clock = ManualClock("2026-12-06T09:00:00+08:00")
            db = try AppDatabase.open(path: path, create: true, clock: clock)
            tokens = try roleTokens(db)
            try WorkshopFixture.addCustomerAndCar(db)
            _ = try db.addStaff(name: "刘强", role: .technician, actor: "admin")
            _ = try db.addStaff(name: "赵磊", role: .shopForeman, actor: "admin")
            try db.withManufacturerBatch(actor: "setup", source: "test") { batch in
                _ = try batch.store(
                    LabourOperation(code: "47 11 19 00", make: "Volkswagen", centihours: 80, description: "前刹车片更换"))
                return (true, ())
            }
            app = Application(router: buildRouter(database: db))
        }

        func headers(_ role: Role, language: String? = nil) -> HTTPFields {
            var fields: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(tokens[role]!)"]
            if let language { fields[.acceptLanguage] = language }
            return fields
        }

        /// An order opened by the service advisor, with a labour line on its job, quoted.
        func quotedOrder() throws -> String {
            var form = ReceptionForm()
            form.vin = "京A·12345"
            form.mileage = 30_000
            form.concerns = ["刹车异响"]
            form.promisedAt = "2026-12-06 17:00"
            let number = try db.openWorkOrder(form, actor: "王顾问").number
            var line = WorkOrderLineForm()
            line.job = 1
            line.code = "47 11 19 00"
            _ = try db.addWorkOrderLine(number, line, actor: "王顾问")
            _ = try db.quoteWorkOrder(number, actor: "王顾问")
            return number
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    static let open = #"{"vin":"京A·12345","mileage":30000,"concerns":["刹车异响"]}"#

    @Test(
        "Roles: advisors open, quote and settle; the foreman dispatches; technicians clock but never approve or price"
    )
    func roles() async throws {
        let f = try Fixture()
        let number = try f.quotedOrder()
        let routes: [(HTTPRequest.Method, String, String?, Permission)] = [
            (.post, "/v1/work-orders", Self.open, .writeWorkOrders),
            (.post, "/v1/work-orders/\(number)/lines", #"{"job":9,"code":"47 11 19 00"}"#, .writeWorkOrders),
            (.post, "/v1/work-orders/\(number)/approvals", #"{"jobs":[9],"by":"王芳","via":"phone"}"#, .writeWorkOrders),
            (.post, "/v1/work-orders/\(number)/settlement", #"{"payment":"cash"}"#, .writeWorkOrders),
            (.post, "/v1/work-orders/\(number)/dispatch", #"{"job":9,"technician":"刘强"}"#, .dispatchWorkOrders),
            (.post, "/v1/work-orders/\(number)/clock", #"{"job":9,"technician":"刘强"}"#, .workOnWorkOrders),
            (.post, "/v1/work-orders/\(number)/quality-checks", #"{"job":9,"roadTestKilometres":5}"#, .checkWorkOrders),
            (.get, "/v1/work-orders/\(number)", nil, .readWorkOrders),
            (.get, "/v1/work-orders", nil, .readWorkOrders),
        ]
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                for (method, uri, body, permission) in routes {
                    try await client.execute(
                        uri: uri, method: method, headers: f.headers(role), body: body.map { ByteBuffer(string: $0) }
                    ) { response in
                        let allowed = role.may(permission)
                        #expect((response.status == .forbidden) == !allowed, "\(role) \(method) \(uri)")
                    }
                }
            }
        }
        for role in [Role.technician, .shopForeman, .csAgent, .partsManager, .warrantyAdmin] {
            #expect(!role.may(.writeWorkOrders), "\(role) neither approves nor prices")
        }
        #expect(Role.technician.may(.workOnWorkOrders) && !Role.technician.may(.dispatchWorkOrders))
        #expect(Role.serviceAdvisor.may(.writeWorkOrders) && !Role.serviceAdvisor.may(.workOnWorkOrders))
        let opened = try f.db.listWorkOrders().total
        #expect(opened == 1 + Role.allCases.filter { $0.may(.writeWorkOrders) }.count)
    }

    @Test("A-6 to Q-4: open, line, quote, approve, dispatch, clock, check, settle and deliver over HTTP")
    func happyPath() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            func send(
                _ method: HTTPRequest.Method, _ uri: String, _ body: String?, _ role: Role,
                _ status: HTTPResponse.Status = .ok
            ) async throws -> [String: Any] {
                try await client.execute(
                    uri: uri, method: method, headers: f.headers(role), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(method) \(uri): \(String(buffer: response.body))")
                    return try Self.json(response)
                }
            }
            let opened = try await send(
                .post, "/v1/work-orders",
                #"{"vin":"京A·12345","mileage":30000,"concerns":["刹车异响"],"promisedAt":"2026-12-06 17:00"}"#,
                .serviceAdvisor, .created)
            let number = try #require((opened["order"] as? [String: Any])?["number"] as? String)
            #expect(opened["state"] as? String == "open")
            #expect(opened["customer"] as? String == "王芳")
            let base = "/v1/work-orders/\(number)"
            _ = try await send(
                .post, base + "/lines", #"{"job":1,"kind":"labour","code":"47 11 19 00"}"#, .serviceAdvisor, .created)
            let quoted = try await send(.post, base + "/quotes", nil, .serviceAdvisor, .created)
            #expect(quoted["state"] as? String == "quoted")
            // Q-1: 0.80 h × the labour rate, on the customer.
            let totals = try #require(quoted["totals"] as? [String: Any])
            #expect(((totals["customer"] as? [String: Any])?["fen"] as? Int ?? 0) > 0)
            _ = try await send(.post, base + "/approvals", #"{"by":"王芳","via":"signature"}"#, .serviceAdvisor)
            _ = try await send(.post, base + "/dispatch", #"{"job":1,"technician":"刘强"}"#, .shopForeman)
            _ = try await send(.post, base + "/clock", #"{"job":1,"technician":"刘强"}"#, .technician)
            f.clock.set(f.clock.now().addingTimeInterval(3_600))
            _ = try await send(.post, base + "/clock", #"{"job":1,"technician":"刘强","off":true}"#, .technician)
            let checked = try await send(
                .post, base + "/quality-checks", #"{"job":1,"roadTestKilometres":5,"finding":"刹车片磨损到限"}"#,
                .shopForeman, .created)
            #expect(checked["state"] as? String == "qc-passed")
            let settled = try await send(
                .post, base + "/settlement", #"{"payment":"wechat-pay"}"#, .serviceAdvisor, .created)
            #expect(settled["state"] as? String == "settled")
            #expect(((settled["order"] as? [String: Any])?["invoice"] as? [String: Any]) != nil)
            let delivered = try await send(
                .post, base + "/delivery", #"{"note":"已向客户说明维修项目和费用"}"#, .serviceAdvisor, .created)
            #expect(delivered["state"] as? String == "delivered")
            let list = try await send(.get, "/v1/work-orders?vin=LFV2A21K3N3000123", nil, .technician)
            #expect(list["total"] as? Int == 1)
            let open = try await send(.get, "/v1/work-orders?open=true", nil, .technician)
            #expect(open["total"] as? Int == 0)
        }
    }

    @Test("Q-7: atRisk lists the orders that may miss their promised time, with the reasons in the request's language")
    func atRisk() async throws {
        let f = try Fixture()
        _ = try f.quotedOrder()
        f.clock.set(instant("2026-12-06T18:00:00+08:00"))
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/work-orders?atRisk=true", method: .get, headers: f.headers(.serviceManager, language: "zh")
            ) { response in
                #expect(response.status == .ok)
                let items = try Self.json(response)["items"] as? [[String: Any]] ?? []
                #expect(items.count == 1)
                let risks = items.first?["risks"] as? [String] ?? []
                #expect(risks.contains { $0.contains("已超过约定交车时间") }, "\(risks)")
            }
        }
    }

    @Test("Bad input is a 400 naming the field, an unknown order a 404, a rule a 409; sqlite3 .dump is unchanged")
    func badInput() async throws {
        let f = try Fixture()
        let number = try f.quotedOrder()
        let base = "/v1/work-orders/\(number)"
        let before = try Binaries.dump(f.path)
        let cases: [(HTTPRequest.Method, String, String?, Int, String?)] = [
            (.post, "/v1/work-orders", #"{"mileage":30000,"concerns":["x"]}"#, 400, "vin"),
            (.post, "/v1/work-orders", #"{"vin":"京A·12345","mileage":-1,"concerns":["x"]}"#, 400, "mileage"),
            (.post, "/v1/work-orders", #"{"vin":"京A·12345","mileage":30000,"concerns":[" "]}"#, 400, "concerns"),
            (.post, "/v1/work-orders", #"{"vin":"京A·12345","mileage":30000,"concerns":["x"],"nmae":1}"#, 400, "nmae"),
            (.post, "/v1/work-orders", #"{"vin":"京B·99999","mileage":30000,"concerns":["x"]}"#, 404, nil),
            (.post, "/v1/work-orders", #"{"vin":"京A·12345","mileage":100,"concerns":["x"]}"#, 409, "mileage"),
            (.get, "/v1/work-orders/RO-19990101-9", nil, 404, "order"),
            (.get, "/v1/work-orders?atRisk=maybe", nil, 400, "atRisk"),
            (.post, base + "/jobs", #"{"title":"x","kind":"huge"}"#, 400, "kind"),
            (.post, base + "/lines", #"{"job":1,"code":"47 11 19 00","price":"10.00"}"#, 400, "price"),
            // Q-1: a code the stored catalogue does not hold is a record that does not exist.
            (.post, base + "/lines", #"{"job":1,"code":"99 99 99 99"}"#, 404, "code"),
            (.post, base + "/lines", #"{"job":1,"kind":"part","code":"NO-SUCH-PART"}"#, 404, "code"),
            (.patch, base + "/lines/x", #"{"payer":"goodwill"}"#, 400, "line"),
            (.patch, base + "/lines/1", #"{"payer":"nobody"}"#, 400, "payer"),
            (.patch, base + "/lines/1", #"{}"#, 400, "payer"),
            (.delete, base + "/lines/7", nil, 404, nil),
            (.post, base + "/approvals", #"{"by":"王芳"}"#, 400, "via"),
            (.post, base + "/approvals", #"{"by":"王芳","via":"fax"}"#, 400, "via"),
            (.post, base + "/dispatch", #"{"job":1,"technician":"刘强"}"#, 409, nil),
            (.post, base + "/clock", #"{"job":1,"technician":"刘强"}"#, 409, nil),
            (.post, base + "/quality-checks", #"{"job":1}"#, 400, "roadTestKilometres"),
            (.post, base + "/settlement", #"{"payment":"cheque"}"#, 400, "payment"),
            (.post, base + "/settlement", #"{"payment":"cash"}"#, 409, nil),
            (.post, base + "/delivery", #"{}"#, 409, nil),
        ]
        try await f.app.test(.router) { client in
            for (method, uri, body, status, field) in cases {
                try await client.execute(
                    uri: uri, method: method, headers: f.headers(.admin), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(
                        response.status.code == status,
                        "\(method) \(uri) \(body ?? ""): \(String(buffer: response.body))")
                    let problem = try Self.json(response)
                    if let field { #expect(problem["field"] as? String == field, "\(uri) \(body ?? "")") }
                }
            }
            try await client.execute(
                uri: base + "/approvals", method: .post, headers: f.headers(.serviceAdvisor, language: "zh"),
                body: ByteBuffer(string: #"{"via":"phone"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let detail = try Self.json(response)["detail"] as? String ?? ""
                #expect(detail.contains("必填：代表客户答复的人"), "\(detail)")
            }
        }
        #expect(try Binaries.dump(f.path) == before)
    }
}
