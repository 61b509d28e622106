import Core
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

/// Issue 19 item 6: the server holds to what Docs/openapi.yaml says, down to empty query values and methods.
@Suite("API contract: query values and methods (in process)")
struct HTTPContractAPITests {
    @Test("An empty query value is a 400 naming the parameter, never a silent default")
    func emptyQueryValues() async throws {
        let f = try InputConventionAPITests.Fixture()
        let cases = [
            ("/v1/tasks/due?asOf=", "asOf"), ("/v1/claims?status=", "status"), ("/v1/customers?limit=", "limit"),
            ("/v1/customers/search?q=", "q"), ("/v1/complaints?open=&owner=x", "open"),
            ("/v1/campaigns/x/run?dryRun=", "dryRun"),
        ]
        try await f.app.test(.router) { client in
            for (uri, field) in cases {
                let method: HTTPRequest.Method = uri.contains("/run") ? .post : .get
                try await client.execute(uri: uri, method: method, headers: f.headers) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let problem = try InputConventionAPITests.json(response)
                    #expect(problem["field"] as? String == field, "\(uri): \(problem)")
                    #expect((problem["detail"] as? String)?.contains("has no value") == true, "\(uri): \(problem)")
                }
            }
            try await client.execute(uri: "/v1/claims?status=draft", method: .get, headers: f.headers) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("A boolean query parameter is true or false: anything else is a 400, not a silent false")
    func booleanQueryValues() async throws {
        let f = try InputConventionAPITests.Fixture()
        try await f.app.test(.router) { client in
            for uri in ["/v1/complaints?open=yes", "/v1/complaints?crisis=1", "/v1/bulletins/X/affected?open=TRUE"] {
                try await client.execute(uri: uri, method: .get, headers: f.headers) { response in
                    #expect(response.status == .badRequest, "\(uri)")
                    let problem = try InputConventionAPITests.json(response)
                    #expect((problem["detail"] as? String)?.contains("expected true or false") == true, "\(uri)")
                }
            }
            try await client.execute(uri: "/v1/complaints?open=true&crisis=false", method: .get, headers: f.headers) {
                #expect($0.status == .ok)
            }
        }
    }

    @Test("A method a known path does not serve is a 405 with Allow, token or not; OPTIONS answers Allow")
    func methodNotAllowed() async throws {
        let f = try InputConventionAPITests.Fixture()
        let cases: [(String, HTTPRequest.Method, String)] = [
            ("/v1/customers", .init("TRACE")!, "GET, POST"), ("/v1/customers/1", .delete, "GET, PATCH"),
            ("/v1/customers/search", .post, "GET"), ("/v1/segments/preview", .get, "POST"),
            ("/v1/complaints/7/attachments/2", .put, "GET"), ("/health", .post, "GET"),
            ("/v1/claims/3/submit", .get, "POST"),
        ]
        try await f.app.test(.router) { client in
            for (uri, method, allow) in cases {
                for headers in [f.headers, [:]] {
                    try await client.execute(uri: uri, method: method, headers: headers) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                        #expect(response.headers[.allow] == allow, "\(method) \(uri)")
                        #expect(response.headers[.contentType] == "application/problem+json")
                        let problem = try InputConventionAPITests.json(response)
                        #expect(problem["status"] as? Int == 405)
                    }
                }
            }
            try await client.execute(uri: "/v1/customers/1", method: .options) { response in
                #expect(response.status == .noContent)
                #expect(response.headers[.allow] == "GET, PATCH")
            }
            for uri in ["/v1/nothing", "/v1/customers/1/nothing", "/nothing"] {
                try await client.execute(uri: uri, method: .init("TRACE")!, headers: f.headers) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    #expect(response.headers[.allow] == nil)
                }
            }
        }
    }

    @Test("W-6: a bulletin whose VIN range runs backwards is a 400 naming vinRange, and the server keeps answering")
    func backwardsVINRange() async throws {
        let f = try InputConventionAPITests.Fixture()
        let bulletin = """
            {"manufacturer":"FAW-Volkswagen","number":"RC-2026-099","kind":"recall","revision":1,"issued":"2026-10-12",\
            "status":"active","title":"t","component":"c","summary":"s","remedy":"r","models":[],"built":[],\
            "vinRanges":[{"from":"LFV2A21K0N3099999","to":"LFV2A21K0N3000001"}],"vins":[],"labour":[],"parts":[]}
            """
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/bulletins", method: .post, headers: f.headers, body: ByteBuffer(string: bulletin)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try InputConventionAPITests.json(response)
                #expect(problem["field"] as? String == "vinRange", "\(problem)")
            }
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
        }
        #expect(try f.db.listBulletins().total == 0)
    }
}
