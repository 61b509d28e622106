import Core
import Foundation
import Storage
import Warranty
import WorkOrders

enum WorkOrderPresent {
    static func emit(_ sheet: WorkOrderSheet, output: Output) throws {
        let order = sheet.order
        let document = WorkOrderDocument(sheet)
        switch output.format {
        case .json, .csv:
            try output.emit(document, table: lines(order))
        case .table:
            print(text(sheet))
        }
    }

    /// The order's lines as a table (also its CSV).
    static func lines(_ order: WorkOrder) -> TextTable {
        TextTable(
            columns: [
                "line", "job", "kind", "code", "description", "quantity", "unit price", "amount", "payer", "note",
            ],
            rows: order.lines.map { line in
                var note: [Phrase] = []
                if let decision = line.decision { note.append(decision.summaryPhrase) }
                if let bulletin = line.bulletin { note.append(Phrase(verbatim: bulletin)) }
                if let reason = line.reason { note.append(Phrase(verbatim: reason)) }
                if line.kind == .part, let issued = line.issued {
                    note.append("issued \(grouped: issued) of \(grouped: (line.quantityHundredths + 99) / 100)")
                }
                return [
                    String(line.number), String(line.job), line.kind.spoken.rendered(), line.code, line.description,
                    ClaimLine.decimal(line.quantityHundredths), line.unitPrice.description, line.amount.description,
                    line.payer.spoken.rendered(), Phrase.joined(note, separator: "; ").rendered(),
                ]
            })
    }

    /// The sheet for people: the order, its jobs, lines and totals, then what the dealer owes the car.
    static func text(_ sheet: WorkOrderSheet) -> String {
        let order = sheet.order
        let zone = sheet.timeZone
        func time(_ date: Date?) -> String? { date.map { Instant.localString($0, in: zone) } }
        var parts: [String] = []
        let yes = say("yes")
        let no = say("no")
        parts.append(
            TextTable.record([
                ("order", order.number), ("state", order.state.spoken.rendered()),
                ("customer", "\(sheet.customer) (\(sheet.customerID))"),
                ("vehicle", "\(order.vin) \(sheet.plate ?? "") \(sheet.make) \(sheet.model)"),
                ("advisor", order.advisor), ("arrived", time(order.reception.arrivedAt)),
                ("mileage", "\(Grouping.thousands(order.reception.mileage)) km"),
                ("fuel", "\(order.reception.fuelPercent)%"),
                ("concerns", order.reception.concerns.joined(separator: "; ")),
                ("walk-around", order.reception.walkAround.joined(separator: "; ").nilIfEmpty),
                ("old parts returned", order.reception.returnOldParts ? yes : no),
                ("promised", time(order.reception.promisedAt)), ("delay", order.delayReason),
                ("invoice", order.invoice.map { "\($0.number) \($0.payment.spoken.rendered())" }),
                ("delivered", time(order.deliveredAt)), ("delivery note", order.deliveryNote),
            ]).rendered())
        if !order.jobs.isEmpty {
            parts.append(
                TextTable(
                    columns: [
                        "job", "title", "kind", "system", "state", "approval", "technician", "sold hours",
                        "clocked hours", "note",
                    ],
                    rows: order.jobs.map { job in
                        let sold = order.lines.filter { $0.job == job.number && $0.kind == .labour }
                            .reduce(0) { $0 + $1.quantityHundredths }
                        var notes: [Phrase] = []
                        if job.supplementary { notes.append("supplementary (Q-2)") }
                        if let failure = job.qcFailure { notes.append("check failed: \(failure)") }
                        if let first = job.guaranteeOf { notes.append("guarantee repair of \(first) (Q-8)") }
                        if let first = job.comebackOf { notes.append("comeback of \(first) (Q-5)") }
                        if job.guaranteeRepairs >= 2 {
                            notes.append(
                                "second failure under guarantee: arrange another workshop at the dealer's cost (Q-8)")
                        }
                        if job.seriousSafetyFault { notes.append("serious safety fault") }
                        let approval = job.approval.map {
                            "\($0.by) \($0.method.spoken.rendered()) \(Instant.localString($0.at, in: zone))"
                        }
                        return [
                            String(job.number), job.title, job.kind.spoken.rendered(), job.system.spoken.rendered(),
                            job.state.spoken.rendered(), approval ?? "", job.technician ?? "",
                            ClaimLine.decimal(sold), ClaimLine.decimal(job.clockedCentihours(until: sheet.at)),
                            Phrase.joined(notes, separator: "; ").rendered(),
                        ]
                    }
                ).rendered())
        }
        if !order.lines.isEmpty { parts.append(lines(order).rendered()) }
        let totals = order.invoice?.totals ?? order.totals
        var totalRows: [(String, String?)] = Payer.allCases.compactMap { payer -> (String, String?)? in
            totals[payer].fen == 0 ? nil : (payer.spoken.rendered(), totals[payer].description)
        }
        totalRows.append(("total", totals.total.description))
        if let invoice = order.invoice { totalRows.append(("VAT included", "\(invoice.vat) (\(invoice.vatPercent)%)")) }
        if order.declinedValue.fen > 0 { totalRows.append(("declined work", order.declinedValue.description)) }
        if let quote = order.quotes.last { totalRows.append(("quote", say("v\(quote.version)"))) }
        parts.append(totalsTable(totalRows).rendered())
        if !order.creditNotes.isEmpty { parts.append(invoiceHistory(order, zone: zone).rendered()) }
        var owed: [Phrase] = []
        for bulletin in sheet.openBulletins {
            owed.append("open \(bulletin.kind.spoken) \(bulletin.number): \(bulletin.title) (W-6)")
        }
        if let due = sheet.maintenanceDue {
            owed.append("maintenance due on \(due.date) or at \(grouped: due.kilometres) km (W-9)")
        }
        if let warranty = sheet.warranty {
            owed.append("warranty: \(warranty.summaryPhrase) (W-8)")
        } else if let note = sheet.warrantyNote {
            owed.append(note)
        }
        for guarantee in sheet.underGuarantee {
            owed.append(
                "under guarantee until \(guarantee.lastDay) or \(grouped: guarantee.lastKilometres) km: "
                    + "\(guarantee.job.order)/\(guarantee.job.job) \(guarantee.job.title) (Q-8)")
        }
        for complaint in sheet.openComplaints { owed.append("open complaint \(complaint) (K-1)") }
        for risk in sheet.risks { owed.append("at risk: \(risk.spoken) (Q-7)") }
        if !owed.isEmpty {
            parts.append(
                say("What the dealer owes this car:") + "\n"
                    + owed.map { "  - " + $0.rendered() }.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n")
    }

    /// L-10: every invoice of the order and the credit note that cancelled it, oldest first, then the one in force.
    static func invoiceHistory(_ order: WorkOrder, zone: TimeZone) -> TextTable {
        TextTable(
            columns: ["document", "number", "date", "amount", "customer", "note"],
            rows: order.invoiceHistory.map { event in
                let kind: Phrase
                let note: String
                switch event {
                case .invoice(let invoice):
                    kind = "invoice"
                    note = invoice.payment.spoken.rendered()
                case .creditNote(let credit):
                    kind = "credit note"
                    note = say("cancels \(credit.invoice.number): \(credit.reason)")
                }
                return [
                    kind.rendered(), event.number, Instant.localString(event.at, in: zone), event.amount.description,
                    event.customerAmount.description, note,
                ]
            })
    }

    static func totalsTable(_ rows: [(String, String?)]) -> TextTable {
        TextTable(columns: ["payer", "amount"], rows: rows.map { [Phrase(key: $0.0).rendered(), $0.1 ?? ""] })
    }
}
