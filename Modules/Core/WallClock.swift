import Foundation

/// Where "now" comes from. Business code never reads the system clock itself: the storage layer
/// and the apps are handed a clock, so tests (and `AFTERSALES_NOW`) decide what "now" is.
public protocol WallClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The machine's clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// A clock that always answers the same instant, for tests and scripted runs.
public struct FixedClock: WallClock {
    public let instant: Date
    public init(_ instant: Date) { self.instant = instant }
    public func now() -> Date { instant }
}

extension FixedClock {
    /// A fixed clock at an ISO 8601 instant such as `2026-11-23T09:30:00+08:00`; nil when it does not parse.
    public init?(iso8601 text: String) {
        guard let date = Instant.parse(text) else { return nil }
        self.init(date)
    }
}

/// A clock that stands where it is set: scripted runs (the demo data) and tests move it along a story.
public final class ManualClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date

    public init(_ instant: Date) { self.instant = instant }

    public func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    /// Moves the clock to `date`.
    public func set(_ date: Date) {
        lock.lock()
        instant = date
        lock.unlock()
    }
}
