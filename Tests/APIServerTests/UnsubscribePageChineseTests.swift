import Core
import Customers
import Foundation
import Hummingbird
import Messaging
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("Issue 16: the unsubscribe page a customer reads, and campaign problems, in the customer's language")
struct UnsubscribePageChineseTests {
    @Test("The page and its answer are Chinese first, English kept; a browser asking for English gets it first")
    func page() async throws {
        let db = try memoryDatabase(now: "2026-12-01T09:00:00+08:00")
        let coordinator = try db.createToken(name: "市场-周", role: .marketCoordinator, actor: "setup").secret
        let customer = try db.addCustomer(
            NewCustomer(
                customer: Customer(
                    name: "王芳", customerClass: .retained, gender: .female, email: "wang@example.cn", createdAt: db.now),
                phones: ["13800138000"], reason: "老客户"), actor: "setup"
        ).customer.id!
        let app = Application(router: buildRouter(database: db))
        let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(coordinator)"]
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/v1/segments", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"name":"retained","filter":"class = retained"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/v1/campaigns", method: .post, headers: headers,
                body: ByteBuffer(
                    string:
                        #"{"name":"hours","segment":"retained","channel":"email","category":"service","subject":"营业时间","template":"尊敬的{{name}}{{title}}：冬季营业时间8:30-17:30。"}"#
                )
            ) { #expect($0.status == .created) }
            try await client.execute(uri: "/v1/campaigns/hours/run", method: .post, headers: headers) {
                #expect($0.status == .ok)
            }
            // A filter's error in the staff member's language, its column kept.
            var chinese = headers
            chinese[.acceptLanguage] = "zh-CN,zh;q=0.9"
            try await client.execute(
                uri: "/v1/segments/preview", method: .post, headers: chinese,
                body: ByteBuffer(string: #"{"filter":"class = "}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem =
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
                #expect((problem["detail"] as? String)?.contains("第 9 列：应为取值") == true, "\(problem)")
            }
        }
        let batch = try db.beginDeliveryBatch(channel: .email, output: "test", position: 0, limit: 10)
        try db.finishDeliveryBatch(output: "test", sent: batch.messages.map { $0.message.id!.rawValue }, failed: [])
        let message = try #require(try db.outbox(OutboxFilter(state: .sent)).items.first)
        let token = try db.unsubscribeToken(for: message)
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/unsubscribe/\(token)", method: .get) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"<html lang="zh-CN">"#), "\(page)")
                #expect(page.contains("<title>退订 / Unsubscribe</title>"), "\(page)")
                #expect(page.contains("确认不再接收此类信息？ / Stop receiving these messages?"), "\(page)")
                #expect(!page.contains(token))
            }
            try await client.execute(
                uri: "/v1/unsubscribe/\(token)", method: .get, headers: [.acceptLanguage: "en-US,en;q=0.8"]
            ) { response in
                let page = String(buffer: response.body)
                #expect(page.contains(#"<html lang="en">"#), "\(page)")
                #expect(page.contains("Stop receiving these messages? / 确认不再接收此类信息？"), "\(page)")
            }
            try await client.execute(
                uri: "/v1/unsubscribe/\(token)", method: .post, headers: [.acceptLanguage: "en"]
            ) { response in
                #expect(response.status == .ok)
                #expect(
                    String(buffer: response.body)
                        == "王芳, you are unsubscribed from email. / 王芳，您已退订邮件。\n")
            }
        }
        #expect(try db.consentCard(customer).current.first?.status == .optOut)
    }
}
