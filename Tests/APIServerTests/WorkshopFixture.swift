import Core
import Customers
import Foundation
import GRDB
import Hummingbird
import Storage
import TestSupport

@testable import APIServer

/// The dealer the appointment, capacity and board suites talk to over HTTP (issue 18): a database on a set clock,
/// a token for every role and the app in process. What a suite needs on top (a customer and car, catalogue
/// operations, the workshop of `addSmallWorkshop`) it adds in `setUp`, before the app is built.
struct WorkshopFixture {
    static let vin = VIN(trusted: "LFV2A21K3N3000123")

    let db: AppDatabase
    let tokens: [Role: String]
    let app: Application<RouterResponder<APIRequestContext>>

    /// An empty dealer with the clock on `now` (`2026-12-07T09:00:00+08:00`).
    init(now: String, setUp: (AppDatabase) throws -> Void = { _ in }) throws {
        try self.init(database: try memoryDatabase(now: now), setUp: setUp)
    }

    /// The API over a database a suite made (the welcome board's `BoardFixture`).
    init(database: AppDatabase, setUp: (AppDatabase) throws -> Void = { _ in }) throws {
        db = database
        tokens = try roleTokens(db)
        try setUp(db)
        app = Application(router: buildRouter(database: db))
    }

    func headers(_ role: Role, language: String? = nil) -> HTTPFields {
        var fields: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(tokens[role]!)"]
        if let language { fields[.acceptLanguage] = language }
        return fields
    }

    /// 王芳, a retained customer, with her 2023 Volkswagen Sagitar 京A·12345 (`vin`), delivered on 2024-05-10.
    static func addCustomerAndCar(_ db: AppDatabase) throws {
        let customer = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: db.now),
                phones: ["13800138000"], reason: "老客户"),
            actor: "t"
        ).customer.id!
        _ = try db.addVehicle(
            Vehicle(
                customerID: customer, vin: vin, plate: "京A·12345", make: "Volkswagen", model: "Sagitar",
                modelYear: 2023, buildDate: LocalDate("2022-04-18"), usage: .private,
                deliveredAt: instant("2024-05-10T10:00:00+08:00"), createdAt: db.now), actor: "t")
    }

    /// A labour operation of the catalogue for every Volkswagen: its code, hours in hundredths and name.
    static func addOperation(_ db: AppDatabase, _ code: String, centihours: Int, _ description: String) throws {
        try db.writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
                    VALUES (?, 'Volkswagen', '', ?, ?, 't', 0)
                    """, arguments: [code, centihours, description])
        }
    }
}
