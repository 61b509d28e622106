/// The one parser of record ids (issue 14): every CLI argument or option and every API path or query parameter
/// that names a record by its number reads it here, so `0`, `-1`, `abc`, `1.5` and a number too large for a
/// row id are refused alike, with the same words, naming the field.
public enum RecordID {
    /// A positive whole number that fits a row id (leading and trailing white space ignored); anything else is an
    /// `InvalidInput` naming `field`. `what` names the record in the message ("a complaint id"), a phrasebook key.
    public static func parse(_ text: String, field: String, what: String = "an id") throws -> Int64 {
        let digits = text.trimmed()
        let onlyDigits = !digits.isEmpty && digits.utf8.allSatisfy { (0x30...0x39).contains($0) }
        guard onlyDigits, let value = Int64(digits), value > 0 else {
            throw InvalidInput(
                field: field,
                "expected \(Phrase(key: what)): a positive whole number (at most \(Int64.max)), got \"\(text)\"")
        }
        return value
    }
}
