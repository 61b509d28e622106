import Foundation

/// Rule T-3: whether an hour deadline (K-4, K-6) runs on the clock or only in the store's opening hours.
public enum ClockMode: String, CaseIterable, Codable, Sendable {
    /// Every hour counts, nights, weekends and holidays included.
    case clock
    /// Only the store's opening hours count (`OpeningHours`), never the legal working-day calendar.
    case business
}

/// Opening hours of one day (T-3), as seconds of the local day: `08:30-20:00`.
public struct BusinessHours: Sendable, Equatable, CustomStringConvertible {
    public let opens: Int
    public let closes: Int

    public init?(opens: Int, closes: Int) {
        guard opens >= 0, closes <= 86_400, opens < closes else { return nil }
        self.opens = opens
        self.closes = closes
    }

    /// Parses `HH:MM-HH:MM` (opening before closing); nil otherwise.
    public init?(_ text: String) {
        let parts = text.trimmed().split(separator: "-").map { String($0).trimmed() }
        guard parts.count == 2, let open = BusinessHours.secondOfDay(parts[0]),
            let close = BusinessHours.secondOfDay(parts[1])
        else { return nil }
        self.init(opens: open, closes: close)
    }

    static func secondOfDay(_ text: String) -> Int? {
        let hm = text.split(separator: ":")
        guard hm.count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h),
            (0..<60).contains(m), h * 60 + m <= 1440
        else { return nil }
        return h * 3600 + m * 60
    }

    public var description: String {
        func hm(_ s: Int) -> String {
            (s / 3600 < 10 ? "0" : "") + "\(s / 3600):" + ((s % 3600) / 60 < 10 ? "0" : "") + "\((s % 3600) / 60)"
        }
        return "\(hm(opens))-\(hm(closes))"
    }
}

/// Rule T-3 in one place: when a deadline of N hours that starts at an instant falls due, on the
/// clock or counting only the store's opening hours, in the dealer's zone (T-2).
public struct DeadlineClock: Sendable {
    public var mode: ClockMode
    /// The store's opening hours; the legal working-day calendar plays no part here (T-3).
    public var openingHours: OpeningHours
    public var timeZone: TimeZone

    public init(mode: ClockMode, openingHours: OpeningHours = OpeningHours(), timeZone: TimeZone) {
        self.mode = mode
        self.openingHours = openingHours
        self.timeZone = timeZone
    }

    /// The instant `seconds` of counted time after `start`. In business mode time outside opening
    /// hours does not count: a complaint received after closing with a one-hour deadline is due one hour
    /// after the store next opens.
    public func due(after start: Date, seconds: Int) -> Date {
        guard mode == .business, seconds > 0 else { return start.addingTimeInterval(Double(seconds)) }
        let offset = timeZone.secondsFromGMT(for: start)
        let local = Int((start.timeIntervalSince1970 + Double(offset)).rounded(.down))
        var dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        var from = local - dayNumber * 86_400
        var remaining = seconds
        // Ten years without an opening hour means the hours are broken: fall back to the clock.
        for _ in 0..<3660 {
            if let hours = openingHours.hours(on: LocalDate(dayNumber: dayNumber)) {
                let windowStart = max(from, hours.opens)
                if windowStart < hours.closes {
                    let available = hours.closes - windowStart
                    if remaining <= available {
                        return Instant.fromLocal(
                            dayNumber: dayNumber, secondOfDay: windowStart + remaining, in: timeZone)
                    }
                    remaining -= available
                }
            }
            dayNumber += 1
            from = 0
        }
        return start.addingTimeInterval(Double(seconds))
    }

    /// The latest start from which `seconds` of counted time can fall due by `horizon`: every later start falls
    /// due after it. On the clock that is `horizon - seconds`. Opening hours only add time that does not count,
    /// but they are counted in local time, which gains what a daylight-saving change takes from the clock: the
    /// bound moves later by the largest change of the zone's offset near the interval. Storage narrows its
    /// overdue pre-filter by it (K-4, K-6), so it must never be too early.
    public func latestStart(dueBy horizon: Date, seconds: Int) -> Date {
        let clockBound = horizon.addingTimeInterval(-Double(seconds))
        guard mode == .business, seconds > 0 else { return clockBound }
        // A day either side: `Instant.fromLocal` reads the offset at instants up to a zone's offset away.
        let from = clockBound.addingTimeInterval(-86_400)
        let to = horizon.addingTimeInterval(86_400)
        var offsets = [timeZone.secondsFromGMT(for: from), timeZone.secondsFromGMT(for: to)]
        var instant = from
        while let change = timeZone.nextDaylightSavingTimeTransition(after: instant), change < to {
            offsets.append(timeZone.secondsFromGMT(for: change))
            instant = change
        }
        return clockBound.addingTimeInterval(Double(offsets.max()! - offsets.min()!))
    }
}
