import ArgumentParser
import Foundation
import Core
import Storage
#if canImport(Glibc)
import Glibc
#endif

/// Output formats of commands whose output is data.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, json, csv
}

/// The options every command takes: the same `--db`, `--actor` and `--format` on all three binaries.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file. Default: $AFTERSALES_DB, else ./aftersales.sqlite.", valueName: "path"))
    public var db: String?

    @Option(name: .long, help: ArgumentHelp("The name recorded in the audit log. Default: your login name.", valueName: "name"))
    public var actor: String?

    @Option(name: .long, help: "Output format: table, json (one document) or csv (with a header row).")
    public var format: OutputFormat = .table

    public init() {}

    /// The database path by the shared convention.
    public var databasePath: String { DatabaseLocation.resolve(db) }

    /// The audit actor: `--actor`, else the login name.
    public var actorName: String {
        if let actor, !actor.trimmed().isEmpty { return actor }
        return DatabaseLocation.loginName()
    }

    /// Opens the database (it must exist unless `create`).
    public func open(create: Bool = false) throws -> AppDatabase {
        try AppDatabase.open(path: databasePath, create: create, clock: DatabaseLocation.clock())
    }

    public var output: Output { Output(format: format) }
}

/// The conventions shared by every binary: where the database is, who acts, and what time it is.
public enum DatabaseLocation {
    /// `--db`, else `$AFTERSALES_DB`, else `./aftersales.sqlite`.
    public static func resolve(_ option: String?) -> String {
        if let option, !option.isEmpty { return option }
        if let env = ProcessInfo.processInfo.environment["AFTERSALES_DB"], !env.isEmpty { return env }
        return "./aftersales.sqlite"
    }

    /// The login name of the user running the command.
    public static func loginName() -> String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// The system clock, or the fixed instant in `$AFTERSALES_NOW` (ISO 8601) for scripted runs and tests.
    public static func clock() throws -> any WallClock {
        guard let text = ProcessInfo.processInfo.environment["AFTERSALES_NOW"], !text.isEmpty else { return SystemClock() }
        guard let fixed = FixedClock(iso8601: text) else {
            throw ValidationError("AFTERSALES_NOW: expected an ISO 8601 instant such as 2026-11-23T09:30:00+08:00, got \"\(text)\"")
        }
        return fixed
    }
}
