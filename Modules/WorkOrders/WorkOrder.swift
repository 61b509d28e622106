import Catalog
import Core
import Foundation
import Warranty

/// What reception records: arrival, mileage (a new reading, C-6), fuel, the customer's concerns in their own
/// words one line each, the walk-around findings, whether old parts go back to the customer, and the delivery time
/// agreed with the customer.
public struct Reception: Sendable, Codable, Equatable {
    public var arrivedAt: Date
    public var mileage: Int
    /// Fuel (or charge) level in percent, 0 to 100.
    public var fuelPercent: Int
    public var concerns: [String]
    /// Damage and belongings noted at the walk-around, one line each.
    public var walkAround: [String]
    public var returnOldParts: Bool
    /// The delivery time agreed with the customer; nil when none was agreed, itself a delay risk.
    public var promisedAt: Date?

    public init(
        arrivedAt: Date, mileage: Int, fuelPercent: Int, concerns: [String], walkAround: [String] = [],
        returnOldParts: Bool = false, promisedAt: Date? = nil
    ) {
        self.arrivedAt = arrivedAt
        self.mileage = mileage
        self.fuelPercent = fuelPercent
        self.concerns = concerns
        self.walkAround = walkAround
        self.returnOldParts = returnOldParts
        self.promisedAt = promisedAt
    }
}

/// A numbered version of the order's quote: the jobs it quotes and their totals per payer.
public struct Quote: Sendable, Codable, Equatable {
    public var version: Int
    public var at: Date
    public var by: String
    public var jobs: [Int]
    public var totals: PayerTotals
    /// A quote of work found during the repair (追加).
    public var supplementary: Bool

    public init(version: Int, at: Date, by: String, jobs: [Int], totals: PayerTotals, supplementary: Bool) {
        self.version = version
        self.at = at
        self.by = by
        self.jobs = jobs
        self.totals = totals
        self.supplementary = supplementary
    }
}

/// The quality check and test drive of a job.
public struct QualityCheck: Sendable, Codable, Equatable {
    public var failed: [QualityCheckItem]
    public var roadTestKilometres: Int
    public var reason: String?
    public var by: String
    public var at: Date

    public var passed: Bool { failed.isEmpty }

    /// Rule Q-4: a check of the exterior, interior, engine, chassis and the reported concern with a road test; a
    /// failed item needs the reason that sends the job back to the workshop.
    public init(
        failed: [QualityCheckItem], roadTestKilometres: Int, reason: String?, by: String, at: Date
    ) throws {
        guard roadTestKilometres >= 0, roadTestKilometres <= 1_000 else {
            throw InvalidInput(
                field: "road-test", "expected the road test's kilometres, 0 to 1,000, got \(roadTestKilometres)")
        }
        let reason = reason?.trimmed().nilIfEmpty
        if !failed.isEmpty, reason == nil {
            throw InvalidInput(field: "reason", "a failed check needs the reason the job goes back to work (Q-4)")
        }
        self.failed = failed
        self.roadTestKilometres = roadTestKilometres
        self.reason = reason
        self.by = by
        self.at = at
    }
}

/// The invoice of a settled order: numbered without gaps, totals by payer, VAT contained in them, and how the
/// customer paid.
public struct Invoice: Sendable, Codable, Equatable {
    public var number: String
    public var at: Date
    public var totals: PayerTotals
    public var payment: PaymentMethod
    /// VAT rate in percent.
    public var vatPercent: Int
    /// The VAT contained in the total (prices include VAT), rounded half-up to the fen.
    public var vat: Money

    public init(number: String, at: Date, totals: PayerTotals, payment: PaymentMethod, vatPercent: Int) {
        self.number = number
        self.at = at
        self.totals = totals
        self.payment = payment
        self.vatPercent = vatPercent
        self.vat = Self.vat(in: totals.total, percent: vatPercent)
    }

    /// The VAT contained in a gross amount: gross × rate / (100 + rate), rounded half-up (Q-1's rounding).
    public static func vat(in gross: Money, percent: Int) -> Money {
        Money(fen: Pricing.roundHalfUp(gross.fen * Int64(percent), dividedBy: Int64(100 + percent)))
    }

    /// The invoice number after `previous` (`INV-000041` → `INV-000042`), or the first: numbers without gaps.
    public static func number(after previous: String?, prefix: String = "INV-") -> String {
        let last = previous.flatMap { Int($0.dropFirst(prefix.count)) } ?? 0
        let digits = String(last + 1)
        return prefix + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }
}

/// A repair order (维修委托书, A-6): reception, jobs, lines, quotes, approval, workshop, check, settlement, delivery.
/// Its rules are its methods: each checks the state and changes the value, or throws saying why not; a settled order
/// is never edited (corrections by credit note, L-10).
public struct WorkOrder: Sendable, Codable, Equatable {
    public var id: Int64?
    /// The order's number as people say it (`RO-20261206-001`).
    public var number: String
    public var vin: VIN
    public var advisor: String
    public var reception: Reception
    public var jobs: [Job]
    public var lines: [WorkOrderLine]
    public var quotes: [Quote]
    public var checks: [Int: [QualityCheck]]
    public var invoice: Invoice?
    /// When the car left the workshop: each job's Q-8 guarantee starts here.
    public var deliveredAt: Date?
    /// The explanation given at delivery.
    public var deliveryNote: String?
    /// Why delivery is late: missing parts or technicians, underestimated work …
    public var delayReason: String?
    /// The credit notes that cancelled earlier invoices, oldest first (L-10): each keeps its invoice whole.
    public var creditNotes: [CreditNote] = []

    public init(
        id: Int64? = nil, number: String, vin: VIN, advisor: String, reception: Reception, jobs: [Job] = [],
        lines: [WorkOrderLine] = [], quotes: [Quote] = [], checks: [Int: [QualityCheck]] = [:],
        invoice: Invoice? = nil, deliveredAt: Date? = nil, deliveryNote: String? = nil, delayReason: String? = nil
    ) {
        self.id = id
        self.number = number
        self.vin = vin
        self.advisor = advisor
        self.reception = reception
        self.jobs = jobs
        self.lines = lines
        self.quotes = quotes
        self.checks = checks
        self.invoice = invoice
        self.deliveredAt = deliveredAt
        self.deliveryNote = deliveryNote
        self.delayReason = delayReason
    }

    /// The order's state: delivered or settled once so; before that, the least advanced of its live jobs. An
    /// order whose invoice was credited (L-10) is back to its jobs' state until its new invoice, delivered or not.
    public var state: WorkOrderState {
        if invoice != nil { return deliveredAt != nil ? .delivered : .settled }
        let live = jobs.filter { $0.state != .declined }
        if live.isEmpty { return jobs.isEmpty ? .open : .quoted }
        let rank: [JobState: WorkOrderState] = [
            .open: .open, .quoted: .quoted, .approved: .approved, .inWork: .inWork, .qcFailed: .inWork,
            .qcPassed: .qcPassed,
        ]
        let order: [WorkOrderState] = [.open, .quoted, .approved, .inWork, .qcPassed]
        return live.compactMap { rank[$0.state] }.min { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
            ?? .open
    }

    /// The lines of the jobs the customer has not declined: what is settled.
    public var liveLines: [WorkOrderLine] {
        let declined = Set(jobs.filter { $0.state == .declined }.map(\.number))
        return lines.filter { !declined.contains($0.job) }
    }

    /// Rules: the live lines' totals per payer and overall.
    public var totals: PayerTotals { PayerTotals(liveLines) }

    /// The value of declined work (a campaign segment's "declined work").
    public var declinedValue: Money {
        let declined = Set(jobs.filter { $0.state == .declined }.map(\.number))
        return Money(fen: lines.filter { declined.contains($0.job) }.reduce(0) { $0 + $1.amount.fen })
    }

    // MARK: - Rules

    /// L-10: a settled order is never edited; it is corrected by a credit note and a new invoice.
    public func requireEditable() throws {
        if let invoice {
            throw Conflict(
                field: "order",
                "order \(number) is settled (invoice \(invoice.number)); a settled order is never edited: "
                    + "correct it with a credit note and a new invoice (L-10)")
        }
    }

    /// The job numbered `number`, or `NotFound`.
    public func job(_ number: Int) throws -> Job {
        guard let job = jobs.first(where: { $0.number == number }) else {
            throw NotFound("job", "\(self.number)/\(number)", field: "job")
        }
        return job
    }

    mutating func update(_ number: Int, _ change: (inout Job) throws -> Void) throws {
        guard let index = jobs.firstIndex(where: { $0.number == number }) else {
            throw NotFound("job", "\(self.number)/\(number)", field: "job")
        }
        try change(&jobs[index])
    }

    /// Adds a job for a concern; a job added after the first quote is work found during the repair (追加, Q-2).
    public mutating func addJob(_ job: Job) throws {
        try requireEditable()
        var job = job
        job.number = (jobs.map(\.number).max() ?? 0) + 1
        job.supplementary = !quotes.isEmpty
        job.state = .open
        jobs.append(job)
    }

    /// Records what the technician found and what the 三包 assessment reads on a job (kind, system, component,
    /// serious safety fault, special-parts waiting days), any time before settlement (L-10).
    public mutating func editJob(_ number: Int, _ form: JobForm) throws {
        try requireEditable()
        try update(number) { job in
            if let title = form.title?.trimmed() {
                guard !title.isEmpty else {
                    throw InvalidInput(field: JobForm.Field.title.rawValue, "must not be empty")
                }
                job.title = title
            }
            if let kind = form.kind { job.kind = try parseChoice(kind, field: JobForm.Field.kind.rawValue) }
            if let system = form.system { job.system = try parseChoice(system, field: JobForm.Field.system.rawValue) }
            if let component = form.component { job.component = component.trimmed().nilIfEmpty }
            if let fault = form.fault?.trimmed().nilIfEmpty { job.fault = fault }
            if let finding = form.finding { job.finding = finding.trimmed().nilIfEmpty }
            if let serious = form.seriousSafetyFault { job.seriousSafetyFault = serious }
            if let days = form.specialPartsWaitingDays {
                guard (0...365).contains(days) else {
                    throw InvalidInput(
                        field: JobForm.Field.specialPartsWaitingDays.rawValue, "expected days, 0 to 365, got \(days)")
                }
                job.specialPartsWaitingDays = days
            }
        }
    }

    /// Adds a line to a job still open or quoted (a quoted job goes back to open: it needs a new quote). Work for an
    /// approved job is a supplementary job with its own approval.
    public mutating func addLine(_ line: WorkOrderLine) throws {
        try requireEditable()
        var line = line
        try reopenForChange(line.job)
        try PayerRule.check(
            payer: line.payer, decision: line.decision, previous: nil, reason: line.reason,
            field: WorkOrderLineForm.Field.payer.rawValue)
        line.number = (lines.map(\.number).max() ?? 0) + 1
        line.quotedIn = nil
        lines.append(line)
        freeGuaranteeRepair(job: line.job)
    }

    /// Changes a line's payer: a warranty payer needs a covering decision, a move off warranty a reason.
    public mutating func changePayer(
        line number: Int, to payer: Payer, decision: WarrantyDecisionInput?, reason: String?
    ) throws {
        try requireEditable()
        let index = try lineIndex(number)
        try refuseCustomerPayer(job: lines[index].job, payer: payer)
        try reopenForChange(lines[index].job)
        let decisionNow = decision.map(\.decision) ?? (payer == .warranty ? lines[index].decision : nil)
        try PayerRule.check(
            payer: payer, decision: decisionNow, previous: lines[index].payer, reason: reason,
            field: WorkOrderLineForm.Field.payer.rawValue)
        lines[index].payer = payer
        lines[index].decision = payer == .warranty ? decisionNow : lines[index].decision
        if let reason = reason?.trimmed().nilIfEmpty { lines[index].reason = reason }
    }

    /// Removes a line of a job still open or quoted.
    public mutating func removeLine(_ number: Int) throws {
        try requireEditable()
        let index = try lineIndex(number)
        try reopenForChange(lines[index].job)
        lines.remove(at: index)
    }

    func lineIndex(_ number: Int) throws -> Int {
        guard let index = lines.firstIndex(where: { $0.number == number }) else {
            throw NotFound("line", "\(self.number)/\(number)", field: "line")
        }
        return index
    }

    /// Rule Q-2: what the customer approved is not changed behind their back.
    mutating func reopenForChange(_ jobNumber: Int) throws {
        let correcting = isCorrecting
        try update(jobNumber) { job in
            switch job.state {
            case .open: break
            // L-10: an order reopened by a credit note is corrected (payer, price, lines) without redoing the work.
            case .qcPassed where correcting: break
            case .quoted: job.state = .open
            case .declined:
                throw Conflict(field: "job", "job \(jobNumber) was declined; add the work as a new job (Q-2)")
            default:
                throw Conflict(
                    field: "job",
                    "job \(jobNumber) is \(job.state.spoken); work found during the repair is a new, supplementary "
                        + "job with its own quote and approval (Q-2)")
            }
        }
    }

    /// Rule Q-2: a new quote version of every open job with lines, totals per payer; the jobs become quoted.
    @discardableResult
    public mutating func makeQuote(by: String, at: Date) throws -> Quote {
        try requireEditable()
        let open = jobs.filter { $0.state == .open }
        guard !open.isEmpty else {
            throw Conflict(field: "order", "order \(number) has no open job to quote; add a job and its lines first")
        }
        if let empty = open.first(where: { job in !lines.contains { $0.job == job.number } }) {
            throw Conflict(field: "job", "job \(empty.number) has no lines to quote; add its labour or parts first")
        }
        let numbers = open.map(\.number)
        let version = (quotes.map(\.version).max() ?? 0) + 1
        let quote = Quote(
            version: version, at: at, by: by, jobs: numbers,
            totals: PayerTotals(lines.filter { numbers.contains($0.job) }),
            supplementary: open.contains { $0.supplementary })
        for number in numbers { try update(number) { $0.state = .quoted } }
        for index in lines.indices where numbers.contains(lines[index].job) { lines[index].quotedIn = version }
        quotes.append(quote)
        return quote
    }

    /// Rule Q-2: the customer approves or declines a quoted job (who, when, how); declined jobs are kept and listed.
    public mutating func answer(job number: Int, approved: Bool, by: String, method: ApprovalMethod, at: Date) throws {
        try requireEditable()
        guard !by.trimmed().isEmpty else {
            throw InvalidInput(field: "by", "say who answered for the customer")
        }
        let quote = quotes.last { $0.jobs.contains(number) }
        try update(number) { job in
            guard job.state == .quoted, let quote else {
                throw Conflict(
                    field: "job",
                    "job \(number) is \(job.state.spoken); only a quoted job is approved or declined (Q-2)")
            }
            job.approval = Approval(approved: approved, by: by, at: at, method: method, quote: quote.version)
            job.state = approved ? .approved : .declined
        }
    }

    /// The shop foreman gives an approved job to a technician.
    public mutating func dispatch(job number: Int, to technician: String) throws {
        try requireEditable()
        try update(number) { job in
            guard job.isApproved, job.state != .qcPassed else {
                throw Conflict(
                    field: "job",
                    "job \(number) is \(job.state.spoken); only approved work is dispatched (Q-2)")
            }
            job.technician = technician
        }
    }

    /// Rule Q-2: no technician clocks on a job the customer has not approved. Several spells are allowed, one
    /// running per technician.
    public mutating func clockOn(job number: Int, technician: String, at: Date) throws {
        try requireEditable()
        try update(number) { job in
            guard [.approved, .inWork, .qcFailed].contains(job.state) else {
                throw Conflict(
                    field: "job",
                    "job \(number) is \(job.state.spoken): no work before the customer approves it (Q-2)")
            }
            if job.spells.contains(where: { $0.technician == technician && $0.end == nil }) {
                throw Conflict(field: "job", "\(technician) is already clocked on job \(number)")
            }
            job.spells.append(ClockSpell(technician: technician, start: at))
            job.state = .inWork
            if job.repairStart == nil { job.repairStart = at }
            if job.technician == nil { job.technician = technician }
        }
    }

    /// Ends the technician's running spell on a job.
    public mutating func clockOff(job number: Int, technician: String, at: Date) throws {
        try requireEditable()
        try update(number) { job in
            guard let index = job.spells.firstIndex(where: { $0.technician == technician && $0.end == nil }) else {
                throw Conflict(field: "job", "\(technician) is not clocked on job \(number)")
            }
            guard at >= job.spells[index].start else {
                throw InvalidInput(field: "at", "the spell cannot end before it started")
            }
            job.spells[index].end = at
        }
    }

    /// Rule Q-4: records a quality check of a job in work (every spell ended): passed, the job is done; failed, it
    /// goes back to the workshop with the reason.
    public mutating func recordCheck(job number: Int, _ check: QualityCheck) throws {
        try requireEditable()
        try update(number) { job in
            guard job.state == .inWork else {
                throw Conflict(
                    field: "job", "job \(number) is \(job.state.spoken); only work done is checked (Q-4)")
            }
            if let running = job.spells.first(where: { $0.end == nil }) {
                throw Conflict(
                    field: "job", "\(running.technician) is still clocked on job \(number); clock off first")
            }
            if check.passed {
                job.state = .qcPassed
                job.repairEnd = check.at
                job.qcFailure = nil
            } else {
                job.state = .qcFailed
                job.qcFailure = check.reason
            }
        }
        checks[number, default: []].append(check)
    }

    /// Rule Q-3: settles an order whose live jobs all passed their check: the invoice with totals per payer.
    public mutating func settle(invoice number: String, payment: PaymentMethod, vatPercent: Int, at: Date) throws {
        try requireEditable()
        let live = jobs.filter { $0.state != .declined }
        guard !live.isEmpty else {
            throw Conflict(field: "order", "order \(self.number) has no approved work to settle")
        }
        if let pending = live.first(where: { $0.state != .qcPassed }) {
            throw Conflict(
                field: "order",
                "job \(pending.number) is \(pending.state.spoken); settle once every approved job passed its check "
                    + "(Q-4)")
        }
        invoice = Invoice(number: number, at: at, totals: totals, payment: payment, vatPercent: vatPercent)
    }

    /// Delivers a settled order with the explanation given; the departure starts each job's guarantee.
    public mutating func deliver(at: Date, note: String?) throws {
        guard invoice != nil else {
            throw Conflict(field: "order", "order \(number) is \(state.spoken); settle it before delivery (A-6)")
        }
        guard deliveredAt == nil else {
            throw Conflict(field: "order", "order \(number) was already delivered")
        }
        deliveredAt = at
        deliveryNote = note?.trimmed().nilIfEmpty
    }
}

/// A warranty decision made for a line, with the component it was made for (W-3, W-8).
public struct WarrantyDecisionInput: Sendable {
    public var decision: WarrantyDecision
    public var component: String?

    public init(decision: WarrantyDecision, component: String?) {
        self.decision = decision
        self.component = component
    }
}
