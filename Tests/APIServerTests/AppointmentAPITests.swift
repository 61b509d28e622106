import Appointments
import Core
import Customers
import Foundation
import GRDB
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("Offers, booking and the register over HTTP (in process)")
struct AppointmentAPITests {
    /// One customer and car, a catalogue operation, and a workshop of one bay, one technician and one advisor who
    /// receives one arrival per quarter-hour; the clock on Monday 7 December 09:00.
    static func fixture() throws -> WorkshopFixture {
        try WorkshopFixture(now: "2026-12-07T09:00:00+08:00") { db in
            try WorkshopFixture.addCustomerAndCar(db)
            try WorkshopFixture.addOperation(db, "10 00 00 01", centihours: 100, "一级维护")
            try db.addSmallWorkshop()
        }
    }

    static func appointments(_ db: AppDatabase) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM appointment") ?? 0 }
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
    }

    static let slotBody = #"{"vehicle":"京A·12345","jobs":["10 00 00 01"],"arrival":"2026-12-07 12:00"}"#

    @Test("Roles: every staff role asks for offers and reads the register; appointments.write books and changes")
    func roles() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                let read = role.may(.readAppointments)  // every role but the welcome board's token
                let book = role.may(.bookAppointments)
                try await client.execute(
                    uri: "/v1/appointments/offers", method: .post, headers: f.headers(role),
                    body: ByteBuffer(string: #"{"vehicle":"京A·12345","jobs":["10 00 00 01"]}"#)
                ) { response in
                    #expect(response.status == (read ? .ok : .forbidden), "\(role)")
                    if read {
                        let body = try Self.json(response)
                        #expect((body["slots"] as? [Any])?.isEmpty == false, "\(role)")
                    }
                }
                try await client.execute(
                    uri: "/v1/appointments", method: .post, headers: f.headers(role),
                    body: ByteBuffer(
                        string: #"{"vehicle":"京A·12345","jobs":["10 00 00 01"],"preferred":"2027-01-10 10:00"}"#)
                ) { response in
                    #expect(response.status == (book ? .created : .forbidden), "\(role)")
                }
                try await client.execute(uri: "/v1/appointments", method: .get, headers: f.headers(role)) {
                    #expect($0.status == (read ? .ok : .forbidden), "\(role)")
                }
                try await client.execute(
                    uri: "/v1/appointments/AP-000001/cancel", method: .post, headers: f.headers(role),
                    body: ByteBuffer(string: #"{"reason":"x"}"#)
                ) { response in
                    // The first writer cancels it; the others find it cancelled already (409).
                    #expect(book ? response.status != .forbidden : response.status == .forbidden, "\(role)")
                }
            }
        }
    }

    @Test("Booking an offered slot answers 201 with the appointment; show, list, reschedule, cancel follow (A-1)")
    func bookAndManage() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/appointments", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: Self.slotBody)
            ) { response in
                #expect(response.status == .created)
                let card = try Self.json(response)
                #expect(card["number"] as? String == "AP-000001")
                #expect(card["state"] as? String == "booked")
                #expect((card["slot"] as? [String: Any])?["arrival"] as? String == "2026-12-07T12:00:00+08:00")
                #expect((card["history"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["booked"])
            }
            try await client.execute(
                uri: "/v1/appointments/ap-000001", method: .get, headers: f.headers(.technician)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["customer"] as? String == "王芳")
            }
            try await client.execute(
                uri: "/v1/appointments?day=2026-12-07&state=booked&limit=1", method: .get, headers: f.headers(.csAgent)
            ) { response in
                #expect(response.status == .ok)
                let page = try Self.json(response)
                #expect(page["total"] as? Int == 1)
                #expect((page["items"] as? [[String: Any]])?.first?["number"] as? String == "AP-000001")
                #expect(page["more"] as? Bool == false)
            }
            try await client.execute(
                uri: "/v1/appointments?day=2026-12-08", method: .get, headers: f.headers(.csAgent)
            ) { response in
                let body = try Self.json(response)
                #expect(body["total"] as? Int == 0)
            }
            try await client.execute(
                uri: "/v1/appointments/AP-000001/reschedule", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: #"{"arrival":"2026-12-08 10:00","note":"客户改期"}"#)
            ) { response in
                #expect(response.status == .ok)
                let card = try Self.json(response)
                #expect((card["slot"] as? [String: Any])?["arrival"] as? String == "2026-12-08T10:00:00+08:00")
                #expect(
                    (card["history"] as? [[String: Any]])?.map { $0["kind"] as? String } == ["booked", "rescheduled"])
            }
            try await client.execute(
                uri: "/v1/appointments/AP-000001/cancel", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: #"{"reason":"客户临时出差"}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["state"] as? String == "cancelled")
            }
            try await client.execute(
                uri: "/v1/appointments/AP-000001/no-show", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: "{}")
            ) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(
                uri: "/v1/appointments/reminders", method: .post, headers: f.headers(.csAgent),
                body: ByteBuffer(string: #"{"day":"2026-12-08"}"#)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["queued"] as? Int == 0)  // the only booking was cancelled
            }
        }
    }

    @Test("Bad input is a 400 naming the body's field; an unknown appointment a 404; nothing written")
    func badInput() async throws {
        let f = try Self.fixture()
        let cases: [(String, String, HTTPResponse.Status, String?)] = [
            ("/v1/appointments", #"{"jobs":["10 00 00 01"],"preferred":"2027-01-10 10:00"}"#, .badRequest, "vehicle"),
            ("/v1/appointments", #"{"vehicle":"京A·12345","preferred":"2027-01-10 10:00"}"#, .badRequest, "jobs"),
            ("/v1/appointments", #"{"vehicle":"京A·12345","jobs":["10 00 00 01"]}"#, .badRequest, "arrival"),
            (
                "/v1/appointments", #"{"vehicle":"京A·12345","jobs":["10 00 00 01"],"channel":"fax","arrival":"x"}"#,
                .badRequest, "channel"
            ),
            (
                "/v1/appointments", #"{"vehicle":"京A·12345","description":"异响","hours":"30","preferred":"x"}"#,
                .badRequest, "hours"
            ),
            (
                "/v1/appointments/offers", #"{"vehicle":"京A·12345","jobs":["10 00 00 01"],"nmae":1}"#, .badRequest,
                "nmae"
            ),
            // The booking body is read in two parts (the vehicle, channel and note; the work and the slot a
            // contact's `booking` shares): one object still, every key known, each type checked.
            ("/v1/appointments", #"{"vehicle":"京A·12345","jobs":["10 00 00 01"],"nmae":null}"#, .badRequest, "nmae"),
            ("/v1/appointments", #"{"vehicle":"京A·12345","jobs":"10 00 00 01"}"#, .badRequest, "jobs"),
            ("/v1/appointments", #"{"vehicle":"京A·12345","jobs":["10 00 00 01"],"note":7}"#, .badRequest, "note"),
            (
                "/v1/customers/1/contacts", #"{"channel":"phone","outcome":"booked","booking":{"note":"x"}}"#,
                .badRequest, "booking.note"
            ),
            ("/v1/appointments/offers", #"{"vehicle":"LFV2A21K3N3999999","jobs":["10 00 00 01"]}"#, .notFound, nil),
            ("/v1/appointments/AP-000099/cancel", #"{"reason":"x"}"#, .notFound, nil),
            ("/v1/appointments/AP-000099/reschedule", #"{}"#, .badRequest, "arrival"),
        ]
        try await f.app.test(.router) { client in
            for (uri, body, status, field) in cases {
                try await client.execute(
                    uri: uri, method: .post, headers: f.headers(.admin), body: ByteBuffer(string: body)
                ) { response in
                    #expect(response.status == status, "\(uri) \(body)")
                    let problem = try Self.json(response)
                    if let field { #expect(problem["field"] as? String == field, "\(body)") }
                }
            }
            try await client.execute(uri: "/v1/appointments/AP-000099", method: .get, headers: f.headers(.admin)) {
                #expect($0.status == .notFound)
            }
            try await client.execute(
                uri: "/v1/appointments?state=lost", method: .get, headers: f.headers(.admin)
            ) { response in
                #expect(response.status == .badRequest)
                let body = try Self.json(response)
                #expect(body["field"] as? String == "state")
            }
        }
        let stored = try Self.appointments(f.db)
        #expect(stored == 0)
    }

    @Test("A race for the last capacity: one POST books (201), the other is a 409 carrying fresh offers (A-2)")
    func race() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            async let first = client.execute(
                uri: "/v1/appointments", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: Self.slotBody))
            async let second = client.execute(
                uri: "/v1/appointments", method: .post, headers: f.headers(.serviceAdvisor),
                body: ByteBuffer(string: Self.slotBody))
            let responses = try await [first, second]
            #expect(responses.map(\.status).sorted { $0.code < $1.code } == [.created, .conflict])
            let lost = try #require(responses.first { $0.status == .conflict })
            #expect(lost.headers[.contentType] == "application/problem+json")
            let problem = try Self.json(lost)
            #expect(problem["field"] as? String == "arrival")
            let offers = try #require(problem["offers"] as? [[String: Any]])
            #expect(!offers.isEmpty)
            #expect(offers.allSatisfy { $0["arrival"] as? String != "2026-12-07T12:00:00+08:00" })
            #expect(offers.allSatisfy { $0["technician"] as? String == "刘强" })
        }
        let stored = try Self.appointments(f.db)
        #expect(stored == 1)
    }

    @Test("C-8: a contact logged as booked books in the same request; a lost slot is a 409 and writes neither")
    func bookedContact() async throws {
        let f = try Self.fixture()
        let body = #"""
            {"channel":"phone","outcome":"booked","vin":"京A·12345","note":"周一来保养",
             "booking":{"jobs":["10 00 00 01"],"arrival":"2026-12-07 12:00"}}
            """#
        let contacts = { try f.db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM contact") ?? 0 } }
        try await f.app.test(.router) { client in
            // A role that logs contacts but does not book (a sales consultant) may not book in the contact.
            let forbidden = try await client.execute(
                uri: "/v1/customers/1/contacts", method: .post, headers: f.headers(.salesConsultant),
                body: ByteBuffer(string: body))
            #expect(forbidden.status == .forbidden)
            let created = try await client.execute(
                uri: "/v1/customers/1/contacts", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: body))
            #expect(created.status == .created)
            let answer = try Self.json(created)
            #expect(answer["outcome"] as? String == "booked")
            let appointment = try #require(answer["appointment"] as? [String: Any])
            #expect(appointment["number"] as? String == "AP-000001")
            #expect(appointment["channel"] as? String == "dealer-call")
            // C-8: the appointment names the contact it was booked in, here and when read again.
            #expect(appointment["contactId"] as? Int == answer["id"] as? Int && answer["id"] != nil)
            try await client.execute(
                uri: "/v1/appointments/AP-000001", method: .get, headers: f.headers(.appointmentStaff)
            ) { response in
                let read = try Self.json(response)
                #expect(read["contactId"] as? Int == answer["id"] as? Int)
            }
            let again = try await client.execute(
                uri: "/v1/customers/1/contacts", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: body))
            #expect(again.status == .conflict)
            let problem = try Self.json(again)
            #expect(problem["field"] as? String == "booking.arrival")
            #expect((problem["offers"] as? [[String: Any]])?.isEmpty == false)
            let wrong = try await client.execute(
                uri: "/v1/customers/1/contacts", method: .post, headers: f.headers(.appointmentStaff),
                body: ByteBuffer(string: body.replacingOccurrences(of: "\"booked\"", with: "\"reached\"")))
            #expect(wrong.status == .badRequest)
            #expect(try Self.json(wrong)["field"] as? String == "outcome")
        }
        #expect(try Self.appointments(f.db) == 1)
        #expect(try contacts() == 1)
    }

    @Test("A lost slot's problem speaks Chinese with Accept-Language zh")
    func slotTakenInChinese() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/appointments", method: .post, headers: f.headers(.admin),
                body: ByteBuffer(string: Self.slotBody)
            ) { #expect($0.status == .created) }
            try await client.execute(
                uri: "/v1/appointments", method: .post, headers: f.headers(.admin, language: "zh-CN"),
                body: ByteBuffer(string: Self.slotBody)
            ) { response in
                #expect(response.status == .conflict)
                let detail = try Self.json(response)["detail"] as? String ?? ""
                #expect(detail.contains("该时段刚被占用"))
            }
        }
    }

    @Test("The day-before, calls and menu routes beside /{number} still answer")
    func neighbours() async throws {
        let f = try Self.fixture()
        try await f.app.test(.router) { client in
            for uri in ["/v1/appointments/day-before", "/v1/appointments/calls"] {
                try await client.execute(uri: uri, method: .get, headers: f.headers(.admin)) { response in
                    #expect(response.status == .ok, "\(uri)")
                    let body = try Self.json(response)
                    #expect(body["number"] == nil, "\(uri)")
                }
            }
            try await client.execute(
                uri: "/v1/appointments/menu/10%2000%2000%2001", method: .get, headers: f.headers(.admin)
            ) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["operation"] as? String == "10 00 00 01")
            }
        }
    }
}
