import Foundation
import Core

/// libxml2's schema messages, made readable (`readableMessage`), said as a phrase: the forms a manufacturer file
/// meets most (a bad VIN, a missing or unexpected element or attribute, a value not of its type) have the
/// product's words in each language, their names and values kept as they are; any other message is said as libxml2
/// words it. The English of a phrase is the readable message, character for character.
func spokenSchemaMessage(_ message: String) -> Phrase {
    guard message.hasPrefix("Element '") else { return Phrase(verbatim: message) }
    for form in SchemaMessageForm.all {
        if let phrase = form.match(message) { return phrase }
    }
    return Phrase(verbatim: message)
}

/// One form of libxml2's schema messages: its English with `%` where a name or value stands.
struct SchemaMessageForm: Sendable {
    /// The English around the values: one more than the values.
    let literals: [String]

    init(_ template: String) { literals = template.components(separatedBy: "%") }

    /// The message as this form's phrase, or nil when it is not of this form. A value runs to the first place the
    /// literal after it follows.
    func match(_ message: String) -> Phrase? {
        let first = literals[0], last = literals[literals.count - 1]
        guard message.count >= first.count + last.count, message.hasPrefix(first), message.hasSuffix(last) else {
            return nil
        }
        var rest = message.dropFirst(first.count).dropLast(last.count)
        var values: [String] = []
        for literal in literals.dropFirst().dropLast() {
            guard let at = rest.range(of: literal) else { return nil }
            values.append(String(rest[..<at.lowerBound]))
            rest = rest[at.upperBound...]
        }
        values.append(String(rest))
        var phrase = Phrase.StringInterpolation(literalCapacity: message.count, interpolationCount: values.count)
        for (index, literal) in literals.enumerated() {
            phrase.appendLiteral(literal)
            if index < values.count { phrase.appendInterpolation(values[index]) }
        }
        return Phrase(stringInterpolation: phrase)
    }

    /// The forms with words in the phrasebook: an attribute's before its element's, which would take it in.
    static let all: [SchemaMessageForm] = [
        "Element '%', attribute '%': [facet 'pattern'] The value '%' is not accepted by the VIN pattern "
            + "(17 characters from 0-9 and A-Z without I, O, Q).",
        "Element '%', attribute '%': [facet 'pattern'] The value '%' is not accepted by the pattern '%'.",
        "Element '%', attribute '%': [facet 'enumeration'] The value '%' is not an element of the set {%}.",
        "Element '%', attribute '%': '%' is not a valid value of the atomic type '%'.",
        "Element '%', attribute '%': The attribute '%' is not allowed.",
        "Element '%', attribute '%': [facet 'minLength'] The value '%' has a length of '%'; this underruns the "
            + "allowed minimum length of '%'.",
        "Element '%', attribute '%': [facet 'maxInclusive'] The value '%' is greater than the maximum value "
            + "allowed ('%').",
        "Element '%': [facet 'pattern'] The value '%' is not accepted by the VIN pattern "
            + "(17 characters from 0-9 and A-Z without I, O, Q).",
        "Element '%': [facet 'pattern'] The value '%' is not accepted by the pattern '%'.",
        "Element '%': [facet 'enumeration'] The value '%' is not an element of the set {%}.",
        "Element '%': '%' is not a valid value of the atomic type '%'.",
        "Element '%': This element is not expected. Expected is one of ( % ).",
        "Element '%': This element is not expected. Expected is ( % ).",
        "Element '%': This element is not expected.",
        "Element '%': Missing child element(s). Expected is one of ( % ).",
        "Element '%': Missing child element(s). Expected is ( % ).",
        "Element '%': The attribute '%' is required but missing.",
        "Element '%': Character content is not allowed, because the content type is empty.",
        "Element '%': Element content is not allowed, because the type definition is simple.",
        "Element '%': Character content other than whitespace is not allowed because the content type is "
            + "'element-only'.",
    ].map(SchemaMessageForm.init)
}
