import Foundation
import Core
import Catalog
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

/// What identifies a bulletin and decides its revision outcome; delivered before the bulletin's VIN list.
public struct BulletinHead: Sendable, Equatable {
    public var manufacturer: String
    public var number: String
    public var kind: Bulletin.Kind
    public var revision: Int
    public var issued: LocalDate
    public var status: Bulletin.Status

    public init(
        manufacturer: String, number: String, kind: Bulletin.Kind, revision: Int, issued: LocalDate,
        status: Bulletin.Status
    ) {
        self.manufacturer = manufacturer
        self.number = number
        self.kind = kind
        self.revision = revision
        self.issued = issued
        self.status = status
    }
}

/// An item the manufacturer's file rejects: which one, its problems (the first `ItemAssembler.itemErrorLimit`, then
/// a line saying how many more) and how many it has in all.
public struct RejectedItem: Sendable, Codable, Equatable {
    public var section: Section
    public var key: String
    public var errors: [XMLInputError]
    /// Every problem found in the item, listed or not.
    public var problemCount: Int

    public init(section: Section, key: String, errors: [XMLInputError], problemCount: Int? = nil) {
        self.section = section
        self.key = key
        self.errors = errors
        self.problemCount = problemCount ?? errors.count
    }
}

/// The items of a manufacturer file, one at a time, in file order.
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

/// An item with the line of the file its element starts on.
public struct AssembledItem: Sendable {
    public var item: ManufacturerItem
    public var line: Int

    public init(item: ManufacturerItem, line: Int) {
        self.item = item
        self.line = line
    }
}

/// A problem in a manufacturer file, located as `FILE:LINE:COLUMN: message`. What it says is a phrase (`spoken`), said
/// in the language of the moment when shown (`description`), so a problem found on the reading thread is said in the
/// language of the command; `message` is the English, as logs and the checks read it.
public struct XMLInputError: AfterSalesError, Equatable, Codable {
    public let file: String
    public let line: Int
    public let column: Int
    public let spoken: Phrase
    public var message: String { spoken.english }
    public var kind: ErrorKind { .invalid }
    public var field: String? { nil }
    public var description: String { "\(file):\(line):\(column): \(spoken.rendered())" }
    public var phrase: Phrase { Phrase(verbatim: description) }

    /// A problem the product words.
    public init(file: String, line: Int, column: Int, saying spoken: Phrase) {
        self.file = file
        self.line = line
        self.column = column
        self.spoken = spoken
    }

    /// A problem in words from outside the product (libxml2's), said as they are.
    public init(file: String, line: Int, column: Int, message: String) {
        self.init(file: file, line: line, column: column, saying: Phrase(verbatim: message))
    }

    public static func == (a: XMLInputError, b: XMLInputError) -> Bool {
        a.file == b.file && a.line == b.line && a.column == b.column && a.message == b.message
    }

    enum CodingKeys: String, CodingKey { case file, line, column, message }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            file: container.decode(String.self, forKey: .file), line: container.decode(Int.self, forKey: .line),
            column: container.decode(Int.self, forKey: .column),
            message: container.decode(String.self, forKey: .message))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(spoken.rendered(), forKey: .message)
    }
}
