import Core
import Foundation
import Warranty
import WarrantyStorage
import WorkOrders

/// The order sheet as JSON, one shape for the CLI's `--format json` and the API's answer (`WorkOrderSheet` in
/// Docs/openapi.yaml): the order as stored (keys and codes in English, an interface), the customer, what the dealer
/// owes the car, the delivery risks and the L-10 repair record; texts for people in the language of the moment.
public struct WorkOrderDocument: Encodable, Sendable {
    public var order: WorkOrder
    public var state: WorkOrderState
    public var totals: PayerTotals
    public var declinedValue: Money
    public var customerId: Int64
    public var customer: String
    public var make: String
    public var model: String
    public var plate: String?
    public var openBulletins: [VehicleBulletin]
    public var maintenanceDue: MaintenanceDue?
    public var warranty: WarrantyDecision?
    public var warrantyNote: String?
    public var underGuarantee: [GuaranteeInForce]
    public var openComplaints: [Int64]
    public var risks: [String]
    /// The repair record of L-10.
    public var record: RepairRecord

    /// The sheet said in the language of the moment (`Speech.current`): the warranty note and the risks.
    public init(_ sheet: WorkOrderSheet) {
        let order = sheet.order
        self.order = order
        state = order.state
        totals = order.totals
        declinedValue = order.declinedValue
        customerId = sheet.customerID
        customer = sheet.customer
        make = sheet.make
        model = sheet.model
        plate = sheet.plate
        openBulletins = sheet.openBulletins
        maintenanceDue = sheet.maintenanceDue
        warranty = sheet.warranty
        warrantyNote = sheet.warrantyNote?.rendered()
        underGuarantee = sheet.underGuarantee
        openComplaints = sheet.openComplaints
        risks = sheet.risks.map { $0.spoken.rendered() }
        record = sheet.record
    }
}
