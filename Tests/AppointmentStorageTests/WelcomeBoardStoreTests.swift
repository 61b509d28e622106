import Appointments
import Core
import Foundation
import GRDB
import TestSupport
import Testing

@testable import AppointmentStorage
@testable import Storage

@Suite("The welcome board's day (issue 18): one read of the day's arrivals")
struct WelcomeBoardStoreTests {
    static let zh = Speech(.zh)

    @Test("A-6, Q-4: each visit's status follows its repair order from booking to delivery, in arrival order")
    func statusesThroughTheUseCases() throws {
        let f = try BoardFixture()
        let wang = try f.book("王建国", gender: .male, plate: "京A·12345", at: "2026-12-08 09:00")
        try f.book("李娜", gender: .female, plate: "京B·D12345", at: "2026-12-08 08:30", advisor: "吴顾问")
        try f.book("赵敏", gender: .female, plate: "京C·22222", at: "2026-12-08 10:00", state: "cancelled")
        try f.book("钱多多", gender: nil, plate: "京D·33333", at: "2026-12-08 10:30", state: "no-show")
        try f.book("孙悟空", gender: .male, plate: "京E·44444", at: "2026-12-09 09:00")
        try f.book("周末", gender: .male, plate: "京F·55555", at: "2026-12-07 23:59")

        func board() throws -> [String] {
            try f.db.welcomeBoard().rows.map {
                "\(Instant.localString($0.arrival, in: TimeZone(identifier: "Asia/Shanghai")!).suffix(5)) "
                    + "\($0.guest.rendered(Self.zh)) \($0.plate.rendered(Self.zh)) \($0.advisor ?? "-") "
                    + $0.status.rawValue
            }
        }
        // Cancelled and no-show bookings, and other days, never show.
        #expect(try board() == ["08:30 李女士 京B·D***45 吴顾问 expected", "09:00 王先生 京A·1**45 周顾问 expected"])
        let order = try f.checkIn(wang)
        #expect(try board()[1].hasSuffix(" arrived"))
        try f.approve(order)
        #expect(try board()[1].hasSuffix(" arrived"))
        try f.dispatch(order)
        #expect(try board()[1].hasSuffix(" in-workshop"))
        try f.clock(order, on: true)
        #expect(try board()[1].hasSuffix(" in-workshop"))
        try f.clock(order, on: false)
        #expect(try board()[1].hasSuffix(" quality-check"))
        try f.check(order, passed: false)
        #expect(try board()[1].hasSuffix(" in-workshop"))
        try f.clock(order, on: true)
        try f.clock(order, on: false)
        try f.check(order)
        #expect(try board()[1].hasSuffix(" ready"))
        try f.settle(order)
        #expect(try board()[1].hasSuffix(" ready"))
        _ = try f.db.deliverWorkOrder(order, note: nil, actor: BoardFixture.advisor)
        #expect(try board() == ["08:30 李女士 京B·D***45 吴顾问 expected"])
        // Another day on request.
        #expect(try f.db.welcomeBoard(day: BoardFixture.day.adding(days: 1)).rows.count == 1)
        #expect(try f.db.welcomeBoard(day: BoardFixture.day.adding(days: 2)).rows.isEmpty)
    }

    @Test("The board's read uses the appointment_arrival index and looks orders up by key (no scan, no N+1)")
    func queryPlan() throws {
        let f = try BoardFixture()
        let plan = try f.db.writer.read { db in
            try Row.fetchAll(
                db, sql: "EXPLAIN QUERY PLAN " + AppDatabase.boardSQL,
                arguments: [Date(), Date().addingTimeInterval(86_400)]
            ).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("USING INDEX appointment_arrival") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN a") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN") && !$0.contains("USING") }, "\(plan)")
    }
}
