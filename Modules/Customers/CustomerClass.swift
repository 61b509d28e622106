import Core

/// Where a customer stands with the dealer: potential (C-1) or one of the base-customer classes (C-3).
public enum CustomerClass: String, CaseIterable, Codable, Sendable {
    /// 潜在客户 (C-1)
    case potential
    /// 意向客户 (C-3)
    case intention
    /// 保有客户 (C-4)
    case retained
    /// 战败客户: lost to a competitor (C-3)
    case defeated

    /// Rule C-5: the classes a customer may move to from this one.
    public var allowedMoves: [CustomerClass] {
        switch self {
        case .potential: return [.intention]
        case .intention: return [.retained, .defeated]
        case .defeated: return [.intention]
        case .retained: return [.defeated]
        }
    }

    /// The class as people read it (保有客户 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .potential: "potential"
        case .intention: "intention"
        case .retained: "retained"
        case .defeated: "defeated"
        }
    }

    /// Whether the class is a base-customer class (C-3).
    public var isBase: Bool { self != .potential }

    /// Rule C-5: checks a move and returns nothing, or throws a `Conflict` naming the allowed moves.
    public func checkMove(to target: CustomerClass) throws {
        guard allowedMoves.contains(target) else {
            let allowed = Phrase.joined(allowedMoves.map(\.spoken), separator: ", ")
            throw Conflict(
                field: "class",
                "a \(spoken) customer cannot move to \(target.spoken) (C-5); allowed from \(spoken): \(allowed)")
        }
    }

    /// Parses a class name (English or Chinese); throws `InvalidInput`.
    static let aliases: [String: CustomerClass] = [
        "潜在": .potential, "潜在客户": .potential, "意向": .intention, "意向客户": .intention,
        "保有": .retained, "保有客户": .retained, "战败": .defeated, "战败客户": .defeated,
    ]

    public static func parse(_ text: String, field: String = "class") throws -> CustomerClass {
        if let value = CustomerClass(rawValue: text) { return value }
        let key = text.trimmed().lowercased()
        if let value = CustomerClass(rawValue: key) ?? aliases[key] { return value }
        throw InvalidInput(field: field, "expected one of potential, intention, retained, defeated; got \"\(text)\"")
    }
}

/// What a potential customer's grade rests on (C-2).
public enum GradeCriterion: String, CaseIterable, Codable, Sendable {
    case confidence, need
    case purchasingPower = "purchasing-power"

    /// The criterion as people read it (购买力 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .confidence: "confidence"
        case .need: "need"
        case .purchasingPower: "purchasing-power"
        }
    }
}

/// Grade of a potential customer (C-2): A = confidence + need + purchasing power;
/// B = need + purchasing power; C = confidence + purchasing power.
public enum PotentialGrade: String, CaseIterable, Codable, Sendable {
    case a = "A"
    case b = "B"
    case c = "C"

    /// Rule C-2: the criteria the grade stands for.
    public var criteria: [GradeCriterion] {
        switch self {
        case .a: return [.confidence, .need, .purchasingPower]
        case .b: return [.need, .purchasingPower]
        case .c: return [.confidence, .purchasingPower]
        }
    }

    /// The grade with its criteria, as people read it: `A (confidence, need, purchasing-power)`, in the language of
    /// the moment.
    public var explained: String { spoken.rendered() }

    /// The grade with its criteria, as a phrase.
    public var spoken: Phrase { "\(rawValue) (\(Phrase.joined(criteria.map(\.spoken), separator: ", ")))" }

    public static func parse(_ text: String, field: String = "grade") throws -> PotentialGrade {
        if let grade = PotentialGrade(rawValue: text) ?? PotentialGrade(rawValue: text.trimmed().uppercased()) {
            return grade
        }
        throw InvalidInput(field: field, "expected A, B or C (C-2), got \"\(text)\"")
    }
}

/// Person or organisation (C-6).
public enum PartyKind: String, CaseIterable, Codable, Sendable {
    case person, organisation

    /// The kind as people read it (个人/单位 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .person: "person"
        case .organisation: "organisation"
        }
    }

    static let aliases: [String: PartyKind] = [
        "个人": .person, "organization": .organisation, "company": .organisation, "单位": .organisation,
        "公司": .organisation,
    ]

    public static func parse(_ text: String, field: String = "kind") throws -> PartyKind {
        if let value = PartyKind(rawValue: text) { return value }
        let key = text.trimmed().lowercased()
        if let value = PartyKind(rawValue: key) ?? aliases[key] { return value }
        throw InvalidInput(field: field, "expected person or organisation, got \"\(text)\"")
    }
}

/// Gender on the card, for analysing the base (C-6).
public enum Gender: String, CaseIterable, Codable, Sendable {
    case male, female

    /// The gender as people read it (男/女 in Chinese).
    public var spoken: Phrase {
        switch self {
        case .male: "male"
        case .female: "female"
        }
    }

    static let aliases: [String: Gender] = ["男": .male, "女": .female, "m": .male, "f": .female]

    public static func parse(_ text: String, field: String = "gender") throws -> Gender {
        if let value = Gender(rawValue: text) { return value }
        let key = text.trimmed().lowercased()
        if let value = Gender(rawValue: key) ?? aliases[key] { return value }
        throw InvalidInput(field: field, "expected male or female (男/女), got \"\(text)\"")
    }
}
