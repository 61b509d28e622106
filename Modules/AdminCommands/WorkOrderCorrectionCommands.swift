import ArgumentParser
import Core
import Foundation
import Storage
import WorkOrders

// `aftersales workorder credit` (L-10: a settled order corrected by a credit note and a new invoice) and
// `aftersales workorder line issue` (a part line issued from stock; a shortage delays the order, Q-7, K-5).

extension WorkOrderCommand {
    struct Credit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Correct a settled order: a credit note for its invoice, and the order reopened (L-10)."),
            discussion: Help.text(
                "aftersales workorder credit 京N·88888 --reason \"付款方式记错，重开发票\"", permission: .writeWorkOrders,
                more:
                    "The credit note (CN-000001, numbered without gaps) cancels the whole invoice, per payer; in the "
                    + "same step the order's claim drafts are withdrawn (a claim already submitted refuses the "
                    + "credit), the customer's revenue is reversed (M-5), and the fitted parts (W-3) and maintenance "
                    + "visit (W-9) the invoice proved are taken back. A completed recall stays completed. Correct the "
                    + "order, then `workorder settle` issues a new invoice; a delivered car stays delivered."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("Why the invoice is corrected."))) var reason: String

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            let credit = try WorkOrderCommand.naming("--reason") {
                try db.creditWorkOrder(number, reason: reason, actor: global.actorName)
            }
            let note = credit.creditNote
            var notes: [Phrase] = [
                "credit note \(note.number) for invoice \(note.invoice.number): \(money: note.totals.total) (L-10)"
            ]
            if !credit.claimsWithdrawn.isEmpty {
                notes.append(
                    "claim drafts withdrawn: \(credit.claimsWithdrawn.map(String.init).joined(separator: ", "))")
            }
            if credit.revenueReversed.fen != 0 {
                notes.append("customer revenue reversed: \(money: credit.revenueReversed) (M-5)")
            }
            notes.append("correct the order, then settle it again for a new invoice")
            try WorkOrderCommand.report(db, number, global: global, note: Phrase.joined(notes, separator: "; "))
        }
    }

    /// Names the option a use case's `reason` or `line` field is typed with.
    static func naming<T>(_ option: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InvalidInput where error.field == "reason" || error.field == "line" {
            throw InvalidInput(field: error.field == "reason" ? option : "<line>", error.phrase)
        } catch let error as Conflict where error.field == "line" {
            throw Conflict(field: "<line>", error.phrase)
        }
    }
}

extension WorkOrderCommand.Line {
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Issue a part line's part from stock to the order (the parts counter)."),
            discussion: Help.text(
                "aftersales workorder line issue 京N·88888 2", permission: .manageStock,
                more:
                    "Issues what the line still needs; the sheet shows the quantity issued, and settlement refuses a "
                    + "stocked part not issued. Stock short, nothing is issued: the shortage is recorded, routed to "
                    + "the parts manager (K-5) and becomes the order's delay reason (Q-7). A return "
                    + "(`aftersales stock return --order … --line …`) reverses an issue."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Argument(help: ArgumentHelp(say("The line's number."))) var line: Int

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            let issued = try WorkOrderCommand.naming("--reason") {
                try db.issueWorkOrderLine(number, line: line, actor: global.actorName)
            }
            let note: Phrase
            if let shortage = issued.outcome.shortage {
                note =
                    "stock short: \(shortage.delayReason); routed to the parts manager (K-5), the order's delay "
                    + "reason (Q-7)"
            } else {
                let movement = issued.outcome.movement
                note =
                    "line \(line) issued: \(grouped: -(movement?.quantity ?? 0)) × \(movement?.part.value ?? ""), "
                    + "\(grouped: issued.outcome.stock.onHand) left on hand"
            }
            try WorkOrderCommand.report(db, number, global: global, note: note)
        }
    }
}
