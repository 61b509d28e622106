import ArgumentParser
import Complaints
import Core
import Customers
import Foundation
import Storage

struct ComplaintsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "complaint",
        abstract:
            say(
                "Complaints (K-1 to K-14): intake, owner, routing, clocks, escalation, verdict, follow-up, root cause, "
                    + "report."),
        discussion: say(
            """
            A complaint goes received → contacted → investigating → resolved → closed (or invalid). Deadlines: first \
            contact
            within 1 h (K-4), the advisor's report within 24 h of the repair order and every 24 h after (K-6), the \
            follow-up
            within 7 days of a satisfied close (K-11); settings complaints.* and calendar.clock decide durations and \
            whether
            they run on the clock or in business hours (T-3). Run `aftersales complaints escalate-due` from cron.
            """),
        subcommands: [
            Add.self, Show.self, List.self, Contact.self, Assign.self, Route.self, Progress.self, Escalate.self,
            Crisis.self,
            Resolve.self, Close.self, Reopen.self, Invalidate.self, FollowUp.self, Analyse.self, Attach.self,
            Attachment.self,
            Overdue.self, EscalateDue.self, AnalysisDue.self, Report.self,
        ],
        aliases: ["complaints"])

    /// The complaint a command acts on.
    struct Target: ParsableArguments {
        @Argument(help: ArgumentHelp(say("Complaint id.")), transform: Typed.id) var id: Complaint.ID
        var complaintID: Complaint.ID { id }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Register a complaint (K-1, K-2, K-5): the K-4 first-contact clock starts at receipt."),
            discussion: Help.text(
                """
                aftersales complaints add --customer 1 --vin LFV2A21K3N3000123 --channel phone --received-by 李娜 \\
                    --category repair-technique --description "刹车异响，修了两次还没好" --wish explanation-apology
                """, permission: .handleComplaints,
                more: """
                    Channels: \(ComplaintChannel.allCases.map(\.rawValue).joined(separator: ", ")).
                    Categories: \(ComplaintCategory.allCases.map(\.rawValue).joined(separator: ", ")).
                    Wishes: \(CustomerWish.allCases.map(\.rawValue).joined(separator: ", ")).
                    The owner must be customer-service staff (K-3); it defaults to the receiver when they are.
                    """))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        @Option(help: ArgumentHelp(say("The vehicle concerned."))) var vin: String?
        @Option(name: .customLong("work-order"), help: ArgumentHelp(say("The work order it is about."))) var workOrder:
            String?
        @Option(help: ArgumentHelp(say("How it arrived."))) var channel: ComplaintChannel
        @Option(
            name: .customLong("received-at"),
            help: ArgumentHelp(say("When it arrived (default now): \"2026-11-23 09:30\" or ISO 8601.")),
            transform: Typed.time)
        var receivedAt: WallTime?
        @Option(name: .customLong("received-by"), help: ArgumentHelp(say("Who received it first (K-3).")))
        var receivedBy: String
        @Option(help: ArgumentHelp(say("The customer-service owner (K-3)."))) var owner: String?
        @Option(help: ArgumentHelp(say("The complaint in the customer's words."))) var description: String
        @Option(help: ArgumentHelp(say("Category (K-2)."))) var category: ComplaintCategory
        @Option(help: ArgumentHelp(say("What the customer wants (K-2); repeatable."))) var wish: [CustomerWish] = []
        @Flag(help: ArgumentHelp(say("A grievance told to others (抱怨) rather than a complaint to us (K-1).")))
        var grievance = false
        @Option(help: ArgumentHelp(say("A crisis from the start (K-8): why."))) var crisis: String?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            var form = ComplaintForm()
            form.customer = customer.rawValue
            form.vin = vin
            form.workOrder = workOrder
            form.channel = channel.rawValue
            form.receivedAt = receivedAt?.text
            form.receivedBy = receivedBy
            form.owner = owner
            form.description = description
            form.category = category.rawValue
            form.wishes = wish.map(\.rawValue)
            form.grievance = grievance
            form.crisisReason = crisis
            // The same form and intake as POST /v1/complaints; a problem names the option (issue 14).
            let file = try ComplaintForm.Field.naming(CLIFields.complaint) {
                let intake = try form.validated(timeZone: zone)
                let vin = try intake.vehicle.map { try db.vehicleVIN(named: $0) }
                return try db.addComplaint(ComplaintIntake(intake, vin: vin), actor: global.actorName)
            }
            try ComplaintsCommand.show(file, global: global, zone: zone)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("A complaint file: record, priority and why, deadlines, history, evidence."),
            discussion: Help.text("aftersales complaints show 12", permission: .readComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target

        func run() throws {
            let db = try global.open()
            try ComplaintsCommand.show(
                try db.complaintFile(target.complaintID), global: global, zone: try db.settings().timeZone)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Complaints, newest first."),
            discussion: Help.text(
                "aftersales complaints list --open --owner 李娜\naftersales complaints list --crisis --format csv",
                permission: .readComplaints))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Only this state."))) var state: ComplaintState?
        @Flag(help: ArgumentHelp(say("Only open complaints (not closed or invalid)."))) var open = false
        @Option(help: ArgumentHelp(say("Only this owner."))) var owner: String?
        @Option(help: ArgumentHelp(say("Only this category."))) var category: ComplaintCategory?
        @Option(help: ArgumentHelp(say("Only this customer.")), transform: Typed.id) var customer: Customer.ID?
        @Flag(help: ArgumentHelp(say("Only crises (K-8)."))) var crisis = false
        @Option(help: ArgumentHelp(say("At most this many."))) var limit = 100
        @Option(help: ArgumentHelp(say("Skip this many."))) var offset = 0

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError(say("--limit takes 1 to 10000")) }
            guard offset >= 0 else { throw ValidationError(say("--offset must not be negative")) }
        }

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let page = try db.listComplaints(
                ComplaintFilter(
                    state: state, openOnly: open, owner: owner,
                    category: category,
                    customer: customer, crisisOnly: crisis, limit: limit,
                    offset: offset))
            try global.output.emit(
                page: page,
                table: TextTable(
                    columns: [
                        "id", "received", "customer", "channel", "category", "state", "level", "priority", "owner",
                        "description",
                    ],
                    rows: page.items.map {
                        [
                            $0.id.description, Instant.localString($0.receivedAt, in: zone), $0.customer,
                            $0.channel.spoken.rendered(), $0.category.spoken.rendered(), $0.state.spoken.rendered(),
                            $0.level.spoken.rendered(), ComplaintsCommand.priorityName($0.priority, crisis: $0.crisis),
                            $0.owner, $0.description,
                        ]
                    }))
        }
    }

    struct Contact: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Record a contact: our first call meets K-4; the customer contacting us again raises the priority "
                        + "(K-13)."),
            discussion: Help.text(
                """
                aftersales complaints contact 12 --callback "服务经理王强今天16:00前回电"
                aftersales complaints contact 12 --inbound --note "客户第三次来电"
                aftersales complaints contact 12 --inbound --unfixed-visit --note "再次进店，异响仍在"
                """, permission: .handleComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("When (default now).")), transform: Typed.time) var at: WallTime?
        @Flag(help: ArgumentHelp(say("The customer contacted us (default: we contacted the customer)."))) var inbound =
            false
        @Flag(
            name: .customLong("unfixed-visit"),
            help: ArgumentHelp(say("The customer came back and the problem is not fixed (K-13).")))
        var unfixedVisit = false
        @Option(help: ArgumentHelp(say("What the customer was told: who will contact them and when (K-4).")))
        var callback: String?
        @Option(help: ArgumentHelp(say("Note."))) var note: String?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let file = try db.contactComplaint(
                target.complaintID, at: at?.instant(in: zone),
                direction: inbound ? .inbound : .outbound, unfixedVisit: unfixedVisit, callback: callback, note: note,
                actor: global.actorName)
            try ComplaintsCommand.show(file, global: global, zone: zone)
        }
    }

    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Give the complaint to another customer-service owner, with the reason (K-3)."),
            discussion: Help.text(
                "aftersales complaints assign 12 --to 张敏 --reason \"李娜休假\"", permission: .assignComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("The new owner."))) var to: String
        @Option(help: ArgumentHelp(say("Why."))) var reason: String?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.assignComplaint(target.complaintID, to: to, reason: reason, actor: global.actorName)
            }
        }
    }

    struct Route: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Open the internal complaint repair order, routed by the K-5 table (or --to)."),
            discussion: Help.text(
                "aftersales complaints route 12 --person 赵刚 --advisor 王丽", permission: .handleComplaints,
                more:
                    "K-5: parts quality → parts manager; repair technique, technical problem, product quality → "
                    + "technical director; anything else → service manager."
            ))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("Route to this role instead of the table's."))) var to: Role?
        @Option(help: ArgumentHelp(say("The person in that department."))) var person: String?
        @Option(help: ArgumentHelp(say("The service advisor the plan goes to, who reports back (K-6)."))) var advisor:
            String?
        @Option(help: ArgumentHelp(say("The cause, when known (K-2)."))) var cause: ComplaintCause?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.routeComplaint(
                    target.complaintID, to: to, person: person, advisor: advisor, cause: cause,
                    actor: global.actorName)
            }
        }
    }

    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("The service advisor's report to customer service (K-6); restarts the 24-hour clock."),
            discussion: Help.text(
                "aftersales complaints progress 12 --note \"已更换制动片，待客户试车\" --plan \"更换前制动片并做四轮定位\"",
                permission: .handleComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("What was done and what comes next."))) var note: String?
        @Option(help: ArgumentHelp(say("The plan, parts and solution prepared (K-5)."))) var plan: String?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.reportOnComplaint(target.complaintID, note: note, plan: plan, actor: global.actorName)
            }
        }
    }

    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Escalate one level up the ladder (K-7), or straight to --to, with the analysis and suggestion."),
            discussion: Help.text(
                "aftersales complaints escalate 12 --reason \"超出服务经理权限：客户要求换车\"\naftersales complaints escalate 12 "
                    + "--to regional-office --reason \"经销商无法内部解决\"",
                permission: .escalateComplaints,
                more: "Levels: \(EscalationLevel.allCases.map(\.rawValue).joined(separator: " → "))."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("The level to go to (default: the next one)."))) var to: EscalationLevel?
        @Option(help: ArgumentHelp(say("The analysis and suggestion for that level."))) var reason: String?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.escalateComplaint(target.complaintID, to: to, reason: reason, actor: global.actorName)
            }
        }
    }

    struct Crisis: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Flag a crisis (K-8): to the general manager at once, top priority."),
            discussion: Help.text(
                "aftersales complaints crisis 12 --reason \"客户已联系电视台\"", permission: .handleComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(
            help: ArgumentHelp(
                say("Why: safety, large damage, media, lawyers, police, consumer association, government.")))
        var reason: String?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.flagComplaintCrisis(target.complaintID, reason: reason, actor: global.actorName)
            }
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Record the solution presented to the customer (K-10); the complaint then awaits their verdict."),
            discussion: Help.text(
                """
                aftersales complaints resolve 12 --summary "免费更换前制动片" --apology --unhappy-because "两次维修未修好" \\
                    --measures "更换制动片；技术总监复检" --agreed --appointment "2026-11-25 09:00" --cause defect
                """, permission: .handleComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("Summary of the solution."))) var summary: String = ""
        @Flag(help: ArgumentHelp(say("An apology was made."))) var apology = false
        @Option(name: .customLong("unhappy-because"), help: ArgumentHelp(say("Why the customer was unhappy.")))
        var unhappyBecause: String?
        @Option(help: ArgumentHelp(say("The measures taken."))) var measures: String = ""
        @Flag(help: ArgumentHelp(say("The customer agreed to the solution."))) var agreed = false
        @Option(help: ArgumentHelp(say("The appointment booked for the fix.")), transform: Typed.time) var appointment:
            WallTime?
        @Option(help: ArgumentHelp(say("The cause (K-2)."))) var cause: ComplaintCause?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let file = try db.resolveComplaint(
                target.complaintID, summary: summary, apology: apology, unhappyBecause: unhappyBecause,
                measures: measures,
                customerAgreed: agreed, appointment: appointment?.instant(in: zone),
                cause: cause, actor: global.actorName)
            try ComplaintsCommand.show(file, global: global, zone: zone)
        }
    }

    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Record the customer's verdict (K-10): satisfied closes and starts the 7-day follow-up (K-11); "
                        + "lower goes back to investigating."),
            discussion: Help.text(
                "aftersales complaints close 12 --process satisfied --result fairly-satisfied --score "
                    + "responsiveness=5 --score empathy=6",
                permission: .closeComplaints,
                more: "Levels, best first: \(levels). Dimensions (S-1): \(dimensions)."
            ))

        /// The satisfaction levels, best first, and the rated dimensions, as `--help` lists them.
        static var levels: String {
            Satisfaction.allCases.map { "\($0.name) (\($0.rawValue), \($0.label))" }.joined(separator: ", ")
        }
        static var dimensions: String {
            Help.codes(ServiceDimension.allCases, code: \.rawValue, meaning: \.spoken)
        }

        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("Satisfaction with the handling process."))) var process: Satisfaction
        @Option(help: ArgumentHelp(say("Satisfaction with the result."))) var result: Satisfaction
        @Option(
            help: ArgumentHelp(
                say("A dimension rated on the scale, such as empathy=6; repeatable (S-1)."),
                valueName: "DIMENSION=LEVEL")) var score: [DimensionScore] = []

        func run() throws {
            var dimensions: [ServiceDimension: Satisfaction] = [:]
            for item in score { dimensions[item.dimension] = item.level }
            try ComplaintsCommand.change(global) {
                try $0.closeComplaint(
                    target.complaintID, process: process, result: result, dimensions: dimensions,
                    actor: global.actorName)
            }
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Back to investigating: the customer is not satisfied (K-10)."),
            discussion: Help.text(
                "aftersales complaints reopen 12 --reason \"客户试车后异响仍在\"", permission: .closeComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("Why."))) var reason: String?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.reopenComplaint(target.complaintID, reason: reason, actor: global.actorName)
            }
        }
    }

    struct Invalidate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Close a complaint as invalid, with how it was explained to the customer (K-9); it is still "
                        + "counted."
                ),
            discussion: Help.text(
                "aftersales complaints invalidate 12 --explanation \"损坏为事故所致，不属质量问题，已向客户说明\"",
                permission: .invalidateComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("How it was explained to the customer."))) var explanation: String?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.invalidateComplaint(target.complaintID, explanation: explanation, actor: global.actorName)
            }
        }
    }

    struct FollowUp: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "followup",
            abstract: say("Record the follow-up visit or call after a satisfied close (K-11)."),
            discussion: Help.text(
                "aftersales complaints followup 12 --result \"客户表示问题已解决\" --satisfaction very-satisfied",
                permission: .handleComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("What the customer said."))) var result: String?
        @Option(help: ArgumentHelp(say("Satisfaction at the follow-up (7-level scale)."))) var satisfaction:
            Satisfaction?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.recordComplaintFollowUp(
                    target.complaintID, result: result, satisfaction: satisfaction,
                    actor: global.actorName)
            }
        }
    }

    struct Analyse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Root cause and preventive action on a closed or invalid complaint (K-12), by the market "
                        + "coordinator."
                ),
            discussion: Help.text(
                "aftersales complaints analyse 12 --root-cause \"首次维修未做路试\" --preventive-action \"制动类维修必须路试并签字\"",
                permission: .analyseComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(name: .customLong("root-cause"), help: ArgumentHelp(say("The root cause."))) var rootCause: String?
        @Option(name: .customLong("preventive-action"), help: ArgumentHelp(say("The preventive action.")))
        var preventiveAction: String?
        @Option(help: ArgumentHelp(say("The cause (K-2), when it is settled now."))) var cause: ComplaintCause?

        func run() throws {
            try ComplaintsCommand.change(global) {
                try $0.analyseComplaint(
                    target.complaintID, rootCause: rootCause, preventiveAction: preventiveAction,
                    cause: cause, actor: global.actorName)
            }
        }
    }

    struct Attach: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Keep a photo, recording or document with the complaint (K-14); its type and size are checked."),
            discussion: Help.text(
                "aftersales complaints attach 12 刹车片照片.jpg --kind photo --note \"客户提供\"", permission: .handleComplaints,
                more:
                    "Photos: JPEG, PNG, HEIC. Recordings: MP3, M4A, MP4, WAV, AMR. Documents: PDF, DOCX, XLSX, UTF-8 "
                    + ".txt. At most complaints.attachment.max-mb MB."
            ))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Argument(help: ArgumentHelp(say("The file."))) var file: String
        @Option(help: ArgumentHelp(say("photo, recording or document (checked against the file)."))) var kind:
            AttachmentKind?
        @Option(help: ArgumentHelp(say("Note."))) var note: String?

        func run() throws {
            let db = try global.open()
            let file = try db.attachToComplaint(
                target.complaintID, name: self.file, bytes: try AttachedFiles.read(file), kind: kind,
                note: note, actor: global.actorName)
            try ComplaintsCommand.show(file, global: global, zone: try db.settings().timeZone)
        }
    }

    struct Attachment: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Write an attachment's bytes to a file."),
            discussion: Help.text("aftersales complaints attachment 12 3 --out 照片.jpg", permission: .readComplaints))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Argument(
            help: ArgumentHelp(say("Attachment id (`aftersales complaint show` lists them).")), transform: Typed.rowID)
        var attachment: Int64
        @Option(help: ArgumentHelp(say("Where to write it."))) var out: String

        func run() throws {
            let (info, data) = try global.open().complaintAttachment(target.complaintID, attachment: attachment)
            try AttachedFiles.write(info, data, to: out, output: global.output)
        }
    }

    struct Overdue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Every missed or nearly missed deadline: the rule, who is on it, how late (K-4, K-6, K-11)."),
            discussion: Help.text(
                """
                aftersales complaint overdue --owner 李娜
                aftersales complaint overdue --as-of "2026-11-24 09:00" --format csv
                """, permission: .readComplaints))
        @OptionGroup var global: GlobalOptions
        @Option(
            name: .customLong("as-of"), help: ArgumentHelp(say("The instant to judge at (default now).")),
            transform: Typed.time)
        var asOf: WallTime?
        @Option(help: ArgumentHelp(say("Only this complaint owner's complaints (a cs-agent's own list)."))) var owner:
            String?
        @Option(
            name: .customLong("warn-minutes"),
            help: ArgumentHelp(
                say("List deadlines due within this many minutes too (default: setting complaints.warn-minutes).")))
        var warnMinutes: Int?

        func validate() throws {
            if let warnMinutes, !(0...10_080).contains(warnMinutes) {
                throw ValidationError(say("--warn-minutes takes 0 to 10080"))
            }
        }

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let items = try db.overdueComplaints(
                at: asOf?.instant(in: zone), warnMinutes: warnMinutes,
                owner: owner)
            try global.output.emit(
                items,
                table: TextTable(
                    columns: [
                        "complaint", "customer", "rule", "deadline", "due", "status", "owner / responsible", "level",
                        "priority",
                    ],
                    rows: items.map {
                        let d = $0.deadline
                        return [
                            $0.complaint.description, $0.customer, d.deadline.rule, d.deadline.what,
                            Instant.localString(d.deadline.due, in: zone),
                            d.spoken.rendered(),
                            $0.owner == d.deadline.responsible ? $0.owner : "\($0.owner) / \(d.deadline.responsible)",
                            $0.level.spoken.rendered(),
                            ComplaintsCommand.priorityName($0.priority, crisis: $0.crisis),
                        ]
                    }),
                footer: items.isEmpty
                    ? "no complaint deadline is missed or nearly missed"
                    : "\(grouped: items.filter { $0.deadline.state == .missed }.count) missed, "
                        + "\(grouped: items.filter { $0.deadline.state == .dueSoon }.count) nearly missed"
            )
        }
    }

    /// Rule K-12: the market coordinator's queue.
    struct AnalysisDue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "analysis-due",
            abstract: say(
                "Complaints awaiting root cause and preventive action (K-12): resolved, closed or invalid, "
                    + "not analysed."),
            discussion: Help.text(
                """
                aftersales complaint analysis-due
                aftersales complaint analysis-due --limit 20 --format csv
                """, permission: .readComplaints,
                more: """
                    Oldest first. Record the analysis with `aftersales complaint analyse ID --root-cause ... \
                    --preventive-action ...`; the complaint then leaves the queue.
                    """))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var page: PageOptions

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let found = try db.analysisDueComplaints(limit: page.limit, offset: page.offset)
            try global.output.emit(
                page: found,
                table: TextTable(
                    columns: ["id", "received", "customer", "category", "state", "owner", "description"],
                    rows: found.items.map {
                        [
                            $0.id.description, Instant.localString($0.receivedAt, in: zone), $0.customer,
                            $0.category.spoken.rendered(),
                            $0.state.spoken.rendered(), $0.owner, $0.description,
                        ]
                    }))
        }
    }

    struct EscalateDue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "escalate-due",
            abstract:
                say(
                    "Apply the ladder (K-7) to every complaint whose level missed a deadline; run it from cron. A "
                        + "second run right after escalates nothing."),
            discussion: Help.text(
                "*/10 * * * * aftersales complaints escalate-due --db /var/lib/aftersales/dealer.sqlite --actor cron "
                    + "--format json",
                permission: .escalateComplaints, more: "Each complaint is escalated in its own transaction."))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let done = try global.open().escalateDueComplaints(actor: global.actorName)
            try global.output.emit(
                done,
                table: TextTable(
                    columns: ["complaint", "from", "to", "rule", "missed", "late by"],
                    rows: done.map {
                        [
                            $0.complaint.description, $0.from.spoken.rendered(), $0.to.spoken.rendered(), $0.rule,
                            $0.what,
                            Elapsed.text(seconds: $0.lateBySeconds),
                        ]
                    }), footer: done.isEmpty ? "nothing to escalate" : "\(grouped: done.count) escalated")
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "The half-year complaint analysis (K-14): volumes, handling times, satisfaction, targets against "
                        + "actuals."),
            discussion: Help.text(
                "aftersales complaints report --from 2026-07-01 --to 2026-12-31\naftersales complaints report "
                    + "--format csv > 2026H2.csv",
                permission: .readComplaints,
                more: "Default period: the current half-year. Targets: settings complaints.target.*."))
        @OptionGroup var global: GlobalOptions
        @Option(
            help: ArgumentHelp(say("First day (default: the start of the current half-year).")), transform: Typed.day)
        var from: LocalDate?
        @Option(help: ArgumentHelp(say("Last day (default: the end of the current half-year).")), transform: Typed.day)
        var to: LocalDate?

        func run() throws {
            let db = try global.open()
            let today = LocalDate(instant: db.now, in: try db.settings().timeZone)
            let period = ComplaintReport.period(from: from, to: to, today: today)
            let report = try db.complaintReport(from: period.from, to: period.to)
            try global.output.emit(report, table: ComplaintsCommand.reportTable(report))
        }
    }

    // MARK: - Output

    /// A priority level (1 normal … 4 crisis) as people read it; a crisis is at the top whatever its level says.
    static func priorityName(_ level: Int, crisis: Bool = false) -> String {
        ComplaintPriority.spoken(level: crisis ? 4 : level).rendered()
    }

    /// Runs a change and shows the file it leaves.
    static func change(_ global: GlobalOptions, _ body: (AppDatabase) throws -> ComplaintFile) throws {
        let db = try global.open()
        try show(try body(db), global: global, zone: try db.settings().timeZone)
    }

    static func show(_ file: ComplaintFile, global: GlobalOptions, zone: TimeZone) throws {
        let c = file.complaint
        func time(_ date: Date?) -> String? { date.map { Instant.localString($0, in: zone) } }
        func said(_ phrase: Phrase) -> String { phrase.rendered() }
        let record = TextTable.record([
            ("complaint", c.id?.description), ("kind", said(c.kind.spoken)),
            ("customer", "\(file.customer) (\(c.customerID))"), ("vin", c.vin?.value),
            ("work order", c.workOrder), ("channel", said(c.channel.spoken)), ("received", time(c.receivedAt)),
            ("received by", c.receivedBy),
            ("owner", c.owner), ("description", c.description), ("category", said(c.category.spoken)),
            ("cause", c.cause.map { said($0.spoken) }),
            ("wants", c.wishes.isEmpty ? nil : said(Phrase.joined(c.wishes.map(\.spoken), separator: ", "))),
            (
                "valid",
                c.valid.map { $0 ? said("yes") : said("no: \(c.invalidExplanation ?? "")") }
            ), ("state", said(c.state.spoken)),
            ("level", said("\(c.level.spoken) since \(Instant.localString(c.levelSince, in: zone))")),
            (
                "priority",
                said(file.priority.spoken)
                    + (file.priority.reasons.isEmpty
                        ? "" : said(": ") + file.priority.reasons.joined(separator: said("; ")))
            ),
            ("first contact", time(c.firstContactAt)), ("told the customer", c.callback),
            (
                "repair order",
                c.repairOrder.map {
                    let at = Instant.localString($0.at, in: zone)
                    let department = Phrase(key: $0.department.rawValue)
                    let whom: Phrase =
                        switch ($0.person, $0.advisor) {
                        case (let person?, let advisor?): "\(department) \(person), advisor \(advisor)"
                        case (let person?, nil): "\(department) \(person)"
                        case (nil, let advisor?): "\(department), advisor \(advisor)"
                        case (nil, nil): department
                        }
                    return said("\(whom) at \(at) — \($0.rule)")
                }
            ),
            ("plan", c.repairOrder?.plan),
            ("advisor reports", c.repairOrder == nil ? nil : said("\(c.reports) (\(c.lateReports) late)")),
            (
                "solution",
                c.resolution.map {
                    var parts: [Phrase] = ["\($0.summary); measures: \($0.measures)"]
                    if $0.apology { parts.append("apologised") }
                    if let unhappy = $0.unhappyBecause { parts.append("unhappy because \(unhappy)") }
                    if $0.customerAgreed { parts.append("customer agreed") }
                    if let appointment = $0.appointment {
                        parts.append("appointment \(Instant.localString(appointment, in: zone))")
                    }
                    return said(Phrase.joined(parts, separator: said("; ")))
                }
            ),
            (
                "verdict",
                c.verdict.map {
                    let ratings: Phrase = "process \($0.process.spoken), result \($0.result.spoken)"
                    guard !$0.dimensions.isEmpty else { return said(ratings) }
                    let scores = $0.dimensions.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                        "\($0.key.spoken) \($0.value.rawValue)" as Phrase
                    }
                    return said(ratings) + said("; ") + said(Phrase.joined(scores, separator: ", "))
                }
            ),
            (
                "follow-up",
                c.followUp.map { f in
                    f.doneAt.map { said("done \(Instant.localString($0, in: zone)): \(f.result ?? "")") }
                        ?? said("due by \(f.dueOn), by \(f.by) (K-11)")
                }
            ),
            (
                "analysis",
                c.analysis.map {
                    said("root cause: \($0.rootCause); preventive action: \($0.preventiveAction) (\($0.by))")
                } ?? (c.awaitsAnalysis ? said("not analysed yet (K-12)") : nil)
            ),
        ])
        guard global.format == .table else {
            try global.output.emit(file, table: record)
            return
        }
        var out = [record.rendered()]
        if !file.deadlines.isEmpty {
            out.append(
                "\n" + said("Deadlines") + "\n"
                    + TextTable(
                        columns: ["rule", "what", "due", "status", "who"],
                        rows: file.deadlines.map {
                            [
                                $0.deadline.rule, $0.deadline.what, Instant.localString($0.deadline.due, in: zone),
                                said($0.spoken), $0.deadline.responsible,
                            ]
                        }
                    ).rendered())
        }
        if !file.attachments.isEmpty {
            out.append(
                "\n" + said("Evidence (K-14)") + "\n" + AttachedFiles.table(file.attachments, zone: zone).rendered())
        }
        let history = file.history.map { entry -> [String] in
            let when =
                Instant.localString(entry.happenedAt ?? entry.at, in: zone)
                + (entry.happenedAt == nil ? "" : said(" (recorded \(Instant.localString(entry.at, in: zone)))"))
            return [
                when, entry.actor, said(Phrase(entry.action, context: "complaint action")),
                (entry.from.map { said($0.spoken) + " → " } ?? "") + said(entry.to.spoken),
                entry.rule ?? "",
                entry.note ?? "",
            ]
        }
        out.append(
            "\n" + said("History") + "\n"
                + TextTable(columns: ["when", "by", "action", "state", "rule", "note"], rows: history).rendered())
        print(out.joined(separator: "\n"))
    }

    static func reportTable(_ r: ComplaintReport) -> TextTable {
        func said(_ phrase: Phrase) -> String { phrase.rendered() }
        func pct(_ v: Double?) -> String { v.map { String(format: "%.1f%%", $0) } ?? said("n/a") }
        func min(_ v: Double?) -> String { v.map { said("\(String(format: "%.1f", $0)) min") } ?? said("n/a") }
        /// A count's key as people read it: the code of its section spoken, or the report's own words.
        func item(_ section: String, _ key: String) -> String {
            let spoken: Phrase? =
                switch section {
                case "kind": ComplaintKind(rawValue: key)?.spoken
                case "channel": ComplaintChannel(rawValue: key)?.spoken
                case "category": ComplaintCategory(rawValue: key)?.spoken
                case "cause": ComplaintCause(rawValue: key)?.spoken
                case "satisfaction": Satisfaction.allCases.first { $0.name == key }?.spoken
                default: nil
                }
            return said(spoken ?? Phrase(key: key))
        }
        var rows: [[String]] = [
            [said("period"), "", said("\(r.from) to \(r.to)")], [said("complaints"), "", Grouping.thousands(r.total)],
        ]
        for (section, counts) in [
            ("kind", r.byKind), ("channel", r.byChannel), ("category", r.byCategory), ("cause", r.byCause),
            ("validity", r.byValidity),
        ] {
            rows += counts.filter { $0.count > 0 }.map {
                [said(Phrase(key: section)), item(section, $0.key), Grouping.thousands($0.count)]
            }
        }
        rows += [
            [said("first contact"), said("contacted"), Grouping.thousands(r.contacted)],
            [said("first contact"), said("median"), min(r.firstContactMedianMinutes)],
            [said("first contact"), said("p90"), min(r.firstContactP90Minutes)],
            [said("first contact"), said("in time (K-4)"), pct(r.firstContactInTimePercent)],
            [said("advisor reports"), said("count"), Grouping.thousands(r.reports)],
            [said("advisor reports"), said("on time (K-6)"), pct(r.reportsOnTimePercent)],
        ]
        rows += r.processSatisfaction.filter { $0.count > 0 }.map {
            [said("process satisfaction"), item("satisfaction", $0.key), Grouping.thousands($0.count)]
        }
        rows += r.resultSatisfaction.filter { $0.count > 0 }.map {
            [said("result satisfaction"), item("satisfaction", $0.key), Grouping.thousands($0.count)]
        }
        rows += [
            [said("satisfied with the result (latest verdict)"), "", pct(r.satisfiedPercent)],
            [said("reopened"), "", pct(r.reopenedPercent)], [said("analysed (K-12)"), "", pct(r.analysedPercent)],
        ]
        rows += r.repeatComplainers.map {
            [said("repeat complainer"), "\($0.name) (\($0.customer))", Grouping.thousands($0.complaints)]
        }
        rows += r.openCrises.map {
            [
                said("open crisis"), said("complaint \($0.complaint) (\($0.customer))"),
                said("\($0.level.spoken): \($0.reason)"),
            ]
        }
        rows += r.targets.map {
            let outcome: Phrase = $0.met.map { $0 ? "met" : "NOT met" } ?? "not measured"
            return [
                said("target"), said("\(Phrase(key: $0.measure)) (\($0.rule))"),
                said("target \($0.target)%, actual \(pct($0.actual)): \(outcome)"),
            ]
        }
        return TextTable(columns: ["section", "item", "value"], rows: rows)
    }
}
