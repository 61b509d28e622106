import Core
import Foundation

// Rule K-3 over the staff values storage passes in: who may own a complaint, who owns it at intake, and who
// makes the follow-up call. No database here; the same answers for the CLI, the API and the tests.
extension Complaint {
    /// Rule K-3: customer service owns a complaint end to end: a cs-agent or a cs-manager.
    public static let ownerRoles: Set<Role> = [.csAgent, .csManager]

    /// Rule K-3: the owner of a complaint is a current customer-service staff member on `day`; anyone else is
    /// refused naming the owner field and what is wrong (no such staff member, left, or another role).
    public static func checkOwner(_ name: String, staff: [StaffMember], on day: LocalDate) throws {
        guard !name.isEmpty else {
            throw InvalidInput(field: "owner", "a customer-service staff member owns the complaint (K-3)")
        }
        let member = try StaffMember.current(name, among: staff, on: day, field: "owner")
        guard ownerRoles.contains(member.role) else {
            throw Conflict(
                field: "owner",
                "\(name) is \(Phrase(key: member.role.rawValue)); a customer-service staff member "
                    + "(cs-agent or cs-manager) owns the complaint (K-3)")
        }
    }

    /// Rule K-3 (首问负责制): the owner at intake is the one named, else the first receiver when they are
    /// customer service; otherwise the owner has to be named. The owner is checked as `checkOwner` does.
    public static func intakeOwner(
        named given: String?, receiver: String, staff: [StaffMember],
        on day: LocalDate
    ) throws -> String {
        let owner: String
        if let given = given?.trimmed(), !given.isEmpty {
            owner = given
        } else if (try? checkOwner(receiver, staff: staff, on: day)) != nil {
            owner = receiver
        } else {
            let who: Phrase = receiver.isEmpty ? "the receiver" : Phrase(verbatim: receiver)
            throw InvalidInput(
                field: "owner",
                "\(who) is not customer-service staff; name the customer-service owner (K-3)")
        }
        try checkOwner(owner, staff: staff, on: day)
        return owner
    }

    /// Rule K-3: the owner makes the follow-up call, unless the dealer names the customer-service or service
    /// manager: then the first current one by name, or the owner when there is none.
    public static func followUpPerson(
        owner: String, by: FollowUpBy, staff: [StaffMember],
        on day: LocalDate
    ) -> String {
        guard by != .owner, let role = Role(rawValue: by.rawValue) else { return owner }
        return staff.filter { $0.role == role && $0.isCurrent(on: day) }.map(\.name).min() ?? owner
    }
}
