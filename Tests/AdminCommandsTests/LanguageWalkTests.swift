import Appointments
import ArgumentParser
import Campaigns
import Complaints
import Core
import Foundation
import Storage
import TestSupport
import Testing

@testable import AdminCommands

/// Issue 16: every command of `aftersales` and `aftersales-import` is run on the demo's data, in Chinese and in English:
/// its help, every example of its help (as a dealer would copy it) and the demo's tour. Chinese output may hold no
/// English of the product's own: what is left are data (names, makes, templates the dealer typed), codes, rule IDs,
/// units, commands and options. English output holds no untranslated placeholder, and both languages end every
/// command with the same exit status: the language changes the words, never the outcome.
@Suite("Language walk: every command in Chinese and English", .serialized)
struct LanguageWalkTests {
    /// Words that are not the product's prose in either language: units, brands and names of things, file formats.
    static let allowed: Set<String> = [
        "km", "kg", "AfterSales", "aftersales", "aftersales-import", "aftersales-api", "sqlite", "mbox", "maildir",
        "Volkswagen", "FAW-Volkswagen", "WeChat", "Excel", "cron", "curl", "localhost", "UTF", "BOM", "GB18030", "GBK",
        // HTTP header names a person copies as they are, and the delivery outputs' names (`--sms-csv` writes csv-sms).
        "Authorization", "Bearer", "Accept-Language", "sendmail", "csv-sms", "csv-letter", "csv-email", "jpg", "png",
        "pdf", "SQLite",
        // A mail header's name (Message-ID: its `ID` goes as an acronym).
        "Message",
    ]

    /// The values people type after an option, which help lists and messages quote as they are: roles, output
    /// formats, languages, yes and no, setting keys; and what they type elsewhere: weekdays (`calendar hours set
    /// monday`, `mon`), the S-1 dimensions of `--score`, the fields of a segment's filter.
    static let codes: Set<String> = {
        var words: Set<String> = []
        let values =
            Role.allCases.map(\.rawValue) + OutputFormat.allCases.map(\.rawValue) + YesNo.allCases.map(\.rawValue)
            + Language.allCases.map(\.rawValue) + DateStyle.allCases.map(\.rawValue)
            + Setting.catalogue.map(\.rawValue)
            + Weekday.allCases.flatMap { [$0.description, String($0.description.prefix(3))] }
            + ServiceDimension.allCases.map(\.rawValue) + SegmentField.allCases.map(\.rawValue)
            // The bay kinds and skills of `capacity set` (`--kind alignment`, `--skills general,electrical`).
            + BayKind.allCases.map(\.rawValue) + Skill.allCases.map(\.rawValue)
            // A setting's default is a value as typed (`system`, `clock`, `owner`), shown as it is stored.
            + Setting.catalogue.map(\.defaultValue)
        for value in values {
            for word in value.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }) {
                words.insert(String(word))
            }
        }
        return words
    }()

    /// The words of `text` that look like English prose: what remains after commands, options, placeholders, paths,
    /// addresses, codes (anything with a digit, an upper-case acronym, a dotted or snake-case key) and `data` words.
    static func englishWords(in text: String, data: Set<String>) -> [String] {
        var found: [String] = []
        // A code in backticks stays a code where the parser wrapped the help inside it.
        let text = text.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
        for line in text.split(separator: "\n") {
            // The tour echoes each command it runs; a command is not prose.
            if line.hasPrefix("$ ") { continue }
            var rest = String(line)
            // The field an error names, as the user typed it (`错误：phone：…`, `vin: …`).
            rest = rest.replacingOccurrences(
                of: #"^(错误：|Error: )?[\w.-]+(: |：)"#, with: " ", options: .regularExpression)
            for pattern in [
                // A file name (`old-dms-export.csv`, `parts.xml.gz`) is data: what the user named the file.
                #"[\w-]+(\.[\w-]+)*\.(csv|xml|gz|json|txt|yaml|mbox|sqlite|xlsx)\b"#,
                #"`[^`]*`"#, #"<[^>]*>"#, #"\{\{[^}]*\}\}"#, #"https?://\S+"#, #"\S+@\S+"#, #"\S*/\S*"#,
                #"(?<![\p{L}\d])--?[A-Za-z][\w-]*(=\S*)?"#, #"\$[A-Z_]+"#, #"\b[\w-]*\d[\w-]*\b"#,
                #"\b[A-Za-z][A-Za-z-]*([._][A-Za-z][A-Za-z-]*)+\b"#, #"\b[A-Z]{2,}s?\b"#,
            ] {
                rest = rest.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
            }
            var word = ""
            for character in rest + " " {
                if character.isASCII, character.isLetter || (character == "-" && !word.isEmpty) {
                    word.append(character)
                } else {
                    let trimmed = word.trimmingCharacters(in: CharacterSet(charactersIn: "-"))
                    if trimmed.count > 1, !allowed.contains(trimmed), !codes.contains(trimmed), !data.contains(trimmed)
                    {
                        found.append(trimmed)
                    }
                    word = ""
                }
            }
        }
        return found
    }

    /// The tour without what it shows of files for other systems, which keep their English column names as the walk
    /// keeps JSON's: the claim export (the manufacturer's format) and the head of the SMS gateway's file. Each runs
    /// from its `$ ` line to the next blank or `$ ` line.
    static func withoutInterfaceFiles(_ tour: String) -> String {
        var kept: [Substring] = []
        var skipping = false
        for line in tour.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("$ ") {
                skipping = line.hasPrefix("$ aftersales claim export") || line.hasPrefix("$ head ")
            } else if line.isEmpty {
                skipping = false
            }
            if !skipping || line.hasPrefix("$ ") { kept.append(line) }
        }
        return kept.joined(separator: "\n")
    }

    /// The English-looking words of the demo database's data: what the dealer typed (names, makes and models, titles,
    /// templates, notes), which any language shows as it is.
    static func dataWords(_ database: String) throws -> Set<String> {
        let columns = [
            "name", "make", "model", "number", "title", "manufacturer", "filter", "template", "subject", "description",
            "email", "address", "note", "source", "external_ref", "summary", "remedy", "component", "consequence",
            "plate", "alias", "region", "occupation", "failure", "cause", "response", "text", "reason",
        ]
        let tables = try Binaries.run(
            "/usr/bin/sqlite3", [database, "SELECT name FROM sqlite_master WHERE type='table'"])
        var words: Set<String> = []
        // The migrations' names (`init` shows the newest) are data of the schema.
        let migrations = try Binaries.run("/usr/bin/sqlite3", [database, "SELECT identifier FROM grdb_migrations"])
        for word in migrations.stdout.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }) {
            words.insert(String(word))
        }
        for table in tables.stdout.split(separator: "\n").map(String.init) where table != "audit_log" {
            let info = try Binaries.run(
                "/usr/bin/sqlite3", [database, "SELECT name FROM pragma_table_info('\(table)')"])
            for column in info.stdout.split(separator: "\n").map(String.init) where columns.contains(column) {
                let values = try Binaries.run(
                    "/usr/bin/sqlite3", [database, "SELECT DISTINCT \"\(column)\" FROM \"\(table)\" LIMIT 5000"])
                for word in values.stdout.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }) {
                    words.insert(String(word))
                }
            }
        }
        return words
    }

    /// Every leaf command of `root` with its path (`customer add`) and the examples of its help.
    static func leaves(_ root: any ParsableCommand.Type, path: [String] = []) -> [(path: [String], examples: [String])]
    {
        let configuration = root.configuration
        let name = root._commandName
        let here = path + [name]
        guard configuration.subcommands.isEmpty else {
            return configuration.subcommands.flatMap { leaves($0, path: here) }
        }
        return [(here, HelpExampleTests.examples(in: configuration.discussion))]
    }

    /// The values the options of `root`'s commands take, as their English help lists them (`(values: potential,
    /// intention, …)`): codes people type, which any language shows as they are.
    static func optionValues(_ root: any ParsableCommand.Type) -> Set<String> {
        var words: Set<String> = []
        func visit(_ command: any ParsableCommand.Type) {
            let help = command.helpMessage(columns: 10_000)
            var rest = help[...]
            while let start = rest.range(of: "(values: ") {
                let list = rest[start.upperBound...].prefix { $0 != ")" && $0 != ";" }
                for word in list.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }) {
                    words.insert(String(word))
                }
                rest = rest[start.upperBound...]
            }
            command.configuration.subcommands.forEach(visit)
        }
        visit(root)
        return words
    }

    struct Walk {
        let folder: TemporaryDirectory
        let database: String
        var data: Set<String> = []
        var english: [String: [String]] = [:]
        var statuses: [String: Int32] = [:]
        var placeholders: [String] = []
        var typed: Set<String> = []
        /// Commands whose help has no example.
        var missing: [String] = []

        /// Runs one command line in `language` on its own copy of the demo database.
        mutating func run(
            _ program: String, _ arguments: [String], language: String, label: String, typed more: Set<String> = []
        ) throws {
            let result = try Binaries.run(
                program, arguments + ["--db", database], environment: ["AFTERSALES_LANG": language],
                directory: folder.path(language))
            // JSON is an interface: its keys and codes stay English; its messages on standard error do not. So is
            // the claim export, the manufacturer's own file format.
            let json =
                arguments.contains("json") || arguments.contains("--format=json")
                || arguments.starts(with: ["claim"])
                    && arguments.contains("export")
                || arguments.starts(with: ["claims", "export"])
            let text = (json ? "" : result.stdout) + "\n" + result.stderr
            if language == "zh" {
                // What the command line typed is data too (a note, a filter, a name); a text it typed (a note, a
                // reason: the examples are the English help's) is kept, and later outputs show it as data.
                func words(_ texts: [String]) -> Set<String> {
                    Set(
                        texts.joined(separator: " ").split(whereSeparator: {
                            !($0.isASCII && ($0.isLetter || $0 == "-"))
                        })
                        .map(String.init))
                }
                typed.formUnion(words(arguments.filter { $0.contains(" ") }))
                let here = words(arguments)
                let words = LanguageWalkTests.englishWords(in: text, data: data.union(typed).union(here).union(more))
                if !words.isEmpty { english[label, default: []] += words }
            } else if text.range(of: #"\{\d+\}"#, options: .regularExpression) != nil {
                placeholders.append(label)
            }
            statuses["\(language) \(label)"] = result.status
        }
    }

    /// Every command's help and every help example of both programs, in `language`, on its own copy of `master`.
    static func walk(_ language: String, folder: TemporaryDirectory, master: String, data: Set<String>) throws -> Walk {
        let copy = folder.path("walk-\(language).sqlite")
        try FileManager.default.copyItem(atPath: master, toPath: copy)
        try FileManager.default.createDirectory(atPath: folder.path(language), withIntermediateDirectories: true)
        var walk = Walk(folder: folder, database: copy, data: data)
        for (root, program) in [
            (AftersalesCommand.self as any ParsableCommand.Type, "aftersales"),
            (AftersalesImportCommand.self, "aftersales-import"),
        ] {
            for (path, examples) in leaves(root) {
                let words = Array(path.dropFirst())
                // The help's examples are commands: their names and codes (`segment show lapsed-vw`) are what a
                // dealer types. A quoted text with spaces (a note, a reason) is prose, and checked.
                let commands = Set(
                    examples.flatMap(HelpExampleTests.words).filter { !$0.contains(" ") }.flatMap {
                        $0.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0 == "-")) }).map(String.init)
                    })
                try walk.run(
                    program, words + ["--help"], language: language, label: "\(path.joined(separator: " ")) --help",
                    typed: commands)
                if examples.isEmpty { walk.missing.append(path.joined(separator: " ")) }
                for example in examples {
                    var arguments = Array(HelpExampleTests.words(example).dropFirst())
                    // The example's own database is replaced by the walk's copy.
                    if let at = arguments.firstIndex(of: "--db"), at + 1 < arguments.count {
                        arguments.removeSubrange(at...(at + 1))
                    }
                    try walk.run(program, arguments, language: language, label: example)
                }
            }
        }
        return walk
    }

    @Test("The demo's tour, every command's help and every help example: no English left in Chinese, same outcomes")
    func walk() throws {
        let folder = try TemporaryDirectory()
        let demo = folder.path("demo")
        let tour = try Binaries.run(
            "/bin/bash", [URL(fileURLWithPath: #filePath).deletingLastPathComponent().path + "/../../Tools/demo.sh"],
            environment: [
                "DEMO": demo, "BIN": Binaries.productsDirectory.path, "AFTERSALES_LANG": "zh", "DEMO_CUSTOMERS": "300",
            ])
        #expect(tour.status == 0, "the demo failed: \(tour.stderr.suffix(2000))")
        let master = demo + "/dealer.sqlite"
        let data = try Self.dataWords(master).union(
            Self.optionValues(AftersalesCommand.self).union(Self.optionValues(AftersalesImportCommand.self)))
        var report: [String] = []
        let tourWords = Self.englishWords(in: Self.withoutInterfaceFiles(tour.stdout), data: data)
        if !tourWords.isEmpty { report.append("demo tour: \(Set(tourWords).sorted().joined(separator: " "))") }

        // The two languages walk at once, each on its own copy of the database and in its own folder: the walk is
        // hundreds of short processes one after another, and it is the longest test of `make test`.
        let languages = ["zh", "en"]
        let walks = Locked([String: Result<Walk, any Error>]())
        DispatchQueue.concurrentPerform(iterations: languages.count) { index in
            let language = languages[index]
            let result = Result { try Self.walk(language, folder: folder, master: master, data: data) }
            walks.update { $0[language] = result }
        }
        var statuses: [String: [String: Int32]] = [:]
        var missing: [String] = []
        var placeholders: [String] = []
        for language in languages {
            let walk = try walks.value[language]!.get()
            if language == "zh" { missing = walk.missing }
            for (label, words) in walk.english {
                report.append("\(label): \(Set(words).sorted().joined(separator: " "))")
            }
            placeholders += walk.placeholders
            for (key, status) in walk.statuses {
                let label = String(key.dropFirst(3))
                statuses[label, default: [:]][language] = status
            }
        }
        #expect(missing.isEmpty, "commands without an example in their help: \(missing.joined(separator: ", "))")
        #expect(placeholders.isEmpty, "English output with a placeholder left: \(placeholders.joined(separator: "; "))")
        let differing = statuses.filter { $0.value["zh"] != $0.value["en"] }.map { "\($0.key): \($0.value)" }
        #expect(differing.isEmpty, "exit status differs by language: \(differing.sorted().joined(separator: "; "))")
        #expect(
            report.isEmpty,
            "English left in Chinese output (\(report.count) outputs):\n\(report.sorted().joined(separator: "\n"))")
    }
}

/// A value several threads set, one at a time.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value

    init(_ value: Value) { stored = value }

    var value: Value { lock.withLock { stored } }

    func update(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}
