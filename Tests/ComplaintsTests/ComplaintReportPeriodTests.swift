import Core
import Testing

@testable import Complaints

@Suite("The report's period (K-14)")
struct ComplaintReportPeriodTests {
    @Test(
        "K-14: an end not given is the current half-year's; one given is kept (the CLI's and the API's one default)",
        arguments: [
            // today, from, to, expected from, expected to
            ("2026-11-23", nil, nil, "2026-07-01", "2026-12-31"),
            ("2026-07-01", nil, nil, "2026-07-01", "2026-12-31"),
            ("2026-12-31", nil, nil, "2026-07-01", "2026-12-31"),
            ("2026-06-30", nil, nil, "2026-01-01", "2026-06-30"),
            ("2026-01-01", nil, nil, "2026-01-01", "2026-06-30"),
            ("2028-02-29", nil, nil, "2028-01-01", "2028-06-30"),
            ("2026-11-23", "2026-10-01", nil, "2026-10-01", "2026-12-31"),
            ("2026-11-23", nil, "2026-09-30", "2026-07-01", "2026-09-30"),
            ("2026-11-23", "2025-01-01", "2025-12-31", "2025-01-01", "2025-12-31"),
        ] as [(String, String?, String?, String, String)])
    func period(today: String, from: String?, to: String?, start: String, end: String) {
        let period = ComplaintReport.period(
            from: from.flatMap(LocalDate.init), to: to.flatMap(LocalDate.init),
            today: LocalDate(today)!)
        #expect(period.from == LocalDate(start) && period.to == LocalDate(end))
    }
}
