import Core

/// A segment as fields, the way `segment create` and POST /v1/segments give it (M-2), like `CustomerForm`:
/// `validated()` reads it and checks its filter, so both front ends accept and refuse the same segments with the
/// same words. Its errors name a `Field`, which each front end names as its caller wrote it.
public struct SegmentForm: Codable, Sendable, Equatable {
    public var name: String?
    /// The filter expression (`SegmentExpression`).
    public var filter: String?
    public var description: String?

    public init() {}

    /// The form's fields, by the names its errors give.
    public enum Field: String, FormField, CaseIterable {
        case name, filter, description
    }

    /// The segment as read: a name, and a filter that parses.
    public struct Validated: Sendable, Equatable {
        public var name: String
        public var filter: String
        public var description: String?
    }

    /// Rule M-2: the segment read from the fields; throws `InvalidInput` naming the field (a filter's problem with
    /// its column).
    public func validated() throws -> Validated {
        let name = (self.name ?? "").trimmed()
        guard !name.isEmpty else { throw InvalidInput(field: Field.name.rawValue, "give the segment a name") }
        let filter = self.filter ?? ""
        _ = try SegmentExpression.parse(filter, field: Field.filter.rawValue)
        return Validated(name: name, filter: filter, description: description)
    }
}
