import ArgumentParser
import Core
import Foundation
import Storage
import WorkOrderPages
import WorkOrders

// `aftersales workorder print`: the order's printable documents (issue 17, L-10, Q-8) as HTML pages
// with print styles, rendered by `WorkOrderPages` as the API's document route renders them.

extension WorkOrderDocumentKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension WorkOrderCommand {
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Print a repair order's document as an HTML page for A4: the repair request, the quote, or the repair "
                    + "record with its invoice."),
            discussion: Help.text(
                """
                aftersales workorder print 京N·88888 --document request --out 客户报修单.html
                aftersales workorder print 京N·88888 --document quote --out 报价单.html
                """, permission: .readWorkOrders,
                more:
                    "The page is Chinese first with the English kept, whatever the language. The repair request "
                    + "(A-6) is signed at reception; the quote exists once the order is quoted (Q-2); the repair "
                    + "record and invoice once it is settled (L-10). Without --out the page goes to standard output."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("Which document: request, quote or record."), valueName: "document"))
        var document: WorkOrderDocumentKind
        @Option(help: ArgumentHelp(say("Write the page to this file (replaced whole) instead of standard output.")))
        var out: String?

        func run() throws {
            let db = try global.open()
            let sheet = try db.workOrderSheet(try order.number(in: db))
            let page = try WorkOrderPrint.html(
                document, sheet: sheet, settings: try db.settings(), field: "--document")
            guard try writePage(page, to: out), let out else { return }
            global.output.note("wrote \(document.title) of \(sheet.order.number) to \(out)")
        }
    }
}
