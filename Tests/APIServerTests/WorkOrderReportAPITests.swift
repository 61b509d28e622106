import Core
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing
import WorkOrders

@testable import APIServer

@Suite("The work-order report over HTTP (in process)")
struct WorkOrderReportAPITests {
    @Test("Roles: the service manager, the general manager and admin read the report; every other role gets 403")
    func roles() async throws {
        let f = try WorkOrderAPITests.Fixture()
        #expect(Permission.reportWorkOrders.roles == [.serviceManager, .generalManager, .admin])
        try await f.app.test(.router) { client in
            for role in Role.allCases {
                try await client.execute(
                    uri: "/v1/work-orders/report?from=2026-12-01&to=2026-12-06", method: .get, headers: f.headers(role)
                ) { response in
                    if role.may(.reportWorkOrders) {
                        #expect(response.status == .ok, "\(role): \(String(buffer: response.body))")
                        let json = try WorkOrderAPITests.json(response)
                        #expect(json["orders"] as? Int == 0 && (json["days"] as? [Any])?.count == 6, "\(role)")
                        let rate = json["effectiveLabourRate"] as? [String: Any]
                        #expect(rate?["absent"] as? String == "no-sold-hours" && rate?["value"] is NSNull)
                    } else {
                        #expect(response.status == .forbidden, "\(role)")
                    }
                }
            }
        }
    }

    @Test("A period that does not run forwards or a day that does not parse is a 400 naming the field")
    func badInput() async throws {
        let f = try WorkOrderAPITests.Fixture()
        try await f.app.test(.router) { client in
            for (query, field) in [
                ("from=2026-12-07&to=2026-12-06", "from"), ("from=2026-02-30", "from"), ("to=soon", "to"),
                ("from=2025-01-01&to=2026-12-06", "to"),
            ] {
                try await client.execute(
                    uri: "/v1/work-orders/report?\(query)", method: .get, headers: f.headers(.serviceManager)
                ) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(String(buffer: response.body).contains("\"\(field)\""), "\(query)")
                }
            }
        }
    }

    @Test("A settled order counts, and its figures come in the language-neutral JSON the spec gives")
    func settledOrder() async throws {
        let f = try WorkOrderAPITests.Fixture()
        let number = try f.quotedOrder()
        _ = try f.db.answerWorkOrderJob(number, job: 1, approved: true, by: "王芳", method: .signature, actor: "王顾问")
        _ = try f.db.clockWorkOrderJob(number, job: 1, technician: "刘强", on: true, actor: "刘强")
        f.clock.set(f.clock.now().addingTimeInterval(3_600))
        _ = try f.db.clockWorkOrderJob(number, job: 1, technician: "刘强", on: false, actor: "刘强")
        _ = try f.db.checkWorkOrderJob(
            number, job: 1, failed: [], roadTestKilometres: 5, reason: nil, finding: nil, actor: "赵磊")
        _ = try f.db.settleWorkOrder(number, payment: .cash, actor: "王顾问")
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/work-orders/report?from=2026-12-06&to=2026-12-06", method: .get,
                headers: f.headers(.generalManager, language: "zh")
            ) { response in
                #expect(response.status == .ok)
                let json = try WorkOrderAPITests.json(response)
                #expect(json["orders"] as? Int == 1 && json["soldCentihours"] as? Int == 80)
                #expect(json["clockedCentihours"] as? Int == 100 && json["technicianDays"] as? Int == 1)
                #expect((json["efficiency"] as? [String: Any])?["value"] as? Double == 80.0)
                #expect((json["firstTimeFixRate"] as? [String: Any])?["value"] as? Double == 100.0)
            }
        }
    }
}
