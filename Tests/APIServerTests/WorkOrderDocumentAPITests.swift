import Core
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing
import WorkOrders

@testable import APIServer

@Suite("A repair order's printable pages over HTTP (A-6, Q-2, L-10)")
struct WorkOrderDocumentAPITests {
    typealias Fixture = WorkOrderAPITests.Fixture

    @Test("Every role reads the pages (workorders.read): text/html, bilingual whatever Accept-Language says")
    func roles() async throws {
        let f = try Fixture()
        let number = try f.quotedOrder()
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                for document in ["request", "quote"] {
                    try await client.execute(
                        uri: "/v1/work-orders/\(number)/documents/\(document)", method: .get,
                        headers: f.headers(role, language: role == .admin ? "zh-CN" : "en")
                    ) { response in
                        let allowed = role.may(.readWorkOrders)
                        #expect(response.status == (allowed ? .ok : .forbidden), "\(role) \(document)")
                        guard allowed else { return }
                        #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                        let page = String(buffer: response.body)
                        let title = document == "request" ? "客户报修单" : "报价单"
                        #expect(page.contains("<h1>\(title) <span class=\"en\" lang=\"en\">"), "\(role) \(document)")
                        #expect(page.contains("刹车异响") && page.contains("LFV2A21K3N3000123"))
                    }
                }
            }
            try await client.execute(uri: "/v1/work-orders/\(number)/documents/request", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test("404 for an unknown order, 400 for an unknown document, 409 for a record before settlement (L-10)")
    func refused() async throws {
        let f = try Fixture()
        let number = try f.quotedOrder()
        try await f.app.test(.router) { client in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("/v1/work-orders/RO-20991231-999/documents/request", .notFound, "RO-20991231-999"),
                ("/v1/work-orders/\(number)/documents/invoice", .badRequest, "document"),
                ("/v1/work-orders/\(number)/documents/record", .conflict, "结算后才能打印"),
            ]
            for (uri, status, word) in cases {
                try await client.execute(uri: uri, method: .get, headers: f.headers(.serviceAdvisor, language: "zh")) {
                    response in
                    #expect(response.status == status, "\(uri)")
                    #expect(response.headers[.contentType] == "application/problem+json", "\(uri)")
                    #expect(String(buffer: response.body).contains(word), "\(uri): \(String(buffer: response.body))")
                }
            }
        }
    }
}
