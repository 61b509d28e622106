import Core
import Foundation

/// A credit note (红字发票, 冲红) cancelling a settled order's invoice in full, per payer (L-10): a settled order is
/// never edited; it is corrected by a credit note, then a new invoice. Numbered without gaps in its own series
/// (`CN-000001`), it keeps the invoice it cancels whole, so the order's invoice history (invoice, credit note, new
/// invoice) is never lost.
public struct CreditNote: Sendable, Codable, Equatable {
    public var number: String
    public var at: Date
    public var by: String
    /// Why the invoice is corrected, in the advisor's words.
    public var reason: String
    /// The invoice cancelled, as it was issued.
    public var invoice: Invoice

    public init(number: String, at: Date, by: String, reason: String, invoice: Invoice) {
        self.number = number
        self.at = at
        self.by = by
        self.reason = reason
        self.invoice = invoice
    }

    /// The amounts credited per payer: the invoice's, in full (said as negative amounts on the sheet).
    public var totals: PayerTotals { invoice.totals }

    /// The credit-note number after `previous` (`CN-000041` → `CN-000042`), or the first: numbers without gaps.
    public static func number(after previous: String?) -> String {
        Invoice.number(after: previous, prefix: "CN-")
    }
}

extension WorkOrder {
    /// An order whose invoice was credited and that is not invoiced again yet: reopened for correction (L-10).
    public var isCorrecting: Bool { invoice == nil && !creditNotes.isEmpty }

    /// Rule L-10: cancels the order's invoice with a credit note for its full amount, per payer, and reopens the
    /// order for correction; the next settlement issues a new invoice number. A delivered order stays delivered (the
    /// car left; its Q-8 guarantee still runs from that day): it waits for its new invoice, which needs no second
    /// delivery.
    @discardableResult
    public mutating func credit(number: String, reason: String, by: String, at: Date) throws -> CreditNote {
        guard let reason = reason.trimmed().nilIfEmpty else {
            throw InvalidInput(field: "reason", "say why the invoice is corrected (L-10)")
        }
        guard let invoice else {
            throw Conflict(
                field: "order",
                "order \(self.number) has no invoice to credit: it is \(state.spoken); only a settled order is "
                    + "corrected by a credit note (L-10)")
        }
        let note = CreditNote(number: number, at: at, by: by, reason: reason, invoice: invoice)
        creditNotes.append(note)
        self.invoice = nil
        return note
    }

    /// The invoice history, oldest first: each credited invoice with its credit note, then the invoice in force.
    public var invoiceHistory: [InvoiceEvent] {
        creditNotes.flatMap { [InvoiceEvent.invoice($0.invoice), .creditNote($0)] }
            + (invoice.map { [InvoiceEvent.invoice($0)] } ?? [])
    }
}

/// One entry of an order's invoice history (L-10).
public enum InvoiceEvent: Sendable, Equatable {
    case invoice(Invoice)
    case creditNote(CreditNote)

    public var number: String {
        switch self {
        case .invoice(let invoice): invoice.number
        case .creditNote(let note): note.number
        }
    }

    public var at: Date {
        switch self {
        case .invoice(let invoice): invoice.at
        case .creditNote(let note): note.at
        }
    }

    /// The amount: the invoice's total, or the credit note's as a negative amount.
    public var amount: Money {
        switch self {
        case .invoice(let invoice): invoice.totals.total
        case .creditNote(let note): Money(fen: -note.totals.total.fen)
        }
    }

    /// The customer's share: positive on an invoice, negative on a credit note.
    public var customerAmount: Money {
        switch self {
        case .invoice(let invoice): invoice.totals.customer
        case .creditNote(let note): Money(fen: -note.totals.customer.fen)
        }
    }
}
