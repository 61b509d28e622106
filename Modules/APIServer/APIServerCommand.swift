import AppConventions
import ArgumentParser
import Core
import Foundation
import Hummingbird
import Storage

/// `aftersales-api`: serves the HTTP API over the dealer's database until SIGTERM or SIGINT.
public struct APIServerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "aftersales-api",
        abstract: say("The AfterSales HTTP API (JSON, bearer tokens; the description is served at /openapi.yaml)."),
        discussion: say(
            """
            Example:
              aftersales token create --role service-advisor --name 前台-王丽
              aftersales-api --db dealer.sqlite --port 8080
              curl -H "Authorization: Bearer <token>" http://127.0.0.1:8080/v1/customers/search?q=王

            Stops gracefully on SIGTERM or SIGINT (requests in flight finish).
            """))

    @Option(
        name: .long,
        help: ArgumentHelp(
            say("The database file. Default: $AFTERSALES_DB, else ./aftersales.sqlite."), valueName: "path"))
    var db: String?
    @Option(help: ArgumentHelp(say("Address to listen on."))) var host = "127.0.0.1"
    @Option(help: ArgumentHelp(say("Port to listen on (0: any free port, printed at start)."))) var port = 8080
    @Option(
        name: .customLong("cors-origin"),
        help:
            ArgumentHelp(
                say(
                    "A web origin of the dealer's own front end allowed to call the API from a browser, e.g. "
                        + "https://crm.dealer.cn (repeatable)."))
    )
    var corsOrigin: [String] = []
    @Flag(
        name: .customLong("no-access-log"),
        help: ArgumentHelp(say("Do not print the access log (a line per request on standard output)."))
    ) var noAccessLog = false
    @Option(
        name: .long,
        help: ArgumentHelp(
            say(
                "Language of answers without Accept-Language: zh or en. Default: $AFTERSALES_LANG, else the database's "
                    + "locale setting, else LANG."), valueName: "zh|en"))
    var lang: String?

    public init() {}

    /// Runs the command line in the language of the run (`--lang`, `$AFTERSALES_LANG`, the database's `locale`,
    /// `LANG`), chosen before parsing so that the help, the usage errors and the startup line all speak it.
    public static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let speech: Speech
        do {
            speech = try Conventions.speech(
                option: Conventions.optionValue("--lang", in: arguments),
                databasePath: Conventions.databasePath(Conventions.optionValue("--db", in: arguments)))
        } catch {
            FileHandle.standardError.write(Data((ParserWords.translated("Error: \(error)") + "\n").utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await Speech.$current.withValue(speech) { await run(arguments) }
    }

    private static func run(_ arguments: [String]) async {
        do {
            var command = try parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            Foundation.exit(ExitCode.success.rawValue)
        } catch {
            // The parser's own words (help, usage errors) and ours, in the language of the run.
            let code = exitCode(for: error)
            let text = ParserWords.translated(fullMessage(for: error))
            if !text.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data((text + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }

    public func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError(say("--port must be from 0 to 65535")) }
        for origin in corsOrigin
        where !(origin.hasPrefix("http://") || origin.hasPrefix("https://")) || origin.hasSuffix("/") {
            throw ValidationError(
                say(
                    "--cors-origin takes an origin such as https://crm.dealer.cn (scheme, host, optional port; no "
                        + "path), got \(origin)"))
        }
    }

    public func run() async throws {
        let path = Conventions.databasePath(db)
        let now: Conventions.FixedNow?
        do { now = try Conventions.FixedNow.fromEnvironment() } catch {
            throw ValidationError(String(describing: error))
        }
        // A server checkpoints on a thread of its own, so no request waits for a checkpoint's fsync.
        let database = try Conventions.open(path: path, now: now, checkpoints: .background)
        let speech: Speech
        do { speech = try Conventions.speech(option: lang, databasePath: path) } catch {
            throw ValidationError(String(describing: error))
        }
        let host = self.host
        let printLine: @Sendable (String) -> Void = { line in FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
        let accessLog = noAccessLog ? nil : printLine
        let app = buildApplication(
            database: database, host: host, port: port, corsOrigins: Set(corsOrigin), accessLog: accessLog,
            speech: speech
        ) { port in
            let line: Phrase = "aftersales-api listening on http://\(host):\(port) (database \(path))"
            FileHandle.standardOutput.write(Data((line.rendered(speech) + "\n").utf8))
        }
        try await app.runService()
    }
}

/// A phrase of help or of a usage error in the language of the moment: `main` chose it before the command line was
/// parsed (as `say` does for `aftersales`).
func say(_ phrase: Phrase) -> String { phrase.rendered() }
