import Core
import Customers
import Foundation
import GRDB
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("The day before, check-in, dealer calls and the service menu over HTTP (in process)")
struct AppointmentDayAPITests {
    /// 王芳 and her car, the 5,000 km maintenance with its oil filter (Q-1), and one booking for every role on
    /// Monday 7 December 09:00; the clock on the Sunday before.
    static func fixture() throws -> WorkshopFixture {
        try WorkshopFixture(now: "2026-12-06T10:00:00+08:00") { db in
            try WorkshopFixture.addCustomerAndCar(db)
            try WorkshopFixture.addOperation(db, "01 10 00 00", centihours: 80, "常规保养")
            try db.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO part (number, name, price_fen, currency, effective, source, updated_at) \
                        VALUES ('06L 115 562 B', '机油滤清器', 8600, 'CNY', '2026-01-01', 't', 0);
                        INSERT INTO operation_part VALUES ('01 10 00 00', '06L 115 562 B', 1);
                        """)
                for (index, _) in Role.allCases.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO appointment (number, customer_id, vehicle_id, vin, channel, state, arrival, \
                            price_fen, centihours, created_at, created_by) VALUES (?, 1, 1, 'LFV2A21K3N3000123', \
                            'phone', 'booked', ?, 0, 80, ?, 't')
                            """,
                        arguments: [
                            String(format: "AP-%06d", index + 1), instant("2026-12-07T09:00:00+08:00"),
                            instant("2026-12-01T09:00:00+08:00"),
                        ])
                    try db.execute(
                        sql: "INSERT INTO appointment_job VALUES (?, 1, '01 10 00 00', '常规保养', 80, 'general', 0)",
                        arguments: [db.lastInsertedRowID])
                }
            }
        }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    @Test("Roles: everyone reads the lists; appointments.write checks in; capacity.manage sets the menu")
    func roles() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            for (index, role) in Role.allCases.enumerated() {
                let book = Permission.bookAppointments.roles.contains(role)
                let manage = Permission.manageCapacity.roles.contains(role)
                try await client.execute(
                    uri: "/v1/appointments/day-before?day=2026-12-07", method: .get, headers: f.headers(role)
                ) { response in
                    // Every staff role reads the lists; the welcome board's token reads nothing under /v1.
                    #expect(response.status == (role == .board ? .forbidden : .ok), "\(role)")
                    if role != .board {
                        let lists = try Self.json(response)
                        #expect(lists["workshop"] is [Any], "\(role)")
                    }
                }
                try await client.execute(uri: "/v1/appointments/calls", method: .get, headers: f.headers(role)) {
                    response in
                    #expect(response.status == (role == .board ? .forbidden : .ok), "\(role)")
                }
                try await client.execute(
                    uri: "/v1/appointments/menu/01%2010%2000%2000", method: .put, headers: f.headers(role),
                    body: ByteBuffer(string: #"{"parts":[{"part":"06L 115 562 B","quantity":1}]}"#)
                ) { response in
                    #expect(response.status == (manage ? .ok : .forbidden), "\(role)")
                }
                try await client.execute(
                    uri: "/v1/appointments/\(String(format: "AP-%06d", index + 1))/check-in", method: .post,
                    headers: f.headers(role), body: ByteBuffer(string: "{\"mileage\":\(12000 + index)}")
                ) { response in
                    #expect(response.status == (book ? .created : .forbidden), "\(role)")
                    if book {
                        let sheet = try Self.json(response)
                        let lines = (sheet["order"] as? [String: Any])?["lines"] as? [[String: Any]]
                        #expect(lines?.map { $0["code"] as? String } == ["01 10 00 00", "06L 115 562 B"])
                    }
                }
            }
        }
    }

    @Test("Check-in refusals: an unknown booking 404, one checked in 409 naming number, in Chinese too; bad input 400")
    func refusals() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            let body = ByteBuffer(string: #"{"mileage":12000}"#)
            try await client.execute(
                uri: "/v1/appointments/AP-000099/check-in", method: .post, headers: f.headers(.serviceAdvisor),
                body: body
            ) { response in
                #expect(response.status == .notFound)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "number")
            }
            try await client.execute(
                uri: "/v1/appointments/AP-000001/check-in", method: .post, headers: f.headers(.serviceAdvisor),
                body: body
            ) { response in #expect(response.status == .created) }
            try await client.execute(
                uri: "/v1/appointments/AP-000001/check-in", method: .post,
                headers: f.headers(.serviceAdvisor, language: "zh-CN"), body: body
            ) { response in
                #expect(response.status == .conflict)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "number")
                #expect(
                    (problem["detail"] as? String)?.contains("AP-000001 已接车登记：维修委托书 RO-20261206-001") == true,
                    "\(problem)")
            }
            try await client.execute(
                uri: "/v1/appointments/AP-000002/check-in", method: .post, headers: f.headers(.serviceAdvisor),
                body: ByteBuffer(string: #"{"fuel":10}"#)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "mileage")
            }
            try await client.execute(
                uri: "/v1/appointments/calls?reason=bogus", method: .get, headers: f.headers(.serviceAdvisor)
            ) { response in
                #expect(response.status == .badRequest)
                let problem = try Self.json(response)
                #expect(problem["field"] as? String == "reason")
            }
            try await client.execute(
                uri: "/v1/appointments/menu/99%2099", method: .get, headers: f.headers(.serviceAdvisor)
            ) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
