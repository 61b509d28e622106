import Core
import Foundation
import GRDB
import StorageKernel
import Warranty
import WorkOrders

// A repair order's rows to its value and back, by named columns. The value is the unit the rules change
// (`WorkOrder`'s methods); `store` writes it whole: the order's row, and its jobs, lines, quotes, spells and checks
// rewritten (the children are the order's own; the order row itself is never deleted, L-10).
extension WorkOrder {
    static func strings(_ text: String?) -> [String] {
        guard let text, let data = text.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([String].self, from: data)) ?? []
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONFormat.encoder(pretty: false)
        encoder.userInfo[.storesPhrases] = true
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }

    /// The order numbered `number` with everything it holds, or `NotFound` naming it.
    static func load(_ db: Database, number: String) throws -> WorkOrder {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(sql: "SELECT * FROM work_order WHERE number = ?"), arguments: [number.trimmed()])
        else {
            throw NotFound("repair order", number, field: "order")
        }
        return try load(db, row: row)
    }

    static func load(_ db: Database, row: Row) throws -> WorkOrder {
        let id: Int64 = row["id"]
        var order = WorkOrder(
            id: id, number: row["number"], vin: try VIN.parse(row["vin"] as String), advisor: row["advisor"],
            reception: Reception(
                arrivedAt: row["arrived_at"], mileage: row["mileage"], fuelPercent: row["fuel_percent"],
                concerns: strings(row["concerns"]), walkAround: strings(row["walk_around"]),
                returnOldParts: row["return_old_parts"], promisedAt: row["promised_at"]),
            deliveredAt: row["delivered_at"], deliveryNote: row["delivery_note"], delayReason: row["delay_reason"])
        if let invoice: String = row["invoice_number"] {
            order.invoice = Invoice(
                number: invoice, at: row["settled_at"], totals: totals(row),
                payment: PaymentMethod(rawValue: row["payment"]) ?? .cash, vatPercent: row["vat_percent"])
        }
        let spells = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM work_order_spell WHERE order_id = ? ORDER BY id"), arguments: [id])
        order.jobs = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM work_order_job WHERE order_id = ? ORDER BY number"),
            arguments: [id]
        ).map { job in
            let number: Int = job["number"]
            var approval: Approval?
            if let approved: Bool = job["approved"] {
                approval = Approval(
                    approved: approved, by: job["approved_by"], at: job["approved_at"],
                    method: ApprovalMethod(rawValue: job["approval_method"]) ?? .signature,
                    quote: job["approval_quote"])
            }
            return Job(
                number: number, title: job["title"], kind: JobKind(rawValue: job["kind"]) ?? .minorRepair,
                system: VehicleSystem(rawValue: job["system"]) ?? .other, component: job["component"],
                fault: job["fault"], finding: job["finding"], seriousSafetyFault: job["serious_safety"],
                partsReplaced: strings(job["parts_replaced"]), repairStart: job["repair_start"],
                repairEnd: job["repair_end"], specialPartsWaitingDays: job["special_parts_days"],
                state: JobState(rawValue: job["state"]) ?? .open, supplementary: job["supplementary"],
                approval: approval, technician: job["technician"],
                spells: spells.filter { ($0["job"] as Int) == number }.map {
                    ClockSpell(technician: $0["technician"], start: $0["start"], end: $0["end"])
                },
                qcFailure: job["qc_failure"], guaranteeOf: job["guarantee_of"], comebackOf: job["comeback_of"],
                guaranteeRepairs: job["guarantee_repairs"])
        }
        order.lines = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM work_order_line WHERE order_id = ? ORDER BY number"),
            arguments: [id]
        ).map { line in
            WorkOrderLine(
                number: line["number"], job: line["job"], kind: LineKind(rawValue: line["kind"]) ?? .other,
                code: line["code"], description: line["description"],
                quantityHundredths: line["quantity_hundredths"], unitPrice: Money(fen: line["unit_price_fen"]),
                payer: Payer(rawValue: line["payer"]) ?? .customer, reason: line["reason"],
                decision: (line["decision"] as String?).flatMap {
                    try? JSONDecoder().decode(WarrantyDecision.self, from: Data($0.utf8))
                },
                component: line["component"], bulletin: line["bulletin"], quotedIn: line["quoted_in"])
        }
        try AppDatabase.loadIssuesAndCredits(db, into: &order)
        order.quotes = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM work_order_quote WHERE order_id = ? ORDER BY version"),
            arguments: [id]
        ).map {
            Quote(
                version: $0["version"], at: $0["at"], by: $0["by"],
                jobs: strings($0["jobs"]).compactMap { Int($0) }, totals: totals($0),
                supplementary: $0["supplementary"])
        }
        for check in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM work_order_check WHERE order_id = ? ORDER BY id"), arguments: [id])
        {
            let value = try QualityCheck(
                failed: strings(check["failed"]).compactMap { QualityCheckItem(rawValue: $0) },
                roadTestKilometres: check["road_test_km"], reason: check["reason"], by: check["by"], at: check["at"])
            order.checks[check["job"] as Int, default: []].append(value)
        }
        return order
    }

    static func totals(_ row: Row) -> PayerTotals {
        PayerTotals(
            customer: Money(fen: row["customer_fen"]), warranty: Money(fen: row["warranty_fen"]),
            goodwill: Money(fen: row["goodwill_fen"]), internal: Money(fen: row["internal_fen"]))
    }

    /// Writes the order whole: its row (inserted when it has no id) and its children.
    mutating func store(_ db: Database, vehicleID: Int64?, customerID: Int64?, now: Date, actor: String) throws {
        let totals = invoice?.totals ?? self.totals
        // The report's figures of a settled order (kept on its row, summed by the report's covering index).
        let figures = invoice == nil ? nil : SettledOrderFigures(self)
        let columns: [String: (any DatabaseValueConvertible)?] = [
            "number": number, "vin": vin.value, "advisor": advisor, "state": state.rawValue,
            "arrived_at": reception.arrivedAt, "mileage": reception.mileage, "fuel_percent": reception.fuelPercent,
            "concerns": Self.json(reception.concerns), "walk_around": Self.json(reception.walkAround),
            "return_old_parts": reception.returnOldParts, "promised_at": reception.promisedAt,
            "delay_reason": delayReason, "invoice_number": invoice?.number, "settled_at": invoice?.at,
            "payment": invoice?.payment.rawValue, "vat_percent": invoice?.vatPercent, "vat_fen": invoice?.vat.fen,
            "customer_fen": totals.customer.fen, "warranty_fen": totals.warranty.fen,
            "goodwill_fen": totals.goodwill.fen, "internal_fen": totals.internal.fen, "delivered_at": deliveredAt,
            "delivery_note": deliveryNote,
            "report_sold_centihours": figures?.soldCentihours, "report_labour_fen": figures?.labourFen,
            "report_declined_fen": figures?.declinedFen, "report_bulletins": figures?.bulletinsCompleted,
            "report_guarantee_jobs": figures?.guaranteeRepairs, "report_comeback": figures?.comeback,
            "report_first_time_fixed": figures?.firstTimeFixed,
        ]
        let names = columns.keys.sorted()
        if let id {
            try db.execute(
                sql: "UPDATE work_order SET \(names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                arguments: StatementArguments(names.map { columns[$0]! } + [id]))
            for table in [
                "work_order_job", "work_order_line", "work_order_quote", "work_order_spell", "work_order_check",
            ] {
                try db.cachedStatement(sql: "DELETE FROM \(table) WHERE order_id = ?").execute(arguments: [id])
            }
        } else {
            let all = names + ["vehicle_id", "customer_id", "created_at", "created_by"]
            try db.execute(
                sql: "INSERT INTO work_order (\(all.joined(separator: ", "))) VALUES "
                    + "(\(Array(repeating: "?", count: all.count).joined(separator: ", ")))",
                arguments: StatementArguments(names.map { columns[$0]! } + [vehicleID, customerID, now, actor]))
            id = db.lastInsertedRowID
        }
        for job in jobs {
            try db.cachedStatement(
                sql: """
                    INSERT INTO work_order_job (order_id, number, title, kind, system, component, fault, finding, \
                    serious_safety, parts_replaced, repair_start, repair_end, special_parts_days, state, \
                    supplementary, approved, approved_by, approved_at, approval_method, approval_quote, technician, \
                    qc_failure, guarantee_of, comeback_of, guarantee_repairs) \
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                id, job.number, job.title, job.kind.rawValue, job.system.rawValue, job.component, job.fault,
                job.finding, job.seriousSafetyFault, Self.json(job.partsReplaced), job.repairStart,
                job.repairEnd, job.specialPartsWaitingDays, job.state.rawValue, job.supplementary,
                job.approval?.approved, job.approval?.by, job.approval?.at, job.approval?.method.rawValue,
                job.approval?.quote, job.technician, job.qcFailure, job.guaranteeOf, job.comebackOf,
                job.guaranteeRepairs,
            ])
            for spell in job.spells {
                try db.cachedStatement(
                    sql: "INSERT INTO work_order_spell (order_id, job, technician, start, end) VALUES (?, ?, ?, ?, ?)"
                ).execute(arguments: [id, job.number, spell.technician, spell.start, spell.end])
            }
        }
        for line in lines {
            try db.cachedStatement(
                sql: """
                    INSERT INTO work_order_line (order_id, number, job, kind, code, description, \
                    quantity_hundredths, unit_price_fen, amount_fen, payer, reason, decision, component, bulletin, \
                    quoted_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                id, line.number, line.job, line.kind.rawValue, line.code, line.description,
                line.quantityHundredths, line.unitPrice.fen, line.amount.fen, line.payer.rawValue, line.reason,
                line.decision.map { Self.json($0) }, line.component, line.bulletin, line.quotedIn,
            ])
        }
        for quote in quotes {
            try db.cachedStatement(
                sql: """
                    INSERT INTO work_order_quote (order_id, version, at, by, jobs, customer_fen, warranty_fen, \
                    goodwill_fen, internal_fen, supplementary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [
                id, quote.version, quote.at, quote.by, Self.json(quote.jobs.map(String.init)),
                quote.totals.customer.fen, quote.totals.warranty.fen, quote.totals.goodwill.fen,
                quote.totals.internal.fen, quote.supplementary,
            ])
        }
        for (job, checks) in self.checks.sorted(by: { $0.key < $1.key }) {
            for check in checks {
                try db.cachedStatement(
                    sql: """
                        INSERT INTO work_order_check (order_id, job, failed, road_test_km, reason, by, at) \
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(arguments: [
                    id, job, Self.json(check.failed.map(\.rawValue)), check.roadTestKilometres, check.reason,
                    check.by, check.at,
                ])
            }
        }
    }

    /// The fields the audit log compares before and after a change.
    var auditFields: [String: String?] {
        [
            "state": state.rawValue, "jobs": jobs.map { "\($0.number) \($0.state.rawValue)" }.joined(separator: "; "),
            "lines": lines.map {
                "\($0.number) job \($0.job) \($0.kind.rawValue) \($0.code) \($0.amount.plain) \($0.payer.rawValue)"
            }.joined(separator: "; "),
            "quotes": quotes.isEmpty ? nil : String(quotes.count), "total": totals.total.plain,
            "invoice": invoice?.number, "delivered_at": deliveredAt.map(Instant.utcString),
            "delay_reason": delayReason,
        ]
    }
}
