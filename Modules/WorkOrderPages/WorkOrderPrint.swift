import Core
import Foundation
import Messaging
import Warranty
import WarrantyStorage
import WorkOrderStorage
import WorkOrders

/// The printable documents of a repair order (issue 17): the repair request signed at reception (客户报修单, A-6),
/// the quote the customer approves (报价单, Q-1, Q-2) and the repair record with its invoice (维修竣工记录 and
/// 结算单, L-10, Q-3, Q-8). Stored and typed as their raw values (an interface: `--document`, the route's path).
public enum WorkOrderDocumentKind: String, CaseIterable, Codable, Sendable {
    case request, quote, record

    /// The document's title, as printed at its head.
    public var title: Phrase {
        switch self {
        case .request: "Repair request"
        case .quote: "Quote for the repair"
        case .record: "Repair record and invoice"
        }
    }
}

/// Renders a repair order's printable documents as one self-contained HTML page each: inline CSS with A4 print
/// styles, no script, nothing loaded from elsewhere, every piece of data escaped. The pages are always bilingual,
/// Chinese first with the English kept below or beside it, whatever language the reader's tools speak.
public enum WorkOrderPrint {
    /// The page of `kind` for the order of `sheet`; the dealer's settings give the Q-8 guarantee and the dealer's
    /// name. A quote before any quote exists, or a record before settlement, is refused as a conflict naming
    /// `field` (the option or path parameter the caller typed).
    public static func html(
        _ kind: WorkOrderDocumentKind, sheet: WorkOrderSheet, settings: DealerSettings, field: String = "document"
    ) throws -> String {
        let order = sheet.order
        var page = PrintedPage(sheet: sheet, settings: settings)
        switch kind {
        case .request:
            page.request()
        case .quote:
            guard !order.quotes.isEmpty else {
                throw Conflict(
                    field: field, "order \(order.number) has no quote yet; make one with its jobs and lines first (Q-2)"
                )
            }
            page.quotes()
        case .record:
            guard let invoice = order.invoice else {
                throw Conflict(
                    field: field,
                    "order \(order.number) is \(order.state.spoken); its repair record and invoice are printed once "
                        + "it is settled (L-10)")
            }
            page.record(invoice)
        }
        return page.document(kind)
    }
}

/// Text made safe to stand in HTML, as element content or inside a quoted attribute.
public enum HTML {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A phrase in both languages, escaped: the Chinese, then the English in a span of its own (once when they are
    /// the same). The pages of issues 17 and 18 say every word so.
    public static func both(_ phrase: Phrase, chinese: Speech, english: Speech) -> String {
        let zh = phrase.rendered(chinese)
        let en = phrase.rendered(english)
        if zh == en { return escape(zh) }
        return escape(zh) + " <span class=\"en\" lang=\"en\">" + escape(en) + "</span>"
    }
}

/// One page being written: its body in parts, and how it says words, dates and money.
struct PrintedPage {
    let sheet: WorkOrderSheet
    let settings: DealerSettings
    var body: [String] = []

    static let chinese = Speech(.zh, dateStyle: .long)
    static let english = Speech(.en, dateStyle: .iso)

    init(sheet: WorkOrderSheet, settings: DealerSettings) {
        self.sheet = sheet
        self.settings = settings
    }

    var order: WorkOrder { sheet.order }

    // MARK: - Words

    /// A phrase in both languages: the Chinese, then the English in a span of its own (once when they are the same).
    static func both(_ phrase: Phrase) -> String { HTML.both(phrase, chinese: chinese, english: english) }

    /// Data, escaped; an empty value shows a dash.
    static func data(_ text: String?) -> String {
        guard let text, !text.isEmpty else { return "—" }
        return HTML.escape(text)
    }

    /// Money as the product writes it (`¥1,234.50`).
    static func money(_ amount: Money) -> String { HTML.escape(Phrase("\(money: amount)").rendered(chinese)) }

    /// A day in the Chinese date style (`2026年12月6日`).
    static func day(_ day: LocalDate) -> String { HTML.escape(Phrase("\(day)").rendered(chinese)) }

    /// An instant in the dealer's zone (T-2), its day in the Chinese date style (`2026年12月6日 09:30`).
    func time(_ date: Date?) -> String {
        guard let date else { return "—" }
        let zone = sheet.timeZone
        return Self.day(LocalDate(instant: date, in: zone)) + " "
            + HTML.escape(String(Instant.localString(date, in: zone).suffix(5)))
    }

    // MARK: - Blocks

    mutating func heading(_ phrase: Phrase) { body.append("<h2>\(Self.both(phrase))</h2>") }

    /// A two-column block of labelled facts.
    mutating func facts(_ rows: [(Phrase, String)]) {
        let cells = rows.map { "<tr><th>\(Self.both($0.0))</th><td>\($0.1)</td></tr>" }
        body.append("<table class=\"facts\">" + cells.joined() + "</table>")
    }

    /// A table with bilingual headings; cells are HTML already escaped. `numeric` columns align right.
    mutating func table(_ columns: [Phrase], numeric: Set<Int> = [], rows: [[String]], foot: [[String]] = []) {
        func row(_ cells: [String], tag: String) -> String {
            "<tr>"
                + cells.enumerated().map { index, cell in
                    "<\(tag)\(numeric.contains(index) ? " class=\"num\"" : "")>\(cell)</\(tag)>"
                }.joined() + "</tr>"
        }
        var html = "<table><thead>" + row(columns.map(Self.both), tag: "th") + "</thead><tbody>"
        html += rows.map { row($0, tag: "td") }.joined() + "</tbody>"
        if !foot.isEmpty { html += "<tfoot>" + foot.map { row($0, tag: "td") }.joined() + "</tfoot>" }
        body.append(html + "</table>")
    }

    /// A numbered list of data lines, or a dash when there is none.
    mutating func list(_ items: [String]) {
        guard !items.isEmpty else {
            body.append("<p>—</p>")
            return
        }
        body.append("<ol>" + items.map { "<li>\(Self.data($0))</li>" }.joined() + "</ol>")
    }

    /// The boxes two parties sign in, each with its printed name when known.
    mutating func signatures(_ boxes: [(Phrase, String?)]) {
        let cells = boxes.map { label, name in
            "<div class=\"signature\"><div class=\"who\">\(Self.both(label))</div>"
                + "<div class=\"name\">\(Self.data(name))</div>"
                + "<div class=\"line\">\(Self.both("Signature"))</div>"
                + "<div class=\"line\">\(Self.both("Date"))</div></div>"
        }
        body.append("<div class=\"signatures\">" + cells.joined() + "</div>")
    }

    /// The order, the customer and the car: the head of every document.
    mutating func vehicle() {
        facts([
            ("Order number", Self.data(order.number)),
            ("Customer", Self.data(sheet.customer)),
            ("Vehicle", Self.data("\(sheet.make) \(sheet.model)")),
            ("Plate", Self.data(sheet.plate)),
            ("VIN", Self.data(order.vin.description)),
            ("Service advisor", Self.data(order.advisor)),
        ])
    }

    /// The totals per payer that are not zero, then the whole (Q-3).
    func totalRows(_ totals: PayerTotals, columns: Int) -> [[String]] {
        let pad = Array(repeating: "", count: max(0, columns - 2))
        var rows = Payer.allCases.filter { totals[$0].fen != 0 }.map { payer in
            pad + [Self.both(payer.spoken), Self.money(totals[payer])]
        }
        rows.append(pad + ["<strong>\(Self.both("Total"))</strong>", "<strong>\(Self.money(totals.total))</strong>"])
        return rows
    }

    /// The lines of a job, with their amounts (Q-1) and payers (Q-3).
    mutating func lines(_ lines: [WorkOrderLine]) {
        let rows = lines.map { line -> [String] in
            var description = Self.data(line.description)
            if let reason = line.reason { description += "<br><small>\(Self.data(reason))</small>" }
            if let bulletin = line.bulletin { description += "<br><small>\(Self.data(bulletin))</small>" }
            return [
                String(line.number), Self.both(line.kind.spoken), Self.data(line.code), description,
                Self.data(ClaimLine.decimal(line.quantityHundredths)), Self.money(line.unitPrice),
                Self.money(line.amount), Self.both(line.payer.spoken),
            ]
        }
        table(
            ["Line", "Kind", "Code", "Description", "Quantity", "Unit price", "Amount", "Payer"],
            numeric: [4, 5, 6], rows: rows)
    }

    // MARK: - The documents

    /// Rule A-6: what reception recorded, for both signatures, with the dealer's Q-8 promise.
    mutating func request() {
        let reception = order.reception
        vehicle()
        heading("Reception")
        facts([
            ("Arrival time", time(reception.arrivedAt)),
            ("Mileage", Self.data("\(Grouping.thousands(reception.mileage)) km")),
            ("Fuel or charge level", Self.data("\(reception.fuelPercent)%")),
            ("Promised delivery time", time(reception.promisedAt)),
            ("Old parts returned to the customer", Self.both(reception.returnOldParts ? "yes" : "no")),
        ])
        heading("The customer's concerns, in their words")
        list(reception.concerns)
        heading("Walk-around findings: damage and belongings")
        list(reception.walkAround)
        if !sheet.openBulletins.isEmpty {
            heading("Open recalls and campaigns on this car (W-6)")
            list(sheet.openBulletins.map { "\($0.number) \($0.title)" })
        }
        heading("Our repair quality guarantee (Q-8)")
        body.append(
            "<p>"
                + Self.both(
                    "Each repair is guaranteed from the day the car leaves the workshop, for the days or kilometres "
                        + "below, whichever comes first.") + "</p>")
        table(
            ["Kind of repair", "Days", "Kilometres"], numeric: [1, 2],
            rows: JobKind.allCases.map { kind in
                let guarantee = RepairGuarantee.of(kind, settings: settings)
                return [
                    Self.both(kind.spoken), Self.data(Grouping.thousands(guarantee.days)),
                    Self.data("\(Grouping.thousands(guarantee.kilometres)) km"),
                ]
            })
        signatures([("Service advisor", order.advisor), ("Customer", sheet.customer)])
    }

    /// Rules Q-1, Q-2: every quote version, its jobs and lines, totals per payer, and the customer's answer per job.
    mutating func quotes() {
        vehicle()
        for quote in order.quotes {
            body.append("<section class=\"quote\">")
            heading(
                quote.supplementary ? "Supplementary quote, version \(quote.version)" : "Quote version \(quote.version)"
            )
            facts([("Quoted at", time(quote.at)), ("Quoted by", Self.data(quote.by))])
            for number in quote.jobs {
                guard let job = try? order.job(number) else { continue }
                body.append(
                    "<h3>\(Self.both("Job \(job.number)")): \(Self.data(job.title)) · \(Self.both(job.kind.spoken))"
                        + "</h3>")
                lines(order.lines.filter { $0.job == number && $0.quotedIn == quote.version })
            }
            table(["Payer", "Amount"], numeric: [1], rows: totalRows(quote.totals, columns: 2))
            heading("The customer's answer")
            table(
                ["Job", "Answer", "Answered by", "How", "When"],
                rows: quote.jobs.map { number in
                    let approval = (try? order.job(number))?.approval.flatMap { $0.quote == quote.version ? $0 : nil }
                    let answer: Phrase =
                        approval.map { Phrase($0.approved ? "approved" : "declined", context: "customer answer") }
                        ?? "approve ☐  decline ☐"
                    return [
                        String(number), Self.both(answer), Self.data(approval?.by),
                        approval.map { Self.both($0.method.spoken) } ?? "—", time(approval?.at),
                    ]
                })
            signatures([("Service advisor", quote.by), ("Customer", sheet.customer)])
            body.append("</section>")
        }
    }

    /// Rule L-10 with Q-3 and Q-8: every field of the repair record, the invoice, and each job's guarantee from the
    /// day the car left.
    mutating func record(_ invoice: Invoice) {
        let record = sheet.record
        vehicle()
        heading("Repair record (L-10)")
        facts([
            ("Arrival time", time(record.arrivedAt)),
            ("Mileage", Self.data("\(Grouping.thousands(record.mileage)) km")),
            ("Delivery time", time(record.deliveredAt)),
        ])
        heading("The customer's description")
        list(record.customerDescription)
        heading("Inspection result")
        list(record.inspection)
        heading("Repair items")
        table(
            ["Job", "Repair", "Fault", "Finding"],
            rows: record.items.map {
                [String($0.job), Self.data($0.title), Self.data($0.description), Self.data($0.finding)]
            })
        heading("Parts fitted")
        table(
            ["Part number", "Part", "Quantity", "Amount"], numeric: [2, 3],
            rows: record.parts.map {
                [
                    Self.data($0.number), Self.data($0.name), Self.data(ClaimLine.decimal($0.quantityHundredths)),
                    Self.money($0.amount),
                ]
            })
        facts([
            ("Material cost", Self.money(record.materialCost)),
            ("Labour hours", Self.data(ClaimLine.decimal(record.labourCentihours))),
            ("Labour cost", Self.money(record.labourCost)),
        ])
        heading("Towing, loan car or compensation")
        list(record.towingLoanCompensation)
        heading("Lines")
        lines(order.liveLines)
        heading("Invoice")
        facts([
            ("Invoice number", Self.data(invoice.number)),
            ("Invoiced at", time(invoice.at)),
            ("Payment method", Self.both(invoice.payment.spoken)),
        ])
        var totals = totalRows(invoice.totals, columns: 2)
        totals.append([Self.both("VAT included (\(invoice.vatPercent)%)"), Self.money(invoice.vat)])
        table(["Payer", "Amount"], numeric: [1], rows: totals)
        guarantees()
        signatures([
            ("For the dealer", record.signedByDealer), ("Customer", record.signedByCustomer.joined(separator: "、")),
        ])
    }

    /// Rule Q-8: each job's guarantee, from the day the car left (until it leaves, the terms only).
    mutating func guarantees() {
        heading("Repair quality guarantee (Q-8)")
        let departed = order.deliveredAt.map { LocalDate(instant: $0, in: sheet.timeZone) }
        if departed == nil {
            body.append("<p>" + Self.both("The guarantee starts on the day the car leaves the workshop.") + "</p>")
        }
        table(
            ["Job", "Kind of repair", "Guarantee", "Guaranteed until"],
            rows: order.jobs.filter { $0.state != .declined }.map { job in
                let guarantee = RepairGuarantee.of(job.kind, settings: settings)
                let terms: Phrase = "\(grouped: guarantee.days) days or \(grouped: guarantee.kilometres) km"
                let until = departed.map { day -> String in
                    let last = guarantee.lastDay(departed: day)
                    let kilometres = order.reception.mileage + guarantee.kilometres
                    return Self.both("\(last) or \(grouped: kilometres) km, whichever comes first")
                }
                return [
                    String(job.number) + " " + Self.data(job.title), Self.both(job.kind.spoken), Self.both(terms),
                    until ?? "—",
                ]
            })
    }

    /// The whole page: head, styles, title and body.
    func document(_ kind: WorkOrderDocumentKind) -> String {
        let dealer = settings.text(.dealerName)
        let title = kind.title
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title.rendered(Self.chinese))) \(HTML.escape(order.number))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <header><div class="dealer">\(Self.data(dealer))</div>\
            <h1>\(Self.both(title))</h1>\
            <div class="printed">\(Self.both("Printed")) \(time(sheet.at))</div></header>
            <main>
            \(body.joined(separator: "\n"))
            </main>
            </body>
            </html>

            """
    }

    /// A4 print styles, large enough to read; fonts the machine has (nothing is fetched).
    static let style = """
        @page { size: A4; margin: 15mm 12mm 15mm 12mm; }
        html { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", \
        "PingFang SC", sans-serif; font-size: 12pt; line-height: 1.45; color: #000; background: #fff; }
        body { margin: 0 auto; padding: 8mm; max-width: 186mm; }
        header { text-align: center; margin-bottom: 4mm; }
        .dealer { font-size: 13pt; }
        h1 { font-size: 20pt; margin: 2mm 0; }
        h2 { font-size: 14pt; margin: 6mm 0 2mm; border-bottom: 1.5pt solid #000; }
        h3 { font-size: 12.5pt; margin: 4mm 0 1.5mm; }
        .en { font-weight: normal; font-size: 0.8em; color: #333; }
        th .en { display: block; }
        .printed { font-size: 10pt; color: #333; }
        table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
        th, td { border: 0.75pt solid #444; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
        th { background: #eee; }
        table.facts th { width: 35%; }
        .num { text-align: right; white-space: nowrap; }
        tfoot td { font-weight: bold; }
        ol { margin: 0 0 3mm; padding-left: 7mm; }
        .signatures { display: flex; gap: 8mm; margin-top: 8mm; }
        .signature { flex: 1; border: 0.75pt solid #000; padding: 2mm 3mm; min-height: 32mm; }
        .signature .name { margin: 2mm 0 6mm; }
        .signature .line { border-top: 0.75pt solid #666; margin-top: 7mm; font-size: 10pt; }
        @media print {
          body { padding: 0; max-width: none; }
          h2, h3 { break-after: avoid; }
          tr, .signatures { break-inside: avoid; }
          section.quote + section.quote { break-before: page; }
        }
        """
}
