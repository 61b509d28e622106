import Foundation
import Core
import Customers
import Catalog
import Warranty

/// Where the parser is when it reports an element event. Asked only when an item starts or a problem is found:
/// a tag's column costs a scan back through its line.
public protocol ElementPosition: AnyObject {
    /// The line of the event being reported, from 1 (for a start or end tag, the line its `>` is on).
    var line: Int { get }
    /// The column where the tag being reported starts, from 1 (1 when it started on an earlier line).
    var column: Int { get }
}

/// Turns the element events of a manufacturer file into its items (MANUFACTURER-XML.md), one at a time in file
/// order: a bulletin's header, its VINs in batches, then the bulletin; a labour operation; a part; ... No parser
/// here: a driver (`ManufacturerReader`, over libxml2) hands it each start tag with its attributes, the text of
/// the elements that hold text, and each end tag, with their depth (0 for the root), and queues its validator's
/// problems in `problems`; tests hand it events directly.
///
/// Errors: a problem inside an item (the validator's, or one of content found here) rejects that item and the
/// rest of the file still reads; a problem outside any item is a file error (`fileErrors`). A validator sees
/// every event before this assembler does, and reports lines, not nodes: when an element starts, the problems on
/// the lines before it belong to what came before, and those on the lines of an item belong to that item.
public struct ItemAssembler {
    /// A bulletin's listed VINs are delivered in batches of at most this many (a list may hold millions).
    public static let vinBatchSize = 4096
    /// The problems of one item that are listed; the rest are counted.
    public static let itemErrorLimit = 100

    /// The file's path, as its problems name it.
    public let file: String
    /// The root's `manufacturer`, trimmed; every bulletin of the file is this manufacturer's.
    public private(set) var manufacturer = ""
    /// The root's `issued` instant, when it is one.
    public private(set) var issued: Date?
    /// The day of `issued` as the manufacturer wrote it (its own offset): the day a changed price takes effect.
    public private(set) var issuedDay: LocalDate?
    /// Problems outside any item, in file order (at most `listLimit` kept; `fileErrorCount` counts all).
    public private(set) var fileErrors: [XMLInputError] = []
    public private(set) var fileErrorCount = 0
    /// Warnings (a VIN's wrong check digit, the validator's warnings), in file order, at most `listLimit` kept.
    public private(set) var warnings: [XMLInputError] = []
    public private(set) var warningCount = 0
    /// The sections the file holds, in file order.
    public private(set) var sectionsSeen: [Section] = []
    /// How many file errors and warnings are kept (the rest are counted).
    public var listLimit = 1000
    /// The validator's problems, queued by the driver, taken here by line.
    public var problems = ProblemQueue()

    private let position: any ElementPosition
    /// Items assembled and not yet taken.
    private var ready: [AssembledItem] = []
    /// The attributes of the element about to start: the driver empties and fills them, then calls `startElement`.
    public var attributes = ElementAttributes()
    /// The section named by the open depth-1 element (nil: an element the contract does not know).
    private var openSection: Section?

    // The item being read (depth 2).
    private var itemSection: Section?
    /// The item's key as a rejection names it (`vehicle LFV…`), kept as bytes: a String only when it is rejected.
    private var keyBytes: [UInt8] = []
    private var itemErrors: [XMLInputError] = []
    /// Problems of the item beyond `itemErrorLimit`, counted instead of kept.
    private var itemErrorsDropped = 0
    /// The line of the item's last problem, kept or counted.
    private var lastItemErrorLine = 0
    private var itemStartLine = 0
    private var itemStartColumn = 1
    /// The text of the element being read, when it is one that holds text (a VIN's, a title's).
    private var textBytes: [UInt8] = []
    private var bulletin: Bulletin?
    /// Whether `bulletin` is set: tested per VIN, where looking into the optional would copy the bulletin.
    private var inBulletin = false
    /// The VINs of the open bulletin's list, delivered in batches apart from it.
    private var vinsListed = 0
    private var vins: [VIN] = []
    private var numbers: Set<String> = []
    private var simple: ManufacturerItem?

    /// An assembler for the file at `file` (the path its problems name), asking `position` where the parser is.
    public init(file: String, position: any ElementPosition) {
        self.file = file
        self.position = position
    }

    // MARK: - Events

    /// An element starts at `depth` (0: the root), with the `attributes` the driver has just put in. The driver
    /// checks the root's name and namespace before it hands the root over.
    public mutating func startElement(_ element: ContractName, depth: Int) {
        if depth == 0 {
            manufacturer = attributes[.manufacturer]?.trimmed() ?? ""
            if let text = attributes[.issued]?.trimmed() {
                issued = Instant.parse(text)
                issuedDay = LocalDate(String(text.prefix(10)))
            }
        } else if depth == 1 {
            drainToFile(upTo: position.line - 1)
            openSection = element.section
            if let section = element.section { sectionsSeen.append(section) }
        } else if depth == 2 {
            drainToFile(upTo: position.line - 1)
            beginItem(element)
        } else if itemSection != nil {
            itemChild(element)
        }
        textBytes.empty()
    }

    /// Text inside `element`, the innermost open element: kept when it is one that holds text.
    public mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>, in element: ContractName) {
        if element.holdsText { textBytes.append(contentsOf: bytes) }
    }

    /// An element ends; `depth` is the one it started at.
    public mutating func endElement(_ element: ContractName, depth: Int) {
        if depth == 2 {
            // The validator has seen the end tag already: every problem of the item is queued.
            completeItem(upTo: position.line)
        } else if depth > 2, itemSection != nil {
            endChild(element)
        }
    }

    /// The file has ended well-formed (`atTopLevel`: with no element open): what the validator still holds goes
    /// to the file, and a file without a root element is a file error.
    public mutating func finish(atTopLevel: Bool) {
        if atTopLevel && manufacturer.isEmpty && fileErrorCount == 0 && problems.isEmpty {
            fileError(
                XMLInputError(
                    file: file, line: 1, column: 1,
                    saying: "the file holds no ManufacturerData element"))
        }
        drainToFile(upTo: Int.max)
    }

    /// Moves the items assembled so far to `items` (which must be empty), keeping both buffers.
    public mutating func takeItems(into items: inout [AssembledItem]) {
        swap(&items, &ready)
    }

    // MARK: - Items

    private mutating func beginItem(_ element: ContractName) {
        itemErrors.removeAll()
        itemErrorsDropped = 0
        itemStartLine = position.line
        itemStartColumn = position.column
        simple = nil
        bulletin = nil
        inBulletin = false
        guard let section = openSection else { itemSection = nil; return }
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
            let status = Bulletin.Status(rawValue: attributes[.status]?.trimmed() ?? "active") ?? .active
            bulletin = Bulletin(
                manufacturer: manufacturer, number: number, kind: kind, revision: revision,
                issued: issued, status: status, title: "", component: "", summary: "", remedy: "")
            inBulletin = true
            vinsListed = 0
            vins.removeAll(keepingCapacity: true)
            guard numbers.insert(number).inserted else {
                itemError("bulletin \(number) appears twice in the file")
                return
            }
            drainToItem(upTo: position.line)
            if itemErrors.isEmpty {
                deliver(
                    .bulletinBegin(
                        BulletinHead(
                            manufacturer: manufacturer, number: number, kind: kind,
                            revision: revision, issued: issued, status: status)))
            }
        case (.labourOperations, .LabourOperation):
            setKey("labour operation ", .code); addKey(" @ ", .make); addKey("/", .model, or: "*")
            if let code = required(.code), let make = required(.make), let hours = centi(.hours) {
                simple = .labourOperation(
                    LabourOperation(
                        code: code, make: make, model: optional(.model),
                        centihours: hours, description: ""))
            }
        case (.parts, .Part):
            setKey("part ", .number)
            if let number = required(.number), let price = centi(.price), let currency = required(.currency) {
                simple = .part(
                    CatalogPart(
                        number: number, name: "", price: Money(fen: Int64(price)),
                        currency: currency))
            }
        case (.warrantyTerms, .WarrantyTerm):
            setKey("warranty term ", .make); addKey("/", .model, or: "*"); addKey("/", .usage)
            addKey(" from ", .effective, trim: false)
            if let make = required(.make), let usage = required(.usage).flatMap(Usage.init(rawValue:)),
                let months = count(.months), let km = count(.kilometres),
                let effective = day(.effective, required: true)
            {
                simple = .warrantyTerm(
                    WarrantyTerm(
                        make: make, model: optional(.model), usage: usage, months: months,
                        kilometres: km, effective: effective,
                        source: "import of \((file as NSString).lastPathComponent)"))
            }
        case (.warrantyTerms, .PartsWarranty):
            setKey("parts warranty ", .make); addKey("/", .model, or: "*"); addKey(" from ", .effective, trim: false)
            if let make = required(.make), let months = count(.months),
                let effective = day(.effective, required: true)
            {
                simple = .partsWarranty(
                    PartsWarrantyTerm(
                        make: make, model: optional(.model), months: months,
                        effective: effective))
            }
        case (.vehicles, .Vehicle):
            setKey("vehicle ", .vin)
            if let vin = vin(.vin), let make = required(.make), let model = required(.model) {
                simple = .vehicle(
                    MasterVehicle(
                        vin: vin, make: make, model: model, year: count(.year),
                        built: day(.built, required: false)))
                if let warning = vin.checkDigitProblem { warn(warning) }
            }
        default:
            keyBytes = Array("\(element.text) in \(section.rawValue)".utf8)
            itemError("unexpected element \(element.text) in \(section.rawValue)")
        }
    }

    private mutating func itemChild(_ element: ContractName) {
        guard itemSection == .bulletins, inBulletin else { return }
        switch element {
        case .Model:
            if let make = required(.make), let model = required(.name) {
                bulletin!.models.append(
                    Bulletin.ModelCriterion(
                        make: make, name: model, yearFrom: count(.yearFrom),
                        yearTo: count(.yearTo)))
            }
        case .Built:
            let from = day(.from, required: false), to = day(.to, required: false)
            bulletin!.built.append(Bulletin.BuiltCriterion(from: from, to: to))
        case .VinRange:
            if let from = vin(.from), let to = vin(.to) {
                do { bulletin!.vinRanges.append(try VinRange(from: from, to: to)) } catch {
                    itemError("VinRange: \((error as? any AfterSalesError)?.phrase ?? Phrase(verbatim: "\(error)"))")
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

    private mutating func endChild(_ element: ContractName) {
        switch element {
        case .Vin:
            guard inBulletin else { return }
            let parsed = textBytes.withUnsafeBufferPointer { bytes -> Result<VIN, VIN.Problem> in
                do throws(VIN.Problem) { return .success(try VIN(utf8: bytes)) } catch { return .failure(error) }
            }
            switch parsed {
            case .success(let vin):
                if let warning = vin.checkDigitProblem { warn(warning) }
                vins.append(vin)
                vinsListed += 1
            case .failure(let problem):
                itemError("Vin: \(problem.phrase)")
            }
            if vins.count >= Self.vinBatchSize { flushVINs() }
        case .Title: bulletin?.title = Self.text(textBytes)
        case .Component: bulletin?.component = Self.text(textBytes)
        case .Summary: bulletin?.summary = Self.text(textBytes)
        case .Consequence: bulletin?.consequence = Self.text(textBytes)
        case .Remedy: bulletin?.remedy = Self.text(textBytes)
        case .Description:
            if case .labourOperation(var operation) = simple {
                operation.description = Self.text(textBytes)
                simple = .labourOperation(operation)
            }
        case .PartName:
            if case .part(var part) = simple {
                part.name = Self.text(textBytes)
                simple = .part(part)
            }
        default:
            break
        }
    }

    private mutating func deliver(_ item: ManufacturerItem) {
        ready.append(AssembledItem(item: item, line: itemStartLine))
    }

    /// Hands a batch of the open bulletin's VINs over, unless the bulletin is already known to be rejected.
    private mutating func flushVINs(upTo errorLine: Int? = nil) {
        drainToItem(upTo: errorLine ?? position.line)
        if itemErrors.isEmpty, !vins.isEmpty { deliver(.bulletinVINs(vins)) }
        vins.removeAll(keepingCapacity: true)
    }

    /// An element's text as written, without the blanks around it.
    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self).trimmed() }

    private mutating func completeItem(upTo endLine: Int) {
        guard let section = itemSection else { return }
        if section == .bulletins, let done = bulletin {
            flushVINs(upTo: endLine)
            if itemErrors.isEmpty {
                do {
                    // W-6: the VINs went out in batches; the bulletin is valid by its list all the same.
                    try done.validate(vinsListedApart: vinsListed)
                } catch {
                    itemError("bulletin \(done.number): \(error)", atItemStart: true)
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
                    itemError("\(error)", atItemStart: true)
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
                            saying: "\(ItemKey.spoken(itemKey)) is incomplete"))
                }
                deliver(rejection(section))
            }
        }
        itemSection = nil
        bulletin = nil
        inBulletin = false
        simple = nil
    }

    // MARK: - Keys, errors and warnings

    /// The item's key: `prefix` and the (trimmed) value of `name`, `fallback` when it has none.
    private mutating func setKey(
        _ prefix: StaticString, _ name: ContractName, or fallback: StaticString = "?",
        trim: Bool = true
    ) {
        keyBytes.empty()
        addKey(prefix, name, or: fallback, trim: trim)
    }

    private mutating func addKey(
        _ separator: StaticString, _ name: ContractName, or fallback: StaticString = "?",
        trim: Bool = true
    ) {
        keyBytes.append(contentsOf: UnsafeBufferPointer(start: separator.utf8Start, count: separator.utf8CodeUnitCount))
        if !attributes.appendValue(of: name, trimmed: trim, to: &keyBytes) {
            keyBytes.append(
                contentsOf: UnsafeBufferPointer(
                    start: fallback.utf8Start,
                    count: fallback.utf8CodeUnitCount))
        }
    }

    private var itemKey: String { String(decoding: keyBytes, as: UTF8.self) }

    /// A problem of the item being read, at the tag being reported (or at the item's start tag).
    mutating func itemError(_ message: Phrase, atItemStart: Bool = false) {
        if atItemStart {
            addItemError(XMLInputError(file: file, line: itemStartLine, column: itemStartColumn, saying: message))
            return
        }
        // The validator has usually said it already (it sees each event first): one message per problem.
        let line = position.line
        drainToItem(upTo: line)
        if itemErrors.count + itemErrorsDropped > 0, lastItemErrorLine == line { return }
        addItemError(XMLInputError(file: file, line: line, column: position.column, saying: message))
    }

    private mutating func fileError(_ error: XMLInputError) {
        fileErrorCount += 1
        if fileErrors.count < listLimit { fileErrors.append(error) }
    }

    private mutating func warn(_ message: Phrase) {
        warn(XMLInputError(file: file, line: position.line, column: position.column, saying: message))
    }

    private mutating func warn(_ warning: XMLInputError) {
        warningCount += 1
        if warnings.count < listLimit { warnings.append(warning) }
    }

    private mutating func addItemError(_ error: XMLInputError) {
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
                    saying: "… and \(itemErrorsDropped) more problems in \(ItemKey.spoken(itemKey))"))
        }
        return .rejected(
            RejectedItem(
                section: section, key: itemKey, errors: errors, problemCount: itemErrors.count + itemErrorsDropped))
    }

    /// The validator's problems on lines up to `line` belong to the item being read.
    private mutating func drainToItem(upTo line: Int) {
        drain(upTo: line, into: { $0.addItemError($1) }, uncounted: { $0.itemErrorsDropped += $1 })
    }

    /// The validator's problems on lines up to `line` outside any item are file errors.
    private mutating func drainToFile(upTo line: Int) {
        drain(upTo: line, into: { $0.fileError($1) }, uncounted: { $0.fileErrorCount += $1 })
    }

    /// Hands the validator's queued problems on lines up to `line` to `sink`; its warnings become warnings.
    /// Problems it reported beyond what the queue holds go to `uncounted` as their number, once the queue is empty.
    private mutating func drain(
        upTo line: Int, into sink: (inout ItemAssembler, XMLInputError) -> Void,
        uncounted: (inout ItemAssembler, Int) -> Void
    ) {
        var taken = 0
        for pending in problems.pending {
            guard pending.error.line <= line else { break }
            taken += 1
            if pending.warning { warn(pending.error) } else { sink(&self, pending.error) }
        }
        if taken > 0 { problems.pending.removeFirst(taken) }
        if problems.dropped > 0, problems.pending.isEmpty {
            uncounted(&self, problems.dropped)
            problems.dropped = 0
        }
    }
}
