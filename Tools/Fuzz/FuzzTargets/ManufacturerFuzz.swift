import Core
import Foundation
import ManufacturerXML
import ManufacturerData

/// The manufacturer reader as the import drives it: `ManufacturerReader(path:)`, then `next()` until nil.
///
/// Invariants: the reader ends (nil) or throws an `XMLInputError` for this file; every problem it reports, thrown,
/// in a rejected item or the file's, names a line within the file (and a column); VIN batches stay within
/// `vinBatchSize`; once it has ended, `checksum()` is the SHA-256 of the bytes; it finds the file valid against the
/// XSD exactly when libxml2's validator with the whole XSD does (`SchemaValidation.libxml2`).
enum ManufacturerFuzz {
    /// More items than an input of this size can hold means the reader repeats itself.
    static let itemsPerByte = 1

    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let path = try ScratchFile.write(input, extension: "xml")
        // A gzip file's lines are those of its content, which is not at hand: only its locations' lower bound holds.
        let compressed = input.starts(with: [0x1F, 0x8B])
        let lines = compressed ? Int.max : xmlLineCount(input)
        func check(_ error: XMLInputError, _ context: String, lineZeroAllowed: Bool = false) throws(FuzzFailure) {
            try require(error.file == path, "\(context) names the file \(error.file), not \(path)")
            try require(!error.message.isEmpty, "\(context) has no message")
            try require(
                error.line >= (lineZeroAllowed ? 0 : 1) && error.line <= lines,
                "\(context) is on line \(error.line) of a file of \(lines) lines: \(error)")
            try require(error.column >= (lineZeroAllowed ? 0 : 1), "\(context) is at column \(error.column): \(error)")
        }
        let reader: ManufacturerReader
        do {
            reader = try ManufacturerReader(path: path)
        } catch let error as XMLInputError {
            // Refused before parsing (a DOCTYPE, bytes that are no XML at all): a place may be unknown yet.
            try check(error, "the refusal to open", lineZeroAllowed: true)
            return
        } catch {
            throw FuzzFailure("opening threw \(type(of: error)), not an XMLInputError: \(error)")
        }
        var items = 0
        var ended = false
        do {
            while let item = try reader.next() {
                items += 1
                try require(
                    items <= input.count * itemsPerByte + 16,
                    "more than \(items) items from \(input.count) bytes")
                try require(
                    reader.itemLine >= 1 && reader.itemLine <= lines,
                    "an item on line \(reader.itemLine) of \(lines)")
                switch item {
                case .bulletinVINs(let batch):
                    try require(
                        !batch.isEmpty && batch.count <= ManufacturerReader.vinBatchSize,
                        "a VIN batch of \(batch.count)")
                case .rejected(let rejected):
                    try require(!rejected.errors.isEmpty, "item \(rejected.key) is rejected without a problem")
                    for error in rejected.errors { try check(error, "a problem of item \(rejected.key)") }
                default:
                    break
                }
            }
            ended = true
        } catch let error as XMLInputError {
            try check(error, "the error that ends the file")
        } catch {
            throw FuzzFailure("next() threw \(type(of: error)), not an XMLInputError: \(error)")
        }
        for error in reader.fileErrors { try check(error, "a file error") }
        for warning in reader.warnings { try check(warning, "a warning") }
        try require(reader.fileErrors.count <= reader.fileErrorCount, "more file errors kept than counted")
        if ended && !compressed {
            var hasher = SHA256.Hasher()
            hasher.update(input)
            let expected = hasher.finalizeHex()
            try require(reader.checksum() == expected, "checksum \(reader.checksum()) is not the SHA-256 \(expected)")
        }
        let valid = ended && reader.schemaProblemCount == 0
        // libxml2's validator with the whole XSD: the reader's own checks of the hot elements and the reduced XSD
        // (the default) must say the same of every input.
        let whole = ManufacturerReader.verdict(path: path, validation: .libxml2)
        try require(
            valid == whole.valid,
            "the reader's schema checks find the file \(valid ? "valid" : "invalid"), libxml2's whole XSD does not: "
                + whole.problems.prefix(3).joined(separator: " | "))
    }

    /// Lines as XML counts them: LF, CR LF and a lone CR each end one.
    static func xmlLineCount(_ input: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in input.enumerated() {
            let lone =
                byte == UInt8(ascii: "\r")
                && (index + 1 == input.count || input[index + 1] != UInt8(ascii: "\n"))
            if byte == UInt8(ascii: "\n") || lone { lines += 1 }
        }
        return lines
    }
}
