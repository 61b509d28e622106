import Foundation
import GRDB
import Storage
import StorageKernel
import TestSupport
import Testing

@Suite("Where the WAL is checkpointed", .serialized)
struct CheckpointTests {
    /// Commits about 1,200 pages (4 KiB) in one transaction: past the 1,000 pages that ask for a checkpoint.
    static func fill(_ database: AppDatabase) throws {
        try database.writer.write { db in
            try db.execute(sql: "CREATE TABLE filler (bytes BLOB)")
            for _ in 0..<1_200 { try db.execute(sql: "INSERT INTO filler VALUES (randomblob(3900))") }
        }
    }

    static func size(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    @Test("a server's commit leaves the checkpoint to the background thread, which copies the WAL into the file")
    func background() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("dealer.sqlite")
        let checkpoints = BackgroundCheckpoints.shared
        let ran = checkpoints.checkpoints(of: path)
        checkpoints.pause()
        var resumed = false
        defer { if !resumed { checkpoints.resume() } }
        let database = try AppDatabase.open(path: path, create: true, checkpoints: .background)
        let before = try Self.size(path)
        try Self.fill(database)
        // The commit returned without copying its 1,200 pages into the file: they are only in the WAL.
        #expect(try Self.size(path) == before)
        checkpoints.resume()
        resumed = true
        #expect(checkpoints.wait(for: path, moreThan: ran, timeout: 60), "no checkpoint ran")
        #expect(try Self.size(path) > before + 1_000 * 4_096)
        #expect(try database.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM filler") } == 1_200)
    }

    @Test("a command's commit past 1,000 pages checkpoints itself, as SQLite does by default")
    func inline() throws {
        let folder = try TemporaryDirectory()
        let path = folder.path("dealer.sqlite")
        let database = try AppDatabase.open(path: path, create: true)
        let before = try Self.size(path)
        try Self.fill(database)
        #expect(try Self.size(path) > before + 1_000 * 4_096)
        #expect(BackgroundCheckpoints.shared.checkpoints(of: path) == 0)
    }
}
