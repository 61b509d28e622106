import ArgumentParser
import Foundation
import Core
import Storage
import ManufacturerData
import ManufacturerXML
import ManufacturerImport

/// `aftersales-import`: the manufacturer's XML files (MANUFACTURER-XML.md) into the database.
public struct AftersalesImportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "aftersales-import",
        abstract: say(
            "Import the manufacturer's XML files: bulletins and recalls, labour operations, parts, warranty "
                + "terms, vehicles."),
        discussion: say(
            """
            Each file (.xml or .xml.gz, UTF-8 or GB18030) is validated against Docs/schemas/manufacturer-data.xsd \
            while it
            streams, and stored in one transaction: all of it, or nothing (unless --keep-valid). Importing the same file
            twice changes nothing the second time. Errors read FILE:LINE:COLUMN: message.
            Exit status: 0 all imported; 1 rejected, nothing written; 3 partly imported (--keep-valid with rejected \
            items,
            or some of several files rejected); 64 usage error.

            Example:  aftersales-import --actor it-zhang recalls-2026-11.xml parts.xml.gz
                      aftersales-import validate national-list.xml.gz
            """),
        subcommands: [ImportFiles.self, Validate.self],
        defaultSubcommand: ImportFiles.self
    )

    public init() {}

    /// Runs the command line; a busy or full database is one line a person can act on (exit 1).
    public static func main() {
        runReportingDatabaseFailures(self, Array(CommandLine.arguments.dropFirst()))
    }

    /// The problems of a rejected item the terminal shows (`--report` has them all).
    static let problemsShown = ManufacturerImporter.problemsKeptPerItem

    /// Prints a rejected item as the import finds it: its first problems and how many more it has.
    static func printRejected(_ item: RejectedItemReport, file: String) {
        let shown = item.errors.prefix(problemsShown)
        for error in shown { printError("\(error)") }
        if item.problemCount > shown.count {
            let key = ItemKey.spoken(item.item)
            printError("\(file): … \(item.problemCount - shown.count) more problems in \(key)")
        }
    }

    /// Prints the reports and turns them into the exit status; the rejected items were printed (and written to the
    /// report file) as they were found.
    static func finish(
        _ reports: [FileReport], global: GlobalOptions, reportFile: ImportReportFile?, validating: Bool = false
    ) throws {
        for report in reports {
            for error in report.errors { printError("\(error)") }
            for warning in report.warnings.prefix(20) { printError("warning: \(warning)") }
            if report.warningCount > 20 {
                printError(
                    "warning: \(report.file): … \(report.warningCount - 20) more "
                        + "warnings (all of them are in --report)")
            }
        }
        try reportFile?.close()
        var rows: [[String]] = []
        var outcomes: [Phrase] = []
        for report in reports {
            for section in Section.allCases {
                guard let c = report.sections[section.rawValue] else { continue }
                // Validating writes nothing: it says what it read and what it would refuse, not columns of zeros.
                rows.append(
                    validating
                        ? [report.file, say(Phrase(key: section.rawValue)), String(c.read), String(c.rejected)]
                        : [
                            report.file, say(Phrase(key: section.rawValue)), String(c.added), String(c.replaced),
                            String(c.unchanged),
                            String(c.skipped),
                            String(c.rejected),
                        ])
            }
            outcomes.append(
                "\(report.file) → \(validating && report.outcome == .rejected ? "invalid" : describe(report))")
        }
        // Each file's outcome below the table (a line of its own, so the columns stay narrow); JSON has it as
        // `outcome`.
        let columns =
            validating
            ? ["file", "section", "items read", "invalid"]
            : ["file", "section", "added", "replaced", "unchanged", "skipped", "rejected"]
        try global.output.emit(
            reports, table: TextTable(columns: columns, rows: rows),
            footer: Phrase.joined(outcomes, separator: "\n"))
        let failed = reports.filter { $0.outcome == .rejected }.count
        let partial = reports.contains {
            $0.outcome == .partlyImported || $0.outcome == .wouldPartlyImport
                || ($0.outcome != .rejected && $0.rejectedCount > 0)
        }
        if failed == reports.count { throw ExitCode(1) }
        if failed > 0 || partial { throw ExitCode(3) }
    }

    /// Runs `body` on each file in turn, with a progress display on a terminal unless `quiet`, and hands it where
    /// rejected items go as they are found: stderr and the report file.
    static func eachFile(
        _ files: [String], quiet: Bool, reportFile: ImportReportFile?,
        _ body: (String, @escaping (ImportProgress) -> Void, @escaping (RejectedItemReport) -> Void) -> FileReport
    ) -> [FileReport] {
        files.map { file in
            let progress =
                quiet ? nil : Progress(file: file, noun: "items", label: "\((file as NSString).lastPathComponent): ")
            reportFile?.beginFile()
            let report = body(
                file,
                { progress?.update(bytes: Int($0.bytesRead), rows: $0.items, total: Int($0.totalBytes)) },
                { item in
                    progress?.clear()
                    printRejected(item, file: file)
                    reportFile?.add(item)
                })
            progress?.finish()
            reportFile?.endFile(report)
            return report
        }
    }

    static func describe(_ report: FileReport) -> Phrase {
        var text: Phrase
        switch report.outcome {
        case .imported:
            text = report.importRun.map { "imported (import #\($0), one transaction)" } ?? "imported"
        case .partlyImported:
            text =
                report.written
                ? "partly imported: the valid items written, the rejected ones listed"
                : "nothing new; rejected items listed"
        case .rejected: text = "rejected: nothing written"
        case .unchanged:
            if let run = report.unchangedSince, let at = report.unchangedSinceAt {
                // Nothing was read: nothing of the manufacturer's data has changed since that import.
                return "unchanged since import #\(run) of \(at): nothing to do"
            }
            text = "unchanged: everything in the file is already stored"
        case .wouldImport: text = "dry run: would import; nothing written"
        case .wouldPartlyImport: text = "would import the valid items; rejected items listed; nothing written"
        case .valid: text = "valid"
        }
        if let same = report.sameChecksumAs {
            text = "\(text); a file with the same checksum was imported before (import #\(same))"
        }
        return text
    }

    struct ImportFiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: say("Import files (the default: aftersales-import FILE... is aftersales-import import FILE...)."),
            discussion: Help.text(
                "aftersales-import --keep-valid --report out.json bulletins.xml parts.xml.gz",
                permission: .manageBulletins))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Manufacturer XML files (.xml or .xml.gz)."))) var files: [String]
        @Flag(
            name: .customLong("dry-run"),
            help: ArgumentHelp(
                say(
                    "Do the whole import in a transaction and roll it back: exact "
                        + "counts, nothing written."))) var dryRun = false
        @Flag(
            name: .customLong("keep-valid"),
            help: ArgumentHelp(
                say(
                    "Store the valid items of a file and list the rejected ones (exit 3)."))) var keepValid = false
        @Option(help: ArgumentHelp(say("Also write the report as JSON to this file."), valueName: "file.json"))
        var report: String?
        @Flag(help: ArgumentHelp(say("No progress display."))) var quiet = false

        func validate() throws {
            guard !files.isEmpty else { throw ValidationError("name at least one file to import") }
        }

        func run() throws {
            let db = try global.open()
            let options = ImportOptions(dryRun: dryRun, keepValid: keepValid)
            let reportFile = try report.map(ImportReportFile.init)
            let reports = AftersalesImportCommand.eachFile(files, quiet: quiet, reportFile: reportFile) {
                file, progress, rejections in
                ManufacturerImporter.importFile(
                    path: file, into: db, actor: global.actorName, options: options, progress: progress,
                    rejections: rejections)
            }
            try AftersalesImportCommand.finish(reports, global: global, reportFile: reportFile)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Check files against the schema and the contract's content rules; writes nothing, needs no database."),
            discussion: Help.text("aftersales-import validate recalls-2026-11.xml"))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Manufacturer XML files (.xml or .xml.gz)."))) var files: [String]
        @Option(help: ArgumentHelp(say("Also write the report as JSON to this file."), valueName: "file.json"))
        var report: String?
        @Flag(help: ArgumentHelp(say("No progress display."))) var quiet = false

        func run() throws {
            let reportFile = try report.map(ImportReportFile.init)
            let reports = AftersalesImportCommand.eachFile(files, quiet: quiet, reportFile: reportFile) {
                file, progress, rejections in
                ManufacturerImporter.validate(path: file, progress: progress, rejections: rejections)
            }
            try AftersalesImportCommand.finish(reports, global: global, reportFile: reportFile, validating: true)
        }
    }
}
