import Foundation
import Core
#if canImport(Glibc)
import Glibc
#endif

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
            throw InvalidInput(field: "AFTERSALES_NOW", "expected an ISO 8601 instant such as 2026-11-23T09:30:00+08:00, got \"\(text)\"")
        }
        return fixed
    }
}
