import ArgumentParser
import Campaigns
import Core
import Customers
import Foundation
import Messaging
import MessagingDelivery
import Storage

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: say("Segments of the customer base for campaigns (M-2), as filter expressions."),
        discussion: say(
            """
            A filter combines comparisons with and, or, not and parentheses: FIELD OP VALUE, OP one of = != < <= > >=,
            or FIELD in (V1, V2). Text in quotes when it has spaces. Fields:
            \(SegmentField.allCases.map { "  \($0.rawValue): \(say($0.help))" }.joined(separator: "\n"))
            Example: class = retained and make = Volkswagen and (last-visit-days > 180 or mileage >= 30000)
            """),
        subcommands: [Create.self, Show.self, Preview.self, List.self, Members.self, Edit.self, Retire.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Save a segment under a name."),
            discussion: Help.text(
                "aftersales segment create lapsed-vw --filter \"class = retained and make = Volkswagen and "
                    + "last-visit-days > 180\"",
                permission: .manageCampaigns))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("The filter expression (see `aftersales segment --help`)."))) var filter: String
        @Option(help: ArgumentHelp(say("What it is for."))) var description: String?

        func run() throws {
            let db = try global.open()
            var form = SegmentForm()
            form.name = name
            form.filter = filter
            form.description = description
            // The same form as POST /v1/segments; a problem names the option (issue 14).
            let segment = try SegmentForm.Field.naming(CLIFields.segment) {
                let valid = try form.validated()
                return try db.createSegment(
                    name: valid.name, filter: valid.filter, description: valid.description,
                    actor: global.actorName)
            }
            try global.output.emit(
                segment,
                table: .record([
                    ("segment", segment.name), ("filter", segment.filter), ("description", segment.description),
                ]))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("A segment and who it holds now."),
            discussion: Help.text("aftersales segment show lapsed-vw", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String

        func run() throws {
            let db = try global.open()
            let segment = try db.segment(named: name)
            try SegmentCommand.emit(try db.previewSegment(filter: segment.filter), name: segment.name, global: global)
        }
    }

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Count who a filter holds, and whom each channel reaches, without saving it."),
            discussion: Help.text(
                "aftersales segment preview --filter \"birthday-month = 12 and consent-sms = opt-in\"",
                permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("The filter expression."))) var filter: String

        func run() throws {
            try SegmentCommand.emit(try global.open().previewSegment(filter: filter), name: nil, global: global)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Saved segments."),
            discussion: Help.text("aftersales segment list", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let items = try global.open().segments()
            try global.output.emit(
                items,
                table: TextTable(
                    columns: ["segment", "filter", "description"],
                    rows: items.map { [$0.name, $0.filter, $0.description ?? ""] }))
        }
    }

    static func emit(_ preview: SegmentPreview, name: String?, global: GlobalOptions) throws {
        try global.output.emit(
            preview,
            table: TextTable(
                columns: ["", "customers", "with address", "opted in", "opted out"],
                rows: [[Phrase("segment \(name ?? "")").rendered(), String(preview.customers), "", "", ""]]
                    + preview.channels.map {
                        [
                            $0.channel.spoken.rendered(), "", String($0.withAddress), String($0.optedIn),
                            String($0.optedOut),
                        ]
                    }),
            footer: preview.sample.isEmpty
                ? "filter: \(preview.filter)\nvehicles matched: \(preview.vehicles)"
                : "filter: \(preview.filter)\nvehicles matched: \(preview.vehicles)\n"
                    + "for example: \(preview.sample.joined(separator: ", "))")
    }
}

struct CampaignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "campaign",
        abstract:
            say(
                "Campaigns (M-2 to M-4): a segment, a channel, a template; run queues the messages, report shows reach "
                    + "and conversion."),
        discussion: say(
            "Template fields: \(PersonalFields.names.sorted().map { "{{\($0)}}" }.joined(separator: " "))."),
        subcommands: [
            Create.self, Show.self, Edit.self, Render.self, Run.self, Report.self, List.self, Respond.self, Retire.self,
        ])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Create a campaign on a saved segment."),
            discussion: Help.text(
                """
                aftersales campaign create winter-check --segment lapsed-vw --channel sms --category marketing \\
                    --template "尊敬的{{name}}{{title}}：冬季免费检测，您的{{vehicle}}（{{plate}}）欢迎到店。{{dealer}}"
                aftersales campaign create recall-letter --segment recall-open --channel email --category recall \
                --subject "召回通知" --template-file recall.mustache
                """, permission: .manageCampaigns,
                more:
                    "Categories: marketing (needs an opt-in, SMS capped), service (honours an opt-out), recall "
                    + "(always goes out)."
            ))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("Saved segment."))) var segment: String
        @Option(help: ArgumentHelp(say("email, sms or letter."))) var channel: MessageChannel
        @Option(help: ArgumentHelp(say("marketing, service or recall."))) var category: MessageCategory
        @Option(help: ArgumentHelp(say("E-mail subject (may use fields)."))) var subject: String?
        @Option(help: ArgumentHelp(say("The message template (mustache)."))) var template: String?
        @Option(name: .customLong("template-file"), help: ArgumentHelp(say("Read the template from a UTF-8 file.")))
        var templateFile: String?
        @Option(
            name: .customLong("response-window"),
            help: ArgumentHelp(
                say("Days a response counts for the campaign (default: setting campaigns.response-window-days).")))
        var responseWindow: Int?

        func validate() throws {
            guard (template == nil) != (templateFile == nil) else {
                throw ValidationError(say("give --template or --template-file"))
            }
        }

        func run() throws {
            var form = CampaignForm()
            form.name = name
            form.segment = segment
            form.channel = channel.rawValue
            form.category = category.rawValue
            form.subject = subject
            form.template = try template ?? Parse.textFile(templateFile!, field: "template-file")
            form.responseWindowDays = responseWindow
            let db = try global.open()
            // The same form as POST /v1/campaigns; a problem names the option (issue 14).
            let campaign = try CampaignForm.Field.naming(CLIFields.campaign(templateFile: templateFile != nil)) {
                let valid = try form.validated()
                return try db.createCampaign(
                    name: valid.name, segment: valid.segment, channel: valid.channel,
                    category: valid.category, subject: valid.subject, template: valid.template,
                    responseWindowDays: valid.responseWindowDays, actor: global.actorName)
            }
            try CampaignCommand.show(campaign, global: global)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("A campaign."),
            discussion: Help.text("aftersales campaign show winter-check", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        func run() throws { try CampaignCommand.show(try global.open().campaign(named: name), global: global) }
    }

    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say("Test-render the campaign's message for one customer; a field the customer's data lacks is named."),
            discussion: Help.text("aftersales campaign render winter-check --customer 12", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID

        func run() throws {
            let rendered = try global.open().renderCampaign(name, customer: customer)
            try global.output.emit(
                ["subject": rendered.subject, "body": rendered.body],
                table: .record([("subject", rendered.subject), ("body", rendered.body)]))
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Select → suppress → render → queue; --dry-run prints the counts and writes nothing. Running it "
                        + "again queues nobody twice."),
            discussion: Help.text(
                "aftersales campaign run winter-check --dry-run\naftersales campaign run winter-check --format json",
                permission: .manageCampaigns))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Flag(name: .customLong("dry-run"), help: ArgumentHelp(say("Count only; write nothing."))) var dryRun = false

        func run() throws {
            let db = try global.open()
            let result = try db.holding("aftersales campaign run \(name)", actor: global.actorName) {
                try db.runCampaign(name, dryRun: dryRun, actor: global.actorName)
            }
            let c = result.counts
            var rows: [[String]] = [
                [say("selected"), String(c.selected)], [say("already queued (skipped)"), String(c.alreadyQueued)],
            ]
            rows += c.suppressed.sorted { $0.key < $1.key }.map {
                let code = SuppressionReason.Code(rawValue: $0.key)
                return [
                    say("suppressed: \(code?.spoken ?? Phrase(verbatim: $0.key)) (\(code?.rule ?? ""))"),
                    String($0.value),
                ]
            }
            rows += [[say("rendered"), String(c.rendered)]]
            if c.degraded > 0 {
                rows += [[say("rendered without some personal fields (recall, W-6)"), String(c.degraded)]]
            }
            rows += [[say(dryRun ? "would queue" : "queued"), String(c.queued)]]
            try global.output.emit(
                result, table: TextTable(columns: ["step", "count"], rows: rows),
                footer: dryRun ? "dry run: nothing written" : nil)
        }
    }

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Reach, suppression, delivery, responses and conversion (M-4)."),
            discussion: Help.text("aftersales campaign report winter-check", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String

        func run() throws {
            let r = try global.open().campaignReport(name)
            var rows: [[String]] = [
                [say("reach (queued, sent, failed)"), String(r.reach)],
                [say(MessageState.queued.spoken), String(r.queued)], [say(MessageState.sent.spoken), String(r.sent)],
                [say(MessageState.failed.spoken), String(r.failed)],
            ]
            rows += r.suppressed.sorted { $0.key < $1.key }.map {
                let code = SuppressionReason.Code(rawValue: $0.key)?.spoken ?? Phrase(verbatim: $0.key)
                return [say("suppressed: \(code)"), String($0.value)]
            }
            rows += r.responses.sorted { $0.key < $1.key }.map {
                let kind = ResponseKind(rawValue: $0.key)?.spoken ?? Phrase(verbatim: $0.key)
                return [say("response: \(kind)"), String($0.value)]
            }
            let conversion: String = r.conversionPercent.map { String(format: "%.1f%%", $0) } ?? say("n/a")
            rows.append([say("conversion (booked or visited per 100 reached)"), conversion])
            try global.output.emit(r, table: TextTable(columns: ["measure", "count"], rows: rows))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Campaigns."), discussion: Help.text("aftersales campaign list", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let items = try db.campaigns()
            try global.output.emit(
                items,
                table: TextTable(
                    columns: ["campaign", "segment", "channel", "category", "created"],
                    rows: items.map {
                        [
                            $0.name, $0.segment, $0.channel.spoken.rendered(), $0.category.spoken.rendered(),
                            Instant.localString($0.createdAt, in: zone),
                        ]
                    }))
        }
    }

    struct Respond: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Record a customer's response (M-4); it counts for the campaign they heard from last within its "
                        + "window."),
            discussion: Help.text(
                "aftersales campaign respond --customer 12 --kind appointment", permission: .manageCampaigns,
                more:
                    "Contacts logged with outcome booked, inbound visits and replies are counted the same way "
                    + "automatically."
            ))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        @Option(help: ArgumentHelp(say("appointment, visit, reply or opt-out."))) var kind: ResponseKind
        @Option(help: ArgumentHelp(say("When (default now).")), transform: Typed.time) var at: WallTime?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let campaign = try db.recordResponse(
                customer: customer, kind: kind, at: at?.instant(in: zone),
                source: "cli", actor: global.actorName)
            guard let campaign else {
                throw Conflict(
                    field: "customer", "no campaign message reached customer \(customer) within its response window")
            }
            global.output.note("counted for campaign \(campaign)")
            if global.format == .json { print(#"{"campaign":"\#(campaign)"}"#) }
        }
    }

    static func show(_ c: Campaign, global: GlobalOptions) throws {
        try global.output.emit(
            c,
            table: .record([
                ("campaign", c.name), ("segment", c.segment), ("channel", c.channel.spoken.rendered()),
                ("category", c.category.spoken.rendered()),
                ("subject", c.subject), ("template", c.template),
                ("response window", say("\(c.responseWindowDays) days")),
            ]))
    }
}

struct OutboxCommand: ParsableCommand {
    /// A key of `outbox list --counts` (`sms queued`, `sms suppressed: no-opt-in`) as people read it.
    static func countName(_ key: String) -> String {
        let parts = key.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let channel = MessageChannel(rawValue: parts[0]) else { return key }
        if let state = MessageState(rawValue: parts[1]) { return say("\(channel.spoken) \(state.spoken)") }
        let code = SuppressionReason.Code.spoken(stored: String(parts[1].dropFirst("suppressed: ".count)))
        return say("\(channel.spoken) \(MessageState.suppressed.spoken): \(code)")
    }

    static let configuration = CommandConfiguration(
        commandName: "outbox",
        abstract: say("The outbox: list, deliver (mbox, Maildir, sendmail, SMS or letter CSV), feed back results."),
        subcommands: [List.self, Deliver.self, Cancel.self, Results.self])

    /// Which queued messages a delivery or a cancel takes; nothing by default.
    struct Selection: ParsableArguments {
        @Option(help: ArgumentHelp(say("Only this campaign's messages."))) var campaign: String?
        @Flag(help: ArgumentHelp(say("Only reminder messages (M-1: maintenance, warranty, recalls, birthdays...).")))
        var reminders = false
        @Option(
            help: ArgumentHelp(
                say("Only this category: \(MessageCategory.allCases.map(\.rawValue).joined(separator: ", ")).")))
        var category: MessageCategory?
        @Flag(help: ArgumentHelp(say("Every queued message of the channel."))) var all = false

        var value: OutboxSelection {
            OutboxSelection(campaign: campaign, remindersOnly: reminders, category: category, everything: all)
        }

        func validate() throws {
            do { try value.validate() } catch let problem as InvalidInput { throw ValidationError(problem.reason) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Messages, newest first; --counts for totals by channel, state and suppression reason."),
            discussion: Help.text(
                "aftersales outbox list --state suppressed --campaign winter-check\naftersales outbox list --counts",
                permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("queued, sent, failed, suppressed or cancelled."))) var state: MessageState?
        @Option(help: ArgumentHelp(say("email, sms or letter."))) var channel: MessageChannel?
        @Option(help: ArgumentHelp(say("Only this campaign."))) var campaign: String?
        @Option(help: ArgumentHelp(say("Only this customer.")), transform: Typed.id) var customer: Customer.ID?
        @Flag(help: ArgumentHelp(say("Totals instead of messages."))) var counts = false
        @Option(help: ArgumentHelp(say("At most this many."))) var limit = 100
        @Option(help: ArgumentHelp(say("Skip this many."))) var offset = 0

        func validate() throws {
            guard (1...100_000).contains(limit) else { throw ValidationError(say("--limit takes 1 to 100000")) }
        }

        func run() throws {
            let db = try global.open()
            if counts {
                let totals = try db.outboxCounts()
                return try global.output.emit(
                    totals,
                    table: TextTable(
                        columns: ["what", "count"],
                        rows: totals.sorted { $0.key < $1.key }.map {
                            [OutboxCommand.countName($0.key), String($0.value)]
                        }
                    ))
            }
            let page = try db.outbox(
                OutboxFilter(
                    state: state, channel: channel,
                    campaign: campaign, customer: customer, limit: limit, offset: offset))
            try global.output.emit(
                page: page,
                table: TextTable(
                    columns: ["id", "customer", "channel", "category", "state", "reason", "recipient", "text"],
                    rows: page.items.map {
                        [
                            $0.id?.description ?? "", "\($0.recipientName) (\($0.customerID))",
                            $0.channel.spoken.rendered(), $0.category.spoken.rendered(), $0.state.spoken.rendered(),
                            $0.reason.map { SuppressionReason.Code.spoken(stored: $0).rendered() } ?? "",
                            $0.recipient ?? "", String($0.body.prefix(40)),
                        ]
                    }))
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Deliver the queued messages of one channel. Consent and the SMS cap are checked again first (M-3)."
                ),
            discussion: Help.text(
                """
                aftersales outbox deliver --campaign winter-check --sms-csv sms-$(date +%F).csv
                aftersales outbox deliver --reminders --mbox /var/spool/aftersales/out.mbox
                aftersales outbox deliver --category recall --letter-csv letters.csv
                aftersales outbox deliver --all --maildir /var/spool/aftersales/Maildir
                aftersales outbox deliver --all --sendmail /usr/sbin/sendmail
                """, permission: .manageCampaigns,
                more: """
                    Say which messages: --campaign, --reminders, --category (alone or with one of the others) or --all.
                    mbox, Maildir and CSV outputs hold each message exactly once, even after a run is killed and run \
                    again; a sendmail
                    pipe gets it at least once, with a stable Message-ID. Exit 3 when some messages failed.
                    """))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: Selection
        @Option(help: ArgumentHelp(say("Append e-mails to this mbox file."))) var mbox: String?
        @Option(help: ArgumentHelp(say("Write e-mails into this Maildir."))) var maildir: String?
        @Option(help: ArgumentHelp(say("Pipe e-mails to this sendmail-compatible program (-t -oi)."))) var sendmail:
            String?
        @Option(name: .customLong("sms-csv"), help: ArgumentHelp(say("Append SMS to this CSV for the gateway.")))
        var smsCSV: String?
        @Option(name: .customLong("letter-csv"), help: ArgumentHelp(say("Append letters to this mail-merge CSV.")))
        var letterCSV: String?
        @Option(help: ArgumentHelp(say("Deliver at most this many."))) var limit: Int?
        @Option(
            name: .customLong("batch-size"),
            help: ArgumentHelp(say("Messages per batch (each batch is flushed, then marked sent).")))
        var batchSize = 500
        @Flag(help: ArgumentHelp(say("No progress on the terminal."))) var quiet = false

        func validate() throws {
            guard [mbox, maildir, sendmail, smsCSV, letterCSV].compactMap({ $0 }).count == 1 else {
                throw ValidationError(say("give exactly one of --mbox, --maildir, --sendmail, --sms-csv, --letter-csv"))
            }
            guard (1...100_000).contains(batchSize) else {
                throw ValidationError(say("--batch-size takes 1 to 100000"))
            }
        }

        func run() throws {
            let db = try global.open()
            let output: any MessageOutput
            if let mbox {
                output = try MboxOutput(path: mbox)
            } else if let maildir {
                output = try MaildirOutput(directory: maildir)
            } else if let sendmail {
                output = try SendmailOutput(program: sendmail)
            } else if let smsCSV {
                output = try CSVOutput(path: smsCSV, channel: .sms)
            } else {
                output = try CSVOutput(path: letterCSV!, channel: .letter)
            }
            let terminal = !quiet && isatty(STDERR_FILENO) == 1
            let start = Date()
            let report = try db.holding("aftersales outbox deliver", actor: global.actorName) {
                try OutboxDelivery.deliver(
                    db, to: output, selection: selection.value, batchSize: batchSize, limit: limit
                ) { done in
                    guard terminal else { return }
                    let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001)
                    FileHandle.standardError.write(
                        Data(String(format: "\r%@ messages, %.0f/s   ", Grouping.thousands(done), rate).utf8))
                }
            }
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
            try global.output.emit(
                report,
                table: .record([
                    ("output", report.output), ("recovered from an interrupted run", String(report.recovered)),
                    ("sent", String(report.sent)), ("failed", String(report.failed)),
                    ("suppressed at delivery (M-3)", String(report.suppressed)),
                ]))
            if report.failed > 0 { throw ExitCode(3) }
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Withdraw queued messages before they are delivered (audited); they are never delivered nor queued "
                        + "again."),
            discussion: Help.text(
                """
                aftersales outbox cancel --campaign winter-check --reason "模板写错，重新发送"
                aftersales outbox cancel --reminders --channel sms --reason "短信网关停用"
                """, permission: .manageCampaigns, more: "Messages a delivery has in flight are left to it and counted."
            ))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: Selection
        @Option(
            help: ArgumentHelp(
                say("Only this channel: \(MessageChannel.allCases.map(\.rawValue).joined(separator: ", ")).")))
        var channel: MessageChannel?
        @Option(help: ArgumentHelp(say("Why (kept with each message and in the audit log)."))) var reason: String

        func run() throws {
            let result = try global.open().cancelQueued(
                selection.value, channel: channel, reason: reason, actor: global.actorName)
            try global.output.emit(
                result,
                table: .record([
                    ("cancelled", String(result.cancelled)),
                    ("in flight in a delivery (left to it)", String(result.inFlight)),
                ]))
        }
    }

    struct Results: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Feed back delivery results: a CSV message_id,status[,detail] with status delivered or failed."),
            discussion: Help.text(
                "aftersales outbox results gateway-report-2026-12-01.csv", permission: .manageCampaigns,
                more: "Each line stands alone: bad lines are reported with their number and the rest apply (exit 3)."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The results file (UTF-8 CSV with a header row)."))) var file: String

        func run() throws {
            let text = try Parse.textFile(file, field: "file")
            var lines: [(line: Int, messageID: String, status: String, detail: String?)] = []
            var rejected: [String] = []
            for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if index == 0 || line.isEmpty { continue }
                let fields = line.split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false).map {
                    $0.trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                }
                guard fields.count >= 2 else {
                    rejected.append(say("\(file):\(index + 1): expected message_id,status[,detail]"))
                    continue
                }
                lines.append((index + 1, fields[0], fields[1], fields.count > 2 ? fields[2] : nil))
            }
            var results = try global.open().applyDeliveryResults(lines, actor: global.actorName)
            results.rejected = rejected + results.rejected.map { "\(file):\($0)" }
            for line in results.rejected { printError("\(line)") }
            try global.output.emit(
                results,
                table: .record([
                    ("applied", String(results.applied)), ("unchanged", String(results.unchanged)),
                    ("rejected", String(results.rejected.count)),
                ]))
            if !results.rejected.isEmpty { throw ExitCode(results.applied + results.unchanged == 0 ? 1 : 3) }
        }
    }
}

struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: say("Consent and opt-out per customer and channel (M-3), with time and source."),
        subcommands: [Set.self, Show.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record an opt-in or an opt-out."),
            discussion: Help.text(
                "aftersales consent set 12 --channel sms --status opt-in --source \"到店登记表 2026-11-20\"",
                permission: .logContacts))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        @Option(help: ArgumentHelp(say("email, sms or letter."))) var channel: MessageChannel
        @Option(help: ArgumentHelp(say("opt-in or opt-out."))) var status: ConsentStatus
        @Option(help: ArgumentHelp(say("Where it comes from (form, call, reply…)."))) var source: String
        @Option(help: ArgumentHelp(say("When it was given (default now).")), transform: Typed.time) var at: WallTime?

        func run() throws {
            var form = ConsentForm()
            form.customer = customer.rawValue
            form.channel = channel.rawValue
            form.status = status.rawValue
            form.source = source
            form.at = at?.text
            let db = try global.open()
            let zone = try db.settings().timeZone
            // The same form as PUT /v1/customers/{id}/consent/{channel}; a problem names the option (issue 14).
            let card = try ConsentForm.Field.naming(CLIFields.consent) {
                let valid = try form.validated(timeZone: zone)
                return try db.setConsent(
                    customer: valid.customer, channel: valid.channel, status: valid.status,
                    source: valid.source, at: valid.at, actor: global.actorName)
            }
            try ConsentCommand.show(card, zone: zone, global: global)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("A customer's consent per channel and its history."),
            discussion: Help.text("aftersales consent show 12", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        func run() throws {
            let db = try global.open()
            try ConsentCommand.show(try db.consentCard(customer), zone: try db.settings().timeZone, global: global)
        }
    }

    static func show(_ card: ConsentCard, zone: TimeZone, global: GlobalOptions) throws {
        try global.output.emit(
            card,
            table: TextTable(
                columns: ["channel", "status", "since", "source"],
                rows: MessageChannel.allCases.map { channel in
                    let c = card.current.first { $0.channel == channel }
                    return [
                        channel.spoken.rendered(),
                        c?.status.spoken.rendered() ?? say("none (marketing needs an opt-in)"),
                        c.map { Instant.localString($0.at, in: zone) } ?? "", c?.source ?? "",
                    ]
                }), footer: "\(card.name) (\(card.customer)): \(grouped: card.history.count) change(s) recorded")
    }
}

struct RemindersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reminder",
        abstract:
            say(
                "Standing reminder campaigns (M-1, C-7): first and periodic maintenance, warranty expiry, inspection, "
                    + "insurance, open recalls, birthdays."),
        subcommands: [Run.self],
        aliases: ["reminders"])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Queue the reminders due; run it daily from cron. Each event is reminded once, however often it "
                        + "runs."
                ),
            discussion: Help.text(
                "15 7 * * * aftersales reminders run --actor cron --format json\naftersales reminder run --dry-run",
                permission: .manageCampaigns,
                more: "Kinds: \(kinds)."
            ))

        /// The reminder kinds with their rule and category, as `--help` lists them.
        static var kinds: String {
            ReminderKind.allCases.map { "\($0.rawValue) (\($0.rule), \($0.category.rawValue))" }.joined(separator: ", ")
        }

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("as-of"), help: ArgumentHelp(say("The day (default today).")), transform: Typed.day)
        var asOf: LocalDate?
        @Option(help: ArgumentHelp(say("Only these kinds (repeatable)."))) var kind: [ReminderKind] = []
        @Flag(name: .customLong("dry-run"), help: ArgumentHelp(say("Count what would be queued; write nothing.")))
        var dryRun = false

        func run() throws {
            let db = try global.open()
            let day = try asOf ?? LocalDate(instant: db.now, in: try db.settings().timeZone)
            let kinds: [ReminderKind] = kind.isEmpty ? ReminderKind.allCases : kind
            let run = try db.runReminders(asOf: day, kinds: kinds, dryRun: dryRun, actor: global.actorName)
            let columns = ["reminder", "rule", "due", "already queued", "queued", "without some fields", "suppressed"]
            try global.output.emit(
                run,
                table: TextTable(
                    columns: columns,
                    rows: run.kinds.map {
                        [
                            $0.kind.spoken.rendered(), $0.rule, String($0.due), String($0.alreadyQueued),
                            String($0.queued), String($0.degraded),
                            $0.suppressed.sorted { $0.key < $1.key }.map {
                                let code = SuppressionReason.Code(rawValue: $0.key)?.spoken ?? Phrase(verbatim: $0.key)
                                return say("\(code) \($0.value)")
                            }.joined(separator: ", "),
                        ]
                    }),
                footer: run.dryRun
                    ? "as of \(run.asOf); dry run: nothing written, the queued column is what a run would queue"
                    : "as of \(run.asOf)")
        }
    }
}

struct ValueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "value",
        abstract:
            say(
                "Customer value (M-5): service revenue per customer and the ranking used by segments (value, "
                    + "value-rank)."
            ),
        subcommands: [Add.self, Import.self, Rank.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record service revenue for a customer."),
            discussion: Help.text(
                "aftersales value add --customer 12 --amount 1280.00 --on 2026-11-20 --reference RO-2026-1123",
                permission: .manageCampaigns))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        @Option(help: ArgumentHelp(say("Amount in yuan, such as 1280.00.")), transform: Typed.money) var amount: Money
        @Option(help: ArgumentHelp(say("The day, YYYY-MM-DD.")), transform: Typed.day) var on: LocalDate
        @Option(help: ArgumentHelp(say("Invoice or repair order (the same one twice is refused)."))) var reference:
            String?

        func run() throws {
            try global.open().addRevenue(
                customer: customer, on: on, amount: amount, reference: reference,
                source: "entered", actor: global.actorName)
            global.output.note("revenue recorded")
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Import revenue: CSV customer,day,amount,reference with a header; each line stands alone (exit 3 "
                        + "when some are rejected)."),
            discussion: Help.text(
                "aftersales value import revenue-2026.csv", permission: .manageCampaigns,
                more:
                    "A line already imported (same customer, day, reference) is counted unchanged, so the file can be "
                    + "imported again."
            ))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The CSV file."))) var file: String

        func run() throws {
            let text = try Parse.textFile(file, field: "file")
            let db = try global.open()
            var added = 0
            var unchanged = 0
            var rejected = 0
            for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                if index == 0 || line.isEmpty { continue }
                let f = line.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmed() }
                do {
                    guard f.count >= 3 else { throw InvalidInput(field: nil, "expected customer,day,amount,reference") }
                    try db.addRevenue(
                        customer: try Parse.customerID(f[0]), on: try Parse.day(f[1], field: "day"),
                        amount: try Parse.money(f[2], field: "amount"),
                        reference: f.count > 3 ? f[3] : nil, source: "import \((file as NSString).lastPathComponent)",
                        actor: global.actorName)
                    added += 1
                } catch let error as Conflict where error.field == "reference" {
                    unchanged += 1
                } catch let error as any AfterSalesError {
                    rejected += 1
                    printError("\(file):\(index + 1): \(error.description)")
                }
            }
            try global.output.emit(
                ["added": added, "unchanged": unchanged, "rejected": rejected],
                table: .record([
                    ("added", String(added)), ("unchanged", String(unchanged)), ("rejected", String(rejected)),
                ]))
            if rejected > 0 { throw ExitCode(added + unchanged == 0 ? 1 : 3) }
        }
    }

    struct Rank: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Customers ranked by service revenue, with open complaints and the latest complaint verdict beside "
                        + "it."
                ),
            discussion: Help.text("aftersales value rank --limit 20", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("How many."))) var limit = 50

        func run() throws {
            let items = try global.open().valueRanking(limit: limit)
            try global.output.emit(
                items,
                table: TextTable(
                    columns: ["rank", "customer", "class", "value", "entries", "open complaints", "latest verdict"],
                    rows: items.map {
                        [
                            String($0.rank), "\($0.name) (\($0.customer))", say($0.customerClass.spoken),
                            $0.value.description, String($0.entries), String($0.openComplaints),
                            $0.latestSatisfaction.map { say(Phrase(key: $0)) } ?? "",
                        ]
                    }))
        }
    }
}

extension MessageCategory: ExpressibleByArgument {}
extension MessageChannel: ExpressibleByArgument {}
