import Appointments
import Core
import Foundation
import Hummingbird
import Storage
import WorkOrders

/// /v1/appointments: the day-before lists, check-in at reception, the dealer's call list and the
/// service menu, as `aftersales appointment day-before | check-in | calls | menu` give them.
struct AppointmentDayController {
    let database: AppDatabase

    /// Reception of a booked car: the fields of `POST /v1/work-orders` but the vehicle, which the booking names
    /// (`vin`, when given, is a check that the booked car came).
    struct CheckInInput: Codable {
        var vin: String?
        var mileage: Int?
        var fuel: Int?
        var concerns: [String]?
        var walkAround: [String]?
        var returnOldParts: Bool?
        var promisedAt: String?
        var arrivedAt: String?
        var advisor: String?
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("appointments/day-before", .readAppointments) { request, _, _ in
            let day = try Query(request: request).string("day").map { try LocalDate.parse($0, field: "day") }
            return try JSON.response(try await database.run { try $0.dayBeforeLists(on: day) })
        }
        routes.get("appointments/calls", .readAppointments) { request, _, _ in
            let query = Query(request: request)
            let day = try query.string("day").map { try LocalDate.parse($0, field: "day") }
            let reason = try query.string("reason").map { text in
                guard let reason = CallReason(rawValue: text) else {
                    throw InvalidInput(field: "reason", "expected maintenance, recall or declined, got \"\(text)\"")
                }
                return reason
            }
            let page = try query.page()
            return try JSON.response(
                try await database.run {
                    try $0.dealerCalls(on: day, reason: reason, limit: page.limit, offset: page.offset)
                })
        }
        routes.post("appointments/:number/check-in", .bookAppointments) { request, context, principal in
            let number = try context.parameter("number")
            let input = try await JSON.body(CheckInInput.self, request, context)
            var form = ReceptionForm()
            form.vin = input.vin
            form.mileage = input.mileage
            form.fuel = input.fuel
            form.concerns = input.concerns
            form.walkAround = input.walkAround
            form.returnOldParts = input.returnOldParts
            form.promisedAt = input.promisedAt
            form.arrivedAt = input.arrivedAt
            form.advisor = input.advisor
            let reception = form
            let order = try await database.run { db in
                do { return try db.checkInAppointment(number, reception, actor: principal.name) } catch let error
                    as any AfterSalesError
                {
                    guard error.field == "appointment" else { throw error }
                    throw RenamedField(error, field: "number")
                }
            }
            return try await WorkOrderController.sheet(order.number, database, status: .created)
        }
        routes.get("appointments/menu/:operation", .readAppointments) { _, context, _ in
            let operation = try context.parameter("operation")
            return try JSON.response(try await database.run { try $0.serviceMenu(operation) })
        }
        routes.put("appointments/menu/:operation", .manageCapacity) { request, context, principal in
            let operation = try context.parameter("operation")
            let form = try await JSON.body(ServiceMenuForm.self, request, context)
            return try JSON.response(
                try await database.run { try $0.setServiceMenu(operation, form, actor: principal.name) })
        }
    }
}
