import Foundation
import GRDB
import Core
import Campaigns
import Messaging

/// Which customers a campaign run takes: the first matching vehicle of each, except customers the campaign
/// already reached (counted, not read further).
struct CampaignSelection: Sendable {
    let expression: SegmentExpression
    let done: Set<Int64>
    let today: LocalDate
    let needs: FactNeeds
    let channel: MessageChannel
    let zone: TimeZone

    struct Tally: Sendable { var selected = 0, alreadyQueued = 0 }

    /// Scans `db`, calling `body` with each customer to judge; returns the tally.
    func scan(_ db: Database, _ body: (CustomerFacts) throws -> Void) throws -> Tally {
        var tally = Tally()
        var lastCustomer: Int64 = -1
        try AppDatabase.forEachCustomerFacts(db, needs: needs, channel: channel, zone: zone, matching: { facts in
            let id = facts.customerID.rawValue
            guard id != lastCustomer,
                  expression.matches(facts, today: today, openBulletin: { AppDatabase.hasOpenBulletin(db, vin: facts.vin, kind: $0) }) else { return false }
            lastCustomer = id
            tally.selected += 1
            if done.contains(id) { tally.alreadyQueued += 1; return false }
            return true
        }, body)
        return tally
    }

    /// Runs the scan on a reader connection of `pool` on another thread while `consume` works on this one (in
    /// the write transaction), so reading the customer base and writing the outbox overlap on two cores. The
    /// reader sees the database as last committed.
    func scanBeside(_ pool: DatabasePool, _ consume: (CustomerFacts) throws -> Void) throws -> Tally {
        let pipe = FactsPipe()
        let selection = self
        DispatchQueue.global().async {
            do {
                let tally = try pool.read { db -> Tally in
                    var batch: [CustomerFacts] = []
                    batch.reserveCapacity(1024)
                    let tally = try selection.scan(db) { facts in
                        batch.append(facts)
                        if batch.count == 1024 {
                            guard pipe.put(batch) else { throw CancellationError() }
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { _ = pipe.put(batch) }
                    return tally
                }
                pipe.finish(tally: tally, error: nil)
            } catch {
                pipe.finish(tally: nil, error: error)
            }
        }
        do {
            while let batch = pipe.take() {
                for facts in batch { try consume(facts) }
            }
        } catch {
            pipe.cancel()
            while pipe.take() != nil {}
            throw error
        }
        return try pipe.result()
    }
}

/// A bounded hand-over of batches from the reading thread to the writing one.
final class FactsPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[CustomerFacts]] = []
    private var finished = false
    private var cancelled = false
    private var tally: CampaignSelection.Tally?
    private var failure: (any Error)?

    /// Hands over a batch, waiting while four are pending; false once the consumer gave up.
    func put(_ batch: [CustomerFacts]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= 4, !cancelled { condition.wait() }
        guard !cancelled else { return false }
        batches.append(batch)
        condition.broadcast()
        return true
    }

    /// The next batch, or nil when the reader has finished and everything was taken.
    func take() -> [CustomerFacts]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    func finish(tally: CampaignSelection.Tally?, error: (any Error)?) {
        condition.lock()
        self.tally = tally
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        condition.broadcast()
        condition.unlock()
    }

    func result() throws -> CampaignSelection.Tally {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        return tally ?? CampaignSelection.Tally()
    }
}
