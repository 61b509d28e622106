import AppConventions
import ArgumentParser
import Core
import Foundation
import Storage

/// The admin CLI `aftersales`: the dealer's staff's and IT person's tool over the database.
public struct AftersalesCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "aftersales",
        abstract: say("AfterSales: the after-sales department of a car dealership."),
        discussion: say(
            """
            Every command takes --db PATH (default $AFTERSALES_DB, else ./aftersales.sqlite), --actor NAME
            (recorded in the audit log; default your login name) and, where it prints data, --format table|json|csv.
            Language: --lang zh|en (default $AFTERSALES_LANG, else the database's locale setting, else LANG).
            Exit status: 0 done; 1 rejected, nothing written; 3 partly done (each rejected item reported); 64 usage \
            error.

            Start with:  aftersales init && aftersales --help
            """),
        subcommands: [
            InitCommand.self, CustomerCommand.self, VehicleCommand.self, MakeCommand.self, ContactCommand.self,
            TasksCommand.self,
            ChecksCommand.self, StaffCommand.self, AuditCommand.self, SettingsCommand.self, CalendarCommand.self,
            ScheduleCommand.self, ImportCustomersCommand.self, ImportsCommand.self, BackupCommand.self,
            RestoreCommand.self,
            TokenCommand.self, WarrantyCommand.self, BulletinsCommand.self, ClaimsCommand.self, ComplaintsCommand.self,
            SegmentCommand.self, CampaignCommand.self, OutboxCommand.self, ConsentCommand.self, RemindersCommand.self,
            ValueCommand.self, StockCommand.self, WorkOrderCommand.self,
            FollowUpCommand.self,
            CapacityCommand.self,
            AppointmentCommand.self,
            BoardCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line, accepting the options every command takes before the subcommand too
    /// (`aftersales --db X init` as `aftersales init --db X`).
    public static func main() {
        runReportingDatabaseFailures(self, GlobalOptions.movedAfterSubcommand(Array(CommandLine.arguments.dropFirst())))
    }
}

extension GlobalOptions {
    /// The options every command takes (and whether each takes a value).
    static let names: [String: Bool] = [
        "--db": true, "--actor": true, "--format": true, "--csv-bom": true, "--lang": true,
    ]

    /// `arguments` with the global options given before the first subcommand moved to the end, where the
    /// subcommand's own parser reads them; anything else is left as it is.
    static func movedAfterSubcommand(_ arguments: [String]) -> [String] {
        var moved: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard let takesValue = names[name] else { break }
            moved.append(argument)
            if takesValue, !argument.contains("="), index + 1 < arguments.count {
                moved.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        return Array(arguments[index...]) + moved
    }
}

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: say("Create the database (or bring an existing one up to date)."),
        discussion: Help.text("aftersales init --db /var/lib/aftersales/dealer.sqlite", permission: .administer))

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: global.databasePath)
        let db = try global.open(create: true)
        let status = try db.schemaStatus()
        try global.output.emit(
            status,
            table: .record([
                ("database", global.databasePath),
                ("state", say(existed ? "existing database, up to date" : "new database created")),
                ("migrations", String(status.applied.count)), ("newest", status.applied.last),
            ]))
    }
}

/// Runs a command line; a failure of SQLite itself (the database busy past the setting, a full disk) is one line a
/// person can act on, exit 1, never SQLite's own text or the statement. Everything else as ArgumentParser does.
func runReportingDatabaseFailures(_ root: any ParsableCommand.Type, _ arguments: [String]) -> Never {
    // The language first, so that help, errors and output all speak it (issue 16).
    let speech: Speech
    do {
        speech = try Conventions.speech(
            option: Conventions.optionValue("--lang", in: arguments),
            databasePath: Conventions.databasePath(Conventions.optionValue("--db", in: arguments)))
    } catch {
        fail("\(error)", status: 64)
    }
    Speech.$current.withValue(speech) { run(root, arguments) }
}

private func run(_ root: any ParsableCommand.Type, _ arguments: [String]) -> Never {
    let databasePath = Conventions.databasePath(Conventions.optionValue("--db", in: arguments))
    // Bytes that are not UTF-8 arrive as U+FFFD and would be stored so: a usage error naming the argument instead.
    if let bad = arguments.firstIndex(where: { $0.contains("\u{FFFD}") }) {
        fail(
            "argument \(bad + 1) is not valid UTF-8 (\(arguments[bad])); check the terminal's or the script's encoding",
            status: 64)
    }
    if let message = negativeNumberMessage(arguments) { fail(message, status: 64) }
    do {
        var command = try root.parseAsRoot(arguments)
        try command.run()
        root.exit()
    } catch let error as any AfterSalesError {
        fail(error.sentence, status: 1)
    } catch {
        if let message = DatabaseFailure.message(error, path: databasePath) { fail(message, status: 1) }
        // The parser's own words (help, usage errors), in the language of the moment.
        let code = root.exitCode(for: error)
        let text = ParserWords.translated(root.fullMessage(for: error))
        if !text.isEmpty {
            let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
            handle.write(Data((text + "\n").utf8))
        }
        exit(code.rawValue)
    }
}

/// Writes `message` as an error line to standard error and exits with `status`.
func fail(_ message: Phrase, status: Int32) -> Never {
    printError("\(Phrase("Error: \(message)"))")
    exit(status)
}

/// A usage error for the first negative number among the arguments (before `--`), or nil. The parser would read
/// `-1` as an unknown option and complain of a missing value instead; no id, count or figure is ever negative.
func negativeNumberMessage(_ arguments: [String]) -> Phrase? {
    let options = arguments.prefix { $0 != "--" }
    func negative(_ text: String) -> Bool {
        text.hasPrefix("-") && text.dropFirst().first.map { ("0"..."9").contains($0) } == true
    }
    guard let index = options.firstIndex(where: negative) else { return nil }
    let value = arguments[index]
    let message: Phrase = "\(value) is not a valid value: ids, counts and figures are never negative"
    if index > 0, arguments[index - 1].hasPrefix("--"), !arguments[index - 1].contains("=") {
        return message + "; a text that starts with a dash is written \(arguments[index - 1])=\(value)"
    }
    return message
}
