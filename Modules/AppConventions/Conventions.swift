import Core
import Foundation
import Storage

#if canImport(Glibc)
import Glibc
#endif

/// The conventions every binary shares: where the database is, who acts, and what time it is. Storage never
/// reads the environment; these turn it into plain values (a path, a name, a clock) for it.
public enum Conventions {
    /// `--db`, else `$AFTERSALES_DB`, else `./aftersales.sqlite`.
    public static func databasePath(
        _ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["AFTERSALES_DB"], !env.isEmpty { return env }
        return "./aftersales.sqlite"
    }

    /// `--actor`, else the login name of the user running the command.
    public static func actor(_ option: String?) -> String {
        if let option, !option.trimmed().isEmpty { return option }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }

    /// The instant `$AFTERSALES_NOW` fixes for scripted runs and tests, or nil for the system clock. It is read
    /// like every other time a command takes (T-2): with an offset as written, without one in the dealer's zone.
    public struct FixedNow: Sendable {
        let text: String

        /// Reads `$AFTERSALES_NOW`; throws `InvalidInput` naming it when it is not a date and time.
        public static func fromEnvironment(
            _ environment: [String: String] = ProcessInfo.processInfo.environment
        ) throws -> FixedNow? {
            guard let text = environment["AFTERSALES_NOW"], !text.isEmpty else { return nil }
            guard Instant.parse(text) != nil else {
                throw InvalidInput(
                    field: "AFTERSALES_NOW",
                    "expected a date and time such as 2026-11-23T09:30 (the dealer's zone) or "
                        + "2026-11-23T09:30:00+08:00, got \"\(text)\""
                )
            }
            return FixedNow(text: text)
        }

        /// The instant in the dealer's zone `zone` (an offset in the text wins).
        public func instant(in zone: TimeZone) -> Date { Instant.parse(text, timeZone: zone)! }
    }

    /// Opens the database at `path` with the clock of the convention: the system's, or `$AFTERSALES_NOW`'s
    /// instant read in the database's own `time.zone`.
    public static func open(
        path: String, create: Bool = false, now: FixedNow?, checkpoints: CheckpointMode = .inline
    ) throws -> AppDatabase {
        let database = try AppDatabase.open(path: path, create: create, checkpoints: checkpoints)
        guard let now else { return database }
        return database.with(clock: FixedClock(now.instant(in: try database.settings().timeZone)))
    }
}

extension Conventions {
    /// The value of the option `name` among a binary's `arguments` (`--lang en` or `--lang=en`), before any `--`: what
    /// a binary reads before its parser runs (the language, the database its language setting is in).
    public static func optionValue(_ name: String, in arguments: [String]) -> String? {
        var found: String?
        var index = 0
        while index < arguments.count, arguments[index] != "--" {
            let argument = arguments[index]
            if argument == name, index + 1 < arguments.count {
                found = arguments[index + 1]
                index += 1
            } else if argument.hasPrefix(name + "=") {
                found = String(argument.dropFirst(name.count + 1))
            }
            index += 1
        }
        return found
    }

    /// What a binary speaks (issue 16): `--lang`, else `$AFTERSALES_LANG`, else the database's `locale` setting, else
    /// `LANG`; a database not created yet will be Chinese, as a new one is. Dates in sentences by `date.style`.
    public static func speech(
        option: String?, databasePath: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Speech {
        let stored = AppDatabase.peek([.locale, .dateStyle], path: databasePath)
        let exists = FileManager.default.fileExists(atPath: databasePath)
        let language = try Speech.resolve(option: option, environment: environment) {
            exists ? stored[.locale] : Language.zh.rawValue
        }
        return Speech(language, dateStyle: stored[.dateStyle].flatMap(DateStyle.init(rawValue:)) ?? .long)
    }
}
