import CLibXML2
import Catalog
import Core
import Customers
import Foundation
import Warranty

/// The sections of a manufacturer file (MANUFACTURER-XML.md).
public enum Section: String, Sendable, Codable, CaseIterable {
    case bulletins = "Bulletins"
    case labourOperations = "LabourOperations"
    case parts = "Parts"
    case warrantyTerms = "WarrantyTerms"
    case vehicles = "Vehicles"

    // Compared and hashed by case, not through the raw String (an import counts every item under its section).
    public static func == (a: Section, b: Section) -> Bool { a.order == b.order }
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }

    private var order: Int {
        switch self {
        case .bulletins: 0
        case .labourOperations: 1
        case .parts: 2
        case .warrantyTerms: 3
        case .vehicles: 4
        }
    }
}

/// What identifies a bulletin and decides its revision outcome; the reader delivers it before the VIN list.
public struct BulletinHead: Sendable, Equatable {
    public var manufacturer: String
    public var number: String
    public var kind: Bulletin.Kind
    public var revision: Int
    public var issued: LocalDate
    public var status: Bulletin.Status
}

/// An item the manufacturer's file rejects: which one, and every problem found in it.
public struct RejectedItem: Sendable, Codable, Equatable {
    public var section: Section
    public var key: String
    public var errors: [XMLInputError]
}

/// What the reader delivers, one at a time, in file order.
public enum ManufacturerItem: Sendable {
    /// A bulletin starts: its VINs follow in batches, then `bulletinEnd` with the whole bulletin (without VINs).
    case bulletinBegin(BulletinHead)
    case bulletinVINs([VIN])
    /// Boxed: a bulletin is the largest item by far, and every item in flight would otherwise take its size.
    indirect case bulletinEnd(Bulletin)
    case labourOperation(LabourOperation)
    case part(CatalogPart)
    case warrantyTerm(WarrantyTerm)
    case partsWarranty(PartsWarrantyTerm)
    case vehicle(MasterVehicle)
    /// The item is invalid; for a bulletin after `bulletinBegin`, the open bulletin is.
    case rejected(RejectedItem)
}

/// Streams a manufacturer file (plain or .gz, UTF-8 or GB18030) through libxml2's SAX2 push parser, validating it
/// against the project's XSD as it goes, and turns it into typed items one at a time; a bulletin's VINs come in
/// batches, so memory does not grow with the file. The file is fed to the parser a chunk at a time (`chunkSize`);
/// the items a chunk completes wait in a queue until they are asked for.
///
/// Safe by construction: no network (XML_PARSE_NONET), no entity expansion, no DTD loading, libxml2's limits kept
/// (no XML_PARSE_HUGE), any DOCTYPE is an error at its line and column, and elements nested deeper than
/// `depthLimit` or a text longer than `textLimit` stop the file.
///
/// Errors: a problem inside an item (schema or content) rejects that item and reading goes on; a problem outside
/// any item is a file error (`fileErrors`); a file that is not well-formed stops the reader with a thrown error,
/// after the items read before it. The schema validator sees every event before this reader does, so when the
/// reader meets an element, the validator's problems with it (and with everything before it) are already queued;
/// libxml2 reports lines, not nodes, so a problem goes to the item whose lines hold it.
public final class ManufacturerReader {
    public static let namespace = "urn:aftersales:manufacturer-data:1"
    public static let vinBatchSize = 4096
    /// Bytes handed to the parser at a time.
    static let chunkSize = 1 << 16
    /// The contract nests five deep; anything much deeper is refused before it costs memory.
    static let depthLimit = 64
    /// The longest text an element may hold (a bulletin's summary is a few hundred characters).
    static let textLimit = 1 << 20

    public let file: String
    public private(set) var manufacturer = ""
    public private(set) var issued: Date?
    /// The day of `issued` as the manufacturer wrote it (its own offset): the day a changed price takes effect.
    public private(set) var issuedDay: LocalDate?
    /// Problems outside any item, in file order (at most `listLimit` kept; `fileErrorCount` counts all).
    public private(set) var fileErrors: [XMLInputError] = []
    public private(set) var fileErrorCount = 0
    public private(set) var warnings: [XMLInputError] = []
    public private(set) var warningCount = 0
    /// The line of the item delivered last.
    public private(set) var itemLine = 0
    public private(set) var sectionsSeen: [Section] = []
    public var listLimit = 1000

    private let source: XMLByteSource
    /// libxml2's side: freed with it, also when `init` fails halfway.
    private let sax = SAXParts()
    private var parser: xmlParserCtxtPtr? { sax.parser }
    private let errorBox: ErrorBox
    private var stack: [Name] = []
    /// Items read and not yet delivered, each with the line its item starts on.
    private var out: [(item: ManufacturerItem, line: Int)] = []
    private var outIndex = 0
    private var finished = false
    /// Why the file stops: not well-formed, or refused by this reader; thrown once the items before it are delivered.
    private var stopped: XMLInputError?

    // The item being read (depth 2).
    private var itemSection: Section?
    /// The item's key as a rejection names it (`vehicle LFV…`), kept as bytes: a String only when it is rejected.
    private var keyBytes: [UInt8] = []
    private var itemErrors: [XMLInputError] = []
    /// Problems of the item beyond `itemErrorLimit`, counted instead of kept.
    private var itemErrorsDropped = 0
    /// The line of the item's last problem, kept or counted.
    private var lastItemErrorLine = 0
    static let itemErrorLimit = 100
    private var itemStartLine = 0
    private var itemStartColumn = 1
    /// The text of the element being read, when it is one that holds text (a VIN's, a title's).
    private var textBytes: [UInt8] = []
    /// Bytes of text since the last tag, for `textLimit`.
    private var textSeen = 0
    private var bulletin: Bulletin?
    /// Whether `bulletin` is set: tested per VIN, where looking into the optional would copy the bulletin.
    private var inBulletin = false
    private var bulletinChildren: Set<Name> = []
    private var vins: [VIN] = []
    private var numbers: Set<String> = []
    private var simple: ManufacturerItem?
    /// The attributes of the element being read: their bytes in one buffer, with where each known name's value
    /// starts and ends (-1: absent); a String is made only when one is asked for.
    private var attributeBytes: [UInt8] = []
    private var attributeStart = [Int](repeating: -1, count: Name.allCases.count)
    private var attributeEnd = [Int](repeating: -1, count: Name.allCases.count)
    private var attributesSet: [Int] = []

    /// Opens a file; `validateSchema: false` skips the XSD (never used by the tools; kept for measuring its cost).
    public init(path: String, validateSchema: Bool = true) throws {
        file = path
        source = try XMLByteSource(path: path)
        // Refused before parsing starts: the parser would otherwise read the DTD's declarations first.
        if let position = doctypePosition(path: path) {
            throw Self.doctypeRefused(path, at: position)
        }
        errorBox = ErrorBox(file: path)
        if validateSchema {
            guard let schema = ManufacturerSchema.shared.schema else {
                throw XMLInputError(
                    file: path, line: 0, column: 0, message: ManufacturerSchema.shared.problem ?? "no schema")
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
            context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, defaulted, attributes in
            guard let context else { return }
            let reader = ManufacturerReader.of(context)
            if let schema = reader.sax.schemaHandler.pointee {
                schema.pointee.startElementNs?(
                    reader.sax.schemaData.pointee, localName, prefix, uri, namespaceCount, namespaces, attributeCount,
                    defaulted, attributes)
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
            for name in Name.allCases where name != .unknown {
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
            while out.isEmpty && !finished { feed() }
            if out.isEmpty {
                if let stopped {
                    self.stopped = nil
                    throw stopped
                }
                return nil
            }
        }
        defer { outIndex += 1 }
        itemLine = out[outIndex].line
        return out[outIndex].item
    }

    /// Hands the parser the next chunk of the file (the end of the file once there is none); its callbacks queue
    /// the items it completes.
    private func feed() {
        guard let parser else {
            finished = true
            return
        }
        // Errors go to this reader's queue through libxml2's (thread-local) structured handler, set on this thread
        // while the parser runs.
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
            let fatal = errorBox.pending.last { $0.fatal } ?? errorBox.pending.last
            stopped =
                fatal?.error
                ?? XMLInputError(file: file, line: line, column: column, message: "the file is not well-formed XML")
        }
        if stopped != nil {
            errorBox.pending.removeAll()
            finished = true
        } else if end {
            finished = true
            if stack.isEmpty && manufacturer.isEmpty && fileErrorCount == 0 && errorBox.pending.isEmpty {
                fileError(
                    XMLInputError(file: file, line: 1, column: 1, message: "the file holds no ManufacturerData element")
                )
            }
            drainToFile(upTo: Int.max)
        }
    }

    /// Stops the parser at a problem that ends the file.
    private func stop(_ error: XMLInputError) {
        if stopped == nil { stopped = error }
        if let parser { xmlStopParser(parser) }
    }

    /// The name an element or attribute name from the parser's dictionary stands for. Known pointers are kept in
    /// a small open-addressed table (a Dictionary's hashing cost more than the rest of a VIN's element); an unknown
    /// name is looked up by its text, and kept while the table has room.
    private func name(_ pointer: UnsafePointer<xmlChar>?) -> Name {
        guard let pointer else { return .unknown }
        var slot = Self.slot(of: pointer)
        while let key = nameSlots[slot].pointer {
            if key == pointer { return nameSlots[slot].name }
            slot = (slot + 1) & (Self.nameSlotCount - 1)
        }
        let name =
            Name.byText[String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))] ?? .unknown
        remember(pointer, as: name)
        return name
    }

    private static let nameSlotCount = 256
    private var nameSlots = [(pointer: UnsafePointer<xmlChar>?, name: Name)](
        repeating: (nil, .unknown), count: ManufacturerReader.nameSlotCount)
    private var namesKept = 0

    private static func slot(of pointer: UnsafePointer<xmlChar>) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (nameSlotCount - 1)
    }

    private func remember(_ pointer: UnsafePointer<xmlChar>, as name: Name) {
        // At most half full: probes stay short, and a file of endless unknown names cannot fill it.
        guard namesKept < Self.nameSlotCount / 2 else { return }
        var slot = Self.slot(of: pointer)
        while nameSlots[slot].pointer != nil { slot = (slot + 1) & (Self.nameSlotCount - 1) }
        nameSlots[slot] = (pointer, name)
        namesKept += 1
    }

    private func startElement(
        _ localName: UnsafePointer<xmlChar>?, namespace uri: UnsafePointer<xmlChar>?, attributeCount: Int,
        attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard stopped == nil else { return }
        let element = name(localName)
        let depth = stack.count
        guard depth < Self.depthLimit else {
            stop(
                XMLInputError(
                    file: file, line: line, column: column,
                    message:
                        "Excessive depth in document: elements nested more than \(Self.depthLimit) deep (the contract "
                        + "needs 5)"
                ))
            return
        }
        readAttributes(attributeCount, attributes)
        if depth == 0 {
            let namespace = uri.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            guard element == .ManufacturerData else {
                stop(
                    XMLInputError(
                        file: file, line: line, column: column,
                        message: "the root element must be ManufacturerData in the namespace \(Self.namespace)"))
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
            manufacturer = attribute(.manufacturer)?.trimmed() ?? ""
            if let text = attribute(.issued)?.trimmed() {
                issued = Instant.parse(text)
                issuedDay = LocalDate(String(text.prefix(10)))
            }
        } else if depth == 1 {
            drainToFile(upTo: line - 1)
            if let section = element.section { sectionsSeen.append(section) }
        } else if depth == 2 {
            drainToFile(upTo: line - 1)
            beginItem(element)
        } else if itemSection != nil {
            itemChild(element)
        }
        textBytes.empty()
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
        if element.holdsText { textBytes.append(contentsOf: bytes) }
    }

    private func readAttributes(_ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        for index in attributesSet { attributeStart[index] = -1 }
        attributesSet.empty()
        attributeBytes.empty()
        guard let attributes else { return }
        // Five pointers an attribute: local name, prefix, namespace, the value's start and its end.
        for index in 0..<count {
            let base = attributes + 5 * index
            guard case let attribute = name(base[0]), attribute != .unknown, let start = base[3], let end = base[4]
            else { continue }
            attributeStart[attribute.rawValue] = attributeBytes.count
            attributeBytes.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
            attributeEnd[attribute.rawValue] = attributeBytes.count
            attributesSet.append(attribute.rawValue)
        }
    }

    /// An attribute's value as written, or nil when the element has none.
    private func attribute(_ key: Name) -> String? {
        let start = attributeStart[key.rawValue]
        guard start >= 0 else { return nil }
        return String(decoding: attributeBytes[start..<attributeEnd[key.rawValue]], as: UTF8.self)
    }

    /// An attribute's bytes without the ASCII blanks around it, given to `body`; nil when absent or blank (the
    /// slower String paths then decide, with their messages).
    private func withTrimmedAttribute<T>(_ key: Name, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        var start = attributeStart[key.rawValue]
        var end = attributeEnd[key.rawValue]
        guard start >= 0 else { return nil }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return attributeBytes.withUnsafeBufferPointer { bytes in
            while start < end, blank(bytes[start]) { start += 1 }
            while end > start, blank(bytes[end - 1]) { end -= 1 }
            return start < end ? body(UnsafeBufferPointer(rebasing: bytes[start..<end])) : nil
        }
    }

    /// The item's key: `prefix` and the (trimmed) value of `name`, `fallback` when it has none.
    private func setKey(_ prefix: StaticString, _ name: Name, or fallback: StaticString = "?", trim: Bool = true) {
        keyBytes.empty()
        addKey(prefix, name, or: fallback, trim: trim)
    }

    private func addKey(_ separator: StaticString, _ name: Name, or fallback: StaticString = "?", trim: Bool = true) {
        keyBytes.append(contentsOf: UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount))
        let start = attributeStart[name.rawValue]
        let added: Bool
        if trim {
            added =
                withTrimmedAttribute(name) {
                    keyBytes.append(contentsOf: $0)
                    return true
                } ?? false
        } else {
            if start >= 0 { keyBytes.append(contentsOf: attributeBytes[start..<attributeEnd[name.rawValue]]) }
            added = start >= 0
        }
        if !added {
            keyBytes.append(
                contentsOf: UnsafeBufferPointer(start: fallback.utf8Start, count: fallback.utf8CodeUnitCount))
        }
    }

    private var itemKey: String { String(decoding: keyBytes, as: UTF8.self) }

    // MARK: - Items

    private func beginItem(_ element: Name) {
        itemErrors.removeAll()
        itemErrorsDropped = 0
        itemStartLine = line
        itemStartColumn = column
        simple = nil
        bulletin = nil
        inBulletin = false
        guard let section = stack.last?.section else {
            itemSection = nil
            return
        }
        itemSection = section
        switch (section, element) {
        case (.bulletins, .Bulletin):
            setKey("bulletin ", .number)
            guard let number = required(.number), let kind = required(.kind).flatMap(Bulletin.Kind.init(rawValue:)),
                let revision = required(.revision).flatMap({ Int($0) }),
                let issued = required(.issued).flatMap(LocalDate.init)
            else {
                itemError("Bulletin needs number, kind, revision and issued")
                return
            }
            let status = Bulletin.Status(rawValue: attribute(.status)?.trimmed() ?? "active") ?? .active
            bulletin = Bulletin(
                manufacturer: manufacturer, number: number, kind: kind, revision: revision, issued: issued,
                status: status,
                title: "", component: "", summary: "", remedy: "")
            inBulletin = true
            bulletinChildren = []
            vins.removeAll(keepingCapacity: true)
            guard numbers.insert(number).inserted else {
                itemError("bulletin \(number) appears twice in the file")
                return
            }
            drainToItem(upTo: line)
            if itemErrors.isEmpty {
                deliver(
                    .bulletinBegin(
                        BulletinHead(
                            manufacturer: manufacturer, number: number, kind: kind, revision: revision, issued: issued,
                            status: status)))
            }
        case (.labourOperations, .LabourOperation):
            setKey("labour operation ", .code)
            addKey(" @ ", .make)
            addKey("/", .model, or: "*")
            if let code = required(.code), let make = required(.make), let hours = centi(.hours) {
                simple = .labourOperation(
                    LabourOperation(code: code, make: make, model: optional(.model), centihours: hours, description: "")
                )
            }
        case (.parts, .Part):
            setKey("part ", .number)
            if let number = required(.number), let price = centi(.price), let currency = required(.currency) {
                simple = .part(
                    CatalogPart(number: number, name: "", price: Money(fen: Int64(price)), currency: currency))
            }
        case (.warrantyTerms, .WarrantyTerm):
            setKey("warranty term ", .make)
            addKey("/", .model, or: "*")
            addKey("/", .usage)
            addKey(" from ", .effective, trim: false)
            if let make = required(.make), let usage = required(.usage).flatMap(Usage.init(rawValue:)),
                let months = count(.months),
                let km = count(.kilometres), let effective = day(.effective, required: true)
            {
                simple = .warrantyTerm(
                    WarrantyTerm(
                        make: make, model: optional(.model), usage: usage, months: months, kilometres: km,
                        effective: effective,
                        source: "import of \((file as NSString).lastPathComponent)"))
            }
        case (.warrantyTerms, .PartsWarranty):
            setKey("parts warranty ", .make)
            addKey("/", .model, or: "*")
            addKey(" from ", .effective, trim: false)
            if let make = required(.make), let months = count(.months), let effective = day(.effective, required: true)
            {
                simple = .partsWarranty(
                    PartsWarrantyTerm(make: make, model: optional(.model), months: months, effective: effective))
            }
        case (.vehicles, .Vehicle):
            setKey("vehicle ", .vin)
            if let vin = vin(.vin), let make = required(.make), let model = required(.model) {
                simple = .vehicle(
                    MasterVehicle(
                        vin: vin, make: make, model: model, year: count(.year), built: day(.built, required: false)))
                if let warning = vin.checkDigitWarning { warn(warning) }
            }
        default:
            keyBytes = Array("\(element.text) in \(section.rawValue)".utf8)
            itemError("unexpected element \(element.text) in \(section.rawValue)")
        }
    }

    private func itemChild(_ element: Name) {
        guard itemSection == .bulletins, inBulletin else { return }
        bulletinChildren.insert(element)
        switch element {
        case .Model:
            if let make = required(.make), let model = required(.name) {
                bulletin!.models.append(
                    Bulletin.ModelCriterion(make: make, name: model, yearFrom: count(.yearFrom), yearTo: count(.yearTo))
                )
            }
        case .Built:
            bulletin!.built.append(
                Bulletin.BuiltCriterion(from: day(.from, required: false), to: day(.to, required: false)))
        case .VinRange:
            if let from = vin(.from), let to = vin(.to) {
                do { bulletin!.vinRanges.append(try VinRange(from: from, to: to)) } catch {
                    itemError("VinRange: \((error as? InvalidInput)?.reason ?? "\(error)")")
                }
            }
        case .Labour:
            if let code = required(.code), let hours = centi(.hours) {
                bulletin!.labour.append(Bulletin.Labour(code: code, centihours: hours))
            }
        case .Part:
            if let number = required(.number), let quantity = count(.quantity) {
                bulletin!.parts.append(Bulletin.Part(number: number, quantity: quantity))
            }
        case .Extension:
            bulletin!.extensionMonths = count(.months)
            bulletin!.extensionKilometres = count(.kilometres)
        default:
            break
        }
    }

    private func endElement() {
        guard stopped == nil, let element = stack.popLast() else { return }
        textSeen = 0
        let depth = stack.count
        if depth == 2 {
            // The validator has seen the end tag already: every problem of the item is queued.
            completeItem(upTo: line)
        } else if depth > 2, itemSection != nil {
            endChild(element)
        }
    }

    private func endChild(_ element: Name) {
        switch element {
        case .Vin:
            guard inBulletin else { return }
            let parsed = textBytes.withUnsafeBufferPointer { bytes -> Result<VIN, VIN.Problem> in
                do throws(VIN.Problem) { return .success(try VIN(utf8: bytes)) } catch { return .failure(error) }
            }
            switch parsed {
            case .success(let vin):
                if let warning = vin.checkDigitWarning { warn(warning) }
                vins.append(vin)
            case .failure(let problem):
                itemError("Vin: \(problem.description)")
            }
            if vins.count >= Self.vinBatchSize { flushVINs() }
        case .Title: bulletin?.title = text
        case .Component: bulletin?.component = text
        case .Summary: bulletin?.summary = text
        case .Consequence: bulletin?.consequence = text
        case .Remedy: bulletin?.remedy = text
        case .Description:
            if case .labourOperation(var operation) = simple {
                operation.description = text
                simple = .labourOperation(operation)
            }
        case .PartName:
            if case .part(var part) = simple {
                part.name = text
                simple = .part(part)
            }
        default:
            break
        }
    }

    /// Hands a batch of the open bulletin's VINs over, unless the bulletin is already known to be rejected.
    private func deliver(_ item: ManufacturerItem) { out.append((item, itemStartLine)) }

    private func flushVINs(upTo errorLine: Int? = nil) {
        drainToItem(upTo: errorLine ?? line)
        if itemErrors.isEmpty, !vins.isEmpty { deliver(.bulletinVINs(vins)) }
        vins.removeAll(keepingCapacity: true)
    }

    /// The element's text as written, without the blanks around it.
    private var text: String { String(decoding: textBytes, as: UTF8.self).trimmed() }

    private func completeItem(upTo endLine: Int) {
        guard let section = itemSection else { return }
        if section == .bulletins, var done = bulletin {
            flushVINs(upTo: endLine)
            if itemErrors.isEmpty {
                do {
                    // VINs were delivered in batches; the whole bulletin is checked with a placeholder list.
                    let listed = bulletinChildren.contains(.Vin)
                    if listed { done.vins = [VIN(trusted: "00000000000000000")] }
                    try done.validate()
                    done.vins = []
                } catch {
                    itemError(
                        "bulletin \(done.number): \((error as? InvalidInput)?.description ?? "\(error)")",
                        atItemStart: true)
                }
            }
            drainToItem(upTo: endLine)
            deliver(itemErrors.isEmpty ? .bulletinEnd(done) : rejection(section))
        } else {
            if itemErrors.isEmpty {
                do {
                    switch simple {
                    case .labourOperation(let operation)?: try operation.validate()
                    case .part(let part)?: try part.validate()
                    case .warrantyTerm(let term)?: try term.validate()
                    case .partsWarranty(let term)?: try term.validate()
                    default: break
                    }
                } catch {
                    itemError((error as? InvalidInput)?.description ?? "\(error)", atItemStart: true)
                }
            }
            drainToItem(upTo: endLine)
            if itemErrors.isEmpty, let item = simple {
                deliver(item)
            } else {
                if itemErrors.isEmpty {
                    addItemError(
                        XMLInputError(
                            file: file, line: itemStartLine, column: itemStartColumn,
                            message: "\(itemKey) is incomplete"))
                }
                deliver(rejection(section))
            }
        }
        itemSection = nil
        bulletin = nil
        inBulletin = false
        simple = nil
    }

    // MARK: - Errors and warnings

    /// Where the parser is: in a callback, the end of the start tag, end tag or text being reported.
    var line: Int { max(1, Int(cxml_line(parser))) }
    /// The column where that tag starts (1 when it started on an earlier line).
    var column: Int { max(1, Int(cxml_tag_column(parser))) }
    /// The parser's own column (for what is not a tag: a text, an entity reference).
    var parserColumn: Int { max(1, Int(cxml_column(parser))) }

    private func itemError(_ message: String, atItemStart: Bool = false) {
        if atItemStart {
            addItemError(XMLInputError(file: file, line: itemStartLine, column: itemStartColumn, message: message))
            return
        }
        // The schema has usually said it already (it sees each event first): one message per problem.
        drainToItem(upTo: line)
        if itemErrors.count + itemErrorsDropped > 0, lastItemErrorLine == line { return }
        addItemError(XMLInputError(file: file, line: line, column: column, message: message))
    }

    static func doctypeRefused(_ file: String, at position: (line: Int, column: Int)) -> XMLInputError {
        XMLInputError(
            file: file, line: position.line, column: position.column,
            message: "a DOCTYPE is not allowed in manufacturer files (no DTDs, no entities)")
    }

    private func fileError(_ error: XMLInputError) {
        fileErrorCount += 1
        if fileErrors.count < listLimit { fileErrors.append(error) }
    }

    private func warn(_ message: String) {
        warn(XMLInputError(file: file, line: line, column: column, message: message))
    }

    private func warn(_ warning: XMLInputError) {
        warningCount += 1
        if warnings.count < listLimit { warnings.append(warning) }
    }

    /// Schema errors reported on lines up to `line` belong to the item being read.
    private func drainToItem(upTo line: Int) {
        drain(upTo: line, into: { addItemError($0) }, uncounted: { itemErrorsDropped += $0 })
    }

    private func addItemError(_ error: XMLInputError) {
        lastItemErrorLine = error.line
        if itemErrors.count < Self.itemErrorLimit { itemErrors.append(error) } else { itemErrorsDropped += 1 }
    }

    /// The item being read, rejected with its problems (and how many more there were than are listed).
    private func rejection(_ section: Section) -> ManufacturerItem {
        var errors = itemErrors
        if itemErrorsDropped > 0, let last = errors.last {
            errors.append(
                XMLInputError(
                    file: file, line: last.line, column: last.column,
                    message: "… and \(itemErrorsDropped) more problems in \(itemKey)"))
        }
        return .rejected(RejectedItem(section: section, key: itemKey, errors: errors))
    }

    /// Schema errors reported on lines up to `line` outside any item are file errors.
    private func drainToFile(upTo line: Int) {
        drain(upTo: line, into: { fileError($0) }, uncounted: { fileErrorCount += $0 })
    }

    /// Hands libxml2's queued problems on lines up to `line` to `sink`; its warnings become warnings. Problems
    /// libxml2 reported beyond what the queue holds go to `uncounted` as their number, once the queue is empty.
    private func drain(upTo line: Int, into sink: (XMLInputError) -> Void, uncounted: (Int) -> Void) {
        var taken = 0
        for pending in errorBox.pending {
            guard pending.error.line <= line else { break }
            taken += 1
            if pending.warning { warn(pending.error) } else { sink(pending.error) }
        }
        if taken > 0 { errorBox.pending.removeFirst(taken) }
        if errorBox.dropped > 0, errorBox.pending.isEmpty {
            uncounted(errorBox.dropped)
            errorBox.dropped = 0
        }
    }

    private func required(_ key: Name) -> String? {
        guard let value = attribute(key)?.trimmed(), !value.isEmpty else {
            itemError("missing attribute \(key.text)")
            return nil
        }
        return value
    }

    private func optional(_ key: Name) -> String? {
        guard let value = attribute(key)?.trimmed(), !value.isEmpty else { return nil }
        return value
    }

    private func count(_ key: Name) -> Int? {
        let fast = withTrimmedAttribute(key) { bytes -> Int? in
            var value = 0
            var i = bytes[0] == UInt8(ascii: "+") ? 1 : 0
            guard i < bytes.count, bytes.count <= 18 else { return nil }
            while i < bytes.count {
                guard bytes[i] >= 0x30, bytes[i] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            return value
        }
        if let fast { return fast }
        guard let text = optional(key) else { return nil }
        guard let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text), value >= 0 else {
            itemError("\(key.text) must be a non-negative whole number, got \"\(text)\"")
            return nil
        }
        return value
    }

    /// A positive decimal with at most two places (xs:decimal's forms: `1`, `1.2`, `+1.20`, `.5`), in hundredths.
    private func centi(_ key: Name) -> Int? {
        guard let text = required(key) else { return nil }
        var digits = Substring(text)
        if digits.hasPrefix("+") { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var fraction = parts.count > 1 ? parts[1] : ""
        while fraction.count > 2, fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        let whole = parts[0].isEmpty ? "0" : parts[0]
        guard whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit), fraction.count <= 2,
            !(parts[0].isEmpty && fraction.isEmpty),
            let units = Int(whole), units < 100_000_000
        else {
            itemError("\(key.text) must be a positive amount with at most two decimals, got \"\(text)\"")
            return nil
        }
        let value = units * 100 + (Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
        guard value > 0 else {
            itemError("\(key.text) must be above zero, got \"\(text)\"")
            return nil
        }
        return value
    }

    private func day(_ key: Name, required isRequired: Bool) -> LocalDate? {
        if let fast = withTrimmedAttribute(key, LocalDate.init(utf8:)) { return fast }
        guard let text = isRequired ? required(key) : optional(key) else { return nil }
        guard text.count == 10, let value = LocalDate(text) else {
            itemError("\(key.text) must be a date YYYY-MM-DD, got \"\(text)\"")
            return nil
        }
        return value
    }

    private func vin(_ key: Name) -> VIN? {
        let fast = withTrimmedAttribute(key) { bytes -> VIN? in
            do throws(VIN.Problem) { return try VIN(utf8: bytes) } catch { return nil }
        }
        if let fast { return fast }
        guard let text = required(key) else { return nil }
        do { return try VIN(validating: text) } catch {
            itemError("\(key.text): \(error.description)")
            return nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Array {
    /// Empties the array and keeps its storage; nothing to do when it is empty already (`removeAll` goes through
    /// the generic `replaceSubrange` either way, and the reader empties its buffers at every tag).
    mutating func empty() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}

/// The reader's libxml2 objects: the push parser, the schema validation plugged into its SAX stream (with the
/// validator's own handlers, which the reader calls before its own), and the buffer chunks are read into.
final class SAXParts {
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
}

/// libxml2's structured errors, queued in file order until the reader gives them to an item or to the file.
final class ErrorBox {
    struct Pending {
        var error: XMLInputError
        var fatal: Bool
        var warning: Bool
    }
    var pending: [Pending] = []
    /// At most `pendingLimit` problems wait (the reader takes them at every item); beyond, they are counted.
    static let pendingLimit = 1000
    var dropped = 0
    let file: String
    /// The parser the errors come from: the schema validator gives no column, and its errors are raised while the
    /// tag they are about is the one just read, so they get that tag's column.
    var parser: xmlParserCtxtPtr?
    init(file: String) { self.file = file }

    func add(_ error: xmlError) {
        // A fatal error is always kept: it is the one the file stops with.
        guard pending.count < Self.pendingLimit || error.level == XML_ERR_FATAL else {
            dropped += 1
            return
        }
        let message = readableMessage(error.message.map { String(cString: $0) } ?? "error \(error.code)")
        var column = Int(error.int2)
        if column <= 0, error.domain == Int32(XML_FROM_SCHEMASV.rawValue) { column = Int(cxml_tag_column(parser)) }
        pending.append(
            Pending(
                error: XMLInputError(file: self.file, line: Int(error.line), column: max(1, column), message: message),
                fatal: error.level == XML_ERR_FATAL, warning: error.level == XML_ERR_WARNING))
    }
}

/// The element and attribute names of the contract, interned once per reader (an element's or attribute's
/// name is compared as a pointer into libxml2's dictionary, not as a string).
enum Name: Int, CaseIterable {
    case ManufacturerData, Bulletins, Bulletin, Title, Component, Summary, Consequence, Remedy, Applies, Model, Built,
        VinRange, Vin
    case Labour, Part, Extension, LabourOperations, LabourOperation, Description, Parts, PartName, WarrantyTerms,
        WarrantyTerm, PartsWarranty
    case Vehicles, Vehicle
    // Attribute names.
    case manufacturer, issued, number, kind, revision, status, make, name, yearFrom, yearTo, from, to, code, hours,
        quantity, months
    case kilometres, model, price, currency, usage, effective, vin, year, built
    case unknown

    /// The name as written in the file.
    var text: String { Name.texts[rawValue] }
    private static let texts = allCases.map { $0 == .PartName ? "Name" : String(describing: $0) }
    static let byText: [String: Name] = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .unknown }.map { ($0.text, $0) })

    /// Whether the element's text is read (elsewhere text is blanks, or an error the schema reports).
    var holdsText: Bool {
        switch self {
        case .Vin, .Title, .Component, .Summary, .Consequence, .Remedy, .Description, .PartName: true
        default: false
        }
    }

    /// The section a depth-1 element names.
    var section: Section? {
        switch self {
        case .Bulletins: .bulletins
        case .LabourOperations: .labourOperations
        case .Parts: .parts
        case .WarrantyTerms: .warrantyTerms
        case .Vehicles: .vehicles
        default: nil
        }
    }
}
