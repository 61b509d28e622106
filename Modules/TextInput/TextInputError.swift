import Core

/// A place in a text file that a reader cannot read past (a stray quote, bytes that are not in the file's
/// encoding), named as an editor shows it: lines from 1, columns in characters from 1.
public struct TextInputError: AfterSalesError, Equatable {
    public let line: Int
    public let column: Int
    public let phrase: Phrase
    public var kind: ErrorKind { .invalid }
    /// `line N`, as the readers' other errors name their place.
    public var field: String? { "line \(line)" }
    public var sentence: Phrase { "line \(line), column \(column): \(phrase)" }
    /// The reason in the language of the moment.
    public var reason: String { phrase.rendered() }

    public init(line: Int, column: Int, _ reason: Phrase) {
        self.line = line
        self.column = column
        self.phrase = reason
    }
}
