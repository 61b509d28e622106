import Core
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("HTTP API: the welcome board (issue 18)")
struct BoardAPITests {
    /// The welcome board's day (`BoardFixture`) served over HTTP with a token for every role.
    struct Fixture {
        let board: BoardFixture
        let api: WorkshopFixture
        var tokens: [Role: String] { api.tokens }
        var app: Application<RouterResponder<APIRequestContext>> { api.app }

        init() throws {
            board = try BoardFixture()
            api = try WorkshopFixture(database: board.db)
        }
    }

    @Test("Roles: the board token opens /board (in the query or the header) and no /v1 route; staff tokens open it")
    func roles() async throws {
        let f = try Fixture()
        let token = f.tokens[.board]!
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/board?token=\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(String(buffer: response.body).contains("<h1>欢迎光临"))
            }
            try await client.execute(
                uri: "/board", method: .get, headers: [.authorization: "Bearer \(token)"]
            ) { response in
                #expect(response.status == .ok)
            }
            for uri in ["/v1/customers", "/v1/work-orders", "/v1/complaints", "/v1/stock", "/v1/staff"] {
                try await client.execute(
                    uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"]
                ) { response in
                    #expect(response.status == .forbidden, "\(uri)")
                }
            }
            for role in Role.allCases {
                #expect(role.may(.viewBoard), "\(role)")
                #expect(role == .board || Permission.allCases.contains { $0 != .viewBoard && role.may($0) })
                try await client.execute(
                    uri: "/board", method: .get, headers: [.authorization: "Bearer \(f.tokens[role]!)"]
                ) { response in
                    #expect(response.status == .ok, "\(role)")
                }
            }
            #expect(Permission.allCases.filter { Role.board.may($0) } == [.viewBoard])
        }
    }

    @Test("No token, an unknown or revoked one: 401 in the reader's language; an unknown parameter: 400")
    func refused() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/board", method: .get, headers: [.acceptLanguage: "zh-CN"]) {
                response in
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body).contains("看板需要令牌"))
            }
            try await client.execute(uri: "/board?token=as_nonsense", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/board?token=", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/board?token=\(f.tokens[.board]!)&day=2026-12-08", method: .get) {
                response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("\"field\":\"day\""))
            }
            try f.board.db.revokeToken(name: "token-board", actor: "admin")
            try await client.execute(uri: "/board?token=\(f.tokens[.board]!)", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("The poll answer follows the repair order: read again after check-in, the row says arrived")
    func refresh() async throws {
        let f = try Fixture()
        let visit = try f.board.book("王建国", gender: .male, plate: "京A·12345", at: "2026-12-08 09:00")
        let uri = "/board?token=\(f.tokens[.board]!)"
        try await f.app.test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("data-status=\"expected\""))
                #expect(page.contains("王先生") && page.contains("京A·1**45") && !page.contains("王建国"))
            }
            try f.board.checkIn(visit)
            try await client.execute(uri: uri, method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("data-status=\"arrived\""))
                #expect(page.contains("已到店 <span class=\"en\" lang=\"en\">arrived</span>"))
            }
        }
    }
}
