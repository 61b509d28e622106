import AppConventions
import ArgumentParser
import Core
import Foundation
import Storage

/// Output formats of commands whose output is data.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
}

/// A yes-or-no option value.
public enum YesNo: String, ExpressibleByArgument, CaseIterable, Sendable {
    case yes, no
}

/// The options every command takes: the same `--db`, `--actor` and `--format` on all three binaries.
public struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            say("The database file. Default: $AFTERSALES_DB, else ./aftersales.sqlite."), valueName: "path"))
    public var db: String?

    @Option(
        name: .long,
        help: ArgumentHelp(say("The name recorded in the audit log. Default: your login name."), valueName: "name"))
    public var actor: String?

    @Option(
        name: .long, help: ArgumentHelp(say("Output format: table, json (one document) or csv (with a header row).")))
    public var format: OutputFormat = .table

    @Option(
        name: .customLong("csv-bom"),
        help:
            ArgumentHelp(
                say(
                    "With --format csv: start with a UTF-8 byte order mark, so Excel reads Chinese text (yes); no for "
                        + "scripts."
                )))
    public var csvBOM: YesNo = .yes

    @Option(
        name: .long,
        help: ArgumentHelp(
            say(
                "Language of the output: zh or en. Default: $AFTERSALES_LANG, else the database's locale setting, else "
                    + "LANG."), valueName: "zh|en"))
    public var lang: String?

    public init() {}

    /// The database path by the shared convention.
    public var databasePath: String { Conventions.databasePath(db) }

    /// The audit actor: `--actor`, else the login name.
    public var actorName: String { Conventions.actor(actor) }

    /// Opens the database (it must exist unless `create`) with the clock of the convention.
    public func open(create: Bool = false) throws -> AppDatabase {
        try Conventions.open(path: databasePath, create: create, now: GlobalOptions.fixedNow())
    }

    /// `$AFTERSALES_NOW` by the shared convention; a bad one is a usage error (exit 64).
    static func fixedNow() throws -> Conventions.FixedNow? {
        do { return try Conventions.FixedNow.fromEnvironment() } catch {
            throw ValidationError(String(describing: error))
        }
    }

    public var output: Output { Output(format: format, byteOrderMark: csvBOM == .yes) }
}
