import Complaints
import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

/// The overdue list and `escalate-due` narrow in SQL by the bounds `ComplaintClocks.dueBounds` computes; the
/// clocks then decide. Over random complaints, settings and opening hours, in zones with and without daylight
/// saving, the SQL path must find exactly what the pure clocks find over every complaint.
@Suite("Complaint clocks: the SQL pre-filter held to the pure clocks (K-4, K-6, K-7, K-11, T-3)")
struct ClockEquivalenceTests {
    /// A linear congruential generator: the same cases on every run.
    struct Dice {
        var seed: UInt64
        mutating func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let zones = [
        "Asia/Shanghai", "Asia/Urumqi", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
        "UTC",
    ]
    /// Around the daylight-saving changes of 2026 (New York, Berlin, Lord Howe) and ordinary days.
    static let anchors = [
        "2026-03-08T07:00:00Z", "2026-03-29T01:00:00Z", "2026-04-04T15:00:00Z",
        "2026-10-03T16:00:00Z", "2026-10-25T01:00:00Z", "2026-11-01T06:00:00Z",
        "2026-11-23T01:00:00Z", "2026-12-31T16:00:00Z",
    ]

    @Test("K-4/K-6/K-7/K-11/T-3: over random complaints, settings, calendars, SQL finds what ComplaintClocks finds")
    func randomized() throws {
        var dice = Dice(seed: 20_261_205)
        var checked = 0
        var listed = 0
        var escalations = 0
        for world in 0..<40 {
            let now = instant(dice.pick(Self.anchors)).addingTimeInterval(Double(dice.next(5 * 86_400) - 2 * 86_400))
            let db = try AppDatabase.inMemory(clock: FixedClock(now))
            let zone = dice.pick(Self.zones)
            let settings: [(Setting, String)] = [
                (.timeZone, zone), (.clockMode, dice.chance(60) ? "business" : "clock"),
                (.complaintFirstContactHours, String(dice.pick([1, 1, 2, 4]))),
                (.complaintReportHours, String(dice.pick([24, 24, 8, 48]))),
                (.complaintWarnMinutes, String(dice.pick([0, 30, 90]))),
            ]
            for (setting, value) in settings { _ = try db.setSetting(setting.rawValue, to: value, actor: "t") }
            try randomOpeningHours(db, around: now, zone: TimeZone(identifier: zone)!, &dice)
            let customer = try db.addCustomer(
                NewCustomer(
                    customer: Customer(
                        name: "王芳", customerClass: .potential,
                        createdAt: now), phones: []),
                actor: "t"
            ).customer.id!
            let policy = try db.writer.read { try AppDatabase.complaintPolicy($0) }
            try db.writer.write { database in
                for _ in 0..<120 {
                    var complaint = Self.randomComplaint(customer: customer, now: now, policy: policy, &dice)
                    try complaint.insert(database)
                }
            }
            let all = try db.writer.read { try Complaint.fetchAll($0) }
            checked += all.count
            let world = "world \(world) (\(zone), \(policy.clock.mode), now \(Instant.utcString(now)))"
            for warn in [nil, 0, 45] {
                let expected = all.flatMap { complaint in
                    ComplaintClocks.overdue(complaint, policy: policy, at: now, warnMinutes: warn)
                        .map { Self.key(complaint.id!, $0) }
                }.sorted()
                let found = try db.overdueComplaints(at: now, warnMinutes: warn)
                    .map { Self.key($0.complaint, $0.deadline) }.sorted()
                #expect(found == expected, "\(world), warn \(String(describing: warn))")
                listed += found.count
            }
            let due = all.filter { ComplaintClocks.escalationDue($0, policy: policy, at: now) != nil }.map(\.id!)
            #expect(try db.escalationCandidates(at: now) == due, "\(world)")
            escalations += due.count
        }
        // The cases reach every outcome: many deadlines listed, many escalations, most complaints never listed.
        #expect(checked == 4_800 && listed > 1_000 && escalations > 300, "\(listed) listed, \(escalations) escalations")
    }

    static func key(_ id: Complaint.ID, _ status: DeadlineStatus) -> String {
        "\(id) \(status.deadline.rule) \(Instant.utcString(status.deadline.due)) \(status.state.rawValue) "
            + "\(status.lateBySeconds) \(status.deadline.responsible)"
    }

    /// Opening hours per weekday (some closed), with closed days and special hours around `now`.
    func randomOpeningHours(_ db: AppDatabase, around now: Date, zone: TimeZone, _ dice: inout Dice) throws {
        let hours = ["08:30-20:00", "09:00-17:30", "00:00-24:00", "01:30-03:30", "22:00-24:00"]
        var closed: [Weekday] = []
        for weekday in Weekday.allCases {
            if weekday != .wednesday, dice.chance(20) {
                closed.append(weekday)
                continue
            }
            try db.setOpeningHours([weekday], to: BusinessHours(dice.pick(hours))!, actor: "t")
        }
        if !closed.isEmpty { try db.setOpeningHours(closed, to: nil, actor: "t") }
        let today = LocalDate(instant: now, in: zone)
        for _ in 0..<dice.next(4) {
            let hours = dice.chance(50) ? nil : BusinessHours(dice.pick(hours))!
            _ = try db.setStoreDay(today.adding(days: dice.next(12) - 9), hours: hours, name: "t", actor: "t")
        }
    }

    /// A complaint in any state with any clock facts, many of them on or next to the clock bounds of `now`.
    static func randomComplaint(
        customer: Customer.ID, now: Date, policy: ComplaintPolicy,
        _ dice: inout Dice
    ) -> Complaint {
        let warn = policy.warnMinutes * 60
        func time(_ hours: Int) -> Date {
            // On the clock bound of an `hours` deadline or a second either side, or anywhere in the last ten days.
            if dice.chance(30) {
                let shift = warn - hours * 3600 + dice.next(3) - 1 + dice.pick([0, 0, 60 * 45])
                return now.addingTimeInterval(Double(shift))
            }
            return now.addingTimeInterval(-Double(dice.next(10 * 86_400)) + 3600)
        }
        var complaint = Complaint(
            customerID: customer, channel: .phone, receivedAt: time(policy.firstContactHours),
            receivedBy: "李娜", owner: "李娜", description: "刹车异响", category: .repairTechnique)
        complaint.state = dice.pick(ComplaintState.allCases)
        complaint.level = dice.pick(EscalationLevel.allCases)
        complaint.levelSince =
            dice.chance(50)
            ? complaint.receivedAt
            : time(dice.pick([policy.firstContactHours, policy.reportHours]))
        complaint.crisis = dice.chance(10)
        if dice.chance(40) { complaint.firstContactAt = time(0) }
        if dice.chance(70) {
            complaint.repairOrder = Complaint.RepairOrder(
                department: .serviceManager, person: nil,
                advisor: dice.chance(70) ? "王丽" : nil,
                at: time(policy.reportHours), rule: "K-5", plan: nil)
            if dice.chance(50) {
                complaint.lastReportAt = time(policy.reportHours)
                complaint.reports = 1 + dice.next(3)
            }
            if dice.chance(30) { complaint.reopenedAt = time(policy.reportHours) }
        }
        if dice.chance(60) { complaint.closedAt = time(24 * 7) }
        if dice.chance(60) {
            let day = LocalDate(instant: now, in: policy.timeZone).adding(days: dice.next(6) - 4)
            complaint.followUp = Complaint.FollowUp(
                dueOn: day, by: "李娜", doneAt: dice.chance(30) ? time(0) : nil,
                result: nil, satisfaction: nil)
        }
        return complaint
    }
}
