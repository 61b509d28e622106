import Core
import Foundation
import Storage

/// Files kept with records on the command line: a complaint's evidence (K-14), a repair order's walk-around photos
/// reading the file given, writing one out, and the table that lists them.
enum AttachedFiles {
    /// The bytes of the file at `path`; a file that cannot be read is refused naming `field`.
    static func read(_ path: String, field: String = "file") throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InvalidInput(field: field, "cannot read \(path)")
        }
        return [UInt8](data)
    }

    /// Writes a kept file's bytes to `out` and says so.
    static func write(_ info: AttachmentInfo, _ data: Data, to out: String, output: Output) throws {
        guard FileManager.default.createFile(atPath: out, contents: data) else {
            throw InvalidInput(field: "out", "cannot write \(out)")
        }
        output.note("wrote \(info.name) (\(info.mediaType), \(grouped: info.size) bytes) to \(out)")
    }

    /// The files as a table: id, name, kind, type, size, when and by whom, the note.
    static func table(_ files: [AttachmentInfo], zone: TimeZone) -> TextTable {
        TextTable(
            columns: ["id", "name", "kind", "type", "bytes", "added"],
            rows: files.map {
                [
                    String($0.id), $0.name, $0.kind.spoken.rendered(), $0.mediaType, Grouping.thousands($0.size),
                    Phrase("\(Instant.localString($0.addedAt, in: zone)) by \($0.addedBy)").rendered(),
                ]
            })
    }
}
