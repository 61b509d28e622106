import ArgumentParser
import Testing

@testable import AdminCommands

/// Every `Example:` of every command's `--help`, parsed by the real parser: an example a dealer copies must run.
@Suite("Help examples")
struct HelpExampleTests {
    /// The leaf commands under `root`, with their discussion text.
    static func commands(_ root: any ParsableCommand.Type) -> [(name: String, discussion: String)] {
        let configuration = root.configuration
        let own =
            configuration.discussion.isEmpty ? [] : [(configuration.commandName ?? "\(root)", configuration.discussion)]
        return own + configuration.subcommands.flatMap { commands($0) }
    }

    /// The command lines of an `Example:` block: continuation lines joined, a cron schedule, output redirection
    /// and a trailing remark in brackets dropped.
    static func examples(in discussion: String) -> [String] {
        guard let start = discussion.range(of: "Example:\n") else { return [] }
        var lines: [String] = []
        var pending = ""
        for raw in discussion[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false) {
            guard raw.hasPrefix("  ") else { break }
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            lines.append(pending + line)
            pending = ""
        }
        return lines.compactMap { line in
            guard let begin = line.range(of: "aftersales") else { return nil }
            var command = String(line[begin.lowerBound...])
            if let remark = command.range(of: "  (") { command = String(command[..<remark.lowerBound]) }
            for cut in [" > ", " >> ", " | "] {
                if let at = command.range(of: cut) { command = String(command[..<at.lowerBound]) }
            }
            return command
        }
    }

    /// Splits a command line as a shell would for these examples: quotes, backslash escapes and `$(…)` kept in a word.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character?
        var inWord = false
        var depth = 0
        var characters = Array(line)[...]
        while let c = characters.popFirst() {
            if let open = quote {
                if c == open {
                    quote = nil
                } else if c == "\\", open == "\"", let next = characters.popFirst() {
                    word.append(next)
                } else {
                    word.append(c)
                }
            } else if depth > 0 {
                word.append(c)
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == "$", characters.first == "(" {
                word.append(c)
                word.append(characters.removeFirst())
                depth = 1
                inWord = true
            } else if c == " " {
                if inWord {
                    words.append(word)
                    word = ""
                    inWord = false
                }
            } else {
                word.append(c)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    @Test("Every example in every command's help parses with the real parser")
    func examplesParse() throws {
        var checked = 0
        for (root, program) in [
            (AftersalesCommand.self as any ParsableCommand.Type, "aftersales"),
            (AftersalesImportCommand.self, "aftersales-import"),
        ] {
            for (name, discussion) in Self.commands(root) {
                for example in Self.examples(in: discussion) {
                    let arguments = Self.words(example)
                    guard arguments.first == program else { continue }
                    checked += 1
                    do {
                        _ = try root.parseAsRoot(Array(arguments.dropFirst()))
                    } catch {
                        Issue.record("\(name): `\(example)` does not parse: \(root.message(for: error))")
                    }
                }
            }
        }
        #expect(checked > 80, "only \(checked) examples found")
    }

    @Test("Help examples never wrap inside a command on an 80-column terminal: long ones continue with a backslash")
    func examplesFitTerminal() {
        for root in [AftersalesCommand.self as any ParsableCommand.Type, AftersalesImportCommand.self] {
            for (name, discussion) in Self.commands(root) {
                guard let start = discussion.range(of: "Example:\n") else { continue }
                for line in discussion[start.upperBound...].split(separator: "\n").prefix(while: { $0.hasPrefix("  ") })
                {
                    // A single word (a long quoted template) cannot be broken; everything else fits.
                    let unquoted = line.replacingOccurrences(of: #""[^"]*""#, with: "Q", options: .regularExpression)
                    let words = unquoted.split(separator: " ").count
                    #expect(TextTable.width(String(line)) <= 78 || words <= 2, "\(name): \(line)")
                }
            }
        }
    }

    @Test("The example splitter keeps quotes, escapes and $(…) in one word")
    func splitter() {
        #expect(
            Self.words(#"aftersales contact log --note "首保 booked" --template '{{name}} 您好'"#)
                == ["aftersales", "contact", "log", "--note", "首保 booked", "--template", "{{name}} 您好"])
        #expect(
            Self.words("aftersales outbox deliver --sms-csv sms-$(date +%F).csv") == [
                "aftersales", "outbox", "deliver", "--sms-csv", "sms-$(date +%F).csv",
            ])
    }
}

@Suite("Command line conventions")
struct CommandLineConventionTests {
    @Test("Options every command takes are accepted before the subcommand too")
    func globalOptionsFirst() throws {
        #expect(
            GlobalOptions.movedAfterSubcommand([
                "--db", "x.sqlite", "--format=json", "customer", "list", "--limit", "5",
            ])
                == ["customer", "list", "--limit", "5", "--db", "x.sqlite", "--format=json"])
        #expect(
            GlobalOptions.movedAfterSubcommand(["customer", "list", "--db", "x"]) == ["customer", "list", "--db", "x"])
        #expect(GlobalOptions.movedAfterSubcommand(["--help"]) == ["--help"])
        let parsed = try AftersalesCommand.parseAsRoot(
            GlobalOptions.movedAfterSubcommand(["--db", "x.sqlite", "--actor", "张伟", "init"]))
        #expect((parsed as? InitCommand)?.global.db == "x.sqlite")
    }

    @Test("Command groups are singular nouns; the plural names of earlier versions still work")
    func singularNames() throws {
        for (plural, singular) in [
            ("bulletins", "bulletin"), ("claims", "claim"), ("complaints", "complaint"), ("tasks", "task"),
            ("checks", "check"), ("reminders", "reminder"), ("imports", "import"),
        ] {
            let names = AftersalesCommand.configuration.subcommands.map {
                ($0.configuration.commandName ?? "", $0.configuration.aliases)
            }
            #expect(names.contains { $0.0 == singular && $0.1.contains(plural) }, "\(singular) (alias \(plural))")
        }
        #expect(try AftersalesCommand.parseAsRoot(["claims", "list"]) is ClaimsCommand.List)
        #expect(try AftersalesCommand.parseAsRoot(["claim", "list"]) is ClaimsCommand.List)
    }
}
