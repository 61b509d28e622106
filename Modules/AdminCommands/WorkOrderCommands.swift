import ArgumentParser
import Core
import Customers
import Foundation
import Storage
import WorkOrders

// `aftersales workorder …`: the service visit from reception to delivery (A-6, Q-1 to Q-8, L-10). Each command parses
// its options, calls one use case and prints the order; the rules live in `WorkOrders`, the transactions in
// `WorkOrderStorage`.

extension Payer: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}
extension LineKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}
extension ApprovalMethod: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}
extension VehicleSystem: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}
extension JobKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}
extension PaymentMethod: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}
extension QualityCheckItem: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension CLIFields {
    /// `workorder open`.
    static func reception(_ field: ReceptionForm.Field) -> String {
        switch field {
        case .vin: "<vehicle>"
        case .mileage: "--mileage"
        case .fuel: "--fuel"
        case .concerns: "--concern"
        case .walkAround: "--walk-around"
        case .returnOldParts: "--return-old-parts"
        case .promisedAt: "--promised"
        case .arrivedAt: "--arrived"
        case .advisor: "--advisor"
        case .newVehicle: "--new-vin"
        case .customer: "--name"
        case .customerRef: "--customer"
        }
    }

    /// `workorder job`.
    static func job(_ field: JobForm.Field) -> String {
        switch field {
        case .title: "--title"
        case .kind: "--kind"
        case .system: "--system"
        case .component: "--component"
        case .fault: "--fault"
        case .finding: "--finding"
        case .seriousSafetyFault: "--serious-safety"
        case .specialPartsWaitingDays: "--waiting-days"
        }
    }

    /// `workorder line add`.
    static func line(_ field: WorkOrderLineForm.Field) -> String {
        switch field {
        case .job: "--job"
        case .kind: "--kind"
        case .code: "--code"
        case .quantity: "--quantity"
        case .price: "--price"
        case .description: "--description"
        case .payer: "--payer"
        case .reason: "--reason"
        case .component: "--component"
        case .bulletin: "--bulletin"
        }
    }
}

/// The order an argument names: its number (`RO-20261206-001`), or a vehicle (VIN, plate, VIN ending) whose latest
/// order it is.
struct OrderArgument: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            say("The repair order: its number (RO-20261206-001), or the vehicle's VIN or plate for its latest order."),
            valueName: "order"))
    var order: String

    func number(in db: AppDatabase) throws -> String {
        let text = order.trimmed()
        if text.uppercased().hasPrefix("RO-") { return text.uppercased() }
        let vin = try db.vehicleVIN(named: text, field: "<order>")
        guard let latest = try db.listWorkOrders(vin: vin, limit: 1).items.first else {
            throw NotFound("repair order", text, field: "<order>")
        }
        return latest.number
    }
}

struct WorkOrderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workorder",
        abstract: say("Repair orders from reception to delivery (A-6, Q-1 to Q-8, L-10)."),
        subcommands: [
            Open.self, Show.self, List.self, JobCommand.self, Line.self, QuoteCommand.self, Approve.self,
            Decline.self, Dispatch.self, Clock.self, QC.self, Settle.self, Deliver.self, Print.self,
            Report.self, Credit.self, Delay.self, Photo.self,
        ])

    /// Prints the order after a change: a line for people and the order sheet, or the JSON document.
    static func report(_ db: AppDatabase, _ number: String, global: GlobalOptions, note: Phrase? = nil) throws {
        let sheet = try db.workOrderSheet(number)
        if let note { global.output.note(note) }
        try WorkOrderPresent.emit(sheet, output: global.output)
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Open a repair order at reception (A-6): mileage, fuel, concerns, walk-around, promised time."),
            discussion: Help.text(
                """
                aftersales workorder open 京N·88888 --mileage 1500 --concern "刹车有异响" --fuel 60 \\
                  --walk-around "右前门划痕" --return-old-parts
                aftersales workorder open --new-vin LSVAU2180N2000999 --make Volkswagen --model Lavida \\
                  --usage private --plate 京Q·20261 --name 赵敏 --phone 13700001234 --mileage 8000 --concern "保养"
                """, permission: .writeWorkOrders,
                more: Phrase.joined(
                    [
                        "Each concern, in the customer's own words, becomes a job. The mileage is a new reading (C-6). "
                            + "The sheet shows what the dealer owes the car: open recalls, maintenance due, the "
                            + "warranty answer, repairs under guarantee and open complaints.",
                        "A vehicle not on file is registered in the same step (A-6) with --new-vin and the options of "
                            + "`vehicle add`, for a new customer (the options of `customer add`) or one on file "
                            + "(--customer id or phone); --customer alone opens the order for that customer's only "
                            + "vehicle.",
                    ], separator: " ")))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(
                say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN."),
                valueName: "vehicle"))
        var vehicle: String?
        @Option(help: ArgumentHelp(say("Odometer reading at arrival, km."))) var mileage: Int?
        @Option(help: ArgumentHelp(say("Fuel or charge level, percent (default 50)."))) var fuel: Int?
        @Option(help: ArgumentHelp(say("A concern in the customer's own words (repeat for each)."))) var concern:
            [String] = []
        @Option(
            name: .customLong("walk-around"),
            help: ArgumentHelp(say("A finding of the walk-around: damage, belongings (repeat for each).")))
        var walkAround: [String] = []
        @Flag(
            name: .customLong("return-old-parts"), help: ArgumentHelp(say("The customer takes the old parts back.")))
        var returnOldParts = false
        @Option(
            help: ArgumentHelp(say("The delivery time agreed with the customer (Q-7), \"2026-12-06 17:30\".")))
        var promised: String?
        @Option(help: ArgumentHelp(say("Arrival time (default now)."))) var arrived: String?
        @Option(help: ArgumentHelp(say("The service advisor (default the actor)."))) var advisor: String?
        @Option(
            name: .customLong("customer"),
            help: ArgumentHelp(
                say("A customer on file, id or phone: the new vehicle's owner, or alone their only vehicle (A-6).")))
        var customerRef: String?
        @OptionGroup(title: say("New vehicle (A-6)")) var newVehicle: ReceptionVehicleOptions
        @OptionGroup(title: say("New customer (A-6)")) var newCustomer: ReceptionCustomerOptions

        func run() throws {
            let db = try global.open()
            var form = ReceptionForm()
            form.vin = vehicle
            form.customerRef = customerRef
            form.newVehicle = newVehicle.form
            form.customer = newCustomer.form
            form.mileage = mileage
            form.fuel = fuel
            form.concerns = concern
            form.walkAround = walkAround
            form.returnOldParts = returnOldParts
            form.promisedAt = promised
            form.arrivedAt = arrived
            form.advisor = advisor
            let order = try CLIFields.namingReception { try db.receive(form, actor: global.actorName) }
            try WorkOrderCommand.report(db, order.number, global: global, note: "opened \(order.number)")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Show a repair order: jobs, lines, quotes, totals per payer and what the dealer owes the car."),
            discussion: Help.text(
                """
                aftersales workorder show 京N·88888
                aftersales workorder show 京N·88888 --format json
                """, permission: .readWorkOrders))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument

        func run() throws {
            let db = try global.open()
            try WorkOrderCommand.report(db, try order.number(in: db), global: global)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("List repair orders, today's open ones first; --at-risk lists orders late or near it (Q-7)."),
            discussion: Help.text(
                """
                aftersales workorder list --open
                aftersales workorder list --at-risk
                """, permission: .readWorkOrders))

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(say("Only orders not yet settled."))) var open = false
        @Flag(
            name: .customLong("at-risk"),
            help: ArgumentHelp(say("Orders that may miss their promised delivery time, with the reasons (Q-7).")))
        var atRisk = false
        @Option(help: ArgumentHelp(say("One vehicle's orders: VIN, plate or VIN ending."))) var vin: String?
        @OptionGroup var page: PageOptions

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            if atRisk {
                let risks = try db.workOrdersAtRisk()
                let summaries = risks.map(\.order)
                let footer: Phrase =
                    risks.isEmpty ? "no order at risk (Q-7)" : "\(risks.count) orders at risk (Q-7)"
                try global.output.emit(
                    summaries,
                    table: TextTable(
                        columns: ["order", "plate", "customer", "state", "promised", "risk"],
                        rows: risks.map { item in
                            [
                                item.order.number, item.order.plate ?? "", item.order.customer,
                                item.order.state.spoken.rendered(),
                                item.order.promisedAt.map { Instant.localString($0, in: zone) } ?? "",
                                Phrase.joined(item.risks.map(\.spoken), separator: "; ").rendered(),
                            ]
                        }),
                    footer: footer)
                return
            }
            let vehicle = try vin.map { try db.vehicleVIN(named: $0, field: "--vin") }
            let result = try db.listWorkOrders(open: open, vin: vehicle, limit: page.limit, offset: page.offset)
            try global.output.emit(
                page: result,
                table: TextTable(
                    columns: ["order", "plate", "customer", "advisor", "state", "arrived", "promised", "total"],
                    rows: result.items.map {
                        [
                            $0.number, $0.plate ?? "", $0.customer, $0.advisor, $0.state.spoken.rendered(),
                            Instant.localString($0.arrivedAt, in: zone),
                            $0.promisedAt.map { Instant.localString($0, in: zone) } ?? "", $0.total.description,
                        ]
                    }))
        }
    }

    struct JobCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "job",
            abstract: say("Add a job, or record a job's finding and 三包 facts (--edit N)."),
            discussion: Help.text(
                """
                aftersales workorder job 京N·88888 --edit 1 --kind minor-repair --system brakes \\
                  --component 制动系统 --finding "前刹车片磨损到限"
                aftersales workorder job 京N·88888 --title "更换雨刮片" --kind minor-repair
                """, permission: .writeWorkOrders,
                more:
                    "A job added after the first quote is supplementary work (追加) that needs its own quote and "
                    + "approval (Q-2). The kind sets the repair's quality guarantee (Q-8); the same component "
                    + "repaired again within it is flagged as a guarantee repair and a comeback (Q-5)."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("Change job N instead of adding one."))) var edit: Int?
        @Option(help: ArgumentHelp(say("What the job does."))) var title: String?
        @Option(help: ArgumentHelp(say("The kind of repair, which sets its guarantee (Q-8)."))) var kind: JobKind?
        @Option(help: ArgumentHelp(say("The system repaired (三包)."))) var system: VehicleSystem?
        @Option(help: ArgumentHelp(say("The component repaired (compared for comebacks, Q-5)."))) var component: String?
        @Option(help: ArgumentHelp(say("The fault in the customer's words."))) var fault: String?
        @Option(help: ArgumentHelp(say("The technician's finding."))) var finding: String?
        @Option(
            name: .customLong("serious-safety"), help: ArgumentHelp(say("A serious safety fault (三包): yes or no.")))
        var seriousSafety: YesNo?
        @Option(
            name: .customLong("waiting-days"),
            help: ArgumentHelp(say("Days spent waiting for special parts shipped from afar.")))
        var waitingDays: Int?

        func run() throws {
            let db = try global.open()
            var form = JobForm()
            form.title = title
            form.kind = kind?.rawValue
            form.system = system?.rawValue
            form.component = component
            form.fault = fault
            form.finding = finding
            form.seriousSafetyFault = seriousSafety.map { $0 == .yes }
            form.specialPartsWaitingDays = waitingDays
            let number = try order.number(in: db)
            let result = try JobForm.Field.naming(CLIFields.job) {
                if let edit {
                    return try db.editWorkOrderJob(number, job: edit, form, actor: global.actorName)
                }
                return try db.addWorkOrderJob(number, form, actor: global.actorName)
            }
            let job = edit ?? result.jobs.last?.number ?? 0
            try WorkOrderCommand.report(db, number, global: global, note: "job \(job) recorded on \(number)")
        }
    }

    struct Line: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Add, move or remove the lines of a job (Q-1, Q-3)."),
            subcommands: [Add.self, PayerCommand.self, Remove.self, Issue.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Add a labour, part or other line to a job, priced from the catalogue (Q-1)."),
                discussion: Help.text(
                    """
                    aftersales workorder line add 京N·88888 --job 1 --kind labour --code "47 11 19 00"
                    aftersales workorder line add 京N·88888 --job 1 --kind part --code "5Q0 611 701 C" \\
                      --quantity 2 --payer warranty --component 制动系统
                    aftersales workorder line add 京N·88888 --job 1 --kind other --code SUBLET --price 150 \\
                      --reason "四轮定位外协"
                    """, permission: .writeWorkOrders,
                    more:
                        "Labour is the catalogue's standard hours for the vehicle's model × the labour rate; a part "
                        + "is the catalogue price in force today × quantity; each line is rounded half-up to the fen. "
                        + "A warranty line runs the warranty check for its component or part and keeps the decision "
                        + "(W-8); a recall line names its bulletin (W-6)."))

            @OptionGroup var global: GlobalOptions
            @OptionGroup var order: OrderArgument
            @Option(help: ArgumentHelp(say("The job's number."))) var job: Int?
            @Option(help: ArgumentHelp(say("labour, part or other (sublet, materials)."))) var kind: LineKind = .labour
            @Option(help: ArgumentHelp(say("Labour-operation code, part number, or other work's short code.")))
            var code: String?
            @Option(help: ArgumentHelp(say("How many (whole units; labour: times the standard hours)."))) var quantity:
                Int?
            @Option(help: ArgumentHelp(say("Other work only: the unit price in yuan."))) var price: String?
            @Option(help: ArgumentHelp(say("A text for the line instead of the catalogue's."))) var description: String?
            @Option(help: ArgumentHelp(say("Who pays (Q-3)."))) var payer: Payer = .customer
            @Option(help: ArgumentHelp(say("Why: other work's reason."))) var reason: String?
            @Option(help: ArgumentHelp(say("The component a warranty line is checked for (W-8)."))) var component:
                String?
            @Option(help: ArgumentHelp(say("The recall or campaign the line's work remedies (W-6)."))) var bulletin:
                String?

            func run() throws {
                let db = try global.open()
                var form = WorkOrderLineForm()
                form.job = job
                form.kind = kind.rawValue
                form.code = code
                form.quantity = quantity
                form.price = price
                form.description = description
                form.payer = payer.rawValue
                form.reason = reason
                form.component = component
                form.bulletin = bulletin
                let number = try order.number(in: db)
                let result = try WorkOrderLineForm.Field.naming(CLIFields.line) {
                    try db.addWorkOrderLine(number, form, actor: global.actorName)
                }
                let line = result.lines.last!
                try WorkOrderCommand.report(
                    db, number, global: global,
                    note: "line \(line.number) added to job \(line.job): \(money: line.amount), \(line.payer.spoken)")
            }
        }

        struct PayerCommand: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "payer",
                abstract: say("Move a line to another payer (Q-3); off warranty with a reason."),
                discussion: Help.text(
                    "aftersales workorder line payer 京N·88888 2 --payer goodwill --reason \"厂家不予保修，店内善意补偿\"",
                    permission: .writeWorkOrders))

            @OptionGroup var global: GlobalOptions
            @OptionGroup var order: OrderArgument
            @Argument(help: ArgumentHelp(say("The line's number."))) var line: Int
            @Option(help: ArgumentHelp(say("Who pays (Q-3)."))) var payer: Payer
            @Option(help: ArgumentHelp(say("Why (needed when the line leaves warranty)."))) var reason: String?

            func run() throws {
                let db = try global.open()
                let number = try order.number(in: db)
                _ = try db.changeWorkOrderPayer(number, line: line, to: payer, reason: reason, actor: global.actorName)
                try WorkOrderCommand.report(
                    db, number, global: global, note: "line \(line) now paid by \(payer.spoken)")
            }
        }

        struct Remove: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Remove a line of a job the customer has not approved yet (Q-2)."),
                discussion: Help.text("aftersales workorder line remove 京N·88888 3", permission: .writeWorkOrders))

            @OptionGroup var global: GlobalOptions
            @OptionGroup var order: OrderArgument
            @Argument(help: ArgumentHelp(say("The line's number."))) var line: Int

            func run() throws {
                let db = try global.open()
                let number = try order.number(in: db)
                _ = try db.removeWorkOrderLine(number, line: line, actor: global.actorName)
                try WorkOrderCommand.report(db, number, global: global, note: "line \(line) removed")
            }
        }
    }

    struct QuoteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quote",
            abstract: say("Make the next quote version of the open jobs, with totals per payer (Q-2)."),
            discussion: Help.text("aftersales workorder quote 京N·88888", permission: .writeWorkOrders))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            let (_, quote) = try db.quoteWorkOrder(number, actor: global.actorName)
            let kind: Phrase = quote.supplementary ? "supplementary quote" : "quote"
            try WorkOrderCommand.report(
                db, number, global: global,
                note:
                    "\(kind) \(quote.version): \(money: quote.totals.total), "
                    + "customer pays \(money: quote.totals.customer)"
            )
        }
    }

    /// The options of an answer to a quote.
    struct Answer: ParsableArguments {
        @Option(help: ArgumentHelp(say("A job's number (repeat; default every quoted job)."))) var job: [Int] = []
        @Option(help: ArgumentHelp(say("Who answered for the customer."))) var by: String
        @Option(help: ArgumentHelp(say("How the customer answered (default signature)."))) var via: ApprovalMethod?
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record the customer's approval of quoted jobs: who, how, when (Q-2)."),
            discussion: Help.text(
                "aftersales workorder approve 京N·88888 --by 王芳 --via wechat", permission: .writeWorkOrders,
                more: "No technician may clock on a job before it is approved."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @OptionGroup var answer: Answer

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            _ = try db.answerWorkOrderJobs(
                number, jobs: answer.job, approved: true, by: answer.by, method: answer.via ?? .signature,
                actor: global.actorName)
            try WorkOrderCommand.report(db, number, global: global, note: "approved by \(answer.by)")
        }
    }

    struct Decline: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record that the customer declined quoted jobs; declined work is kept and listed (Q-2)."),
            discussion: Help.text(
                "aftersales workorder decline 京N·88888 --job 2 --by 王芳 --via phone", permission: .writeWorkOrders))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @OptionGroup var answer: Answer

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            _ = try db.answerWorkOrderJobs(
                number, jobs: answer.job, approved: false, by: answer.by, method: answer.via ?? .signature,
                actor: global.actorName)
            try WorkOrderCommand.report(db, number, global: global, note: "declined by \(answer.by)")
        }
    }

    struct Dispatch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Give an approved job to a technician (the shop foreman)."),
            discussion: Help.text(
                "aftersales workorder dispatch 京N·88888 --job 1 --technician 王丽", permission: .dispatchWorkOrders))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("The job's number."))) var job: Int
        @Option(help: ArgumentHelp(say("The technician, a current staff member."))) var technician: String

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            _ = try db.dispatchWorkOrderJob(number, job: job, technician: technician, actor: global.actorName)
            try WorkOrderCommand.report(db, number, global: global, note: "job \(job) dispatched to \(technician)")
        }
    }

    struct Clock: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Clock a technician on an approved job, or off it (--off); several spells allowed (Q-2)."),
            discussion: Help.text(
                """
                aftersales workorder clock 京N·88888 --job 1 --technician 王丽
                aftersales workorder clock 京N·88888 --job 1 --technician 王丽 --off
                """, permission: .workOnWorkOrders))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("The job's number."))) var job: Int
        @Option(help: ArgumentHelp(say("The technician (default the actor)."))) var technician: String?
        @Flag(help: ArgumentHelp(say("Clock off instead of on."))) var off = false

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            let who = technician ?? global.actorName
            _ = try db.clockWorkOrderJob(number, job: job, technician: who, on: !off, actor: global.actorName)
            let note: Phrase = off ? "\(who) clocked off job \(job)" : "\(who) clocked on job \(job)"
            try WorkOrderCommand.report(db, number, global: global, note: note)
        }
    }

    struct QC: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qc",
            abstract: say("Record the quality check and test drive of a job (Q-4); a failure sends it back to work."),
            discussion: Help.text(
                """
                aftersales workorder qc 京N·88888 --job 1 --road-test 5
                aftersales workorder qc 京N·88888 --job 1 --road-test 5 --fail concern --reason "路试仍有异响"
                """, permission: .checkWorkOrders,
                more: "The checklist: exterior, interior, engine, chassis and the concern the customer reported."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("The job's number."))) var job: Int
        @Option(
            name: .customLong("road-test"), help: ArgumentHelp(say("Kilometres driven on the road test.")))
        var roadTest: Int = 0
        @Option(help: ArgumentHelp(say("A checklist item that failed (repeat for each)."))) var fail:
            [QualityCheckItem] = []
        @Option(help: ArgumentHelp(say("Why the check failed: what the workshop must do."))) var reason: String?
        @Option(help: ArgumentHelp(say("The technician's finding, recorded on the job."))) var finding: String?

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            _ = try db.checkWorkOrderJob(
                number, job: job, failed: fail, roadTestKilometres: roadTest, reason: reason, finding: finding,
                actor: global.actorName)
            let note: Phrase =
                fail.isEmpty ? "job \(job) passed its check" : "job \(job) failed its check: back to work"
            try WorkOrderCommand.report(db, number, global: global, note: note)
        }
    }

    struct Settle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Settle an order: the invoice with totals per payer and the payment method (Q-3)."),
            discussion: Help.text(
                "aftersales workorder settle 京N·88888 --payment wechat-pay", permission: .writeWorkOrders,
                more:
                    "In the same step: warranty lines become a claim draft with the frozen decision (W-7), recall "
                    + "work closes the recall for the VIN (W-6), parts bought here are recorded as fitted (W-3), "
                    + "a maintenance job records the visit (W-9), and the customer's share feeds customer value "
                    + "(M-5). A settled order is never edited (L-10)."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("How the customer paid."))) var payment: PaymentMethod

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            let settled = try db.settleWorkOrder(number, payment: payment, actor: global.actorName)
            var notes: [Phrase] = ["invoice \(settled.order.invoice?.number ?? "")"]
            if !settled.claims.isEmpty {
                notes.append("claim drafts \(settled.claims.map(String.init).joined(separator: ", ")) (W-7)")
            }
            if !settled.bulletinsClosed.isEmpty {
                notes.append("completed \(settled.bulletinsClosed.joined(separator: ", ")) (W-6)")
            }
            if settled.maintenanceRecorded { notes.append("maintenance visit recorded (W-9)") }
            try WorkOrderCommand.report(db, number, global: global, note: Phrase.joined(notes, separator: "; "))
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Deliver a settled order with its explanation; each job's quality guarantee starts (Q-8)."),
            discussion: Help.text(
                "aftersales workorder deliver 京N·88888 --note \"已向客户说明维修内容和质量保证期\"",
                permission: .writeWorkOrders))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var order: OrderArgument
        @Option(help: ArgumentHelp(say("What was explained to the customer at delivery."))) var note: String?

        func run() throws {
            let db = try global.open()
            let number = try order.number(in: db)
            _ = try db.deliverWorkOrder(number, note: note, actor: global.actorName)
            try WorkOrderCommand.report(db, number, global: global, note: "delivered")
        }
    }
}
