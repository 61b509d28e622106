import Core
import Foundation
import GRDB

/// The dealer's database: one SQLite file (WAL, foreign keys on) behind a GRDB writer, the clock
/// every use case reads "now" from, and the use cases themselves (in extensions, one folder per
/// business area). Each use case runs in one transaction and writes its audit entries in it.
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter
    public private(set) var clock: any WallClock
    /// The migrations this program knows (assembled from the areas' storage targets).
    public let migrations: MigrationRegistry

    /// Wraps a writer and brings its schema up to date. Refuses a database written by a newer program.
    public init(_ writer: any DatabaseWriter, clock: any WallClock, migrations: MigrationRegistry) throws {
        self.writer = writer
        self.clock = clock
        self.migrations = migrations
        try migrations.migrate(writer)
    }

    /// Opens (and migrates) the database file at `path`.
    /// - Parameter create: create the file when it does not exist; otherwise a missing file is an error
    ///   that tells the user to run `aftersales init`, so a mistyped path never makes an empty database.
    /// - Parameter checkpoints: where the WAL is checkpointed (`CheckpointMode`): by the committing write, or, for a
    ///   server, on a thread of its own.
    public static func open(
        path: String, create: Bool = false, clock: any WallClock, migrations: MigrationRegistry,
        checkpoints: CheckpointMode = .inline
    ) throws -> AppDatabase {
        let exists = FileManager.default.fileExists(atPath: path)
        if !create, !exists { throw StorageError.missingDatabase(path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // A write waits for another program's write lock (a long import) up to the setting database.busy-seconds,
        // read once the file is open; then it fails as StorageError.busy, a message instead of SQLite's text.
        let wait = BusyWait()
        configuration.busyMode = .callback { attempts in
            guard Double(attempts) * 0.01 < wait.seconds else { return false }
            usleep(10_000)
            return true
        }
        // Reads map the file instead of copying each page through pread: lists that scan tens of thousands of
        // rows (the complaint overdue list) spend a sixth of their time in those copies otherwise. The manufacturer
        // import turns it off on its connection while it runs (`withManufacturerBatch`).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            // The writer only: readers never commit.
            if checkpoints == .background, !db.configuration.readonly {
                BackgroundCheckpoints.shared.watch(db, path: path)
            }
        }
        let writer: any DatabaseWriter
        do {
            if exists, !Self.writable(path) {
                // A file (or folder) this user may only read: opened read-only, without the WAL's side files, so
                // reading commands work and a write says the file is read-only (issue 19).
                configuration.readonly = true
                // Without the side files, SQLite reads a WAL database only as immutable (no one else may write it
                // meanwhile, which the file's permissions say for this user's view).
                let sideFiles = FileManager.default.fileExists(atPath: path + "-shm")
                let escaped = path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3f")
                    .replacingOccurrences(of: "#", with: "%23")
                let location = sideFiles ? path : "file:" + escaped + "?immutable=1"
                writer = try DatabaseQueue(path: location, configuration: configuration)
            } else {
                writer = try DatabasePool(path: path, configuration: configuration)
            }
        } catch let error as DatabaseError where !DatabaseFailure.isBusy(error) {
            throw StorageError.unreadable(path, error.message ?? "\(error.resultCode)")
        }
        let database: AppDatabase
        do {
            database = try AppDatabase(writer, clock: clock, migrations: migrations)
        } catch let error as DatabaseError where configuration.readonly && error.resultCode == .SQLITE_READONLY {
            throw StorageError.readOnlyNeedsUpgrade(path)
        }
        // A new database speaks Chinese (issue 16); one from before the setting follows LANG until it is set.
        if !exists { _ = try database.setSetting(.locale, to: Language.zh.rawValue, actor: "aftersales init") }
        wait.seconds = Double((try? database.settings().integer(.databaseBusySeconds)) ?? 5)
        return database
    }

    /// Whether this user may write the file at `path` and create the WAL's side files beside it.
    static func writable(_ path: String) -> Bool {
        let folder = (path as NSString).deletingLastPathComponent
        return access(path, W_OK) == 0 && access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// A fresh, migrated in-memory database, for tests.
    public static func inMemory(clock: any WallClock, migrations: MigrationRegistry) throws -> AppDatabase {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: configuration), clock: clock, migrations: migrations)
    }

    /// The same database read through another clock (a scripted run's fixed instant, known once the dealer's
    /// zone is read from the database).
    public func with(clock: any WallClock) -> AppDatabase {
        var copy = self
        copy.clock = clock
        return copy
    }

    /// The current instant from the injected clock.
    public var now: Date { clock.now() }

    /// Runs a synchronous use case off the caller's thread, for async callers such as HTTP handlers,
    /// so a blocking SQLite call never stalls an event loop.
    public func run<T: Sendable>(_ body: @escaping @Sendable (AppDatabase) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try body(self) })
            }
        }
    }
}

/// How long a write waits for the write lock, in seconds; shared with the busy handler of every connection.
package final class BusyWait: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 5.0
    package var seconds: Double {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}

/// SQLite's own failures, said in the user's terms: never its raw text, never a statement.
public enum DatabaseFailure {
    /// Whether `error` is SQLite saying another connection holds the lock.
    public static func isBusy(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
    }

    /// One line for a person: what happened and what to do; nothing was written (the transaction rolled back).
    /// With the database's `path`, a busy database names the command holding it and since when (`WriteHolder`).
    public static func message(_ error: any Error, path: String? = nil) -> Phrase? {
        guard let error = error as? DatabaseError else { return nil }
        if isBusy(error), let holder = path.flatMap(WriteHolder.current(ofDatabaseAt:)) {
            return
                "the database is busy: \(holder.command) (\(holder.actor), process \(holder.process)) has been "
                + "writing to it since \(holder.since) and did not finish within the setting "
                + "database.busy-seconds; nothing was written, try again when it is done"
        }
        if isBusy(error) {
            return
                "the database is busy: another program (an import, a delivery, a campaign run or the API) is writing "
                + "to it and "
                + "did not finish within the setting database.busy-seconds; nothing was written, try again in a moment"
        }
        switch error.resultCode {
        case .SQLITE_FULL: return "the disk is full: nothing was written; free some space and try again"
        case .SQLITE_READONLY: return "the database file or its folder is read-only: nothing can be written here"
        default: return "the database refused the change (SQLite \(error.resultCode.rawValue)); nothing was written"
        }
    }
}

/// Failures of the storage layer itself, said in the user's terms.
public enum StorageError: AfterSalesError {
    case missingDatabase(String)
    case unreadable(String, String)
    case newerSchema(path: String?, unknown: [String])
    case notAnAfterSalesDatabase(String)
    case inUse(String)
    case readOnlyNeedsUpgrade(String)

    public var kind: ErrorKind { .invalid }
    public var field: String? { nil }

    public var phrase: Phrase {
        switch self {
        case .missingDatabase(let path):
            return """
                no database at \(path); create one with `aftersales init --db \(path)` or pass --db (or set \
                AFTERSALES_DB)
                """
        case .unreadable(let path, let reason):
            return "cannot open \(path) as a database: \(reason)"
        case .newerSchema(let path, let unknown):
            return """
                \(path.map { Phrase(verbatim: $0) } ?? "the database") was written by a newer AfterSales \
                (unknown migrations: \(unknown.joined(separator: ", "))); upgrade this program before using it
                """
        case .notAnAfterSalesDatabase(let path):
            return "\(path) is not an AfterSales database"
        case .readOnlyNeedsUpgrade(let path):
            return """
                \(path) is read-only for this user and was written by an older AfterSales: it needs its schema \
                brought up to date, which is a write; run `aftersales init --db \(path)` once as a user who may write it
                """
        case .inUse(let path):
            return "\(path) is open in another process (is aftersales-api running?); stop it and try again"
        }
    }
}
