import ArgumentParser
import Core
import Customers
import Foundation
import Storage

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: say("Customer-management checks (C-10): lists for customer service to work through."),
        subcommands: [Run.self, Reassign.self],
        defaultSubcommand: Run.self,
        aliases: ["checks"])

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract:
                say(
                    "Careless cards, lapsed contact, dissatisfied without follow-up, customers of staff who left, "
                        + "stale data."),
            discussion: Help.text(
                "aftersales checks\naftersales checks list departed-staff --format csv > reassign.csv",
                permission: .manageChecks))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Which checks (default all)."))) var checks: [CustomerCheck] = []
        @Option(
            name: .customLong("as-of"), help: ArgumentHelp(say("The day to judge by (default today).")),
            transform: Typed.day)
        var asOf: LocalDate?
        @Option(help: ArgumentHelp(say("At most this many findings per check."))) var limit = 200

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let day = asOf ?? LocalDate(instant: db.now, in: zone)
            let selected: [CustomerCheck] = checks.isEmpty ? CustomerCheck.allCases : checks
            var findings: [CheckFinding] = []
            for check in selected { findings += try db.runCheck(check, asOf: day, limit: limit) }
            try global.output.emit(
                findings,
                table: TextTable(
                    columns: ["check", "customer", "name", "owner", "problem"],
                    rows: findings.map {
                        [
                            CustomerCheck(rawValue: $0.check).map { say($0.spoken) } ?? $0.check,
                            $0.customerID.description, $0.customerName, $0.owner ?? "", $0.problem,
                        ]
                    }),
                footer: Phrase.joined(
                    selected.map { check in
                        "\(check.spoken): \(findings.filter { $0.check == check.rawValue }.count)"
                    }, separator: "; "))
        }
    }

    struct Reassign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Hand all customers (and open tasks) of one staff member to another."),
            discussion: Help.text("aftersales checks reassign --from 刘洋 --to 张伟", permission: .manageChecks))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("The staff member who left."))) var from: String
        @Option(help: ArgumentHelp(say("A current staff member."))) var to: String

        func run() throws {
            let db = try global.open()
            let count = try db.reassignCustomers(from: from, to: to, actor: global.actorName)
            struct Result: Encodable {
                let reassigned: Int
                let from: String
                let to: String
            }
            try global.output.emit(
                Result(reassigned: count, from: from, to: to),
                table: .record([("reassigned", String(count)), ("from", from), ("to", to)]))
        }
    }
}

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: say("Staff members customers and tasks are assigned to."),
        subcommands: [Add.self, List.self, Leave.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Add a staff member with a role."),
            discussion: Help.text(
                "aftersales staff add 张伟 --role sales-consultant", permission: .administer,
                more: "Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("Role ID."))) var role: Role

        func run() throws {
            let db = try global.open()
            let member = try db.addStaff(name: name, role: role, actor: global.actorName)
            try global.output.emit(member, table: .record([("name", member.name), ("role", say(member.role.spoken))]))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("List staff members."), discussion: Help.text("aftersales staff list"))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let staff = try global.open().staff()
            try global.output.emit(
                staff,
                table: TextTable(
                    columns: ["name", "role", "left on"],
                    rows: staff.map {
                        [$0.name, say($0.role.spoken), $0.leftOn?.description ?? ""]
                    }))
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record that a staff member left; their customers then show in `checks` (C-10)."),
            discussion: Help.text("aftersales staff leave 刘洋 --on 2026-11-30", permission: .administer))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("Last day (default today).")), transform: Typed.day) var on: LocalDate?

        func run() throws {
            let db = try global.open()
            let day = try on ?? LocalDate(instant: db.now, in: try db.settings().timeZone)
            let member = try db.staffLeft(name: name, on: day, actor: global.actorName)
            try global.output.emit(
                member, table: .record([("name", member.name), ("left on", member.leftOn?.description)]))
        }
    }
}
