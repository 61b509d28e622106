import Core
import Foundation
import GRDB
import StorageKernel
import WorkOrders

// Check-in of a booking (issue 18, A-6): the order is opened as reception opens it, and the booked work's lines are
// added to the jobs its concerns made, in the caller's transaction (the appointment's state changes in the same one).
extension AppDatabase {
    /// Opens the order as `openWorkOrder` does (one job per concern, in order, audited `open`), then gives job
    /// `i + 1` the lines `lines[i]` (priced by the caller from the catalogue, Q-1) and kind `kinds[i]` when given;
    /// stored and audited `line` with the order before and after. Inside the caller's transaction.
    package static func openWorkOrder(
        _ db: Database, _ valid: ReceptionForm.Validated, vin: VIN, settings: DealerSettings, now: Date,
        actor: String, lines: [[WorkOrderLine]], kinds: [JobKind?]
    ) throws -> WorkOrder {
        var order = try openWorkOrder(db, valid, vin: vin, settings: settings, now: now, actor: actor)
        let before = order.auditFields
        for (index, jobLines) in lines.enumerated() where index < order.jobs.count {
            if index < kinds.count, let kind = kinds[index] { order.jobs[index].kind = kind }
            for var line in jobLines {
                line.job = order.jobs[index].number
                try order.addLine(line)
            }
        }
        guard lines.contains(where: { !$0.isEmpty }) || kinds.contains(where: { $0 != nil }) else { return order }
        try order.store(db, vehicleID: nil, customerID: nil, now: now, actor: actor)
        try Audit.record(
            db, at: now, actor: actor, entity: "work_order", id: order.number, action: "line", before: before,
            after: order.auditFields)
        return order
    }
}
