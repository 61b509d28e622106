import Core
import Customers
import Foundation
import Testing

@testable import Complaints

let shanghai = TimeZone(identifier: "Asia/Shanghai")!

func at(_ text: String) -> Date { Instant.parse(text, timeZone: shanghai)! }

/// A store open Monday to Friday 08:30-17:30 (T-3), unless told otherwise.
let weekdayStore = OpeningHours(
    weekly: Dictionary(
        uniqueKeysWithValues: Weekday.allCases.filter { $0 <= .friday }
            .map { ($0, BusinessHours("08:30-17:30")!) }))

func policy(
    _ mode: ClockMode = .clock, hours: OpeningHours = weekdayStore,
    satisfiedLevels: Int = 3
) -> ComplaintPolicy {
    ComplaintPolicy(
        satisfiedLevels: satisfiedLevels,
        clock: DeadlineClock(mode: mode, openingHours: hours, timeZone: shanghai))
}

func phoneComplaint(
    _ received: String = "2026-11-23 10:00", category: ComplaintCategory = .repairTechnique
) -> Complaint {
    var c = Complaint(
        customerID: Customer.ID(1), channel: .phone, receivedAt: at(received), receivedBy: "李娜", owner: "李娜",
        description: "刹车异响，修了两次还没好", category: category)
    c.id = Complaint.ID(1)
    return c
}

@Suite("Complaint clocks (K-4, K-6, K-11, T-3)")
struct ClockTests {
    @Test(
        "T-3/K-4: a complaint received on Saturday evening is due at 20:00 on the clock, 09:30 Monday in business hours"
    )
    func saturdayEvening() {
        let received = at("2026-11-28 19:00")  // a Saturday
        #expect(policy(.clock).clock.due(after: received, seconds: 3600) == at("2026-11-28 20:00"))
        #expect(policy(.business).clock.due(after: received, seconds: 3600) == at("2026-11-30 09:30"))
        // A Sunday the store opens counts; a closed Monday does not.
        var sunday = weekdayStore
        sunday.specialHours[LocalDate("2026-11-29")!] = BusinessHours("08:30-17:30")!
        #expect(policy(.business, hours: sunday).clock.due(after: received, seconds: 3600) == at("2026-11-29 09:30"))
        var closedMonday = weekdayStore
        closedMonday.closedDays = [LocalDate("2026-11-30")!]
        let closed = policy(.business, hours: closedMonday).clock
        #expect(closed.due(after: received, seconds: 3600) == at("2026-12-01 09:30"))
    }

    @Test("T-3: business hours are the store's opening hours: by default 08:30-20:00 every day, weekends included")
    func openingHours() {
        let store = policy(.business, hours: OpeningHours()).clock
        // Saturday 19:30 plus one hour: 30 minutes on Saturday, 30 on Sunday after opening.
        #expect(store.due(after: at("2026-11-28 19:30"), seconds: 3600) == at("2026-11-29 09:00"))
        // 24 opening hours from Friday 16:30: 3.5 h Friday, 11.5 h Saturday, 9 h Sunday to 17:30.
        #expect(store.due(after: at("2026-11-27 16:30"), seconds: 24 * 3600) == at("2026-11-29 17:30"))
        // Hours per weekday: a Saturday open 09:00-18:00 and a closed Sunday.
        var week = OpeningHours()
        week.weekly[.saturday] = BusinessHours("09:00-18:00")!
        week.weekly[.sunday] = nil
        let saturday = policy(.business, hours: week).clock
        #expect(saturday.due(after: at("2026-11-28 17:30"), seconds: 3600) == at("2026-11-30 09:00"))
        #expect(week.hours(on: LocalDate("2026-11-29")!) == nil)
        #expect(Weekday(parsing: "Sat") == .saturday && Weekday(parsing: "周日") == .sunday)
        #expect(Weekday(parsing: "x") == nil)
    }

    @Test("T-3/K-6: 24 business hours from Friday 16:30 end on Wednesday 13:30 (9-hour days)")
    func businessDays() {
        let clock = policy(.business).clock
        #expect(clock.due(after: at("2026-11-27 16:30"), seconds: 24 * 3600) == at("2026-12-02 13:30"))
        // Received during opening hours: counted from then; an exact fit ends at closing time.
        #expect(clock.due(after: at("2026-11-23 16:30"), seconds: 3600) == at("2026-11-23 17:30"))
        #expect(clock.due(after: at("2026-11-23 07:00"), seconds: 3600) == at("2026-11-23 09:30"))
    }

    @Test("K-4: the first-contact deadline runs from receipt and stops at the first outbound contact")
    func firstContact() throws {
        var c = phoneComplaint()
        let p = policy()
        #expect(ComplaintClocks.deadlines(c, policy: p).map(\.kind) == [.firstContact])
        let missed = ComplaintClocks.overdue(c, policy: p, at: at("2026-11-23 11:20"))
        #expect(missed.first?.state == .missed)
        #expect(missed.first?.lateBySeconds == 20 * 60)
        #expect(ComplaintClocks.overdue(c, policy: p, at: at("2026-11-23 10:40")).first?.state == .dueSoon)
        #expect(ComplaintClocks.overdue(c, policy: p, at: at("2026-11-23 10:10")).isEmpty)
        // The customer calling again does not stop the clock; our call does.
        _ = try c.contact(
            at: at("2026-11-23 10:20"), now: at("2026-11-23 10:20"), direction: .inbound, unfixedVisit: false,
            callback: nil, note: nil)
        #expect(c.firstContactAt == nil)
        _ = try c.contact(
            at: at("2026-11-23 10:45"), now: at("2026-11-23 11:00"), direction: .outbound, unfixedVisit: false,
            callback: "王经理今天16点前回电", note: nil)
        #expect(c.state == .contacted)
        #expect(c.firstContactAt == at("2026-11-23 10:45"))
        #expect(ComplaintClocks.deadlines(c, policy: p).isEmpty)
    }

    @Test("K-6: the advisor reports within 24 h of the repair order, then every 24 h; a late report is counted late")
    func reports() throws {
        var c = phoneComplaint()
        let p = policy()
        _ = try c.contact(
            at: at("2026-11-23 10:30"), now: at("2026-11-23 10:30"), direction: .outbound, unfixedVisit: false,
            callback: nil, note: nil)
        _ = try c.route(to: nil, person: "赵技术", advisor: "王丽", cause: nil, at: at("2026-11-23 11:00"))
        let first = try #require(ComplaintClocks.deadlines(c, policy: p).first)
        #expect(first.rule == "K-6")
        #expect(first.due == at("2026-11-24 11:00"))
        #expect(first.responsible == "王丽")
        _ = try c.report(note: "已更换制动片，试车正常", plan: nil, at: at("2026-11-24 10:00"), policy: p)
        #expect(ComplaintClocks.deadlines(c, policy: p).first?.due == at("2026-11-25 10:00"))
        let late = try c.report(note: "等待配件", plan: nil, at: at("2026-11-25 12:00"), policy: p)
        #expect(late.note?.contains("late by 2 h") == true)
        #expect(c.reports == 2 && c.lateReports == 1)
    }

    @Test("K-6: after a refused close or a reopen the report clock restarts from that moment, not from the last report")
    func reportClockAfterReopen() throws {
        var c = phoneComplaint()
        let p = policy()
        _ = try c.contact(
            at: at("2026-11-23 10:30"), now: at("2026-11-23 10:30"), direction: .outbound, unfixedVisit: false,
            callback: nil, note: nil)
        _ = try c.route(to: nil, person: "赵技术", advisor: "王丽", cause: nil, at: at("2026-11-23 11:00"))
        _ = try c.report(note: "已更换制动片", plan: nil, at: at("2026-11-24 10:00"), policy: p)
        _ = try c.resolve(
            .init(
                summary: "返修", apology: true, unhappyBecause: nil, measures: "更换制动片", customerAgreed: true,
                appointment: nil,
                at: at("2026-11-24 12:00")), cause: nil)
        _ = try c.close(
            .init(process: .neutral, result: .dissatisfied, at: at("2026-11-28 09:00")), policy: p, followUpPerson: "李娜"
        )
        let refused = try #require(ComplaintClocks.deadlines(c, policy: p).first { $0.kind == .report })
        #expect(refused.startedAt == at("2026-11-28 09:00") && refused.due == at("2026-11-29 09:00"))
        #expect(refused.what.contains("of the reopening"))
        #expect(ComplaintClocks.escalationDue(c, policy: p, at: at("2026-11-28 09:05")) == nil)
        #expect(ComplaintClocks.escalationDue(c, policy: p, at: at("2026-11-29 09:01"))?.rule == "K-6")
        // A report after the reopening runs the usual 24-hour rhythm from it.
        let onTime = try c.report(note: "重新检查", plan: nil, at: at("2026-11-28 15:00"), policy: p)
        #expect(onTime.note?.hasSuffix("(on time)") == true)
        #expect(ComplaintClocks.deadlines(c, policy: p).first?.due == at("2026-11-29 15:00"))
        // The same after a satisfied close and a reopen days later.
        _ = try c.resolve(
            .init(
                summary: "再次返修", apology: true, unhappyBecause: nil, measures: "更换制动盘", customerAgreed: true,
                appointment: nil,
                at: at("2026-11-29 10:00")), cause: nil)
        _ = try c.close(
            .init(process: .satisfied, result: .satisfied, at: at("2026-11-29 12:00")), policy: p, followUpPerson: "李娜")
        _ = try c.reopen(reason: "异响又出现", at: at("2026-12-03 16:00"))
        #expect(ComplaintClocks.deadlines(c, policy: p).first { $0.kind == .report }?.due == at("2026-12-04 16:00"))
        #expect(ComplaintClocks.escalationDue(c, policy: p, at: at("2026-12-03 16:01")) == nil)
    }

    @Test("K-11: a satisfied close starts a follow-up due by the end of the 7th day; recording it stops the clock")
    func followUp() throws {
        var c = phoneComplaint()
        let p = policy()
        _ = try c.contact(
            at: at("2026-11-23 10:30"), now: at("2026-11-23 10:30"), direction: .outbound, unfixedVisit: false,
            callback: nil, note: nil)
        _ = try c.resolve(
            .init(
                summary: "免费更换", apology: true, unhappyBecause: nil, measures: "更换制动片", customerAgreed: true,
                appointment: nil, at: at("2026-11-23 12:00")), cause: .defect)
        _ = try c.close(
            .init(process: .satisfied, result: .fairlySatisfied, at: at("2026-11-24 09:00")), policy: p,
            followUpPerson: "李娜")
        #expect(c.state == .closed)
        let deadline = try #require(ComplaintClocks.deadlines(c, policy: p).first)
        #expect(deadline.rule == "K-11")
        #expect(deadline.due == at("2026-12-02 00:00"))
        #expect(c.hasRunningClock)
        _ = try c.recordFollowUp(result: "客户表示满意", satisfaction: .verySatisfied, at: at("2026-11-30 15:00"))
        #expect(!c.hasRunningClock)
        #expect(ComplaintClocks.deadlines(c, policy: p).isEmpty)
    }
}

@Suite("Complaint handling rules (K-3 to K-13)")
struct HandlingTests {
    @Test("K-5: every category is routed by the table", arguments: ComplaintCategory.allCases)
    func routing(category: ComplaintCategory) throws {
        let expected: Role =
            switch category {
            case .partsQuality, .partsShortage: .partsManager
            case .repairTechnique, .technicalProblem, .productQuality: .technicalDirector
            default: .serviceManager
            }
        var c = phoneComplaint(category: category)
        _ = try c.route(to: nil, person: nil, advisor: nil, cause: nil, at: at("2026-11-23 10:30"))
        #expect(c.repairOrder?.department == expected)
        #expect(c.repairOrder?.rule.hasPrefix("K-5") == true)
        #expect(c.state == .investigating)
    }

    @Test("K-5: a parts shortage (a repair delayed by a missing part) goes to the parts manager")
    func partsShortage() throws {
        #expect(ComplaintCategory(rawValue: "parts-shortage") == .partsShortage)
        var c = phoneComplaint(category: .partsShortage)
        _ = try c.route(to: nil, person: nil, advisor: nil, cause: nil, at: at("2026-11-23 10:30"))
        #expect(c.repairOrder?.department == .partsManager)
        #expect(c.repairOrder?.rule == "K-5: parts → parts manager")
    }

    @Test("K-5: routing by hand records the override and what the table said")
    func routingOverride() throws {
        var c = phoneComplaint(category: .price)
        _ = try c.route(to: .generalManager, person: nil, advisor: nil, cause: nil, at: at("2026-11-23 10:30"))
        #expect(c.repairOrder?.rule == "routed to general-manager by hand (K-5: price → service manager)")
    }

    @Test("K-10: satisfied means the top three levels (setting); anything lower goes back to investigating")
    func satisfaction() throws {
        func resolved() throws -> Complaint {
            var c = phoneComplaint()
            _ = try c.contact(
                at: at("2026-11-23 10:30"), now: at("2026-11-23 10:30"), direction: .outbound, unfixedVisit: false,
                callback: nil, note: nil)
            _ = try c.resolve(
                .init(
                    summary: "道歉并免费返修", apology: true, unhappyBecause: "等待时间长", measures: "返修", customerAgreed: true,
                    appointment: nil, at: at("2026-11-23 12:00")), cause: nil)
            return c
        }
        var ok = try resolved()
        _ = try ok.close(
            .init(process: .fairlySatisfied, result: .fairlySatisfied, at: at("2026-11-24 09:00")), policy: policy(),
            followUpPerson: "李娜")
        #expect(ok.state == .closed)

        var neutral = try resolved()
        let event = try neutral.close(
            .init(process: .satisfied, result: .neutral, at: at("2026-11-24 09:00")), policy: policy(),
            followUpPerson: "李娜")
        #expect(neutral.state == .investigating)
        #expect(neutral.reopened == 1)
        #expect(event.note?.contains("back to investigating") == true)
        #expect(neutral.followUp == nil)

        var strict = try resolved()
        _ = try strict.close(
            .init(process: .fairlySatisfied, result: .satisfied, at: at("2026-11-24 09:00")),
            policy: policy(satisfiedLevels: 2), followUpPerson: "李娜")
        #expect(strict.state == .investigating)
        #expect(
            Satisfaction.allCases.filter { $0.isSatisfied(topLevels: 3) } == [
                .verySatisfied, .satisfied, .fairlySatisfied,
            ])
    }

    @Test("K-7: the ladder escalates a missed deadline once per level; each level gets the full time again")
    func ladder() throws {
        var c = phoneComplaint()
        let p = policy()
        #expect(ComplaintClocks.escalationDue(c, policy: p, at: at("2026-11-23 10:59")) == nil)
        let now = at("2026-11-23 11:30")
        let missed = try #require(ComplaintClocks.escalationDue(c, policy: p, at: now))
        _ = try c.escalateForMissed(missed, at: now)
        #expect(c.level == .serviceManager)
        #expect(c.missedDeadlines == 1)
        #expect(ComplaintClocks.escalationDue(c, policy: p, at: now) == nil)
        #expect(ComplaintClocks.escalationDue(c, policy: p, at: at("2026-11-23 12:29")) == nil)
        let later = at("2026-11-23 12:31")
        _ = try c.escalateForMissed(try #require(ComplaintClocks.escalationDue(c, policy: p, at: later)), at: later)
        #expect(c.level == .generalManager)
        _ = try c.escalate(to: nil, reason: "经销商无法内部解决，提交厂家区域", at: later)
        #expect(c.level == .regionalOffice)
        #expect(ComplaintClocks.escalationDue(c, policy: p, at: at("2026-11-30 12:00")) == nil)
        #expect(throws: Conflict.self) { try c.escalate(to: nil, reason: "再升级", at: later) }
        var fresh = phoneComplaint()
        #expect(throws: InvalidInput.self) { try fresh.escalate(to: nil, reason: " ", at: later) }
    }

    @Test("K-8: a crisis goes to the general manager at once and takes the top priority")
    func crisis() throws {
        var c = phoneComplaint()
        _ = try c.flagCrisis(reason: "客户联系了电视台", at: at("2026-11-23 10:10"))
        #expect(c.level == .generalManager)
        #expect(c.levelSince == at("2026-11-23 10:10"))
        #expect(c.priority.level == 4)
        #expect(c.priority.reasons.first == "crisis (K-8): 客户联系了电视台")
        var high = phoneComplaint()
        _ = try high.escalate(to: .regionalOffice, reason: "安全问题，直接报厂家", at: at("2026-11-23 10:05"))
        _ = try high.flagCrisis(reason: "安全相关", at: at("2026-11-23 10:10"))
        #expect(high.level == .regionalOffice)
    }

    @Test("K-8: a complaint arriving through the authorities is a crisis from intake, at the general manager")
    func authorityChannel() throws {
        let c = Complaint(
            customerID: Customer.ID(1), channel: .authority, receivedAt: at("2026-11-23 10:00"), receivedBy: "李娜",
            owner: "李娜",
            description: "市场监管局转来的投诉", category: .productQuality)
        #expect(c.crisis && c.crisisReason == "arrived through the authorities (K-8)")
        #expect(c.level == .generalManager && c.priority.level == 4)
        try c.validateIntake(now: at("2026-11-23 10:00"))
        let given = Complaint(
            customerID: Customer.ID(1), channel: .authority, receivedAt: at("2026-11-23 10:00"), receivedBy: "李娜",
            owner: "李娜",
            description: "消协转来", category: .price, crisisReason: "消费者协会介入")
        #expect(given.crisisReason == "消费者协会介入")
        #expect(!phoneComplaint().crisis)
    }

    @Test("K-13: repeated contacts, visits without a fix and reassignments raise the priority, and say why")
    func priority() throws {
        var c = phoneComplaint()
        #expect(c.priority.name == "normal")
        _ = try c.contact(
            at: at("2026-11-23 11:00"), now: at("2026-11-23 11:00"), direction: .inbound, unfixedVisit: false,
            callback: nil, note: "客户再次来电")
        #expect(c.priority.name == "high")
        _ = try c.contact(
            at: at("2026-11-24 11:00"), now: at("2026-11-24 11:00"), direction: .inbound, unfixedVisit: true,
            callback: nil, note: nil)
        _ = try c.assign(to: "张敏", reason: "李娜休假")
        #expect(c.priority.name == "urgent")
        #expect(
            c.priority.reasons == [
                "customer contacted us again 2× (K-13)", "visit without a fix 1× (K-13)",
                "passed to another owner 1× (K-13)",
            ])
    }

    @Test("K-12: root cause and preventive action may be recorded once the complaint is resolved, not before")
    func analysisOnceResolved() throws {
        var c = phoneComplaint()
        _ = try c.contact(
            at: at("2026-11-23 10:30"), now: at("2026-11-23 10:30"), direction: .outbound, unfixedVisit: false,
            callback: nil, note: nil)
        #expect(throws: Conflict.self) {
            try c.analyse(
                rootCause: "路试缺失", preventiveAction: "制动维修必须路试", cause: nil, by: "市场", at: at("2026-11-23 11:00"))
        }
        _ = try c.resolve(
            .init(
                summary: "返修", apology: true, unhappyBecause: nil, measures: "更换制动片", customerAgreed: true,
                appointment: nil,
                at: at("2026-11-23 12:00")), cause: nil)
        let event = try c.analyse(
            rootCause: "路试缺失", preventiveAction: "制动维修必须路试", cause: .defect, by: "市场", at: at("2026-11-23 13:00"))
        #expect(event.rule == "K-12" && c.isAnalysed && c.state == .resolved)
    }

    @Test("Illegal transitions name the allowed ones; bad times and missing texts are refused")
    func illegal() throws {
        var c = phoneComplaint()
        let error = #expect(throws: Conflict.self) {
            try c.close(
                .init(process: .satisfied, result: .satisfied, at: at("2026-11-23 12:00")), policy: policy(),
                followUpPerson: "x")
        }
        #expect(
            error?.detail.contains("allowed now: contact, assign, route, escalate, crisis, invalidate, attach") == true
        )
        #expect(throws: Conflict.self) {
            try c.contact(
                at: at("2026-11-23 09:00"), now: at("2026-11-23 12:00"), direction: .outbound, unfixedVisit: false,
                callback: nil, note: nil)
        }
        #expect(throws: InvalidInput.self) { try c.assign(to: "张敏", reason: nil) }
        #expect(throws: InvalidInput.self) { try c.invalidate(explanation: "", at: at("2026-11-23 12:00")) }
        _ = try c.invalidate(explanation: "车辆已过保修期且为人为损坏，已向客户解释", at: at("2026-11-23 12:00"))
        #expect(c.state == .invalid && c.valid == false)
        #expect(throws: InvalidInput.self) {
            try c.analyse(rootCause: "说明不清", preventiveAction: nil, cause: nil, by: "市场", at: at("2026-11-24 09:00"))
        }
        _ = try c.analyse(
            rootCause: "交车时未讲清保修范围", preventiveAction: "交车时逐项讲解保修条款", cause: .fromSale, by: "市场",
            at: at("2026-11-24 09:00"))
        #expect(c.isAnalysed)
    }
}

@Suite("Evidence and the half-year report (K-14)")
struct EvidenceAndReportTests {
    @Test("K-14: attachments are typed by their bytes and their size is checked")
    func attachments() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0, count: 100)
        #expect(
            try AttachmentType.check(jpeg, name: "照片.jpg", declared: .photo, maxMegabytes: 1).mediaType == "image/jpeg")
        #expect(
            try AttachmentType.check(Array("%PDF-1.7\n".utf8), name: "维修单.pdf", declared: nil, maxMegabytes: 1).kind
                == .document)
        #expect(
            try AttachmentType.check(Array("ID3abc".utf8), name: "录音.mp3", declared: .recording, maxMegabytes: 1)
                .mediaType == "audio/mpeg")
        #expect(throws: UnsupportedContent.self) {
            try AttachmentType.check(jpeg, name: "照片.jpg", declared: .recording, maxMegabytes: 1)
        }
        #expect(throws: UnsupportedContent.self) {
            try AttachmentType.check(Array("MZ\u{0}\u{0}".utf8), name: "virus.exe", declared: nil, maxMegabytes: 1)
        }
        #expect(throws: InvalidInput.self) {
            try AttachmentType.check([], name: "empty.jpg", declared: nil, maxMegabytes: 1)
        }
        #expect(throws: InvalidInput.self) {
            try AttachmentType.check(
                jpeg + Array(repeating: 0, count: 1_048_576), name: "big.jpg", declared: nil, maxMegabytes: 1)
        }
    }

    @Test("K-14: first-contact times, on-time share, satisfaction, repeat complainers and targets")
    func report() throws {
        var complaints: [Complaint] = []
        for (i, minutes) in [10, 20, 30, 50, 90].enumerated() {
            var c = phoneComplaint("2026-11-0\(i + 1) 10:00")
            c.customerID = Customer.ID(i < 2 ? 7 : Int64(i + 10))
            _ = try c.contact(
                at: c.receivedAt.addingTimeInterval(Double(minutes * 60)), now: at("2026-12-01 00:00"),
                direction: .outbound, unfixedVisit: false, callback: nil, note: nil)
            complaints.append(c)
        }
        complaints.append(phoneComplaint("2026-11-09 10:00"))
        let report = ComplaintReport.build(
            complaints, from: LocalDate("2026-11-01")!, to: LocalDate("2026-11-30")!, policy: policy(),
            targets: .init(firstContact: 95, feedback: 90, satisfied: 90), names: [Customer.ID(7): "王芳"], openCrises: []
        )
        #expect(report.total == 6)
        #expect(report.contacted == 5)
        #expect(report.firstContactMedianMinutes == 30)
        #expect(report.firstContactP90Minutes == 90)
        #expect(report.firstContactInTimePercent == 80)
        #expect(report.targets.first?.met == false)
        #expect(report.repeatComplainers == [.init(customer: Customer.ID(7), name: "王芳", complaints: 2)])
        #expect(report.byChannel.first { $0.key == "phone" }?.count == 6)
        #expect(report.byValidity.first { $0.key == "not judged" }?.count == 6)
    }
}

@Suite("K-3: who owns a complaint and who follows it up, over the staff passed in")
struct ComplaintOwnerTests {
    static let day = LocalDate("2026-11-23")!
    static let staff = [
        StaffMember(name: "李娜", role: .csAgent), StaffMember(name: "陈静", role: .csManager),
        StaffMember(name: "王丽", role: .serviceAdvisor), StaffMember(name: "周强", role: .serviceManager),
        StaffMember(name: "张敏", role: .csAgent, leftOn: LocalDate("2026-11-01")!),
        StaffMember(name: "赵刚", role: .csAgent, leftOn: LocalDate("2026-12-01")!),
        StaffMember(name: "吴军", role: .serviceManager, leftOn: LocalDate("2026-10-01")!),
    ]

    @Test(
        "K-3: the owner is a current cs-agent or cs-manager",
        arguments: [
            ("李娜", nil), ("陈静", nil), ("赵刚", nil),
            (
                "王丽",
                "王丽 is service-advisor; a customer-service staff member (cs-agent or cs-manager) owns the "
                    + "complaint (K-3)"
            ),
            ("张敏", "张敏 left on 2026-11-01"),
            ("nobody", "nobody is not a staff member"),
            ("", "a customer-service staff member owns the complaint (K-3)"),
        ] as [(String, String?)])
    func owner(name: String, refusal: String?) {
        do {
            try Complaint.checkOwner(name, staff: Self.staff, on: Self.day)
            #expect(refusal == nil, "\(name) was accepted")
        } catch let error as any AfterSalesError {
            // No name is a 400; a stranger, a colleague who left or another role a 409 (issue 19).
            #expect(error.kind == (name.isEmpty ? .invalid : .conflict), "\(error)")
            #expect(error.field == "owner" && refusal.map(error.detail.contains) == true, "\(error)")
        } catch {
            Issue.record(error)
        }
    }

    @Test(
        "K-3 首问负责制: at intake the named owner, else the receiver when customer service; else name one",
        arguments: [
            (nil, "李娜", "李娜"), ("陈静", "李娜", "陈静"), ("  陈静 ", "王丽", "陈静"), (nil, "陈静", "陈静"),
            (nil, "王丽", nil), (nil, "张敏", nil), ("王丽", "李娜", nil), ("", "李娜", "李娜"), (nil, "", nil),
        ] as [(String?, String, String?)])
    func intake(given: String?, receiver: String, owner: String?) {
        let found = try? Complaint.intakeOwner(named: given, receiver: receiver, staff: Self.staff, on: Self.day)
        #expect(found == owner)
    }

    @Test(
        "K-3: the follow-up is the owner's, or the first current manager of the role the dealer names",
        arguments: [
            (FollowUpBy.owner, "李娜"), (.csManager, "陈静"), (.serviceManager, "周强"),
        ])
    func followUp(by: FollowUpBy, person: String) {
        #expect(Complaint.followUpPerson(owner: "李娜", by: by, staff: Self.staff, on: Self.day) == person)
        // With no current manager of that role, the owner makes the call.
        let without = Self.staff.filter { $0.role == .csAgent }
        #expect(Complaint.followUpPerson(owner: "李娜", by: by, staff: without, on: Self.day) == "李娜")
    }
}

@Suite("T-3: the bound the overdue pre-filter narrows by")
struct DueBoundTests {
    /// On the clock and in opening hours, across daylight-saving changes.
    @Test("T-3/K-4/K-6: any start after latestStart falls due after the horizon")
    func latestStart() {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let hours = [
            OpeningHours(), weekdayStore,
            OpeningHours(weekly: OpeningHours.everyDay(BusinessHours("00:00-24:00")!)),
            OpeningHours(weekly: OpeningHours.everyDay(BusinessHours("01:30-03:30")!)),
        ]
        for zone in ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"] {
            for anchor in [
                "2026-03-08T07:00:00Z", "2026-03-29T01:00:00Z", "2026-04-05T15:00:00Z",
                "2026-10-25T01:00:00Z", "2026-11-01T06:00:00Z", "2026-11-23T01:00:00Z",
            ] {
                for mode in ClockMode.allCases {
                    let clock = DeadlineClock(
                        mode: mode, openingHours: hours[next(hours.count)],
                        timeZone: TimeZone(identifier: zone)!)
                    for _ in 0..<40 {
                        let horizon = Instant.parse(anchor)!.addingTimeInterval(Double(next(4 * 86_400) - 2 * 86_400))
                        let seconds = [3600, 2 * 3600, 24 * 3600][next(3)]
                        let bound = clock.latestStart(dueBy: horizon, seconds: seconds)
                        #expect(bound >= horizon.addingTimeInterval(-Double(seconds)))
                        for step in [1, 60, 1800, 3599, 3600 + 1, 7200 + 1] {
                            let start = bound.addingTimeInterval(Double(step))
                            #expect(
                                clock.due(after: start, seconds: seconds) > horizon,
                                "\(zone) \(mode) \(start) + \(seconds) s")
                        }
                    }
                }
            }
        }
    }
}
