import Foundation
import Testing
@testable import Core

@Suite("BatchPipe: reading on one thread, writing on another")
struct BatchPipeTests {
    struct Stop: Error {}

    @Test("Every element arrives in order, then the producer's outcome")
    func order() throws {
        var seen: [Int] = []
        let outcome = try BatchPipe<Int, String>.run(produce: { pipe in
            for start in stride(from: 0, to: 10_000, by: 100) { _ = pipe.put(Array(start..<(start + 100))) }
            return "done"
        }, consume: { seen.append($0) })
        #expect(outcome == "done")
        #expect(seen == Array(0..<10_000))
    }

    @Test("A producer's error comes after the elements it handed over before it")
    func producerError() {
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try BatchPipe<Int, Bool>.run(produce: { pipe in
                _ = pipe.put([1, 2, 3])
                throw Stop()
            }, consume: { _ in seen += 1 })
        }
        #expect(seen == 3)
    }

    @Test("When the consumer fails, the producer is told to stop and the consumer's error goes on")
    func consumerError() {
        let stopped = Stopped()
        #expect(throws: Stop.self) {
            _ = try BatchPipe<Int, Bool>.run(produce: { pipe in
                for i in 0..<1_000_000 { if !pipe.put([i]) { stopped.set(); throw PipeCancelled() } }
                return true
            }, consume: { if $0 == 10 { throw Stop() } })
        }
        #expect(stopped.value)
    }

    final class Stopped: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() { lock.lock(); flag = true; lock.unlock() }
        var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
    }
}
