import Core
import Foundation

/// A contact attempt with a customer and its result (C-8).
public struct Contact: Sendable, Codable, Equatable {
    public typealias ID = Identifier<Contact>

    public enum Channel: String, CaseIterable, Codable, Sendable {
        case phone, sms, email, letter, visit, wechat

        /// The channel as people read it (电话, 微信 … in Chinese).
        public var spoken: Phrase {
            switch self {
            case .phone: "phone"
            case .sms: "sms"
            case .email: "email"
            case .letter: "letter"
            case .visit: "visit"
            case .wechat: "wechat"
            }
        }
    }

    public enum Direction: String, CaseIterable, Codable, Sendable {
        case outbound, inbound

        /// The direction as people read it (呼出/呼入 in Chinese).
        public var spoken: Phrase {
            switch self {
            case .outbound: "outbound"
            case .inbound: "inbound"
            }
        }
    }

    /// What came of it. `booked`: the customer decided to come and was booked in the same contact (C-8);
    /// `lead`: a sales lead found during service, to go to sales (C-8).
    public enum Outcome: String, CaseIterable, Codable, Sendable {
        case reached
        case noAnswer = "no-answer"
        case booked, satisfied, dissatisfied, declined, lead

        /// The outcome as people read it (已预约, 不满意 … in Chinese).
        public var spoken: Phrase {
            switch self {
            case .reached: "reached"
            case .noAnswer: "no-answer"
            case .booked: "booked"
            case .satisfied: "satisfied"
            case .dissatisfied: "dissatisfied"
            case .declined: "declined"
            case .lead: "lead"
            }
        }
    }

    public var id: ID?
    public var customerID: Customer.ID
    public var vehicleID: Vehicle.ID?
    public var channel: Channel
    public var direction: Direction
    public var at: Date
    public var staff: String
    public var outcome: Outcome
    public var note: String?
    /// The care-plan task this contact completed, if any.
    public var taskID: Int64?

    public init(
        id: ID? = nil, customerID: Customer.ID, vehicleID: Vehicle.ID? = nil, channel: Channel, direction: Direction,
        at: Date, staff: String, outcome: Outcome, note: String? = nil, taskID: Int64? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.channel = channel
        self.direction = direction
        self.at = at
        self.staff = staff
        self.outcome = outcome
        self.note = note
        self.taskID = taskID
    }
}
