import Core
import Foundation

/// Rule Q-8 on the lines of a guarantee repair: a job `RepeatRepair.find` flagged as repeating an earlier job within
/// its quality guarantee is re-repaired free of charge, so it has no customer-paid line: the dealer bears it
/// (`internal`), and the line's reason cites the first order.
extension WorkOrder {
    /// The reason written on a guarantee repair's line moved to the dealer.
    public static func guaranteeLineReason(first order: String) -> Phrase {
        "guarantee repair of \(order): free of charge, borne by the dealer (Q-8)"
    }

    /// Rule Q-8: moves the customer-paid lines of a guarantee-repair job to the dealer (internal), with the reason
    /// citing the first order. Nothing changes on a job that is not a guarantee repair.
    public mutating func freeGuaranteeRepair(job number: Int) {
        guard let first = jobs.first(where: { $0.number == number })?.guaranteeOf else { return }
        for index in lines.indices where lines[index].job == number && lines[index].payer == .customer {
            lines[index].payer = .internal
            lines[index].reason = Self.guaranteeLineReason(first: first).rendered()
        }
    }

    /// Rule Q-8: a line of a guarantee repair is never paid by the customer.
    func refuseCustomerPayer(job number: Int, payer: Payer) throws {
        guard payer == .customer, let first = jobs.first(where: { $0.number == number })?.guaranteeOf else { return }
        throw Conflict(
            field: WorkOrderLineForm.Field.payer.rawValue,
            "job \(number) is a guarantee repair of \(first): it is free of charge and the customer pays none of its "
                + "lines (Q-8); the dealer bears it (internal), or a warranty or goodwill payer")
    }
}
