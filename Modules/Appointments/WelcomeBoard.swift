import Core
import Customers
import Foundation
import WorkOrders

/// Where a booked visit stands on the welcome board (预约欢迎看板, issue 18), read from its repair order.
/// Stored nowhere: the raw values are the page's `data-status` and the JSON-free interface of the board.
public enum BoardStatus: String, CaseIterable, Codable, Sendable {
    /// Booked, no repair order yet: the customer is on the way.
    case expected
    /// Received at the desk: the order is open, being quoted, or approved but not yet given to a technician.
    case arrived
    /// Given to a technician (dispatched) or being worked on, or back in work after a failed check.
    case inWorkshop = "in-workshop"
    /// Every spell clocked off, the quality check still to come.
    case qualityCheck = "quality-check"
    /// Checked (QC passed) or settled, not yet delivered: the customer may collect the car.
    case ready

    /// The status as the board says it (维修中 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .expected: Phrase("on the way", context: "board status")
        case .arrived: Phrase("arrived", context: "board status")
        case .inWorkshop: Phrase("in the workshop", context: "board status")
        case .qualityCheck: Phrase("quality check", context: "board status")
        case .ready: Phrase("ready for collection", context: "board status")
        }
    }
}

/// What the board needs to know of a repair order: its state and whether a technician has it in hand.
public struct BoardOrderProgress: Sendable, Equatable {
    public var state: WorkOrderState
    /// A live job has been given to a technician (dispatched).
    public var dispatched: Bool
    /// A technician is clocked on a job right now.
    public var clockedOn: Bool
    /// A job failed its quality check and is back in the workshop.
    public var reworking: Bool

    public init(state: WorkOrderState, dispatched: Bool = false, clockedOn: Bool = false, reworking: Bool = false) {
        self.state = state
        self.dispatched = dispatched
        self.clockedOn = clockedOn
        self.reworking = reworking
    }
}

/// One booked visit of the day, as stored: the whole name and plate, which the board never shows.
public struct BoardVisit: Sendable, Equatable {
    public var arrival: Date
    public var customerName: String
    public var party: PartyKind
    public var gender: Gender?
    public var plate: String?
    /// The advisor who received the car (the order's), else the one the booking reserved.
    public var advisor: String?
    /// The repair order check-in made, if any.
    public var order: BoardOrderProgress?

    public init(
        arrival: Date, customerName: String, party: PartyKind = .person, gender: Gender?, plate: String?,
        advisor: String?, order: BoardOrderProgress?
    ) {
        self.arrival = arrival
        self.customerName = customerName
        self.party = party
        self.gender = gender
        self.plate = plate
        self.advisor = advisor
        self.order = order
    }
}

/// One line of the board: nothing in it names the customer whole or shows the whole plate or a phone.
public struct BoardRow: Sendable, Equatable {
    public var arrival: Date
    /// The surname and title (王先生), or a neutral word for a company's car.
    public var guest: Phrase
    /// The plate partly masked (京A·1**45), or "no plate".
    public var plate: Phrase
    public var advisor: String?
    public var status: BoardStatus

    public init(arrival: Date, guest: Phrase, plate: Phrase, advisor: String?, status: BoardStatus) {
        self.arrival = arrival
        self.guest = guest
        self.plate = plate
        self.advisor = advisor
        self.status = status
    }
}

/// The board of one day: the dealer's zone for the times, when it was read, and its rows in arrival order.
public struct BoardDay: Sendable, Equatable {
    public var day: LocalDate
    public var updatedAt: Date
    public var timeZone: TimeZone
    public var rows: [BoardRow]

    public init(day: LocalDate, updatedAt: Date, timeZone: TimeZone, rows: [BoardRow]) {
        self.day = day
        self.updatedAt = updatedAt
        self.timeZone = timeZone
        self.rows = rows
    }
}

/// The welcome board's rules (issue 18): who shows, how they are named and masked, and the status of each.
public enum WelcomeBoard {
    /// The board's rows: the visits in arrival order, without those already delivered (the customer has left:
    /// the board welcomes and tells who is waiting, it is not a history). Cancelled, no-show and requested
    /// bookings never reach it (the query keeps booked and checked-in ones with an arrival).
    public static func rows(_ visits: [BoardVisit]) -> [BoardRow] {
        visits.enumerated()
            .sorted { ($0.element.arrival, $0.offset) < ($1.element.arrival, $1.offset) }
            .compactMap { _, visit in
                guard let status = status(visit.order) else { return nil }
                return BoardRow(
                    arrival: visit.arrival,
                    guest: guest(name: visit.customerName, party: visit.party, gender: visit.gender),
                    plate: maskedPlate(visit.plate), advisor: visit.advisor, status: status)
            }
    }

    /// The board's status of a visit from its repair order; nil once the car is delivered (it leaves
    /// the board).
    public static func status(_ order: BoardOrderProgress?) -> BoardStatus? {
        guard let order else { return .expected }
        switch order.state {
        case .open, .quoted: return .arrived
        case .approved: return order.dispatched || order.clockedOn ? .inWorkshop : .arrived
        case .inWork: return order.clockedOn || order.reworking ? .inWorkshop : .qualityCheck
        case .qcPassed, .settled: return .ready
        case .delivered: return nil
        }
    }

    /// Compound surnames read as one (欧阳娜娜 is 欧阳女士, not 欧女士).
    static let compoundSurnames: Set<String> = [
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒", "夏侯",
        "轩辕", "端木", "独孤", "南宫", "西门", "百里", "呼延", "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔",
    ]

    /// The surname and title only: 王先生 / 王女士 from the card's gender; 王先生/女士 when the card does not say;
    /// a company's car is a guest (贵宾), since its name says nothing of who brings it. A Chinese name's surname is
    /// its first character (two for a compound surname); a Latin-script name's is its last word.
    public static func guest(name: String, party: PartyKind, gender: Gender?) -> Phrase {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard party == .person, let first = name.unicodeScalars.first else { return "Guest" }
        let surname: String
        if first.properties.isIdeographic {
            let two = String(name.prefix(2))
            surname = name.count >= 3 && compoundSurnames.contains(two) ? two : String(name.prefix(1))
        } else {
            surname = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).last.map(String.init) ?? name
        }
        switch gender {
        case .male: return "Mr \(surname)"
        case .female: return "Ms \(surname)"
        case nil: return "Mr/Ms \(surname)"
        }
    }

    /// A plate with most of its serial starred, never whole: a Chinese plate keeps its province and authority
    /// (京A), the serial's first character and its last two (京A·12345 → 京A·1**45; a new-energy plate's six,
    /// 京A·D12345 → 京A·D***45). Any other shape keeps its first character and last two, the rest starred, and a
    /// short one its last character only. No plate says so.
    public static func maskedPlate(_ plate: String?) -> Phrase {
        let cleaned = (plate ?? "").filter { !$0.isWhitespace && $0 != "·" && $0 != "-" && $0 != "." && $0 != "•" }
        guard !cleaned.isEmpty else { return "no plate" }
        let characters = Array(cleaned)
        var prefix = ""
        var serial = characters[...]
        if characters.count >= 4, characters[0].unicodeScalars.first?.properties.isIdeographic == true,
            characters[1].isLetter, characters[1].isASCII
        {
            prefix = String(characters[0...1]) + "·"
            serial = characters[2...]
        }
        return Phrase(verbatim: prefix + mask(Array(serial)))
    }

    /// The first character and the last two kept when five or more, else only the last; the rest starred.
    static func mask(_ serial: [Character]) -> String {
        if serial.count >= 5 {
            return String(serial[0]) + String(repeating: "*", count: serial.count - 3) + String(serial.suffix(2))
        }
        if serial.count >= 2 { return String(repeating: "*", count: serial.count - 1) + String(serial.last!) }
        return "*"
    }
}
