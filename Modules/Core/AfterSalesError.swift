import Foundation

/// What kind of failure an error is, so every app maps it the same way
/// (CLI exit status 1, HTTP 400/404/409/415/403/401).
public enum ErrorKind: String, Sendable {
    case invalid
    case notFound
    case conflict
    /// Content of a type the input does not take, found by reading it (an attachment that is no photo...).
    case unsupportedMedia
    case forbidden
    case unauthorized
}

/// An error a user may see: its description says what happened and what to do, naming the field
/// or the record, in the language of the moment (`Speech.current`). Database error text never reaches a client;
/// only these do.
public protocol AfterSalesError: Error, CustomStringConvertible, Sendable {
    var kind: ErrorKind { get }
    /// The input field at fault, when one is: named as the caller typed it, in every language.
    var field: String? { get }
    /// What went wrong, without the field name: a phrase, said in the language of whoever reads it.
    var phrase: Phrase { get }
    /// The whole message as a phrase (by default after the field it concerns), for whoever prints or quotes it.
    var sentence: Phrase { get }
}

extension AfterSalesError {
    /// The message without the field name (for outputs that show the field apart).
    public var detail: String { phrase.rendered() }
    /// The message, after the field it concerns (`vin: …`).
    public var description: String { sentence.rendered() }
    public var sentence: Phrase { field.map { "\($0): \(phrase)" } ?? phrase }
}

/// A value that does not fit its field.
public struct InvalidInput: AfterSalesError, Equatable {
    public let field: String?
    public let phrase: Phrase
    public var kind: ErrorKind { .invalid }

    public init(field: String?, _ reason: Phrase) {
        self.field = field
        self.phrase = reason
    }

    /// The reason in the language of the moment.
    public var reason: String { phrase.rendered() }
}

/// A record that does not exist.
public struct NotFound: AfterSalesError, Equatable {
    public let entity: Phrase
    public let key: String
    public let field: String?
    public var kind: ErrorKind { .notFound }

    public init(_ entity: Phrase, _ key: String, field: String? = nil) {
        self.entity = entity
        self.key = key
        self.field = field
    }

    public var phrase: Phrase { "no \(entity) \(key)" }
    public var sentence: Phrase { phrase }
}

/// A record that does not exist, said in a message of its own (an unknown setting names the command that lists
/// them).
public struct UnknownRecord: AfterSalesError, Equatable {
    public let field: String?
    public let phrase: Phrase
    public var kind: ErrorKind { .notFound }

    public init(field: String?, _ message: Phrase) {
        self.field = field
        self.phrase = message
    }
}

/// A change that clashes with what is stored (a VIN already on another vehicle, a move C-5 does not allow...).
public struct Conflict: AfterSalesError, Equatable {
    public let field: String?
    public let phrase: Phrase
    public var kind: ErrorKind { .conflict }

    public init(field: String?, _ message: Phrase) {
        self.field = field
        self.phrase = message
    }
}

/// Content whose type, read from its bytes, is not one the field takes (HTTP 415).
public struct UnsupportedContent: AfterSalesError, Equatable {
    public let field: String?
    public let phrase: Phrase
    public var kind: ErrorKind { .unsupportedMedia }

    public init(field: String?, _ message: Phrase) {
        self.field = field
        self.phrase = message
    }
}

/// Parses one of an enum's raw values, or throws `InvalidInput` listing them.
public func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, field: String) throws -> T
where T.RawValue == String {
    let key = text.trimmed().lowercased()
    if let value = T(rawValue: key) { return value }
    throw InvalidInput(
        field: field, "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); got \"\(text)\"")
}
