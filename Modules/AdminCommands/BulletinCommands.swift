import ArgumentParser
import Core
import Foundation
import ManufacturerImport
import ManufacturerXML
import Messaging
import Storage
import Warranty

struct BulletinsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bulletin",
        abstract: say("Manufacturer bulletins (W-6): recalls, service campaigns, TSBs, warranty extensions."),
        subcommands: [List.self, Show.self, Affected.self, Add.self, Complete.self],
        aliases: ["bulletins"])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Bulletins; with --vin those that apply to a vehicle, --open only open recalls and campaigns."),
            discussion: Help.text(
                "aftersales bulletins list --kind recall\naftersales bulletins list --vin LFV2A21K3N3000123 --open",
                permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("recall, campaign, tsb or extension."))) var kind: Bulletin.Kind?
        @Option(help: ArgumentHelp(say("Only the bulletins of this vehicle."))) var vin: String?
        @Flag(help: ArgumentHelp(say("With --vin: only open recalls and campaigns."))) var open = false
        @OptionGroup var page: PageOptions

        func run() throws {
            let db = try global.open()
            if let vin {
                let found = try db.bulletins(forVIN: try db.vehicleVIN(named: vin)).filter {
                    (kind == nil || $0.kind == kind) && (!open || $0.open)
                }
                try global.output.emit(found, table: Present.vehicleBulletins(found))
            } else {
                if open { throw InvalidInput(field: "open", "--open needs --vin") }
                let bulletins = try db.listBulletins(kind: kind, limit: page.limit, offset: page.offset)
                let columns = ["number", "kind", "rev", "issued", "status", "component", "title"]
                try global.output.emit(
                    page: bulletins,
                    table: TextTable(
                        columns: columns,
                        rows: bulletins.items.map {
                            [
                                $0.number, $0.kind.spoken.rendered(), String($0.revision), $0.issued.description,
                                $0.status.spoken.rendered(), $0.component, $0.title,
                            ]
                        }))
            }
        }
    }

    struct Affected: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "The recall's work list (W-6): our customers' vehicles it applies to, with phone, consent and "
                        + "completion."),
            discussion: Help.text(
                """
                aftersales bulletin affected RC-2026-017 --open
                aftersales bulletin affected RC-2026-017 --format csv --limit 10000 > recall-calls.csv
                """, permission: .readCustomers,
                more: "Open ones first; \"possible\" when the build date or model year is unknown."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Bulletin number."))) var number: String
        @Option(help: ArgumentHelp(say("Manufacturer, when several use the number."))) var manufacturer: String?
        @Flag(help: ArgumentHelp(say("Only vehicles where the work is not completed."))) var open = false
        @OptionGroup var page: PageOptions

        func run() throws {
            let found = try global.open().bulletinAffected(
                number: number, manufacturer: manufacturer, openOnly: open, limit: page.limit,
                offset: page.offset)
            let columns = ["vin", "plate", "vehicle", "customer", "phone", "sms", "email", "match", "completed"]
            try global.output.emit(
                page: found,
                table: TextTable(
                    columns: columns,
                    rows: found.items.map {
                        [
                            $0.vin.value, $0.plate ?? "", "\($0.make) \($0.model)", "\($0.customer) (\($0.customerID))",
                            $0.phones.first ?? "",
                            say(
                                $0.consent["sms"].flatMap(ConsentStatus.init(rawValue:))?.spoken
                                    ?? Phrase(key: $0.consent["sms"] ?? "none")),
                            $0.email ?? "", Bulletin.spokenMatch($0.match).rendered(),
                            $0.completedOn?.description ?? say("open"),
                        ]
                    }))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "A bulletin with its revisions and reach: the dealer's vehicles and master-data vehicles affected, "
                        + "and how many are done."),
            discussion: Help.text("aftersales bulletins show RC-2026-017", permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Bulletin number."))) var number: String
        @Option(help: ArgumentHelp(say("Manufacturer, when several use the number."))) var manufacturer: String?

        func run() throws {
            let report = try global.open().bulletinReport(number: number, manufacturer: manufacturer)
            let b = report.bulletin
            let history: String = report.revisions.map(String.init).joined(separator: ", ")
            let models: String? =
                b.models.isEmpty
                ? nil
                : b.models.map { m -> String in
                    "\(m.make) \(m.name) \(m.yearFrom.map(String.init) ?? "")-\(m.yearTo.map(String.init) ?? "")"
                }.joined(separator: "; ")
            let built: String? =
                b.built.isEmpty
                ? nil
                : b.built.map { c -> String in "\(c.from?.description ?? "…")–\(c.to?.description ?? "…")" }.joined(
                    separator: "; ")
            let ranges: String? =
                b.vinRanges.isEmpty
                ? nil : b.vinRanges.map { r -> String in "\(r.from)–\(r.to)" }.joined(separator: "; ")
            let list: String? = report.vinListSize == 0 ? nil : say("\(grouped: report.vinListSize) VINs")
            let ext: String? = b.extensionMonths.map { m -> String in
                say("\(m) months or \(grouped: b.extensionKilometres ?? 0) km")
            }
            var pairs: [(String, String?)] = [
                ("number", b.number), ("manufacturer", b.manufacturer), ("kind", say(b.kind.spoken)),
            ]
            pairs.append(("revision", say("\(b.revision) (history: \(history))")))
            pairs += [
                ("status", say(b.status.spoken)), ("issued", b.issued.description), ("title", b.title),
                ("component", b.component),
            ]
            pairs += [("summary", b.summary), ("consequence", b.consequence), ("remedy", b.remedy)]
            pairs += [
                ("models", models), ("built", built), ("VIN ranges", ranges), ("VIN list", list), ("extension", ext),
            ]
            let reach: Phrase =
                "\(report.dealerVehiclesAffected) affected, "
                + "\(report.dealerVehiclesPossible) possible (build date or model year unknown)"
            pairs.append(("dealer's vehicles", say(reach)))
            pairs += [
                ("master-data vehicles", String(report.masterDataVehiclesAffected)),
                ("completed", String(report.completed)),
            ]
            try global.output.emit(report, table: .record(pairs))
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say("Add bulletins from a manufacturer XML file, or one by hand; revisions follow the import's rules."),
            discussion: Help.text(
                """
                aftersales bulletins add --file RC-2026-017.xml
                aftersales bulletins add --number RC-2026-017 --kind recall --revision 1 --issued 2026-10-12 \\
                    --title 前制动软管可能磨损 --component 制动系统 --summary "前制动软管可能与悬架部件摩擦" --remedy "检查并更换前制动软管" \\
                    --model Volkswagen:Sagitar:2022-2024 --built 2022-03-01:2023-06-30 --vin-range \
                LFV2A21K0N3000001:LFV2A21K0N3099999
                """, permission: .manageBulletins,
                more:
                    "A file is a manufacturer data file (MANUFACTURER-XML.md) holding a Bulletins section; all its "
                    + "bulletins are stored in one transaction, or none. A DOCTYPE is refused."
            ))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("A manufacturer XML file with a Bulletins section."))) var file: String?
        @Option(help: ArgumentHelp(say("Manufacturer."))) var manufacturer = "FAW-Volkswagen"
        @Option(help: ArgumentHelp(say("Bulletin number."))) var number: String?
        @Option(help: ArgumentHelp(say("recall, campaign, tsb or extension."))) var kind: Bulletin.Kind?
        @Option(help: ArgumentHelp(say("Revision (1 or more)."))) var revision = 1
        @Option(help: ArgumentHelp(say("Issue date, YYYY-MM-DD.")), transform: Typed.day) var issued: LocalDate?
        @Option(help: ArgumentHelp(say("active or withdrawn."))) var status: Bulletin.Status = .active
        @Option var title: String?
        @Option var component: String?
        @Option var summary: String?
        @Option var consequence: String?
        @Option var remedy: String?
        @Option(help: ArgumentHelp(say("MAKE:MODEL[:FROM-TO]; repeatable."))) var model: [String] = []
        @Option(
            help: ArgumentHelp(say("FROM:TO build dates (either may be empty); repeatable.")),
            transform: Typed.builtRange)
        var built: [Bulletin.BuiltCriterion] = []
        @Option(
            name: .customLong("vin-range"), help: ArgumentHelp(say("FROM:TO VINs; repeatable.")),
            transform: Typed.vinPair)
        var vinRange: [(from: VIN, to: VIN)] = []
        @Option(help: ArgumentHelp(say("A listed VIN; repeatable.")), transform: Typed.vin) var vin: [VIN] = []
        @Option(
            help: ArgumentHelp(say("For extensions: MONTHS:KM from the warranty start.")),
            transform: Typed.extensionLimits)
        var `extension`: ExtensionLimits?

        func run() throws {
            let db = try global.open()
            if let file {
                // The same import as aftersales-import, limited to the Bulletins section: one transaction, revision
                // rules.
                let report = ManufacturerImporter.importFile(
                    path: file, into: db, actor: global.actorName, options: ImportOptions(sections: [.bulletins]),
                    rejections: { AftersalesImportCommand.printRejected($0, file: file) })
                try AftersalesImportCommand.finish([report], global: global, reportFile: nil)
                return
            }
            guard let number, let kind, let issued, let title, let component, let summary, let remedy else {
                throw InvalidInput(
                    field: "file",
                    "give --file FILE.xml, or --number, --kind, --issued, --title, --component, --summary and --remedy")
            }
            let models = try model.map { text -> Bulletin.ModelCriterion in
                let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                    throw InvalidInput(field: "model", "expected MAKE:MODEL[:FROM-TO], got \"\(text)\"")
                }
                var from: Int?
                var to: Int?
                if parts.count == 3 {
                    let years = parts[2].split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                    guard years.count == 2 else {
                        throw InvalidInput(field: "model", "years as FROM-TO, got \"\(parts[2])\"")
                    }
                    (from, to) = (years[0], years[1])
                }
                return Bulletin.ModelCriterion(make: parts[0], name: parts[1], yearFrom: from, yearTo: to)
            }
            // W-6: whether two VINs make a range is the bulletin's rule (exit 1), not their format.
            let ranges = try vinRange.map { try VinRange(from: $0.from, to: $0.to) }
            let bulletin = Bulletin(
                manufacturer: manufacturer, number: number, kind: kind, revision: revision,
                issued: issued, status: status, title: title, component: component,
                summary: summary, consequence: consequence, remedy: remedy, models: models,
                built: built, vinRanges: ranges, vins: vin, extensionMonths: `extension`?.months,
                extensionKilometres: `extension`?.kilometres)
            let result = try db.storeBulletin(bulletin, actor: global.actorName)
            if let warning = result.notice { printError("warning: \(warning)") }
            try global.output.emit(
                result,
                table: .record([
                    ("bulletin", "\(result.manufacturer) \(result.number)"), ("revision", String(result.revision)),
                    ("outcome", say(result.outcome.spoken)),
                    ("stored revision before", result.storedRevision.map(String.init)),
                ]))
        }
    }

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record a recall or campaign done on one vehicle; it closes for that VIN only."),
            discussion: Help.text(
                "aftersales bulletins complete RC-2026-017 --vin LFV2A21K3N3000123 --work-ref RO-2026-1123",
                permission: .recordWarrantyFacts))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Bulletin number."))) var number: String
        @Option(help: ArgumentHelp(say("Manufacturer, when several use the number."))) var manufacturer: String?
        @Option(help: ArgumentHelp(say("The vehicle."))) var vin: String
        @Option(help: ArgumentHelp(say("The day the work was done (default today).")), transform: Typed.day) var on:
            LocalDate?
        @Option(name: .customLong("work-ref"), help: ArgumentHelp(say("The repair order or work reference.")))
        var workRef: String?

        func run() throws {
            let db = try global.open()
            let day = try on ?? LocalDate(instant: db.now, in: try db.settings().timeZone)
            let done = try db.completeBulletin(
                number: number, manufacturer: manufacturer, vin: try db.vehicleVIN(named: vin), on: day,
                workRef: workRef, actor: global.actorName)
            try global.output.emit(done, table: Present.vehicleBulletins([done]))
        }
    }
}

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim",
        abstract: say(
            "Warranty claims (W-7): draft → submitted → approved / rejected → paid; resubmit after a rejection."),
        subcommands: [
            Create.self, Edit.self, Show.self, List.self, Export.self, Submit.self, Approve.self, Reject.self, Pay.self,
            Resubmit.self, Cancel.self,
        ],
        aliases: ["claims"])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Create a draft claim; the eligibility decision that justifies it is frozen with it."),
            discussion: Help.text(
                """
                aftersales claims create LFV2A21K3N3000123 --mileage 15230 --failure "前制动异响" --cause "制动软管磨损" \\
                    --labour "47 11 19 00:1.2" --part "5Q0 611 701 C:2:86.00" --repair-order RO-2026-1123 --line 2
                aftersales claims create LFV2A21K3N3000123 --mileage 152300 --failure "制动软管磨损" --cause "召回" \
                    --bulletin RC-2026-017 --labour "47 11 19 00:0.8"
                """, permission: .actOnClaims,
                more: """
                    Labour lines are priced at the setting labour.rate (Q-1); a claim the decision does not cover is \
                    refused.
                    With --bulletin the claim is for a recall's or campaign's remedy (W-6): covered while the bulletin \
                    is open
                    for the VIN, whatever the warranty.
                    """))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(help: ArgumentHelp(say("Kilometres at the repair."))) var mileage: Int
        @Option(help: ArgumentHelp(say("The failure as found."))) var failure: String
        @Option(help: ArgumentHelp(say("Its cause."))) var cause: String
        @Option(help: ArgumentHelp(say("CODE (the catalogue's standard hours) or CODE:HOURS; repeatable."))) var labour:
            [String] = []
        @Option(
            help: ArgumentHelp(
                say("NUMBER:QUANTITY (the catalogue's price on the day) or NUMBER:QUANTITY:PRICE; repeatable.")))
        var part: [String] = []
        @Option(name: .customLong("repair-order"), help: ArgumentHelp(say("Repair order."))) var repairOrder: String?
        @Option(help: ArgumentHelp(say("Line of the repair order."))) var line: String?
        @Option(help: ArgumentHelp(say("Component, for warranty extensions."))) var component: String?
        @Option(
            name: .customLong("fitted-part"),
            help: ArgumentHelp(say("A part bought and fitted here (W-3) the claim is about.")))
        var fittedPart: String?
        @Option(
            help: ArgumentHelp(
                say("The recall or campaign whose remedy this is (W-6): judged by the bulletin, not the warranty.")))
        var bulletin: String?

        func run() throws {
            var form = ClaimForm()
            form.vin = vin
            form.mileage = mileage
            form.failure = failure
            form.cause = cause
            form.repairOrder = repairOrder
            form.repairLine = line
            form.labour = labour
            form.parts = part
            form.component = component
            form.fittedPart = fittedPart
            form.bulletin = bulletin
            let db = try global.open()
            // The same form as POST /v1/claims; a problem names the option (issue 14).
            let record = try ClaimForm.Field.naming(CLIFields.claim) {
                let valid = try form.validated()
                let vin = try db.vehicleVIN(named: valid.vehicle)
                return try db.createClaim(ClaimDraft(valid, vin: vin), actor: global.actorName)
            }
            try ClaimsCommand.show(record, global: global)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("A claim with its lines, frozen decision and history."),
            discussion: Help.text("aftersales claims show 12", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Claim id.")), transform: Typed.rowID) var id: Int64

        func run() throws { try ClaimsCommand.show(try global.open().claimRecord(id), global: global) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Claims, newest first; --format csv is the manufacturer's claim export."),
            discussion: Help.text(
                "aftersales claims list --status submitted --format csv > claims.csv", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Only claims in this status."))) var status: ClaimStatus?
        @OptionGroup var page: PageOptions

        func run() throws {
            let claims = try global.open().listClaims(
                status: status, limit: page.limit,
                offset: page.offset)
            let columns = [
                "claim", "vin", "customer", "mileage", "failure", "cause", "repair order", "line", "status", "amount",
                "covered by",
                "manufacturer ref",
            ]
            try global.output.emit(
                page: claims,
                table: TextTable(
                    columns: columns,
                    rows: claims.items.map {
                        [
                            String($0.id), $0.vin.value, $0.customer, String($0.mileage), $0.failure, $0.cause,
                            $0.repairOrder ?? "", $0.repairLine ?? "",
                            say($0.status.spoken), $0.amount.description, $0.decision.cover.map(say) ?? "",
                            $0.manufacturerRef ?? "",
                        ]
                    }))
        }
    }

    /// The options every claim transition takes.
    struct TransitionOptions: ParsableArguments {
        @Argument(help: ArgumentHelp(say("Claim id.")), transform: Typed.rowID) var id: Int64
        @Option(
            help: ArgumentHelp(say("The manufacturer's reason (required to reject; for cancel, the dealer's reason).")))
        var reason: String?
        @Option(help: ArgumentHelp(say("The manufacturer's decision reference."))) var ref: String?
        @Option(
            help: ArgumentHelp(say("Amount paid in yuan, such as 396.00 (pay; default the claimed amount).")),
            transform: Typed.money)
        var amount: Money?

        func apply(_ action: ClaimAction, global: GlobalOptions) throws {
            let paid = amount
            let record = try global.open().transitionClaim(
                id, action, reason: reason, manufacturerRef: ref, paid: paid, actor: global.actorName)
            try ClaimsCommand.show(record, global: global)
        }
    }

    struct Submit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Submit a draft claim to the manufacturer (W-7)."),
            discussion: Help.text("aftersales claims submit 12", permission: .actOnClaims))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: TransitionOptions
        func run() throws { try options.apply(.submit, global: global) }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record the manufacturer's approval (W-7)."),
            discussion: Help.text("aftersales claims approve 12 --ref FAW-8830", permission: .actOnClaims))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: TransitionOptions
        func run() throws { try options.apply(.approve, global: global) }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record the manufacturer's rejection, with its reason (W-7)."),
            discussion: Help.text(
                "aftersales claims reject 12 --reason \"缺少故障照片\" --ref FAW-8823", permission: .actOnClaims))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: TransitionOptions
        func run() throws { try options.apply(.reject, global: global) }
    }

    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record the manufacturer's payment (W-7)."),
            discussion: Help.text("aftersales claims pay 12 --amount 316.00", permission: .actOnClaims))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: TransitionOptions
        func run() throws { try options.apply(.pay, global: global) }
    }

    struct Resubmit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Resubmit a rejected claim (W-7)."),
            discussion: Help.text("aftersales claims resubmit 12", permission: .actOnClaims))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: TransitionOptions
        func run() throws { try options.apply(.resubmit, global: global) }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Cancel a draft or rejected claim, with the reason (W-7); its repair-order line may then be "
                        + "claimed again."),
            discussion: Help.text("aftersales claim cancel 12 --reason \"重复录入\"", permission: .actOnClaims))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: TransitionOptions
        func run() throws { try options.apply(.cancel, global: global) }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "The claims as the manufacturer reads them: one row per line, dates as YYYY-MM-DD, amounts as "
                        + "plain decimals."),
            discussion: Help.text(
                "aftersales claim export --status submitted > claims-2026-12.csv", permission: .readCustomers,
                more: "CSV always (one header row); --status and paging as `claim list`."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Only claims in this status."))) var status: ClaimStatus?
        @OptionGroup var page: PageOptions

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let claims = try db.listClaims(status: status, limit: page.limit, offset: page.offset)
            let columns = [
                "claim", "status", "manufacturer_ref", "vin", "repair_order", "repair_line", "repair_date", "mileage",
                "failure", "cause",
                "bulletin", "line", "kind", "code", "quantity", "unit_price", "amount", "note",
            ]
            let rows = claims.items.flatMap { claim in
                claim.lines.enumerated().map { index, line in
                    [
                        String(claim.id), claim.status.rawValue, claim.manufacturerRef ?? "", claim.vin.value,
                        claim.repairOrder ?? "", claim.repairLine ?? "",
                        LocalDate(instant: claim.createdAt, in: zone).description, String(claim.mileage), claim.failure,
                        claim.cause, claim.bulletin ?? "",
                        String(index + 1), line.kind.rawValue, line.code, ClaimLine.decimal(line.quantityHundredths),
                        line.unitPrice.description,
                        line.amount.description, line.note ?? "",
                    ]
                }
            }
            // The manufacturer's format: its column names stay English in every language.
            Speech.$current.withValue(Speech(.en)) { global.output.printCSV(TextTable(columns: columns, rows: rows)) }
            if claims.more { printError("aftersales: \(claims.footer)") }
        }
    }

    /// A claim event's note as storage words it in English (`REASON; manufacturer ref REF; paid AMOUNT`), for
    /// people: the reason as typed, the rest in the language of the moment.
    static func spokenEventNote(_ note: String) -> Phrase {
        let parts = note.components(separatedBy: "; ").map { part -> Phrase in
            if part.hasPrefix("manufacturer ref ") { return "manufacturer ref \(String(part.dropFirst(17)))" }
            if part.hasPrefix("paid ") { return "paid \(String(part.dropFirst(5)))" }
            return Phrase(verbatim: part)
        }
        return Phrase.joined(parts, separator: "; ")
    }

    static func show(_ record: ClaimRecord, global: GlobalOptions) throws {
        let lines: String = record.lines.map { line -> String in
            let text =
                "\(say(line.kind.spoken)) \(line.code) × \(ClaimLine.decimal(line.quantityHundredths)) @ "
                + "\(line.unitPrice) = \(line.amount)"
            return text + (line.note.map { " (\(say(ClaimLine.spokenNote($0))))" } ?? "")
        }.joined(separator: "; ")
        let history: String = record.events.map { event -> String in
            let step: Phrase = "\(Phrase(key: event.action)) → \(event.to.spoken) by \(event.actor)"
            return say(event.note.map { "\(step) (\(spokenEventNote($0)))" } ?? step)
        }.joined(separator: "; ")
        try global.output.emit(
            record,
            table: .record([
                ("claim", String(record.id)), ("vin", record.vin.value), ("customer", record.customer),
                ("status", say(record.status.spoken)),
                ("mileage", Grouping.thousands(record.mileage)), ("failure", record.failure), ("cause", record.cause),
                ("repair order", record.repairOrder.map { $0 + (record.repairLine.map { say(" line \($0)") } ?? "") }),
                ("lines", lines),
                ("bulletin", record.bulletin),
                ("amount", record.amount.description), ("decision (frozen)", record.decision.summary),
                ("manufacturer ref", record.manufacturerRef),
                ("rejection reason", record.rejectionReason), ("cancel reason", record.cancelReason),
                ("paid", record.paid?.description),
                ("history", history),
            ]))
    }
}
