import Foundation
import Core
import TextInput

/// The CSV reader over a text file, in each encoding a customer import may name.
///
/// Invariants: the reader returns records until nil or throws `TextInputError` naming a line of the file and a
/// column, or `InvalidInput` naming a line (`line N`) or the file's bytes (`file`); records start on lines that never
/// go back; once it has ended,
/// `checksum()` is the SHA-256 of the bytes; and, read as UTF-8, the records written back as CSV (every field
/// quoted) read back the same.
enum CSVFuzz {
    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let path = try ScratchFile.write(input, extension: "csv")
        let lines = lineCount(input)
        for encoding in TextEncoding.allCases {
            guard let records = try read(path: path, encoding: encoding, lines: lines) else { continue }
            var hasher = SHA256.Hasher()
            hasher.update(input)
            try require(records.checksum == hasher.finalizeHex(), "\(encoding): the checksum is not the file's SHA-256")
            // Written back once, from the explicit UTF-8 read (every TextSource costs a 1 MiB buffer).
            guard encoding == .utf8 else { continue }
            let written = try ScratchFile.write(csv(records.fields), extension: "written.csv")
            let again: [[String]]
            do {
                let reader = try CSVReader(path: written, encoding: .utf8)
                var read: [[String]] = []
                while let record = try reader.next() { read.append(record) }
                again = read
            } catch {
                throw FuzzFailure("the records written back as CSV do not read (\(error)): \(records.fields)")
            }
            try require(
                again == records.fields,
                "written back as CSV, \(records.fields) read as \(again)")
        }
    }

    /// The records of a file, or nil when the reader refused it as it should.
    static func read(
        path: String, encoding: TextEncoding, lines: Int
    ) throws(FuzzFailure)
        -> (fields: [[String]], checksum: String, encoding: TextEncoding)?
    {
        var records: [[String]] = []
        var lastLine = 0
        do {
            let reader = try CSVReader(path: path, encoding: encoding)
            try require(
                encoding == .auto ? reader.encoding != .auto : reader.encoding == encoding,
                "\(encoding) read as \(reader.encoding)")
            while let record = try reader.next() {
                try require(
                    reader.recordLine >= max(1, lastLine) && reader.recordLine <= lines,
                    "\(encoding): a record on line \(reader.recordLine) after \(lastLine), of \(lines) lines")
                try require(records.count <= lines, "\(encoding): more records than lines")
                lastLine = reader.recordLine
                records.append(record)
            }
            return (records, reader.checksum(), reader.encoding)
        } catch let error as TextInputError {
            try require(
                error.line >= max(1, lastLine) && error.line <= lines && error.column >= 1,
                "\(encoding): the error is at line \(error.line), column \(error.column) of \(lines) lines: \(error)")
            return nil
        } catch let error as InvalidInput {
            if error.field == "file" || error.field == "encoding" { return nil }
            guard let field = error.field, field.hasPrefix("line "),
                let line = Int(field.dropFirst("line ".count))
            else {
                throw FuzzFailure("\(encoding): the error names neither a line nor the file: \(error)")
            }
            try require(
                line >= max(1, lastLine) && line <= lines,
                "\(encoding): the error is on line \(line) of \(lines): \(error)")
            return nil
        } catch let failure as FuzzFailure {
            throw failure
        } catch {
            throw FuzzFailure("\(encoding): the reader threw \(type(of: error)), not one of its errors: \(error)")
        }
    }

    /// Records as RFC 4180 text with every field quoted. Quotes are doubled byte by byte: as Characters, a quote
    /// followed by a combining mark (`"\u{073B}`) is no `"` and would be left single.
    static func csv(_ records: [[String]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for record in records {
            for (index, field) in record.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    bytes.append(byte)
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                }
                bytes.append(UInt8(ascii: "\""))
            }
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }
}
