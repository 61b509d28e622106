import Foundation
import Core

/// A streaming RFC 4180 reader: fields separated by commas, optionally quoted with `"` (a quote inside
/// doubled), records ended by LF or CRLF; a quoted field may span lines. Memory stays flat.
final class CSVReader {
    private let source: TextSource
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var field: [UInt8] = []
    private var firstChunk = true

    /// The line the last record returned by `next()` started on.
    private(set) var recordLine = 0

    var bytesRead: Int { source.bytesRead }

    init(path: String, encoding: TextEncoding) throws {
        source = try TextSource(path: path, encoding: encoding)
    }

    var encoding: TextEncoding { source.encoding }

    /// The SHA-256 of the file; complete once `next()` has returned nil.
    func checksum() -> String { var copy = source.hasher; return copy.finalizeHex() }

    private func nextByte() throws -> UInt8? {
        if position == chunk.count {
            guard !atEnd, let next = try source.nextChunk() else { atEnd = true; return nil }
            chunk = next
            position = 0
            if firstChunk {
                firstChunk = false
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            }
            if position == chunk.count { return try nextByte() }
        }
        defer { position += 1 }
        return chunk[position]
    }

    private func peekByte() throws -> UInt8? {
        if position == chunk.count {
            guard !atEnd, let next = try source.nextChunk(), !next.isEmpty else { atEnd = true; return nil }
            chunk = next
            position = 0
        }
        return chunk[position]
    }

    /// The next record's fields, nil at the end. Blank lines are skipped. Throws `InvalidInput` naming the
    /// line for an unterminated quote or a stray quote.
    func next() throws -> [String]? {
        var fields: [String] = []
        field.removeAll(keepingCapacity: true)
        var inQuotes = false
        var quotedField = false
        var started = false
        recordLine = line
        while true {
            guard let byte = try nextByte() else {
                if inQuotes { throw InvalidInput(field: "line \(recordLine)", "a quoted field is not closed before the end of the file") }
                if !started { return nil }
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            }
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") { _ = try nextByte(); field.append(byte) } else { inQuotes = false }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                started = true
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                quotedField = false
            case UInt8(ascii: "\n"):
                line += 1
                if !started && field.isEmpty { recordLine = line; continue }
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                guard field.isEmpty, !quotedField else {
                    throw InvalidInput(field: "line \(line)", "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                started = true
                inQuotes = true
                quotedField = true
            default:
                started = true
                field.append(byte)
            }
        }
    }
}
