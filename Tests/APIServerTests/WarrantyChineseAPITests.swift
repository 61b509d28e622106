import Core
import Customers
import Foundation
import Hummingbird
import Storage
import TestSupport
import Testing

@testable import APIServer

@Suite("HTTP API: the warranty answer in the request's language (in process)")
struct WarrantyChineseAPITests {
    @Test("W-8: Accept-Language zh-CN — reasons and summary in Chinese, keys, kinds and coveredBy in English")
    func reasonsFollowTheRequest() async throws {
        let f = try APITests.Fixture()
        let id = try f.db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: f.db.now), phones: [], reason: "x"),
            actor: "t"
        ).customer.id!
        _ = try f.db.addVehicle(
            Vehicle(
                customerID: id, vin: VIN(trusted: "LFV2A21K3N3000123"), make: "Volkswagen", model: "Sagitar",
                usage: .private, deliveredAt: instant("2024-05-10T10:00:00+08:00"), createdAt: f.db.now), actor: "t")
        let chinese: HTTPFields = {
            var fields = APITests.headers(f.agent)
            fields[.acceptLanguage] = "zh-CN,zh;q=0.9,en;q=0.5"
            return fields
        }()
        try await f.app.test(.router) { client in
            try await client.execute(
                uri: "/v1/vehicles/LFV2A21K3N3000123/warranty?mileage=61200&on=2026-11-23", method: .get,
                headers: chinese
            ) { response in
                #expect(response.status == .ok)
                let decision = try APITests.json(response)["decision"] as! [String: Any]
                #expect(decision["covered"] as? Bool == false)
                #expect(decision["summary"] as? String == "不在保：包修期里程：61,200 km（上限 60,000 km），超出 1,200 km")
                let reasons = decision["reasons"] as! [[String: Any]]
                #expect(
                    reasons.contains {
                        $0["rule"] as? String == "L-2" && $0["kind"] as? String == "sanbao"
                            && ($0["text"] as? String)?.hasPrefix("三包有效期") == true
                    })
            }
            try await client.execute(
                uri: "/v1/vehicles/LFV2A21K3N3000123/warranty?mileage=30000&on=2026-11-23", method: .get,
                headers: APITests.headers(f.agent)
            ) { response in
                let decision = try APITests.json(response)["decision"] as! [String: Any]
                #expect(decision["coveredBy"] as? String == "vehicle warranty")
                #expect(decision["summary"] as? String == "covered by vehicle warranty")
            }
        }
    }
}
