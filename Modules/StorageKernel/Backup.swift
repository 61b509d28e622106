import Core
import Foundation
import GRDB

/// What a restore did.
public struct RestoreResult: Codable, Sendable {
    public var restoredFrom: String
    /// Where the database that was replaced was kept.
    public var previousKeptAt: String?
    public var migrationsApplied: [String]
}

extension AppDatabase {
    /// Writes a consistent copy of the database to `path` through SQLite's online backup API. Safe while
    /// other processes (the API) read and write: the copy is one snapshot. Refuses to overwrite a file.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw InvalidInput(field: "file", "\(path) exists; choose a new file name")
        }
        let destination = try DatabaseQueue(path: path)
        do {
            try writer.backup(to: destination)
            try destination.close()
        } catch {
            try? destination.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Checks that `path` is an intact AfterSales database this program can open: integrity, and a
    /// schema no newer than this program's. Returns the migrations it still needs.
    public static func checkBackup(at path: String, migrations: MigrationRegistry) throws -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { throw NotFound("backup file", path, field: "file") }
        var configuration = Configuration()
        configuration.readonly = true
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw StorageError.notAnAfterSalesDatabase(path)
        }
        defer { try? queue.close() }
        return try queue.read { db -> [String] in
            let integrity: [String]
            do { integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check") } catch {
                throw StorageError.notAnAfterSalesDatabase(path)
            }
            guard integrity == ["ok"] else {
                throw InvalidInput(
                    field: "file", "\(path) fails the integrity check: \(integrity.prefix(3).joined(separator: "; "))")
            }
            guard try db.tableExists("grdb_migrations"), try db.tableExists("audit_log") else {
                throw StorageError.notAnAfterSalesDatabase(path)
            }
            let migrator = migrations.migrator
            let applied = try migrator.appliedIdentifiers(db)
            let unknown = applied.subtracting(migrator.migrations)
            guard unknown.isEmpty else { throw StorageError.newerSchema(path: path, unknown: unknown.sorted()) }
            return migrator.migrations.filter { !applied.contains($0) }
        }
    }

    /// Replaces the database at `databasePath` with the backup at `backupPath`, after checking the backup,
    /// and only when no other process has the database open. The replaced file is kept beside it as
    /// `NAME.before-restore-TIMESTAMP`. An older backup is migrated after the restore.
    public static func restore(
        from backupPath: String, to databasePath: String, clock: any WallClock, migrations: MigrationRegistry
    ) throws -> RestoreResult {
        let pending = try checkBackup(at: backupPath, migrations: migrations)
        let fileManager = FileManager.default
        var kept: String?
        let stamp = Instant.utcString(clock.now()).replacingOccurrences(of: ":", with: "")
        let staging = databasePath + ".restoring-\(stamp)"
        try? fileManager.removeItem(atPath: staging)
        do {
            let source = try DatabaseQueue(
                path: backupPath,
                configuration: {
                    var c = Configuration()
                    c.readonly = true
                    return c
                }())
            let target = try DatabaseQueue(path: staging)
            try source.backup(to: target)
            try target.close()
            try source.close()
        }
        if fileManager.fileExists(atPath: databasePath) {
            // Leaving WAL mode needs the only connection to the file: if another process (the API) has it
            // open, this fails and nothing is touched. The exclusive lock is then held while the files move.
            var configuration = Configuration()
            configuration.busyMode = .immediateError
            let current = try DatabaseQueue(path: databasePath, configuration: configuration)
            do {
                try current.writeWithoutTransaction { db in
                    let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
                    guard mode?.lowercased() == "delete" else { throw StorageError.inUse(databasePath) }
                    try db.execute(sql: "BEGIN EXCLUSIVE")
                    kept = databasePath + ".before-restore-\(stamp)"
                    try fileManager.moveItem(atPath: databasePath, toPath: kept!)
                    try db.execute(sql: "ROLLBACK")
                }
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED
            {
                try? current.close()
                try? fileManager.removeItem(atPath: staging)
                throw StorageError.inUse(databasePath)
            } catch {
                try? current.close()
                try? fileManager.removeItem(atPath: staging)
                throw error
            }
            try current.close()
            for suffix in ["-wal", "-shm"] { try? fileManager.removeItem(atPath: databasePath + suffix) }
        }
        try fileManager.moveItem(atPath: staging, toPath: databasePath)
        _ = try AppDatabase.open(path: databasePath, clock: clock, migrations: migrations)
        return RestoreResult(restoredFrom: backupPath, previousKeptAt: kept, migrationsApplied: pending)
    }
}
