/// Text helpers that run once per field of million-row imports, so they avoid Foundation's bridging.
extension String {
    /// The text without leading and trailing white space (spaces, tabs, line breaks, full-width spaces);
    /// returns the same string, without copying, when there is none.
    public func trimmed() -> String {
        // Fast path: printable ASCII at both ends needs no trimming.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let head = scalars.first, let tail = scalars.last else { return "" }
        if !head.properties.isWhitespace, !tail.properties.isWhitespace { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace {
            end = scalars.index(before: end)
        }
        return String(scalars[start..<end])
    }
}

extension String {
    /// nil for the empty string, else the string: optional text fields store nothing rather than "".
    public var nilIfEmpty: String? { isEmpty ? nil : self }
}
