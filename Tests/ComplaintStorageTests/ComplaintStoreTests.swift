import Complaints
import Core
import Customers
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite("Complaints in the database (K-1 to K-14)")
struct ComplaintStoreTests {
    struct Fixture {
        let clock: SteppingClock
        let db: AppDatabase
        let customer: Customer.ID

        init(now: String = "2026-11-23T10:00:00+08:00") throws {
            clock = SteppingClock(now)
            db = try AppDatabase.inMemory(clock: clock)
            for (name, role) in [
                ("李娜", Role.csAgent), ("张敏", .csAgent), ("陈静", .csManager), ("王丽", .serviceAdvisor),
                ("市场-周", .marketCoordinator),
            ] {
                _ = try db.addStaff(name: name, role: role, actor: "setup")
            }
            let card = try db.addCustomer(
                NewCustomer(
                    customer: Customer(name: "王芳", customerClass: .retained, createdAt: clock.now()),
                    phones: ["13800138000"], reason: "购买速腾"), actor: "setup")
            customer = card.customer.id!
            _ = try db.addVehicle(
                Vehicle(
                    customerID: customer, vin: try VIN(validating: "LFV2A21K3N3000123"), make: "Volkswagen",
                    model: "Sagitar",
                    usage: .private, deliveredAt: instant("2026-06-01T10:00:00+08:00"), createdAt: clock.now()),
                actor: "setup")
        }

        func add(
            category: ComplaintCategory = .repairTechnique, receivedBy: String = "李娜", owner: String? = nil,
            crisis: String? = nil
        ) throws -> ComplaintFile {
            try db.addComplaint(
                ComplaintIntake(
                    customer: customer, vin: try VIN(validating: "LFV2A21K3N3000123"), channel: .phone,
                    receivedBy: receivedBy,
                    owner: owner, description: "刹车异响，修了两次还没好", category: category,
                    wishes: [.explanation, .prevention], crisisReason: crisis), actor: "李娜")
        }

        func auditCount() throws -> Int { try db.auditEntries(AuditFilter(entity: "complaint", limit: 10_000)).count }
    }

    @Test("A phone complaint from intake to follow-up and root cause, rule by rule")
    func fullScenario() throws {
        let f = try Fixture()
        // K-1, K-3, K-5: registered with channel and category; the receiver, customer service, owns it.
        var file = try f.add()
        let id = file.complaint.id!
        #expect(file.complaint.state == .received)
        #expect(file.complaint.owner == "李娜")
        #expect(file.customer == "王芳")
        // K-4: the first-contact clock runs from receipt.
        #expect(file.deadlines.map(\.deadline.rule) == ["K-4"])
        #expect(file.deadlines.first?.deadline.due == instant("2026-11-23T11:00:00+08:00"))

        f.clock.set("2026-11-23T10:40:00+08:00")
        file = try f.db.contactComplaint(id, direction: .outbound, callback: "技术总监明天上午回电", actor: "李娜")
        #expect(file.complaint.state == .contacted)
        #expect(file.deadlines.isEmpty)

        // K-5: repair technique goes to the technical director; K-6 starts for the advisor.
        file = try f.db.routeComplaint(id, person: "赵刚", advisor: "王丽", actor: "李娜")
        #expect(file.complaint.repairOrder?.department == .technicalDirector)
        #expect(file.deadlines.first?.deadline.rule == "K-6")
        #expect(file.deadlines.first?.deadline.responsible == "王丽")

        f.clock.set("2026-11-24T09:00:00+08:00")
        file = try f.db.reportOnComplaint(id, note: "已更换制动片，路试正常", plan: "更换前制动片", actor: "王丽")
        #expect(file.history.last?.note?.contains("on time") == true)

        // K-10: the solution, then the verdict on the 7-level scale.
        file = try f.db.resolveComplaint(
            id, summary: "免费更换前制动片并致歉", apology: true, unhappyBecause: "两次维修未修好", measures: "更换制动片；技术总监复检",
            customerAgreed: true, appointment: instant("2026-11-25T09:00:00+08:00"), cause: .defect, actor: "李娜")
        #expect(file.complaint.state == .resolved)
        f.clock.set("2026-11-25T15:00:00+08:00")
        file = try f.db.closeComplaint(
            id, process: .satisfied, result: .verySatisfied, dimensions: [.responsiveness: .fairlySatisfied],
            actor: "李娜")
        #expect(file.complaint.state == .closed)
        // K-11 and K-3: the follow-up by the same person within 7 days.
        #expect(file.complaint.followUp?.dueOn == LocalDate("2026-12-02"))
        #expect(file.complaint.followUp?.by == "李娜")
        #expect(file.deadlines.first?.deadline.rule == "K-11")
        // K-12: not analysed until root cause and preventive action are both in.
        #expect(!file.complaint.isAnalysed)

        f.clock.set("2026-11-30T10:00:00+08:00")
        file = try f.db.recordComplaintFollowUp(id, result: "客户表示刹车正常，很满意", satisfaction: .verySatisfied, actor: "李娜")
        #expect(file.deadlines.isEmpty)
        file = try f.db.analyseComplaint(
            id, rootCause: "首次维修未做路试", preventiveAction: "制动类维修必须路试并签字", cause: nil, actor: "市场-周")
        #expect(file.complaint.isAnalysed)
        #expect(
            file.history.map(\.action) == [
                "receive", "contact", "route", "report", "resolve", "close", "followup", "analyse",
            ])
        #expect(try f.auditCount() == 8)
        // Stored and read back whole (UTF-8 round trip, the S-1 scores, the solution).
        let reread = try f.db.complaintFile(id)
        #expect(reread.complaint == file.complaint)
        #expect(reread.complaint.verdict?.dimensions == [.responsiveness: .fairlySatisfied])
        #expect(reread.complaint.resolution?.appointment == instant("2026-11-25T09:00:00+08:00"))
    }

    @Test(
        "K-3: the owner is customer-service staff; the follow-up goes to the customer-service manager when the dealer says so"
    )
    func ownership() throws {
        let f = try Fixture()
        #expect(throws: InvalidInput.self) { try f.add(receivedBy: "王丽") }
        #expect(throws: Conflict.self) { try f.add(receivedBy: "王丽", owner: "王丽") }
        // A stranger is refused as input, naming the owner field and the staff to choose from (K-3, as C-8 and C-10 do).
        #expect(throws: Conflict.self) { try f.add(receivedBy: "王丽", owner: "不存在") }
        let file = try f.add(receivedBy: "王丽", owner: "张敏")
        #expect(file.complaint.receivedBy == "王丽" && file.complaint.owner == "张敏")
        let id = file.complaint.id!
        #expect(throws: InvalidInput.self) { try f.db.assignComplaint(id, to: "李娜", reason: nil, actor: "陈静") }
        let moved = try f.db.assignComplaint(id, to: "李娜", reason: "张敏休假", actor: "陈静")
        #expect(moved.priority.reasons == ["passed to another owner 1× (K-13)"])

        try f.db.setSetting("complaints.follow-up-by", to: "cs-manager", actor: "admin")
        _ = try f.db.contactComplaint(id, direction: .outbound, actor: "李娜")
        _ = try f.db.resolveComplaint(
            id, summary: "道歉", apology: true, unhappyBecause: nil, measures: "说明", customerAgreed: true,
            appointment: nil, cause: nil, actor: "李娜")
        let closed = try f.db.closeComplaint(id, process: .verySatisfied, result: .verySatisfied, actor: "李娜")
        #expect(closed.complaint.followUp?.by == "陈静")
    }

    @Test("K-7: escalate-due escalates each missed deadline once per level; a second run right after escalates nothing")
    func escalateDue() throws {
        let f = try Fixture()
        let late = try f.add().complaint.id!
        f.clock.set("2026-11-23T10:50:00+08:00")
        let onTime = try f.add().complaint.id!
        f.clock.set("2026-11-23T11:30:00+08:00")
        let first = try f.db.escalateDueComplaints(actor: "cron")
        #expect(first.map(\.complaint) == [late])
        #expect(first.first?.rule == "K-4" && first.first?.to == .serviceManager)
        #expect(first.first?.lateBySeconds == 30 * 60)
        let audit = try f.auditCount()
        #expect(try f.db.escalateDueComplaints(actor: "cron").isEmpty)
        #expect(try f.auditCount() == audit)
        // The second complaint misses its own hour; the service manager has the first one for a full hour, then the ladder goes on.
        f.clock.set("2026-11-23T12:20:00+08:00")
        #expect(try f.db.escalateDueComplaints(actor: "cron").map(\.complaint) == [onTime])
        f.clock.set("2026-11-23T12:31:00+08:00")
        let second = try f.db.escalateDueComplaints(actor: "cron")
        #expect(second.map(\.complaint) == [late])
        #expect(second.first?.from == .serviceManager)
        #expect(try f.db.complaintFile(late).complaint.level == .generalManager)
        #expect(try f.db.complaintFile(late).priority.reasons.contains("deadline missed 2× (K-13)"))
        // The overdue list says which deadline, how late, and who.
        let overdue = try f.db.overdueComplaints()
        #expect(overdue.first?.complaint == late)
        #expect(overdue.first?.deadline.deadline.rule == "K-4")
        #expect(overdue.first?.deadline.lateBySeconds == 91 * 60)
        #expect(overdue.first?.owner == "李娜")
    }

    @Test("K-8: a crisis at intake or later goes to the general manager at once with the top priority")
    func crisis() throws {
        let f = try Fixture()
        let atIntake = try f.add(crisis: "涉及安全：高速行驶制动失灵")
        #expect(atIntake.complaint.level == .generalManager)
        #expect(atIntake.priority.level == 4)
        let later = try f.add().complaint.id!
        let flagged = try f.db.flagComplaintCrisis(later, reason: "客户联系了电视台", actor: "李娜")
        #expect(flagged.complaint.level == .generalManager)
        #expect(try f.db.listComplaints(ComplaintFilter(crisisOnly: true)).total == 2)
        #expect(
            try f.db.complaintReport(from: LocalDate("2026-07-01")!, to: LocalDate("2026-12-31")!).openCrises.count == 2
        )
    }

    @Test("K-8: a complaint arriving through the authorities is stored as a crisis from intake")
    func authorityCrisis() throws {
        let f = try Fixture()
        let file = try f.db.addComplaint(
            ComplaintIntake(
                customer: f.customer, channel: .authority, receivedBy: "李娜", owner: nil,
                description: "市场监管局转来的投诉", category: .productQuality), actor: "李娜")
        #expect(file.complaint.crisis && file.complaint.level == .generalManager)
        #expect(
            file.history.contains {
                $0.action == "crisis" && $0.note?.contains("arrived through the authorities") == true
            })
        #expect(try f.db.listComplaints(ComplaintFilter(crisisOnly: true)).total == 1)
    }

    @Test("T-3: deadlines in business hours count the store's opening hours, never the legal working days")
    func businessHours() throws {
        let f = try Fixture(now: "2026-11-28T19:30:00+08:00")
        try f.db.setSetting("calendar.clock", to: "business", actor: "admin")
        let id = try f.add().complaint.id!
        func due() throws -> Date? {
            let file = try f.db.complaintFile(id)
            return file.deadlines.first?.deadline.due
        }
        // Open 08:30-20:00 every day by default: Saturday 19:30 plus one hour is Sunday 09:00, no make-up day faked.
        #expect(try due() == instant("2026-11-29T09:00:00+08:00"))
        // The legal calendar plays no part: a national holiday on Sunday changes nothing.
        try f.db.setCalendarDay(LocalDate("2026-11-29")!, kind: .holiday, name: "假日", actor: "admin")
        #expect(try due() == instant("2026-11-29T09:00:00+08:00"))
        // Closed at weekends: the whole hour counts from Monday 08:30; a closed Monday (the store's own closed
        // day) moves it to Tuesday.
        try f.db.setOpeningHours([.saturday, .sunday], to: nil, actor: "admin")
        #expect(try due() == instant("2026-11-30T09:30:00+08:00"))
        #expect(try f.db.overdueComplaints(at: instant("2026-11-29T12:00:00+08:00")).isEmpty)
        #expect(try f.db.overdueComplaints(at: instant("2026-11-30T09:10:00+08:00")).first?.deadline.state == .dueSoon)
        #expect(
            try f.db.overdueComplaints(at: instant("2026-11-30T09:45:00+08:00")).first?.deadline.lateBySeconds == 15
                * 60)
        _ = try f.db.setStoreDay(LocalDate("2026-11-30")!, hours: nil, name: "盘点", actor: "admin")
        #expect(try due() == instant("2026-12-01T09:30:00+08:00"))
        try f.db.removeStoreDay(LocalDate("2026-11-30")!, actor: "admin")
        #expect(try due() == instant("2026-11-30T09:30:00+08:00"))
        #expect(throws: InvalidInput.self) { try f.db.setOpeningHours(Weekday.allCases, to: nil, actor: "admin") }
        #expect(throws: UnknownRecord.self) {
            try f.db.setSetting("calendar.business-hours", to: "09:00-18:00", actor: "admin")
        }
    }

    @Test("Rejected changes leave the complaint and the audit log as they were")
    func rejected() throws {
        let f = try Fixture()
        let id = try f.add().complaint.id!
        let before = try f.db.complaintFile(id)
        let audit = try f.auditCount()
        #expect(throws: Conflict.self) {
            try f.db.contactComplaint(id, at: instant("2026-11-23T09:00:00+08:00"), direction: .outbound, actor: "李娜")
        }
        #expect(throws: Conflict.self) {
            try f.db.closeComplaint(id, process: .satisfied, result: .satisfied, actor: "李娜")
        }
        #expect(throws: InvalidInput.self) { try f.db.escalateComplaint(id, reason: nil, actor: "李娜") }
        #expect(throws: NotFound.self) {
            try f.db.contactComplaint(Complaint.ID(99), direction: .outbound, actor: "李娜")
        }
        #expect(try f.db.complaintFile(id).complaint == before.complaint)
        #expect(try f.db.complaintFile(id).history == before.history)
        #expect(try f.auditCount() == audit)
    }

    @Test(
        "K-10: a verdict below the top three levels sends the complaint back to investigating, and it counts as reopened"
    )
    func notSatisfied() throws {
        let f = try Fixture()
        let id = try f.add().complaint.id!
        _ = try f.db.contactComplaint(id, direction: .outbound, actor: "李娜")
        _ = try f.db.resolveComplaint(
            id, summary: "调整", apology: true, unhappyBecause: nil, measures: "调整", customerAgreed: false,
            appointment: nil, cause: nil, actor: "李娜")
        let back = try f.db.closeComplaint(id, process: .neutral, result: .dissatisfied, actor: "李娜")
        #expect(back.complaint.state == .investigating)
        #expect(back.history.last?.action == "close-refused")
        let report = try f.db.complaintReport(from: LocalDate("2026-11-01")!, to: LocalDate("2026-11-30")!)
        #expect(report.reopenedPercent == 100)
        #expect(report.resultSatisfaction.first { $0.key == "dissatisfied" }?.count == 1)
    }

    @Test("K-6: a reopened complaint does not escalate at once; its report clock restarts at the reopen")
    func reopenRestartsReportClock() throws {
        let f = try Fixture()
        let id = try f.add().complaint.id!
        _ = try f.db.contactComplaint(id, direction: .outbound, actor: "李娜")
        _ = try f.db.routeComplaint(id, advisor: "王丽", actor: "李娜")
        f.clock.set("2026-11-24T09:00:00+08:00")
        _ = try f.db.reportOnComplaint(id, note: "已更换制动片", actor: "王丽")
        _ = try f.db.resolveComplaint(
            id, summary: "返修", apology: true, unhappyBecause: nil, measures: "更换制动片", customerAgreed: true,
            appointment: nil, cause: nil, actor: "李娜")
        _ = try f.db.closeComplaint(id, process: .satisfied, result: .satisfied, actor: "李娜")
        f.clock.set("2026-12-02T10:00:00+08:00")
        let reopened = try f.db.reopenComplaint(id, reason: "异响又出现", actor: "李娜")
        #expect(reopened.complaint.reopenedAt == instant("2026-12-02T10:00:00+08:00"))
        #expect(
            reopened.deadlines.first { $0.deadline.rule == "K-6" }?.deadline.due == instant("2026-12-03T10:00:00+08:00")
        )
        #expect(try f.db.escalateDueComplaints(actor: "cron").isEmpty)
        #expect(try f.db.overdueComplaints().isEmpty)
        #expect(try f.db.complaintFile(id).complaint.missedDeadlines == 0)
        // A day later the reopened complaint's report is due, and only then.
        f.clock.set("2026-12-03T10:01:00+08:00")
        #expect(try f.db.escalateDueComplaints(actor: "cron").map(\.rule) == ["K-6"])
    }

    @Test("K-14: evidence is kept with the file, typed and size-checked; the same file twice is refused")
    func attachments() throws {
        let f = try Fixture()
        let id = try f.add().complaint.id!
        let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array("刹车片".utf8)
        let file = try f.db.attachToComplaint(
            id, name: "/tmp/刹车片照片.jpg", bytes: photo, kind: .photo, note: "客户提供", actor: "李娜")
        let attachment = try #require(file.attachments.first)
        #expect(
            attachment.name == "刹车片照片.jpg" && attachment.mediaType == "image/jpeg" && attachment.size == photo.count)
        #expect(try f.db.complaintAttachment(id, attachment: attachment.id).1 == Data(photo))
        #expect(throws: Conflict.self) {
            try f.db.attachToComplaint(id, name: "again.jpg", bytes: photo, kind: nil, note: nil, actor: "李娜")
        }
        try f.db.setSetting("complaints.attachment.max-mb", to: "1", actor: "admin")
        #expect(throws: InvalidInput.self) {
            try f.db.attachToComplaint(
                id, name: "big.jpg", bytes: photo + Array(repeating: 0, count: 1_048_576), kind: nil, note: nil,
                actor: "李娜")
        }
        #expect(try f.db.complaintFile(id).attachments.count == 1)
    }

    @Test("K-14: the report counts by channel and category, times first contact and sets targets against actuals")
    func report() throws {
        let f = try Fixture()
        for minutes in [20, 50, 80] {
            f.clock.set("2026-11-23T10:00:00+08:00")
            let id = try f.add(category: .price).complaint.id!
            f.clock.set(
                Instant.isoString(
                    instant("2026-11-23T10:00:00+08:00").addingTimeInterval(Double(minutes * 60)),
                    in: TimeZone(identifier: "Asia/Shanghai")!))
            _ = try f.db.contactComplaint(id, direction: .outbound, actor: "李娜")
        }
        try f.db.setSetting("complaints.target.first-contact-percent", to: "60", actor: "admin")
        let report = try f.db.complaintReport(from: LocalDate("2026-11-01")!, to: LocalDate("2026-11-30")!)
        #expect(report.total == 3)
        #expect(report.byCategory.first { $0.key == "price" }?.count == 3)
        #expect(report.firstContactMedianMinutes == 50)
        #expect(report.firstContactInTimePercent == 66.7)
        let target = try #require(report.targets.first)
        #expect(target.rule == "K-4" && target.target == 60 && target.actual == 66.7 && target.met == true)
        #expect(report.repeatComplainers.first?.complaints == 3)
        #expect(throws: InvalidInput.self) {
            try f.db.complaintReport(from: LocalDate("2026-12-01")!, to: LocalDate("2026-11-01")!)
        }
    }

    @Test("K-12: the coordinator's queue holds resolved, closed and invalid complaints until analysed, oldest first")
    func analysisQueue() throws {
        let f = try Fixture()
        let open = try f.add().complaint.id!
        let resolved = try f.add().complaint.id!
        let invalid = try f.add().complaint.id!
        for id in [open, resolved] {
            _ = try f.db.contactComplaint(id, direction: .outbound, callback: nil, actor: "李娜")
        }
        _ = try f.db.resolveComplaint(
            resolved, summary: "免费更换前制动片", apology: true, unhappyBecause: nil,
            measures: "更换制动片", customerAgreed: true, appointment: nil, cause: .defect,
            actor: "李娜")
        _ = try f.db.invalidateComplaint(invalid, explanation: "异响为正常工作声，已向客户说明", actor: "陈静")
        #expect(try f.db.analysisDueComplaints().items.map(\.id) == [resolved, invalid])
        let page = try f.db.analysisDueComplaints(limit: 1, offset: 0)
        #expect(page.items.map(\.id) == [resolved] && page.total == 2 && page.more)
        #expect(try f.db.listComplaints(ComplaintFilter(analysisDue: true)).items.map(\.id) == [invalid, resolved])
        _ = try f.db.analyseComplaint(
            resolved, rootCause: "首次维修未做路试", preventiveAction: "制动类维修必须路试并签字", cause: nil,
            actor: "市场-周")
        #expect(try f.db.analysisDueComplaints().items.map(\.id) == [invalid])
        #expect(try f.db.complaintFile(invalid).complaint.awaitsAnalysis)
        #expect(!(try f.db.complaintFile(open).complaint.awaitsAnalysis))
    }
}
