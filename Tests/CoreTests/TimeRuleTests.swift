import Foundation
import Testing

@testable import Core

@Suite("T rules: time and counting")
struct TimeRuleTests {
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test(
        "T-1: N months later is the same day, clamped to the month's last day",
        arguments: [
            ("2024-02-29", 12, "2025-02-28"),
            ("2024-02-29", 48, "2028-02-29"),
            ("2026-01-31", 1, "2026-02-28"),
            ("2026-03-31", 1, "2026-04-30"),
            ("2026-11-23", 24, "2028-11-23"),
            ("2026-12-15", 1, "2027-01-15"),
            ("2026-05-20", -6, "2025-11-20"),
        ])
    func monthArithmetic(start: String, months: Int, expected: String) {
        #expect(LocalDate(start)!.adding(months: months) == LocalDate(expected)!)
    }

    @Test("T-1: a month period covers its corresponding day, not the day after")
    func periodEdges() {
        let period = MonthPeriod(start: LocalDate("2024-05-10")!, months: 24)
        #expect(period.lastDay == LocalDate("2026-05-10")!)
        #expect(period.covers(LocalDate("2026-05-09")!))
        #expect(period.covers(LocalDate("2026-05-10")!))
        #expect(!period.covers(LocalDate("2026-05-11")!))
        #expect(period.covers(LocalDate("2024-05-10")!))
        #expect(!period.covers(LocalDate("2024-05-09")!))
    }

    @Test(
        "T-1: the Civil Code's examples: 36 months from 2025-01-10, 12 months from 29 February, 10 days from the 1st",
        arguments: [
            ("2025-01-10", 36, "2028-01-10"), ("2024-02-29", 12, "2025-02-28"), ("2024-01-31", 1, "2024-02-29"),
        ])
    func monthPeriodLastDay(start: String, months: Int, last: String) {
        let period = MonthPeriod(start: LocalDate(start)!, months: months)
        #expect(period.lastDay == LocalDate(last)!)
        #expect(period.covers(LocalDate(last)!))
        #expect(!period.covers(LocalDate(last)!.adding(days: 1)))
    }

    @Test("T-1: a day period covers the day N days after its start (10 days from the 1st covers the 11th)")
    func dayPeriod() {
        let period = DayPeriod(start: LocalDate("2026-03-01")!, days: 10)
        #expect(period.lastDay == LocalDate("2026-03-11")!)
        #expect(period.covers(LocalDate("2026-03-11")!))
        #expect(!period.covers(LocalDate("2026-03-12")!))
        #expect(!period.covers(LocalDate("2026-02-28")!))
    }

    @Test("T-1: a distance limit of K km is met while the reading is at most K")
    func distanceLimit() {
        #expect(withinDistance(59_999, limit: 60_000))
        #expect(withinDistance(60_000, limit: 60_000))
        #expect(!withinDistance(60_001, limit: 60_000))
    }

    @Test("T-2: an instant is a day in the dealer's time zone, not in UTC")
    func dayInDealerZone() {
        let lateEvening = Instant.parse("2026-11-23T16:30:00Z")!
        #expect(LocalDate(instant: lateEvening, in: shanghai) == LocalDate("2026-11-24")!)
        #expect(LocalDate(instant: lateEvening, in: TimeZone(identifier: "UTC")!) == LocalDate("2026-11-23")!)
        #expect(LocalDate("2026-11-24")!.startInstant(in: shanghai) == Instant.parse("2026-11-23T16:00:00Z")!)
    }

    @Test("T-2: local wall time is read in the dealer's zone; explicit offsets win")
    func parsingInstants() {
        #expect(Instant.parse("2026-11-23 09:30", timeZone: shanghai) == Instant.parse("2026-11-23T01:30:00Z"))
        #expect(Instant.parse("2026-11-23T09:30:00+08:00") == Instant.parse("2026-11-23T01:30:00Z"))
        #expect(Instant.parse("2026-11-23T09:30:00+0800") == Instant.parse("2026-11-23T01:30:00Z"))
        #expect(
            Instant.parse("2026-11-23T01:30:00.250Z")!.timeIntervalSince(Instant.parse("2026-11-23T01:30:00Z")!) == 0.25
        )
        #expect(Instant.parse("2026-11-23 24:00") == nil)
        // RFC 3339 allows any offset from -23:59 to +23:59, as the API's description (format date-time) promises.
        #expect(Instant.parse("2026-11-22T02:33:00-23:03") == Instant.parse("2026-11-23T01:36:00Z"))
        #expect(Instant.parse("2026-11-23T09:30:00+24:00") == nil)
        #expect(Instant.parse("2026-02-30 10:00") == nil)
        #expect(Instant.parse("yesterday") == nil)
        #expect(Instant.parse("2026-11-23T09:30:00+08:00 junk") == nil)
    }

    @Test("T-2: instants print in the dealer's zone for people and in UTC for machines")
    func formattingInstants() {
        let date = Instant.parse("2026-11-23T16:05:09Z")!
        #expect(Instant.localString(date, in: shanghai) == "2026-11-24 00:05")
        #expect(Instant.utcString(date) == "2026-11-23T16:05:09Z")
        #expect(Instant.isoString(date, in: shanghai) == "2026-11-24T00:05:09+08:00")
        #expect(Instant.databaseString(date) == "2026-11-23 16:05:09.000")
    }

    @Test("day numbers round-trip and weekdays are right")
    func dayNumbers() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
        #expect(LocalDate("1970-01-01")!.dayNumber == 0)
        #expect(LocalDate("2026-11-23")!.isoWeekday == 1)  // a Monday
        #expect(LocalDate("2026-11-29")!.isoWeekday == 7)
        #expect(LocalDate("2025-02-29") == nil)
        #expect(LocalDate("2024-2-29") == nil)
    }

    @Test("T-3: weekends are off, holidays are off, make-up working days (调休) are worked")
    func businessCalendar() {
        let calendar = BusinessCalendar(
            holidays: [LocalDate("2026-10-01")!, LocalDate("2026-10-02")!],
            makeUpWorkingDays: [LocalDate("2026-09-27")!])
        #expect(calendar.isWorkingDay(LocalDate("2026-09-30")!))  // Wednesday
        #expect(!calendar.isWorkingDay(LocalDate("2026-10-01")!))  // holiday (Thursday)
        #expect(!calendar.isWorkingDay(LocalDate("2026-10-03")!))  // Saturday
        #expect(calendar.isWorkingDay(LocalDate("2026-09-27")!))  // Sunday worked (调休)
        // Three working days after Wednesday 30 September skip the holidays and the weekend.
        #expect(calendar.adding(workingDays: 3, to: LocalDate("2026-09-30")!) == LocalDate("2026-10-07")!)
    }
}
