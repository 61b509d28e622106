import ArgumentParser
import Complaints
import Core
import Customers
import DemoGenerator
import Foundation
import Storage

extension DemoData {
    /// Half a year of complaints, each taken through its life by the real use cases at the times it happened.
    struct Complaints: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add half a year of complaints through the real use cases: handled, escalated, closed, followed up, "
                + "analysed; some still open."
        )
        @Option(help: "The database (after `history`: it needs customers and staff).") var db: String
        @Option(help: "How many complaints.") var count = 120
        @Option(help: "Random seed.") var seed: UInt64 = 7
        @Option(help: "\"Now\" for the data (ISO 8601).") var now = "2026-11-23T09:00:00+08:00"

        static let texts: [(ComplaintCategory, String)] = [
            (.repairTechnique, "刹车异响，修了两次还没好"), (.serviceQuality, "服务顾问态度冷淡，问三遍才回答"), (.partsQuality, "新换的雨刮片一周就异响"),
            (.productQuality, "车门密封条漏风，高速噪音大"), (.warrantyClaim, "变速箱顿挫，说不在保修范围"), (.technicalProblem, "中控屏频繁死机"),
            (.price, "保养结算比报价多了三百元"), (.delay, "说好下午五点交车，等到七点"), (.reception, "进店二十分钟没人接待"),
            (.reAppointment, "预约了九点，到店说没有预约"), (.other, "洗车时划伤了轮毂"),
        ]

        func run() throws {
            guard let end = Instant.parse(now) else { throw ValidationError("--now: expected ISO 8601") }
            var generator = DemoGenerator(seed: seed, now: end)
            let clock = ManualClock(end)
            let base = try AppDatabase.open(path: db, clock: clock)
            let customers = try base.listCustomers(customerClass: .retained, limit: 500).items.map(\.id)
            guard !customers.isEmpty else {
                throw ValidationError("no retained customers in \(db): run `history` (or import customers) first")
            }
            let channels: [ComplaintChannel] = [.phone, .phone, .phone, .inPerson, .inPerson, .email, .online, .letter]
            var open = 0
            for i in 0..<count {
                // Received over the last 180 days, in opening hours; the last dozen are this week's, still open.
                let recent = i >= count - 12
                let daysAgo = recent ? Double(count - i) * 0.4 : Double(generator.int(8...180))
                let received = end.addingTimeInterval(-daysAgo * 86_400 - Double(generator.int(0...8 * 3600)))
                func step(_ minutes: Int) -> Date { min(end, clock.now().addingTimeInterval(Double(minutes * 60))) }
                clock.set(received)
                let (category, text) = generator.pick(Self.texts)
                let customer = generator.pick(customers)
                let crisis = i % 37 == 5 ? "涉及安全：客户称高速行驶时制动失灵，并联系了媒体" : nil
                let id = try base.addComplaint(
                    ComplaintIntake(
                        customer: customer, channel: generator.pick(channels),
                        receivedBy: generator.pick(["李娜", "陈静"]),
                        description: text, category: category, wishes: [generator.pick(CustomerWish.allCases)],
                        crisisReason: crisis), actor: "李娜"
                ).complaint.id!
                if recent && i % 3 == 0 {
                    open += 1
                    continue
                }  // not contacted yet: the K-4 clock runs
                clock.set(step(generator.chance(0.85) ? generator.int(8...55) : generator.int(65...240)))
                _ = try base.contactComplaint(id, direction: .outbound, callback: "服务经理今天内回电", actor: "李娜")
                if generator.chance(0.15) {
                    clock.set(step(generator.int(60...600)))
                    _ = try base.contactComplaint(id, direction: .inbound, note: "客户再次来电询问进度", actor: "李娜")
                }
                if i % 29 == 3 {
                    clock.set(step(30))
                    _ = try base.invalidateComplaint(id, explanation: "经检查为事故损伤，不属质量问题，已由客服经理向客户说明", actor: "陈静")
                    continue
                }
                clock.set(step(generator.int(20...90)))
                _ = try base.routeComplaint(id, advisor: "王丽", actor: "李娜")
                if recent {
                    open += 1
                    continue
                }  // under investigation: the K-6 clock runs
                clock.set(step(generator.chance(0.8) ? generator.int(120...1_300) : generator.int(1_500...2_800)))
                _ = try base.reportOnComplaint(id, note: "已完成检查并制定方案", plan: "按方案维修并回访", actor: "王丽")
                clock.set(step(generator.int(60...1_400)))
                _ = try base.resolveComplaint(
                    id, summary: "致歉并按方案处理", apology: true, unhappyBecause: "问题反复出现", measures: "维修并复检",
                    customerAgreed: true, appointment: nil, cause: generator.pick(ComplaintCause.allCases), actor: "李娜")
                clock.set(step(generator.int(600...4_000)))
                let satisfied = generator.chance(0.88)
                _ = try base.closeComplaint(
                    id, process: satisfied ? generator.pick([.verySatisfied, .satisfied, .fairlySatisfied]) : .neutral,
                    result: satisfied
                        ? generator.pick([.verySatisfied, .satisfied, .fairlySatisfied]) : .somewhatDissatisfied,
                    dimensions: [
                        .responsiveness: generator.pick([.satisfied, .fairlySatisfied, .neutral]), .empathy: .satisfied,
                    ], actor: "李娜")
                if !satisfied {
                    // Back to investigating (K-10); older ones were put right with a second solution.
                    guard daysAgo > 10 else {
                        open += 1
                        continue
                    }
                    clock.set(step(generator.int(240...1_200)))
                    _ = try base.reportOnComplaint(id, note: "客户仍不满意，技术总监复查", plan: "更换总成", actor: "王丽")
                    clock.set(step(generator.int(600...1_400)))
                    _ = try base.resolveComplaint(
                        id, summary: "更换总成并赠送一次保养", apology: true, unhappyBecause: "第一次方案未解决问题", measures: "更换总成",
                        customerAgreed: true, appointment: nil, cause: .defect, actor: "李娜")
                    clock.set(step(generator.int(600...2_000)))
                    _ = try base.closeComplaint(id, process: .satisfied, result: .satisfied, actor: "李娜")
                }
                if daysAgo > 10 {
                    clock.set(step(generator.int(2...6) * 1_440))
                    _ = try base.recordComplaintFollowUp(id, result: "客户表示问题已解决", satisfaction: .satisfied, actor: "李娜")
                    if generator.chance(0.7) {
                        clock.set(step(1_440))
                        _ = try base.analyseComplaint(
                            id, rootCause: "首次维修未按标准流程检查", preventiveAction: "同类维修增加复检并签字", cause: nil, actor: "市场-周")
                    }
                }
            }
            demoSays(
                "投诉记录已生成：180 天内 \(count) 件（\(open) 件尚未结案，最新的还未联系客户）",
                "complaints added: \(count) over 180 days (\(open) still open, the newest not yet contacted)")
        }
    }
}
