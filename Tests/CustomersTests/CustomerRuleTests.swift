import Core
import Foundation
import Testing

@testable import Customers

@Suite("C rules: customer base")
struct CustomerRuleTests {
    @Test(
        "C-5: only the listed moves are allowed; a refusal names the allowed moves", arguments: CustomerClass.allCases)
    func classMoves(from: CustomerClass) throws {
        let allowed: [CustomerClass: Set<CustomerClass>] = [
            .potential: [.intention], .intention: [.retained, .defeated], .defeated: [.intention],
            .retained: [.defeated],
        ]
        for target in CustomerClass.allCases {
            if allowed[from]!.contains(target) {
                try from.checkMove(to: target)
            } else {
                do {
                    try from.checkMove(to: target)
                    Issue.record("\(from) → \(target) should be refused")
                } catch let error as Conflict {
                    #expect(error.field == "class")
                    #expect(error.detail.contains("C-5"))
                    for move in allowed[from]! { #expect(error.detail.contains(move.rawValue)) }
                }
            }
        }
    }

    @Test("C-2: only potential customers carry a grade")
    func gradeOnlyForPotential() throws {
        let now = Date()
        try Customer(name: "王芳", customerClass: .potential, grade: .a, createdAt: now).validate()
        #expect(throws: Conflict.self) {
            try Customer(name: "王芳", customerClass: .retained, grade: .a, createdAt: now).validate()
        }
        #expect(throws: InvalidInput.self) {
            try Customer(name: "  ", customerClass: .potential, createdAt: now).validate()
        }
    }

    @Test(
        "C-2: a move out of potential clears the grade and hands it back for the move history; the grade keeps its criteria"
    )
    func gradeLeavesWithPotential() throws {
        var customer = Customer(name: "赵敏", customerClass: .potential, grade: .b, createdAt: Date())
        #expect(try customer.move(to: .intention) == .b)
        #expect(customer.customerClass == .intention && customer.grade == nil)
        try customer.validate()  // later edits are valid again
        #expect(throws: Conflict.self) { try customer.move(to: .potential) }
        #expect(PotentialGrade.a.criteria == [.confidence, .need, .purchasingPower])
        #expect(PotentialGrade.b.criteria == [.need, .purchasingPower])
        #expect(PotentialGrade.c.criteria == [.confidence, .purchasingPower])
        #expect(PotentialGrade.c.explained == "C (confidence, purchasing-power)")
        #expect(
            ClassMove(
                customerID: Customer.ID(1), from: .potential, to: .intention, at: Date(), actor: "t", reason: "r",
                grade: .a
            )
            .gradeCriteria == [.confidence, .need, .purchasingPower])
    }

    @Test("C-6: phones are normalised; mobile numbers are 11 digits starting 13-19")
    func phones() throws {
        #expect(try ContactDetails.normalizePhone("+86 138-0013-8000") == "13800138000")
        #expect(try ContactDetails.normalizePhone("010-6552 9988") == "01065529988")
        #expect(throws: InvalidInput.self) { try ContactDetails.normalizePhone("1380013800") }
        #expect(throws: InvalidInput.self) { try ContactDetails.normalizePhone("12800138000") }
        #expect(throws: InvalidInput.self) { try ContactDetails.normalizePhone("call me") }
    }

    @Test("C-6: plates are shown as 京A·12345 and searched without separators")
    func plates() throws {
        #expect(try ContactDetails.normalizePlate("京a12345") == "京A·12345")
        #expect(try ContactDetails.normalizePlate("沪AD12345") == "沪A·D12345")
        #expect(try ContactDetails.normalizePlate("粤B·1234学") == "粤B·1234学")
        #expect(ContactDetails.plateKey("京A·12345") == "京A12345")
        #expect(throws: InvalidInput.self) { try ContactDetails.normalizePlate("AB12345") }
        #expect(throws: InvalidInput.self) { try ContactDetails.normalizePlate("京A1") }
    }

    @Test("C-9: usage is private, taxi or commercial; ride-hailing is taxi")
    func usage() throws {
        #expect(try Usage.parse("ride-hailing") == .taxi)
        #expect(try Usage.parse("网约车") == .taxi)
        #expect(try Usage.parse("PRIVATE") == .private)
        #expect(throws: InvalidInput.self) { try Usage.parse("rental") }
    }

    @Test("C-6: a reading lower than an earlier one is an error unless the odometer was replaced")
    func mileageReadings() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let vehicle = Vehicle.ID(1)
        let existing = [
            MileageReading(
                vehicleID: vehicle, kilometres: 12_000, readAt: Instant.parse("2026-06-01T10:00:00Z")!,
                source: "service")
        ]
        let lower = MileageReading(
            vehicleID: vehicle, kilometres: 11_500, readAt: Instant.parse("2026-07-01T10:00:00Z")!, source: "service")
        do {
            try MileageReading.check(lower, against: existing, timeZone: zone)
            Issue.record("a lower reading must be refused")
        } catch let error as Conflict {
            #expect(error.field == "kilometres")
            #expect(error.detail.contains("11,500 km is lower than the reading of 12,000 km"))
            #expect(error.detail.contains("odometer replacement"))
        }
        var replaced = lower
        replaced.odometerReplaced = true
        try MileageReading.check(replaced, against: existing, timeZone: zone)
        // After a replacement, readings continue from the new odometer.
        let after = MileageReading(
            vehicleID: vehicle, kilometres: 600, readAt: Instant.parse("2026-08-01T10:00:00Z")!, source: "service")
        #expect(throws: Conflict.self) { try MileageReading.check(after, against: existing, timeZone: zone) }
        try MileageReading.check(
            after,
            against: existing + [
                MileageReading(
                    vehicleID: vehicle, kilometres: 100, readAt: replaced.readAt, source: "service",
                    odometerReplaced: true)
            ], timeZone: zone)
        // A back-dated reading may not exceed a later one.
        let backdated = MileageReading(
            vehicleID: vehicle, kilometres: 13_000, readAt: Instant.parse("2026-05-01T10:00:00Z")!, source: "call")
        #expect(throws: Conflict.self) { try MileageReading.check(backdated, against: existing, timeZone: zone) }
    }

    @Test("C-10: a careless card lists its missing fields")
    func carelessCards() {
        let now = Date()
        let retained = Customer(name: "李强", customerClass: .retained, region: "北京", createdAt: now)
        #expect(
            CardCheck.missingFields(retained, phoneCount: 0, vehicleCount: 0) == [
                "phone", "address", "owner", "vehicle",
            ])
        let potential = Customer(name: "赵敏", customerClass: .potential, createdAt: now)
        #expect(CardCheck.missingFields(potential, phoneCount: 1, vehicleCount: 0) == ["grade"])
        let complete = Customer(
            name: "王芳", customerClass: .intention, region: "北京", address: "朝阳区建国路88号", owner: "张伟", createdAt: now)
        #expect(CardCheck.missingFields(complete, phoneCount: 1, vehicleCount: 0).isEmpty)
    }
}

@Suite("C-7: retained-customer care plan")
struct CarePlanTests {
    let delivery = LocalDate("2026-11-20")!

    @Test("C-7: a task goes to its role: the owner who holds it, else the one current holder, else the role's queue")
    func assigneeByRole() {
        let staff = [
            StaffMember(name: "刘总", role: .generalManager), StaffMember(name: "张伟", role: .salesConsultant),
            StaffMember(name: "王强", role: .salesConsultant), StaffMember(name: "李娜", role: .csAgent),
            StaffMember(name: "陈静", role: .csAgent, leftOn: LocalDate("2026-10-01")!),
        ]
        let cases: [(CareTask.Kind, String?, String?, String)] = [
            (.thankYouLetter, "张伟", nil, "刘总"),
            (.firstCall, "张伟", nil, "张伟"),
            (.firstCall, "李娜", nil, "role: sales-consultant"),
            (.firstMaintenanceReminder, nil, nil, "role: sales-consultant"),
            (.newCarCall, "张伟", nil, "李娜"),  // 陈静 left: 李娜 is the one current holder
            (.monthlyCall, "张伟", "陈静", "李娜"),  // the chain's holder left: by role again
            (.monthlyCall, "张伟", "role: cs-agent", "李娜"),
        ]
        for (kind, owner, previous, expected) in cases {
            let assignee = CarePlan.assignee(for: kind, owner: owner, previous: previous, staff: staff, on: delivery)
            #expect(assignee == expected, "\(kind) owner \(owner ?? "-")")
        }
        let nobody = CarePlan.assignee(for: .thankYouLetter, owner: "张伟", staff: [], on: delivery)
        #expect(nobody == "role: general-manager")
    }

    @Test(
        "C-7: at delivery: thank-you letter in 3 days, call in 7, new-car call in 2-3 weeks, first-maintenance reminder from W-9"
    )
    func tasksAtDelivery() {
        let tasks = CarePlan.tasksAtDelivery(delivery: delivery, settings: DealerSettings(), schedule: .standard())
        #expect(tasks.map(\.kind) == [.thankYouLetter, .firstCall, .newCarCall, .firstMaintenanceReminder])
        #expect(tasks[0].dueOn == LocalDate("2026-11-23")!)
        #expect(tasks[1].dueOn == LocalDate("2026-11-27")!)
        #expect(tasks[2].windowStart == LocalDate("2026-12-04")!)
        #expect(tasks[2].dueOn == LocalDate("2026-12-11")!)
        // W-9: first maintenance at 6 months (2027-05-20); the reminder goes 14 days before.
        #expect(tasks[3].dueOn == LocalDate("2027-05-06")!)
        #expect(tasks[3].note.contains("2027-05-20"))
        #expect(tasks[3].note.contains("5,000 km"))
    }

    @Test("C-7: the delays are the dealer's settings")
    func configurableDelays() {
        let settings = DealerSettings(overrides: [.firstCallDays: "5", .firstMaintenanceLeadDays: "30"])
        let schedule = MaintenanceSchedule(
            make: "Volkswagen", firstKilometres: 7_500, firstMonths: 3, intervalKilometres: 15_000,
            intervalMonths: 12, toleranceKilometres: 1_000, toleranceDays: 30)
        let tasks = CarePlan.tasksAtDelivery(delivery: delivery, settings: settings, schedule: schedule)
        #expect(tasks[1].dueOn == LocalDate("2026-11-25")!)
        #expect(tasks[3].dueOn == LocalDate("2027-02-20")!.adding(days: -30))
    }

    @Test("C-7: each monthly call is created when the previous one is done or due, up to 12")
    func monthlyCalls() {
        let settings = DealerSettings()
        let anchor = CareTask(
            id: CareTask.ID(3), customerID: Customer.ID(1), vehicleID: Vehicle.ID(1), kind: .newCarCall,
            dueOn: LocalDate("2026-12-11")!)
        // Before the new-car call is due or done: nothing yet.
        #expect(CarePlan.monthlyCallsDue(chain: [anchor], asOf: LocalDate("2026-12-01")!, settings: settings).isEmpty)
        // Done early: the first monthly call follows, a month after the new-car call's due day.
        var done = anchor
        done.doneAt = Date()
        let first = CarePlan.monthlyCallsDue(chain: [done], asOf: LocalDate("2026-12-01")!, settings: settings)
        #expect(first.map(\.sequence) == [1])
        #expect(first[0].dueOn == LocalDate("2027-01-11")!)
        // Nobody worked the list for three months: the calls that fell due exist, and the next one.
        let late = CarePlan.monthlyCallsDue(chain: [anchor], asOf: LocalDate("2027-03-15")!, settings: settings)
        #expect(late.map(\.sequence) == [1, 2, 3, 4])
        #expect(late.last!.dueOn == LocalDate("2027-04-11")!)
        // The chain stops at the configured number of calls.
        let twelve = (1...12).map {
            CareTask(
                customerID: Customer.ID(1), vehicleID: Vehicle.ID(1), kind: .monthlyCall, sequence: $0,
                dueOn: LocalDate("2026-12-11")!.adding(months: $0))
        }
        #expect(
            CarePlan.monthlyCallsDue(chain: [anchor] + twelve, asOf: LocalDate("2028-06-01")!, settings: settings)
                .isEmpty)
    }

    @Test("C-7: lateness is said in words")
    func lateness() {
        #expect(
            Lateness(due: LocalDate("2026-11-10")!, asOf: LocalDate("2026-11-23")!).description == "13 days overdue")
        #expect(Lateness(due: LocalDate("2026-11-23")!, asOf: LocalDate("2026-11-23")!).description == "due today")
        #expect(Lateness(due: LocalDate("2026-11-25")!, asOf: LocalDate("2026-11-23")!).description == "due in 2 days")
    }
}

@Suite("Customer CSV layout")
struct CustomerCSVLayoutTests {
    let header = [
        "customer_ref", "name", "class", "grade", "phones", "vin", "make", "model", "usage", "delivered_at",
        "mileage_km", "mileage_date",
    ]
    let zone = TimeZone(identifier: "Asia/Shanghai")!
    let now = Instant.parse("2026-11-23T09:00:00+08:00")!

    @Test("unknown and missing columns are refused before any row is read")
    func badHeaders() {
        #expect(throws: InvalidInput.self) { try CustomerCSVLayout(header: ["customer_ref", "name", "klass"]) }
        #expect(throws: InvalidInput.self) { try CustomerCSVLayout(header: ["customer_ref", "name"]) }
        #expect(throws: InvalidInput.self) { try CustomerCSVLayout(header: ["customer_ref", "name", "class", "vin"]) }
    }

    @Test("a row becomes a customer, a vehicle and a reading, in Chinese")
    func goodRow() throws {
        let layout = try CustomerCSVLayout(header: header)
        let row = try layout.parse(
            [
                "C1", "王芳", "保有", "", "13800138000;010-65529988", "lfv2a21k3n3000123", "Volkswagen", "Sagitar", "网约车",
                "2024-05-01 10:30", "15000", "2026-10-01",
            ], now: now, timeZone: zone)
        #expect(row.customer.name == "王芳")
        #expect(row.customer.customerClass == .retained)
        #expect(row.phones == ["13800138000", "01065529988"])
        #expect(row.vehicle?.vin.value == "LFV2A21K3N3000123")
        #expect(row.vehicle?.usage == .taxi)
        #expect(row.vehicle?.deliveredAt == Instant.parse("2024-05-01T02:30:00Z"))
        #expect(row.mileage?.kilometres == 15_000)
    }

    @Test(
        "each bad value names its column",
        arguments: [
            (3, "Z", "grade"), (4, "12345", "phones"), (5, "LFV2A21K3N30001", "vin"), (8, "rental", "usage"),
            (9, "yesterday", "delivered_at"), (10, "-5", "mileage_km"), (11, "2026-13-01", "mileage_date"),
            (2, "vip", "class"),
        ])
    func badValues(index: Int, value: String, field: String) throws {
        let layout = try CustomerCSVLayout(header: header)
        var record = [
            "C1", "王芳", "potential", "A", "13800138000", "LFV2A21K3N3000123", "Volkswagen", "Sagitar", "private",
            "2024-05-01 10:30", "15000", "2026-10-01",
        ]
        record[index] = value
        do {
            _ = try layout.parse(record, now: now, timeZone: zone)
            Issue.record("\(field)=\(value) should be refused")
        } catch let error as InvalidInput {
            #expect(error.field == field)
        }
    }
}

@Suite("Make aliases (W-1, W-6, W-9)")
struct MakeAliasTests {
    @Test("A make as people type it becomes the manufacturer's name; any other make is kept as typed (C-4)")
    func canonical() {
        let aliases = MakeAliases(MakeAliases.defaults)
        #expect(aliases.canonical("大众") == "Volkswagen")
        #expect(aliases.canonical(" VW ") == "Volkswagen")
        #expect(aliases.canonical("一汽-大众") == "Volkswagen")
        #expect(aliases.canonical("Volkswagen") == "Volkswagen")
        #expect(aliases.canonical(" 吉利 ") == "吉利")
    }
}

@Suite("C-10: a customer's owner is a current staff member")
struct CustomerOwnerTests {
    static let staff = [
        StaffMember(name: "张伟", role: .salesConsultant), StaffMember(name: "王丽", role: .serviceAdvisor),
        StaffMember(name: "刘洋", role: .salesConsultant, leftOn: LocalDate("2026-11-01")!),
        StaffMember(name: "赵刚", role: .csAgent, leftOn: LocalDate("2026-12-01")!),
    ]

    @Test(
        "C-10: the owner is checked against the staff passed in, on the dealer's day",
        arguments: [
            ("张伟", nil), ("王丽", nil), (nil, nil),
            ("赵刚", nil),  // leaves next month: still here today
            ("nobody", "owner: nobody is not a staff member (staff: 张伟, 王丽, 赵刚); see `aftersales staff list`"),
            ("刘洋", "owner: 刘洋 left on 2026-11-01; choose a current staff member"),
        ] as [(String?, String?)])
    func owner(name: String?, refusal: String?) {
        let day = LocalDate("2026-11-23")!
        do {
            try Customer.checkOwner(name, staff: Self.staff, on: day)
            #expect(refusal == nil, "\(name ?? "nil") was accepted")
        } catch let error as Conflict {
            #expect(refusal.map { "\(error.field ?? ""): \(error.detail)".contains($0) } == true, "\(error)")
        } catch {
            Issue.record(error)
        }
    }

    @Test("C-10: with no staff recorded, any owner is refused, saying so; the field is the one given")
    func noStaff() {
        #expect(throws: Conflict.self) { try Customer.checkOwner("张伟", staff: [], on: LocalDate("2026-11-23")!) }
        do {
            try Customer.checkOwner("张伟", staff: [], on: LocalDate("2026-11-23")!, field: "to")
        } catch let error as Conflict {
            #expect(error.field == "to" && error.detail.contains("no staff is recorded yet"))
        } catch { Issue.record(error) }
    }
}

@Suite("Phone numbers: which take an SMS")
struct MobileNumberTests {
    @Test(
        "A mobile number (where an SMS goes) is 11 digits starting 13 to 19, as normalizePhone stores it",
        arguments: [
            ("13800138000", true), ("19912345678", true), ("12800138000", false), ("1380013800", false),
            ("138001380001", false), ("01065529988", false), ("1380013800a", false), ("", false),
            ("１3800138000", false),
        ])
    func mobile(phone: String, isMobile: Bool) {
        #expect(ContactDetails.isMobile(phone) == isMobile)
    }
}
