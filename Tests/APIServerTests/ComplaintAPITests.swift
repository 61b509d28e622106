import Complaints
import Core
import Customers
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("Complaints over HTTP (in process)")
struct ComplaintAPITests {
    struct Fixture {
        let db: AppDatabase
        let tokens: [Role: String]
        let app: Application<RouterResponder<APIRequestContext>>

        init() throws {
            db = try memoryDatabase(now: "2026-11-23T10:00:00+08:00")
            tokens = try roleTokens(
                db, roles: [Role.csAgent, .csManager, .marketCoordinator, .technician, .serviceAdvisor])
            _ = try db.addStaff(name: "李娜", role: .csAgent, actor: "setup")
            _ = try db.addCustomer(
                NewCustomer(
                    customer: Customer(name: "王芳", customerClass: .retained, createdAt: db.now),
                    phones: ["13800138000"], reason: "老客户"), actor: "setup")
            app = Application(router: buildRouter(database: db))
        }

        func headers(_ role: Role) -> HTTPFields {
            [.contentType: "application/json", .authorization: "Bearer \(tokens[role]!)"]
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    @Test(
        "The role decides: a technician may read but not register; only the cs-manager invalidates; only the market coordinator (or cs-manager) analyses"
    )
    func roles() async throws {
        let f = try Fixture()
        let intake = #"{"customer":1,"channel":"phone","receivedBy":"李娜","category":"price","description":"报价与结算差距太大"}"#
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/complaints", method: .post, headers: f.headers(.technician), body: ByteBuffer(string: intake)
            ) { response in
                #expect(response.status == .forbidden)
                let body = try Self.json(response)
                #expect((body["detail"] as? String)?.contains("complaints.handle") == true)
            }
            try await client.execute(
                uri: "/v1/complaints", method: .post, headers: f.headers(.csAgent), body: ByteBuffer(string: intake)
            ) { response in
                #expect(response.status == .created)
                let body = try Self.json(response)
                #expect((body["complaint"] as? [String: Any])?["description"] as? String == "报价与结算差距太大")
                #expect(
                    ((body["deadlines"] as? [[String: Any]])?.first?["deadline"] as? [String: Any])?["rule"] as? String
                        == "K-4")
            }
            try await client.execute(uri: "/v1/complaints/1", method: .get, headers: f.headers(.technician)) {
                #expect($0.status == .ok)
            }
            try await client.execute(
                uri: "/v1/complaints/1/invalidate", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"explanation":"已说明"}"#)
            ) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(
                uri: "/v1/complaints/1/invalidate", method: .post, headers: f.headers(.csManager),
                body: ByteBuffer(string: #"{"explanation":"报价含附加项目，已向客户逐项说明"}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect((body["complaint"] as? [String: Any])?["state"] as? String == "invalid")
            }
            let analysis = ByteBuffer(string: #"{"rootCause":"报价未列明附加项目","preventiveAction":"报价单逐项列明并由客户签字"}"#)
            try await client.execute(
                uri: "/v1/complaints/1/analysis", method: .post, headers: f.headers(.csAgent), body: analysis
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/v1/complaints/1/analysis", method: .post, headers: f.headers(.marketCoordinator), body: analysis
            ) { #expect($0.status == .ok) }
            try await client.execute(
                uri: "/v1/complaints/escalate-due", method: .post, headers: f.headers(.serviceAdvisor)
            ) { #expect($0.status == .forbidden) }
        }
    }

    @Test("K-12: GET /v1/complaints/analysis-due pages the complaints awaiting root-cause analysis")
    func analysisQueue() async throws {
        let f = try Fixture()
        let intake = #"{"customer":1,"channel":"phone","receivedBy":"李娜","category":"price","description":"报价与结算差距太大"}"#
        try await f.app.test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(
                    uri: "/v1/complaints", method: .post, headers: f.headers(.csAgent),
                    body: ByteBuffer(string: intake)
                ) { #expect($0.status == .created) }
            }
            for id in [1, 3] {
                let explanation = ByteBuffer(string: #"{"explanation":"已逐项说明"}"#)
                try await client.execute(
                    uri: "/v1/complaints/\(id)/invalidate", method: .post,
                    headers: f.headers(.csManager), body: explanation
                ) {
                    #expect($0.status == .ok)
                }
            }
            try await client.execute(
                uri: "/v1/complaints/analysis-due?limit=1", method: .get,
                headers: f.headers(.marketCoordinator)
            ) { response in
                #expect(response.status == .ok)
                let page = try Self.json(response)
                #expect((page["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [1])
                #expect(page["total"] as? Int == 2 && page["more"] as? Bool == true)
                #expect(page["limit"] as? Int == 1 && page["offset"] as? Int == 0)
            }
            try await client.execute(
                uri: "/v1/complaints/analysis-due?state=closed", method: .get,
                headers: f.headers(.marketCoordinator)
            ) { #expect($0.status == .badRequest) }
        }
    }

    @Test("Bad input is a 400 naming the field; an illegal move is a 409 naming the allowed ones; nothing is written")
    func badInput() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            for (body, field) in [
                (
                    #"{"customer":1,"channel":"phone","receivedBy":"李娜","category":"weather","description":"x"}"#,
                    "category"
                ),
                (#"{"customer":1,"channel":"phone","receivedBy":"李娜","category":"price"}"#, "description"),
                (
                    #"{"customer":1,"channel":"phone","receivedBy":"李娜","category":"price","description":"x","receivedAt":"soon"}"#,
                    "receivedAt"
                ),
            ] {
                try await client.execute(
                    uri: "/v1/complaints", method: .post, headers: f.headers(.csAgent), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == .badRequest)
                    let problem = try Self.json(response)
                    #expect(problem["field"] as? String == field)
                }
            }
            #expect(try f.db.listComplaints().total == 0)
            try await client.execute(
                uri: "/v1/complaints", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(
                    string:
                        #"{"customer":1,"channel":"email","receivedBy":"李娜","category":"delay","description":"交车晚了三天"}"#
                )
            ) {
                #expect($0.status == .created)
            }
            try await client.execute(
                uri: "/v1/complaints/1/close", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"process":"satisfied","result":"satisfied"}"#)
            ) { response in
                #expect(response.status == .conflict)
                let body = try Self.json(response)
                #expect((body["detail"] as? String)?.contains("allowed now") == true)
            }
            try await client.execute(
                uri: "/v1/complaints/1/close", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"process":"great","result":"satisfied"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "process")
            }
            try await client.execute(
                uri: "/v1/complaints/1/contacts", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"at":"2026-11-23T08:00:00+08:00"}"#)
            ) { response in
                // Before the complaint was received: against the stored complaint, a 409 (issue 19).
                #expect(response.status == .conflict)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "at")
            }
            try await client.execute(
                uri: "/v1/complaints/1/attachments", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"name":"a.exe","content":"TVo="}"#)
            ) { response in
                // Issue 19: content of a type K-14 does not take is a 415 naming the file.
                #expect(response.status == .unsupportedMediaType)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "file")
            }
            try await client.execute(
                uri: "/v1/complaints/report?from=2026-12-01&to=2026-11-01", method: .get,
                headers: f.headers(.csAgent)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "to")
            }
        }
        #expect(try f.db.complaintFile(Complaint.ID(1)).history.count == 1)
    }

    @Test("Overdue, contact, attachment round trip and report over HTTP")
    func flow() async throws {
        let f = try Fixture()
        _ = try f.db.addComplaint(
            ComplaintIntake(
                customer: Customer.ID(1), channel: .inPerson, receivedBy: "李娜", description: "接待人员态度差",
                category: .reception), actor: "李娜")
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/complaints/overdue?asOf=2026-11-23T11:15:00%2B08:00", method: .get,
                headers: f.headers(.csAgent)
            ) { response in
                #expect(response.status == .ok)
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
                let items = list["items"] as? [[String: Any]] ?? []
                #expect(
                    items.count == 1 && list["total"] as? Int == 1 && list["more"] as? Bool == false,
                    "every list answers a page")
                #expect((items.first?["deadline"] as? [String: Any])?["lateBySeconds"] as? Int == 15 * 60)
            }
            let photo = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]).base64EncodedString()
            try await client.execute(
                uri: "/v1/complaints/1/attachments", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"name":"现场.png","kind":"photo","content":"\#(photo)"}"#)
            ) { #expect($0.status == .created) }
            // K-14: evidence up to the setting (20 MB), far past the 1 MiB of other bodies; beyond it a 413 naming the limit.
            let video = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 3 << 20))
                .base64EncodedString()
            try await client.execute(
                uri: "/v1/complaints/1/attachments", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"name":"大.png","kind":"photo","content":"\#(video)"}"#)
            ) { #expect($0.status == .created) }
            let huge = String(repeating: "A", count: 30 << 20)
            try await client.execute(
                uri: "/v1/complaints/1/attachments", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"name":"x.png","content":"\#(huge)"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            let bigName = String(repeating: "王", count: 600_000)
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"name":"\#(bigName)"}"#)
            ) { response in
                #expect(response.status == .contentTooLarge)
                let problem =
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
                #expect(
                    (problem["detail"] as? String)?.contains("larger than the limit of 1 MiB") == true, "\(problem)")
            }
            try await client.execute(
                uri: "/v1/complaints/1/attachments/1", method: .get, headers: f.headers(.technician)
            ) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(Data(buffer: response.body).base64EncodedString() == photo)
            }
            try await client.execute(
                uri: "/v1/complaints/1/contacts", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"direction":"inbound","note":"客户再次来电"}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect((body["priority"] as? [String: Any])?["name"] as? String == "high")
            }
            try await client.execute(
                uri: "/v1/complaints/report?from=2026-11-01&to=2026-11-30", method: .get,
                headers: f.headers(.technician)
            ) { response in
                #expect(response.status == .ok)
                let problem = try Self.json(response)
                #expect(problem["total"] as? Int == 1)
            }
        }
    }
}
