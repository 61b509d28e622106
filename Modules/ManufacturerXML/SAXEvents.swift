import CLibXML2
import Core
import ManufacturerData

/// What `ManufacturerReader`'s SAX callbacks do with libxml2's events: names interned by dictionary pointer, the
/// limits (depth, text length), the root's name and namespace, the hot elements' schema checks (see
/// `SchemaValidation.contract`), and each event handed to the `ItemAssembler`. One value, so that a callback is one
/// access to the reader, two when the validator sees the event (dynamic exclusivity checking stays on, checked once
/// per access); everything it changes lives here.
struct SAXEvents {
    let file: String
    /// libxml2's objects, for where the parser is and for stopping it.
    let sax: SAXParts
    var assembler: ItemAssembler
    var stack: [ContractName] = []
    /// Bytes of text since the last tag, for `textLimit`.
    var textSeen = 0
    /// Why the file stops: not well-formed, or refused by the reader; thrown once the items before it are delivered.
    var stopped: XMLInputError?
    /// Whether the hot elements are checked here and hidden from the validator (`SchemaValidation.contract`).
    let checksHotElements: Bool
    /// The XSD's problems found so far, libxml2's and the hot elements'.
    var schemaProblemCount = 0
    /// The hot element open (`Vin`, `Vehicle`) and its depth; -1: none.
    var hotDepth = -1
    var hot = ContractName.unknown
    /// The text of the open `<Vin>`; whether the open `<Vehicle>`'s text was reported.
    var hotText: [UInt8] = []
    var hotTextReported = false
    /// The child elements of the open `<Applies>`.
    var appliesChildren = 0
    /// The target namespace as the parser's dictionary holds it, once seen.
    var namespacePointer: UnsafePointer<xmlChar>?

    init(file: String, sax: SAXParts, checksHotElements: Bool) {
        self.file = file
        self.sax = sax
        self.checksHotElements = checksHotElements
        assembler = ItemAssembler(file: file, position: sax)
    }

    /// Stops the parser at a problem that ends the file.
    mutating func stop(_ error: XMLInputError) {
        if stopped == nil { stopped = error }
        if let parser = sax.parser { xmlStopParser(parser) }
    }

    // MARK: - Events

    // Each event comes in two steps when the schema validator must see it: `…Handled` first (false: not handled
    // yet), then the validator, then the event itself; the validator reports its problems through the reader, which
    // must not be in the middle of an access to these events then. An event of a hot element (or the blanks around
    // one) is checked and handled in the first step, in one access.

    /// A start tag, handled whole when the validator need not see it (part of a hot element, or the file stopped).
    mutating func startHandled(
        _ localName: UnsafePointer<xmlChar>?, namespace uri: UnsafePointer<xmlChar>?,
        attributeCount: Int32, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) -> Bool {
        guard stopped == nil else { return true }
        guard checksHotElements, checkHot(name(localName), localName, namespace: uri, attributeCount, attributes) else {
            return false
        }
        startElement(localName, namespace: uri, attributeCount: attributeCount, attributes: attributes)
        return true
    }

    /// Text, handled whole when the validator need not see it (in a hot element, blanks in one's parent; a CDATA
    /// section is never blanks to the validator).
    mutating func textHandled(_ bytes: UnsafeBufferPointer<UInt8>, cdata: Bool = false) -> Bool {
        guard stopped == nil, let element = stack.last else { return true }
        guard checksHotElements, checkHotText(bytes, in: element, cdata: cdata) else { return false }
        characters(bytes)
        return true
    }

    /// An end tag, handled whole when the validator need not see it (a hot element's).
    mutating func endHandled() -> Bool {
        guard stopped == nil, let element = stack.last else { return true }
        guard checksHotElements, checkHotEnd(element) else { return false }
        endElement()
        return true
    }

    mutating func startElement(
        _ localName: UnsafePointer<xmlChar>?, namespace uri: UnsafePointer<xmlChar>?,
        attributeCount: Int32, attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    ) {
        guard stopped == nil else { return }
        let element = name(localName)
        let depth = stack.count
        guard depth < ManufacturerReader.depthLimit else {
            stop(
                XMLInputError(
                    file: file, line: sax.line, column: sax.column,
                    saying: "Excessive depth in document: "
                        + "elements nested more than \(ManufacturerReader.depthLimit) deep (the contract needs 5)"))
            return
        }
        if depth == 0 {
            let namespace = uri.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            let expected = ManufacturerReader.namespace
            guard element == .ManufacturerData else {
                stop(
                    XMLInputError(
                        file: file, line: sax.line, column: sax.column,
                        saying:
                            "the root element must be ManufacturerData in the namespace \(expected)"))
                return
            }
            guard namespace == expected else {
                stop(
                    XMLInputError(
                        file: file, line: sax.line, column: sax.column,
                        saying:
                            "ManufacturerData must be in the namespace \(expected), not \(namespace ?? "none")"))
                return
            }
        }
        assembler.attributes.removeAll()
        if let attributes {
            // Five pointers an attribute: local name, prefix, namespace, the value's start and its end.
            for index in 0..<Int(attributeCount) {
                let base = attributes + 5 * index
                guard let start = base[3], let end = base[4] else { continue }
                let attribute = names.name(base[0])
                assembler.attributes.append(attribute, value: UnsafeBufferPointer(start: start, count: end - start))
            }
        }
        assembler.startElement(element, depth: depth)
        textSeen = 0
        stack.append(element)
    }

    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard stopped == nil, let element = stack.last else { return }
        // Every element's text counts, kept or not: the validator reports each piece of text where none belongs.
        textSeen += bytes.count
        guard textSeen <= ManufacturerReader.textLimit else {
            stop(
                XMLInputError(
                    file: file, line: sax.line, column: sax.parserColumn,
                    saying: "\(element.text) holds a text longer than "
                        + "\(ManufacturerReader.textLimit / 1024) KiB"))
            return
        }
        assembler.characters(bytes, in: element)
    }

    mutating func endElement() {
        guard stopped == nil, let element = stack.popLast() else { return }
        textSeen = 0
        assembler.endElement(element, depth: stack.count)
    }

    // MARK: - Element names

    var names = NameTable()

    mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> ContractName { names.name(pointer) }
}

/// The names of the contract by their pointer into the parser's dictionary: a small open-addressed table (a
/// Dictionary's hashing cost more than the rest of a VIN's element). An unknown name is looked up by its text, and
/// kept while the table has room.
struct NameTable {
    private static let slotCount = 256
    private var slots = [(pointer: UnsafePointer<xmlChar>?, name: ContractName)](
        repeating: (nil, .unknown),
        count: NameTable.slotCount)
    private var kept = 0

    /// The name an element or attribute name from the parser's dictionary stands for.
    mutating func name(_ pointer: UnsafePointer<xmlChar>?) -> ContractName {
        guard let pointer else { return .unknown }
        var slot = Self.slot(of: pointer)
        while let key = slots[slot].pointer {
            if key == pointer { return slots[slot].name }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        let name = ContractName(text: String(cString: UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
        remember(pointer, as: name)
        return name
    }

    private static func slot(of pointer: UnsafePointer<xmlChar>) -> Int {
        Int(truncatingIfNeeded: UInt(bitPattern: pointer) >> 3) & (slotCount - 1)
    }

    mutating func remember(_ pointer: UnsafePointer<xmlChar>, as name: ContractName) {
        // At most half full: probes stay short, and a file of endless unknown names cannot fill it.
        guard kept < Self.slotCount / 2 else { return }
        var slot = Self.slot(of: pointer)
        while slots[slot].pointer != nil { slot = (slot + 1) & (Self.slotCount - 1) }
        slots[slot] = (pointer, name)
        kept += 1
    }
}
