import Core
import Foundation
import GRDB
import Stock
import StockStorage
import StorageKernel
import WorkOrders

/// What issuing a part line did: the stock movement, or, stock being short, the shortage recorded instead (the
/// order's delay reason, Q-7, routed to the parts manager, K-5).
public struct LineIssue: Sendable {
    public var order: WorkOrder
    public var line: Int
    public var outcome: StockOutcome
}

extension AppDatabase {
    /// Issues a part line's part and quantity (what is still to issue) from stock, in one transaction with the stock
    /// journal (`moveStock`: the movement carries the order and line). Stock short, the issue is refused and the
    /// shortage recorded in the same step: routed to the parts manager like a parts complaint (K-5: a parts shortage
    /// is the parts manager's) and written as the order's delay reason, as `delayWorkOrder` does. A return
    /// (`stock return --order --line`) reverses an issue: the line's issued quantity is the journal's sum.
    public func issueWorkOrderLine(_ number: String, line: Int, actor: String) throws -> LineIssue {
        var outcome: StockOutcome?
        let order = try changeWorkOrder(number, action: "issue", actor: actor) { order, db, now, _ in
            let (partLine, quantity) = try order.toIssue(line: line)
            let movement = StockForm.Validated(
                part: PartNumber(catalogue: partLine.code),
                change: .issue(quantity: quantity, to: OrderLine(order: order.number, line: line)),
                recordShortage: true)
            let done = try Self.moveStock(db, movement, at: now, actor: actor)
            outcome = done
            if let shortage = done.shortage {
                // the shortage is the order's delay reason (the language of whoever recorded it).
                order.delayReason = shortage.delayReason.rendered()
            } else {
                try Self.loadIssuesAndCredits(db, into: &order)
            }
        }
        return LineIssue(order: order, line: line, outcome: outcome!)
    }

    /// Settlement's check: the part lines of parts the counter keeps stock of are issued before the invoice.
    static func requireIssued(_ db: Database, _ order: WorkOrder) throws {
        let parts = Set(order.liveLines.filter { $0.awaitsIssue }.map(\.code))
        guard !parts.isEmpty else { return }
        let stocked = try parts.filter {
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM stock WHERE part = ?"), arguments: [$0]) ?? false
        }
        try order.requireIssued(stocked: Set(stocked))
    }
}
