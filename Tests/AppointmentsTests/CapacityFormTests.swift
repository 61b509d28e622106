import Core
import Testing

@testable import Appointments

@Suite("Capacity form and rules (A-2, T-3)")
struct CapacityFormTests {
    let hours = BusinessHours("08:30-17:30")!

    @Test("shifts read DAYS=HH:MM-HH:MM: a weekday, a range (wrapping past Sunday), a list, Chinese names")
    func shifts() throws {
        let shifts = try CapacityForm.shifts(["mon-fri=08:30-17:30", "sat,周日=09:00-15:00"])
        #expect(shifts.count == 7)
        #expect(shifts[.friday] == hours)
        #expect(shifts[.sunday]?.description == "09:00-15:00")
        let wrapped = try CapacityForm.shifts(["fri-tue=11:00-20:00"])
        #expect(Set(wrapped.keys) == [.friday, .saturday, .sunday, .monday, .tuesday])
        let api = try CapacityForm.shifts(weekly: ["monday": "08:30-17:30", "saturday": "09:00-15:00"])
        #expect(api[.monday] == hours && api[.saturday] != nil)
    }

    @Test("a shift that does not parse, a weekday given twice, no skills: refused naming the field")
    func refusals() throws {
        for bad in [
            ["mon-fri"], ["xyz=08:00-12:00"], ["mon=17:00-08:00"], ["mon=8-12"],
            ["mon-fri=08:30-17:30", "fri=09:00-12:00"],
        ] {
            #expect(throws: InvalidInput.self) { try CapacityForm.shifts(bad) }
            #expect((try? CapacityForm.shifts(bad)) == nil)
        }
        do {
            _ = try CapacityForm.shifts(["mon=08:00-12:00", "mon=13:00-17:00"])
            Issue.record("a weekday given twice was taken")
        } catch let error as InvalidInput {
            #expect(error.field == "shifts")
            #expect(error.reason == "monday is given twice")
        } catch { Issue.record("\(error)") }
        #expect(throws: InvalidInput(field: "skills", "name at least one skill, such as general")) {
            try CapacityForm.skills([" , "])
        }
        #expect(try CapacityForm.skills(["general, Electrical"]) == [.general, .electrical])
        #expect(throws: InvalidInput.self) { try CapacityForm.skills(["general,plumbing"]) }
        #expect(try CapacityForm.bayCode(" 快修1 ") == "快修1")
        #expect(throws: InvalidInput.self) { try CapacityForm.bayCode("B 07") }
        #expect(throws: InvalidInput.self) { try CapacityForm.arrivals(0) }
        #expect(try CapacityForm.operation(" 01  10 00 00 ") == "01 10 00 00")
    }

    @Test("a leave ends on or after its first day, runs at most a year, and is said overlapping when it shares a day")
    func leave() throws {
        let day = LocalDate(year: 2026, month: 12, day: 10)!
        #expect(throws: InvalidInput.self) { try CapacityForm.leave(from: day, to: day.adding(days: -1), reason: nil) }
        #expect(throws: InvalidInput.self) { try CapacityForm.leave(from: day, to: day.adding(days: 400), reason: nil) }
        let leave = try CapacityForm.leave(from: day, to: day.adding(days: 2), reason: "  ")
        #expect(leave.reason == nil)
        #expect(leave.overlaps(Leave(from: day.adding(days: 2), to: day.adding(days: 5))))
        #expect(!leave.overlaps(Leave(from: day.adding(days: 3), to: day.adding(days: 5))))
    }

    @Test("T-3: a shift outside the store's hours or on a closed weekday is refused, not clipped")
    func shiftsWithinOpeningHours() throws {
        var store = OpeningHours()
        try CapacityRules.checkShifts([.monday: hours], within: store)
        do {
            try CapacityRules.checkShifts([.monday: BusinessHours("07:00-15:00")!], within: store)
            Issue.record("a shift before opening was taken")
        } catch let error as Conflict {
            #expect(error.field == "shifts")
            #expect(
                error.phrase.rendered() == "the monday shift 07:00-15:00 is outside the store's hours "
                    + "08:30-20:00 (T-3); set it within them")
        }
        store.weekly[.sunday] = nil
        #expect(throws: Conflict.self) { try CapacityRules.checkShifts([.sunday: hours], within: store) }
    }

    @Test("a technician's capacity belongs to a current technician or shop foreman; an advisor's to an advisor")
    func roles() throws {
        let day = LocalDate(year: 2026, month: 12, day: 7)!
        let staff = [
            StaffMember(name: "刘强", role: .technician), StaffMember(name: "赵磊", role: .shopForeman),
            StaffMember(name: "王丽", role: .serviceAdvisor),
            StaffMember(name: "老张", role: .technician, leftOn: day.adding(days: -1)),
        ]
        try CapacityRules.requireRole("刘强", CapacityRules.technicianRoles, among: staff, on: day)
        try CapacityRules.requireRole("赵磊", CapacityRules.technicianRoles, among: staff, on: day)
        try CapacityRules.requireRole("王丽", CapacityRules.advisorRoles, among: staff, on: day)
        #expect(throws: Conflict.self) {
            try CapacityRules.requireRole("王丽", CapacityRules.technicianRoles, among: staff, on: day)
        }
        #expect(throws: Conflict.self) {
            try CapacityRules.requireRole("老张", CapacityRules.technicianRoles, among: staff, on: day)
        }
        #expect(throws: Conflict.self) {
            try CapacityRules.requireRole("无名", CapacityRules.advisorRoles, among: staff, on: day)
        }
    }

    @Test("the hours a person works on a day: the shift within the store's hours; an advisor without shifts: all")
    func workingHours() {
        let monday = LocalDate(year: 2026, month: 12, day: 7)!
        var capacity = WorkshopCapacity(
            technicians: [Technician(name: "刘强", skills: [.general], shifts: [.monday: hours])],
            advisors: [ServiceAdvisor(name: "王丽"), ServiceAdvisor(name: "高敏", shifts: [.tuesday: hours])])
        #expect(capacity.workingHours(of: capacity.technicians[0], on: monday) == hours)
        #expect(capacity.receivingHours(of: capacity.advisors[0], on: monday) == OpeningHours.defaultHours)
        #expect(capacity.receivingHours(of: capacity.advisors[1], on: monday) == nil)
        capacity.openingHours.specialHours[monday] = BusinessHours("10:00-16:00")!
        #expect(capacity.workingHours(of: capacity.technicians[0], on: monday)?.description == "10:00-16:00")
        capacity.openingHours.closedDays.insert(monday)
        #expect(capacity.workingHours(of: capacity.technicians[0], on: monday) == nil)
    }

    @Test("Chinese: a skill, a bay kind and a refused shift are said in Chinese")
    func chinese() throws {
        let zh = Speech(.zh)
        #expect(Skill.body.spoken.rendered(zh) == "钣喷")
        #expect(BayKind.quickService.spoken.rendered(zh) == "快修工位")
        do {
            try CapacityRules.checkShifts([.monday: BusinessHours("07:00-15:00")!], within: OpeningHours())
            Issue.record("a shift before opening was taken")
        } catch let error as Conflict {
            #expect(error.phrase.rendered(zh) == "周一的班次 07:00-15:00 超出门店营业时间 08:30-20:00（T-3），请排在营业时间之内")
        }
    }
}
