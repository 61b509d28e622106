import ArgumentParser
import Core
import Foundation
import Storage
import WorkOrders

extension DelayCause: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension WorkOrderCommand {
    /// `workorder delay`: why the order is late, with a new promised time when one is agreed.
    struct Delay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record why a repair order is late (Q-7), and a new promised time when agreed."),
            discussion: Help.text(
                """
                aftersales workorder delay 京N·88888 --reason parts --note "等原厂刹车片" \\
                  --new-promise "2026-12-08 17:00"
                """, permission: .writeWorkOrders,
                more:
                    "The reasons are the rule's: parts, technician, skill, underestimated, no-time-agreed. The list "
                    + "of orders at risk (`workorder list --at-risk`) shows the recorded reason."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(
            help: ArgumentHelp(
                say("Why: parts, technician, skill, underestimated or no-time-agreed (Q-7)."), valueName: "reason"))
        var reason: DelayCause?
        @Option(help: ArgumentHelp(say("What the customer was told, in a few words."))) var note: String?
        @Option(
            name: .customLong("new-promise"),
            help: ArgumentHelp(say("The new delivery time agreed with the customer, \"2026-12-06 17:30\".")))
        var newPromise: String?

        func run() throws {
            let db = try global.open()
            var form = DelayForm()
            form.reason = reason?.rawValue
            form.note = note
            form.newPromise = newPromise
            let number = try order.number(in: db)
            _ = try DelayForm.Field.naming(CLIFields.delay) {
                try db.delayWorkOrder(number, form, actor: global.actorName)
            }
            try WorkOrderCommand.report(db, number, global: global, note: "delay recorded on \(number) (Q-7)")
        }
    }
}

extension CLIFields {
    /// `workorder delay`.
    static func delay(_ field: DelayForm.Field) -> String {
        switch field {
        case .reason: "--reason"
        case .note: "--note"
        case .newPromise: "--new-promise"
        }
    }
}
