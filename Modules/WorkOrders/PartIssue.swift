import Core
import Foundation

/// The parts counter and the order's part lines: a part line is issued from stock before the order is invoiced (a
/// dealer's parts counter issues what the workshop fits; design), and a shortage delays the order.
extension WorkOrder {
    /// The part line numbered `number` and how many whole units are still to issue to it; refused for another kind of
    /// line, a declined job's line, a line issued in full, or a settled order.
    public func toIssue(line number: Int) throws -> (line: WorkOrderLine, quantity: Int) {
        try requireEditable()
        let line = lines[try lineIndex(number)]
        guard line.kind == .part else {
            throw Conflict(
                field: "line",
                "line \(number) is \(line.kind.spoken), not a part: only part lines are issued from stock")
        }
        if try job(line.job).state == .declined {
            throw Conflict(field: "line", "line \(number) belongs to job \(line.job), which the customer declined")
        }
        let wanted = (line.quantityHundredths + 99) / 100
        let remaining = wanted - (line.issued ?? 0)
        guard remaining > 0 else {
            throw Conflict(
                field: "line", "line \(number) is already issued: \(grouped: line.issued ?? 0) × \(line.code)")
        }
        return (line, remaining)
    }

    /// Settlement's check: every live part line of a part the counter keeps stock of (`stocked`, by part number) is
    /// issued in full; a line not issued is named with the command that issues it.
    public func requireIssued(stocked: Set<String>) throws {
        guard let line = liveLines.first(where: { $0.awaitsIssue && stocked.contains($0.code) }) else { return }
        throw Conflict(
            field: "order",
            "line \(line.number) (part \(line.code)) is not issued from stock: \(grouped: line.issued ?? 0) of "
                + "\(grouped: (line.quantityHundredths + 99) / 100) issued; the parts counter issues it before "
                + "the invoice (aftersales workorder line issue \(number) \(line.number))")
    }
}
