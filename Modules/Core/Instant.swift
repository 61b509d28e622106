import Foundation

/// Instants are stored in UTC and shown in the dealer's time zone (rule T-2). Parsing and formatting
/// are done by hand: they run once per row of million-row imports, where formatters cost too much.
public enum Instant {
    /// Parses `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]]` followed by `Z`, `+08:00`, `+0800` or nothing; without a zone
    /// the wall time is read in `timeZone` (T-2). Nil when the text is not such an instant.
    public static func parse(_ text: String, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> Date? {
        let b = Array(text.trimmed().utf8)
        guard b.count >= 16, let day = LocalDate(String(decoding: b[0..<10], as: UTF8.self)),
            b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " ")
        else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= b.count else { return nil }
            var value = 0
            for i in start..<(start + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard let hour = digits(11, 2), b[13] == UInt8(ascii: ":"), let minute = digits(14, 2),
            hour < 24, minute < 60
        else { return nil }
        var i = 16
        var second = 0
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            guard let s = digits(i + 1, 2), s < 60 else { return nil }
            second = s
            i += 3
            if i < b.count, b[i] == UInt8(ascii: ".") {
                var scale = 0.1
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 {
                    fraction += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        let secondOfDay = hour * 3600 + minute * 60 + second
        if i == b.count {
            return fromLocal(dayNumber: day.dayNumber, secondOfDay: secondOfDay, in: timeZone).addingTimeInterval(
                fraction)
        }
        var offset = 0
        if b[i] == UInt8(ascii: "Z"), i + 1 == b.count {
            offset = 0
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "+") ? 1 : -1
            guard let oh = digits(i + 1, 2) else { return nil }
            var om = 0
            if i + 3 == b.count {
                om = 0
            } else if b.count == i + 6, b[i + 3] == UInt8(ascii: ":"), let m = digits(i + 4, 2) {
                om = m
            } else if b.count == i + 5, let m = digits(i + 3, 2) {
                om = m
            } else {
                return nil
            }
            guard oh <= 23, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        let epoch = Double(day.dayNumber * 86_400 + secondOfDay - offset) + fraction
        return Date(timeIntervalSince1970: epoch)
    }

    /// The instant at which a wall-clock time of a local day happens in `timeZone`.
    public static func fromLocal(dayNumber: Int, secondOfDay: Int, in timeZone: TimeZone) -> Date {
        let naive = Double(dayNumber * 86_400 + secondOfDay)
        // Two steps settle the offset in force at that instant (zones with daylight saving too).
        let first = naive - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive)))
        let second = naive - Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: first)))
        return Date(timeIntervalSince1970: second)
    }

    private static func parts(_ date: Date, offset: Int) -> (LocalDate, Int, Int, Int) {
        let local = Int((date.timeIntervalSince1970 + Double(offset)).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let second = local - days * 86_400
        return (LocalDate(dayNumber: days), second / 3600, (second % 3600) / 60, second % 60)
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// `2026-11-23T01:30:00Z`: the form written to JSON for machines.
    public static func utcString(_ date: Date) -> String {
        let (day, h, m, s) = parts(date, offset: 0)
        return "\(day)T\(two(h)):\(two(m)):\(two(s))Z"
    }

    /// `2026-11-23 09:30` in the dealer's time zone, for tables.
    public static func localString(_ date: Date, in timeZone: TimeZone) -> String {
        let (day, h, m, _) = parts(date, offset: timeZone.secondsFromGMT(for: date))
        return "\(day) \(two(h)):\(two(m))"
    }

    /// `2026-11-23T09:30:00+08:00`: ISO 8601 with the dealer's offset, for JSON that people read too.
    public static func isoString(_ date: Date, in timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let (day, h, m, s) = parts(date, offset: offset)
        let sign = offset < 0 ? "-" : "+"
        let magnitude = abs(offset)
        return "\(day)T\(two(h)):\(two(m)):\(two(s))\(sign)\(two(magnitude / 3600)):\(two((magnitude % 3600) / 60))"
    }

    /// `2026-11-23 01:30:00.000`: GRDB's storage form of a date (UTC), for statements bound by hand.
    public static func databaseString(_ date: Date) -> String {
        let (day, h, m, s) = parts(date, offset: 0)
        let millis = Int(
            ((date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)) * 1000).rounded(.down))
        let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
        return "\(day) \(two(h)):\(two(m)):\(two(s)).\(ms)"
    }
}

extension Instant {
    /// A time from user input: ISO 8601 with its zone, or a wall time `YYYY-MM-DD HH:MM` read in `timeZone` (T-2);
    /// anything else is an `InvalidInput` naming `field`. The one message of every form and option that takes a time.
    public static func parse(_ text: String, field: String, timeZone: TimeZone) throws -> Date {
        guard let date = parse(text, timeZone: timeZone) else {
            throw InvalidInput(
                field: field,
                "expected a time such as \"2026-11-23 09:30\" (dealer's time zone) "
                    + "or 2026-11-23T09:30:00+08:00, got \"\(text)\"")
        }
        return date
    }
}
