import ArgumentParser
import Core
import Foundation
import Storage
import TextInput

#if canImport(Glibc)
import Glibc
#endif

struct ImportCustomersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-customers",
        abstract: say("Move customers, vehicles and mileage readings in from the old system (CSV, UTF-8 or GB18030)."),
        discussion: Help.text(
            """
            aftersales import-customers old-dms-export.csv
            aftersales import-customers old-dms-export.csv --keep-valid --format json > report.json
            """, permission: .administer,
            more: """
                The layout is in Docs/customer-csv.md. Every row is validated; errors are reported as FILE:LINE: \
                field: reason.
                Atomic: any rejected row and nothing is loaded (exit 1), unless --keep-valid (valid rows loaded, exit \
                3).
                Idempotent: the same file again changes nothing.
                """))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(say("The CSV file."))) var file: String
    @Flag(
        name: .customLong("keep-valid"),
        help: ArgumentHelp(say("Load the valid rows and list the rejected ones (exit 3).")))
    var keepValid = false
    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(say("Validate and count; write nothing."))) var dryRun =
        false
    @Flag(name: .customLong("shared-phones"), help: ArgumentHelp(say("Accept phones already on another customer.")))
    var sharedPhones =
        false
    @Option(help: ArgumentHelp(say("utf-8, gb18030 or auto (UTF-8 if the whole file is valid UTF-8)."))) var encoding:
        TextEncoding = .auto
    @Flag(help: ArgumentHelp(say("No progress display."))) var quiet = false

    func run() throws {
        let db = try global.open()
        var options = CustomerImportOptions()
        options.keepValid = keepValid
        options.dryRun = dryRun
        options.allowSharedPhones = sharedPhones
        options.encoding = encoding
        let progress = quiet ? nil : Progress(file: file)
        let report = try db.holding("aftersales import-customers", actor: global.actorName) {
            try db.importCustomers(
                path: file, options: options, actor: global.actorName,
                progress: progress.map { p in { p.update(bytes: $0, rows: $1) } })
        }
        progress?.finish()
        for problem in report.errors { printError("\(report.located(problem))") }
        if report.rejectedRows > report.errors.count {
            printError("\(file): … \(report.rejectedRows - report.errors.count) more rejected rows")
        }
        for warning in report.warnings.prefix(20) { printError("warning: \(report.located(warning))") }
        if report.warnings.count > 20 { printError("warning: … \(report.warnings.count - 20) more warnings") }
        func counts(_ c: ImportCounts) -> String {
            say("\(c.added) added, \(c.updated) updated, \(c.unchanged) unchanged")
        }
        try global.output.emit(
            report,
            table: .record([
                ("file", report.file), ("encoding", report.encoding), ("rows", String(report.rows)),
                ("customers", counts(report.customers)), ("vehicles", counts(report.vehicles)),
                ("mileage readings", say("\(report.mileage.added) added, \(report.mileage.unchanged) unchanged")),
                (
                    "care plans",
                    report.carePlans > 0
                        ? say("\(report.carePlans) created for customers moved to retained (C-7)") : nil
                ),
                ("rejected rows", String(report.rejectedRows)), ("outcome", say(outcomeText(report))),
                ("import", report.importID.map { "#\($0)" }),
                (
                    "note",
                    report.sameChecksumAs.map {
                        say("a file with the same checksum was imported before (import #\($0))")
                    }
                ),
            ]))
        switch report.outcome {
        case .rejected: throw ExitCode(1)
        case .partlyImported: throw ExitCode(3)
        default: break
        }
    }

    private func outcomeText(_ report: CustomerImportReport) -> Phrase {
        switch report.outcome {
        case .imported: return "imported (one transaction)"
        case .rejected:
            return keepValid
                ? "rejected: nothing written" : "rejected: nothing written (use --keep-valid to load the valid rows)"
        case .partlyImported: return "partly imported: valid rows written, rejected rows listed above"
        case .unchanged: return "unchanged: everything in the file is already in the database"
        case .dryRun: return "dry run: nothing written"
        }
    }
}

struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: say("The import history: file, checksum, time, actor, counts."),
        subcommands: [List.self, Show.self],
        aliases: ["imports"])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Imports, newest first."), discussion: Help.text("aftersales import list"))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let runs = try db.importRuns()
            try global.output.emit(
                runs,
                table: TextTable(
                    columns: ["id", "kind", "file", "at", "actor", "counts", "checksum"],
                    rows: runs.map {
                        [
                            String($0.id), say(Phrase(key: $0.kind)), $0.file, Instant.localString($0.at, in: zone),
                            $0.actor,
                            Self.summary($0.counts), String($0.checksum.prefix(12)),
                        ]
                    }))
        }

        /// `Bulletins 150 added; Vehicles 13,500 added, 2 replaced`: the counts that are not zero, per section.
        static func summary(_ counts: String) -> String {
            guard let sections = ImportsCommand.sections(counts) else { return counts }
            return sections.filter { !$0.counts.isEmpty }.map { say(Phrase(key: $0.name)) + " " + $0.counts }.joined(
                separator: "; ")
        }
    }
}

extension ImportsCommand {
    /// The counts an import kept (`{"Parts": {"added": 2, ...}}`), per section in name order, as
    /// `2 added, 1 replaced`; zeros only when asked. Nil when the history holds another shape.
    static func sections(_ counts: String, withZeros: Bool = false) -> [(name: String, counts: String)]? {
        guard let sections = try? JSONDecoder().decode([String: [String: Int]].self, from: Data(counts.utf8)) else {
            return nil
        }
        let order = ["added", "replaced", "updated", "unchanged", "skipped", "rejected"]
        return sections.sorted { $0.key < $1.key }.map { name, values in
            (
                name,
                order.compactMap { key in
                    values[key].flatMap { withZeros || $0 > 0 ? say(count($0, key)) : nil }
                }.joined(separator: ", ")
            )
        }
    }

    /// A count of an import's section as people read it: `1,200 added`.
    static func count(_ number: Int, _ key: String) -> Phrase {
        switch key {
        case "added": "\(grouped: number) added"
        case "replaced": "\(grouped: number) replaced"
        case "updated": "\(grouped: number) updated"
        case "unchanged": "\(grouped: number) unchanged"
        case "skipped": "\(grouped: number) skipped"
        case "rejected": "\(grouped: number) rejected"
        default: "\(grouped: number) \(key)"
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("One import: file, checksum, time, actor and its counts per section."),
            discussion: Help.text("aftersales import show 12"))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The import's id (from `aftersales import list`).")), transform: Typed.rowID)
        var id: Int64

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let run = try db.importRun(id: id)
            var pairs: [(String, String?)] = [
                ("id", String(run.id)), ("kind", say(Phrase(key: run.kind))), ("file", run.file),
                ("checksum (SHA-256)", run.checksum),
                ("at", Instant.localString(run.at, in: zone)), ("actor", run.actor),
            ]
            if let sections = ImportsCommand.sections(run.counts, withZeros: true) {
                pairs += sections.map { ($0.name, $0.counts) }
            } else {
                pairs.append(("counts", run.counts))
            }
            let same = try db.importRuns(limit: 10_000).filter { $0.checksum == run.checksum && $0.id != run.id }.map {
                "#\($0.id)"
            }
            if !same.isEmpty { pairs.append(("same checksum as", same.joined(separator: ", "))) }
            try global.output.emit(run, table: .record(pairs))
        }
    }
}

/// Progress of long work on a terminal (stderr); silent when stderr is not a terminal.
final class Progress {
    private var total: Int
    private var start = Date()
    private let enabled: Bool
    private var shown = false
    private let noun: String
    private let label: String

    init(file: String, noun: String = "rows", label: String = "") {
        total = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        enabled = isatty(STDERR_FILENO) == 1
        self.noun = noun
        self.label = label
    }

    func update(bytes: Int, rows: Int, total newTotal: Int? = nil) {
        if let newTotal { total = newTotal }
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / elapsed
        let left = total > bytes && rate > 0 ? Int(Double(total - bytes) / rate) : 0
        func megabytes(_ value: Double) -> String { String(format: "%.1f", value / 1e6) }
        let things = Phrase(key: noun)
        let progress: Phrase =
            "\(label)\(megabytes(Double(bytes))) of \(megabytes(Double(total))) MB, \(grouped: rows) \(things), "
            + "\(grouped: Int(Double(rows) / elapsed)) \(things)/s, \(megabytes(rate)) MB/s, about \(left) s left"
        let line = "\r" + say(progress) + "   "
        FileHandle.standardError.write(Data(line.utf8))
        shown = true
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// Clears the progress line so that a message can take it (the next update draws it again).
    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}
