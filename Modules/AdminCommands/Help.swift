import Core

/// The discussion text of a command's `--help`: an example, and which API roles the same action needs.
enum Help {
    /// How wide an example line may be: the help is read on an 80-column terminal and the parser wraps longer
    /// lines wherever it likes, in the middle of a command. Longer commands continue on the next line with `\`.
    static let exampleWidth = 74

    /// The example's commands stay commands in every language; `more` and the headings are said in the language of
    /// the moment.
    static func text(_ example: String, permission: Permission? = nil, more: Phrase? = nil) -> String {
        var parts: [String] = []
        // One paragraph: the parser rewraps it to the terminal, so a hard line break would only leave a ragged edge.
        if let more { parts.append(say(more).split(separator: "\n").joined(separator: " ")) }
        let lines = joinedContinuations(example).flatMap(broken)
        parts.append(say("Example:") + "\n  " + lines.joined(separator: "\n  "))
        if let permission {
            let roles = permission.roles.map(\.rawValue).joined(separator: ", ")
            parts.append(
                say(
                    "Roles (API): \(roles). The CLI works on the database file directly; whoever can open the file "
                        + "can run it."))
        }
        return parts.joined(separator: "\n\n")
    }

    /// Codes people type, listed for help: as they are in English (`a, b`), each with its meaning in Chinese
    /// (`a（甲）、b（乙）`), so that a Chinese reader knows what to type and what it means.
    static func codes<Value>(_ values: [Value], code: (Value) -> String, meaning: (Value) -> Phrase) -> String {
        guard Speech.current.language == .zh else { return values.map(code).joined(separator: ", ") }
        return values.map { "\(code($0))（\(say(meaning($0)))）" }.joined(separator: "、")
    }

    /// The example's commands, each on one line (continuations written with `\` joined).
    static func joinedContinuations(_ example: String) -> [String] {
        var commands: [String] = []
        var pending = ""
        for raw in example.split(separator: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") {
                pending += line.dropLast().trimmingCharacters(in: .whitespaces) + " "
                continue
            }
            commands.append(pending + line)
            pending = ""
        }
        if !pending.isEmpty { commands.append(pending.trimmingCharacters(in: .whitespaces)) }
        return commands
    }

    /// A command broken at spaces outside quotes into lines of at most `exampleWidth`, continued with ` \`.
    static func broken(_ command: String) -> [String] {
        guard TextTable.width(command) > exampleWidth else { return [command] }
        var words: [String] = []
        var word = ""
        var quote: Character?
        for character in command {
            if let open = quote {
                word.append(character)
                if character == open { quote = nil }
                continue
            }
            if character == "\"" || character == "'" { quote = character }
            if character == " " {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { words.append(word) }
        // An option stays on the line of its value.
        var units: [String] = []
        for word in words {
            if let last = units.last, last.hasPrefix("--"), !last.contains(" "), !word.hasPrefix("-") {
                units[units.count - 1] = last + " " + word
            } else {
                units.append(word)
            }
        }
        words = units
        var lines: [String] = []
        var current = ""
        for word in words {
            let candidate = current.isEmpty ? word : current + " " + word
            if !current.isEmpty, TextTable.width(candidate) + 2 > exampleWidth - (lines.isEmpty ? 0 : 4) {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        lines.append(current)
        return lines.enumerated().map { index, line in
            (index == 0 ? "" : "    ") + line + (index == lines.count - 1 ? "" : " \\")
        }
    }
}

/// A phrase of help (an abstract, a discussion, an option's help) in the language of the moment: help is built when
/// the command line is parsed, after the binary chose its language.
func say(_ phrase: Phrase) -> String { phrase.rendered() }
