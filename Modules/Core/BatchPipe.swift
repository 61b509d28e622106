import Foundation

/// Hands batches from a producing thread to a consuming one, at most `capacity` pending (and, when batches say
/// what they weigh, at most `weightLimit` of weight: the memory they hold), then a result or an
/// error: reading and writing overlap on two cores (the import reads XML while SQLite writes; a campaign
/// reads the customer base while the outbox is written).
public final class BatchPipe<Element: Sendable, Outcome: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [(elements: [Element], weight: Int)] = []
    private var pendingWeight = 0
    private var finished = false
    private var cancelled = false
    private var outcome: Outcome?
    private var failure: (any Error)?
    private let capacity: Int
    private let weightLimit: Int

    public init(capacity: Int = 4, weightLimit: Int = .max) {
        self.capacity = max(1, capacity)
        self.weightLimit = weightLimit
    }

    /// Hands over a batch, waiting while `capacity` are pending or the pending weight would pass the limit (a
    /// batch alone may weigh more); false once the consumer gave up.
    public func put(_ batch: [Element], weight: Int = 0) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity || (!batches.isEmpty && pendingWeight + weight > weightLimit), !cancelled {
            condition.wait()
        }
        guard !cancelled else { return false }
        batches.append((batch, weight))
        pendingWeight += weight
        condition.broadcast()
        return true
    }

    /// The next batch, or nil once the producer has finished and everything was taken.
    public func take() -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        let batch = batches.removeFirst()
        pendingWeight -= batch.weight
        return batch.elements
    }

    /// The producer is done, with its outcome or its error.
    public func finish(_ outcome: Outcome?, error: (any Error)?) {
        condition.lock()
        self.outcome = outcome
        failure = error
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consumer gives up: the producer's next `put` returns false.
    public func cancel() {
        condition.lock()
        cancelled = true
        batches.removeAll()
        pendingWeight = 0
        condition.broadcast()
        condition.unlock()
    }

    /// After `take` returned nil: the producer's outcome, or its error thrown.
    public func result() throws -> Outcome? {
        condition.lock()
        defer { condition.unlock() }
        if let failure { throw failure }
        return outcome
    }

    /// Runs `produce` on another thread (it calls `put`, in the caller's `Speech`) while `consume` takes each element
    /// on this one. When `consume` throws, the producer is stopped and drained before the error goes on.
    public static func run(
        capacity: Int = 4, weightLimit: Int = .max, produce: @escaping @Sendable (BatchPipe) throws -> Outcome,
        consume: (Element) throws -> Void
    ) throws -> Outcome? {
        let pipe = BatchPipe(capacity: capacity, weightLimit: weightLimit)
        // A task-local value does not cross to a dispatch queue: the producer speaks the caller's language.
        let speech = Speech.current
        DispatchQueue.global().async {
            Speech.$current.withValue(speech) {
                do { pipe.finish(try produce(pipe), error: nil) } catch { pipe.finish(nil, error: error) }
            }
        }
        do {
            while let batch = pipe.take() {
                for element in batch { try consume(element) }
            }
        } catch {
            pipe.cancel()
            while pipe.take() != nil {}
            throw error
        }
        return try pipe.result()
    }
}

/// The error a producer stops with when the consumer gave up.
public struct PipeCancelled: Error {
    public init() {}
}
