import Core
import Testing

@testable import Appointments

@Suite("Workshop capacity")
struct CapacityTests {
    @Test("a technician on leave or on a day off has no shift; the skill names the bays a job can use")
    func shiftsAndSkills() throws {
        let monday = LocalDate(year: 2026, month: 12, day: 7)!
        let hours = BusinessHours(opens: 8 * 3600 + 1800, closes: 17 * 3600 + 1800)!
        var technician = Technician(name: "刘强", skills: [.general], shifts: [.monday: hours, .tuesday: hours])
        #expect(technician.shift(on: monday) == hours)
        #expect(technician.shift(on: monday.adding(days: 2)) == nil)
        technician.leave = [Leave(from: monday, to: monday.adding(days: 1), reason: "培训")]
        #expect(technician.shift(on: monday) == nil)
        #expect(technician.shift(on: monday.adding(days: 1)) == nil)
        #expect(Skill.quickService.bayKinds == [.quickService, .general])
        #expect(Skill.highVoltage.bayKinds == [.general])
    }
}
