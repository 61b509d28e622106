import ArgumentParser
import Core
import Storage

/// Make names as people type them and as the manufacturer's data names them (W-1, W-6, W-9).
struct MakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make",
        abstract:
            say(
                "Make aliases: 大众 is Volkswagen. Vehicles are stored under the manufacturer's name, so terms and "
                    + "bulletins find them."),
        subcommands: [List.self, Alias.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Every alias and the make it names."),
            discussion: Help.text("aftersales make list", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let aliases = try global.open().makeAliases()
            try global.output.emit(
                aliases, table: TextTable(columns: ["alias", "make"], rows: aliases.map { [$0.alias, $0.make] }))
        }
    }

    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Record that an alias names a make; vehicles already stored under the alias are renamed "
                        + "(audited)."),
            discussion: Help.text("aftersales make alias 速腾大众 --to Volkswagen", permission: .administer))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The name people type, e.g. 大众."))) var alias: String
        @Option(help: ArgumentHelp(say("The make as the manufacturer's data names it, e.g. Volkswagen."))) var to:
            String

        func run() throws {
            let (saved, renamed) = try global.open().setMakeAlias(alias, make: to, actor: global.actorName)
            try global.output.emit(
                saved,
                table: .record([("alias", saved.alias), ("make", saved.make), ("vehicles renamed", String(renamed))]))
        }
    }
}
