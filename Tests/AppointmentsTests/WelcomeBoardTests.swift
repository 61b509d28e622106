import Core
import Customers
import Foundation
import Testing
import WorkOrders

@testable import Appointments

@Suite("The welcome board's rules (issue 18): names, plates, statuses")
struct WelcomeBoardTests {
    static let zh = Speech(.zh)
    static let en = Speech(.en)

    @Test("A plate keeps its province and authority, the serial's first character and last two; never whole")
    func masking() {
        let cases: [(String?, String)] = [
            ("京A·12345", "京A·1**45"),
            ("京A12345", "京A·1**45"),
            ("沪B 67890", "沪B·6**90"),
            ("粤B·D12345", "粤B·D***45"),  // new energy: six characters
            ("苏E·F1234D", "苏E·F***4D"),
            ("京A·1234警", "京A·1**4警"),
            ("WA-123-XY", "W****XY"),  // a foreign plate: first character and last two
            ("123", "**3"),
            ("A", "*"),
        ]
        for (plate, masked) in cases {
            #expect(WelcomeBoard.maskedPlate(plate).rendered(Self.zh) == masked, "\(plate ?? "nil")")
            #expect(WelcomeBoard.maskedPlate(plate).rendered(Self.en) == masked)
        }
        #expect(WelcomeBoard.maskedPlate(nil).rendered(Self.zh) == "无车牌")
        #expect(WelcomeBoard.maskedPlate("  ").rendered(Self.en) == "no plate")
    }

    @Test("The guest is the surname and a title from the card's gender; a company's car is a guest")
    func guests() {
        func say(
            _ name: String, _ gender: Gender?, _ party: PartyKind = .person, _ speech: Speech = Speech(.zh)
        ) -> String {
            WelcomeBoard.guest(name: name, party: party, gender: gender).rendered(speech)
        }
        #expect(say("王建国", .male) == "王先生")
        #expect(say("王建国", .male, .person, Self.en) == "Mr 王")
        #expect(say("李娜", .female) == "李女士")
        #expect(say("李娜", .female, .person, Self.en) == "Ms 李")
        #expect(say("张伟", nil) == "张先生/女士")
        #expect(say("欧阳娜娜", .female) == "欧阳女士")
        #expect(say("欧阳", .male) == "欧先生")  // two characters: a surname and a given name
        #expect(say("John Smith", .male, .person, Self.en) == "Mr Smith")
        #expect(say("北京朝阳出租汽车有限公司", nil, .organisation) == "贵宾")
        #expect(say("北京朝阳出租汽车有限公司", nil, .organisation, Self.en) == "Guest")
        #expect(say("  ", .male) == "贵宾")
    }

    @Test("The status follows the repair order (A-6, Q-4); a delivered car leaves the board")
    func statuses() {
        let expectations: [(BoardOrderProgress?, BoardStatus?, String, String)] = [
            (nil, .expected, "待到店", "on the way"),
            (BoardOrderProgress(state: .open), .arrived, "已到店", "arrived"),
            (BoardOrderProgress(state: .quoted), .arrived, "已到店", "arrived"),
            (BoardOrderProgress(state: .approved), .arrived, "已到店", "arrived"),
            (BoardOrderProgress(state: .approved, dispatched: true), .inWorkshop, "维修中", "in the workshop"),
            (BoardOrderProgress(state: .inWork, clockedOn: true), .inWorkshop, "维修中", "in the workshop"),
            (BoardOrderProgress(state: .inWork, reworking: true), .inWorkshop, "维修中", "in the workshop"),
            (BoardOrderProgress(state: .inWork), .qualityCheck, "质检中", "quality check"),
            (BoardOrderProgress(state: .qcPassed), .ready, "可取车", "ready for collection"),
            (BoardOrderProgress(state: .settled), .ready, "可取车", "ready for collection"),
            (BoardOrderProgress(state: .delivered), nil, "", ""),
        ]
        for (order, status, chinese, english) in expectations {
            #expect(WelcomeBoard.status(order) == status)
            if let status {
                #expect(status.spoken.rendered(Self.zh) == chinese)
                #expect(status.spoken.rendered(Self.en) == english)
            }
        }
    }

    @Test("Rows come in arrival order, masked, without delivered cars")
    func rows() {
        let nine = Date(timeIntervalSince1970: 1_765_155_600)
        let visits = [
            BoardVisit(
                arrival: nine.addingTimeInterval(3_600), customerName: "李娜", gender: .female, plate: "京A·12345",
                advisor: "周顾问", order: nil),
            BoardVisit(
                arrival: nine, customerName: "王建国", gender: .male, plate: "京B·54321", advisor: "吴顾问",
                order: BoardOrderProgress(state: .inWork, clockedOn: true)),
            BoardVisit(
                arrival: nine.addingTimeInterval(1_800), customerName: "赵敏", gender: .female, plate: "京C·11111",
                advisor: "吴顾问", order: BoardOrderProgress(state: .delivered)),
        ]
        let rows = WelcomeBoard.rows(visits)
        #expect(rows.map { $0.guest.rendered(Self.zh) } == ["王先生", "李女士"])
        #expect(rows.map { $0.plate.rendered(Self.zh) } == ["京B·5**21", "京A·1**45"])
        #expect(rows.map(\.status) == [.inWorkshop, .expected])
        #expect(rows.map(\.advisor) == ["吴顾问", "周顾问"])
    }
}
