/// The fields of an input form that the CLI and the API share (`ComplaintForm`, `ClaimForm`...), issue 14: each
/// case's raw value is the name the form and the rules behind it give an error (`InvalidInput.field`). Each front end
/// says how its caller writes a field (the CLI's `--received-at`, the API's `receivedAt`) in one table per form,
/// and runs the form's use case through `naming`, so a problem names the field as the caller wrote it.
public protocol FormField: RawRepresentable, Sendable where RawValue == String {}

extension FormField {
    /// Runs `body`; an error naming one of these fields is rethrown naming it `name(field)`, its reason unchanged.
    public static func naming<T>(_ name: (Self) -> String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any AfterSalesError { throw renamed(error, name) }
    }

    /// Runs `body` (a use case off the event loop); an error naming one of these fields is rethrown naming it
    /// `name(field)`, its reason unchanged.
    public static func naming<T>(_ name: (Self) -> String, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as any AfterSalesError { throw renamed(error, name) }
    }

    static func renamed(_ error: any AfterSalesError, _ name: (Self) -> String) -> any AfterSalesError {
        guard let old = error.field, let field = Self(rawValue: old) else { return error }
        return RenamedField(error, field: name(field))
    }
}

/// An error of a form's rules whose field is named as the caller wrote it; kind and reason are the error's own.
public struct RenamedField: AfterSalesError {
    public let underlying: any AfterSalesError
    public let field: String?

    public init(_ underlying: any AfterSalesError, field: String) {
        self.underlying = underlying
        self.field = field
    }

    public var kind: ErrorKind { underlying.kind }
    public var phrase: Phrase { underlying.phrase }
    /// The error's message, its leading `field: ` (when it has one) the caller's name for the field.
    public var sentence: Phrase {
        guard let old = underlying.field, let new = field, underlying.description.hasPrefix(old + ": ") else {
            return underlying.sentence
        }
        return "\(new): \(phrase)"
    }
}
