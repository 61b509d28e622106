import Core
import Foundation
import GRDB
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("Workshop capacity over HTTP (in process)")
struct CapacityAPITests {
    /// A technician and an advisor on the staff list, the 5,000 km maintenance in the catalogue, no capacity yet.
    static func fixture() throws -> WorkshopFixture {
        try WorkshopFixture(now: "2026-12-07T10:00:00+08:00") { db in
            _ = try db.addStaff(name: "刘强", role: .technician, actor: "setup")
            _ = try db.addStaff(name: "王丽", role: .serviceAdvisor, actor: "setup")
            try WorkshopFixture.addOperation(db, "01 10 00 00", centihours: 80, "常规保养")
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    /// The rows of every capacity table and of the audit log.
    static func counts(_ db: AppDatabase) throws -> [Int] {
        try db.writer.read { db in
            try [
                "bay", "technician", "technician_shift", "technician_leave", "service_advisor", "advisor_shift",
                "operation_skill", "audit_log",
            ].map { try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0 }
        }
    }

    @Test("Roles: the service manager, shop foreman and admin change capacity; every role reads it")
    func roles() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            for (index, role) in Role.allCases.enumerated() {
                let manage = [Role.serviceManager, .shopForeman, .admin].contains(role)
                try await client.execute(
                    uri: "/v1/capacity/bays/B\(index)", method: .put, headers: f.headers(role),
                    body: ByteBuffer(string: #"{"kind":"general"}"#)
                ) { response in
                    #expect(response.status == (manage ? .ok : .forbidden), "\(role)")
                }
                try await client.execute(
                    uri: "/v1/capacity/operations/01%2010%2000%2000", method: .put, headers: f.headers(role),
                    body: ByteBuffer(string: #"{"skill":"quick-service"}"#)
                ) { response in
                    #expect(response.status == (manage ? .ok : .forbidden), "\(role)")
                }
                // Every staff role reads it; the welcome board's token reads nothing under /v1.
                try await client.execute(uri: "/v1/capacity", method: .get, headers: f.headers(role)) { response in
                    #expect(response.status == (role == .board ? .forbidden : .ok), "\(role)")
                }
            }
        }
    }

    @Test("A technician, leave and an advisor are set over HTTP; GET shows them and who works on a day")
    func setAndShow() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            let technician =
                #"{"skills":["general","electrical"],"shifts":{"monday":"08:30-17:30","tuesday":"08:30-17:30"}}"#
            try await client.execute(
                uri: "/v1/capacity/technicians/%E5%88%98%E5%BC%BA", method: .put, headers: f.headers(.shopForeman),
                body: ByteBuffer(string: technician)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["skills"] as? [String] == ["general", "electrical"])
            }
            var leaveID = 0
            try await client.execute(
                uri: "/v1/capacity/technicians/%E5%88%98%E5%BC%BA/leave", method: .post, headers: f.headers(.admin),
                body: ByteBuffer(string: #"{"from":"2026-12-08","to":"2026-12-08","reason":"培训"}"#)
            ) { response in
                #expect(response.status == .created)
                leaveID = try Self.json(response)["id"] as? Int ?? 0
            }
            try await client.execute(
                uri: "/v1/capacity/advisors/%E7%8E%8B%E4%B8%BD", method: .put, headers: f.headers(.serviceManager),
                body: ByteBuffer(string: #"{"arrivalsPerQuarterHour":3}"#)
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/capacity?day=2026-12-08", method: .get, headers: f.headers(.technician))
            {
                response in
                let body = try Self.json(response)
                let day = body["day"] as? [String: Any]
                #expect((day?["technicians"] as? [[String: Any]])?.first?["hours"] == nil)
                #expect((day?["advisors"] as? [[String: Any]])?.first?["hours"] as? String == "08:30-20:00")
                #expect((body["advisors"] as? [[String: Any]])?.first?["arrivalsPerQuarterHour"] as? Int == 3)
            }
            try await client.execute(
                uri: "/v1/capacity/technicians/%E5%88%98%E5%BC%BA/leave/\(leaveID)", method: .delete,
                headers: f.headers(.admin)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect((body["leave"] as? [Any])?.isEmpty == true)
            }
        }
    }

    @Test("400 naming the field, 404 for what does not exist, 409 for a rule; nothing written; Chinese when asked")
    func refusals() async throws {
        let f = try Self.fixture()
        let before = try Self.counts(f.db)
        let liu = "/v1/capacity/technicians/%E5%88%98%E5%BC%BA"
        let cases: [(String, HTTPRequest.Method, String, HTTPResponse.Status, String)] = [
            ("/v1/capacity/bays/B01", .put, #"{"kind":"spaceship"}"#, .badRequest, "kind"),
            ("/v1/capacity/bays/B01", .put, #"{}"#, .badRequest, "kind"),
            (liu, .put, #"{"skills":[],"shifts":{}}"#, .badRequest, "skills"),
            (liu, .put, #"{"skills":["general"],"shifts":{"monday":"17:30-08:30"}}"#, .badRequest, "shifts"),
            (liu, .put, #"{"skills":["general"],"shifts":{"mon":"08:30-17:30"}}"#, .badRequest, "shifts"),
            (liu, .put, #"{"skills":["general"],"shifts":{"monday":"07:00-17:30"}}"#, .conflict, "shifts"),
            (
                "/v1/capacity/technicians/%E7%8E%8B%E4%B8%BD", .put, #"{"skills":["general"],"shifts":{}}"#,
                .conflict, "name"
            ),
            (liu + "/leave", .post, #"{"from":"2026-12-08","to":"2026-12-08"}"#, .notFound, ""),
            (
                "/v1/capacity/advisors/%E7%8E%8B%E4%B8%BD", .put, #"{"arrivalsPerQuarterHour":0}"#, .badRequest,
                "arrivalsPerQuarterHour"
            ),
            ("/v1/capacity/operations/99%2099", .put, #"{"skill":"body"}"#, .notFound, ""),
        ]
        try await f.app.test(.router) { client in
            for (uri, method, body, status, field) in cases {
                try await client.execute(
                    uri: uri, method: method, headers: f.headers(.admin), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(uri) \(body)")
                    if !field.isEmpty {
                        let problem = try Self.json(response)
                        #expect(problem["field"] as? String == field, "\(uri) \(body)")
                    }
                }
            }
            try await client.execute(
                uri: liu, method: .put, headers: f.headers(.admin, language: "zh-CN"),
                body: ByteBuffer(string: #"{"skills":["general"],"shifts":{"monday":"07:00-17:30"}}"#)
            ) { response in
                let detail = try Self.json(response)["detail"] as? String ?? ""
                #expect(detail.contains("超出门店营业时间"), "\(detail)")
            }
            try await client.execute(uri: "/v1/capacity?day=2026-13-01", method: .get, headers: f.headers(.admin)) {
                response in
                #expect(response.status == .badRequest)
            }
        }
        #expect(try Self.counts(f.db) == before)
    }
}
