import Appointments
import Core
import Foundation
import Hummingbird
import Storage

/// /v1/capacity: the workshop's capacity as data (issue 18, A-2): the whole of it (and who works when on a day),
/// and a PUT per bay, technician, advisor and labour operation, with leave as a technician's sub-collection. Each
/// reads its text through `CapacityForm`, as the CLI does.
struct CapacityController {
    let database: AppDatabase

    struct BayInput: Codable {
        var kind: String?
        var active: Bool?
    }

    struct TechnicianInput: Codable {
        var skills: [String]?
        var shifts: [String: String]?
        var active: Bool?
    }

    struct LeaveInput: Codable {
        var from: String?
        var to: String?
        var reason: String?
    }

    struct AdvisorInput: Codable {
        var arrivalsPerQuarterHour: Int?
        var shifts: [String: String]?
        var active: Bool?
    }

    struct OperationInput: Codable {
        var skill: String?
    }

    /// Each capacity field as the API's caller writes it.
    static func field(_ field: CapacityForm.Field) -> String {
        switch field {
        case .code, .operation: "code"
        case .name: "name"
        case .kind: "kind"
        case .skills: "skills"
        case .skill: "skill"
        case .shifts: "shifts"
        case .from: "from"
        case .to: "to"
        case .reason: "reason"
        case .arrivals: "arrivalsPerQuarterHour"
        case .leave: "id"
        }
    }

    func addRoutes(to routes: Routes) {
        let database = self.database
        routes.get("capacity", .readAppointments) { request, _, _ in
            let day = try Query(request: request).string("day").map { try LocalDate.parse($0, field: "day") }
            return try JSON.response(try await database.run { try $0.capacityListing(day: day) })
        }
        routes.put("capacity/bays/:code", .manageCapacity, Self.setBay(database))
        routes.put("capacity/technicians/:name", .manageCapacity, Self.setTechnician(database))
        routes.post("capacity/technicians/:name/leave", .manageCapacity, Self.addLeave(database))
        routes.delete("capacity/technicians/:name/leave/:id", .manageCapacity) { _, context, principal in
            let name = try context.parameter("name")
            let id = try context.rowID("id", what: "a leave number")
            let technician = try await Self.naming {
                try await database.run { db in
                    try db.removeLeave(name, id: id, actor: principal.name)
                    return try db.capacityListing().technicians.first { $0.name == name.trimmed() }
                }
            }
            return try JSON.response(technician)
        }
        routes.put("capacity/advisors/:name", .manageCapacity, Self.setAdvisor(database))
        routes.put("capacity/operations/:code", .manageCapacity, Self.setOperation(database))
    }

    /// Runs a use case off the event loop, naming a field at fault as the API's caller wrote it.
    static func naming<T>(_ body: () async throws -> T) async throws -> T {
        try await CapacityForm.Field.naming(field, body)
    }

    /// Reads text through the form, naming a field at fault as the API's caller wrote it.
    static func checked<T>(_ body: () throws -> T) throws -> T {
        try CapacityForm.Field.naming(field, body)
    }

    static func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw InvalidInput(field: field, "is required") }
        return value
    }

    static func setBay(_ database: AppDatabase) -> Routes.Handler {
        { request, context, principal in
            let code = try context.parameter("code")
            let input = try await JSON.body(BayInput.self, request, context)
            let kind = try checked { try CapacityForm.kind(try required(input.kind, "kind")) }
            let bay = try await naming {
                try await database.run {
                    try $0.setBay(code, kind: kind, active: input.active ?? true, actor: principal.name)
                }
            }
            return try JSON.response(bay)
        }
    }

    static func setTechnician(_ database: AppDatabase) -> Routes.Handler {
        { request, context, principal in
            let name = try context.parameter("name")
            let input = try await JSON.body(TechnicianInput.self, request, context)
            let skills = try checked {
                let words = try required(input.skills, "skills")
                guard !words.isEmpty else {
                    throw InvalidInput(field: "skills", "name at least one skill, such as general")
                }
                return Set(try words.map { try CapacityForm.skill($0, field: .skills) })
            }
            let shifts = try checked { try CapacityForm.shifts(weekly: try required(input.shifts, "shifts")) }
            let technician = try await naming {
                try await database.run {
                    try $0.setTechnician(
                        name, skills: skills, shifts: shifts, active: input.active ?? true, actor: principal.name)
                }
            }
            return try JSON.response(technician)
        }
    }

    static func addLeave(_ database: AppDatabase) -> Routes.Handler {
        { request, context, principal in
            let name = try context.parameter("name")
            let input = try await JSON.body(LeaveInput.self, request, context)
            let from = try LocalDate.parse(try required(input.from, "from"), field: "from")
            let to = try LocalDate.parse(try required(input.to, "to"), field: "to")
            let leave = try checked { try CapacityForm.leave(from: from, to: to, reason: input.reason) }
            let entry = try await naming {
                try await database.run { try $0.addLeave(name, leave, actor: principal.name) }
            }
            return try JSON.response(entry, status: .created)
        }
    }

    static func setAdvisor(_ database: AppDatabase) -> Routes.Handler {
        { request, context, principal in
            let name = try context.parameter("name")
            let input = try await JSON.body(AdvisorInput.self, request, context)
            let shifts = try checked { try CapacityForm.shifts(weekly: input.shifts ?? [:]) }
            let advisor = try await naming {
                try await database.run {
                    try $0.setAdvisor(
                        name, arrivals: .some(input.arrivalsPerQuarterHour), shifts: shifts,
                        active: input.active ?? true, actor: principal.name)
                }
            }
            return try JSON.response(advisor)
        }
    }

    static func setOperation(_ database: AppDatabase) -> Routes.Handler {
        { request, context, principal in
            let code = try context.parameter("code")
            let input = try await JSON.body(OperationInput.self, request, context)
            let skill = try checked { try CapacityForm.skill(try required(input.skill, "skill")) }
            let entry = try await naming {
                try await database.run { try $0.setOperationSkill(code, skill: skill, actor: principal.name) }
            }
            return try JSON.response(entry)
        }
    }
}
