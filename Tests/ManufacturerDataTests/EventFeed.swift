import ManufacturerData

/// The parser's position as a test sets it.
final class ScriptedPosition: ElementPosition {
    var line = 1
    var column = 1
}

/// Hands an `ItemAssembler` element events as a pretty-printed file would give them: each tag on a line of its
/// own (a leaf's start and end tags on one line), indented two spaces a level. No parser, no libxml2: the test
/// plays the parser, and the validator too (`problem`).
struct EventFeed {
    let position = ScriptedPosition()
    var assembler: ItemAssembler
    private var open: [ContractName] = []
    private(set) var items: [AssembledItem] = []

    init(file: String = "m.xml") {
        assembler = ItemAssembler(file: file, position: position)
    }

    /// The line the last tag was put on.
    var line: Int { position.line }

    private mutating func nextLine() {
        position.line += 1
        position.column = 2 * open.count + 1
    }

    private mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        let element = ContractName(text: name)
        assembler.attributes.removeAll()
        for (key, value) in attributes { assembler.attributes.append(ContractName(text: key), value: value) }
        assembler.startElement(element, depth: open.count)
        open.append(element)
    }

    private mutating func end() {
        let element = open.removeLast()
        assembler.endElement(element, depth: open.count)
        var taken: [AssembledItem] = []
        assembler.takeItems(into: &taken)
        items += taken
    }

    /// `<name attributes…>` on a line of its own, left open.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        nextLine()
        start(name, attributes)
    }

    /// `</name>` of the innermost open element, on a line of its own.
    mutating func close() {
        position.line += 1
        position.column = 2 * (open.count - 1) + 1
        end()
    }

    /// `<name attributes…>text</name>` (or `<name …/>`) on one line.
    mutating func leaf(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil) {
        nextLine()
        start(name, attributes)
        if let text { characters(text) }
        end()
    }

    /// Text inside the innermost open element.
    mutating func characters(_ text: String) {
        var text = text
        let element = open.last ?? .unknown
        text.withUTF8 { assembler.characters($0, in: element) }
    }

    /// A problem the validator reports on `line` (default: the line of the last tag), as libxml2 queues it.
    mutating func problem(_ message: String, line: Int? = nil, warning: Bool = false) {
        let error = XMLInputError(file: assembler.file, line: line ?? position.line, column: 1, message: message)
        assembler.problems.add(warning: warning) { error }
    }

    /// The root element of a file from FAW-Volkswagen issued on 2026-11-01, left open.
    mutating func openRoot() {
        position.line = 1
        start("ManufacturerData", ["manufacturer": "FAW-Volkswagen", "issued": "2026-11-01T08:00:00+08:00"])
    }

    /// Closes every open element and ends the file.
    mutating func finish() {
        while !open.isEmpty { close() }
        assembler.finish(atTopLevel: true)
        var taken: [AssembledItem] = []
        assembler.takeItems(into: &taken)
        items += taken
    }

    /// The items delivered, as the cases compare them.
    var delivered: [ManufacturerItem] { items.map(\.item) }

    /// The rejections delivered.
    var rejected: [RejectedItem] {
        items.compactMap { if case .rejected(let item) = $0.item { item } else { nil } }
    }
}

/// A short name for an item's kind, to compare orders of delivery.
func kindName(_ item: ManufacturerItem) -> String {
    switch item {
    case .bulletinBegin: "begin"
    case .bulletinVINs(let vins): "vins(\(vins.count))"
    case .bulletinEnd: "end"
    case .labourOperation: "labour operation"
    case .part: "part"
    case .warrantyTerm: "warranty term"
    case .partsWarranty: "parts warranty"
    case .vehicle: "vehicle"
    case .rejected: "rejected"
    }
}
