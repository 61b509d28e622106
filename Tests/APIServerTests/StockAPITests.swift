import Catalog
import Core
import Foundation
import Hummingbird
import Stock
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("Parts stock over HTTP (in process)")
struct StockAPITests {
    struct Fixture {
        let db: AppDatabase
        let tokens: [Role: String]
        let app: Application<RouterResponder<APIRequestContext>>

        init() throws {
            db = try memoryDatabase(now: "2026-12-06T10:00:00+08:00")
            tokens = try roleTokens(db)
            try db.withManufacturerBatch(actor: "setup", source: "test") { batch in
                _ = try batch.store(
                    CatalogPart(number: "5Q0 611 701 C", name: "前制动软管", price: Money(fen: 12_850), currency: "CNY"),
                    effective: LocalDate("2026-11-01")!)
                return (true, ())
            }
            app = Application(router: buildRouter(database: db))
        }

        func headers(_ role: Role, language: String? = nil) -> HTTPFields {
            var fields: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(tokens[role]!)"]
            if let language { fields[.acceptLanguage] = language }
            return fields
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    @Test("Roles: the parts manager, service manager and admin move stock; advisors and foremen read; others neither")
    func roles() async throws {
        let f = try Fixture()
        let receipt = #"{"part":"5Q0 611 701 C","quantity":4,"supplierRef":"DN-1"}"#
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                let write = [Role.partsManager, .serviceManager, .admin].contains(role)
                let read = write || [.serviceAdvisor, .shopForeman].contains(role)
                try await client.execute(
                    uri: "/v1/stock/receipts", method: .post, headers: f.headers(role),
                    body: ByteBuffer(string: receipt)
                ) { response in
                    #expect(response.status == (write ? .created : .forbidden), "\(role)")
                }
                try await client.execute(
                    uri: "/v1/stock/parts/5Q0%20611%20701%20C", method: .get, headers: f.headers(role)
                ) { response in
                    #expect(response.status == (read ? .ok : .forbidden), "\(role)")
                }
                try await client.execute(uri: "/v1/stock", method: .get, headers: f.headers(role)) { response in
                    #expect(response.status == (read ? .ok : .forbidden), "\(role)")
                }
            }
        }
        #expect(try f.db.partStock(PartNumber("5Q0 611 701 C")!).onHand == 12)
    }

    @Test("An issue beyond the count is a 409 naming the part, the count and the quantity; with recordShortage a 201")
    func shortfall() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            let issue = #"{"part":"5q0611701c","quantity":3,"order":"WO-1","line":2}"#
            try await client.execute(
                uri: "/v1/stock/issues", method: .post, headers: f.headers(.partsManager),
                body: ByteBuffer(string: issue)
            ) { response in
                #expect(response.status == .conflict)
                let body = try Self.json(response)
                #expect(body["field"] as? String == "quantity")
                #expect((body["detail"] as? String)?.contains("part 5Q0 611 701 C: 0 on hand, 3 asked") == true)
            }
            try await client.execute(
                uri: "/v1/stock/issues", method: .post, headers: f.headers(.partsManager, language: "zh-CN"),
                body: ByteBuffer(string: issue)
            ) { response in
                let body = try Self.json(response)
                #expect((body["detail"] as? String)?.contains("零件 5Q0 611 701 C：库存 0 件") == true, "\(body)")
            }
            let short = #"{"part":"5Q0 611 701 C","quantity":3,"order":"WO-1","line":2,"recordShortage":true}"#
            try await client.execute(
                uri: "/v1/stock/issues", method: .post, headers: f.headers(.serviceManager),
                body: ByteBuffer(string: short)
            ) { response in
                #expect(response.status == .created)
                let body = try Self.json(response)
                #expect((body["shortage"] as? [String: Any])?["missing"] as? Int == 3)
                #expect(body["movement"] == nil)
            }
            try await client.execute(
                uri: "/v1/stock/shortages?order=WO-1", method: .get, headers: f.headers(.serviceAdvisor)
            ) { response in
                let body = try Self.json(response)
                #expect(body["total"] as? Int == 1)
            }
        }
    }

    @Test("Bad input is a 400 naming the field, an unknown part a 404; nothing is written")
    func badInput() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            for (uri, body, status, field) in [
                ("/v1/stock/receipts", #"{"part":"5Q0_611","quantity":1,"supplierRef":"x"}"#, 400, "part"),
                ("/v1/stock/receipts", #"{"part":"5Q0 611 701 C","quantity":0,"supplierRef":"x"}"#, 400, "quantity"),
                ("/v1/stock/receipts", #"{"part":"5Q0 611 701 C","quantity":1}"#, 400, "supplierRef"),
                (
                    "/v1/stock/receipts", #"{"part":"5Q0 611 701 C","quantity":1,"supplierRef":"x","order":"a"}"#, 400,
                    "order"
                ),
                ("/v1/stock/receipts", #"{"part":"1K0 000 000","quantity":1,"supplierRef":"x"}"#, 404, "part"),
                (
                    "/v1/stock/returns", #"{"part":"5Q0 611 701 C","quantity":1,"order":"WO-1","line":1}"#, 409,
                    "quantity"
                ),
                ("/v1/stock/adjustments", #"{"part":"5Q0 611 701 C","counted":-1,"reason":"x"}"#, 400, "counted"),
            ] {
                try await client.execute(
                    uri: uri, method: .post, headers: f.headers(.partsManager), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status.code == status, "\(body)")
                    let problem = try Self.json(response)
                    #expect(problem["field"] as? String == field, "\(body)")
                }
            }
            try await client.execute(
                uri: "/v1/stock/parts/1K0%20000%20000", method: .get, headers: f.headers(.partsManager)
            ) { response in
                #expect(response.status == .notFound)
            }
        }
        #expect(try f.db.listStock(StockFilter()).total == 0)
    }
}
