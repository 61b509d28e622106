import Foundation
import TestSupport
import Testing

/// `aftersales-bench workorders` at a tiny size, so the bench cannot rot between `make bench` runs: it must build
/// its database, reuse it the second time, and print every figure with its target. Timings are not checked.
@Suite("aftersales-bench workorders (tiny sizes)")
struct WorkOrderBenchTests {
    @Test("builds 1,000 orders once, settles orders of 20 lines, prints p50/p95/p99 with targets")
    func tiny() throws {
        let folder = try TemporaryDirectory()
        let arguments = [
            "workorders", "--customers", "300", "--orders", "1000", "--runs", "20", "--out", folder.url.path,
        ]
        let first = try Binaries.run("aftersales-bench", arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("generated 300 customers and vehicles"))
        #expect(first.stdout.contains("1000 repair orders"))
        for label in [
            "open an order by VIN or plate", "settle an order of 20 lines", "today's open orders", "the month's report",
        ] {
            let line = first.stdout.split(separator: "\n").first { $0.contains(label) }.map(String.init) ?? ""
            #expect(line.contains("p50") && line.contains("p95") && line.contains("p99"), "\(label): \(line)")
            #expect(line.contains("target") && (line.contains("PASS") || line.contains("FAIL")), "\(line)")
        }
        #expect(first.stdout.contains("20 opened"))
        // Each ready order has a warranty repair and the open recall: two claims drafted, one recall closed each.
        #expect(first.stdout.contains("20 settled, 40 claims drafted, 20 recalls closed"))
        #expect(first.stdout.contains("peak RSS"))
        // The second run reuses the generated database and settles the same orders again on a fresh copy.
        let second = try Binaries.run("aftersales-bench", arguments)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("reusing") && !second.stdout.contains("generated 300"))
        #expect(second.stdout.contains("20 settled, 40 claims drafted, 20 recalls closed"))
    }
}
