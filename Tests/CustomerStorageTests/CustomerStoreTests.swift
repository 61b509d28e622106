import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite("Customer base storage")
struct CustomerStoreTests {
    func addRetained(
        _ db: AppDatabase, name: String = "王芳", phone: String = "13800138000", owner: String? = "张伟"
    ) throws -> CustomerCard {
        // C-10: the owner is a staff member.
        if let owner, try !db.staff().contains(where: { $0.name == owner }) {
            _ = try db.addStaff(name: owner, role: .salesConsultant, actor: "setup")
        }
        let customer = Customer(
            name: name, customerClass: .retained, region: "北京", address: "北京市朝阳区建国路88号", owner: owner, createdAt: db.now
        )
        return try db.addCustomer(
            NewCustomer(customer: customer, phones: [phone], reason: "bought here"), actor: "tester")
    }

    func vehicle(
        _ customer: Customer.ID, vin: String = "LFV2A21K3N3000123", deliveredAt: String? = "2026-11-20T10:30:00+08:00",
        db: AppDatabase
    ) throws -> Vehicle {
        Vehicle(
            customerID: customer, vin: try VIN(validating: vin), plate: "京A12345", make: "Volkswagen", model: "Sagitar",
            modelYear: 2026,
            usage: .private, deliveredAt: deliveredAt.map(instant), createdAt: db.now)
    }

    @Test("C-6: a card round-trips Chinese names and addresses, and the creation is audited with its fields")
    func createAndAudit() throws {
        let db = try memoryDatabase()
        let card = try addRetained(db)
        let id = card.customer.id!
        let reread = try db.customerCard(id)
        #expect(reread.customer.name == "王芳")
        #expect(reread.customer.address == "北京市朝阳区建国路88号")
        #expect(reread.customer.createdAt == instant("2026-11-23T09:00:00+08:00"))
        #expect(reread.classHistory.map(\.to) == [.retained])
        #expect(reread.classHistory.first?.reason == "bought here")
        let audit = try db.auditEntries(AuditFilter(entity: "customer", entityID: id.description))
        #expect(audit.count == 1)
        #expect(audit[0].actor == "tester")
        #expect(audit[0].action == "create")
        #expect(audit[0].changes["name"] == FieldChange(before: nil, after: "王芳"))
        #expect(audit[0].at == instant("2026-11-23T09:00:00+08:00"))
    }

    @Test("C-2: a graded customer moved out of potential loses the grade to the move history and can be edited again")
    func gradeAfterMove() throws {
        let db = try memoryDatabase()
        let graded = Customer(name: "赵敏", customerClass: .potential, grade: .a, createdAt: db.now)
        let id = try db.addCustomer(NewCustomer(customer: graded, phones: []), actor: "t").customer.id!
        #expect(try db.customerCard(id).gradeCriteria == [.confidence, .need, .purchasingPower])
        let moved = try db.moveCustomer(id, to: .intention, reason: "试驾后下定", actor: "销售-张伟")
        #expect(moved.customer.grade == nil && moved.gradeCriteria == nil)
        #expect(moved.classHistory.last?.grade == .a)
        #expect(moved.classHistory.last?.gradeCriteria == [.confidence, .need, .purchasingPower])
        var edit = CustomerEdit()
        edit.region = "上海"
        #expect(try db.editCustomer(id, edit, actor: "t").customer.region == "上海")
        let move = try #require(
            try db.auditEntries(AuditFilter(entity: "customer", entityID: id.description)).first { $0.action == "move" }
        )
        #expect(move.changes["grade"] == FieldChange(before: "A", after: nil))
    }

    @Test("C-2: the migration moves the grade of customers already moved out of potential into their class history")
    func gradeMigration() throws {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: "2026-11-23 customers: cards, vehicles, mileage, contacts, care tasks")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO customer (id, kind, name, customer_class, grade, created_at, updated_at)
                        VALUES (1, 'person', '赵敏', 'intention', 'B', '2026-11-01 00:00:00.000', '2026-11-01 00:00:00.000'),
                               (2, 'person', '李强', 'potential', 'C', '2026-11-01 00:00:00.000', '2026-11-01 00:00:00.000');
                    INSERT INTO class_move (customer_id, from_class, to_class, at, actor, reason) VALUES
                        (1, NULL, 'potential', '2026-11-01 00:00:00.000', 't', 'new potential customer'),
                        (1, 'potential', 'intention', '2026-11-10 00:00:00.000', 't', '试驾'),
                        (2, NULL, 'potential', '2026-11-01 00:00:00.000', 't', 'new potential customer');
                    """)
        }
        let db = try AppDatabase(queue, clock: FixedClock(instant("2026-11-23T09:00:00+08:00")))
        let moved = try db.customerCard(Customer.ID(1))
        #expect(moved.customer.grade == nil)
        #expect(moved.classHistory.map(\.grade) == [nil, .b])
        #expect(try db.customerCard(Customer.ID(2)).customer.grade == .c)
    }

    @Test("C-5: creating a base customer needs a reason")
    func creationReason() throws {
        let db = try memoryDatabase()
        let customer = Customer(name: "李强", customerClass: .retained, createdAt: db.now)
        #expect(throws: InvalidInput.self) {
            try db.addCustomer(NewCustomer(customer: customer, phones: []), actor: "t")
        }
        let potential = Customer(name: "李强", customerClass: .potential, createdAt: db.now)
        #expect(
            try db.addCustomer(NewCustomer(customer: potential, phones: []), actor: "t").classHistory.first?.reason
                == "new potential customer")
    }

    @Test("C-5: a move records actor, time and reason; a refused move changes nothing")
    func moves() throws {
        let db = try memoryDatabase()
        let id = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "赵敏", customerClass: .potential, grade: .b, createdAt: db.now), phones: []),
            actor: "t"
        ).customer.id!
        let moved = try db.moveCustomer(id, to: .intention, reason: "test drive booked", actor: "销售-张伟")
        #expect(moved.customer.customerClass == .intention)
        #expect(moved.classHistory.last?.from == .potential)
        #expect(moved.classHistory.last?.actor == "销售-张伟")
        let before = try db.auditEntries(AuditFilter()).count
        #expect(throws: Conflict.self) { try db.moveCustomer(id, to: .potential, reason: "oops", actor: "t") }
        #expect(throws: InvalidInput.self) { try db.moveCustomer(id, to: .retained, reason: "  ", actor: "t") }
        #expect(try db.customerCard(id).customer.customerClass == .intention)
        #expect(try db.auditEntries(AuditFilter()).count == before)
    }

    @Test("An edit is audited field by field, before and after; an invalid edit writes nothing")
    func edits() throws {
        let db = try memoryDatabase()
        let id = try addRetained(db).customer.id!
        var edit = CustomerEdit()
        edit.address = "上海市浦东新区世纪大道100号"
        edit.addPhones = ["010-65529988"]
        _ = try db.editCustomer(id, edit, actor: "客服-李娜")
        let entry = try db.auditEntries(AuditFilter(entity: "customer", entityID: id.description)).first!
        #expect(entry.action == "update")
        #expect(entry.changes["address"] == FieldChange(before: "北京市朝阳区建国路88号", after: "上海市浦东新区世纪大道100号"))
        #expect(entry.changes["phones"] == FieldChange(before: "13800138000", after: "01065529988;13800138000"))
        #expect(entry.changes["name"] == nil)

        var bad = CustomerEdit()
        bad.address = "不应保存"
        bad.email = "not-an-email"
        #expect(throws: InvalidInput.self) { try db.editCustomer(id, bad, actor: "t") }
        #expect(try db.customerCard(id).customer.address == "上海市浦东新区世纪大道100号")
    }

    @Test("C-6: a phone already on another customer is refused naming them, unless marked shared")
    func phoneConflicts() throws {
        let db = try memoryDatabase()
        _ = try addRetained(db)
        let other = Customer(name: "王小明", customerClass: .potential, createdAt: db.now)
        do {
            _ = try db.addCustomer(NewCustomer(customer: other, phones: ["138 0013 8000"]), actor: "t")
            Issue.record("the duplicate phone must be refused")
        } catch let error as Conflict {
            #expect(error.detail.contains("customer 1 (王芳)"))
        }
        #expect(try db.listCustomers().total == 1)
        let shared = try db.addCustomer(
            NewCustomer(customer: other, phones: ["13800138000"], allowSharedPhones: true), actor: "t")
        #expect(shared.phones == [CustomerPhone(phone: "13800138000", shared: true)])
        #expect(try db.customerCard(Customer.ID(1)).phones.first?.shared == true)
    }

    @Test("C-6: one VIN belongs to one vehicle; a second is refused naming the existing vehicle and its customer")
    func vinUnique() throws {
        let db = try memoryDatabase()
        let first = try addRetained(db).customer.id!
        _ = try db.addVehicle(try vehicle(first, db: db), actor: "t")
        let second = try addRetained(db, name: "李强", phone: "13912345678").customer.id!
        do {
            _ = try db.addVehicle(try vehicle(second, vin: "lfv2a21k3n3000123", db: db), actor: "t")
            Issue.record("a second vehicle with the same VIN must be refused")
        } catch let error as Conflict {
            #expect(error.field == "vin")
            #expect(error.detail == "VIN LFV2A21K3N3000123 is already on vehicle 1 (customer 1 王芳)")
        }
    }

    @Test("C-6: a wrong check digit is kept with a warning")
    func checkDigitWarning() throws {
        let db = try memoryDatabase()
        let id = try addRetained(db).customer.id!
        let result = try db.addVehicle(try vehicle(id, vin: "LFV2A21K1N3000123", db: db), actor: "t")
        #expect(result.warnings.count == 1)
        #expect(result.card.checkDigitWarning != nil)
    }

    @Test("C-6 and W-2: usage changes are kept with their dates; the usage at delivery stays known")
    func usageHistory() throws {
        let db = try memoryDatabase()
        let id = try addRetained(db).customer.id!
        let vin = try db.addVehicle(try vehicle(id, db: db), actor: "t").card.vehicle.vin
        let card = try db.changeUsage(
            vin, to: .taxi, effective: LocalDate("2026-11-22")!, reason: "ride-hailing", actor: "t")
        #expect(card.vehicle.usage == .taxi)
        #expect(card.deliveryUsage == .private)
        #expect(card.usageHistory.map(\.usage) == [.private, .taxi])
        #expect(card.usageHistory.first?.effective == LocalDate("2026-11-20"))
        #expect(throws: Conflict.self) {
            try db.changeUsage(vin, to: .commercial, effective: LocalDate("2026-11-01")!, reason: nil, actor: "t")
        }
    }

    @Test("C-6: mileage lower than an earlier reading is refused unless the odometer was replaced")
    func mileage() throws {
        let db = try memoryDatabase()
        let id = try addRetained(db).customer.id!
        let vin = try db.addVehicle(try vehicle(id, db: db), actor: "t").card.vehicle.vin
        _ = try db.addMileage(
            vin, kilometres: 1_200, at: instant("2026-11-22T10:00:00+08:00"), source: "service",
            odometerReplaced: false, actor: "t")
        #expect(throws: Conflict.self) {
            try db.addMileage(
                vin, kilometres: 900, at: instant("2026-11-23T08:00:00+08:00"), source: "service",
                odometerReplaced: false, actor: "t")
        }
        let card = try db.addMileage(
            vin, kilometres: 900, at: instant("2026-11-23T08:00:00+08:00"), source: "service", odometerReplaced: true,
            actor: "t")
        #expect(card.latestKilometres == 900)
        #expect(throws: Conflict.self) {
            try db.addMileage(
                vin, kilometres: 1_000, at: instant("2026-12-23T08:00:00+08:00"), source: "service",
                odometerReplaced: false, actor: "t")
        }
    }

    @Test(
        "Search: by partial Chinese name, phone or its last digits, plate with or without the dot, VIN or its last characters"
    )
    func search() throws {
        let db = try memoryDatabase()
        let wang = try addRetained(db).customer.id!
        _ = try db.addVehicle(try vehicle(wang, db: db), actor: "t")
        _ = try addRetained(db, name: "王小明", phone: "13912345678")
        _ = try addRetained(db, name: "李强", phone: "13700001111")
        #expect(try db.searchCustomers("王").items.map(\.name) == ["王芳", "王小明"])
        #expect(try db.searchCustomers("王芳").items.map(\.name) == ["王芳"])
        #expect(try db.searchCustomers("139 1234 5678").items.map(\.name) == ["王小明"])
        #expect(try db.searchCustomers("1111").items.map(\.name) == ["李强"])
        #expect(try db.searchCustomers("京A·12345").items.map(\.id) == [wang])
        #expect(try db.searchCustomers("京a12345").items.map(\.id) == [wang])
        #expect(try db.searchCustomers("LFV2A21K3N3000123").items.map(\.id) == [wang])
        #expect(try db.searchCustomers("3000123", by: .vin).items.map(\.id) == [wang])
        #expect(try db.searchCustomers("张三").items.isEmpty)
        #expect(throws: InvalidInput.self) { try db.searchCustomers("  ").items }
    }

    @Test("Settings are stored with audit; the typed value replaces the default")
    func settings() throws {
        let db = try memoryDatabase()
        #expect(try db.settings().integer(.contactLapseDays) == 90)
        try db.setSetting("checks.contact-lapse.days", to: "60", actor: "admin")
        #expect(try db.settings().integer(.contactLapseDays) == 60)
        #expect(
            try db.auditEntries(AuditFilter(entity: "setting")).first?.changes["value"]
                == FieldChange(before: "90", after: "60"))
        #expect(throws: Conflict.self) { try db.setSetting("checks.contact-lapse.days", to: "-1", actor: "admin") }
        #expect(throws: UnknownRecord.self) { try db.setSetting("no.such.key", to: "1", actor: "admin") }
    }
}
