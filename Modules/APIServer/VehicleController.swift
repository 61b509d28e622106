import Core
import Customers
import Foundation
import Hummingbird
import Storage

/// /v1/vehicles: vehicles by VIN, delivery, mileage and usage changes.
struct VehicleController {
    let database: AppDatabase

    struct MileageInput: Codable {
        var kilometres: Int
        var at: String?
        var source: String?
        var odometerReplaced: Bool?
    }

    struct UsageInput: Codable {
        var usage: String
        var effective: String?
        var reason: String?
    }

    struct DeliveryInput: Codable {
        var at: String
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.post("vehicles", .writeCustomers) { request, context, principal in
            let form = try await JSON.body(VehicleForm.self, request, context)
            let result = try await database.run { db in
                try db.addVehicle(
                    try form.vehicle(now: db.now, timeZone: try db.settings().timeZone), actor: principal.name)
            }
            return try JSON.response(result, status: .created)
        }
        routes.get("vehicles/:vin", .readCustomers) { _, context, _ in
            let vin = try await vin(context, database)
            return try JSON.response(try await database.run { try $0.vehicleCard(vin) })
        }
        routes.post("vehicles/:vin/delivery", .writeCustomers) { request, context, principal in
            let vin = try await vin(context, database)
            let input = try await JSON.body(DeliveryInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    try db.deliverVehicle(vin, at: try instant(input.at, field: "at", db: db), actor: principal.name)
                })
        }
        routes.post("vehicles/:vin/mileage", .writeCustomers) { request, context, principal in
            let vin = try await vin(context, database)
            let input = try await JSON.body(MileageInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    try db.addMileage(
                        vin, kilometres: input.kilometres,
                        at: try input.at.map { try instant($0, field: "at", db: db) } ?? db.now,
                        source: input.source ?? "api", odometerReplaced: input.odometerReplaced ?? false,
                        actor: principal.name)
                }, status: .created)
        }
        routes.post("vehicles/:vin/usage", .writeCustomers) { request, context, principal in
            let vin = try await vin(context, database)
            let input = try await JSON.body(UsageInput.self, request, context)
            return try JSON.response(
                try await database.run { db in
                    let zone = try db.settings().timeZone
                    let effective =
                        try input.effective.map { try LocalDate.parse($0, field: "effective") }
                        ?? LocalDate(instant: db.now, in: zone)
                    return try db.changeUsage(
                        vin, to: try Usage.parse(input.usage), effective: effective, reason: input.reason,
                        actor: principal.name)
                })
        }
    }
}

/// An instant from JSON: ISO 8601, or local time in the dealer's zone (T-2).
func instant(_ text: String, field: String, db: AppDatabase) throws -> Date {
    guard let date = Instant.parse(text, timeZone: try db.settings().timeZone) else {
        throw InvalidInput(field: field, "expected an ISO 8601 time such as 2026-11-23T09:30:00+08:00, got \"\(text)\"")
    }
    return date
}
