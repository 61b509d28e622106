import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite("Database files: migrations, backup, restore")
struct DatabaseFileTests {
    let clock = FixedClock(instant("2026-11-23T09:00:00+08:00"))

    func seeded(_ path: String) throws -> AppDatabase {
        let db = try AppDatabase.open(path: path, create: true, clock: clock)
        _ = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .potential, createdAt: db.now), phones: ["13800138000"]),
            actor: "t")
        return db
    }

    @Test("A missing database is an error that says how to create one, unless asked to create it")
    func missing() throws {
        let folder = try TemporaryDirectory()
        #expect(throws: StorageError.self) { try AppDatabase.open(path: folder.path("none.sqlite")) }
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.sqlite")))
        _ = try AppDatabase.open(path: folder.path("new.sqlite"), create: true)
        #expect(FileManager.default.fileExists(atPath: folder.path("new.sqlite")))
    }

    @Test("The file is in WAL mode with foreign keys on, and opening it again migrates nothing")
    func walAndForeignKeys() throws {
        let folder = try TemporaryDirectory()
        let db = try seeded(folder.path("a.sqlite"))
        let (mode, foreignKeys) = try db.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == true)
        let again = try AppDatabase.open(path: folder.path("a.sqlite"), clock: clock)
        #expect(try again.schemaStatus().applied.count == Schema.knownMigrations.count)
    }

    @Test("A database written by a newer program is refused with a clear message")
    func newerSchema() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("newer.sqlite")
        _ = try seeded(path)
        let queue = try DatabaseQueue(path: path)
        try queue.write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2099-01-01 future: teleporters')")
        }
        try queue.close()
        do {
            _ = try AppDatabase.open(path: path)
            Issue.record("a newer database must be refused")
        } catch let error as StorageError {
            #expect(error.description.contains("newer AfterSales"))
            #expect(error.description.contains("2099-01-01 future: teleporters"))
        }
    }

    @Test("Backup is a consistent copy, taken while another connection writes")
    func backupWhileWriting() async throws {
        let folder = try TemporaryDirectory()
        let db = try seeded(folder.path("live.sqlite"))
        let writer = Task.detached {
            for i in 0..<200 {
                _ = try db.addCustomer(
                    NewCustomer(
                        customer: Customer(name: "客户\(i)", customerClass: .potential, createdAt: db.now), phones: []),
                    actor: "t")
            }
        }
        try db.backup(to: folder.path("copy.sqlite"))
        try await writer.value
        let copy = try AppDatabase.open(path: folder.path("copy.sqlite"), clock: clock)
        let copied = try copy.listCustomers(limit: 1).total
        #expect(copied >= 1 && copied <= 201)
        // Every customer in the copy has its audit entry: the snapshot is one transaction.
        #expect(try copy.auditEntries(AuditFilter(entity: "customer", limit: 1000)).count == copied)
        #expect(throws: InvalidInput.self) { try db.backup(to: folder.path("copy.sqlite")) }
    }

    @Test("Restore replaces the database with the backup and keeps the previous file")
    func restore() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("dealer.sqlite")
        do {
            let db = try seeded(path)
            try db.backup(to: folder.path("backup.sqlite"))
            _ = try db.addCustomer(
                NewCustomer(customer: Customer(name: "李强", customerClass: .potential, createdAt: db.now), phones: []),
                actor: "t")
            try db.writer.close()
        }
        let result = try AppDatabase.restore(from: folder.path("backup.sqlite"), to: path, clock: clock)
        #expect(try AppDatabase.open(path: path).listCustomers().items.map(\.name) == ["王芳"])
        let kept = try #require(result.previousKeptAt)
        #expect(try AppDatabase.open(path: kept).listCustomers().items.map(\.name) == ["王芳", "李强"])
    }

    @Test("Restore is refused while another connection has the database open, and nothing changes")
    func restoreWhileOpen() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("dealer.sqlite")
        let db = try seeded(path)
        try db.backup(to: folder.path("backup.sqlite"))
        _ = try db.addCustomer(
            NewCustomer(customer: Customer(name: "李强", customerClass: .potential, createdAt: db.now), phones: []),
            actor: "t")
        _ = try db.listCustomers()  // the pool holds open connections, as the API does
        #expect(throws: StorageError.self) {
            try AppDatabase.restore(from: folder.path("backup.sqlite"), to: path, clock: clock)
        }
        #expect(try db.listCustomers().total == 2)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter {
            $0.contains("restoring") || $0.contains("before-restore")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("Restore refuses a file that is not an intact AfterSales database")
    func restoreBadFile() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("dealer.sqlite")
        try seeded(path).writer.close()
        let before = try Binaries.dump(path)
        try folder.write("junk.sqlite", "this is not a database")
        #expect(throws: (any Error).self) {
            try AppDatabase.restore(from: folder.path("junk.sqlite"), to: path, clock: clock)
        }
        let other = try DatabaseQueue(path: folder.path("other.sqlite"))
        try other.write { try $0.execute(sql: "CREATE TABLE t (x)") }
        try other.close()
        #expect(throws: StorageError.self) {
            try AppDatabase.restore(from: folder.path("other.sqlite"), to: path, clock: clock)
        }
        #expect(try Binaries.dump(path) == before)
    }
}
