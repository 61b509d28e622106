import Foundation
import CLibXML2
import Core
import ManufacturerData

/// Streams a manufacturer file (plain or .gz, UTF-8 or GB18030) through libxml2's SAX2 push parser, validating it
/// against the project's XSD as it goes, and hands each element event to an `ItemAssembler`, which turns the
/// events into typed items one at a time; a bulletin's VINs come in batches, so memory does not grow with the
/// file. The file is fed to the parser a chunk at a time (`chunkSize`); the items a chunk completes wait in a
/// queue until they are asked for.
///
/// This is the part that talks to libxml2: the parser and its callbacks, the chunk buffer, element names interned
/// as pointers into libxml2's dictionary, libxml2's errors queued for the assembler by line, and the limits.
/// Safe by construction: no network (XML_PARSE_NONET), no entity expansion, no DTD loading, libxml2's limits kept
/// (no XML_PARSE_HUGE), any DOCTYPE is an error at its line and column, and elements nested deeper than
/// `depthLimit` or a text longer than `textLimit` stop the file.
///
/// Errors: a problem inside an item (schema or content) rejects that item and reading goes on; a problem outside
/// any item is a file error (`fileErrors`); a file that is not well-formed stops the reader with a thrown error,
/// after the items read before it. The schema validator sees every event before the assembler does, so when the
/// assembler meets an element, the validator's problems with it (and with everything before it) are already
/// queued; libxml2 reports lines, not nodes, so a problem goes to the item whose lines hold it.
public final class ManufacturerReader {
    public static let namespace = "urn:aftersales:manufacturer-data:1"
    public static let vinBatchSize = ItemAssembler.vinBatchSize
    static let itemErrorLimit = ItemAssembler.itemErrorLimit
    /// Bytes handed to the parser at a time.
    static let chunkSize = 1 << 16
    /// The contract nests five deep; anything much deeper is refused before it costs memory.
    static let depthLimit = 64
    /// The longest text an element may hold (a bulletin's summary is a few hundred characters).
    static let textLimit = 1 << 20

    public let file: String
    public var manufacturer: String { assembler.manufacturer }
    public var issued: Date? { assembler.issued }
    /// The day of `issued` as the manufacturer wrote it (its own offset): the day a changed price takes effect.
    public var issuedDay: LocalDate? { assembler.issuedDay }
    /// Problems outside any item, in file order (at most `listLimit` kept; `fileErrorCount` counts all).
    public var fileErrors: [XMLInputError] { assembler.fileErrors }
    public var fileErrorCount: Int { assembler.fileErrorCount }
    public var warnings: [XMLInputError] { assembler.warnings }
    public var warningCount: Int { assembler.warningCount }
    public var sectionsSeen: [Section] { assembler.sectionsSeen }
    public var listLimit: Int {
        get { assembler.listLimit }
        set { assembler.listLimit = newValue }
    }
    /// The line of the item delivered last.
    public private(set) var itemLine = 0

    private let source: XMLByteSource
    /// libxml2's side: freed with it, also when `init` fails halfway.
    private let sax: SAXParts
    private var parser: xmlParserCtxtPtr? { sax.parser }
    private let errorBox: ErrorBox
    private var assembler: ItemAssembler
    private var stack: [ContractName] = []
    /// Items assembled and not yet delivered.
    private var out: [AssembledItem] = []
    private var outIndex = 0
    private var finished = false
    /// Why the file stops: not well-formed, or refused by this reader; thrown once the items before it are delivered.
    private var stopped: XMLInputError?
    /// Bytes of text since the last tag, for `textLimit`.
    private var textSeen = 0

    /// Opens a file; `validateSchema: false` skips the XSD (never used by the tools; kept for measuring its cost).
    public init(path: String, validateSchema: Bool = true) throws {
        file = path
        let sax = SAXParts()
        self.sax = sax
        source = try XMLByteSource(path: path)
        // Refused before parsing starts: the parser would otherwise read the DTD's declarations first.
        if let position = doctypePosition(path: path) {
            throw Self.doctypeRefused(path, at: position)
        }
        assembler = ItemAssembler(file: path, position: sax)
        errorBox = ErrorBox(file: path, problems: assembler.problems)
        if validateSchema {
            guard let schema = ManufacturerSchema.shared.schema else {
                throw XMLInputError(
                    file: path, line: 0, column: 0,
                    message: ManufacturerSchema.shared.problem ?? "no schema")
            }
            sax.validation = xmlSchemaNewValidCtxt(schema)
            sax.plug = sax.validation.flatMap { xmlSchemaSAXPlug($0, sax.schemaHandler, sax.schemaData) }
            guard sax.plug != nil else {
                throw XMLInputError(file: path, line: 0, column: 0, message: "cannot set up the schema validation")
            }
        }
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = {
            context, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
            defaulted, attributes in
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.startElementNs?(
                    reader.sax.schemaData.pointee, localName, prefix, uri, namespaceCount,
                    namespaces, attributeCount, defaulted, attributes)
            }
            reader.startElement(localName, namespace: uri, attributeCount: Int(attributeCount), attributes: attributes)
        }
        handler.endElementNs = { context, localName, prefix, uri in
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.endElementNs?(reader.sax.schemaData.pointee, localName, prefix, uri)
            }
            reader.endElement()
        }
        // Text and blanks alike (one function for both spares the parser its test for ignorable blanks).
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let context, let bytes else { return }
            let reader = ManufacturerReader.of(context)
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.characters?(reader.sax.schemaData.pointee, bytes, count)
            }
            reader.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            // Only reached when a prolog longer than the scanned 64 KiB hid the DOCTYPE from the check in init.
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            reader.stop(ManufacturerReader.doctypeRefused(reader.file, at: (reader.line, reader.column)))
        }
        handler.reference = { context, _ in
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            reader.stop(
                XMLInputError(
                    file: reader.file, line: reader.line, column: reader.parserColumn,
                    message: "entity references are not allowed in manufacturer files"))
        }
        // The first bytes tell the parser the file's encoding; the rest follows chunk by chunk.
        let first = source.read(into: sax.chunk, count: 4)
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&handler, context, sax.chunk, max(0, first), path) else {
            throw XMLInputError(file: path, line: 0, column: 0, message: "cannot open the file as XML")
        }
        sax.parser = parser
        errorBox.parser = parser
        // No XML_PARSE_NOENT (entities are never substituted), no XML_PARSE_HUGE (libxml2's size limits stay).
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue))
        if let validation = sax.validation {
            xmlSchemaValidateSetLocator(validation, cxml_locator, UnsafeMutableRawPointer(parser))
        }
        if let dictionary = cxml_dict(parser) {
            for name in ContractName.allCases where name != .unknown {
                if let pointer = xmlDictLookup(dictionary, name.text, -1) { remember(pointer, as: name) }
            }
        }
    }

    /// The reader a SAX callback's context stands for.
    private static func of(_ context: UnsafeMutableRawPointer) -> ManufacturerReader {
        Unmanaged<ManufacturerReader>.fromOpaque(context).takeUnretainedValue()
    }

    /// Bytes of the file read so far (compressed bytes for .gz) and the file's size, for progress.
    public var bytesRead: Int64 { source.bytesRead }
    public var totalBytes: Int64 { source.totalBytes }

    /// The SHA-256 of the file's content; complete once `next()` has returned nil.
    public func checksum() -> String { source.checksum() }

    // MARK: - Reading

    /// The next item, or nil at the end of the file. Throws `XMLInputError` when the file is not well-formed XML.
    public func next() throws -> ManufacturerItem? {
        if outIndex >= out.count {
            out.removeAll(keepingCapacity: true)
            outIndex = 0
            while out.isEmpty && !finished {
                feed()
                assembler.takeItems(into: &out)
            }
            if out.isEmpty {
                if let stopped { self.stopped = nil; throw stopped }
                return nil
            }
        }
        defer { outIndex += 1 }
        itemLine = out[outIndex].line
        return out[outIndex].item
    }

    /// Hands the parser the next chunk of the file (the end of the file once there is none); its callbacks hand
    /// the assembler the events, and it queues the items they complete.
    private func feed() {
        guard let parser else { finished = true; return }
        // Errors go to the assembler's queue through libxml2's (thread-local) structured handler, set on this
        // thread while the parser runs.
        xmlSetStructuredErrorFunc(
            Unmanaged.passUnretained(errorBox).toOpaque(),
            { box, error in
                guard let box, let error else { return }
                Unmanaged<ErrorBox>.fromOpaque(box).takeUnretainedValue().add(error.pointee)
            })
        cxml_mute_generic_errors()
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let count = source.read(into: sax.chunk, count: Int32(Self.chunkSize))
        let end = count <= 0
        xmlParseChunk(parser, end ? nil : sax.chunk, end ? 0 : count, end ? 1 : 0)
        if stopped == nil, cxml_well_formed(parser) == 0 {
            stopped =
                errorBox.problems.stoppingProblem
                ?? XMLInputError(file: file, line: line, column: column, message: "the file is not well-formed XML")
        }
        if stopped != nil {
            errorBox.problems.removeAll()
            finished = true
        } else if end {
            finished = true
            assembler.finish(atTopLevel: stack.isEmpty)
        }
    }

    /// Stops the parser at a problem that ends the file.
    private func stop(_ error: XMLInputError) {
        if stopped == nil { stopped = error }
        if let parser { xmlStopParser(parser) }
    }

    // MARK: - Element names

    /// The name an element or attribute name from the parser's dictionary stands for. Known pointers are kept in
    /// a small open-addressed table (a Dictionary's hashing cost more than the rest of a VIN's element); an unknown
    /// name is looked up by its text, and kept while the table has room.
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> ContractName {
        guard let pointer else { return .unknown }
        var slot = Self.slot(of: pointer)
        while let key = nameSlots[slot].pointer {
            if key == pointer { return nameSlots[slot].name }
            slot = (slot + 1) & (Self.nameSlotCount - 1)
        }
        let name = ContractName(text: String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
        remember(pointer, as: name)
        return name
    }

    private static let nameSlotCount = 256
    private var nameSlots = [(pointer: UnsafePointer<xmlChar>?, name: ContractName)](
        repeating: (nil, .unknown), count: ManufacturerReader.nameSlotCount)
    private var namesKept = 0

    private static func slot(of pointer: UnsafePointer<xmlChar>) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (nameSlotCount - 1)
    }

    private func remember(_ pointer: UnsafePointer<xmlChar>, as name: ContractName) {
        // At most half full: probes stay short, and a file of endless unknown names cannot fill it.
        guard namesKept < Self.nameSlotCount / 2 else { return }
        var slot = Self.slot(of: pointer)
        while nameSlots[slot].pointer != nil { slot = (slot + 1) & (Self.nameSlotCount - 1) }
        nameSlots[slot] = (pointer, name)
        namesKept += 1
    }

    // MARK: - SAX events

    private func startElement(
        _ localName: UnsafePointer<xmlChar>?, namespace uri: UnsafePointer<xmlChar>?,
        attributeCount: Int, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard stopped == nil else { return }
        let element = name(localName)
        let depth = stack.count
        guard depth < Self.depthLimit else {
            stop(
                XMLInputError(
                    file: file, line: line, column: column,
                    message: "Excessive depth in document: "
                        + "elements nested more than \(Self.depthLimit) deep (the contract needs 5)"))
            return
        }
        if depth == 0 {
            let namespace = uri.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            guard element == .ManufacturerData else {
                stop(
                    XMLInputError(
                        file: file, line: line, column: column,
                        message:
                            "the root element must be ManufacturerData in the namespace \(Self.namespace)"))
                return
            }
            guard namespace == Self.namespace else {
                stop(
                    XMLInputError(
                        file: file, line: line, column: column,
                        message:
                            "ManufacturerData must be in the namespace \(Self.namespace), not \(namespace ?? "none")"))
                return
            }
        }
        assembler.startElement(element, depth: depth) { buffer in
            guard let attributes else { return }
            // Five pointers an attribute: local name, prefix, namespace, the value's start and its end.
            for index in 0..<attributeCount {
                let base = attributes + 5 * index
                guard let start = base[3], let end = base[4] else { continue }
                buffer.append(name(base[0]), value: UnsafeBufferPointer(start: start, count: end - start))
            }
        }
        textSeen = 0
        stack.append(element)
    }

    private func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard stopped == nil, let element = stack.last else { return }
        // Every element's text counts, kept or not: the validator reports each piece of text where none belongs.
        textSeen += bytes.count
        guard textSeen <= Self.textLimit else {
            stop(
                XMLInputError(
                    file: file, line: line, column: parserColumn,
                    message: "\(element.text) holds a text longer than \(Self.textLimit / 1024) KiB"))
            return
        }
        assembler.characters(bytes, in: element)
    }

    private func endElement() {
        guard stopped == nil, let element = stack.popLast() else { return }
        textSeen = 0
        assembler.endElement(element, depth: stack.count)
    }

    // MARK: - Where the parser is

    /// In a callback, the line of the end of the start tag, end tag or text being reported.
    var line: Int { sax.line }
    /// The column where that tag starts (1 when it started on an earlier line).
    var column: Int { sax.column }
    /// The parser's own column (for what is not a tag: a text, an entity reference).
    var parserColumn: Int { max(1, Int(cxml_column(parser))) }

    static func doctypeRefused(_ file: String, at position: (line: Int, column: Int)) -> XMLInputError {
        XMLInputError(
            file: file, line: position.line, column: position.column,
            message: "a DOCTYPE is not allowed in manufacturer files (no DTDs, no entities)")
    }
}

/// The reader's libxml2 objects: the push parser, the schema validation plugged into its SAX stream (with the
/// validator's own handlers, which the reader calls before its own), and the buffer chunks are read into. The
/// assembler asks it where the parser is.
final class SAXParts: ElementPosition {
    var parser: xmlParserCtxtPtr?
    var validation: xmlSchemaValidCtxtPtr?
    var plug: xmlSchemaSAXPlugPtr?
    /// Where `xmlSchemaSAXPlug` puts the validator's handlers and their context (and unplugging writes back).
    let schemaHandler = UnsafeMutablePointer<xmlSAXHandlerPtr?>.allocate(capacity: 1)
    let schemaData = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
    let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: ManufacturerReader.chunkSize)

    init() {
        schemaHandler.initialize(to: nil)
        schemaData.initialize(to: nil)
    }

    deinit {
        if let plug { xmlSchemaSAXUnplug(plug) }
        if let validation { xmlSchemaFreeValidCtxt(validation) }
        if let parser { xmlFreeParserCtxt(parser) }
        schemaHandler.deallocate()
        schemaData.deallocate()
        chunk.deallocate()
    }

    var line: Int { max(1, Int(cxml_line(parser))) }
    var column: Int { max(1, Int(cxml_tag_column(parser))) }
}

/// libxml2's structured errors, made `XMLInputError`s and queued for the assembler, which gives each to an item
/// or to the file by its line.
final class ErrorBox {
    let problems: ProblemQueue
    let file: String
    /// The parser the errors come from: the schema validator gives no column, and its errors are raised while the
    /// tag they are about is the one just read, so they get that tag's column.
    var parser: xmlParserCtxtPtr?

    init(file: String, problems: ProblemQueue) {
        self.file = file
        self.problems = problems
    }

    func add(_ error: xmlError) {
        problems.add(fatal: error.level == XML_ERR_FATAL, warning: error.level == XML_ERR_WARNING) {
            let message = readableMessage(error.message.map { String(cString: $0) } ?? "error \(error.code)")
            var column = Int(error.int2)
            if column <= 0, error.domain == Int32(XML_FROM_SCHEMASV.rawValue) { column = Int(cxml_tag_column(parser)) }
            return XMLInputError(file: file, line: Int(error.line), column: max(1, column), message: message)
        }
    }
}
