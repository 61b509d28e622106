import Core
import Foundation

/// A streaming RFC 4180 reader: fields separated by commas, optionally quoted with `"` (a quote inside
/// doubled), records ended by LF or CRLF; a quoted field may span lines. Memory stays flat. What RFC 4180 gives no
/// meaning (a quote inside an unquoted field, text after a closing quote, a quote never closed) is a
/// `TextInputError` naming its line and column, and so are bytes that are not in the file's encoding.
package final class CSVReader {
    private let source: TextSource
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var line = 1
    /// Where the current line starts in `chunk`, or -1 when it started in an earlier chunk, which held
    /// `carriedColumns` characters of it. Columns are counted only when an error needs one.
    private var lineStart = 0
    private var carriedColumns = 0
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
        // The current line goes on in the next chunk: what this one holds of it counts for its columns there.
        carriedColumns =
            lineStart >= 0 ? Self.characters(chunk[lineStart...]) : carriedColumns + Self.characters(chunk[...])
        lineStart = -1
        guard !atEnd else { return false }
        let next: [UInt8]?
        do { next = try source.nextChunk() } catch let error as UndecodableBytes {
            // The bytes follow the text read so far: on the current line, after what it holds.
            throw TextInputError(line: line, column: carriedColumns + 1, error.reason)
        }
        guard let next else {
            atEnd = true
            return false
        }
        chunk = next
        position = 0
        if firstChunk {
            firstChunk = false
            if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
            lineStart = position
        }
        return true
    }

    /// The error at the byte at `index` of the chunk, on `line`, which starts at `lineStart`.
    private func problem(_ line: Int, _ lineStart: Int, _ index: Int, _ reason: Phrase) -> TextInputError {
        TextInputError(line: line, column: column(at: index, lineStart: lineStart), reason)
    }

    /// The column of the byte at `index` of the chunk, on a line that starts at `lineStart` of the chunk (-1: on the
    /// line the chunk began with): characters from the line's start, from 1.
    private func column(at index: Int, lineStart: Int) -> Int {
        if lineStart >= 0 { return 1 + Self.characters(chunk[lineStart..<index]) }
        return 1 + carriedColumns + Self.characters(chunk[..<index])
    }

    /// The characters UTF-8 `bytes` hold (their bytes that do not continue a character).
    private static func characters(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The next record's fields, nil at the end. Blank lines are skipped. Throws `TextInputError` naming the line
    /// and column of a stray quote, of text after a closing quote, or of the quote that opens a field never closed.
    /// The loop works on locals: it runs once per byte.
    package func next() throws -> [String]? {
        var fields: [String] = []
        var field = self.field
        self.field = []
        field.removeAll(keepingCapacity: true)
        var line = self.line
        var position = self.position
        var lineStart = self.lineStart
        defer {
            self.field = field
            self.line = line
            self.position = position
            self.lineStart = lineStart
        }
        var inQuotes = false
        var afterQuote = false  // a quote inside a quoted field: either the first of "" or the closing one
        var quotedField = false  // the field began with a quote (which may be closed already)
        var started = false
        // Where the open quoted field's quote is: its line, and its index in the chunk until the chunk is left
        // (then its column).
        var quote = (line: 0, lineStart: 0, index: -1, column: 0)
        recordLine = line
        while true {
            if position == chunk.count {
                self.position = position
                self.line = line
                self.lineStart = lineStart
                if inQuotes, quote.index >= 0 {
                    quote.column = column(at: quote.index, lineStart: quote.lineStart)
                    quote.index = -1
                }
                guard try refill() else {
                    if inQuotes && !afterQuote {
                        throw TextInputError(
                            line: quote.line, column: quote.column,
                            "the quoted field that starts here is not closed before the end of the file")
                    }
                    if !started && field.isEmpty { return nil }
                    fields.append(String(decoding: field, as: UTF8.self))
                    return fields
                }
                position = self.position
                lineStart = self.lineStart
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
                    if byte == UInt8(ascii: "\n") {
                        line += 1
                        lineStart = position
                    }
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
                lineStart = position
                if !started && field.isEmpty {
                    recordLine = line
                    continue
                }
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            case UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                if quotedField {
                    throw problem(
                        line, lineStart, position - 1,
                        "a quote after the closing quote of a field; double each quote inside a quoted field (\"\")")
                }
                guard field.isEmpty else {
                    throw problem(
                        line, lineStart, position - 1,
                        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")")
                }
                started = true
                inQuotes = true
                quotedField = true
                quote = (line, lineStart, position - 1, 0)
            default:
                // RFC 4180 gives `"abc"def` no meaning: a quoted field ends at its closing quote.
                if quotedField {
                    throw problem(
                        line, lineStart, position - 1,
                        "text after the closing quote of a field; a field is quoted as a whole (its quotes doubled: "
                            + "\"a \"\"b\"\" c\") or not at all")
                }
                started = true
                field.append(byte)
            }
        }
    }
}
