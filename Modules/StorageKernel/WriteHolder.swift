import Core
import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// Who holds the database's write lock for a long while (an import, a campaign run, a delivery), so that a writer
/// that gave up waiting can say who and since when (issue 19). Kept in a small file beside the database
/// (`dealer.sqlite-writer`), because the database itself cannot be written while the lock is held; a holder whose
/// process has ended (killed) is ignored.
public struct WriteHolder: Codable, Sendable, Equatable {
    /// The command, as a person would type it (`aftersales import-customers`).
    public var command: String
    public var actor: String
    public var process: Int32
    /// When it started, in the dealer's time (`2026-12-05 10:32`).
    public var since: String

    /// The file that names the holder of the database at `path`.
    static func file(forDatabaseAt path: String) -> String { path + "-writer" }

    /// The holder of the database at `path`, if one is recorded and its process still runs.
    public static func current(ofDatabaseAt path: String) -> WriteHolder? {
        guard let data = FileManager.default.contents(atPath: file(forDatabaseAt: path)),
            let holder = try? JSONDecoder().decode(WriteHolder.self, from: data)
        else { return nil }
        // Signal 0 only asks whether the process exists (EPERM: it does, under another user).
        guard kill(holder.process, 0) == 0 || errno == EPERM else { return nil }
        return holder
    }
}

extension AppDatabase {
    /// The database file's path (nil in memory).
    public var path: String? { (writer as? DatabasePool)?.path ?? (writer as? DatabaseQueue)?.path }

    /// Runs `body`, a long write, recorded as the database's holder for the message other writers get meanwhile.
    public func holding<T>(_ command: String, actor: String, _ body: () throws -> T) throws -> T {
        guard let path, path != ":memory:", !path.isEmpty else { return try body() }
        let zone = (try? settings().timeZone) ?? .current
        let holder = WriteHolder(
            command: command, actor: actor, process: getpid(), since: Instant.localString(clock.now(), in: zone))
        let file = WriteHolder.file(forDatabaseAt: path)
        // Best effort: a folder that cannot take the file loses only the name in the message.
        try? JSONEncoder().encode(holder).write(to: URL(fileURLWithPath: file), options: .atomic)
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try body()
    }
}
