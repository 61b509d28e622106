import ArgumentParser
import Core
import Foundation
import Stock
import Storage

/// `aftersales stock`: the parts counter (issue 17): counts on hand, receipts, issues to work orders, returns,
/// adjustments after a count, shortages.
struct StockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock",
        abstract: say("Parts stock: counts on hand, receipts, issues to work orders, returns, counts, shortages."),
        discussion: say(
            """
            The count on hand of a catalogue part is the sum of its movements. An issue beyond the count is refused \
            unless the parts manager allows a negative count (setting `stock.allow-negative`); with --record-shortage \
            the refusal records a shortage instead, the order's delay reason (Q-7), for the parts manager (K-5).
            """),
        subcommands: [Show.self, List.self, Receive.self, Issue.self, Return.self, Adjust.self, Shortages.self])

    /// The part a command acts on: a catalogue part number, quoted when it has spaces.
    struct Target: ParsableArguments {
        @Argument(help: ArgumentHelp(say("Catalogue part number, such as \"5Q0 611 701 C\"."), valueName: "part"))
        var part: String
    }

    /// The work order line an issue or a return concerns.
    struct Line: ParsableArguments {
        @Option(help: ArgumentHelp(say("The work order's number."), valueName: "number")) var order: String
        @Option(help: ArgumentHelp(say("The order's part line."), valueName: "n")) var line: Int
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("A part's stock: count on hand, open shortages, last movements."),
            discussion: Help.text("aftersales stock show \"5Q0 611 701 C\"", permission: .readStock))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("How many movements to show (1-1000)."))) var movements = 20

        func validate() throws {
            guard (1...1000).contains(movements) else { throw ValidationError(say("--movements takes 1 to 1000")) }
        }

        func run() throws {
            let db = try global.open()
            let stock = try StockForm.Field.naming(CLIFields.stock) {
                try db.partStock(try StockCommand.part(target.part), movements: movements)
            }
            try StockCommand.show(stock, global: global, zone: try db.settings().timeZone)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Parts in stock, lowest count first."),
            discussion: Help.text(
                "aftersales stock list --low\naftersales stock list --part 5Q0 --format csv", permission: .readStock))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Parts whose number starts with this or whose name holds it."))) var part:
            String?
        @Flag(help: ArgumentHelp(say("Only parts at or below the low level (setting `stock.low-level`)."))) var low =
            false
        @Flag(help: ArgumentHelp(say("Only parts with open shortages."))) var short = false
        @Option(help: ArgumentHelp(say("At most this many."))) var limit = 100
        @Option(help: ArgumentHelp(say("Skip this many."))) var offset = 0

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError(say("--limit takes 1 to 10000")) }
            guard offset >= 0 else { throw ValidationError(say("--offset must not be negative")) }
        }

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let page = try db.listStock(
                StockFilter(part: part, lowOnly: low, shortOnly: short, limit: limit, offset: offset))
            try global.output.emit(
                page: page,
                table: TextTable(
                    columns: ["part", "name", "on hand", "low", "missing", "updated"],
                    rows: page.items.map {
                        [
                            $0.part.value, $0.name, Grouping.thousands($0.onHand), $0.low ? say("low") : "",
                            $0.missing > 0 ? Grouping.thousands($0.missing) : "",
                            Instant.localString($0.updatedAt, in: zone),
                        ]
                    }))
        }
    }

    struct Receive: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Receive parts from a supplier: the count on hand goes up."),
            discussion: Help.text(
                "aftersales stock receive \"5Q0 611 701 C\" --quantity 10 --supplier-ref DN-20261206-01",
                permission: .manageStock))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("How many pieces (1-100000)."))) var quantity: Int
        @Option(
            name: .customLong("supplier-ref"),
            help: ArgumentHelp(say("The delivery note or supplier order."), valueName: "reference"))
        var supplierRef: String

        func run() throws {
            var form = StockCommand.form(target)
            form.quantity = quantity
            form.supplierRef = supplierRef
            try StockCommand.move(form, .receipt, global: global)
        }
    }

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Issue parts to a work order's part line: refused beyond the count on hand."),
            discussion: Help.text(
                """
                aftersales stock issue "5Q0 611 701 C" --quantity 2 --order WO-2026-0001 --line 1
                aftersales stock issue "5Q0 611 701 C" --quantity 20 --order WO-2026-0002 --line 3 \\
                    --record-shortage
                """, permission: .manageStock,
                more: "An issue beyond the count is refused, nothing written, unless `stock.allow-negative` is yes. "
                    + "With --record-shortage the refusal records the shortage instead (Q-7, K-5)."))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("How many pieces (1-100000)."))) var quantity: Int
        @OptionGroup var line: Line
        @Flag(
            name: .customLong("record-shortage"),
            help: ArgumentHelp(say("When the count is short, record the shortage for the order (Q-7) instead.")))
        var recordShortage = false

        func run() throws {
            var form = StockCommand.form(target, line)
            form.quantity = quantity
            form.recordShortage = recordShortage
            try StockCommand.move(form, .issue, global: global)
        }
    }

    struct Return: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Return parts from a work order's part line: at most what the line holds."),
            discussion: Help.text(
                "aftersales stock return \"5Q0 611 701 C\" --quantity 1 --order WO-2026-0001 --line 1",
                permission: .manageStock))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("How many pieces (1-100000)."))) var quantity: Int
        @OptionGroup var line: Line

        func run() throws {
            var form = StockCommand.form(target, line)
            form.quantity = quantity
            try StockCommand.move(form, .return, global: global)
        }
    }

    struct Adjust: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Set the count on hand to what a stocktake found, with the reason."),
            discussion: Help.text(
                "aftersales stock adjust \"5Q0 611 701 C\" --counted 8 --reason \"月末盘点\"",
                permission: .manageStock))
        @OptionGroup var global: GlobalOptions
        @OptionGroup var target: Target
        @Option(help: ArgumentHelp(say("The count found on the shelf (0-1000000)."))) var counted: Int
        @Option(help: ArgumentHelp(say("Why the count differs."))) var reason: String

        func run() throws {
            var form = StockCommand.form(target)
            form.counted = counted
            form.reason = reason
            try StockCommand.move(form, .adjustment, global: global)
        }
    }

    struct Shortages: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Parts missing for work orders (Q-7), for the parts manager (K-5), newest first."),
            discussion: Help.text(
                "aftersales stock shortages\naftersales stock shortages --all --order WO-2026-0002",
                permission: .readStock))
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(say("Closed shortages too."))) var all = false
        @Option(help: ArgumentHelp(say("Only this work order."), valueName: "number")) var order: String?
        @Option(help: ArgumentHelp(say("At most this many."))) var limit = 100
        @Option(help: ArgumentHelp(say("Skip this many."))) var offset = 0

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError(say("--limit takes 1 to 10000")) }
            guard offset >= 0 else { throw ValidationError(say("--offset must not be negative")) }
        }

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let page = try db.shortages(all: all, order: order, limit: limit, offset: offset)
            try global.output.emit(page: page, table: StockCommand.shortageTable(page.items, zone: zone))
        }
    }

    // MARK: - Shared

    static func part(_ text: String) throws -> PartNumber {
        try PartNumber.parse(text.trimmed(), field: StockForm.Field.part.rawValue)
    }

    static func form(_ target: Target, _ line: Line? = nil) -> StockForm {
        var form = StockForm()
        form.part = target.part.trimmed()
        form.order = line?.order
        form.line = line?.line
        return form
    }

    /// Runs one movement through the form both front ends share (POST /v1/stock/…), then shows the part.
    static func move(_ form: StockForm, _ kind: MovementKind, global: GlobalOptions) throws {
        let db = try global.open()
        let outcome = try StockForm.Field.naming(CLIFields.stock) {
            try db.moveStock(try form.validated(kind), actor: global.actorName)
        }
        if let movement = outcome.movement {
            global.output.note(
                "\(movement.kind.spoken) \(signed: movement.quantity) × \(movement.part.value): "
                    + "\(grouped: movement.onHandAfter) on hand")
        }
        if let shortage = outcome.shortage {
            global.output.note(
                "not issued: \(shortage.delayReason); recorded as shortage \(shortage.id ?? 0) for the parts "
                    + "manager (K-5)")
        }
        try show(outcome.stock, global: global, zone: try db.settings().timeZone, document: outcome)
    }

    static func shortageTable(_ shortages: [Shortage], zone: TimeZone) -> TextTable {
        TextTable(
            columns: [
                "id", "part", "order", "line", "missing", "on hand", "asked", "recorded", "by", "routed to",
                "closed at",
            ],
            rows: shortages.map {
                [
                    String($0.id ?? 0), $0.part.value, $0.order, String($0.line), Grouping.thousands($0.missing),
                    Grouping.thousands($0.onHand), Grouping.thousands($0.asked),
                    Instant.localString($0.recordedAt, in: zone), $0.recordedBy,
                    say($0.routedTo.spoken), $0.resolvedAt.map { Instant.localString($0, in: zone) } ?? "",
                ]
            })
    }

    /// Prints a part's stock: the record, its open shortages and its movements (JSON: `document`, default the stock).
    static func show(
        _ stock: PartStock, global: GlobalOptions, zone: TimeZone, document: (any Encodable & Sendable)? = nil
    ) throws {
        let record = TextTable.record([
            ("part", stock.part.value), ("name", stock.name),
            ("on hand", Grouping.thousands(stock.onHand) + (stock.low ? say(" (low)") : "")),
            ("updated", stock.updatedAt.map { Instant.localString($0, in: zone) } ?? say("never stocked")),
        ])
        let movements = TextTable(
            columns: ["at", "movement", "quantity", "after", "reference", "by"],
            rows: stock.movements.map {
                let reference: String =
                    $0.orderLine.map { say("order \($0.order) line \($0.line)") } ?? $0.supplierRef ?? $0.reason ?? ""
                return [
                    Instant.localString($0.at, in: zone), say($0.kind.spoken), signed($0.quantity),
                    Grouping.thousands($0.onHandAfter), reference, $0.actor,
                ]
            })
        switch global.format {
        case .json:
            try global.output.emit(AnyEncodable(document ?? stock), table: record)
        case .csv:
            global.output.printCSV(movements)
        case .table:
            var out = [record.rendered()]
            if !stock.shortages.isEmpty {
                out.append("\n" + say("Shortages (Q-7)") + "\n" + shortageTable(stock.shortages, zone: zone).rendered())
            }
            out.append(
                "\n" + say("Movements, newest first") + "\n"
                    + (stock.movements.isEmpty ? say("none yet") : movements.rendered()))
            print(out.joined(separator: "\n"))
        }
    }

    /// A change to a count with its sign: +10, −2.
    static func signed(_ quantity: Int) -> String {
        (quantity > 0 ? "+" : "") + Grouping.thousands(quantity)
    }
}

/// Any encodable value, for the one JSON path of commands that print either of two documents.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}

extension Phrase.StringInterpolation {
    /// A change to a count with its sign (`+10`, `-2`), said as data.
    mutating func appendInterpolation(signed quantity: Int) {
        appendInterpolation(StockCommand.signed(quantity))
    }
}

extension CLIFields {
    /// `stock receive|issue|return|adjust`: the part is the argument, the rest options.
    static func stock(_ field: StockForm.Field) -> String {
        switch field {
        case .part: "<part>"
        case .quantity: "--quantity"
        case .supplierRef: "--supplier-ref"
        case .order: "--order"
        case .line: "--line"
        case .counted: "--counted"
        case .reason: "--reason"
        case .recordShortage: "--record-shortage"
        }
    }
}
