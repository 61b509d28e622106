import ArgumentParser
import Core
import Storage

/// `--limit` and `--offset`, the same on every list.
struct PageOptions: ParsableArguments {
    @Option(help: ArgumentHelp(say("At most this many (1 to 10000)."))) var limit = 50
    @Option(help: ArgumentHelp(say("Skip this many (the next page starts at --offset plus --limit)."))) var offset = 0

    func validate() throws {
        guard (1...10_000).contains(limit) else { throw ValidationError(say("--limit must be from 1 to 10000")) }
        guard offset >= 0 else { throw ValidationError(say("--offset must not be negative")) }
    }
}

extension Page {
    /// What every list says under its table: which rows of how many, and how to ask for the rest.
    var footer: Phrase {
        guard total > 0 else { return "none found" }
        guard !items.isEmpty else { return "nothing from row \(offset + 1) on; \(grouped: total) in all" }
        let rows: Phrase = "\(offset + 1)–\(offset + items.count) of \(grouped: total)"
        return more ? "\(rows); more with --offset \(offset + items.count)" : rows
    }
}

extension Output {
    /// Prints a page of a list: JSON carries `total` and `more`; a table says under it which rows these are and
    /// how to get the rest; CSV, read by scripts, gets that note on standard error when rows are left out.
    func emit<Item>(page: Page<Item>, table: @autoclosure () -> TextTable) throws {
        try emit(page, table: table(), footer: page.footer)
        if format == .csv, page.more { printError("aftersales: \(page.footer)") }
    }
}
