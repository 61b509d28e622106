import Core
import Foundation
import GRDB
import StorageKernel
import WorkOrders

extension AppDatabase {
    /// Rule Q-7: records why the order is late, one of the rule's causes with a note, and a new delivery time when
    /// one is agreed with the customer (after the arrival); one audited change of the order (`delay`).
    public func delayWorkOrder(_ number: String, _ form: DelayForm, actor: String) throws -> WorkOrder {
        let zone = try settings().timeZone
        return try changeWorkOrder(number, action: "delay", actor: actor) { order, db, now, _ in
            try order.requireEditable()
            let delay = try DelayForm.Field.naming({ $0.rawValue }) {
                try form.validated(arrivedAt: order.reception.arrivedAt, timeZone: zone)
            }
            order.delayReason = delay.stored
            guard let promise = delay.newPromise else { return }
            // The order's audit fields leave the promise out: its change is an entry of its own.
            try Audit.record(
                db, at: now, actor: actor, entity: "work_order", id: order.number, action: "promise",
                before: ["promised_at": order.reception.promisedAt.map(Instant.utcString)],
                after: ["promised_at": Instant.utcString(promise), "reason": delay.stored])
            order.reception.promisedAt = promise
        }
    }
}
