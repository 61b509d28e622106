import Core
import Customers
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

/// Issue 19 item 6: what schemathesis found, each a status the description states. 400: the request itself is wrong,
/// whatever is stored; 409: it is well formed but clashes with stored records or today's date; 404: what it names
/// does not exist; 415: content of a type the route does not take.
@Suite("API contract: statuses by HTTP semantics (in process)")
struct StatusContractAPITests {
    typealias Fixture = InputConventionAPITests.Fixture

    /// Sends `body` and checks the status and the problem's field.
    static func expect(
        _ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ body: String?,
        headers: HTTPFields, status: HTTPResponse.Status, field: String?, detail: String? = nil,
        checkField: Bool = true
    ) async throws {
        try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }
        ) { response in
            #expect(response.status == status, "\(method) \(uri) \(body ?? "")")
            let problem = try InputConventionAPITests.json(response)
            if checkField { #expect(problem["field"] as? String == field, "\(uri): \(problem)") }
            if let detail {
                #expect((problem["detail"] as? String)?.contains(detail) == true, "\(uri): \(problem)")
            }
        }
    }

    /// Two vehicles whose VINs end alike (000123) for customer 1, one delivered.
    static func vehicles(_ f: Fixture) throws {
        for (vin, delivered) in [("LFV2A21K3N3000123", true), ("LHGCV1F33MN000123", false)] {
            _ = try f.db.addVehicle(
                Vehicle(
                    customerID: Customer.ID(1), vin: VIN(trusted: vin), make: "Volkswagen", model: "Sagitar",
                    usage: .private, deliveredAt: delivered ? f.db.now.addingTimeInterval(-86_400 * 300) : nil,
                    createdAt: f.db.now), actor: "setup")
        }
    }

    @Test("A raw DEL byte in a JSON text is refused like an escaped one, never stored")
    func rawDelete() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            for name in ["王\u{7F}芳", #"王\u007f芳"#] {
                try await Self.expect(
                    client, .post, "/v1/customers", #"{"name":"\#(name)"}"#, headers: f.headers, status: .badRequest,
                    field: nil, detail: "U+007F")
            }
        }
        #expect(try f.db.listCustomers().total == 1)
    }

    @Test("An unknown key is a 400 naming it even when its value is null, and inside the items of an array")
    func unknownKeys() async throws {
        let f = try Fixture()
        let range = #"{"from":"LFV2A21K3N3000100","to":"LFV2A21K3N3000199""#
        let bulletin =
            #"{"manufacturer":"FAW-Volkswagen","number":"TSB-1","kind":"tsb","revision":1,"issued":"2026-10-01","#
            + #""status":"active","title":"t","component":"c","summary":"s","remedy":"r","models":[],"built":[],"#
            + #""vins":[],"labour":[],"parts":[],"vinRanges":["#
        try await f.app.test(.router) { client in
            try await Self.expect(
                client, .post, "/v1/customers", #"{"name":"王芳","nmae":null}"#, headers: f.headers,
                status: .badRequest, field: "nmae", detail: "unknown field")
            try await Self.expect(
                client, .post, "/v1/customers", #"{"name":"王芳","email":null,"vip":null,"class":"potential"}"#,
                headers: f.headers, status: .badRequest, field: "vip")
            try await Self.expect(
                client, .post, "/v1/bulletins", bulletin + range + #","x":42}]}"#, headers: f.headers,
                status: .badRequest, field: "vinRanges[0].x")
            try await Self.expect(
                client, .post, "/v1/bulletins", bulletin + range + "}," + range + #","note":null}]}"#,
                headers: f.headers, status: .badRequest, field: "vinRanges[1].note")
            // What the types read stays accepted, null or not.
            try await client.execute(
                uri: "/v1/customers", method: .post, headers: f.headers,
                body: ByteBuffer(string: #"{"name":"赵强","email":null,"owner":null,"class":"potential"}"#)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/v1/bulletins", method: .post, headers: f.headers,
                body: ByteBuffer(string: bulletin + range + "}]}")
            ) { #expect($0.status == .created) }
        }
    }

    @Test("The unsubscribe routes refuse unknown query parameters; a token of the form not signed here is a 404")
    func unsubscribe() async throws {
        let f = try Fixture()
        let unsigned = "1.sms.1900000000.1." + String(repeating: "0", count: 32)
        try await f.app.test(.router) { client in
            for method in [HTTPRequest.Method.get, .post] {
                try await Self.expect(
                    client, method, "/v1/unsubscribe/\(unsigned)?utm_source=x", nil, headers: [:],
                    status: .badRequest, field: "utm_source", detail: "unknown query parameter")
                try await Self.expect(
                    client, method, "/v1/unsubscribe/\(unsigned)", nil, headers: [:], status: .notFound,
                    field: "token")
            }
        }
    }

    @Test("HEAD is not served: 405 with Allow, as for any method a path does not document")
    func head() async throws {
        let f = try Fixture()
        try await f.app.test(.router) { client in
            for (uri, allow) in [("/v1/customers", "GET, POST"), ("/health", "GET"), ("/v1/customers/1", "GET, PATCH")]
            {
                try await client.execute(uri: uri, method: .head, headers: f.headers) { response in
                    #expect(response.status == .methodNotAllowed, "\(uri)")
                    #expect(response.headers[.allow] == allow, "\(uri)")
                }
            }
        }
    }

    @Test("Well formed but against stored records or today: a 409 naming the field, not a 400")
    func conflicts() async throws {
        let f = try Fixture()
        try Self.vehicles(f)
        try await f.app.test(.router) { client in
            // A staff name that is not on the staff list.
            try await Self.expect(
                client, .post, "/v1/customers", #"{"name":"赵强","owner":"不在职"}"#, headers: f.headers,
                status: .conflict, field: "owner", detail: "is not a staff member")
            // A vehicle reference that fits two vehicles.
            try await Self.expect(
                client, .post, "/v1/vehicles/000123/mileage", #"{"kilometres":12000}"#, headers: f.headers,
                status: .conflict, field: "vin", detail: "fits 2 vehicles")
            // No delivery recorded; a day before the delivery.
            try await Self.expect(
                client, .get, "/v1/vehicles/LHGCV1F33MN000123/warranty", nil, headers: f.headers, status: .conflict,
                field: "vin", detail: "no delivery is recorded")
            try await Self.expect(
                client, .get, "/v1/vehicles/LFV2A21K3N3000123/warranty?on=2020-01-01", nil, headers: f.headers,
                status: .conflict, field: "on", detail: "before the delivery")
            // A mileage below an earlier reading.
            try await client.execute(
                uri: "/v1/vehicles/LFV2A21K3N3000123/mileage", method: .post, headers: f.headers,
                body: ByteBuffer(string: #"{"kilometres":12000}"#)
            ) { #expect($0.status == .created) }
            try await Self.expect(
                client, .post, "/v1/vehicles/LFV2A21K3N3000123/mileage", #"{"kilometres":11000}"#,
                headers: f.headers, status: .conflict, field: "kilometres", detail: "is lower than the reading")
            // A day after today; a birth date before 1900 is wrong whatever the day (400).
            try await Self.expect(
                client, .post, "/v1/customers", #"{"name":"赵强","birthDate":"2030-01-01"}"#, headers: f.headers,
                status: .conflict, field: "birthDate", detail: "is in the future", checkField: false)
            try await Self.expect(
                client, .post, "/v1/customers", #"{"name":"赵强","birthDate":"1850-01-01"}"#, headers: f.headers,
                status: .badRequest, field: "birthDate", detail: "before 1900", checkField: false)
            // A setting's value is judged by the setting (RFC 9110: a PUT the target cannot take); no such setting.
            try await Self.expect(
                client, .put, "/v1/settings/time.zone", #"{"value":"0"}"#, headers: f.headers, status: .conflict,
                field: "time.zone", detail: "is not a time zone name")
            try await Self.expect(
                client, .put, "/v1/settings/no.such", #"{"value":"1"}"#, headers: f.headers, status: .notFound,
                field: "key", detail: "unknown setting")
        }
    }

    @Test("Figures the description bounds are refused past their maximum; an empty model names no term")
    func bounds() async throws {
        let f = try Fixture()
        try Self.vehicles(f)
        try await f.app.test(.router) { client in
            try await Self.expect(
                client, .get, "/v1/vehicles/LFV2A21K3N3000123/warranty?mileage=3000001", nil, headers: f.headers,
                status: .badRequest, field: "mileage", detail: "not a plausible odometer reading")
            try await Self.expect(
                client, .post, "/v1/vehicles/LFV2A21K3N3000123/maintenance-visits",
                #"{"on":"2026-10-01","kilometres":3000001}"#, headers: f.headers, status: .badRequest,
                field: "kilometres", detail: "not a plausible odometer reading")
            try await Self.expect(
                client, .post, "/v1/warranty/terms",
                #"{"make":"Volkswagen","model":" ","usage":"private","months":36,"kilometres":100000,"#
                    + #""effective":"2026-01-01"}"#, headers: f.headers, status: .badRequest, field: "model")
            // A model year: 1950 to 2100 is the field's range (400); more than two years after today's, a 409.
            for (year, status) in [(1949, HTTPResponse.Status.badRequest), (2029, .conflict), (2028, .created)] {
                try await client.execute(
                    uri: "/v1/vehicles", method: .post, headers: f.headers,
                    body: ByteBuffer(
                        string: #"{"customerId":1,"vin":"LSVAB2BM5N\#(year)123","make":"Volkswagen","#
                            + #""model":"Lavida","usage":"private","modelYear":\#(year)}"#)
                ) { #expect($0.status == status, "\(year)") }
            }
        }
    }
}
