import Campaigns
import Core
import CustomerStorage
import Foundation
import GRDB
import Messaging
import StorageKernel

/// Which customers a campaign run takes: the first matching vehicle of each, except customers the campaign
/// already reached (counted, not read further).
package struct CampaignSelection: Sendable {
    package let expression: SegmentExpression
    package let done: Set<Int64>
    package let today: LocalDate
    package let needs: FactNeeds
    package let channel: MessageChannel
    package let zone: TimeZone

    package struct Tally: Sendable { var selected = 0, alreadyQueued = 0 }

    /// Scans `db`, calling `body` with each customer to judge; returns the tally.
    package func scan(_ db: Database, _ body: (CustomerFacts) throws -> Void) throws -> Tally {
        var tally = Tally()
        var lastCustomer: Int64 = -1
        try AppDatabase.forEachCustomerFacts(
            db, needs: needs, channel: channel, zone: zone,
            matching: { facts in
                let id = facts.customerID.rawValue
                guard id != lastCustomer,
                    expression.matches(
                        facts, today: today, openBulletin: { AppDatabase.hasOpenBulletin(db, vin: facts.vin, kind: $0) }
                    )
                else { return false }
                lastCustomer = id
                tally.selected += 1
                if done.contains(id) {
                    tally.alreadyQueued += 1
                    return false
                }
                return true
            }, body)
        return tally
    }

    /// Runs the scan on a reader connection of `pool` on another thread while `consume` works on this one (in
    /// the write transaction), so reading the customer base and writing the outbox overlap on two cores. The
    /// reader sees the database as last committed.
    package func scanBeside(_ pool: DatabasePool, _ consume: (CustomerFacts) throws -> Void) throws -> Tally {
        let selection = self
        return try BatchPipe<CustomerFacts, Tally>.run(
            produce: { pipe in
                try pool.read { db -> Tally in
                    var batch: [CustomerFacts] = []
                    batch.reserveCapacity(1024)
                    let tally = try selection.scan(db) { facts in
                        batch.append(facts)
                        if batch.count == 1024 {
                            guard pipe.put(batch) else { throw PipeCancelled() }
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { _ = pipe.put(batch) }
                    return tally
                }
            }, consume: consume) ?? Tally()
    }
}
