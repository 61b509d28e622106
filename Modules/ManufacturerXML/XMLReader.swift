import Foundation
import CLibXML2
import Core

/// A problem in a manufacturer file, located as `FILE:LINE:COLUMN: message`.
public struct XMLInputError: AfterSalesError, Equatable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    public var kind: ErrorKind { .invalid }
    public var field: String? { nil }
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A pull reader over libxml2's xmlTextReader: one node at a time, so memory does not grow with the file.
/// Safe by construction: no network (XML_PARSE_NONET), no entity expansion, no DTD loading, libxml2's
/// amplification limits kept (no XML_PARSE_HUGE), and any DOCTYPE is an error at its line and column.
final class XMLPullReader {
    enum Event {
        case start(name: String, namespace: String?, attributes: [String: String], isEmpty: Bool)
        case text(String)
        case end(name: String)
    }

    let file: String
    private let reader: OpaquePointer

    init(path: String) throws {
        file = path
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw XMLInputError(file: path, line: 0, column: 0, message: "cannot read the file")
        }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw XMLInputError(file: path, line: 0, column: 0, message: "cannot open the file as XML")
        }
        self.reader = reader
    }

    deinit { xmlFreeTextReader(reader) }

    /// The line of the node being read (the reader's parser runs ahead of it, so its position is not used).
    var line: Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let line = Int(xmlGetLineNo(node))
            if line > 0 { return line }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    /// The parser's column when it is still on the node's line; 1 otherwise (libxml2 keeps no column per node).
    var column: Int {
        Int(xmlTextReaderGetParserLineNumber(reader)) == line ? max(1, Int(xmlTextReaderGetParserColumnNumber(reader))) : 1
    }

    func error(_ message: String) -> XMLInputError { XMLInputError(file: file, line: line, column: column, message: message) }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    /// Where `<!DOCTYPE` starts: it can only stand in the prolog, so the first 64 KiB of the file hold it.
    private func doctypePosition() -> (Int, Int)? {
        guard let handle = FileHandle(forReadingAtPath: file) else { return nil }
        defer { try? handle.close() }
        let bytes = Array(handle.readData(ofLength: 1 << 16))
        let needle = Array("<!DOCTYPE".utf8)
        guard bytes.count >= needle.count else { return nil }
        var line = 1, column = 1
        for i in 0...(bytes.count - needle.count) {
            if bytes[i] == needle[0], Array(bytes[i..<(i + needle.count)]) == needle { return (line, column) }
            if bytes[i] == UInt8(ascii: "\n") { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return nil
    }

    /// The next event, or nil at the end of the document.
    func next() throws -> Event? {
        while true {
            xmlResetLastError()
            let status = xmlTextReaderRead(reader)
            if status == 0 { return nil }
            if status < 0 {
                let last = xmlGetLastError()
                let message = last.flatMap { $0.pointee.message.map { String(cString: $0) } }?.trimmed() ?? "the file is not well-formed XML"
                let (line, column) = last.map { (Int($0.pointee.line), Int($0.pointee.int2)) } ?? (self.line, self.column)
                throw XMLInputError(file: file, line: line, column: column, message: message)
            }
            switch xmlTextReaderNodeType(reader) {
            case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                let (line, column) = doctypePosition() ?? (self.line, self.column)
                throw XMLInputError(file: file, line: line, column: column, message: "a DOCTYPE is not allowed in manufacturer files (no DTDs, no entities)")
            case Int32(XML_READER_TYPE_ENTITY_REFERENCE.rawValue), Int32(XML_READER_TYPE_ENTITY.rawValue):
                throw error("entity references are not allowed in manufacturer files")
            case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                let name = string(xmlTextReaderConstLocalName(reader)) ?? ""
                let namespace = string(xmlTextReaderConstNamespaceUri(reader))
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                var attributes: [String: String] = [:]
                if xmlTextReaderMoveToFirstAttribute(reader) == 1 {
                    repeat {
                        if let key = string(xmlTextReaderConstLocalName(reader)), let value = string(xmlTextReaderConstValue(reader)),
                           string(xmlTextReaderConstPrefix(reader)) != "xmlns", key != "xmlns" {
                            attributes[key] = value
                        }
                    } while xmlTextReaderMoveToNextAttribute(reader) == 1
                    xmlTextReaderMoveToElement(reader)
                }
                return .start(name: name, namespace: namespace, attributes: attributes, isEmpty: isEmpty)
            case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue):
                return .text(string(xmlTextReaderConstValue(reader)) ?? "")
            case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                return .end(name: string(xmlTextReaderConstLocalName(reader)) ?? "")
            default:
                continue
            }
        }
    }
}
