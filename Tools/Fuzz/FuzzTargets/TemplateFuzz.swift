import Campaigns
import Core
import Foundation
import Messaging

/// The message template parser, with the personal fields a campaign offers (`PersonalFields.names`).
///
/// Invariants: `MessageTemplate.init` returns a template or throws `InvalidInput` naming the field (and, for a tag,
/// its line and column within the text); every field a template reports stands at a `{{` where it says; a template
/// renders with every field given, and with none when empty fields are allowed.
enum TemplateFuzz {
    static let field = "template"

    static func run(_ input: [UInt8]) throws(FuzzFailure) {
        let text = String(decoding: input, as: UTF8.self)
        let scalars = Array(text.unicodeScalars)
        let template: MessageTemplate
        do {
            template = try MessageTemplate(text, known: PersonalFields.names, field: field)
        } catch let error as InvalidInput {
            try require(error.field == field, "the error names the field \(error.field ?? "nil"): \(error)")
            if let (line, column) = location(error.reason) {
                try require(
                    isTag(scalars, line: line, column: column),
                    "the error's line \(line), column \(column) is no {{: \(error)")
            }
            return
        } catch {
            throw FuzzFailure("init threw \(type(of: error)), not InvalidInput: \(error)")
        }
        try require(template.text == text, "the template keeps another text")
        for use in template.fields {
            try require(PersonalFields.names.contains(use.name), "the template uses \(use.name), not a known field")
            try require(
                isTag(scalars, line: use.line, column: use.column),
                "\(use.name) is said to be at \(use.line):\(use.column)")
        }
        try require(Set(template.fields.map(\.name)).count == template.fields.count, "a field is listed twice")
        let values = Dictionary(uniqueKeysWithValues: PersonalFields.names.map { ($0, "值\($0)") })
        do {
            _ = try template.render(values, field: field)
        } catch {
            throw FuzzFailure("the template does not render with every field given: \(error)")
        }
        _ = template.renderAllowingEmpty([:])
        try require(
            template.missingField([:])?.name == template.fields.first?.name,
            "missingField is not the first field")
    }

    /// The line and column an error message starts with (`line 2, column 3: the tag {{ is not closed`).
    static func location(_ reason: String) -> (Int, Int)? {
        guard reason.hasPrefix("line ") else { return nil }
        let parts = reason.dropFirst("line ".count).split(separator: ":", maxSplits: 1)[0].split(separator: ",")
        guard parts.count == 2, let line = Int(parts[0]), parts[1].hasPrefix(" column "),
            let column = Int(parts[1].dropFirst(" column ".count))
        else { return nil }
        return (line, column)
    }

    /// Whether `{{` stands at `line` and `column` (counted in Unicode scalars, from 1).
    static func isTag(_ scalars: [Unicode.Scalar], line: Int, column: Int) -> Bool {
        var (l, c) = (1, 1)
        for (index, scalar) in scalars.enumerated() {
            if l == line && c == column {
                return scalar == "{" && index + 1 < scalars.count && scalars[index + 1] == "{"
            }
            if scalar == "\n" {
                l += 1
                c = 1
            } else {
                c += 1
            }
        }
        return false
    }
}
