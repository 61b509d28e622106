import Core
import Foundation

/// Why an order may miss its promised delivery time.
public enum DeliveryRisk: Sendable, Equatable {
    /// No delivery time was agreed with the customer.
    case noPromise
    /// The promised time has passed and the car is not delivered.
    case late(minutes: Int)
    /// The promised time is near and work is left: the jobs not yet checked.
    case near(minutes: Int, jobsLeft: Int)
    /// Jobs still wait for the customer's approval.
    case awaitingApproval(jobs: Int)
    /// The recorded delay (missing parts, technicians …).
    case delayed(String)

    /// Rule Q-7: the risks of an undelivered order at `now`; `warnHours` is how near the promise an order with work
    /// left is at risk. Empty: on time.
    public static func assess(_ order: WorkOrder, now: Date, warnHours: Int) -> [DeliveryRisk] {
        guard order.deliveredAt == nil else { return [] }
        var risks: [DeliveryRisk] = []
        let live = order.jobs.filter { $0.state != .declined }
        let left = live.filter { $0.state != .qcPassed }.count
        if let promised = order.reception.promisedAt {
            let minutes = Int(promised.timeIntervalSince(now) / 60)
            if minutes < 0 {
                risks.append(.late(minutes: -minutes))
            } else if left > 0, minutes <= warnHours * 60 {
                risks.append(.near(minutes: minutes, jobsLeft: left))
            }
        } else {
            risks.append(.noPromise)
        }
        let waiting = live.filter { $0.state == .open || $0.state == .quoted }.count
        if waiting > 0, !risks.isEmpty { risks.append(.awaitingApproval(jobs: waiting)) }
        if let reason = order.delayReason, !risks.isEmpty { risks.append(.delayed(reason)) }
        return risks
    }

    public var spoken: Phrase {
        switch self {
        case .noPromise: "no delivery time agreed with the customer"
        case .late(let minutes): "\(grouped: minutes) minutes past the promised time"
        case .near(let minutes, let jobs): "\(grouped: minutes) minutes to the promised time, \(jobs) jobs left"
        case .awaitingApproval(let jobs): "\(jobs) jobs wait for the customer's approval"
        case .delayed(let reason): "delay: \(DelayCause.said(reason))"
        }
    }
}
