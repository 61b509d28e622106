import Core
import Customers
import Foundation
import Hummingbird
import Messaging
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("Segments, campaigns, consent and unsubscribe over HTTP (in process)")
struct CampaignAPITests {
    @Test(
        "M-2, C-8: segments, campaigns and contacts are corrected over HTTP; members paged; a retired campaign does not run"
    )
    func corrections() async throws {
        let db = try memoryDatabase(now: "2026-12-01T09:00:00+08:00")
        let coordinator = try db.createToken(name: "市场-周", role: .marketCoordinator, actor: "setup").secret
        let advisor = try db.createToken(name: "前台-王丽", role: .serviceAdvisor, actor: "setup").secret
        _ = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: db.now), phones: ["13800138000"],
                reason: "老客户"), actor: "setup")
        let app = Application(router: buildRouter(database: db))
        @Sendable func headers(_ token: String) -> HTTPFields {
            [.contentType: "application/json", .authorization: "Bearer \(token)"]
        }
        @Sendable func json(_ response: TestResponse) throws -> [String: Any] {
            try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
        }
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/segments", method: .post, headers: headers(coordinator),
                body: ByteBuffer(string: #"{"name":"all","filter":"class = intention"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/segments/all/members", method: .get, headers: headers(advisor)) {
                response in
                let page = try json(response)
                #expect(page["total"] as? Int == 0)
            }
            try await client.execute(
                uri: "/v1/segments/all", method: .patch, headers: headers(coordinator),
                body: ByteBuffer(string: #"{"filter":"class = retained"}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/segments/all/members?limit=1", method: .get, headers: headers(advisor)) {
                response in
                let page = try json(response)
                #expect(
                    page["total"] as? Int == 1 && (page["items"] as? [[String: Any]])?.first?["name"] as? String == "王芳"
                )
            }
            try await client.execute(
                uri: "/v1/campaigns", method: .post, headers: headers(coordinator),
                body: ByteBuffer(
                    string:
                        #"{"name":"care","segment":"all","channel":"sms","category":"service","template":"{{name}}您好"}"#
                )
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/v1/campaigns/care", method: .patch, headers: headers(coordinator),
                body: ByteBuffer(string: #"{"template":"尊敬的{{name}}：冬季免费检测。"}"#)
            ) { response in
                #expect(response.status == .ok)
                let campaign = try json(response)
                #expect(campaign["template"] as? String == "尊敬的{{name}}：冬季免费检测。")
            }
            try await client.execute(
                uri: "/v1/campaigns/care/retire", method: .post, headers: headers(coordinator),
                body: ByteBuffer(string: #"{"reason":"活动结束"}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/v1/campaigns/care/run", method: .post, headers: headers(coordinator)) {
                response in
                #expect(response.status == .conflict)
                let problem = try json(response)
                #expect((problem["detail"] as? String)?.contains("retired") == true)
            }
            try await client.execute(
                uri: "/v1/customers/1/contacts", method: .post, headers: headers(advisor),
                body: ByteBuffer(string: #"{"channel":"phone","outcome":"no-answer"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/v1/contacts/1", method: .patch, headers: headers(advisor),
                body: ByteBuffer(string: #"{"outcome":"booked","note":"周五上午首保"}"#)
            ) { response in
                #expect(response.status == .ok)
                let contact = try json(response)
                #expect(contact["outcome"] as? String == "booked")
            }
        }
    }

    @Test(
        "Campaign routes by role; consent with its source; one-click unsubscribe needs no token, and GET changes nothing"
    )
    func flow() async throws {
        let db = try memoryDatabase(now: "2026-12-01T09:00:00+08:00")
        let coordinator = try db.createToken(name: "市场-周", role: .marketCoordinator, actor: "setup").secret
        let advisor = try db.createToken(name: "前台-王丽", role: .serviceAdvisor, actor: "setup").secret
        let customer = try db.addCustomer(
            NewCustomer(
                customer: Customer(
                    name: "王芳", customerClass: .retained, gender: .female, email: "wang@example.cn", createdAt: db.now),
                phones: ["13800138000"], reason: "老客户"), actor: "setup"
        ).customer.id!
        let app = Application(router: buildRouter(database: db))
        @Sendable func headers(_ token: String) -> HTTPFields {
            [.contentType: "application/json", .authorization: "Bearer \(token)"]
        }
        try await app.test(.router) { client in
            let segment = ByteBuffer(string: #"{"name":"retained","filter":"class = retained"}"#)
            try await client.execute(uri: "/v1/segments", method: .post, headers: headers(advisor), body: segment) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/v1/segments", method: .post, headers: headers(coordinator), body: segment) {
                #expect($0.status == .created)
            }
            try await client.execute(
                uri: "/v1/segments/preview", method: .post, headers: headers(advisor),
                body: ByteBuffer(string: #"{"filter":"class = "}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem =
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
                #expect((problem["detail"] as? String)?.contains("column 9") == true)
            }
            try await client.execute(
                uri: "/v1/customers/\(customer)/consent/email", method: .put, headers: headers(advisor),
                body: ByteBuffer(string: #"{"status":"opt-in","source":"到店登记表"}"#)
            ) { #expect($0.status == .ok) }
            let campaign = ByteBuffer(
                string:
                    #"{"name":"winter","segment":"retained","channel":"email","category":"marketing","subject":"冬季检测","template":"尊敬的{{name}}{{title}}：欢迎到店。"}"#
            )
            try await client.execute(uri: "/v1/campaigns", method: .post, headers: headers(coordinator), body: campaign)
            { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/campaigns/winter/run", method: .post, headers: headers(coordinator)) {
                response in
                #expect(response.status == .ok)
                let run = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
                #expect((run["counts"] as? [String: Any])?["queued"] as? Int == 1)
            }
        }
        // Delivered first: only a message actually sent earns the opt-out as a response (M-4).
        let batch = try db.beginDeliveryBatch(channel: .email, output: "test", position: 0, limit: 10)
        try db.finishDeliveryBatch(output: "test", sent: batch.messages.map { $0.message.id!.rawValue }, failed: [])
        let message = try #require(try db.outbox(OutboxFilter(state: .sent)).items.first)
        let token = try db.unsubscribeToken(for: message)
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/unsubscribe/\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("<form method=\"post\""))
            }
            #expect(try db.consentCard(customer).current.first?.status == .optIn)
            try await client.execute(
                uri: "/v1/unsubscribe/\(token)", method: .post, body: ByteBuffer(string: "List-Unsubscribe=One-Click")
            ) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("王芳，您已退订邮件"))
            }
            // A forged signature: the last hex digit changed, to one it is not (a fixed "0" was the real digit one run in 16).
            let forged = token.dropLast() + (token.hasSuffix("0") ? "1" : "0")
            #expect(forged != token)
            // Issue 19: of a token's form but not signed here: no such link, a 404 (it was a 400), on both methods.
            for method in [HTTPRequest.Method.post, .get] {
                try await client.execute(uri: "/v1/unsubscribe/\(forged)", method: method) {
                    #expect($0.status == .notFound, "\(method)")
                }
            }
            // Issue 19: strict parsing (an empty part is no token), a replay is a no-op, the page never echoes the token.
            let audited = try db.auditEntries(AuditFilter(entity: "consent", limit: 100)).count
            let consents = try db.consentCard(customer).history.count
            try await client.execute(uri: "/v1/unsubscribe/\(token)", method: .post) { #expect($0.status == .ok) }
            #expect(try db.auditEntries(AuditFilter(entity: "consent", limit: 100)).count == audited)
            #expect(try db.consentCard(customer).history.count == consents)
            for bad in [token.replacingOccurrences(of: ".", with: ".."), token + ".", "." + token] {
                try await client.execute(uri: "/v1/unsubscribe/\(bad)", method: .post) {
                    #expect($0.status == .badRequest, "\(bad)")
                }
                try await client.execute(uri: "/v1/unsubscribe/\(bad)", method: .get) {
                    #expect($0.status == .badRequest, "\(bad)")
                }
            }
            try await client.execute(uri: "/v1/unsubscribe/\(token)", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"<form method="post" action="">"#) && !page.contains(token))
            }
            try await client.execute(uri: "/v1/campaigns/winter/report", method: .get, headers: headers(advisor)) {
                response in
                let report =
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
                #expect((report["responses"] as? [String: Int])?["opt-out"] == 1)
            }
        }
        #expect(try db.consentCard(customer).current.first?.status == .optOut)
    }
}
