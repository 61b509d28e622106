import Core

/// A place in a text file that a reader cannot read past (a stray quote, bytes that are not in the file's
/// encoding), named as an editor shows it: lines from 1, columns in characters from 1.
public struct TextInputError: AfterSalesError, Equatable {
    public let line: Int
    public let column: Int
    public let reason: String
    public var kind: ErrorKind { .invalid }
    /// `line N`, as the readers' other errors name their place.
    public var field: String? { "line \(line)" }
    public var description: String { "line \(line), column \(column): \(reason)" }
    public var detail: String { reason }

    public init(line: Int, column: Int, _ reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }
}
