import Foundation
import Testing

@testable import Core

@Suite("BatchPipe: reading on one thread, writing on another")
struct BatchPipeTests {
    struct Stop: Error {}

    @Test("Every element arrives in order, then the producer's outcome")
    func order() throws {
        var seen: [Int] = []
        let outcome = try BatchPipe<Int, String>.run(
            produce: { pipe in
                for start in stride(from: 0, to: 10_000, by: 100) { _ = pipe.put(Array(start..<(start + 100))) }
                return "done"
            }, consume: { seen.append($0) })
        #expect(outcome == "done")
        #expect(seen == Array(0..<10_000))
    }

    @Test("The producer speaks the caller's language (issue 16): what it words on its thread is said in it")
    func producerSpeech() throws {
        let said = try Speech.$current.withValue(Speech(.zh)) {
            try BatchPipe<Int, String>.run(
                produce: { _ in Phrase("cannot read the file").rendered() }, consume: { _ in })
        }
        #expect(said == "无法读取该文件")
    }

    @Test("A producer's error comes after the elements it handed over before it")
    func producerError() {
        var seen = 0
        #expect(throws: Stop.self) {
            _ = try BatchPipe<Int, Bool>.run(
                produce: { pipe in
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
            _ = try BatchPipe<Int, Bool>.run(
                produce: { pipe in
                    for i in 0..<1_000_000 {
                        if !pipe.put([i]) {
                            stopped.set()
                            throw PipeCancelled()
                        }
                    }
                    return true
                }, consume: { if $0 == 10 { throw Stop() } })
        }
        #expect(stopped.value)
    }

    @Test(
        "A producer waits while what is pending would weigh more than the limit, and goes on once the consumer takes it"
    )
    func weightLimit() throws {
        let pipe = BatchPipe<Int, Bool>(capacity: 100, weightLimit: 10)
        let done = Counter()
        Thread.detachNewThread {
            for i in 0..<3 {
                _ = pipe.put([i], weight: 6)
                done.add()
            }
            pipe.finish(true, error: nil)
        }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(done.value <= 1, "the second batch (6 + 6 > 10) must wait")
        var seen: [Int] = []
        while let batch = pipe.take() { seen += batch }
        #expect(seen == [0, 1, 2] && done.value == 3)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() {
            lock.lock()
            count += 1
            lock.unlock()
        }
        var value: Int {
            lock.lock()
            defer { lock.unlock() }
            return count
        }
    }

    final class Stopped: @unchecked Sendable {
        private let lock = NSLock()
        private var flag = false
        func set() {
            lock.lock()
            flag = true
            lock.unlock()
        }
        var value: Bool {
            lock.lock()
            defer { lock.unlock() }
            return flag
        }
    }
}
