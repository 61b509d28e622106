import Foundation
import CLibXML2
import Core
import ManufacturerData

/// The project's XSD (Docs/schemas/manufacturer-data.xsd, embedded at build time), parsed once per process: whole
/// (`SchemaValidation.libxml2`) and reduced (`SchemaValidation.contract`, see `ReducedSchema`).
final class ManufacturerSchema: @unchecked Sendable {
    let schema: xmlSchemaPtr?
    let reduced: xmlSchemaPtr?
    let problem: String?

    static let shared = ManufacturerSchema()

    private init() {
        let text = String(decoding: PackageResources.manufacturer_data_xsd, as: UTF8.self)
        schema = Self.parse(text)
        reduced = ReducedSchema.derive(from: text).flatMap(Self.parse)
        problem =
            schema == nil
            ? "the embedded schema manufacturer-data.xsd does not parse"
            : reduced == nil ? "the reduced schema does not derive from the embedded manufacturer-data.xsd" : nil
    }

    /// The schema of `text`, or nil when it does not parse.
    private static func parse(_ text: String) -> xmlSchemaPtr? {
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let context = xmlSchemaNewMemParserCtxt(chars.baseAddress, Int32(chars.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(context) }
                return xmlSchemaParse(context)
            }
        }
    }

    /// The schema libxml2 validates against in `validation`, or nil for none.
    func schema(for validation: SchemaValidation) -> xmlSchemaPtr? {
        switch validation {
        case .contract: reduced
        case .libxml2: schema
        case .none: nil
        }
    }
}

/// The bytes of a file, plain or gzip-compressed (zlib reads both), hashed as they stream by, with progress.
final class XMLByteSource {
    let path: String
    let totalBytes: Int64
    private let file: gzFile
    private var hasher = SHA256.Hasher()

    init(path: String) throws {
        self.path = path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            FileManager.default.isReadableFile(atPath: path)
        else {
            throw XMLInputError(file: path, line: 0, column: 0, saying: "cannot read the file")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw XMLInputError(file: path, line: 0, column: 0, saying: "is a directory, not a file")
        }
        totalBytes = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        guard let file = gzopen(path, "rb") else {
            throw XMLInputError(file: path, line: 0, column: 0, saying: "cannot open the file")
        }
        gzbuffer(file, 1 << 17)
        self.file = file
    }

    deinit { gzclose(file) }

    /// Bytes of the file (compressed, for .gz) read so far; taken once per chunk read (`gzoffset` asks the
    /// kernel, and progress is read per item).
    private(set) var bytesRead: Int64 = 0

    func read(into buffer: UnsafeMutablePointer<CChar>, count: Int32) -> Int32 {
        let n = gzread(file, buffer, UInt32(count))
        bytesRead = Int64(gzoffset(file))
        if n > 0 {
            hasher.update(UnsafeRawBufferPointer(start: buffer, count: Int(n)))
        }
        return n
    }

    /// The SHA-256 of the file's XML content (after decompression), once it has been read to the end.
    func checksum() -> String {
        var copy = hasher
        return copy.finalizeHex()
    }

    /// The first bytes of the content (decompressed), for locating a DOCTYPE.
    static func prefix(of path: String, count: Int) -> [UInt8] {
        guard let file = gzopen(path, "rb") else { return [] }
        defer { gzclose(file) }
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(count)) }
        return Array(bytes.prefix(Int(max(0, n))))
    }
}

/// Where a `<!DOCTYPE` starts, if the file has one. It can only stand in the prolog, before the root element:
/// the prolog is scanned (declarations, comments, processing instructions) up to the first element.
func doctypePosition(path: String) -> (line: Int, column: Int)? {
    let bytes = XMLByteSource.prefix(of: path, count: 1 << 16)
    var line = 1, column = 1, i = 0
    func starts(_ text: String, at index: Int) -> Bool {
        let needle = Array(text.utf8)
        return index + needle.count <= bytes.count && Array(bytes[index..<(index + needle.count)]) == needle
    }
    func advance(to end: Int) {
        while i < end && i < bytes.count {
            if bytes[i] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
    }
    func skip(past terminator: String) {
        var j = i
        while j < bytes.count && !starts(terminator, at: j) { j += 1 }
        advance(to: j + terminator.utf8.count)
    }
    while i < bytes.count {
        if starts("<!DOCTYPE", at: i) { return (line, column) }
        if starts("<!--", at: i) { skip(past: "-->"); continue }
        if starts("<?", at: i) { skip(past: "?>"); continue }
        if bytes[i] == UInt8(ascii: "<") { return nil }
        advance(to: i + 1)
    }
    return nil
}

/// libxml2's messages, made readable: no namespace braces, a VIN pattern said in words. Replaced byte by byte:
/// a file of bad VINs makes a message per VIN, and Foundation's `replacingOccurrences` (through UTF-16) took more
/// than half the time of validating one.
func readableMessage(_ raw: String) -> String {
    var message = Array(raw.utf8)
    while let last = message.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ") { message.removeLast() }
    for (target, replacement) in readableReplacements { replaceAll(target, with: replacement, in: &message) }
    return String(decoding: message, as: UTF8.self).trimmed()
}

private let readableReplacements: [([UInt8], [UInt8])] = [
    (Array("{\(ManufacturerReader.namespace)}".utf8), []),
    (
        Array("the pattern '[0-9A-HJ-NPR-Za-hj-npr-z]{17}'".utf8),
        Array("the VIN pattern (17 characters from 0-9 and A-Z without I, O, Q)".utf8)
    ),
]

/// Replaces every `target` in `bytes` with `replacement`.
func replaceAll(_ target: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
    guard let first = target.first, bytes.count >= target.count else { return }
    var output: [UInt8] = []
    var copied = 0
    var index = 0
    while index + target.count <= bytes.count {
        if bytes[index] == first, bytes[index..<(index + target.count)].elementsEqual(target) {
            if output.isEmpty { output.reserveCapacity(bytes.count) }
            output += bytes[copied..<index]
            output += replacement
            index += target.count
            copied = index
        } else {
            index += 1
        }
    }
    guard copied > 0 else { return }
    output += bytes[copied...]
    bytes = output
}

/// libxml2's message for bytes it could not convert from the file's declared encoding (`input conversion failed due
/// to input error, bytes 0x9F 0x3C 0x2F 0x54`: the first is the one it stopped at), said as what to do.
func encodingMessage(_ raw: String) -> Phrase {
    let prefix = "input conversion failed due to input error, bytes "
    let bytes = raw.trimmed().hasPrefix(prefix) ? raw.trimmed().dropFirst(prefix.count).split(separator: " ") : []
    let advice: Phrase =
        "save the file in that encoding (UTF-8 or GB18030) or correct encoding= in its first line"
    guard let first = bytes.first else {
        return "the bytes here are not in the encoding the XML declaration names: \(advice)"
    }
    guard bytes.count > 1 else {
        return "byte \(String(first)) is not in the encoding the XML declaration names: \(advice)"
    }
    return "byte \(String(first)) (before \(bytes.dropFirst().joined(separator: " "))) is not in the encoding "
        + "the XML declaration names: \(advice)"
}
