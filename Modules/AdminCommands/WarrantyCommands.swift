import ArgumentParser
import Core
import Customers
import Foundation
import Storage
import Warranty

struct WarrantyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warranty",
        abstract: say("Warranty eligibility that explains itself (W-1 to W-5, W-8, W-9, L-2)."),
        subcommands: [
            Check.self, Replacement.self, Maintenance.self, Visit.self, Exclusion.self, Part.self, Terms.self,
            Components.self,
        ])

    /// The options that say which vehicle, when and at what mileage.
    struct Subject: ParsableArguments {
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(help: ArgumentHelp(say("The day to judge (default today).")), transform: Typed.day) var on: LocalDate?
        @Option(help: ArgumentHelp(say("Kilometres (default: the latest reading)."))) var mileage: Int?
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Is a repair covered? The answer names the term, each limit with the margin left, and every "
                        + "exclusion."
                ),
            discussion: Help.text(
                """
                aftersales warranty check LFV2A21K3N3000123 --mileage 61200
                aftersales warranty check LFV2A21K3N3000123 --component 制动系统 --format json
                aftersales warranty check LFV2A21K3N3000123 --part "06L 115 562 B"
                """, permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var subject: Subject
        @Option(help: ArgumentHelp(say("The component concerned (warranty extensions are per component).")))
        var component: String?
        @Option(help: ArgumentHelp(say("A part number bought and fitted here (W-3)."))) var part: String?

        func run() throws {
            let db = try global.open()
            let check = try db.warrantyCheck(
                vin: try db.vehicleVIN(named: subject.vin), on: subject.on,
                mileage: subject.mileage, component: component, part: part)
            if let note = check.note { printError("note: \(note)") }
            if global.format == .table {
                print(Present.warrantyCheck(check))
            } else {
                try global.output.emit(check, table: Present.reasons(check.decision))
            }
        }
    }

    struct Replacement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Assess a whole-vehicle replacement claim (W-5): each condition and refusal reason."),
            discussion: Help.text(
                "aftersales warranty replacement LFV2A21K3N3000123 --fault-at \"2026-11-21 08:00\"",
                permission: .actOnClaims))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var subject: Subject
        @Flag(
            name: .customLong("defect-cannot-be-removed"),
            help: ArgumentHelp(say("(a) a major quality defect cannot be fully removed.")))
        var defect = false
        @Flag(
            name: .customLong("fails-standards"),
            help: ArgumentHelp(say("(b) after repair the vehicle fails national technical standards."))) var standards =
            false
        @Option(
            name: .customLong("fault-at"), help: ArgumentHelp(say("(c) when the major fault appeared.")),
            transform: Typed.time)
        var faultAt: WallTime?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let request = ReplacementRequest(
                defectCannotBeRemoved: defect, failsStandardsAfterRepair: standards,
                majorFaultAt: faultAt?.instant(in: zone))
            let result = try db.replacementAssessment(
                vin: try db.vehicleVIN(named: subject.vin), request: request,
                on: subject.on, mileage: subject.mileage)
            try global.output.emit(
                result,
                table: TextTable(
                    columns: ["", "item", "met", "detail"],
                    rows:
                        result.conditions.map { [say("condition"), $0.item, say($0.met ? "yes" : "no"), $0.detail] }
                        + result.refusals.map { [say("refusal"), $0.item, say($0.met ? "yes" : "no"), $0.detail] }),
                footer: result.mayRaise
                    ? "The dealer may raise the claim; the manufacturer decides (W-5)."
                    : "No claim can be raised (W-5): "
                        + (result.conditions.contains { $0.met } ? "a refusal reason applies." : "no condition is met.")
            )
        }
    }

    struct Maintenance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Was the vehicle maintained on schedule (W-9)? Computed from its maintenance visits."),
            discussion: Help.text("aftersales warranty maintenance LFV2A21K3N3000123", permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(help: ArgumentHelp(say("The day to judge (default today).")), transform: Typed.day) var on: LocalDate?

        func run() throws {
            let db = try global.open()
            let result = try db.maintenanceCompliance(vin: try db.vehicleVIN(named: vin), on: on)
            try global.output.emit(
                result, table: TextTable(columns: ["finding"], rows: result.findings.map { [$0] }),
                footer: result.onSchedule ? "maintained on schedule (W-9)" : "not maintained on schedule (W-9)")
        }
    }

    struct Visit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record a maintenance visit in the service history (W-9)."),
            discussion: Help.text(
                "aftersales warranty visit LFV2A21K3N3000123 --on 2026-05-18 --km 5120\naftersales warranty visit "
                    + "LFV2A21K3N3000123 --on 2026-11-02 --km 14800 --independent --proof \"发票 0231\"",
                permission: .recordWarrantyFacts,
                more: "For household cars, maintenance at an independent workshop with proof counts (L-11)."))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(help: ArgumentHelp(say("The day of the visit.")), transform: Typed.day) var on: LocalDate
        @Option(help: ArgumentHelp(say("Kilometres at the visit."))) var km: Int
        @Flag(help: ArgumentHelp(say("Done at an independent workshop, not an authorised dealer."))) var independent =
            false
        @Option(help: ArgumentHelp(say("Proof of an independent workshop's maintenance (invoice, record)."))) var proof:
            String?

        func run() throws {
            let db = try global.open()
            let visit = MaintenanceVisit(day: on, kilometres: km, independent: independent, proof: proof)
            try db.addMaintenanceVisit(visit, vin: try db.vehicleVIN(named: vin), actor: global.actorName)
            global.output.note("maintenance visit recorded")
        }
    }

    struct Exclusion: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record or list the facts that exclude warranty (W-4), each with its source record."),
            discussion: Help.text(
                "aftersales warranty exclusion LFV2A21K3N3000123 --kind accident --source \"交警认定书 2026-118\" "
                    + "--component 车身\naftersales warranty exclusion LFV2A21K3N3000123 --list",
                permission: .recordWarrantyFacts,
                more:
                    "Kinds: \(ExclusionFact.Kind.allCases.map(\.rawValue).joined(separator: ", ")). The "
                    + "manufacturer's conditions are the setting warranty.manufacturer-conditions."
            ))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Flag(help: ArgumentHelp(say("List the recorded exclusions instead."))) var list = false
        @Option(help: ArgumentHelp(say("The kind of fact."))) var kind: ExclusionFact.Kind?
        @Option(help: ArgumentHelp(say("For manufacturer-condition: which condition."))) var condition: String?
        @Option(help: ArgumentHelp(say("Only this component is excluded (default: the whole vehicle)."))) var component:
            String?
        @Option(help: ArgumentHelp(say("The record it rests on: repair order, report, photo reference."))) var source:
            String?
        @Option(help: ArgumentHelp(say("The day it was found (default today).")), transform: Typed.day) var on:
            LocalDate?
        @Option(help: ArgumentHelp(say("Note."))) var note: String?

        func run() throws {
            let db = try global.open()
            let vin = try db.vehicleVIN(named: vin)
            if list {
                let facts = try db.exclusions(vin: vin)
                try global.output.emit(
                    facts,
                    table: TextTable(
                        columns: ["recorded", "exclusion", "component", "source", "note"],
                        rows: facts.map {
                            [
                                $0.recordedOn.description, $0.title, $0.component ?? say("(whole vehicle)"), $0.source,
                                $0.note ?? "",
                            ]
                        }))
                return
            }
            guard let kind else {
                throw InvalidInput(
                    field: "kind", "is required: \(ExclusionFact.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            let day = try on ?? LocalDate(instant: db.now, in: try db.settings().timeZone)
            let fact = try db.addExclusion(
                ExclusionFact(
                    kind: kind, condition: condition, component: component,
                    recordedOn: day, source: source ?? "", note: note), vin: vin, actor: global.actorName)
            try global.output.emit(
                fact,
                table: .record([
                    ("exclusion", fact.title), ("component", fact.component ?? say("(whole vehicle)")),
                    ("source", fact.source),
                ]))
        }
    }

    struct Part: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Record a part bought and fitted here, with its invoice (W-3: covered 12 months from fitting)."),
            discussion: Help.text(
                "aftersales warranty part LFV2A21K3N3000123 --number \"06L 115 562 B\" --fitted-on 2026-11-20 "
                    + "--invoice INV-88231",
                permission: .recordWarrantyFacts))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(help: ArgumentHelp(say("Part number."))) var number: String
        @Option(name: .customLong("fitted-on"), help: ArgumentHelp(say("The day it was fitted.")), transform: Typed.day)
        var fittedOn: LocalDate
        @Option(help: ArgumentHelp(say("The invoice that proves the purchase."))) var invoice: String

        func run() throws {
            let db = try global.open()
            try db.addFittedPart(
                FittedPart(partNumber: number, fittedOn: fittedOn, invoice: invoice),
                vin: try db.vehicleVIN(named: vin), actor: global.actorName)
            global.output.note("part \(number) recorded")
        }
    }

    struct Terms: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "List warranty terms, or set one; a household-car term below the legal minimum is flagged (L-2)."),
            discussion: Help.text(
                "aftersales warranty terms\naftersales warranty terms --set --make Volkswagen --usage taxi --months "
                    + "12 --km 100000 --effective 2020-01-01",
                permission: .manageBulletins))

        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(say("Set a term instead of listing."))) var set = false
        @Option(help: ArgumentHelp(say("Make (* for any)."))) var make: String?
        @Option(help: ArgumentHelp(say("Model (default: all models of the make)."))) var model: String?
        @Option(help: ArgumentHelp(say("private, taxi or commercial."))) var usage: Usage?
        @Option(help: ArgumentHelp(say("Months."))) var months: Int?
        @Option(help: ArgumentHelp(say("Kilometres."))) var km: Int?
        @Option(help: ArgumentHelp(say("Applies to vehicles delivered on or after this day.")), transform: Typed.day)
        var effective: LocalDate?

        func run() throws {
            let db = try global.open()
            if set {
                guard let make, let usage, let months, let km, let effective else {
                    throw InvalidInput(field: "term", "--set needs --make, --usage, --months, --km and --effective")
                }
                let stored = try db.setWarrantyTerm(
                    WarrantyTerm(
                        make: make, model: model, usage: usage, months: months,
                        kilometres: km,
                        effective: effective, source: "manual"),
                    actor: global.actorName)
                if let flag = stored.flag { printError("warning: \(flag)") }
            }
            let terms = try db.warrantyTerms()
            try global.output.emit(
                terms,
                table: TextTable(
                    columns: ["make", "model", "usage", "months", "km", "effective", "source", "flag"],
                    rows: terms.map {
                        [
                            $0.term.make, $0.term.model ?? say("(all)"), say(usageWord($0.term.usage)),
                            String($0.term.months), Grouping.thousands($0.term.kilometres),
                            $0.term.effective.description, say(WarrantyTerm.spokenSource($0.term.source)),
                            $0.legalFlag ?? "",
                        ]
                    }))
        }
    }

    struct Components: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("The component names the manufacturer uses (what --component accepts)."),
            discussion: Help.text("aftersales warranty components", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let names = try global.open().componentNames()
            try global.output.emit(names, table: TextTable(columns: ["component"], rows: names.map { [$0] }))
        }
    }
}
