/// The element and attribute names of the contract (MANUFACTURER-XML.md). A reader interns each once, so that a
/// name from the file is compared as a number, not as a string.
public enum ContractName: Int, CaseIterable, Sendable {
    case ManufacturerData, Bulletins, Bulletin, Title, Component, Summary, Consequence, Remedy, Applies, Model, Built
    case VinRange, Vin, Labour, Part, Extension, LabourOperations, LabourOperation, Description, Parts, PartName
    case WarrantyTerms, WarrantyTerm, PartsWarranty, Vehicles, Vehicle
    // Attribute names.
    case manufacturer, issued, number, kind, revision, status, make, name, yearFrom, yearTo, from, to, code, hours
    case quantity, months, kilometres, model, price, currency, usage, effective, vin, year, built
    /// Any name the contract does not know.
    case unknown

    /// The name as written in the file.
    public var text: String { Self.texts[rawValue] }
    private static let texts = allCases.map { $0 == .PartName ? "Name" : String(describing: $0) }
    private static let byText = Dictionary(
        uniqueKeysWithValues: allCases.filter { $0 != .unknown }.map { ($0.text, $0) })

    /// The name a text from the file stands for; `unknown` when the contract has none such.
    public init(text: String) {
        self = Self.byText[text] ?? .unknown
    }

    /// Whether the element's text is read (elsewhere text is blanks, or an error the schema reports).
    public var holdsText: Bool {
        switch self {
        case .Vin, .Title, .Component, .Summary, .Consequence, .Remedy, .Description, .PartName: true
        default: false
        }
    }

    /// The section a depth-1 element names.
    public var section: Section? {
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
