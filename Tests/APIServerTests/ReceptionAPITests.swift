import Core
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing
import WorkOrders

@testable import APIServer

@Suite("Reception of a vehicle not on file, job facts, delays and service history over HTTP (in process)")
struct ReceptionAPITests {
    typealias Fixture = WorkOrderAPITests.Fixture

    static let register =
        #"{"mileage":8000,"concerns":["首次保养"],"customer":{"name":"赵敏","phones":["13700001234"]},"#
        + #""newVehicle":{"vin":"LSVAU2180N2000999","make":"Volkswagen","model":"Lavida","usage":"private"}}"#

    @Test("Roles: the advisors register at reception, edit job facts and record delays; others are refused")
    func roles() async throws {
        let f = try Fixture()
        let number = try f.quotedOrder()
        let routes: [(HTTPRequest.Method, String, String?, Permission)] = [
            (.post, "/v1/work-orders", Self.register, .writeWorkOrders),
            (.patch, "/v1/work-orders/\(number)/jobs/9", #"{"system":"brakes"}"#, .writeWorkOrders),
            (.post, "/v1/work-orders/\(number)/delays", #"{"reason":"weather"}"#, .writeWorkOrders),
        ]
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                for (method, uri, body, permission) in routes {
                    try await client.execute(
                        uri: uri, method: method, headers: f.headers(role), body: body.map { ByteBuffer(string: $0) }
                    ) { response in
                        let allowed = role.may(permission)
                        #expect((response.status == .forbidden) == !allowed, "\(role) \(method) \(uri)")
                    }
                }
            }
        }
        #expect(!Role.technician.may(.writeWorkOrders))
    }

    @Test("A-6, Q-7, C-6: register at reception, edit a job's facts, record a delay; the cards show the history")
    func happyPath() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            func send(
                _ method: HTTPRequest.Method, _ uri: String, _ body: String?, _ status: HTTPResponse.Status = .ok,
                language: String? = nil
            ) async throws -> [String: Any] {
                try await client.execute(
                    uri: uri, method: method, headers: f.headers(.serviceAdvisor, language: language),
                    body: body.map { ByteBuffer(string: $0) }
                ) { response in
                    #expect(response.status == status, "\(method) \(uri): \(String(buffer: response.body))")
                    return try WorkOrderAPITests.json(response)
                }
            }
            let opened = try await send(.post, "/v1/work-orders", Self.register, .created)
            #expect(opened["customer"] as? String == "赵敏")
            let number = try #require((opened["order"] as? [String: Any])?["number"] as? String)
            let edited = try await send(
                .patch, "/v1/work-orders/\(number)/jobs/1",
                #"{"kind":"second-level-maintenance","system":"engine","finding":"机油已到更换周期"}"#)
            let job = ((edited["order"] as? [String: Any])?["jobs"] as? [[String: Any]])?.first
            #expect(job?["system"] as? String == "engine")
            #expect(job?["finding"] as? String == "机油已到更换周期")
            let delayed = try await send(
                .post, "/v1/work-orders/\(number)/delays",
                #"{"reason":"technician","note":"技师请假","newPromise":"2026-12-06 09:30"}"#, .created,
                language: "zh")
            #expect((delayed["order"] as? [String: Any])?["delayReason"] as? String == "technician: 技师请假")
            f.clock.set(instant("2026-12-06T10:00:00+08:00"))
            let risks = try await send(.get, "/v1/work-orders?atRisk=true", nil, language: "zh")
            let said = (risks["items"] as? [[String: Any]])?.first?["risks"] as? [String] ?? []
            #expect(said.contains { $0.contains("缺技师，备注：技师请假") }, "\(said)")
            let vehicle = try await send(.get, "/v1/vehicles/LSVAU2180N2000999", nil)
            let history = vehicle["serviceHistory"] as? [String: Any]
            let visit = (history?["orders"] as? [[String: Any]])?.first
            #expect(visit?["number"] as? String == number)
            #expect(visit?["jobs"] as? [String] == ["首次保养"])
            #expect(history?["more"] as? Int == 0)
            let customerID = try #require(opened["customerId"] as? Int)
            let card = try await send(.get, "/v1/customers/\(customerID)", nil)
            let perVehicle = card["serviceHistory"] as? [[String: Any]]
            #expect((perVehicle?.first?["orders"] as? [[String: Any]])?.count == 1)
            #expect(card["vehicleStatus"] != nil)
        }
    }

    @Test("Bad input is a 400 naming the field (under customer. or newVehicle.), a rule a 409; .dump is unchanged")
    func badInput() async throws {
        let f = try Fixture()
        let number = try f.quotedOrder()
        let base = "/v1/work-orders/\(number)"
        let before = try Binaries.dump(f.path)
        let vehicle = #""newVehicle":{"vin":"LSVAU2180N2000999","make":"VW","model":"Golf","usage":"private"}"#
        let onFile = #""newVehicle":{"vin":"LFV2A21K3N3000123","make":"VW","model":"Golf","usage":"private"}"#
        let reception = #""mileage":8000,"concerns":["x"]"#
        let cases: [(HTTPRequest.Method, String, String?, Int, String?)] = [
            (.post, "/v1/work-orders", "{\(reception),\(vehicle)}", 400, "customer"),
            (.post, "/v1/work-orders", #"{\#(reception),"customer":{"name":"赵敏"}}"#, 400, "newVehicle"),
            (
                .post, "/v1/work-orders", #"{\#(reception),"vin":"京A·12345",\#(vehicle),"customerRef":"1"}"#, 400,
                "newVehicle"
            ),
            (.post, "/v1/work-orders", #"{\#(reception),\#(vehicle),"customer":{"name":" "}}"#, 400, "customer.name"),
            (
                .post, "/v1/work-orders", #"{\#(reception),\#(onFile),"customer":{"name":"赵敏"}}"#, 409,
                "newVehicle.vin"
            ),
            (.post, "/v1/work-orders", #"{\#(reception),\#(vehicle),"customerRef":"99"}"#, 404, nil),
            (.post, "/v1/work-orders", #"{\#(reception),"customerRef":"13800138000","nmae":1}"#, 400, "nmae"),
            (.patch, base + "/jobs/1", #"{"kind":"huge"}"#, 400, "kind"),
            (.patch, base + "/jobs/x", #"{"kind":"minor-repair"}"#, 400, "job"),
            (.post, base + "/delays", #"{}"#, 400, "reason"),
            (.post, base + "/delays", #"{"reason":"weather"}"#, 400, "reason"),
            (.post, base + "/delays", #"{"reason":"parts","newPromise":"2026-12-06 08:00"}"#, 400, "newPromise"),
            (.post, "/v1/work-orders/RO-19990101-001/delays", #"{"reason":"parts"}"#, 404, nil),
        ]
        try await f.app.test(.router) { client in
            for (method, uri, body, status, field) in cases {
                try await client.execute(
                    uri: uri, method: method, headers: f.headers(.admin), body: body.map { ByteBuffer(string: $0) }
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

    @Test("A-6: walk-around photos over HTTP: 201 kept, listed, the bytes back; 415 no photo, 413 too large, roles")
    func photos() async throws {
        let f = try Fixture()
        let number = try f.quotedOrder()
        let base = "/v1/work-orders/\(number)/photos"
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2]).base64EncodedString()
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                try await client.execute(
                    uri: base, method: .post, headers: f.headers(role),
                    body: ByteBuffer(string: #"{"name":"x.pdf","content":"JVBERi0xLjc="}"#)
                ) { response in
                    #expect((response.status == .forbidden) == !role.may(.writeWorkOrders), "\(role)")
                    if role.may(.writeWorkOrders) { #expect(response.status == .unsupportedMediaType) }
                }
                try await client.execute(uri: base, method: .get, headers: f.headers(role)) { response in
                    #expect((response.status == .forbidden) == !role.may(.readWorkOrders), "\(role)")
                }
            }
            try await client.execute(
                uri: base, method: .post, headers: f.headers(.serviceAdvisor),
                body: ByteBuffer(string: #"{"name":"右前门.png","note":"划痕","content":"\#(png)"}"#)
            ) { response in
                #expect(response.status == .created, "\(String(buffer: response.body))")
                let photo = try WorkOrderAPITests.json(response)
                #expect(photo["mediaType"] as? String == "image/png" && photo["note"] as? String == "划痕")
            }
            try await client.execute(uri: base, method: .get, headers: f.headers(.technician)) { response in
                let list = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
                #expect(list?.map { $0["name"] as? String } == ["右前门.png"])
            }
            try await client.execute(uri: base + "/1", method: .get, headers: f.headers(.technician)) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/png")
                #expect(Data(buffer: response.body).base64EncodedString() == png)
            }
            try await client.execute(uri: base + "/9", method: .get, headers: f.headers(.technician)) { response in
                #expect(response.status == .notFound)
            }
            let huge = String(repeating: "A", count: 30 << 20)
            try await client.execute(
                uri: base, method: .post, headers: f.headers(.serviceAdvisor),
                body: ByteBuffer(string: #"{"name":"x.png","content":"\#(huge)"}"#)
            ) { #expect($0.status == .contentTooLarge) }
            try await client.execute(
                uri: base, method: .post, headers: f.headers(.serviceAdvisor),
                body: ByteBuffer(string: #"{"name":"x.png","kind":"photo","content":"\#(png)"}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try WorkOrderAPITests.json(response)
                #expect(problem["field"] as? String == "kind")
            }
        }
        #expect(try f.db.workOrderPhotos(number).count == 1)
    }
}
