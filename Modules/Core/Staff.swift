import Foundation

/// A staff member customers, contacts and complaints can be assigned to (C-10 lists the customers of staff
/// who have left).
public struct StaffMember: Codable, Sendable, Equatable {
    public var name: String
    public var role: Role
    public var leftOn: LocalDate?

    public init(name: String, role: Role, leftOn: LocalDate? = nil) {
        self.name = name
        self.role = role
        self.leftOn = leftOn
    }

    /// Whether the member still works here on `day`.
    public func isCurrent(on day: LocalDate) -> Bool { leftOn.map { day < $0 } ?? true }

    /// Rules C-8, C-10: a name recorded as the staff member who made a contact or did a task, on someone else's
    /// behalf (anyone but the `actor` recording it), must be a current staff member; a typo or a colleague who
    /// left is refused, naming `field` and the staff to choose from, instead of being stored as a stranger.
    public static func requireCurrent(
        _ name: String, actor: String, among staff: [StaffMember], on day: LocalDate,
        field: String
    ) throws {
        guard name != actor else { return }
        _ = try current(name, among: staff, on: day, field: field)
    }

    /// The staff member named `name`, who works here on `day`. A name that is no staff member is refused naming
    /// `field`, the current staff and the commands that list and add them; one who has left, with the day.
    /// The one check behind every rule that names a current staff member (C-8, C-10, K-3).
    public static func current(
        _ name: String, among staff: [StaffMember], on day: LocalDate,
        field: String
    ) throws -> StaffMember {
        guard let member = staff.first(where: { $0.name == name }) else {
            let current = staff.filter { $0.isCurrent(on: day) }.map(\.name)
            let choose: Phrase =
                current.isEmpty ? "no staff is recorded yet" : "staff: \(current.joined(separator: ", "))"
            throw Conflict(
                field: field,
                "\(name) is not a staff member (\(choose)); see `aftersales staff list`, "
                    + "or add them with `aftersales staff add`")
        }
        if let left = member.leftOn, !member.isCurrent(on: day) {
            throw Conflict(
                field: field,
                "\(name) left on \(left); choose a current staff member (`aftersales staff list`)")
        }
        return member
    }
}
