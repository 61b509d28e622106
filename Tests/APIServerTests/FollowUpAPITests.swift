import Complaints
import Core
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing
import WorkOrders

@testable import APIServer

@Suite("The follow-up over HTTP (Q-6, K-1)")
struct FollowUpAPITests {
    typealias Fixture = WorkOrderAPITests.Fixture

    /// The quoted order worked through, settled and delivered: its advisor is 王顾问, its technician 刘强.
    static func delivered(_ f: Fixture) throws -> Int64 {
        _ = try f.db.addStaff(name: "李娜", role: .csAgent, actor: "admin")
        let number = try f.quotedOrder()
        _ = try f.db.answerWorkOrderJob(number, job: 1, approved: true, by: "王芳", method: .phone, actor: "王顾问")
        _ = try f.db.dispatchWorkOrderJob(number, job: 1, technician: "刘强", actor: "赵磊")
        _ = try f.db.clockWorkOrderJob(number, job: 1, technician: "刘强", on: true, actor: "刘强")
        _ = try f.db.clockWorkOrderJob(number, job: 1, technician: "刘强", on: false, actor: "刘强")
        _ = try f.db.checkWorkOrderJob(number, job: 1, failed: [], roadTestKilometres: 5, reason: nil, actor: "赵磊")
        _ = try f.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
        _ = try f.db.deliverWorkOrder(number, note: nil, actor: "王顾问")
        return try #require(try f.db.followUp(order: number)?.id)
    }

    @Test("Roles: customer service and the service manager read and record follow-ups; a test per role")
    func roles() async throws {
        let f = try Fixture()
        let id = try Self.delivered(f)
        let routes: [(HTTPRequest.Method, String, String?, Permission)] = [
            (.get, "/v1/followups", nil, .readFollowUps),
            (.post, "/v1/followups/\(id)/attempts", #"{"outcome":"reached"}"#, .writeFollowUps),
            (.post, "/v1/followups/\(id)/answer", #"{"score":6,"category":"price"}"#, .writeFollowUps),
        ]
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                for (method, uri, body, permission) in routes {
                    try await client.execute(
                        uri: uri, method: method, headers: f.headers(role), body: body.map { ByteBuffer(string: $0) }
                    ) { response in
                        #expect((response.status == .forbidden) == !role.may(permission), "\(role) \(method) \(uri)")
                    }
                }
            }
        }
        for role in [Role.csAgent, .csManager, .serviceManager, .admin] {
            #expect(role.may(.readFollowUps) && role.may(.writeFollowUps), "\(role)")
        }
        for role in [Role.technician, .shopForeman, .serviceAdvisor, .partsManager] {
            #expect(!role.may(.writeFollowUps), "\(role) is not neutral customer service")
        }
        let calls = try f.db.followUp(id).attempts.count
        #expect(calls == Role.allCases.filter { $0.may(.writeFollowUps) }.count)
    }

    @Test("Q-6, M-3, K-1: three unanswered calls queue the card; the answer with a problem opens a linked complaint")
    func happyPath() async throws {
        let f = try Fixture()
        let id = try Self.delivered(f)
        let advisor = try f.db.createToken(name: "王顾问", role: .serviceManager, actor: "setup").secret
        try await f.app.test(.router) { client in
            try await client.execute(uri: "/v1/followups", method: .get, headers: f.headers(.csAgent)) { response in
                let page = try WorkOrderAPITests.json(response)
                let items = page["items"] as? [[String: Any]] ?? []
                #expect((items.first?["task"] as? [String: Any])?["dueOn"] as? String == "2026-12-09")
            }
            var headers = f.headers(.csAgent)
            headers[.authorization] = "Bearer \(advisor)"
            try await client.execute(
                uri: "/v1/followups/\(id)/attempts", method: .post, headers: headers,
                body: ByteBuffer(string: #"{"outcome":"busy"}"#)
            ) { response in
                #expect(response.status == .conflict)
                let detail = try WorkOrderAPITests.json(response)["detail"] as? String
                #expect(detail?.contains("Q-6") == true, "\(detail ?? "")")
            }
            for _ in 1...3 {
                try await client.execute(
                    uri: "/v1/followups/\(id)/attempts", method: .post, headers: f.headers(.csAgent),
                    body: ByteBuffer(string: #"{"outcome":"no-answer","note":"无人接听"}"#)
                ) { response in #expect(response.status == .created, "\(String(buffer: response.body))") }
            }
            #expect(try f.db.followUp(id).card == .sms)
            try await client.execute(
                uri: "/v1/followups/\(id)/answer", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(
                    string: #"{"score":"dissatisfied","dimensions":{"reliability":2},"problem":"刹车仍响"}"#)
            ) { response in
                #expect(response.status == .ok, "\(String(buffer: response.body))")
                let task = try WorkOrderAPITests.json(response)
                #expect(task["state"] as? String == "done" && task["complaint"] as? Int == 1)
            }
        }
        #expect(try f.db.complaintFile(Complaint.ID(1)).complaint.workOrder == f.db.followUp(id).order)
    }

    @Test("Bad input is a problem naming the field, and writes nothing")
    func badInput() async throws {
        let f = try Fixture()
        let id = try Self.delivered(f)
        let before = try Binaries.dump(f.path)
        let cases: [(HTTPRequest.Method, String, String?, Int, String?)] = [
            (.get, "/v1/followups?day=soon", nil, 400, "day"),
            (.get, "/v1/followups?mine=maybe", nil, 400, "mine"),
            (.post, "/v1/followups/x/attempts", #"{"outcome":"busy"}"#, 400, "id"),
            (.post, "/v1/followups/\(id)/attempts", #"{}"#, 400, "outcome"),
            (.post, "/v1/followups/\(id)/attempts", #"{"outcome":"hung-up"}"#, 400, "outcome"),
            (.post, "/v1/followups/\(id)/attempts", #"{"outcome":"busy","nmae":1}"#, 400, "nmae"),
            (.post, "/v1/followups/99/attempts", #"{"outcome":"busy"}"#, 404, nil),
            (.post, "/v1/followups/\(id)/answer", #"{}"#, 400, "score"),
            (.post, "/v1/followups/\(id)/answer", #"{"score":9}"#, 400, "score"),
            (.post, "/v1/followups/\(id)/answer", #"{"score":6,"dimensions":{"looks":6}}"#, 400, "dimensions"),
            (.post, "/v1/followups/\(id)/answer", #"{"score":6,"problem":" "}"#, 400, "problem"),
            (.post, "/v1/followups/\(id)/answer", #"{"score":6,"category":"bogus","problem":"x"}"#, 400, "category"),
            (.post, "/v1/followups/99/answer", #"{"score":6}"#, 404, nil),
        ]
        try await f.app.test(.router) { client in
            for (method, uri, body, status, field) in cases {
                try await client.execute(
                    uri: uri, method: method, headers: f.headers(.csAgent), body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(
                        response.status.code == status,
                        "\(method) \(uri) \(body ?? ""): \(String(buffer: response.body))")
                    let problem = try WorkOrderAPITests.json(response)
                    if let field { #expect(problem["field"] as? String == field, "\(uri) \(body ?? "")") }
                }
            }
        }
        #expect(try Binaries.dump(f.path) == before)
    }
}
