import Foundation

/// What kind of failure an error is, so every app maps it the same way
/// (CLI exit status 1, HTTP 400/404/409/403).
public enum ErrorKind: String, Sendable {
    case invalid
    case notFound
    case conflict
    case forbidden
    case unauthorized
}

/// An error a user may see: its description says what happened and what to do, naming the field
/// or the record. Database error text never reaches a client; only these do.
public protocol AfterSalesError: Error, CustomStringConvertible, Sendable {
    var kind: ErrorKind { get }
    /// The input field at fault, when one is.
    var field: String? { get }
    /// The message without the field name (for outputs that show the field apart).
    var detail: String { get }
}

extension AfterSalesError {
    public var detail: String { description }
}

/// A value that does not fit its field.
public struct InvalidInput: AfterSalesError, Equatable {
    public let field: String?
    public let reason: String
    public var kind: ErrorKind { .invalid }

    public init(field: String?, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { field.map { "\($0): \(reason)" } ?? reason }
    public var detail: String { reason }
}

/// A record that does not exist.
public struct NotFound: AfterSalesError, Equatable {
    public let entity: String
    public let key: String
    public let field: String?
    public var kind: ErrorKind { .notFound }

    public init(_ entity: String, _ key: String, field: String? = nil) {
        self.entity = entity
        self.key = key
        self.field = field
    }

    public var description: String { "no \(entity) \(key)" }
}

/// A change that clashes with what is stored (a VIN already on another vehicle, a move C-5 does not allow...).
public struct Conflict: AfterSalesError, Equatable {
    public let field: String?
    public let message: String
    public var kind: ErrorKind { .conflict }

    public init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { field.map { "\($0): \(message)" } ?? message }
    public var detail: String { message }
}

/// Parses one of an enum's raw values, or throws `InvalidInput` listing them.
public func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, field: String) throws -> T
where T.RawValue == String {
    let key = text.trimmed().lowercased()
    if let value = T(rawValue: key) { return value }
    throw InvalidInput(
        field: field, "expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")); got \"\(text)\"")
}
