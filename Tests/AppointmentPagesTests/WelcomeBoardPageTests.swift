import Appointments
import Core
import Foundation
import TestSupport
import Testing

@testable import AppointmentPages
@testable import Storage

/// A morning with a car in each status, and the booked visits' full names and plates to look for.
struct BoardMorning {
    let f: BoardFixture
    let orders: [String]
    let waiting: BoardFixture.Visit
    static let names = ["王建国", "李娜", "张伟", "欧阳娜娜", "赵敏", "北京朝阳出租汽车有限公司"]
    static let plates = ["京A·12345", "京B·D12345", "沪C·67890", "粤B·88888", "京N·99999"]

    init() throws {
        f = try BoardFixture(now: "2026-12-08T08:00:00+08:00")
        let ready = try f.book("王建国", gender: .male, plate: "京A·12345", at: "2026-12-08 08:30")
        let check = try f.book("李娜", gender: .female, plate: "京B·D12345", at: "2026-12-08 09:00")
        let workshop = try f.book("张伟", gender: nil, plate: "沪C·67890", at: "2026-12-08 09:30", advisor: "吴顾问")
        let arrived = try f.book("欧阳娜娜", gender: .female, plate: "粤B·88888", at: "2026-12-08 10:00")
        waiting = try f.book("赵敏", gender: .female, plate: "京N·99999", at: "2026-12-08 11:15", advisor: "吴顾问")
        try f.book("北京朝阳出租汽车有限公司", gender: nil, plate: nil, at: "2026-12-08 14:00", party: .organisation)
        try f.book("<b>钱</b>", gender: .male, plate: "京Z·00000", at: "2026-12-08 15:00", state: "cancelled")
        var orders: [String] = []
        for visit in [ready, check, workshop, arrived] { orders.append(try f.checkIn(visit)) }
        for order in orders.prefix(3) {
            try f.approve(order)
            try f.dispatch(order)
        }
        try f.clock(orders[0], on: true)
        try f.clock(orders[0], on: false)
        try f.check(orders[0])
        try f.clock(orders[1], on: true)
        try f.clock(orders[1], on: false)
        try f.clock(orders[2], on: true)
        self.orders = orders
    }

    func page() throws -> String {
        WelcomeBoardPage.html(try f.db.welcomeBoard(), dealer: "北京恒通<汽车>4S店")
    }
}

@Suite("The welcome board's page (issue 18): rows, masking, statuses, refresh")
struct WelcomeBoardPageTests {
    @Test("One row per booked arrival in time order: surname and title, masked plate, advisor, status; self-contained")
    func page() throws {
        let morning = try BoardMorning()
        let html = try morning.page()
        let rows = html.components(separatedBy: "<tr class=\"visit\"").dropFirst()
        #expect(rows.count == 6)
        let expected: [(String, String, String, String)] = [
            ("08:30", "王先生 <span class=\"en\" lang=\"en\">Mr 王</span>", "京A·1**45", "可取车"),
            ("09:00", "李女士", "京B·D***45", "质检中"),
            ("09:30", "张先生/女士", "沪C·6**90", "维修中"),
            ("10:00", "欧阳女士", "粤B·8**88", "已到店"),
            ("11:15", "赵女士", "京N·9**99", "待到店"),
            ("14:00", "贵宾", "无车牌", "待到店"),
        ]
        for (row, (time, guest, plate, status)) in zip(rows, expected) {
            #expect(row.contains("<td class=\"time\">\(time)</td>"), "\(row)")
            #expect(row.contains("<td class=\"guest\">\(guest)"), "\(row)")
            #expect(row.contains("<td class=\"plate\">\(plate)"), "\(row)")
            #expect(row.contains(status), "\(row)")
        }
        for secret in BoardMorning.names + BoardMorning.plates + ["1390013", "钱"] {
            #expect(!html.contains(secret), "\(secret) shows on the board")
        }
        #expect(html.contains("北京恒通&lt;汽车&gt;4S店"))
        #expect(html.contains("<h1>欢迎光临 <span class=\"en\" lang=\"en\">Welcome</span></h1>"))
        #expect(html.contains("2026年12月8日 <span class=\"en\" lang=\"en\">2026-12-08</span>"))
        #expect(html.contains("更新时间 <span class=\"en\" lang=\"en\">Updated</span> <time class=\"updated\">"))
        #expect(html.contains("<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>"))
        #expect(html.contains("default-src 'none'"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link"))
        #expect(!html.contains(" src="))
    }

    @Test("An empty day says so, in Chinese first")
    func emptyDay() throws {
        let f = try BoardFixture()
        let html = WelcomeBoardPage.html(try f.db.welcomeBoard(), dealer: "本店")
        #expect(html.contains("当日暂无预约到店的客户。 <span class=\"en\" lang=\"en\">No booked arrivals on this day.</span>"))
        #expect(!html.contains("<table"))
    }

    @Test("Headless Chromium: the DOM holds the rows in time order, masked, with each status; a screenshot is written")
    func chromium() throws {
        let morning = try BoardMorning()
        let folder = try TemporaryDirectory()
        let file = try folder.write("board.html", try morning.page())
        let dom = try Chromium.dumpDOM(file: file)
        let times = dom.components(separatedBy: "<td class=\"time\">").dropFirst().map { String($0.prefix(5)) }
        #expect(times == ["08:30", "09:00", "09:30", "10:00", "11:15", "14:00"])
        let statuses = dom.components(separatedBy: "data-status=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        #expect(statuses == ["ready", "quality-check", "in-workshop", "arrived", "expected", "expected"])
        for word in ["可取车", "质检中", "维修中", "已到店", "待到店", "王先生", "京A·1**45", "京B·D***45"] {
            #expect(dom.contains(word), "\(word)")
        }
        for secret in BoardMorning.names + BoardMorning.plates { #expect(!dom.contains(secret), "\(secret)") }
        // The script stays quiet on a file: the offline notice is still hidden.
        #expect(dom.contains("<div id=\"offline\" class=\"offline\" hidden=\"\">"))
        let png = folder.path("board.png")
        try Chromium.screenshot(file: file, to: png, width: 1_920, height: 1_080)
        #expect(Chromium.isPNG(try Data(contentsOf: URL(fileURLWithPath: png))))
    }

    @Test("Refresh: the page read again after the repair order moves shows the new status")
    func refresh() throws {
        let morning = try BoardMorning()
        let before = try morning.page()
        #expect(before.contains("<tr class=\"visit\" data-status=\"expected\"><td class=\"time\">11:15</td>"))
        morning.f.clock.set("2026-12-08T11:20:00+08:00")
        try morning.f.checkIn(morning.waiting)
        try morning.f.check(morning.orders[1])
        let after = try morning.page()
        #expect(after.contains("<tr class=\"visit\" data-status=\"arrived\"><td class=\"time\">11:15</td>"))
        #expect(after.contains("<tr class=\"visit\" data-status=\"ready\"><td class=\"time\">09:00</td>"))
        #expect(after.contains("<time class=\"updated\">11:20</time>"))
    }
}
