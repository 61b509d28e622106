import Campaigns
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import StorageKernel

/// A saved segment (M-2).
public struct Segment: Codable, Sendable, Equatable {
    public var name: String
    public var filter: String
    public var description: String?
    public var createdAt: Date
    public var createdBy: String
}

/// How many customers a segment holds now, and how many of them each channel can reach (M-2, M-3).
public struct SegmentPreview: Codable, Sendable, Equatable {
    public struct Channel: Codable, Sendable, Equatable {
        public var channel: MessageChannel
        public var withAddress: Int
        public var optedIn: Int
        public var optedOut: Int
    }

    public var filter: String
    public var customers: Int
    public var vehicles: Int
    public var channels: [Channel]
    /// A few of them, for a look.
    public var sample: [String]
}

/// What a campaign run did (M-2, M-3): the counts at each step.
public struct CampaignRun: Codable, Sendable, Equatable {
    public var campaign: String
    public var counts: CampaignRunCounts
}

extension AppDatabase {
    /// Rule M-2: saves a segment under a name; the filter is checked first (its errors give the column).
    public func createSegment(name: String, filter: String, description: String?, actor: String) throws -> Segment {
        let key = name.trimmed()
        guard !key.isEmpty else { throw InvalidInput(field: "name", "give the segment a name") }
        _ = try SegmentExpression.parse(filter)
        return try writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM segment WHERE name = ?", arguments: [key]) == true {
                throw Conflict(field: "name", "segment \(key) exists already")
            }
            let now = clock.now()
            try db.execute(
                sql: "INSERT INTO segment (name, filter, description, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                arguments: [key, filter.trimmed(), description?.trimmed().nilIfEmpty, now, actor])
            try Audit.record(
                db, at: now, actor: actor, entity: "segment", id: key, action: "create",
                after: ["filter": filter.trimmed()])
            return Segment(
                name: key, filter: filter.trimmed(), description: description?.trimmed().nilIfEmpty, createdAt: now,
                createdBy: actor)
        }
    }

    public func segments() throws -> [Segment] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM segment WHERE retired_at IS NULL ORDER BY name").map(Self.segment)
        }
    }

    public func segment(named name: String) throws -> Segment {
        try writer.read { db in try Self.segment(db, name) }
    }

    package static func segment(_ db: Database, _ name: String) throws -> Segment {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM segment WHERE name = ?", arguments: [name]) else {
            throw NotFound("segment", name, field: "segment")
        }
        return segment(row)
    }

    package static func segment(_ row: Row) -> Segment {
        Segment(
            name: row["name"], filter: row["filter"], description: row["description"], createdAt: row["created_at"],
            createdBy: row["created_by"])
    }

    /// Rule M-2: who a segment (or a filter not yet saved) holds now, and whom each channel can reach.
    public func previewSegment(filter: String) throws -> SegmentPreview {
        let expression = try SegmentExpression.parse(filter)
        return try writer.read { db in
            let zone = try Self.settings(db).timeZone
            let today = LocalDate(instant: clock.now(), in: zone)
            var customers = Set<Int64>()
            var vehicles = 0
            var reach: [MessageChannel: (Int, Int, Int)] = [:]
            var sample: [String] = []
            try Self.forEachCustomerFacts(
                db, needs: FactNeeds(fields: expression.fields).union(.consent), channel: nil, zone: zone,
                matching: { facts in
                    expression.matches(
                        facts, today: today, openBulletin: { Self.hasOpenBulletin(db, vin: facts.vin, kind: $0) })
                }
            ) { facts in
                if facts.vin != nil { vehicles += 1 }
                guard customers.insert(facts.customerID.rawValue).inserted else { return }
                if sample.count < 5 { sample.append("\(facts.name) (\(facts.customerID))") }
                for channel in MessageChannel.allCases {
                    var counts = reach[channel] ?? (0, 0, 0)
                    if facts.recipient(channel) != nil { counts.0 += 1 }
                    if facts.consent[channel] == .optIn { counts.1 += 1 }
                    if facts.consent[channel] == .optOut { counts.2 += 1 }
                    reach[channel] = counts
                }
            }
            return SegmentPreview(
                filter: filter.trimmed(), customers: customers.count, vehicles: vehicles,
                channels: MessageChannel.allCases.map {
                    let c = reach[$0] ?? (0, 0, 0)
                    return SegmentPreview.Channel(channel: $0, withAddress: c.0, optedIn: c.1, optedOut: c.2)
                }, sample: sample)
        }
    }

    /// Rule M-2: a campaign on a saved segment, channel, category and template; the template's fields are
    /// checked against the personal fields.
    public func createCampaign(
        name: String, segment: String, channel: MessageChannel, category: MessageCategory, subject: String?,
        template: String, responseWindowDays: Int? = nil, actor: String
    ) throws -> Campaign {
        let key = name.trimmed()
        guard !key.isEmpty else { throw InvalidInput(field: "name", "give the campaign a name") }
        _ = try PersonalFields.campaignTemplate(template)
        if channel == .email, (subject ?? "").trimmed().isEmpty {
            throw InvalidInput(field: "subject", "an e-mail campaign needs a subject")
        }
        if let subject { _ = try PersonalFields.campaignTemplate(subject, field: "subject") }
        return try writer.write { db in
            _ = try Self.segment(db, segment)
            try Self.refuseRetired(db, .segment, segment)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM campaign WHERE name = ?", arguments: [key]) == true {
                throw Conflict(field: "name", "campaign \(key) exists already")
            }
            let now = clock.now()
            let window = try responseWindowDays ?? Self.settings(db).integer(.responseWindowDays)
            guard (1...365).contains(window) else {
                throw InvalidInput(field: "response-window", "expected 1 to 365 days")
            }
            try db.execute(
                sql: """
                    INSERT INTO campaign (name, segment, channel, category, subject, template, response_window_days, \
                    created_at, created_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key, segment, channel, category, subject?.trimmed().nilIfEmpty, template, window, now, actor,
                ])
            let campaign = Campaign(
                id: db.lastInsertedRowID, name: key, segment: segment, channel: channel, category: category,
                subject: subject?.trimmed().nilIfEmpty, template: template, responseWindowDays: window, createdAt: now,
                createdBy: actor)
            try Audit.record(
                db, at: now, actor: actor, entity: "campaign", id: key, action: "create",
                after: ["segment": segment, "channel": channel.rawValue, "category": category.rawValue])
            return campaign
        }
    }

    public func campaigns() throws -> [Campaign] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM campaign WHERE retired_at IS NULL ORDER BY id").map(Self.campaign)
        }
    }

    public func campaign(named name: String) throws -> Campaign {
        try writer.read { db in try Self.campaign(db, name) }
    }

    package static func campaign(_ db: Database, _ name: String) throws -> Campaign {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM campaign WHERE name = ?", arguments: [name]) else {
            throw NotFound("campaign", name, field: "campaign")
        }
        return campaign(row)
    }

    package static func campaign(_ row: Row) -> Campaign {
        Campaign(
            id: row["id"], name: row["name"], segment: row["segment"], channel: row["channel"],
            category: row["category"], subject: row["subject"],
            template: row["template"], responseWindowDays: row["response_window_days"], createdAt: row["created_at"],
            createdBy: row["created_by"])
    }

    /// A test render for one customer (their first vehicle): the text, or an error naming the field the
    /// customer's data lacks.
    public func renderCampaign(_ name: String, customer: Customer.ID) throws -> (subject: String?, body: String) {
        try writer.read { db in
            let campaign = try Self.campaign(db, name)
            _ = try Self.fetchCustomer(db, id: customer)
            let settings = try Self.settings(db)
            let template = try MessageTemplate(campaign.template, known: PersonalFields.names)
            let subject = try campaign.subject.map {
                try MessageTemplate($0, known: PersonalFields.names, field: "subject")
            }
            var found: CustomerFacts?
            try Self.forEachCustomerFacts(
                db, needs: FactNeeds(fields: [], templateFields: Set(template.fields.map(\.name))),
                channel: campaign.channel,
                zone: settings.timeZone
            ) { facts in
                if found == nil, facts.customerID == customer { found = facts }
            }
            let values = PersonalFields.values(found!, dealer: settings.text(.dealerName))
            return (try subject?.render(values, field: "subject"), try template.render(values))
        }
    }

    /// Rule M-2/M-3: select → judge (`MessageJudge`: consent, address, duplicate recipient, the SMS cap, a
    /// field the template needs) → queue, or suppress with the reason, in one transaction. Customers already
    /// queued for the campaign are skipped (one message per customer and campaign, however often it runs);
    /// suppressed ones are judged again. A dry run counts the same steps and writes nothing.
    public func runCampaign(_ name: String, dryRun: Bool = false, actor: String) throws -> CampaignRun {
        try writer.write { db in
            let campaign = try Self.campaign(db, name)
            try Self.refuseRetired(db, .campaign, name)
            let segment = try Self.segment(db, campaign.segment)
            let expression = try SegmentExpression.parse(segment.filter)
            let template = try MessageTemplate(campaign.template, known: PersonalFields.names)
            let subject = try campaign.subject.map {
                try MessageTemplate($0, known: PersonalFields.names, field: "subject")
            }
            let settings = try Self.settings(db)
            let now = clock.now()
            let today = LocalDate(instant: now, in: settings.timeZone)
            let cap = FrequencyCap(settings: settings)
            let dealer = settings.text(.dealerName)
            var counts = CampaignRunCounts()
            counts.dryRun = dryRun

            // Who is already in this campaign's outbox: queued, sent or failed customers are never queued again.
            let done = Set(
                try Int64.fetchAll(
                    db, sql: "SELECT customer_id FROM outbox WHERE campaign_id = ? AND state != 'suppressed'",
                    arguments: [campaign.id]))
            var recipients = Set(
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT recipient FROM outbox WHERE campaign_id = ? AND state != 'suppressed' AND recipient "
                        + "IS NOT NULL",
                    arguments: [campaign.id]))
            // M-3: the cap counts a customer's marketing SMS queued and sent in its window.
            let capped = FrequencyCap.applies(to: campaign.category, channel: campaign.channel)
            var capCounts = try capped ? Self.marketingSMSCounts(db, since: cap.windowStart(before: now)) : [:]
            let outbox = try OutboxWriter(db, now: now)
            let needs = FactNeeds(fields: expression.fields, templateFields: Set(template.fields.map(\.name)))
            func write(
                customer: Int64, name: String, _ state: MessageState, reason: String?, recipient: String?,
                subject: String?, body: String
            ) throws {
                guard !dryRun else { return }
                try outbox.write(
                    db, customer: customer, campaign: campaign.id, source: .campaign,
                    key: "campaign:\(campaign.id!):\(customer)", channel: campaign.channel,
                    category: campaign.category, recipient: recipient, name: name, subject: subject,
                    body: body, state: state, reason: reason)
            }
            // M-3 in one place: the judge, asked as the reminders run and delivery ask it.
            func judge(_ facts: CustomerFacts) throws {
                let id = facts.customerID.rawValue
                let recipient = facts.recipient(campaign.channel)
                let message = MessageJudge.Message(
                    channel: campaign.channel, category: campaign.category,
                    consent: facts.consent[campaign.channel], recipient: recipient,
                    alreadyTargeted: recipient.map(recipients.contains) ?? false,
                    counted: capCounts[id] ?? 0)
                let verdict = try MessageJudge.judge(message, cap: cap) {
                    let values = PersonalFields.values(facts, dealer: dealer)
                    return try PersonalFields.personalise(
                        template, subject: subject, values: values,
                        category: campaign.category)
                }
                switch verdict {
                case .suppress(let reason):
                    counts.suppress(reason)
                    try write(
                        customer: id, name: facts.name, .suppressed, reason: reason.stored, recipient: recipient,
                        subject: nil, body: "")
                case .queue(let body, let title, let degraded):
                    if !degraded.isEmpty { counts.degraded += 1 }
                    counts.rendered += 1
                    if let recipient { recipients.insert(recipient) }
                    if capped { capCounts[id, default: 0] += 1 }
                    try write(
                        customer: id, name: facts.name, .queued, reason: nil, recipient: recipient,
                        subject: title, body: body)
                    counts.queued += 1
                }
            }
            // One message per customer: the first of their vehicles that matches. A database file is read beside the
            // writing (a reader connection on another core); an in-memory one within the transaction.
            let selection = CampaignSelection(
                expression: expression, done: done, today: today, needs: needs, channel: campaign.channel,
                zone: settings.timeZone)
            let tally =
                try (writer as? DatabasePool).map { try selection.scanBeside($0, judge) } ?? selection.scan(db, judge)
            counts.selected = tally.selected
            counts.alreadyQueued = tally.alreadyQueued
            if !dryRun {
                try Audit.record(
                    db, at: now, actor: actor, entity: "campaign", id: campaign.name, action: "run",
                    after: [
                        "selected": String(counts.selected), "queued": String(counts.queued),
                        "suppressed": String(counts.suppressedTotal),
                        "already_queued": String(counts.alreadyQueued),
                    ])
            }
            return CampaignRun(campaign: campaign.name, counts: counts)
        }
    }

    /// Rule M-4: reach, suppression (per reason), delivery, responses and conversion of a campaign.
    public func campaignReport(_ name: String) throws -> CampaignReport {
        try writer.read { db in
            let campaign = try Self.campaign(db, name)
            var states: [String: Int] = [:]
            var suppressed: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT state, reason, count(*) AS messages FROM outbox WHERE campaign_id = ? GROUP BY state, reason
                    """, arguments: [campaign.id])
            {
                let state: String = row["state"]
                let count: Int = row["messages"]
                states[state, default: 0] += count
                if state == MessageState.suppressed.rawValue {
                    let code = (row["reason"] as String?).flatMap(SuppressionReason.Code.init(stored:))
                    let reason = code?.rawValue ?? "unknown"
                    suppressed[reason, default: 0] += count
                }
            }
            var responses: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, count(*) AS responses FROM campaign_response WHERE campaign_id = ? GROUP BY kind
                    """, arguments: [campaign.id])
            {
                responses[row["kind"]] = row["responses"]
            }
            let converted =
                try Int.fetchOne(
                    db,
                    sql:
                        "SELECT count(DISTINCT customer_id) FROM campaign_response WHERE campaign_id = ? AND kind IN "
                        + "('appointment', 'visit')",
                    arguments: [campaign.id]) ?? 0
            let queued = states["queued"] ?? 0
            let sent = states["sent"] ?? 0
            let failed = states["failed"] ?? 0
            return CampaignReport(
                campaign: campaign.name, channel: campaign.channel, category: campaign.category,
                reach: queued + sent + failed,
                queued: queued, sent: sent, failed: failed, suppressed: suppressed, responses: responses,
                converted: converted)
        }
    }
}
