import Core
import Foundation

/// The repair record a household car's order keeps at least 6 years (L-10): arrival, mileage, the customer's
/// description, the inspection result, the repair items, parts with numbers, material cost, labour hours and cost,
/// towing, loan car or compensation, delivery time and both parties' signatures.
public struct RepairRecord: Sendable, Codable, Equatable {
    public struct Item: Sendable, Codable, Equatable {
        public var job: Int
        public var title: String
        public var description: String
        public var finding: String?
    }

    public struct PartUsed: Sendable, Codable, Equatable {
        public var number: String
        public var name: String
        public var quantityHundredths: Int
        public var amount: Money
    }

    /// A job re-repaired under the quality guarantee: the first order, and whether it is the second failure,
    /// for which the dealer arranges another workshop at its own cost.
    public struct GuaranteeRepairNote: Sendable, Codable, Equatable {
        public var job: Int
        public var firstOrder: String
        public var anotherWorkshop: Bool
        /// What the record says, in the language of the moment.
        public var text: String
    }

    public var order: String
    public var vin: VIN
    public var arrivedAt: Date
    public var mileage: Int
    public var customerDescription: [String]
    public var inspection: [String]
    public var items: [Item]
    public var parts: [PartUsed]
    public var materialCost: Money
    public var labourCentihours: Int
    public var labourCost: Money
    /// Towing, loan car or compensation lines (other lines), by their reason.
    public var towingLoanCompensation: [String]
    public var deliveredAt: Date?
    /// Who signed: the service advisor for the dealer, and the customer's approvals.
    public var signedByDealer: String
    public var signedByCustomer: [String]
    /// Rule Q-8: the jobs re-repaired free under the guarantee, with the "another workshop" note on the second.
    public var guaranteeRepairs: [GuaranteeRepairNote] = []

    /// Rule L-10: the record of an order, from its values.
    public init(_ order: WorkOrder) {
        let lines = order.liveLines
        let live = order.jobs.filter { $0.state != .declined }
        self.order = order.number
        vin = order.vin
        arrivedAt = order.reception.arrivedAt
        mileage = order.reception.mileage
        customerDescription = order.reception.concerns
        inspection = live.compactMap(\.finding) + order.reception.walkAround
        items = live.map { Item(job: $0.number, title: $0.title, description: $0.fault, finding: $0.finding) }
        parts = lines.filter { $0.kind == .part }.map {
            PartUsed(
                number: $0.code, name: $0.description, quantityHundredths: $0.quantityHundredths, amount: $0.amount)
        }
        materialCost = Money(fen: lines.filter { $0.kind != .labour }.reduce(0) { $0 + $1.amount.fen })
        labourCentihours = lines.filter { $0.kind == .labour }.reduce(0) { $0 + $1.quantityHundredths }
        labourCost = Money(fen: lines.filter { $0.kind == .labour }.reduce(0) { $0 + $1.amount.fen })
        towingLoanCompensation = lines.filter { $0.kind == .other }.compactMap { $0.reason ?? $0.description }
        deliveredAt = order.deliveredAt
        signedByDealer = order.advisor
        signedByCustomer = Array(Set(live.compactMap { $0.approval?.approved == true ? $0.approval?.by : nil }))
            .sorted()
        guaranteeRepairs = live.compactMap { job in
            guard let first = job.guaranteeOf else { return nil }
            let another = job.guaranteeRepairs >= 2
            let text: Phrase =
                another
                ? "second guarantee repair of \(first): the dealer arranges another workshop at its own cost (Q-8)"
                : "guarantee repair of \(first): free of charge, borne by the dealer (Q-8)"
            return GuaranteeRepairNote(
                job: job.number, firstOrder: first, anotherWorkshop: another, text: text.rendered())
        }
    }
}
