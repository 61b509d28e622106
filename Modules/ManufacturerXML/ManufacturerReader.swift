import Foundation
import CLibXML2
import Core
import ManufacturerData

/// Streams a manufacturer file (plain or .gz, UTF-8 or GB18030) through libxml2's SAX2 push parser, validating it
/// against the project's XSD as it goes (`SchemaValidation`: the hot elements checked here, the rest by libxml2's
/// validator against a reduced copy of the XSD; the differential test holds the pair to the XSD), and hands each
/// element event to an `ItemAssembler`, which turns the events into typed items one at a time; a bulletin's VINs
/// come in batches, so memory does not grow with the file. The file is fed to the parser a chunk at a time
/// (`chunkSize`); the items a chunk completes wait in a queue until they are asked for.
///
/// This is the part that talks to libxml2: the parser and its callbacks, the chunk buffer, element names interned
/// as pointers into libxml2's dictionary, libxml2's errors queued for the assembler by line, and the limits.
/// Safe by construction: no network (XML_PARSE_NONET), no entity expansion, no DTD loading, libxml2's limits kept
/// (no XML_PARSE_HUGE), any DOCTYPE is an error at its line and column, and elements nested deeper than
/// `depthLimit` or a text longer than `textLimit` stop the file.
///
/// Errors: a problem inside an item (schema or content) rejects that item and reading goes on; a problem outside
/// any item is a file error (`fileErrors`); a file that is not well-formed stops the reader with a thrown error,
/// after the items read before it. The schema checks see every event before the assembler does, so when the
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
    public var manufacturer: String { events.assembler.manufacturer }
    public var issued: Date? { events.assembler.issued }
    /// The day of `issued` as the manufacturer wrote it (its own offset): the day a changed price takes effect.
    public var issuedDay: LocalDate? { events.assembler.issuedDay }
    /// Problems outside any item, in file order (at most `listLimit` kept; `fileErrorCount` counts all).
    public var fileErrors: [XMLInputError] { events.assembler.fileErrors }
    public var fileErrorCount: Int { events.assembler.fileErrorCount }
    public var warnings: [XMLInputError] { events.assembler.warnings }
    public var warningCount: Int { events.assembler.warningCount }
    /// The problems the XSD finds in the file so far (libxml2's validator and the reader's own checks of the hot
    /// elements; not the content rules the assembler adds, nor a file that is not well-formed, which throws): a file
    /// read to its end without a throw is valid against the XSD exactly when this is 0.
    public var schemaProblemCount: Int { events.schemaProblemCount }
    public var sectionsSeen: [Section] { events.assembler.sectionsSeen }
    public var listLimit: Int {
        get { events.assembler.listLimit }
        set { events.assembler.listLimit = newValue }
    }
    /// The line of the item delivered last.
    public private(set) var itemLine = 0

    private let source: XMLByteSource
    /// libxml2's side: freed with it, also when `init` fails halfway.
    private let sax: SAXParts
    private var parser: xmlParserCtxtPtr? { sax.parser }
    /// What the SAX callbacks change, in one value: a callback is one access to the reader, checked once.
    private var events: SAXEvents
    /// Items assembled and not yet delivered.
    private var out: [AssembledItem] = []
    private var outIndex = 0
    private var finished = false
    /// Where the text the parser held ended after the last chunk: where the next chunk's text begins.
    private var heldEnd = (line: 1, column: 1)
    /// libxml2's message for bytes it could not convert from the declared encoding, found in the chunk being parsed.
    private var encodingProblem: Phrase?

    /// Opens a file, to be held to the XSD as `validation` says (the default checks it all, at parse speed).
    public init(path: String, validation: SchemaValidation = .contract) throws {
        file = path
        let sax = SAXParts()
        self.sax = sax
        source = try XMLByteSource(path: path)
        // Refused before parsing starts: the parser would otherwise read the DTD's declarations first.
        if let position = doctypePosition(path: path) {
            throw Self.doctypeRefused(path, at: position)
        }
        events = SAXEvents(file: path, sax: sax, checksHotElements: validation == .contract)
        if validation != .none {
            guard let schema = ManufacturerSchema.shared.schema(for: validation) else {
                throw XMLInputError(
                    file: path, line: 0, column: 0,
                    message: ManufacturerSchema.shared.problem ?? "no schema")
            }
            sax.validation = xmlSchemaNewValidCtxt(schema)
            sax.plug = sax.validation.flatMap { xmlSchemaSAXPlug($0, sax.schemaHandler, sax.schemaData) }
            guard sax.plug != nil else {
                throw XMLInputError(file: path, line: 0, column: 0, saying: "cannot set up the schema validation")
            }
        }
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        // Each event goes to the schema validator (unless the reader checks it itself), then to the assembler.
        handler.startElementNs = {
            context, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
            defaulted, attributes in
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            if reader.events.startHandled(
                localName, namespace: uri, attributeCount: attributeCount, attributes: attributes)
            {
                return
            }
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.startElementNs?(
                    reader.sax.schemaData.pointee, localName, prefix, uri, namespaceCount,
                    namespaces, attributeCount, defaulted, attributes)
            }
            reader.events.startElement(
                localName, namespace: uri, attributeCount: attributeCount, attributes: attributes)
        }
        handler.endElementNs = { context, localName, prefix, uri in
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            if reader.events.endHandled() { return }
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.endElementNs?(reader.sax.schemaData.pointee, localName, prefix, uri)
            }
            reader.events.endElement()
        }
        // Text and blanks alike (one function for both spares the parser its test for ignorable blanks).
        let characters: charactersSAXFunc = { context, bytes, count in
            guard let context, let bytes else { return }
            let reader = ManufacturerReader.of(context)
            let text = UnsafeBufferPointer(start: bytes, count: Int(count))
            if reader.events.textHandled(text) { return }
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.characters?(reader.sax.schemaData.pointee, bytes, count)
            }
            reader.events.characters(text)
        }
        handler.characters = characters
        handler.cdataBlock = { context, bytes, count in
            guard let context, let bytes else { return }
            let reader = ManufacturerReader.of(context)
            let text = UnsafeBufferPointer(start: bytes, count: Int(count))
            if reader.events.textHandled(text, cdata: true) { return }
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.cdataBlock?(reader.sax.schemaData.pointee, bytes, count)
            }
            reader.events.characters(text)
        }
        handler.ignorableWhitespace = characters
        handler.internalSubset = { context, _, _, _ in
            // Only reached when a prolog longer than the scanned 64 KiB hid the DOCTYPE from the check in init.
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            reader.events.stop(ManufacturerReader.doctypeRefused(reader.file, at: (reader.sax.line, reader.sax.column)))
        }
        handler.reference = { context, _ in
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            reader.events.stop(
                XMLInputError(
                    file: reader.file, line: reader.sax.line, column: reader.sax.parserColumn,
                    saying: "entity references are not allowed in manufacturer files"))
        }
        // The first bytes tell the parser the file's encoding; the rest follows chunk by chunk.
        let first = source.read(into: sax.chunk, count: 4)
        let context = Unmanaged.passUnretained(self).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&handler, context, sax.chunk, max(0, first), path) else {
            throw XMLInputError(file: path, line: 0, column: 0, saying: "cannot open the file as XML")
        }
        sax.parser = parser
        // No XML_PARSE_NOENT (entities are never substituted), no XML_PARSE_HUGE (libxml2's size limits stay).
        // CDATA sections come as text, through a callback of their own: the validator takes them as text that is
        // never blanks (xmllint refuses even a blank one in element-only content, and so does the reader).
        xmlCtxtUseOptions(parser, Int32(XML_PARSE_NONET.rawValue))
        if let validation = sax.validation {
            xmlSchemaValidateSetLocator(validation, cxml_locator, UnsafeMutableRawPointer(parser))
        }
        if let dictionary = cxml_dict(parser) {
            for name in ContractName.allCases where name != .unknown {
                if let pointer = xmlDictLookup(dictionary, name.text, -1) { events.names.remember(pointer, as: name) }
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
                events.assembler.takeItems(into: &out)
            }
            if out.isEmpty {
                if let stopped = events.stopped {
                    events.stopped = nil
                    throw stopped
                }
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
        // thread while the parser runs. libxml2 reports them from its own code, never from within one of the
        // reader's callbacks (which call nothing in libxml2 that reports), so queuing one is an access of its own.
        xmlSetStructuredErrorFunc(
            Unmanaged.passUnretained(self).toOpaque(),
            { context, error in
                guard let context, let error else { return }
                ManufacturerReader.of(context).queue(error.pointee)
            })
        cxml_mute_generic_errors()
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        let count = source.read(into: sax.chunk, count: Int32(Self.chunkSize))
        let end = count <= 0
        let chunkStart = heldEnd
        xmlParseChunk(parser, end ? nil : sax.chunk, end ? 0 : count, end ? 1 : 0)
        if let message = encodingProblem, events.stopped == nil {
            // libxml2 converts what it can, parses it, and halts at the bytes it could not convert: they follow the
            // text it holds, or, when it halted at once, the text it held before this chunk (which it dropped).
            let at = cxml_halted(parser) != 0 ? chunkStart : Self.heldEnd(of: parser)
            events.stop(XMLInputError(file: file, line: at.line, column: at.column, saying: message))
        }
        heldEnd = Self.heldEnd(of: parser)
        if events.stopped == nil, cxml_well_formed(parser) == 0 {
            events.stopped =
                events.assembler.problems.stoppingProblem
                ?? XMLInputError(
                    file: file, line: sax.line, column: sax.column, saying: "the file is not well-formed XML")
        }
        if events.stopped != nil {
            events.assembler.problems.removeAll()
            finished = true
        } else if end {
            finished = true
            events.assembler.finish(atTopLevel: events.stack.isEmpty)
        }
    }

    /// Queues one of libxml2's structured errors for the assembler, which gives it to an item or to the file by its
    /// line. The schema validator gives no column, and its errors are raised while the tag they are about is the one
    /// just read, so they get that tag's column.
    private func queue(_ error: xmlError) {
        let file = file, parser = sax.parser
        // Bytes not in the declared encoding: libxml2 says so without a line (and again, as an I/O error, when it
        // tries the same bytes with the next chunk). They end the file; `feed` places them once the chunk is parsed.
        if error.domain == Int32(XML_FROM_I18N.rawValue)
            || (error.domain == Int32(XML_FROM_IO.rawValue) && error.code == Int32(XML_IO_ENCODER.rawValue))
        {
            if encodingProblem == nil {
                encodingProblem = encodingMessage(error.message.map { String(cString: $0) } ?? "")
            }
            return
        }
        if error.domain == Int32(XML_FROM_SCHEMASV.rawValue), error.level != XML_ERR_WARNING {
            events.schemaProblemCount += 1
        }
        events.assembler.problems.add(fatal: error.level == XML_ERR_FATAL, warning: error.level == XML_ERR_WARNING) {
            let message = readableMessage(error.message.map { String(cString: $0) } ?? "error \(error.code)")
            var column = Int(error.int2)
            if column <= 0, error.domain == Int32(XML_FROM_SCHEMASV.rawValue) { column = Int(cxml_tag_column(parser)) }
            // A problem libxml2 gives no line is placed where the parser is: the last line it knows.
            let line = error.line > 0 ? Int(error.line) : max(1, Int(cxml_line(parser)))
            return XMLInputError(file: file, line: line, column: max(1, column), saying: spokenSchemaMessage(message))
        }
    }

    /// Where the text the parser holds ends (1:1 before it holds any).
    private static func heldEnd(of parser: xmlParserCtxtPtr) -> (line: Int, column: Int) {
        var line: Int32 = 0, column: Int32 = 0
        cxml_held_end(parser, &line, &column)
        return (max(1, Int(line)), max(1, Int(column)))
    }

    static func doctypeRefused(_ file: String, at position: (line: Int, column: Int)) -> XMLInputError {
        XMLInputError(
            file: file, line: position.line, column: position.column,
            saying: "a DOCTYPE is not allowed in manufacturer files (no DTDs, no entities)")
    }
}

/// The reader's libxml2 objects: the push parser, the schema validation plugged into its SAX stream (with the
/// validator's own handlers, which the reader calls before its own), and the buffer chunks are read into. The
/// assembler asks it where the parser is.
final class SAXParts: ElementPosition {
    /// The push parser, set once just after it is made (it needs the reader it calls back). Where the parser is gets
    /// asked at every item, so it is read from a slot of its own, as the validator's handlers below are, not from a
    /// stored property each read of which the exclusivity checks would track; nothing writes it after `init`.
    private let parserSlot = UnsafeMutablePointer<xmlParserCtxtPtr?>.allocate(capacity: 1)
    var parser: xmlParserCtxtPtr? {
        get { parserSlot.pointee }
        set { parserSlot.pointee = newValue }
    }
    var validation: xmlSchemaValidCtxtPtr?
    var plug: xmlSchemaSAXPlugPtr?
    /// Where `xmlSchemaSAXPlug` puts the validator's handlers and their context (and unplugging writes back).
    let schemaHandler = UnsafeMutablePointer<xmlSAXHandlerPtr?>.allocate(capacity: 1)
    let schemaData = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
    let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: ManufacturerReader.chunkSize)

    init() {
        parserSlot.initialize(to: nil)
        schemaHandler.initialize(to: nil)
        schemaData.initialize(to: nil)
    }

    deinit {
        if let plug { xmlSchemaSAXUnplug(plug) }
        if let validation { xmlSchemaFreeValidCtxt(validation) }
        if let parser { xmlFreeParserCtxt(parser) }
        parserSlot.deallocate()
        schemaHandler.deallocate()
        schemaData.deallocate()
        chunk.deallocate()
    }

    /// In a callback, the line of the end of the start tag, end tag or text being reported.
    var line: Int { max(1, Int(cxml_line(parser))) }
    /// The column where that tag starts (1 when it started on an earlier line).
    var column: Int { max(1, Int(cxml_tag_column(parser))) }
    /// The parser's own column (for what is not a tag: a text, an entity reference).
    var parserColumn: Int { max(1, Int(cxml_column(parser))) }
}
