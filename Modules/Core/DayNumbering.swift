import Foundation

/// The local day number (`LocalDate.dayNumber`) of many instants in one zone, as `LocalDate(instant:in:)` gives it,
/// with the zone's offset looked up again only when an instant falls outside the stretch the last lookup covered:
/// from that instant to the zone's next change of offset. Building a day's capacity from a thousand bookings looked
/// the offset up three times per booking; in a zone without changes (China) this looks it up once.
public struct DayNumbering {
    public let zone: TimeZone
    private var offset = 0
    private var from = Date.distantFuture
    private var until = Date.distantPast

    public init(_ zone: TimeZone) {
        self.zone = zone
    }

    public mutating func dayNumber(_ instant: Date) -> Int {
        if !(from <= instant && instant < until) {
            offset = zone.secondsFromGMT(for: instant)
            from = instant
            until = zone.nextDaylightSavingTimeTransition(after: instant) ?? .distantFuture
        }
        let local = Int((instant.timeIntervalSince1970 + Double(offset)).rounded(.down))
        return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    }
}
