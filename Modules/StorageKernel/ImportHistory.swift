import Core
import Foundation
import GRDB

/// One entry of the import history.
public struct ImportRun: Codable, Sendable {
    public var id: Int64
    public var kind: String
    public var file: String
    public var checksum: String
    public var at: Date
    public var actor: String
    public var counts: String
}
extension AppDatabase {
    /// The import history, newest first.
    public func importRuns(limit: Int = 100) throws -> [ImportRun] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM import_run ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                ImportRun(
                    id: $0["id"], kind: $0["kind"], file: $0["file"], checksum: $0["checksum"], at: $0["at"],
                    actor: $0["actor"], counts: $0["counts"])
            }
        }
    }
    /// One import of the history.
    public func importRun(id: Int64) throws -> ImportRun {
        try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM import_run WHERE id = ?", arguments: [id]) else {
                throw NotFound("import", String(id), field: "id")
            }
            return ImportRun(
                id: row["id"], kind: row["kind"], file: row["file"], checksum: row["checksum"], at: row["at"],
                actor: row["actor"], counts: row["counts"])
        }
    }
}
