import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import StorageKernel

/// Which outbox messages to list.
public struct OutboxFilter: Sendable {
    public var state: MessageState?
    public var channel: MessageChannel?
    public var campaign: String?
    public var customer: Customer.ID?
    public var limit: Int
    public var offset: Int

    public init(
        state: MessageState? = nil, channel: MessageChannel? = nil, campaign: String? = nil,
        customer: Customer.ID? = nil, limit: Int = 100, offset: Int = 0
    ) {
        self.state = state
        self.channel = channel
        self.campaign = campaign
        self.customer = customer
        self.limit = limit
        self.offset = offset
    }
}

/// Which queued messages a delivery or a cancel takes: one campaign's, the reminders', one category's (alone or
/// with one of the others), or all of them. Nothing is taken by default: a caller says which.
public struct OutboxSelection: Sendable, Equatable {
    public var campaign: String?
    public var remindersOnly: Bool
    public var category: MessageCategory?
    public var everything: Bool

    public init(
        campaign: String? = nil, remindersOnly: Bool = false, category: MessageCategory? = nil, everything: Bool = false
    ) {
        self.campaign = campaign
        self.remindersOnly = remindersOnly
        self.category = category
        self.everything = everything
    }

    /// Every queued message of the channel.
    public static let all = OutboxSelection(everything: true)

    /// A problem naming the options when the selection says nothing, or says two things at once.
    public func validate() throws {
        if everything, campaign != nil || remindersOnly || category != nil {
            throw InvalidInput(
                field: "all", "--all stands alone; drop --campaign, --reminders and --category, or drop --all")
        }
        if campaign != nil, remindersOnly {
            throw InvalidInput(field: "reminders", "give --campaign or --reminders, not both")
        }
        if !everything, campaign == nil, !remindersOnly, category == nil {
            throw InvalidInput(
                field: "campaign", "say which messages: --campaign NAME, --reminders, --category CATEGORY or --all")
        }
    }

    /// The SQL condition on `outbox` (no alias) and its arguments; an unknown campaign is not found.
    package func condition(_ db: Database) throws -> (sql: String, arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let campaign {
            conditions.append("campaign_id = ?")
            arguments += [try AppDatabase.campaign(db, campaign).id]
        }
        if remindersOnly { conditions.append("source = 'reminder'") }
        if let category {
            conditions.append("category = ?")
            arguments += [category]
        }
        return (conditions.isEmpty ? "1" : conditions.joined(separator: " AND "), arguments)
    }
}

/// What `outbox cancel` did.
public struct OutboxCancellation: Codable, Sendable, Equatable {
    public var cancelled: Int
    /// Messages of the selection a delivery has in flight: left to it (they may already be in its output).
    public var inFlight: Int
}

/// What delivery needs from the settings.
public struct DeliverySettings: Sendable {
    public var dealerName: String
    public var fromAddress: String
    public var unsubscribeURL: String?
    public var smsSuffix: String?
    public var timeZone: TimeZone
    /// The domain of the sender address: it names the Message-IDs.
    public var domain: String { String(fromAddress.split(separator: "@").last ?? "dealer.invalid") }
    /// How long an unsubscribe link stays valid.
    public var unsubscribeDays: Int

    package init(_ settings: DealerSettings) {
        self.init(
            dealerName: settings.text(.dealerName), fromAddress: settings.text(.fromAddress),
            unsubscribeURL: settings.text(.unsubscribeURL).nilIfEmpty,
            smsSuffix: settings.text(.smsSuffix).nilIfEmpty, timeZone: settings.timeZone,
            unsubscribeDays: settings.integer(.unsubscribeDays))
    }

    package init(
        dealerName: String, fromAddress: String, unsubscribeURL: String?, smsSuffix: String?, timeZone: TimeZone,
        unsubscribeDays: Int
    ) {
        self.dealerName = dealerName
        self.fromAddress = fromAddress
        self.unsubscribeURL = unsubscribeURL
        self.smsSuffix = smsSuffix
        self.timeZone = timeZone
        self.unsubscribeDays = unsubscribeDays
    }
}

/// A message cleared for delivery, with its stable Message-ID and signed unsubscribe token.
public struct DeliverableMessage: Sendable {
    public var message: OutboxMessage
    public var messageID: String
    public var unsubscribeToken: String
}

/// The next messages to deliver, and how many queued ones M-3 stopped at delivery time.
public struct DeliveryBatch: Sendable {
    public var messages: [DeliverableMessage]
    /// Queued messages looked at (0: the queue of the channel is empty).
    public var examined: Int
    public var suppressed: Int
}

/// A delivery batch in flight: where the output stood before it, and which messages it holds.
public struct DeliveryCheckpoint: Sendable, Equatable {
    public var position: Int64
    public var ids: [Int64]
}

/// What feeding back a results file did: each line applied or rejected with its line number.
public struct DeliveryResults: Codable, Sendable {
    public var applied: Int
    public var unchanged: Int
    public var rejected: [String]
}

/// Queues outbox messages, or records them as suppressed, by their source key: a key already queued, sent or
/// failed is left as it is (nothing is ever queued twice); a suppressed one is judged again.
package struct OutboxWriter {
    package let statement: RawStatement
    package let queuedAt: String

    package init(_ db: Database, now: Date) throws {
        statement = try RawStatement(
            db,
            """
            INSERT INTO outbox (customer_id, campaign_id, source, source_key, channel, category, recipient, \
            recipient_name, subject, body, state, reason, queued_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(source_key) DO UPDATE SET recipient = excluded.recipient, subject = excluded.subject, body = \
            excluded.body,
                state = excluded.state, reason = excluded.reason, queued_at = excluded.queued_at WHERE outbox.state = \
            'suppressed'
            """)
        queuedAt = Instant.databaseString(now)
    }

    package func write(
        _ db: Database, customer: Int64, campaign: Int64?, source: MessageSource, key: String, channel: MessageChannel,
        category: MessageCategory,
        recipient: String?, name: String, subject: String?, body: String, state: MessageState, reason: String?
    ) throws {
        statement.bind(1, customer)
        statement.bind(2, campaign)
        statement.bind(3, source.rawValue)
        statement.bind(4, key)
        statement.bind(5, channel.rawValue)
        statement.bind(6, category.rawValue)
        statement.bind(7, recipient)
        statement.bind(8, name)
        statement.bind(9, subject)
        statement.bind(10, body)
        statement.bind(11, state.rawValue)
        statement.bind(12, reason)
        statement.bind(13, queuedAt)
        try statement.run(db)
    }
}

extension AppDatabase {
    /// Rule M-3: each customer's marketing SMS queued or sent since `since` (the start of the cap window), as a
    /// campaign or reminders run counts them when it queues.
    package static func marketingSMSCounts(_ db: Database, since: Date) throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT customer_id, count(*) AS messages FROM outbox
                WHERE channel = 'sms' AND category = 'marketing' AND state IN ('queued', 'sent')
                AND coalesce(sent_at, queued_at) >= ?
                GROUP BY customer_id
                """, arguments: [since])
        { counts[row["customer_id"]] = row["messages"] }
        return counts
    }

    /// Outbox messages, newest first.
    public func outbox(_ filter: OutboxFilter = OutboxFilter()) throws -> Page<OutboxMessage> {
        try writer.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let state = filter.state {
                conditions.append("o.state = ?")
                arguments += [state]
            }
            if let channel = filter.channel {
                conditions.append("o.channel = ?")
                arguments += [channel]
            }
            if let campaign = filter.campaign {
                conditions.append("o.campaign_id = ?")
                arguments += [try Self.campaign(db, campaign).id]
            }
            if let customer = filter.customer {
                conditions.append("o.customer_id = ?")
                arguments += [customer]
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox o \(whereClause)", arguments: arguments) ?? 0
            let items = try Row.fetchAll(
                db, sql: "SELECT * FROM outbox o \(whereClause) ORDER BY o.id DESC LIMIT ? OFFSET ?",
                arguments: arguments + [filter.limit, filter.offset]
            ).map(OutboxMessage.init(row:))
            return Page(items: items, total: total, limit: filter.limit, offset: filter.offset)
        }
    }

    /// Counts of the outbox by channel and state, with suppressions by reason (M-3: every suppression counted).
    public func outboxCounts() throws -> [String: Int] {
        try writer.read { db in
            var counts: [String: Int] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT channel, state, reason, count(*) AS messages FROM outbox GROUP BY channel, state, reason
                    """)
            {
                let channel: String = row["channel"]
                let state: String = row["state"]
                let count: Int = row["messages"]
                counts["\(channel) \(state)", default: 0] += count
                if state == "suppressed", let reason: String = row["reason"] {
                    let code = SuppressionReason.Code(stored: reason)?.rawValue ?? reason
                    counts["\(channel) suppressed: \(code)", default: 0] += count
                }
            }
            return counts
        }
    }

    public func deliverySettings() throws -> DeliverySettings { DeliverySettings(try settings()) }

    /// The batch a killed delivery to `output` left behind, if any.
    public func deliveryCheckpoint(output: String) throws -> DeliveryCheckpoint? {
        try writer.read { db in
            try Row.fetchOne(
                db, sql: "SELECT position, ids FROM delivery_checkpoint WHERE output = ?", arguments: [output]
            ).map {
                DeliveryCheckpoint(
                    position: $0["position"],
                    ids: ($0["ids"] as String).split(separator: ",").compactMap { Int64($0) })
            }
        }
    }

    /// Takes the next queued messages of `channel` for delivery to `output`. Rule M-3 again at delivery
    /// time, by `MessageJudge` as when queued: a customer who opted out since, or a marketing SMS over the
    /// cap counting those already sent, is suppressed now, with the reason (`opted-out: at delivery`). The
    /// batch is recorded as in flight with `position` (where the output stood), in the same transaction, so a
    /// killed run can be undone exactly.
    public func beginDeliveryBatch(
        channel: MessageChannel, output: String, position: Int64, limit: Int,
        selection: OutboxSelection = .all
    ) throws -> DeliveryBatch {
        try selection.validate()
        return try writer.write { db in
            let settings = try Self.settings(db)
            let now = clock.now()
            let cap = FrequencyCap(settings: settings)
            let delivery = DeliverySettings(settings)
            let secret = try Self.messagingSecret(db)
            // Messages another output has in flight are left to it, so two deliveries at once never send one twice.
            let elsewhere = try String.fetchAll(
                db, sql: "SELECT ids FROM delivery_checkpoint WHERE output != ? AND ids != ''", arguments: [output]
            )
            .joined(separator: ",")
            let chosen = try selection.condition(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox WHERE state = 'queued' AND channel = ? AND id NOT IN (SELECT value FROM \
                    json_each(?)) AND \(chosen.sql)
                    ORDER BY id LIMIT ?
                    """, arguments: [channel, "[\(elsewhere)]"] + chosen.arguments + [limit])
            let consent = try db.cachedStatement(
                sql: "SELECT status FROM consent WHERE customer_id = ? AND channel = ?")
            let sentInWindow = try db.cachedStatement(
                sql: """
                    SELECT count(*) FROM outbox WHERE customer_id = ? AND channel = 'sms' AND category = 'marketing' \
                    AND state = 'sent' AND sent_at >= ?
                    """)
            let suppress = try db.cachedStatement(
                sql: "UPDATE outbox SET state = 'suppressed', reason = ? WHERE id = ?")
            var batch: [DeliverableMessage] = []
            var suppressed = 0
            var counted: [Customer.ID: Int] = [:]
            for row in rows {
                let message = OutboxMessage(row: row)
                let status = try String.fetchOne(consent, arguments: [message.customerID, channel]).flatMap(
                    ConsentStatus.init(rawValue:))
                // M-3 again, by the same judge as when queued: the cap now counts the messages sent and this batch's.
                let capped = FrequencyCap.applies(to: message.category, channel: channel)
                let since = cap.windowStart(before: now)
                let sent = try capped ? Int.fetchOne(sentInWindow, arguments: [message.customerID, since]) ?? 0 : 0
                let inBatch = counted[message.customerID, default: 0]
                let judged = MessageJudge.Message(
                    channel: channel, category: message.category, consent: status,
                    recipient: message.recipient, counted: sent + inBatch,
                    stage: .delivery)
                let verdict = MessageJudge.judge(judged, cap: cap) {
                    .ready(body: message.body, subject: message.subject, degraded: [])
                }
                if let reason = verdict.suppression {
                    try suppress.execute(arguments: [reason.stored, message.id])
                    suppressed += 1
                    continue
                }
                if capped { counted[message.customerID, default: 0] += 1 }
                batch.append(
                    DeliverableMessage(
                        message: message, messageID: message.messageID(domain: delivery.domain),
                        unsubscribeToken: Self.unsubscribeToken(message, delivery: delivery, secret: secret, now: now)))
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO delivery_checkpoint (output, position, ids, at) VALUES (?, ?, ?, ?)",
                arguments: [
                    output, position, batch.map { String($0.message.id!.rawValue) }.joined(separator: ","), now,
                ])
            return DeliveryBatch(messages: batch, examined: rows.count, suppressed: suppressed)
        }
    }

    /// Closes a batch: the messages written are sent, the ones the output refused are failed with the reason
    /// (attempts counted), and the checkpoint is cleared, in one transaction.
    public func finishDeliveryBatch(output: String, sent: [Int64], failed: [(Int64, String)]) throws {
        try writer.write { db in
            let now = clock.now()
            let markSent = try db.cachedStatement(
                sql:
                    "UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, reason = NULL WHERE id = "
                    + "? AND state = 'queued'"
            )
            for id in sent { try markSent.execute(arguments: [now, id]) }
            let markFailed = try db.cachedStatement(
                sql:
                    "UPDATE outbox SET state = 'failed', reason = ?, attempts = attempts + 1 WHERE id = ? AND state = "
                    + "'queued'"
            )
            for (id, reason) in failed { try markFailed.execute(arguments: [reason, id]) }
            try db.execute(sql: "DELETE FROM delivery_checkpoint WHERE output = ?", arguments: [output])
            if !sent.isEmpty || !failed.isEmpty {
                try Audit.record(
                    db, at: now, actor: "delivery", entity: "outbox", id: output, action: "deliver",
                    after: ["sent": String(sent.count), "failed": String(failed.count)])
            }
        }
    }

    /// Withdraws the queued messages of `selection` (and of `channel`, when given) with a reason: they become
    /// `cancelled`, are never delivered nor queued again, and the cancel is audited with the ids. Messages a
    /// delivery has in flight are left to it and counted, so exactly-once delivery still holds.
    public func cancelQueued(
        _ selection: OutboxSelection, channel: MessageChannel? = nil, reason: String,
        actor: String
    ) throws -> OutboxCancellation {
        try selection.validate()
        let why = reason.trimmed()
        guard !why.isEmpty else { throw InvalidInput(field: "reason", "say why the messages are withdrawn") }
        return try writer.write { db in
            let now = clock.now()
            let chosen = try selection.condition(db)
            var arguments = chosen.arguments
            var channelCondition = ""
            if let channel {
                channelCondition = " AND channel = ?"
                arguments += [channel]
            }
            let inFlight = Set(
                try String.fetchAll(db, sql: "SELECT ids FROM delivery_checkpoint WHERE ids != ''")
                    .flatMap { $0.split(separator: ",").compactMap { Int64($0) } })
            let ids = try Int64.fetchAll(
                db,
                sql: "SELECT id FROM outbox WHERE state = 'queued' AND \(chosen.sql)\(channelCondition) ORDER BY id",
                arguments: arguments)
            let withdrawn = ids.filter { !inFlight.contains($0) }
            let cancel = try db.cachedStatement(
                sql: "UPDATE outbox SET state = 'cancelled', reason = ? WHERE id = ? AND state = 'queued'")
            for id in withdrawn { try cancel.execute(arguments: ["cancelled: \(why)", id]) }
            if !withdrawn.isEmpty {
                try Audit.record(
                    db, at: now, actor: actor, entity: "outbox", id: "cancel", action: "cancel",
                    after: [
                        "reason": why, "count": String(withdrawn.count),
                        "ids": withdrawn.map(String.init).joined(separator: ","),
                    ])
            }
            return OutboxCancellation(cancelled: withdrawn.count, inFlight: ids.count - withdrawn.count)
        }
    }

    /// Feeds back a gateway's or mail system's results (`message_id,status[,detail]`): `delivered` marks a sent
    /// message delivered, `failed` marks it failed with the detail. Each line stands alone; a bad one is
    /// reported with its line number and the rest apply.
    public func applyDeliveryResults(
        _ lines: [(line: Int, messageID: String, status: String, detail: String?)], actor: String
    ) throws -> DeliveryResults {
        try writer.write { db in
            let now = clock.now()
            var results = DeliveryResults(applied: 0, unchanged: 0, rejected: [])
            for entry in lines {
                let digits = entry.messageID.drop { !$0.isNumber }.prefix { $0.isNumber }
                guard let id = Int64(digits),
                    let row = try Row.fetchOne(
                        db, sql: "SELECT state, result FROM outbox WHERE id = ?", arguments: [id])
                else {
                    results.rejected.append(
                        Phrase("line \(entry.line): message_id: no outbox message \(entry.messageID)").rendered())
                    continue
                }
                let state: String = row["state"]
                let result: String? = row["result"]
                switch entry.status.trimmed().lowercased() {
                case "delivered", "sent":
                    guard state == "sent" || state == "failed" else {
                        results.rejected.append(Self.notSent(entry.line, id, state))
                        continue
                    }
                    if state == "sent", result == "delivered" {
                        results.unchanged += 1
                        continue
                    }
                    try db.execute(
                        sql:
                            "UPDATE outbox SET state = 'sent', delivered_at = ?, result = 'delivered', reason = NULL "
                            + "WHERE id = ?",
                        arguments: [now, id])
                case "failed", "bounced", "rejected":
                    guard state == "sent" || state == "failed" else {
                        results.rejected.append(Self.notSent(entry.line, id, state))
                        continue
                    }
                    let reason = entry.detail?.trimmed().nilIfEmpty ?? entry.status
                    if state == "failed", result == reason {
                        results.unchanged += 1
                        continue
                    }
                    try db.execute(
                        sql: "UPDATE outbox SET state = 'failed', result = ?, reason = ? WHERE id = ?",
                        arguments: [reason, reason, id])
                default:
                    results.rejected.append(
                        Phrase("line \(entry.line): status: expected delivered or failed, got \"\(entry.status)\"")
                            .rendered())
                    continue
                }
                try Audit.record(
                    db, at: now, actor: actor, entity: "outbox", id: String(id), action: "result",
                    before: ["state": state], after: ["result": entry.status])
                results.applied += 1
            }
            return results
        }
    }
}

extension AppDatabase {
    /// A results line about a message that was never sent (queued, suppressed, cancelled), in the language of the
    /// moment.
    static func notSent(_ line: Int, _ id: Int64, _ state: String) -> String {
        let spoken = MessageState(rawValue: state)?.spoken ?? Phrase(verbatim: state)
        return Phrase("line \(line): status: message \(id) is \(spoken), not sent").rendered()
    }
}
