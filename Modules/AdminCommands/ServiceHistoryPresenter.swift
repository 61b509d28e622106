import Core
import Foundation
import Storage
import WorkOrders

extension Present {
    /// The service history section of a customer card or a vehicle (C-6): each vehicle's latest repair orders,
    /// newest first, and a line for the older ones; nil when no vehicle has an order yet.
    static func serviceHistory(_ histories: [ServiceHistory]) -> String? {
        let visited = histories.filter { !$0.orders.isEmpty }
        guard !visited.isEmpty else { return nil }
        let table = TextTable(
            columns: ["vehicle", "order", "day", "km", "jobs", "total", "state"],
            rows: visited.flatMap { history in
                history.orders.map {
                    [
                        history.plate ?? history.vin.value, $0.number, $0.day.description,
                        Grouping.thousands($0.mileage), TextTable.shortened($0.jobs.joined(separator: "; "), to: 40),
                        $0.total.description, $0.state.spoken.rendered(),
                    ]
                }
            })
        let older = visited.filter { $0.more > 0 }.map {
            say("\($0.more) older orders of \($0.plate ?? $0.vin.value): aftersales workorder list --vin \($0.vin)")
        }
        return heading("Service history (C-6), newest first") + table.rendered()
            + older.map { "\n" + $0 }.joined()
    }
}
