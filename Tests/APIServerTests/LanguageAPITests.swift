import Core
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("HTTP API speaks the language of Accept-Language (issue 16)")
struct LanguageAPITests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    /// The same bad request (`limit=0`), asked in `language`: its problem document's title and detail, and the
    /// interface that does not change with the language (keys, field, status, type, media type).
    static func expectBadLimit(
        _ language: String, contentLanguage: String, title: String, detail: String
    ) async throws {
        let db = try memoryDatabase()
        let token = try db.createToken(name: "客服-李娜", role: .csAgent, actor: "setup").secret
        let app = Application(router: buildRouter(database: db))
        try await app.test(.router) { client in
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .acceptLanguage: language]
            try await client.execute(uri: "/v1/customers?limit=0", method: .get, headers: headers) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.contentLanguage] == contentLanguage)
                let problem = try Self.json(response)
                #expect(problem["title"] as? String == title)
                #expect(problem["detail"] as? String == detail)
                #expect(Set(problem.keys) == ["type", "title", "status", "detail", "field"])
                #expect(problem["field"] as? String == "limit")
                #expect(problem["status"] as? Int == 400)
                #expect(problem["type"] as? String == "https://aftersales.invalid/problems/invalid")
            }
        }
    }

    @Test("A 400 answers its title and detail in Chinese for zh-CN and in English for en; the keys stay English")
    func problemInBothLanguages() async throws {
        try await Self.expectBadLimit(
            "zh-CN", contentLanguage: "zh-CN", title: "请求有误", detail: "limit: 应为 1 到 1000 之间的整数，实际为“0”")
        try await Self.expectBadLimit(
            "en", contentLanguage: "en", title: "Bad Request",
            detail: "limit: expected a whole number from 1 to 1000, got \"0\"")
        try await Self.expectBadLimit(
            "en-US,en;q=0.9,zh;q=0.8", contentLanguage: "en", title: "Bad Request",
            detail: "limit: expected a whole number from 1 to 1000, got \"0\"")
    }

    @Test("Without a token the 401 is said in Chinese too: title and the way to get one")
    func unauthorizedInChinese() async throws {
        let db = try memoryDatabase()
        let app = Application(router: buildRouter(database: db))
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/customers", method: .get, headers: [.acceptLanguage: "zh"]) { response in
                #expect(response.status == .unauthorized)
                let problem = try Self.json(response)
                #expect(problem["title"] as? String == "未认证")
                #expect((problem["detail"] as? String)?.hasPrefix("此接口需要令牌") == true)
            }
        }
    }

    @Test("Every reason phrase the API answers with has its Chinese title")
    func everyTitleHasChinese() {
        let statuses: [HTTPResponse.Status] = [
            .badRequest, .unauthorized, .forbidden, .notFound, .methodNotAllowed, .conflict, .contentTooLarge,
            .internalServerError, .serviceUnavailable,
        ]
        for status in statuses {
            let title = Phrase(key: status.reasonPhrase).rendered(Speech(.zh))
            #expect(title != status.reasonPhrase, "no Chinese for \(status.reasonPhrase)")
        }
    }
}
