import Foundation
import Testing

@testable import Core

@Suite("Day numbers of many instants in one zone")
struct DayNumberingTests {
    @Test(
        "T-2: the day of each instant is LocalDate's, in zones with and without changes of offset, in any order",
        arguments: [
            "Asia/Shanghai", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Pyongyang",
            "America/Sao_Paulo", "Pacific/Apia",
        ])
    func matchesLocalDate(identifier: String) throws {
        let zone = try #require(TimeZone(identifier: identifier))
        var random = SystemRandomNumberGenerator()
        // Instants from 1990 to 2040: sorted (as bookings come), shuffled, and around each change of offset.
        let span = 1_577_836_800.0...2_208_988_800.0
        let sorted = (0..<3_000).map { _ in Date(timeIntervalSince1970: Double.random(in: span, using: &random)) }
            .sorted()
        var edges: [Date] = []
        var at = Date(timeIntervalSince1970: span.lowerBound)
        while let next = zone.nextDaylightSavingTimeTransition(after: at), next.timeIntervalSince1970 < span.upperBound
        {
            edges += [-3_601, -1, 0, 1, 3_599].map { next.addingTimeInterval($0) }
            at = next
        }
        for instants in [sorted, sorted.shuffled(using: &random), edges, edges.reversed()] {
            var numbering = DayNumbering(zone)
            let wrong = instants.filter { numbering.dayNumber($0) != LocalDate(instant: $0, in: zone).dayNumber }
            #expect(wrong.isEmpty, "\(identifier): \(wrong.prefix(3)) of \(instants.count)")
        }
    }
}
