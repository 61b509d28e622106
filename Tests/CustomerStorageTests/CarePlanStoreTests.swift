import Core
import Customers
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite("C-7 and C-10 in the database")
struct CarePlanStoreTests {
    func retainedWithVehicle(
        _ db: AppDatabase, deliveredAt: String = "2026-11-20T10:30:00+08:00", customerClass: CustomerClass = .retained
    ) throws -> (Customer.ID, VehicleResult) {
        // C-10: the card's owner is a staff member; unless the test gave 张伟 a role, one that holds no care task.
        if try !db.staff().contains(where: { $0.name == "张伟" }) {
            _ = try db.addStaff(name: "张伟", role: .technician, actor: "t")
        }
        let customer = Customer(
            name: "王芳", customerClass: customerClass, region: "北京", address: "朝阳区", owner: "张伟", createdAt: db.now)
        let id = try db.addCustomer(
            NewCustomer(customer: customer, phones: ["13800138000"], reason: "bought here"), actor: "t"
        ).customer.id!
        let vehicle = Vehicle(
            customerID: id, vin: try VIN(validating: "LFV2A21K3N3000123"), make: "Volkswagen", model: "Sagitar",
            usage: .private, deliveredAt: instant(deliveredAt), createdAt: db.now)
        return (id, try db.addVehicle(vehicle, actor: "t"))
    }

    @Test("C-7: the plan goes to the roles the rule names: GM's letter, consultant's call and booking, service's calls")
    func planAtDelivery() throws {
        let db = try memoryDatabase()
        for (name, role) in [
            ("刘总", Role.generalManager), ("张伟", .salesConsultant), ("王强", .salesConsultant),
            ("李娜", .csAgent),
        ] {
            _ = try db.addStaff(name: name, role: role, actor: "t")
        }
        let (_, result) = try retainedWithVehicle(db)
        #expect(
            result.createdTasks.map(\.kind) == [.thankYouLetter, .firstCall, .newCarCall, .firstMaintenanceReminder])
        // The owner 张伟 is a sales consultant: the consultant's tasks are his, the others go to the one holder.
        #expect(result.createdTasks.map(\.assignee) == ["刘总", "张伟", "李娜", "张伟"])
        #expect(result.createdTasks.allSatisfy { $0.rule == "C-7" })
        // The monthly calls stay with the one who holds the chain.
        let later = try db.dueTasks(asOf: LocalDate("2027-01-15")!)
        #expect(later.filter { $0.task.kind == .monthlyCall }.map(\.task.assignee) == ["李娜"])
    }

    @Test("C-7: a role with no holder, or several and the owner not one of them, keeps the task in the role's queue")
    func planByRoleQueue() throws {
        let db = try memoryDatabase()
        let staff = [("王强", Role.salesConsultant), ("赵六", .salesConsultant), ("李娜", .csAgent), ("陈静", .csAgent)]
        for (name, role) in staff {
            _ = try db.addStaff(name: name, role: role, actor: "t")
        }
        let (_, result) = try retainedWithVehicle(db)
        #expect(
            result.createdTasks.map(\.assignee)
                == ["role: general-manager", "role: sales-consultant", "role: cs-agent", "role: sales-consultant"])
        let queue = try db.dueTasks(asOf: LocalDate("2026-11-30")!, assignee: "role: sales-consultant")
        #expect(queue.map(\.task.kind) == [.firstCall])
    }

    @Test("C-7: no plan for a customer who is not retained; moving them to retained creates it")
    func planOnMove() throws {
        let db = try memoryDatabase()
        let (id, result) = try retainedWithVehicle(db, customerClass: .intention)
        #expect(result.createdTasks.isEmpty)
        #expect(result.carePlanNote?.contains("not retained") == true)
        let card = try db.moveCustomer(id, to: .retained, reason: "bought a Sagitar", actor: "t")
        #expect(card.openTasks.count == 4)
    }

    @Test("C-7: a delivery long past gets no plan, and says so")
    func oldDelivery() throws {
        let db = try memoryDatabase()
        let (_, result) = try retainedWithVehicle(db, deliveredAt: "2024-01-10T10:00:00+08:00")
        #expect(result.createdTasks.isEmpty)
        #expect(result.carePlanNote?.contains("more than 90 days ago") == true)
    }

    @Test(
        "C-7: tasks due lists each task with its rule and how late it is; monthly calls appear as the chain falls due")
    func dueTasks() throws {
        let db = try memoryDatabase()
        _ = try retainedWithVehicle(db)
        let onDay = try db.dueTasks(asOf: LocalDate("2026-11-30")!)
        #expect(onDay.map(\.task.kind) == [.thankYouLetter, .firstCall])
        #expect(onDay.map(\.lateness.description) == ["7 days overdue", "3 days overdue"])
        let later = try db.dueTasks(asOf: LocalDate("2027-02-15")!)
        #expect(later.filter { $0.task.kind == .monthlyCall }.map(\.task.sequence) == [1, 2])
        // Running it again creates nothing new.
        let again = try db.dueTasks(asOf: LocalDate("2027-02-15")!)
        #expect(again.count == later.count)
    }

    @Test("C-7 and C-8: completing a task records who, when and the response, and logs the call as a contact")
    func completeTask() throws {
        let db = try memoryDatabase()
        let (id, result) = try retainedWithVehicle(db)
        let call = result.createdTasks.first { $0.kind == .firstCall }!
        let done = try db.completeTask(
            call.id!, TaskCompletion(response: "车况良好, 很满意", channel: .phone, outcome: .satisfied, staff: "张伟"),
            actor: "张伟")
        #expect(done.doneBy == "张伟")
        #expect(done.doneAt == db.now)
        let contacts = try db.contacts(customer: id)
        #expect(contacts.items.count == 1)
        #expect(contacts.items[0].outcome == .satisfied)
        #expect(contacts.items[0].note?.contains("first call (C-7)") == true)
        #expect(throws: Conflict.self) { try db.completeTask(call.id!, TaskCompletion(response: "again"), actor: "t") }
        #expect(throws: InvalidInput.self) {
            try db.completeTask(result.createdTasks[0].id!, TaskCompletion(response: " "), actor: "t")
        }
    }

    @Test(
        "C-10: the checks list careless cards, lapsed contact, dissatisfied customers without follow-up and customers of staff who left"
    )
    func checks() throws {
        let db = try memoryDatabase()
        // C-10: owners are staff members when the cards are given to them.
        _ = try db.addStaff(name: "刘洋", role: .salesConsultant, actor: "admin")
        _ = try db.addStaff(name: "张伟", role: .salesConsultant, actor: "admin")
        _ = try retainedWithVehicle(db)
        _ = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "李强", customerClass: .intention, owner: "刘洋", createdAt: db.now),
                phones: ["13912345678"], reason: "walk-in"), actor: "t")
        let careless = try db.runCheck(.carelessCards, asOf: LocalDate("2026-11-23")!)
        #expect(careless.map(\.customerName) == ["李强"])
        #expect(careless[0].problem.contains("address, region"))

        _ = try db.staffLeft(name: "刘洋", on: LocalDate("2026-11-22")!, actor: "admin")
        #expect(try db.runCheck(.departedStaff, asOf: LocalDate("2026-11-23")!).map(\.customerName) == ["李强"])
        #expect(try db.reassignCustomers(from: "刘洋", to: "张伟", actor: "经理") == 1)
        #expect(try db.runCheck(.departedStaff, asOf: LocalDate("2026-11-23")!).isEmpty)
        #expect(throws: Conflict.self) { try db.reassignCustomers(from: "张伟", to: "刘洋", actor: "经理") }

        let lapsed = try db.runCheck(.lapsedContact, asOf: LocalDate("2027-03-01")!)
        #expect(lapsed.count == 2)
        #expect(lapsed[0].problem.contains("never contacted"))

        _ = try db.logContact(
            Contact(
                customerID: Customer.ID(1), channel: .phone, direction: .outbound,
                at: instant("2026-11-23T08:00:00+08:00"),
                staff: "张伟", outcome: .dissatisfied, note: "抱怨交车慢"), actor: "t")
        #expect(try db.runCheck(.dissatisfiedWithoutFollowUp, asOf: LocalDate("2026-11-24")!).isEmpty)
        let unfollowed = try db.runCheck(.dissatisfiedWithoutFollowUp, asOf: LocalDate("2026-11-30")!)
        #expect(unfollowed.map(\.customerName) == ["王芳"])
        #expect(unfollowed[0].problem.contains("7 days"))
    }

    @Test("C-8: a contact in the future, or about another customer's vehicle, is refused")
    func contactValidation() throws {
        let db = try memoryDatabase()
        let (id, _) = try retainedWithVehicle(db)
        let other = try db.addCustomer(
            NewCustomer(customer: Customer(name: "李强", customerClass: .potential, createdAt: db.now), phones: []),
            actor: "t"
        ).customer.id!
        #expect(throws: Conflict.self) {
            try db.logContact(
                Contact(
                    customerID: id, channel: .phone, direction: .outbound, at: instant("2026-12-01T08:00:00+08:00"),
                    staff: "张伟", outcome: .reached), actor: "t")
        }
        #expect(throws: Conflict.self) {
            try db.logContact(
                Contact(
                    customerID: other, vehicleID: Vehicle.ID(1), channel: .phone, direction: .outbound, at: db.now,
                    staff: "张伟", outcome: .reached), actor: "t")
        }
        #expect(throws: NotFound.self) {
            try db.logContact(
                Contact(
                    customerID: Customer.ID(99), channel: .phone, direction: .outbound, at: db.now, staff: "张伟",
                    outcome: .reached), actor: "t")
        }
    }
}
