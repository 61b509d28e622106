import Core
import Foundation
import Messaging
import MessagingStorage
import StorageKernel

/// What a delivery run did.
public struct DeliveryReport: Codable, Sendable, Equatable {
    public var channel: MessageChannel
    public var output: String
    /// Messages of a killed run's last batch found complete in the output and marked sent.
    public var recovered: Int
    public var sent: Int
    public var failed: Int
    /// Queued messages M-3 stopped at delivery time (an opt-out since queueing, the SMS cap).
    public var suppressed: Int
}

/// Delivers the queued messages of a channel to an output, batch by batch. Before a batch is written the
/// output's position and the batch's messages are recorded (one transaction); after it is written and flushed
/// they are marked sent and the record is cleared (another). A run killed in between is put right by the next
/// run first: append-only files are cut back to the recorded position, a Maildir keeps what it completed.
/// So mbox, Maildir and CSV outputs hold every message exactly once; a sendmail pipe gets it at least once.
/// Messages another output has in flight are skipped, so two deliveries of one channel at once share the queue.
public enum OutboxDelivery {
    /// Delivers the queued messages of `selection` on the output's channel; a killed run's batch is put right first.
    public static func deliver(
        _ db: AppDatabase, to output: any MessageOutput, selection: OutboxSelection = .all, batchSize: Int = 500,
        limit: Int? = nil, progress: ((Int) -> Void)? = nil
    ) throws -> DeliveryReport {
        try selection.validate()
        var report = DeliveryReport(
            channel: output.channel, output: output.key, recovered: 0, sent: 0, failed: 0, suppressed: 0)
        if let checkpoint = try db.deliveryCheckpoint(output: output.key) {
            let kept = try output.recover(checkpoint)
            try db.finishDeliveryBatch(output: output.key, sent: Array(kept), failed: [])
            report.recovered = kept.count
        }
        let settings = try db.deliverySettings()
        var remaining = limit ?? Int.max
        while remaining > 0 {
            let batch = try db.beginDeliveryBatch(
                channel: output.channel, output: output.key, position: try output.position(),
                limit: min(batchSize, remaining),
                selection: selection)
            report.suppressed += batch.suppressed
            guard batch.examined > 0 else { break }
            let failures: [Int64: String]
            do {
                failures =
                    batch.messages.isEmpty ? [:] : try output.write(batch.messages, settings: settings, now: db.now)
            } catch {
                // The output refused the batch as a whole (a full disk, a file that cannot take it): what reached it is
                // kept and marked sent, the rest cut back, and the batch forgotten, as after a killed run.
                if let checkpoint = try db.deliveryCheckpoint(output: output.key) {
                    let kept = (try? output.recover(checkpoint)) ?? []
                    try db.finishDeliveryBatch(output: output.key, sent: Array(kept), failed: [])
                }
                throw error
            }
            let ids = batch.messages.map { $0.message.id!.rawValue }
            try db.finishDeliveryBatch(
                output: output.key, sent: ids.filter { failures[$0] == nil },
                failed: failures.map { ($0.key, $0.value) })
            report.sent += ids.count - failures.count
            report.failed += failures.count
            remaining -= batch.examined
            progress?(report.sent + report.failed + report.suppressed)
        }
        try db.finishDeliveryBatch(output: output.key, sent: [], failed: [])
        return report
    }
}
