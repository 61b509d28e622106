import Core
import DemoGenerator
import Foundation
import GRDB
import Storage
import WorkOrders

extension WorkOrderData {
    /// How many orders vehicle `id` had: `orders` spread over the vehicles exactly, with pairs of vehicles trading
    /// visits so some come often and some seldom.
    func orderCount(_ id: Int) -> Int {
        let base = orders / customers
        var count = base + (id - 1 < orders % customers ? 1 : 0)
        let pair = (id - 1) / 2
        guard pair * 2 + 2 <= customers else { return count }
        let shift = (pair &* 2_654_435_761) % (base + 1)
        count += id % 2 == 1 ? shift : -shift
        return count
    }

    /// Three years of repair orders, vehicle by vehicle (its visits in time order, its mileage rising): jobs and
    /// lines from the templates, about a tenth of the lines on warranty with the decision frozen as the use case
    /// freezes it, repeat repairs flagged as guarantee repairs and comebacks, the recall work that closed
    /// a recall, readings, quotes, invoices, maintenance visits, claims and revenue; today's orders still open.
    func writeOrders(_ db: AppDatabase) throws {
        let (warrantyDecision, recallDecision) = try db.writer.read { database in
            (
                try String.fetchOne(
                    database,
                    sql: "SELECT decision FROM work_order_line WHERE payer = 'warranty' AND bulletin IS NULL LIMIT 1"),
                try String.fetchOne(
                    database,
                    sql:
                        "SELECT decision FROM work_order_line WHERE payer = 'warranty' AND bulletin IS NOT NULL LIMIT 1"
                )
            )
        }
        let settings = try db.settings()
        let rate = Int(settings.labourRate.fen)
        let vat = settings.integer(.vatPercent)
        var random = SeededRandom(seed: 17)
        func roll(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        var perDay = [Int](repeating: 0, count: 1_100)
        perDay[0] = ready
        var orderID = try db.writer.read { try Int.fetchOne($0, sql: "SELECT max(id) FROM work_order") } ?? 0
        var claimID = try db.writer.read { try Int.fetchOne($0, sql: "SELECT max(id) FROM claim") } ?? 0
        var invoices = 0
        var lineCount = 0
        var warrantyLines = 0
        let dayStrings = (0..<1_100).map { today.adding(days: -$0) }
        let states: [WorkOrderState] = [.open, .quoted, .approved, .inWork, .inWork, .qcPassed]
        let payments = PaymentMethod.allCases.map(\.rawValue)
        let jobWeights = [45, 25, 15, 8, 5, 2]
        let plainTemplates = Array(0..<Self.recallTemplate)
        try chunked(db, customers, size: 100_000) { database, range in
            let order = try database.makeStatement(
                sql: """
                    INSERT INTO work_order (id, number, vehicle_id, customer_id, vin, advisor, state, arrived_at, \
                    mileage, fuel_percent, concerns, walk_around, return_old_parts, promised_at, invoice_number, \
                    settled_at, payment, vat_percent, vat_fen, customer_fen, warranty_fen, goodwill_fen, \
                    internal_fen, delivered_at, created_at, created_by) \
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', 0, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?)
                    """)
            let job = try database.makeStatement(
                sql: """
                    INSERT INTO work_order_job (order_id, number, title, kind, system, component, fault, finding, \
                    serious_safety, parts_replaced, special_parts_days, state, supplementary, approved, \
                    approved_by, approved_at, approval_method, approval_quote, technician, guarantee_of, \
                    comeback_of, guarantee_repairs) \
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let line = try database.makeStatement(
                sql: """
                    INSERT INTO work_order_line (order_id, number, job, kind, code, description, \
                    quantity_hundredths, unit_price_fen, amount_fen, payer, decision, component, bulletin, \
                    quoted_in) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let quote = try database.makeStatement(
                sql: """
                    INSERT INTO work_order_quote (order_id, version, at, by, jobs, customer_fen, warranty_fen, \
                    goodwill_fen, internal_fen, supplementary) VALUES (?, 1, ?, ?, ?, ?, ?, 0, 0, 0)
                    """)
            let reading = try database.makeStatement(
                sql: """
                    INSERT INTO mileage_reading (vehicle_id, kilometres, read_at, source, odometer_replaced) \
                    VALUES (?, ?, ?, ?, 0)
                    """)
            let visit = try database.makeStatement(
                sql: """
                    INSERT INTO maintenance_visit (vehicle_id, day, kilometres, independent, proof, created_at) \
                    VALUES (?, ?, ?, 0, ?, ?)
                    """)
            let claim = try database.makeStatement(
                sql: """
                    INSERT INTO claim (id, vehicle_id, mileage, failure, cause, repair_order, repair_line, status, \
                    decision, amount_fen, paid_fen, created_at, created_by, updated_at, bulletin_manufacturer, \
                    bulletin_number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let claimLine = try database.makeStatement(
                sql: """
                    INSERT INTO claim_line (claim_id, position, kind, code, quantity_hundredths, unit_price_fen, \
                    amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            let revenue = try database.makeStatement(
                sql: """
                    INSERT INTO customer_revenue (customer_id, day, amount_fen, source, reference, created_at) \
                    VALUES (?, ?, ?, 'work order', ?, ?)
                    """)
            for index in range {
                let id = index + 1
                let vin = vin(id).value
                let delivered = deliveredDaysAgo(id)
                let newest = id <= 2 * ready ? 1 : 0
                let oldest = max(newest, min(1_094, delivered - 1))
                let visits = (0..<orderCount(id)).map { _ in newest + roll(oldest - newest + 1) }.sorted(by: >)
                var previous: (number: String, daysAgo: Int, template: Int)?
                var recallDone = id > 2 * ready && id % 5 < 2 ? recall(id) : nil
                for daysAgo in visits {
                    orderID += 1
                    let day = dayStrings[daysAgo]
                    perDay[daysAgo] += 1
                    let suffix = String(perDay[daysAgo])
                    let number =
                        "RO-" + day.description.replacingOccurrences(of: "-", with: "") + "-"
                        + String(repeating: "0", count: max(0, 3 - suffix.count)) + suffix
                    let dayStart = todayStart.addingTimeInterval(Double(-daysAgo * 86_400))
                    let open = daysAgo == 0 ? max(60, Int(now.timeIntervalSince(dayStart)) - 8 * 3_600) : 10 * 3_600
                    let arrived = dayStart.addingTimeInterval(Double(8 * 3_600 + roll(open)))
                    let state: WorkOrderState
                    switch daysAgo {
                    case 0: state = states[roll(states.count)]
                    case 1: state = [.delivered, .delivered, .delivered, .delivered, .settled, .inWork][roll(6)]
                    default: state = .delivered
                    }
                    let settled = state == .settled || state == .delivered
                    let km = mileage(id, daysAgo: daysAgo)
                    let underWarranty = delivered - daysAgo < 3 * 365 && km < 100_000
                    // Jobs: the first often maintenance; a repeat within 30 days of the last visit redoes its job.
                    var templates: [Int] = []
                    var jobsWanted = 1
                    var pick = roll(100)
                    for (count, weight) in jobWeights.enumerated() {
                        if pick < weight {
                            jobsWanted = count + 1
                            break
                        }
                        pick -= weight
                    }
                    var repeatOf: String?
                    if let previous, previous.daysAgo - daysAgo <= 30, Self.templates[previous.template].warrantable,
                        roll(10) < 3
                    {
                        templates.append(previous.template)
                        repeatOf = previous.number
                    } else {
                        templates.append(roll(2) == 0 ? roll(2) : plainTemplates[roll(plainTemplates.count)])
                    }
                    while templates.count < jobsWanted { templates.append(2 + roll(plainTemplates.count - 2)) }
                    if recallDone != nil, daysAgo < 270 {
                        templates.append(Self.recallTemplate)
                        recallDone = nil
                    }
                    // Children are written after the order's row (foreign keys), its totals known.
                    var pendingJobs: [[(any DatabaseValueConvertible)?]] = []
                    var pendingLines: [[(any DatabaseValueConvertible)?]] = []
                    var pendingVisits: [[(any DatabaseValueConvertible)?]] = []
                    var customerFen = 0
                    var warrantyFen = 0
                    var lineNumber = 0
                    var claims:
                        [(job: Int, lines: [(kind: String, code: String, qh: Int, unit: Int)], bulletin: Bool)] =
                            []
                    let jobState = state == .settled || state == .delivered ? "qc-passed" : state.rawValue
                    let approved = settled || [.approved, .inWork, .qcPassed].contains(state)
                    for (position, templateIndex) in templates.enumerated() {
                        let template = Self.templates[templateIndex]
                        let jobNumber = position + 1
                        let isRecall = templateIndex == Self.recallTemplate
                        let warranty = isRecall || (template.warrantable && underWarranty && roll(100) < 55)
                        var claimLines: [(kind: String, code: String, qh: Int, unit: Int)] = []
                        let bulletin = isRecall ? Self.recallNumber(recall(id) ?? 0) : nil
                        var items: [(String, String, String, Int, Int)] = [
                            ("labour", template.labour.code, template.title, template.labour.centihours, rate)
                        ]
                        for part in template.parts {
                            let quantity = part.number == Self.oil.0 ? 400 : 100
                            items.append(("part", part.number, part.name, quantity, part.fen))
                        }
                        for (kind, code, description, qh, unit) in items {
                            lineNumber += 1
                            let amount = (qh * unit + 50) / 100
                            if warranty { warrantyFen += amount } else { customerFen += amount }
                            if warranty { claimLines.append((kind, code, qh, unit)) }
                            let decision: String? = warranty ? (isRecall ? recallDecision : warrantyDecision) : nil
                            let quoted: Int? = state == .open ? nil : 1
                            let lineArguments: [(any DatabaseValueConvertible)?] = [
                                orderID, lineNumber, jobNumber, kind, code, description, qh, unit, amount,
                                warranty ? "warranty" : "customer", decision, template.component, bulletin, quoted,
                            ]
                            pendingLines.append(lineArguments)
                        }
                        lineCount += items.count
                        if warranty { warrantyLines += items.count }
                        if warranty && settled { claims.append((jobNumber, claimLines, isRecall)) }
                        let repeats: String? = position == 0 ? repeatOf : nil
                        let comeback: String? = previous.map { $0.daysAgo - daysAgo <= 30 } == true ? repeats : nil
                        let replaced: String =
                            jobState == "qc-passed" && !template.parts.isEmpty
                            ? "[\"" + template.parts.map(\.number).joined(separator: "\",\"") + "\"]" : "[]"
                        let finding: String? = settled ? "已按规范完成" : nil
                        var jobArguments: [(any DatabaseValueConvertible)?] = [
                            orderID, jobNumber, template.title, template.kind.rawValue, template.system.rawValue,
                            template.component, template.title, finding, replaced, jobState,
                        ]
                        if approved {
                            jobArguments += [
                                true, "车主", Instant.databaseString(arrived.addingTimeInterval(1_200)), "signature", 1,
                                Self.technician,
                            ]
                        } else {
                            jobArguments += [nil, nil, nil, nil, nil, nil]
                        }
                        jobArguments += [repeats, comeback, repeats == nil ? 0 : 1]
                        pendingJobs.append(jobArguments)
                        if settled && template.kind.isMaintenance {
                            pendingVisits.append([id, day.description, km, number, Instant.databaseString(arrived)])
                        }
                    }
                    let arrivedText = Instant.databaseString(arrived)
                    var invoice: Invoice?
                    if settled {
                        invoices += 1
                        let digits = String(invoices)
                        invoice = Invoice(
                            number: "INV-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits,
                            at: arrived.addingTimeInterval(4 * 3_600),
                            totals: PayerTotals(
                                customer: Money(fen: Int64(customerFen)), warranty: Money(fen: Int64(warrantyFen))),
                            payment: PaymentMethod(rawValue: payments[roll(payments.count)])!, vatPercent: vat)
                    }
                    let concerns: String =
                        "[\"" + templates.map { Self.templates[$0].title }.joined(separator: "\",\"") + "\"]"
                    let deliveredAt: String? =
                        state == .delivered ? Instant.databaseString(arrived.addingTimeInterval(5 * 3_600)) : nil
                    let promised: String = Instant.databaseString(arrived.addingTimeInterval(6 * 3_600))
                    var orderArguments: [(any DatabaseValueConvertible)?] = [
                        orderID, number, id, id, vin, Self.advisor, state.rawValue, arrivedText, km, 20 + roll(80),
                        concerns, promised,
                    ]
                    if let invoice {
                        orderArguments += [
                            invoice.number, Instant.databaseString(invoice.at), invoice.payment.rawValue,
                            invoice.vatPercent, invoice.vat.fen,
                        ]
                    } else {
                        orderArguments += [nil, nil, nil, nil, nil]
                    }
                    orderArguments += [customerFen, warrantyFen, deliveredAt, arrivedText, Self.advisor]
                    try order.execute(arguments: StatementArguments(orderArguments))
                    for row in pendingJobs { try job.execute(arguments: StatementArguments(row)) }
                    for row in pendingLines { try line.execute(arguments: StatementArguments(row)) }
                    for row in pendingVisits { try visit.execute(arguments: StatementArguments(row)) }
                    if state != .open {
                        try quote.execute(arguments: [
                            orderID, Instant.databaseString(arrived.addingTimeInterval(900)), Self.advisor,
                            "[" + (1...templates.count).map { "\"\($0)\"" }.joined(separator: ",") + "]", customerFen,
                            warrantyFen,
                        ])
                    }
                    try reading.execute(arguments: [id, km, arrivedText, "repair order " + number])
                    for item in claims {
                        claimID += 1
                        let amount = item.lines.reduce(0) { $0 + ($1.qh * $1.unit + 50) / 100 }
                        let status = daysAgo > 60 ? "paid" : daysAgo > 7 ? "submitted" : "draft"
                        let at = Instant.databaseString(arrived.addingTimeInterval(4 * 3_600))
                        let recallNumber = Self.recallNumber(recall(id) ?? 0)
                        let repairLine = item.bulletin ? "\(item.job)/\(recallNumber)" : "\(item.job)"
                        let paid: Int? = status == "paid" ? amount : nil
                        let decision: String? = item.bulletin ? recallDecision : warrantyDecision
                        let manufacturer: String? = item.bulletin ? Self.manufacturer : nil
                        let bulletin: String? = item.bulletin ? recallNumber : nil
                        let claimArguments: [(any DatabaseValueConvertible)?] = [
                            claimID, id, km, Self.templates[templates[item.job - 1]].title, "已按规范完成", number,
                            repairLine, status, decision, amount, paid, at, Self.advisor, at, manufacturer, bulletin,
                        ]
                        try claim.execute(arguments: StatementArguments(claimArguments))
                        for (position, claimed) in item.lines.enumerated() {
                            try claimLine.execute(arguments: [
                                claimID, position + 1, claimed.kind, claimed.code, claimed.qh, claimed.unit,
                                (claimed.qh * claimed.unit + 50) / 100,
                            ])
                        }
                    }
                    if let invoice, customerFen > 0 {
                        try revenue.execute(arguments: [
                            id, day.description, customerFen, invoice.number, Instant.databaseString(invoice.at),
                        ])
                    }
                    previous = (number, daysAgo, templates[0])
                }
            }
        }
        print(
            String(
                format: "  %d lines (%.1f %% on warranty), %d invoices, %d claims", lineCount,
                100 * Double(warrantyLines) / Double(max(1, lineCount)), invoices, claimID))
    }
}
