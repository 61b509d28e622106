import Core
import Foundation
import GRDB

/// A file kept with a record, as described without its bytes: a complaint's evidence (K-14), a repair order's
/// walk-around photo.
public struct AttachmentInfo: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: AttachmentKind
    public var mediaType: String
    public var size: Int
    public var sha256: String
    public var note: String?
    public var addedAt: Date
    public var addedBy: String
}

/// The one way files are kept with records: a table with the owner's id column and `name, kind, media_type, size,
/// sha256, content, note, added_at, added_by` (UNIQUE owner and sha256). The size and type are checked from the bytes
/// (K-14, `AttachmentType.check`); the same file twice on one record is refused.
package struct AttachmentTable: Sendable {
    /// `complaint_attachment`, `work_order_photo`.
    package let table: String
    /// The owner's id column: `complaint_id`, `order_id`.
    package let owner: String

    package init(table: String, owner: String) {
        self.table = table
        self.owner = owner
    }

    /// Checks and stores a file for the record `ownerID`; returns its description.
    package func add(
        _ db: Database, to ownerID: Int64, name: String, bytes: [UInt8], declared: AttachmentKind?, maxMegabytes: Int,
        note: String?, now: Date, actor: String
    ) throws -> AttachmentInfo {
        let fileName = try Self.fileName(name)
        let type = try AttachmentType.check(bytes, name: fileName, declared: declared, maxMegabytes: maxMegabytes)
        var hasher = SHA256.Hasher()
        hasher.update(bytes)
        let hash = hasher.finalizeHex()
        if let existing = try String.fetchOne(
            db, sql: "SELECT name FROM \(table) WHERE \(owner) = ? AND sha256 = ?", arguments: [ownerID, hash])
        {
            throw Conflict(field: "file", "the same file is already attached as \(existing)")
        }
        let note = note?.trimmed().nilIfEmpty
        try db.execute(
            sql: """
                INSERT INTO \(table) (\(owner), name, kind, media_type, size, sha256, content, note, added_at, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                ownerID, fileName, type.kind.rawValue, type.mediaType, bytes.count, hash, Data(bytes), note, now, actor,
            ])
        return AttachmentInfo(
            id: db.lastInsertedRowID, name: fileName, kind: type.kind, mediaType: type.mediaType, size: bytes.count,
            sha256: hash, note: note, addedAt: now, addedBy: actor)
    }

    /// The file's name without its folders; refused when nothing is left.
    package static func fileName(_ name: String) throws -> String {
        let fileName = (name as NSString).lastPathComponent.trimmed()
        guard !fileName.isEmpty else { throw InvalidInput(field: "name", "give the file's name") }
        return fileName
    }

    /// The record's files, oldest first, without their bytes.
    package func list(_ db: Database, of ownerID: Int64) throws -> [AttachmentInfo] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT id, name, kind, media_type, size, sha256, note, added_at, added_by FROM \(table) \
                WHERE \(owner) = ? ORDER BY id
                """, arguments: [ownerID]
        ).map(Self.info)
    }

    /// One file with its bytes, or nil when the record has no such file.
    package func file(_ db: Database, of ownerID: Int64, id: Int64) throws -> (AttachmentInfo, Data)? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM \(table) WHERE \(owner) = ? AND id = ?", arguments: [ownerID, id])
        else { return nil }
        return (Self.info(row), row["content"])
    }

    package static func info(_ row: Row) -> AttachmentInfo {
        AttachmentInfo(
            id: row["id"], name: row["name"], kind: AttachmentKind(rawValue: row["kind"]) ?? .document,
            mediaType: row["media_type"], size: row["size"], sha256: row["sha256"], note: row["note"],
            addedAt: row["added_at"], addedBy: row["added_by"])
    }
}
