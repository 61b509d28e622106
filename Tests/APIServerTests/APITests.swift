import Core
import Customers
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("HTTP API (in process)")
struct APITests {
    struct Fixture {
        let db: AppDatabase
        let admin: String
        let advisor: String
        let agent: String
        let technician: String
        let app: Application<RouterResponder<APIRequestContext>>

        init() throws {
            db = try memoryDatabase()
            admin = try db.createToken(name: "管理员", role: .admin, actor: "setup").secret
            advisor = try db.createToken(name: "前台-王丽", role: .serviceAdvisor, actor: "setup").secret
            agent = try db.createToken(name: "客服-李娜", role: .csAgent, actor: "setup").secret
            technician = try db.createToken(name: "技师-赵", role: .technician, actor: "setup").secret
            app = Application(router: buildRouter(database: db))
        }
    }

    static func headers(_ token: String?) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json"]
        if let token { fields[.authorization] = "Bearer \(token)" }
        return fields
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    @Test("/health needs no token; every /v1 route needs one (401 problem+json with WWW-Authenticate)")
    func authentication() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/customers", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                let problem = try Self.json(response)
                #expect(problem["status"] as? Int == 401)
            }
            try await client.execute(uri: "/v1/customers", method: .get, headers: Self.headers("as_wrong")) {
                #expect($0.status == .unauthorized)
            }
            try f.db.revokeToken(name: "客服-李娜", actor: "admin")
            try await client.execute(uri: "/v1/customers", method: .get, headers: Self.headers(f.agent)) {
                #expect($0.status == .unauthorized)
            }
        }
    }

    @Test(
        "The role decides: a technician may read but not write; only some roles read the audit log or change settings")
    func roles() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/v1/customers", method: .get, headers: Self.headers(f.technician)) {
                #expect($0.status == .ok)
            }
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: Self.headers(f.technician),
                body: ByteBuffer(string: #"{"name":"王芳"}"#)
            ) { response in
                #expect(response.status == .forbidden)
                let problem = try Self.json(response)
                #expect((problem["detail"] as? String)?.contains("customers.write") == true)
            }
            try await client.execute(uri: "/v1/audit", method: .get, headers: Self.headers(f.advisor)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/v1/audit", method: .get, headers: Self.headers(f.admin)) {
                #expect($0.status == .ok)
            }
            try await client.execute(
                uri: "/v1/settings/care.first-call.days", method: .put, headers: Self.headers(f.advisor),
                body: ByteBuffer(string: #"{"value":"5"}"#)
            ) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(
                uri: "/v1/settings/care.first-call.days", method: .put, headers: Self.headers(f.admin),
                body: ByteBuffer(string: #"{"value":"5"}"#)
            ) {
                #expect($0.status == .ok)
            }
        }
        #expect(try f.db.settings().integer(.firstCallDays) == 5)
    }

    @Test("Create, read, search, move and log a contact; the audit actor is the token's name")
    func customerLifecycle() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            let body =
                #"{"name":"王芳","class":"intention","reason":"试驾","phones":["13800138000"],"address":"北京市朝阳区建国路88号"}"#
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: Self.headers(f.advisor), body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .created)
                let customer = try Self.json(response)["customer"] as! [String: Any]
                #expect(customer["name"] as? String == "王芳")
                #expect(customer["address"] as? String == "北京市朝阳区建国路88号")
            }
            try await client.execute(
                uri: "/v1/customers/search?q=%E7%8E%8B", method: .get, headers: Self.headers(f.agent)
            ) { response in
                #expect(String(buffer: response.body).contains("王芳"))
            }
            let vehicle =
                #"{"customerId":1,"vin":"LFV2A21K3N3000123","make":"Volkswagen","model":"Sagitar","usage":"private","deliveredAt":"2026-11-20 10:30"}"#
            try await client.execute(
                uri: "/v1/vehicles", method: .post, headers: Self.headers(f.advisor), body: ByteBuffer(string: vehicle)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/v1/customers/1/move", method: .post, headers: Self.headers(f.agent),
                body: ByteBuffer(string: #"{"to":"retained","reason":"购车"}"#)
            ) { response in
                #expect(response.status == .ok)
                let card = try Self.json(response)
                #expect((card["openTasks"] as? [Any])?.count == 4)
            }
            try await client.execute(
                uri: "/v1/customers/1/contacts", method: .post, headers: Self.headers(f.agent),
                body: ByteBuffer(string: #"{"channel":"phone","outcome":"booked","note":"首保已预约"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/v1/vehicles/lfv2a21k3n3000123", method: .get, headers: Self.headers(f.agent)
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("\"deliveryUsage\":\"private\""))
            }
        }
        let audit = try f.db.auditEntries(AuditFilter(entity: "customer", entityID: "1"))
        #expect(audit.map(\.actor) == ["客服-李娜", "前台-王丽"])
    }

    @Test("Bad input is a 4xx problem naming the field, and changes nothing")
    func badInput() async throws {
        let f = try Fixture()
        _ = try f.db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: f.db.now), phones: ["13800138000"],
                reason: "x"), actor: "t")
        let before = try f.db.auditEntries(AuditFilter(limit: 1000)).count
        let cases: [(String, HTTPRequest.Method, String?, HTTPResponse.Status, String?)] = [
            ("/v1/customers", .post, #"{"name":"李强","phones":["12345"]}"#, .badRequest, "phone"),
            ("/v1/customers", .post, #"{"name":"李强","phones":["13800138000"]}"#, .conflict, "phone"),
            ("/v1/customers", .post, #"{"name":"李强","birthDate":1990}"#, .badRequest, "birthDate"),
            ("/v1/customers", .post, #"{"phones":[]}"#, .badRequest, "name"),
            ("/v1/customers", .post, #"{"name": "#, .badRequest, nil),
            ("/v1/customers", .post, nil, .badRequest, nil),
            ("/v1/customers/1/move", .post, #"{"to":"potential","reason":"x"}"#, .conflict, "class"),
            ("/v1/customers/abc", .get, nil, .badRequest, "id"),
            ("/v1/customers/42", .get, nil, .notFound, "id"),
            ("/v1/customers?limit=0", .get, nil, .badRequest, "limit"),
            ("/v1/customers/search", .get, nil, .badRequest, "q"),
            ("/v1/vehicles/NOTAVIN", .get, nil, .badRequest, "vin"),
            (
                "/v1/vehicles", .post,
                #"{"customerId":1,"vin":"LFV2A21K3N3000123","make":"VW","model":"Golf","usage":"rental"}"#, .badRequest,
                "usage"
            ),
            ("/v1/tasks/due?asOf=soon", .get, nil, .badRequest, "asOf"),
        ]
        try await f.app.test(.router) { client in
            for (uri, method, body, status, field) in cases {
                try await client.execute(
                    uri: uri, method: method, headers: Self.headers(f.admin), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(method) \(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(method) \(uri)")
                    let problem = try Self.json(response)
                    #expect(problem["field"] as? String == field, "\(method) \(uri): \(problem)")
                    #expect((problem["detail"] as? String)?.isEmpty == false)
                }
            }
        }
        #expect(try f.db.auditEntries(AuditFilter(limit: 1000)).count == before)
        #expect(try f.db.listCustomers().total == 1)
    }

    @Test("Lists are paginated with limit and offset and report the total")
    func pagination() async throws {
        let f = try Fixture()
        for i in 1...7 {
            _ = try f.db.addCustomer(
                NewCustomer(
                    customer: Customer(name: "客户\(i)", customerClass: .potential, createdAt: f.db.now), phones: []),
                actor: "t")
        }
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/customers?limit=3&offset=3", method: .get, headers: Self.headers(f.agent)
            ) { response in
                let page = try Self.json(response)
                #expect(page["total"] as? Int == 7)
                #expect((page["items"] as? [[String: Any]])?.map { $0["name"] as! String } == ["客户4", "客户5", "客户6"])
            }
        }
    }

    @Test(
        "Lists page the same way and say when there is more; a query parameter the spec does not name is a 400 naming it"
    )
    func pagingAndUnknownParameters() async throws {
        let f = try Fixture()
        for name in ["王芳", "王小明", "王强"] {
            _ = try f.db.addCustomer(
                NewCustomer(
                    customer: Customer(name: name, customerClass: .potential, createdAt: Date()), phones: [],
                    reason: nil),
                actor: "t")
        }
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/customers/search?q=%E7%8E%8B&limit=2", method: .get, headers: Self.headers(f.agent)
            ) { response in
                #expect(response.status == .ok)
                let page = try Self.json(response)
                #expect((page["items"] as? [Any])?.count == 2)
                #expect(page["total"] as? Int == 3 && page["more"] as? Bool == true)
            }
            try await client.execute(
                uri: "/v1/customers/search?q=%E7%8E%8B&limit=2&offset=2", method: .get, headers: Self.headers(f.agent)
            ) { response in
                let page = try Self.json(response)
                #expect((page["items"] as? [Any])?.count == 1 && page["more"] as? Bool == false)
            }
            for uri in ["/v1/claims?limit=1", "/v1/bulletins?limit=1&offset=0"] {
                try await client.execute(uri: uri, method: .get, headers: Self.headers(f.agent)) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let page = try Self.json(response)
                    #expect(
                        page["limit"] as? Int == 1 && page["total"] as? Int == 0 && page["more"] as? Bool == false,
                        "\(uri): \(page)")
                }
            }
            for (uri, field, takes) in [
                ("/v1/claims?open=yes", "open", "limit, offset, status"),
                ("/v1/customers?limt=5", "limt", "class, limit"),
                ("/v1/settings?x=1", "x", "no query parameters"), ("/v1/claims?limit=0", "limit", "1 to 1000"),
            ] {
                try await client.execute(uri: uri, method: .get, headers: Self.headers(f.admin)) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let problem = try Self.json(response)
                    #expect(problem["field"] as? String == field, "\(uri): \(problem)")
                    #expect((problem["detail"] as? String)?.contains(takes) == true, "\(uri): \(problem)")
                }
            }
        }
    }

    @Test(
        "An access log line per request names the route, status, duration and token name, never the token; CORS for set origins only"
    )
    func accessLogAndCORS() async throws {
        final class Lines: @unchecked Sendable {
            let lock = NSLock()
            var all: [String] = []
            func add(_ line: String) { lock.withLock { all.append(line) } }
        }
        let f = try Fixture()
        let lines = Lines()
        let app = Application(
            router: buildRouter(database: f.db, corsOrigins: ["https://crm.dealer.cn"], accessLog: lines.add))
        let card = try f.db.addCustomer(
            NewCustomer(customer: Customer(name: "王芳", customerClass: .potential, createdAt: Date()), phones: []),
            actor: "t")
        try await app.test(.router) { client in
            var headers = Self.headers(f.agent)
            headers[.origin] = "https://crm.dealer.cn"
            try await client.execute(uri: "/v1/customers/\(card.customer.id!)", method: .get, headers: headers) {
                response in
                #expect(response.status == .ok)
                #expect(response.headers[.accessControlAllowOrigin] == "https://crm.dealer.cn")
            }
            headers[.origin] = "https://evil.example"
            try await client.execute(uri: "/v1/customers", method: .get, headers: headers) { response in
                #expect(response.headers[.accessControlAllowOrigin] == nil)
            }
            let preflight: HTTPFields = [.origin: "https://crm.dealer.cn", .accessControlRequestMethod: "POST"]
            try await client.execute(uri: "/v1/customers", method: .options, headers: preflight) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.accessControlAllowMethods]?.contains("POST") == true)
                #expect(response.headers[.accessControlAllowHeaders]?.contains("Authorization") == true)
            }
            try await client.execute(uri: "/v1/customers", method: .get) { #expect($0.status == .unauthorized) }
        }
        let logged = lines.lock.withLock { lines.all }
        #expect(logged.count == 4, "\(logged)")
        let read = try #require(logged.first)
        #expect(
            read.contains("GET /v1/customers/") && !read.contains("/v1/customers/\(card.customer.id!)"),
            "the route, not the id: \(read)")
        #expect(read.contains(" 200 ") && read.contains("ms 客服-李娜"), "\(read)")
        #expect(logged.last?.contains(" 401 ") == true && logged.last?.hasSuffix(" -") == true)
        #expect(!logged.joined().contains(f.agent), "the token itself is never logged")
    }

    @Test("A write that cannot get the database from another program answers 503 with Retry-After, never SQLite's text")
    func busyDatabase() async throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("dealer.sqlite")
        let first = try AppDatabase.open(path: path, create: true)
        _ = try first.setSetting("database.busy-seconds", to: "1", actor: "t")
        let token = try first.createToken(name: "客服-李娜", role: .csAgent, actor: "t").secret
        let db = try AppDatabase.open(path: path)
        let app = Application(router: buildRouter(database: db))
        let holder = try WriteLockHolder(database: path)
        defer { holder.release() }
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: Self.headers(token),
                body: ByteBuffer(string: #"{"name":"王芳"}"#)
            ) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.headers[.retryAfter] == "5")
                let problem = try Self.json(response)
                #expect((problem["detail"] as? String)?.contains("the database is busy") == true)
                #expect(!String(buffer: response.body).contains("locked"))
            }
            try await client.execute(uri: "/v1/customers?limit=1", method: .get, headers: Self.headers(token)) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test(
        "A control character in a JSON text is refused with a 400, never stored cut short while the audit keeps it whole"
    )
    func controlCharacters() async throws {
        let f = try Fixture()
        let before = try f.db.listCustomers().total
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: Self.headers(f.agent),
                body: ByteBuffer(string: #"{"name":"王\u0000芳"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try Self.json(response)
                #expect((problem["detail"] as? String)?.contains("U+0000") == true)
            }
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: Self.headers(f.agent),
                body: ByteBuffer(string: #"{"name":"王芳","note":"第一行\n第二行\t制表"}"#)
            ) { #expect($0.status == .created) }
        }
        #expect(try f.db.listCustomers().total == before + 1)
    }

    @Test(
        "A misspelt or unknown JSON key is a 400 naming it, never silently ignored; null for an optional field is fine")
    func unknownKeys() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            for (body, field) in [
                (#"{"nmae":"王芳"}"#, "nmae"), (#"{"name":"王芳","adress":"北京"}"#, "adress"),
                (#"{"name":"王芳","phones":["13800138000"],"vip":true}"#, "vip"),
            ] {
                try await client.execute(
                    uri: "/v1/customers", method: .post, headers: Self.headers(f.agent), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    let problem = try Self.json(response)
                    #expect(problem["field"] as? String == field, "\(problem)")
                }
            }
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: Self.headers(f.agent),
                body: ByteBuffer(string: #"{"name":"王芳","email":null,"class":"potential"}"#)
            ) { #expect($0.status == .created) }
        }
        #expect(try f.db.listCustomers().total == 1)
    }

    @Test("The query parameters each operation accepts are read from the OpenAPI spec, $refs included")
    func documentedQuery() {
        let query = DocumentedQuery.parameters(in: String(decoding: openAPIDocument, as: UTF8.self))
        #expect(query["GET /v1/claims"] == ["status", "limit", "offset"])
        #expect(query["GET /v1/customers"] == ["class", "owner", "limit", "offset"])
        #expect(query["GET /v1/vehicles/{vin}/warranty"] == ["on", "mileage", "component", "part"])
        #expect(query["POST /v1/campaigns/{name}/run"] == ["dryRun"])
        #expect(query["POST /v1/customers"] == [])
    }

    @Test("Every route the server registers is described in Docs/openapi.yaml, and /openapi.yaml serves it")
    func openAPICoversEveryRoute() async throws {
        let registry = RouteRegistry()
        _ = buildRouter(database: try memoryDatabase(), registry: registry)
        let spec = String(decoding: openAPIDocument, as: UTF8.self)
        var documented: Set<String> = []
        var currentPath: String?
        var inPaths = false
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "paths:" {
                inPaths = true
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                currentPath = String(line.dropFirst(2).dropLast())
            } else if let path = currentPath,
                let method = ["get", "post", "put", "patch", "delete"].first(where: { line == "    \($0):" })
            {
                documented.insert("\(method.uppercased()) \(path)")
            }
        }
        let registered = Set(registry.routes.map(\.description))
        #expect(registered.count >= 20)
        #expect(
            registered.subtracting(documented).isEmpty,
            "missing from Docs/openapi.yaml: \(registered.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(registered).isEmpty,
            "documented but not served: \(documented.subtracting(registered).sorted())")
        let onDisk = try String(
            contentsOfFile: URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                "../../Docs/openapi.yaml"
            ).path, encoding: .utf8)
        #expect(onDisk == spec)
        let app = Application(router: buildRouter(database: try memoryDatabase()))
        try await app.test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).hasPrefix("openapi: 3.1.0"))
            }
        }
    }
}

@Suite("HTTP API: warranty (in process)")
struct WarrantyAPITests {
    @Test("GET /v1/vehicles/{vin}/warranty explains itself; a cs-agent may read but not act on claims")
    func warranty() async throws {
        let f = try APITests.Fixture()
        let warrantyAdmin = try f.db.createToken(name: "索赔员-周", role: .warrantyAdmin, actor: "setup").secret
        let id = try f.db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: f.db.now), phones: [], reason: "x"),
            actor: "t"
        ).customer.id!
        _ = try f.db.addVehicle(
            Vehicle(
                customerID: id, vin: VIN(trusted: "LFV2A21K3N3000123"), make: "Volkswagen", model: "Sagitar",
                usage: .private,
                deliveredAt: instant("2024-05-10T10:00:00+08:00"), createdAt: f.db.now), actor: "t")
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/vehicles/LFV2A21K3N3000123/warranty?mileage=61200&on=2026-11-23", method: .get,
                headers: APITests.headers(f.agent)
            ) { response in
                #expect(response.status == .ok)
                let body = try APITests.json(response)
                let decision = body["decision"] as! [String: Any]
                #expect(decision["covered"] as? Bool == false)
                #expect((decision["summary"] as? String)?.contains("over by 1,200") == true)
            }
            try await client.execute(
                uri: "/v1/vehicles/LFV2A21K3N3000123/warranty?on=2020-01-01", method: .get,
                headers: APITests.headers(f.agent)
            ) { response in
                #expect(response.status == .conflict)
                let problem = try APITests.json(response)
                #expect(problem["field"] as? String == "on")
            }
            try await client.execute(
                uri: "/v1/vehicles/LFV2A21K5N3000124/warranty", method: .get, headers: APITests.headers(f.agent)
            ) { #expect($0.status == .notFound) }
            let claim =
                #"{"vin":"LFV2A21K3N3000123","mileage":30000,"failure":"异响","cause":"磨损","labour":["47 11 19 00:1.2"]}"#
            try await client.execute(
                uri: "/v1/claims", method: .post, headers: APITests.headers(f.agent), body: ByteBuffer(string: claim)
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/v1/claims", method: .post, headers: APITests.headers(warrantyAdmin),
                body: ByteBuffer(string: claim)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/claims/1/submit", method: .post, headers: APITests.headers(f.agent)) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/v1/claims/1/pay", method: .post, headers: APITests.headers(warrantyAdmin)) {
                response in
                #expect(response.status == .conflict)
                let problem = try APITests.json(response)
                #expect((problem["detail"] as? String)?.contains("allowed: submit") == true)
            }
            try await client.execute(
                uri: "/v1/claims/1/submit", method: .post, headers: APITests.headers(warrantyAdmin)
            ) { #expect($0.status == .ok) }
        }
        #expect(try f.db.claimRecord(1).events.last?.actor == "索赔员-周")
    }
}
