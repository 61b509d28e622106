import Core
import Foundation

/// A streaming RFC 4180 reader: fields separated by commas, optionally quoted with `"` (a quote inside
/// doubled), records ended by LF or CRLF; a quoted field may span lines. Memory stays flat.
package final class CSVReader {
    private let source: TextSource
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    private var field: [UInt8] = []
    private var firstChunk = true

    /// The line the last record returned by `next()` started on.
    package private(set) var recordLine = 0

    package var bytesRead: Int { source.bytesRead }

    package init(path: String, encoding: TextEncoding) throws {
        source = try TextSource(path: path, encoding: encoding)
    }

    package var encoding: TextEncoding { source.encoding }

    /// The SHA-256 of the file; complete once `next()` has returned nil.
    package func checksum() -> String {
        var copy = source.hasher
        return copy.finalizeHex()
    }

    /// Loads the next chunk; false at the end of the file.
    private func refill() throws -> Bool {
        guard !atEnd, let next = try source.nextChunk() else {
            atEnd = true
            return false
        }
        chunk = next
        position = 0
        if firstChunk {
            firstChunk = false
            if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        }
        return true
    }

    /// The next record's fields, nil at the end. Blank lines are skipped. Throws `InvalidInput` naming the
    /// line for an unterminated quote or a stray quote. The loop works on locals: it runs once per byte.
    package func next() throws -> [String]? {
        var fields: [String] = []
        var field = self.field
        self.field = []
        field.removeAll(keepingCapacity: true)
        var line = self.line
        var position = self.position
        defer {
            self.field = field
            self.line = line
            self.position = position
        }
        var inQuotes = false
        var afterQuote = false  // a quote inside a quoted field: either the first of "" or the closing one
        var quotedField = false
        var started = false
        recordLine = line
        while true {
            if position == chunk.count {
                self.position = position
                guard try refill() else {
                    if inQuotes && !afterQuote {
                        throw InvalidInput(
                            field: "line \(recordLine)", "a quoted field is not closed before the end of the file")
                    }
                    if !started && field.isEmpty { return nil }
                    fields.append(String(decoding: field, as: UTF8.self))
                    return fields
                }
                position = self.position
                continue
            }
            let byte = chunk[position]
            position += 1
            if inQuotes {
                if afterQuote {
                    afterQuote = false
                    if byte == UInt8(ascii: "\"") {
                        field.append(byte)
                        continue
                    }
                    inQuotes = false  // the quote closed the field; this byte is read as unquoted below
                } else if byte == UInt8(ascii: "\"") {
                    afterQuote = true
                    continue
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                    continue
                }
            }
            switch byte {
            case UInt8(ascii: ","):
                started = true
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                quotedField = false
            case UInt8(ascii: "\n"):
                line += 1
                if !started && field.isEmpty {
                    recordLine = line
                    continue
                }
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                guard field.isEmpty, !quotedField else {
                    throw InvalidInput(
                        field: "line \(line)",
                        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
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
