import Catalog
import Core
import Foundation
import Hummingbird
import Stock
import Storage
import TestSupport
import Testing
import WorkOrders

@testable import APIServer

@Suite("Credit notes and part-line issues over HTTP (in process)")
struct WorkOrderCorrectionAPITests {
    typealias Fixture = WorkOrderAPITests.Fixture

    /// The order worked through to settlement, with a labour line and a part line (line 2), not yet issued.
    func workedThrough(_ f: Fixture) throws -> String {
        try f.db.writer.write {
            try $0.execute(
                sql: """
                    INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) \
                    VALUES ('5Q0 698 151', '前刹车片', 45000, 'CNY', '2026-01-01', 't', 0)
                    """)
        }
        var form = ReceptionForm()
        form.vin = "京A·12345"
        form.mileage = 30_000
        form.concerns = ["刹车异响"]
        let number = try f.db.openWorkOrder(form, actor: "王顾问").number
        var line = WorkOrderLineForm()
        line.job = 1
        line.code = "47 11 19 00"
        _ = try f.db.addWorkOrderLine(number, line, actor: "王顾问")
        line.kind = "part"
        line.code = "5Q0 698 151"
        line.quantity = 1
        _ = try f.db.addWorkOrderLine(number, line, actor: "王顾问")
        _ = try f.db.quoteWorkOrder(number, actor: "王顾问")
        _ = try f.db.answerWorkOrderJob(number, job: 1, approved: true, by: "王芳", method: .signature, actor: "王顾问")
        _ = try f.db.clockWorkOrderJob(number, job: 1, technician: "刘强", on: true, actor: "刘强")
        _ = try f.db.clockWorkOrderJob(number, job: 1, technician: "刘强", on: false, actor: "刘强")
        _ = try f.db.checkWorkOrderJob(number, job: 1, failed: [], roadTestKilometres: 5, reason: nil, actor: "赵磊")
        return number
    }

    @Test("Roles: a credit note needs the settlement permission (L-10); a part-line issue the stock permission")
    func roles() async throws {
        let f = try Fixture()
        let number = try workedThrough(f)
        let routes: [(String, String?, Permission)] = [
            ("/v1/work-orders/\(number)/credit-notes", #"{"reason":"开错票"}"#, .writeWorkOrders),
            ("/v1/work-orders/\(number)/lines/9/issue", nil, .manageStock),
        ]
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                for (uri, body, permission) in routes {
                    try await client.execute(
                        uri: uri, method: .post, headers: f.headers(role), body: body.map { ByteBuffer(string: $0) }
                    ) { response in
                        #expect((response.status == .forbidden) == !role.may(permission), "\(role) \(uri)")
                    }
                }
            }
        }
        #expect(Role.serviceAdvisor.may(.writeWorkOrders) && !Role.serviceAdvisor.may(.manageStock))
        #expect(Role.partsManager.may(.manageStock) && !Role.partsManager.may(.writeWorkOrders))
    }

    @Test("Parts, Q-7, K-5, L-10: issue short then in full, settle, credit, settle again over HTTP")
    func happyPath() async throws {
        let f = try Fixture()
        let number = try workedThrough(f)
        let base = "/v1/work-orders/\(number)"
        try await f.app.test(.router) { client in
            func send(
                _ uri: String, _ body: String?, _ role: Role, _ status: HTTPResponse.Status
            ) async throws
                -> [String: Any]
            {
                try await client.execute(
                    uri: uri, method: .post, headers: f.headers(role), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(uri): \(String(buffer: response.body))")
                    return try WorkOrderAPITests.json(response)
                }
            }
            let short = try await send(base + "/lines/2/issue", nil, .partsManager, .created)
            let shortage = try #require((short["outcome"] as? [String: Any])?["shortage"] as? [String: Any])
            #expect(shortage["routedTo"] as? String == "parts-manager" && shortage["missing"] as? Int == 1)
            let order = try #require((short["sheet"] as? [String: Any])?["order"] as? [String: Any])
            #expect((order["delayReason"] as? String)?.contains("Q-7") == true)
            _ = try f.db.receiveStock(
                PartNumber(catalogue: "5Q0 698 151"), quantity: 1, supplierRef: "DN-1", actor: "配件经理")
            let issued = try await send(base + "/lines/2/issue", nil, .partsManager, .created)
            #expect((issued["outcome"] as? [String: Any])?["movement"] != nil)
            _ = try await send(base + "/settlement", #"{"payment":"cash"}"#, .serviceAdvisor, .created)
            let credited = try await send(
                base + "/credit-notes", #"{"reason":"付款方式记错"}"#, .serviceAdvisor, .created)
            #expect(credited["state"] as? String == "qc-passed")
            let notes = try #require((credited["order"] as? [String: Any])?["creditNotes"] as? [[String: Any]])
            #expect(notes.first?["number"] as? String == "CN-000001")
            let again = try await send(base + "/settlement", #"{"payment":"alipay"}"#, .serviceAdvisor, .created)
            let invoice = (again["order"] as? [String: Any])?["invoice"] as? [String: Any]
            #expect(invoice?["number"] as? String == "INV-000002")
        }
    }

    @Test("Bad input is a 400 naming the field, an unknown order a 404, a rule a 409; sqlite3 .dump is unchanged")
    func badInput() async throws {
        let f = try Fixture()
        let number = try workedThrough(f)
        let base = "/v1/work-orders/\(number)"
        let before = try Binaries.dump(f.path)
        let cases: [(String, String?, Int, String?)] = [
            (base + "/credit-notes", #"{}"#, 400, "reason"),
            (base + "/credit-notes", #"{"reason":" "}"#, 400, "reason"),
            (base + "/credit-notes", #"{"reason":"x","why":1}"#, 400, "why"),
            (base + "/credit-notes", #"{"reason":"开错票"}"#, 409, "order"),
            ("/v1/work-orders/RO-19990101-9/credit-notes", #"{"reason":"x"}"#, 404, "order"),
            (base + "/lines/x/issue", nil, 400, "line"),
            (base + "/lines/0/issue", nil, 400, "line"),
            (base + "/lines/9/issue", nil, 404, "line"),
            (base + "/lines/1/issue", nil, 409, "line"),
            ("/v1/work-orders/RO-19990101-9/lines/2/issue", nil, 404, "order"),
        ]
        try await f.app.test(.router) { client in
            for (uri, body, status, field) in cases {
                try await client.execute(
                    uri: uri, method: .post, headers: f.headers(.admin), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status.code == status, "\(uri) \(body ?? ""): \(String(buffer: response.body))")
                    let problem = try WorkOrderAPITests.json(response)
                    if let field { #expect(problem["field"] as? String == field, "\(uri) \(body ?? "")") }
                }
            }
            try await client.execute(
                uri: base + "/credit-notes", method: .post, headers: f.headers(.serviceAdvisor, language: "zh"),
                body: ByteBuffer(string: #"{"reason":"开错票"}"#)
            ) { response in
                #expect(response.status == .conflict)
                let detail = try WorkOrderAPITests.json(response)["detail"] as? String ?? ""
                #expect(detail.contains("只有已结算的工单才能开红字发票更正"), "\(detail)")
            }
        }
        #expect(try Binaries.dump(f.path) == before)
    }
}
