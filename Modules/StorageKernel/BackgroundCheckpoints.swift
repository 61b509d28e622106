import Foundation
import GRDB
import GRDBSQLite

/// Where a database's WAL is copied back into the file (a checkpoint, with its fsync).
public enum CheckpointMode: Sendable {
    /// By the write that takes the WAL past 1,000 pages, as SQLite does by default: what a command that runs and
    /// exits wants, so it leaves the file checkpointed.
    case inline
    /// On a thread of its own, asked for by the write that takes the WAL past 1,000 pages: what a server wants, so
    /// that no request waits for a checkpoint's fsync (a booking's p99 was that wait, issue 18). SQLite lets a
    /// checkpoint run beside writers and readers (PASSIVE: it copies what no reader still needs, and the next
    /// write starts the WAL over once all of it is copied).
    case background
}

/// The thread that runs the background checkpoints of every database opened so in this process, one at a time,
/// each on a connection of its own opened for it and closed after (never creating a file that is gone).
package final class BackgroundCheckpoints: @unchecked Sendable {
    package static let shared = BackgroundCheckpoints()
    /// WAL pages after which a commit asks for a checkpoint: SQLite's own default.
    static let pages: Int32 = 1_000

    private let condition = NSCondition()
    private var pending: Set<String> = []
    private var started = false
    private var paused = false
    /// Checkpoints run so far, per path (what a test waits for).
    private var done: [String: Int] = [:]
    /// The paths whose writer has the hook, kept for the process's life (the hook's context points at them).
    private var watched: [String: Watched] = [:]

    final class Watched {
        let path: String
        init(path: String) { self.path = path }
    }

    /// Replaces SQLite's checkpoint-on-commit on `db`, a writer connection, with a request to this thread.
    func watch(_ db: Database, path: String) {
        let context = condition.withLock {
            if let known = watched[path] { return known }
            let made = Watched(path: path)
            watched[path] = made
            return made
        }
        sqlite3_wal_hook(db.sqliteConnection, checkpointHook, Unmanaged.passUnretained(context).toOpaque())
    }

    func request(_ path: String) {
        condition.withLock {
            pending.insert(path)
            if !started {
                started = true
                let thread = Thread { [self] in run() }
                thread.name = "aftersales.checkpoints"
                thread.start()
            }
            condition.broadcast()
        }
    }

    private func run() {
        while true {
            condition.lock()
            while pending.isEmpty || paused { condition.wait() }
            let paths = pending
            pending.removeAll()
            condition.unlock()
            for path in paths { Self.checkpoint(path) }
            condition.withLock {
                for path in paths { done[path, default: 0] += 1 }
                condition.broadcast()
            }
        }
    }

    /// Holds the requests back until `resume()` (tests: to see that the committing write did not checkpoint).
    package func pause() { condition.withLock { paused = true } }

    package func resume() {
        condition.withLock {
            paused = false
            condition.broadcast()
        }
    }

    /// Checkpoints run so far for `path`.
    package func checkpoints(of path: String) -> Int { condition.withLock { done[path, default: 0] } }

    /// Waits until more than `count` checkpoints of `path` have run, or `timeout` has passed: whether they have.
    package func wait(for path: String, moreThan count: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while done[path, default: 0] <= count {
            if !condition.wait(until: deadline) { return done[path, default: 0] > count }
        }
        return true
    }

    /// A PASSIVE checkpoint of the database at `path` on a connection of its own. Failures are left to the next
    /// request (or to SQLite's checkpoint when the last connection closes): a checkpoint never loses data.
    static func checkpoint(_ path: String) {
        var connection: OpaquePointer?
        defer { sqlite3_close(connection) }
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK
        else { return }
        // A connection sees the WAL once it has read the file.
        guard sqlite3_exec(connection, "SELECT count(*) FROM sqlite_master", nil, nil, nil) == SQLITE_OK else { return }
        sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }
}

/// Called by SQLite after each commit of a watched writer, with the WAL's size in pages: never touches that
/// connection, only hands the path over.
private func checkpointHook(
    _ context: UnsafeMutableRawPointer?, _ connection: OpaquePointer?, _ name: UnsafePointer<CChar>?, _ pages: Int32
) -> Int32 {
    if pages >= BackgroundCheckpoints.pages, let context {
        let watched = Unmanaged<BackgroundCheckpoints.Watched>.fromOpaque(context).takeUnretainedValue()
        BackgroundCheckpoints.shared.request(watched.path)
    }
    return SQLITE_OK
}
