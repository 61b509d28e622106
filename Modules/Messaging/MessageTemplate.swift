import Core
import Foundation
import Mustache

/// A message template with personal fields (`{{name}}`, `{{plate}}`…), rendered by swift-mustache as plain
/// text (nothing is HTML-escaped). It knows which fields it uses, so a field the data lacks is an error that
/// names it, with its line and column.
public struct MessageTemplate: Sendable {
    /// A field the template uses, where it first appears.
    public struct FieldUse: Sendable, Equatable, Codable {
        public var name: String
        public var line: Int
        public var column: Int
    }

    /// How deep `{{#section}}`s may nest: swift-mustache parses and renders them recursively, and a
    /// template comes from users (the API), so a deeper one is refused before it reaches the stack.
    public static let maximumSectionDepth = 16

    public let text: String
    public let fields: [FieldUse]
    private let template: MustacheTemplate
    /// The marks `separatingMarks` took out of the text, by the name of the tag that puts each back.
    private let marks: [String: String]

    /// Compiles `text`; throws `InvalidInput` naming `field` for a syntax error or a field not in `known`.
    public init(_ text: String, known: Set<String>, field: String = "template") throws {
        guard !text.trimmed().isEmpty else { throw InvalidInput(field: field, "the template is empty") }
        let uses = try MessageTemplate.scan(text, field: field)
        if let unknown = uses.first(where: { !known.contains($0.name) }) {
            throw InvalidInput(
                field: field,
                "line \(unknown.line), column \(unknown.column): {{\(unknown.name)}} is not a field; fields: "
                    + "\(known.sorted().joined(separator: ", "))"
            )
        }
        let separated = MessageTemplate.separatingMarks(text)
        do {
            template = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + separated.text)
        } catch let error as MustacheTemplate.ParserError {
            throw InvalidInput(
                field: field, "line \(error.context.lineNumber): the template does not parse (\(error.error))")
        } catch {
            throw InvalidInput(field: field, "the template does not parse (\(error))")
        }
        marks = separated.marks
        self.text = text
        var seen = Set<String>()
        fields = uses.filter { seen.insert($0.name).inserted }
    }

    /// Renders with `values`; a field the template uses but `values` lacks (or has empty) is an
    /// `InvalidInput` naming it.
    public func render(_ values: [String: String], field: String = "template") throws -> String {
        if let missing = missingField(values) {
            throw InvalidInput(
                field: field,
                "the data has no \(missing.name) for {{\(missing.name)}} (line \(missing.line), column "
                    + "\(missing.column))"
            )
        }
        return template.render(values.merging(marks) { value, _ in value })
    }

    /// Renders with `values` as they are: a field they lack or leave empty renders as nothing. For a message
    /// that must go out whatever the data lacks (a recall), after its fallbacks are filled in.
    public func renderAllowingEmpty(_ values: [String: String]) -> String {
        template.render(values.merging(marks) { value, _ in value })
    }

    /// swift-mustache reads a template by `Character`s, and in Swift a `}` followed by a combining mark or an emoji
    /// modifier (`{{name}}🏻`) is one Character, so the tag would not close and a valid template would be refused. Each
    /// such mark is taken out of the text and put back by a tag of its own (`}{{__mark0}}`), whose value is the mark:
    /// the rendered text is the same, character for character.
    static func separatingMarks(_ text: String) -> (text: String, marks: [String: String]) {
        var separated = ""
        var marks: [String: String] = [:]
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.first == "}", scalars.count > 1 {
                let name = "__mark\(marks.count)"
                marks[name] = String(String.UnicodeScalarView(scalars.dropFirst()))
                separated += "}{{\(name)}}"
            } else {
                separated.append(character)
            }
        }
        return (separated, marks)
    }

    /// The first field the template uses that `values` lacks or leaves empty.
    public func missingField(_ values: [String: String]) -> FieldUse? {
        fields.first { (values[$0.name] ?? "").isEmpty }
    }

    /// The names used in `{{…}}` tags, with where they stand. Comments and pragmas are skipped, section ends
    /// are not uses; partials and delimiter changes are refused (a message template stands alone).
    static func scan(_ text: String, field: String) throws -> [FieldUse] {
        var uses: [FieldUse] = []
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        var column = 1
        var depth = 0
        func advance() {
            if scalars[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        while i < scalars.count {
            guard scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" else {
                advance()
                continue
            }
            let (tagLine, tagColumn) = (line, column)
            advance()
            advance()
            var triple = false
            if i < scalars.count, scalars[i] == "{" {
                triple = true
                advance()
            }
            var inside = ""
            while i < scalars.count, !(scalars[i] == "}" && i + 1 < scalars.count && scalars[i + 1] == "}") {
                inside.unicodeScalars.append(scalars[i])
                advance()
            }
            guard i < scalars.count else {
                throw InvalidInput(field: field, "line \(tagLine), column \(tagColumn): the tag {{ is not closed")
            }
            advance()
            advance()
            if triple, i < scalars.count, scalars[i] == "}" { advance() }
            var name = inside.trimmed()
            guard let sigil = name.first else {
                throw InvalidInput(field: field, "line \(tagLine), column \(tagColumn): empty tag {{}}")
            }
            switch sigil {
            case "/":
                depth = max(0, depth - 1)
                continue
            case "!", "%": continue
            case ">", "<", "$", "=":
                throw InvalidInput(
                    field: field,
                    "line \(tagLine), column \(tagColumn): {{\(inside)}}: partials, parents, blocks and delimiter "
                        + "changes are not supported in message templates"
                )
            case "#", "^":
                depth += 1
                guard depth <= maximumSectionDepth else {
                    throw InvalidInput(
                        field: field,
                        "line \(tagLine), column \(tagColumn): sections nest more than \(maximumSectionDepth) deep")
                }
                name = String(name.dropFirst()).trimmed()
            case "&":
                name = String(name.dropFirst()).trimmed()
            default: break
            }
            uses.append(FieldUse(name: name, line: tagLine, column: tagColumn))
        }
        return uses
    }
}

/// SMS text as the gateway sends it: the rendered text plus the dealer's unsubscribe suffix (回T退订) when set.
public enum SMSText {
    public static func compose(_ body: String, suffix: String?) -> String {
        guard let suffix = suffix?.trimmed(), !suffix.isEmpty, !body.hasSuffix(suffix) else { return body }
        return body + suffix
    }
}
