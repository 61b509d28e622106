import Foundation
import TestSupport
import Testing

/// `aftersales-bench appointments` at a tiny size, so the bench cannot rot between `make bench` runs (issue 18): it
/// builds its workshop and bookings once, reuses them the second time, and prints every figure with its target.
/// Timings are not checked.
@Suite("aftersales-bench appointments (tiny sizes)")
struct AppointmentBenchTests {
    @Test("builds a workshop with bookings once, prints offers, booking and the board with targets")
    func tiny() throws {
        let folder = try TemporaryDirectory()
        let arguments = [
            "appointments", "--customers", "400", "--days", "2", "--today", "20", "--runs", "20", "--out",
            folder.url.path,
        ]
        let first = try Binaries.run("aftersales-bench", arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("generated 400 customers and vehicles"))
        #expect(first.stdout.contains("appointments over 2 days"))
        // Today's bookings are on the board (A-1: booked through the use case, on today's real capacity).
        #expect(first.stdout.contains("20 today"))
        for label in ["offer slots", "book an offered slot", "the welcome board page"] {
            let line = first.stdout.split(separator: "\n").first { $0.contains(label) }.map(String.init) ?? ""
            #expect(line.contains("p50") && line.contains("p95") && line.contains("p99"), "\(label): \(line)")
            #expect(line.contains("target") && (line.contains("PASS") || line.contains("FAIL")), "\(line)")
        }
        #expect(first.stdout.contains("20 rows"))
        #expect(first.stdout.contains("peak RSS"))
        let second = try Binaries.run("aftersales-bench", arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("reusing") && !second.stdout.contains("generated 400"))
    }
}
