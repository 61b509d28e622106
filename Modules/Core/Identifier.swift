import Core

/// A typed row id: `Customer.ID` and `Vehicle.ID` cannot be mixed up.
public struct Identifier<Entity>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public var description: String { String(rawValue) }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int64.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension Identifier {
    /// An id from text through the one id parser (`RecordID`); anything but a positive whole number is an
    /// `InvalidInput` naming `field`.
    public init(parsing text: String, field: String, what: String = "an id") throws {
        self.init(try RecordID.parse(text, field: field, what: what))
    }
}
