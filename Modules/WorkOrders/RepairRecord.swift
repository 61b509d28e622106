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
    }
}
