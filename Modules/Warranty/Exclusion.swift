import Core

/// A fact that excludes warranty (W-4), recorded on the vehicle or on a repair, with its source record.
public struct ExclusionFact: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Repaired at a workshop that is not an authorised dealer of the make.
        case nonAuthorisedRepair = "non-authorised-repair"
        case unapprovedParts = "unapproved-parts"
        case unapprovedModification = "unapproved-modification"
        /// Use against the rules or overloading.
        case useAgainstRules = "use-against-rules"
        case misuse
        case accident
        /// Another condition the manufacturer sets; its name is in `condition`.
        case manufacturerCondition = "manufacturer-condition"

        /// The kind for people (said in the language of the moment where shown).
        public var spoken: Phrase {
            switch self {
            case .nonAuthorisedRepair: "repaired at a workshop that is not an authorised dealer of the make"
            case .unapprovedParts: "parts not approved by the manufacturer"
            case .unapprovedModification: "modification without approval"
            case .useAgainstRules: "use against the rules or overloading"
            case .misuse: "misuse or abuse"
            case .accident: "traffic accident damage"
            case .manufacturerCondition: "manufacturer's condition"
            }
        }

        public var title: String { spoken.rendered() }
    }

    public var id: Int64?
    public var kind: Kind
    /// The manufacturer's condition (for `manufacturerCondition`), from the configurable list.
    public var condition: String?
    /// Only this component is excluded; nil: the whole vehicle.
    public var component: String?
    public var recordedOn: LocalDate
    /// The record the fact rests on: a repair order, an inspection report, a photo reference.
    public var source: String
    public var note: String?

    public init(
        id: Int64? = nil, kind: Kind, condition: String? = nil, component: String? = nil, recordedOn: LocalDate,
        source: String, note: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.condition = condition
        self.component = component
        self.recordedOn = recordedOn
        self.source = source
        self.note = note
    }

    /// What the fact excludes for, for people: the kind, and the manufacturer's condition by name.
    public var titlePhrase: Phrase {
        kind == .manufacturerCondition ? "\(kind.spoken): \(condition ?? "?")" : kind.spoken
    }

    /// `titlePhrase` in the language of the moment.
    public var title: String { titlePhrase.rendered() }
}

/// A part bought at an authorised dealer and fitted there, with its invoice (W-3).
public struct FittedPart: Sendable, Codable, Equatable {
    public var partNumber: String
    public var fittedOn: LocalDate
    public var invoice: String

    public init(partNumber: String, fittedOn: LocalDate, invoice: String) {
        self.partNumber = partNumber
        self.fittedOn = fittedOn
        self.invoice = invoice
    }

    /// Part numbers compare without spaces and case (`06L 115 562 B` = `06l115562b`).
    public static func key(_ number: String) -> String { number.uppercased().filter { !$0.isWhitespace } }
}

/// Components compare after trimming and case folding (MANUFACTURER-XML.md).
public func componentKey(_ name: String) -> String { name.trimmed().lowercased() }
