import Core
import Foundation

/// Where a booking came from: the customer (phone, web, in store) or the dealer's own call.
public enum AppointmentChannel: String, CaseIterable, Codable, Sendable {
    case phone
    case web
    case inStore = "in-store"
    case dealerCall = "dealer-call"

    /// The channel as people read it (店内 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .phone: "phone"
        case .web: "web"
        case .inStore: "in store"
        case .dealerCall: "dealer call"
        }
    }
}

/// Where an appointment stands. `requested`: no slot suited, the customer's preferred time is recorded;
/// `booked`: it holds a slot (advisor, bay, technician); `checked-in`: reception turned it into a repair order;
/// `cancelled` and `no-show` release the slot. Rescheduling keeps the state `booked` and records the old slot in
/// the appointment's history.
public enum AppointmentState: String, CaseIterable, Codable, Sendable {
    case requested
    case booked
    case checkedIn = "checked-in"
    case cancelled
    case noShow = "no-show"

    /// The state as people read it (已到店 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .requested: "requested"
        case .booked: "booked"
        case .checkedIn: "checked in"
        case .cancelled: Phrase("cancelled", context: "appointment state")
        case .noShow: "no-show"
        }
    }

    /// Whether the appointment still holds capacity.
    public var holdsCapacity: Bool { self == .booked }
}

/// One piece of booked work: a catalogue operation (its standard hours and menu price, Q-1) or a free description
/// with an estimate. Check-in turns each into a job of the repair order.
public struct BookedJob: Sendable, Equatable, Codable {
    /// The labour operation code, or nil for free work.
    public var operation: String?
    public var description: String
    /// Standard or estimated time, hundredths of an hour (0.8 h = 80).
    public var centihours: Int
    public var skill: Skill
    /// The expected price (menu price: hours × labour rate and the operation's usual parts, Q-1).
    public var price: Money

    public init(operation: String?, description: String, centihours: Int, skill: Skill, price: Money) {
        self.operation = operation
        self.description = description
        self.centihours = centihours
        self.skill = skill
        self.price = price
    }
}

/// The capacity a booked appointment holds: an advisor to receive the car at `arrival`, and a bay and a
/// technician from `workStart` to `workEnd`.
public struct Reservation: Sendable, Equatable, Codable {
    public var arrival: Date
    public var advisor: String
    public var bay: String
    public var technician: String
    public var workStart: Date
    public var workEnd: Date

    public init(arrival: Date, advisor: String, bay: String, technician: String, workStart: Date, workEnd: Date) {
        self.arrival = arrival
        self.advisor = advisor
        self.bay = bay
        self.technician = technician
        self.workStart = workStart
        self.workEnd = workEnd
    }
}

/// An entry of the appointment register: customer, vehicle, channel, the work, the expected time and price.
public struct Appointment: Sendable, Equatable {
    /// `AP-000123`, numbered in order.
    public var number: String
    public var customerID: Int64
    public var vehicleID: Int64
    public var vin: String
    public var channel: AppointmentChannel
    public var state: AppointmentState
    public var jobs: [BookedJob]
    /// The customer's words about the visit, if any.
    public var note: String?
    /// The slot held, when booked (and kept, for the record, once checked in, cancelled or missed).
    public var reservation: Reservation?
    /// The customer's preferred time when no offered slot suited.
    public var preferredTime: Date?
    /// The campaign whose call led to the booking (M-4), if any.
    public var campaignID: Int64?
    /// The repair order check-in made.
    public var workOrder: String?
    public var createdAt: Date
    public var createdBy: String

    public init(
        number: String, customerID: Int64, vehicleID: Int64, vin: String, channel: AppointmentChannel,
        state: AppointmentState, jobs: [BookedJob], note: String? = nil, reservation: Reservation? = nil,
        preferredTime: Date? = nil, campaignID: Int64? = nil, workOrder: String? = nil, createdAt: Date,
        createdBy: String
    ) {
        self.number = number
        self.customerID = customerID
        self.vehicleID = vehicleID
        self.vin = vin
        self.channel = channel
        self.state = state
        self.jobs = jobs
        self.note = note
        self.reservation = reservation
        self.preferredTime = preferredTime
        self.campaignID = campaignID
        self.workOrder = workOrder
        self.createdAt = createdAt
        self.createdBy = createdBy
    }

    /// The expected price of the booked work, the sum of its jobs.
    public var price: Money { Money(fen: jobs.reduce(0) { $0 + $1.price.fen }) }
    /// The booked work's time, hundredths of an hour.
    public var centihours: Int { jobs.reduce(0) { $0 + $1.centihours } }
}
