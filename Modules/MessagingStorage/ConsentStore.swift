import Campaigns
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import StorageKernel

/// A customer's consent per channel, with every change (M-3).
public struct ConsentCard: Codable, Sendable {
    public struct Change: Codable, Sendable {
        public var channel: MessageChannel
        public var status: ConsentStatus
        public var at: Date
        public var source: String
        public var actor: String
    }

    public var customer: Customer.ID
    public var name: String
    public var current: [Consent]
    public var history: [Change]
}

extension AppDatabase {
    /// Rule M-3: records a customer's consent or opt-out on a channel, with its time and source; audited.
    /// An opt-out within the response window of a campaign message counts as that campaign's response (M-4).
    @discardableResult
    public func setConsent(
        customer: Customer.ID, channel: MessageChannel, status: ConsentStatus, source: String, at: Date? = nil,
        actor: String
    ) throws -> ConsentCard {
        let origin = source.trimmed()
        guard !origin.isEmpty else {
            throw InvalidInput(field: "source", "say where the consent comes from (form, call, unsubscribe link…)")
        }
        return try writer.write { db in
            let now = clock.now()
            let when = at ?? now
            guard when <= now.addingTimeInterval(300) else {
                throw Conflict(
                    field: "at", "\(Instant.isoString(when, in: try Self.settings(db).timeZone)) is in the future")
            }
            try Self.recordConsent(
                db, customer: customer, channel: channel, status: status, source: origin, at: when, actor: actor)
            return try Self.consentCard(db, customer)
        }
    }

    package static func recordConsent(
        _ db: Database, customer: Customer.ID, channel: MessageChannel, status: ConsentStatus, source: String, at: Date,
        actor: String
    ) throws {
        _ = try fetchCustomer(db, id: customer)
        let before = try String.fetchOne(
            db, sql: "SELECT status FROM consent WHERE customer_id = ? AND channel = ?", arguments: [customer, channel])
        try db.execute(
            sql: """
                INSERT INTO consent (customer_id, channel, status, at, source) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(customer_id, channel) DO UPDATE SET status = excluded.status, at = excluded.at, source = \
                excluded.source
                """, arguments: [customer, channel, status, at, source])
        try db.execute(
            sql:
                "INSERT INTO consent_event (customer_id, channel, status, at, source, actor) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [customer, channel, status, at, source, actor])
        try Audit.record(
            db, at: at, actor: actor, entity: "consent", id: "\(customer)/\(channel.rawValue)", action: "set",
            before: ["status": before], after: ["status": status.rawValue, "source": source])
        if status == .optOut {
            try attributeResponse(db, customer: customer, kind: .optOut, at: at, source: source, channel: channel)
        }
    }

    /// A customer's consent card.
    public func consentCard(_ customer: Customer.ID) throws -> ConsentCard {
        try writer.read { db in try Self.consentCard(db, customer) }
    }

    package static func consentCard(_ db: Database, _ customer: Customer.ID) throws -> ConsentCard {
        let card = try fetchCustomer(db, id: customer)
        let current = try Row.fetchAll(
            db, sql: "SELECT * FROM consent WHERE customer_id = ? ORDER BY channel", arguments: [customer]
        ).map {
            Consent(channel: $0["channel"], status: $0["status"], at: $0["at"], source: $0["source"])
        }
        let history = try Row.fetchAll(
            db, sql: "SELECT * FROM consent_event WHERE customer_id = ? ORDER BY id", arguments: [customer]
        ).map {
            ConsentCard.Change(
                channel: $0["channel"], status: $0["status"], at: $0["at"], source: $0["source"], actor: $0["actor"])
        }
        return ConsentCard(customer: customer, name: card.name, current: current, history: history)
    }

    /// Rule M-4: a response (booking, visit, reply, opt-out) counts for the campaign whose message was last sent
    /// to the customer within that campaign's response window; returns the campaign, or nil when none qualifies.
    /// A message still queued earns nothing.
    @discardableResult
    public func recordResponse(
        customer: Customer.ID, kind: ResponseKind, at: Date? = nil, source: String, actor: String
    ) throws -> String? {
        try writer.write { db in
            let when = at ?? clock.now()
            _ = try Self.fetchCustomer(db, id: customer)
            guard
                let campaign = try Self.attributeResponse(
                    db, customer: customer, kind: kind, at: when, source: source, channel: nil)
            else { return nil }
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "campaign_response", id: "\(campaign.id)/\(customer)",
                action: kind.rawValue,
                after: ["campaign": campaign.name, "source": source])
            return campaign.name
        }
    }

    @discardableResult
    package static func attributeResponse(
        _ db: Database, customer: Customer.ID, kind: ResponseKind, at: Date, source: String, channel: MessageChannel?
    ) throws -> (id: Int64, name: String)? {
        let channelCondition = channel == nil ? "" : "AND o.channel = ?"
        var arguments: StatementArguments = [customer, at]
        if let channel { arguments += [channel] }
        // Rule M-4: only a message actually sent can earn a response; one still queued (or suppressed, cancelled,
        // failed) never reached the customer, and the window counts from the sending.
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.id, c.name, c.response_window_days, o.sent_at AS at
                    FROM outbox o JOIN campaign c ON c.id = o.campaign_id
                    WHERE o.customer_id = ? AND o.state = 'sent' AND o.sent_at IS NOT NULL AND o.sent_at <= ?
                    \(channelCondition)
                    ORDER BY o.sent_at DESC LIMIT 1
                    """, arguments: arguments)
        else { return nil }
        let sentAt: Date = row["at"]
        let window: Int = row["response_window_days"]
        guard at.timeIntervalSince(sentAt) <= Double(window) * 86_400 else { return nil }
        let id: Int64 = row["id"]
        try db.execute(
            sql:
                "INSERT OR IGNORE INTO campaign_response (campaign_id, customer_id, kind, at, source) VALUES (?, ?, "
                + "?, ?, ?)",
            arguments: [id, customer, kind, at, source])
        return (id, row["name"])
    }

    /// Rule M-5: service revenue for a customer (work orders will feed it; until then entered or imported).
    /// The same (customer, day, reference) twice is refused, so an import can be run again.
    public func addRevenue(
        customer: Customer.ID, on day: LocalDate, amount: Money, reference: String?, source: String, actor: String
    ) throws {
        guard amount.fen > 0 else { throw InvalidInput(field: "amount", "must be more than 0") }
        try writer.write { db in
            _ = try Self.fetchCustomer(db, id: customer)
            let today = LocalDate(instant: clock.now(), in: try Self.settings(db).timeZone)
            guard day <= today else {
                throw Conflict(field: "on", "\(day) is in the future: revenue is recorded when it is earned (M-5)")
            }
            let ref = reference?.trimmed().nilIfEmpty ?? ""
            if try Bool.fetchOne(
                db, sql: "SELECT 1 FROM customer_revenue WHERE customer_id = ? AND day = ? AND reference = ?",
                arguments: [customer, day, ref]) == true
            {
                throw Conflict(
                    field: "reference",
                    ref.isEmpty
                        ? "revenue without reference of \(day) is already recorded for customer \(customer)"
                        : "revenue \(ref) of \(day) is already recorded for customer \(customer)"
                )
            }
            let now = clock.now()
            try db.execute(
                sql:
                    "INSERT INTO customer_revenue (customer_id, day, amount_fen, source, reference, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [customer, day, amount.fen, source, ref, now])
            try Audit.record(
                db, at: now, actor: actor, entity: "customer_revenue", id: "\(customer)/\(day)/\(ref)",
                action: "create",
                after: ["amount": amount.description, "source": source])
        }
    }

    /// Rule M-5: customers ranked by service revenue, with their satisfaction signals (open complaints,
    /// latest complaint verdict) beside it.
    public func valueRanking(limit: Int = 50) throws -> [CustomerValue] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.customer_id, k.name, k.customer_class, r.total, r.visits,
                           (SELECT count(*) FROM complaint c WHERE c.customer_id = r.customer_id AND c.state NOT IN \
                    ('closed', 'invalid')) AS open_complaints,
                           (SELECT result_satisfaction FROM complaint c WHERE c.customer_id = r.customer_id AND \
                    result_satisfaction IS NOT NULL ORDER BY c.id DESC LIMIT 1) AS satisfaction
                    FROM (SELECT customer_id, sum(amount_fen) AS total, count(*) AS visits FROM customer_revenue GROUP \
                    BY customer_id) r
                    JOIN customer k ON k.id = r.customer_id
                    ORDER BY r.total DESC, r.customer_id LIMIT ?
                    """, arguments: [limit]
            ).enumerated().map { index, row in
                CustomerValue(
                    rank: index + 1, customer: row["customer_id"], name: row["name"],
                    customerClass: row["customer_class"],
                    value: Money(fen: row["total"]), entries: row["visits"], openComplaints: row["open_complaints"],
                    latestSatisfaction: (row["satisfaction"] as Int?).map { String($0) })
            }
        }
    }

    /// The secret that signs unsubscribe links, made on first use and kept in the database (never shown).
    package static func messagingSecret(_ db: Database) throws -> [UInt8] {
        if let data = try Data.fetchOne(db, sql: "SELECT value FROM secret WHERE name = 'unsubscribe'") {
            return [UInt8](data)
        }
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try db.execute(sql: "INSERT INTO secret (name, value) VALUES ('unsubscribe', ?)", arguments: [Data(bytes)])
        return bytes
    }

    /// RFC 8058 one-click unsubscribe: checks the signed link and records the opt-out for its channel
    /// (source "unsubscribe link"); returns the customer's name and the channel.
    public func unsubscribe(token: String) throws -> (name: String, channel: MessageChannel) {
        try writer.write { db in
            let now = clock.now()
            let verified = try UnsubscribeToken.verify(token, secret: try Self.messagingSecret(db), now: now)
            let customer = try Self.fetchCustomer(db, id: verified.customer)
            // A replayed link (or a mail client that posts twice) changes nothing: the customer is opted out already.
            let current = try String.fetchOne(
                db, sql: "SELECT status FROM consent WHERE customer_id = ? AND channel = ?",
                arguments: [verified.customer, verified.channel])
            if current != ConsentStatus.optOut.rawValue {
                try Self.recordConsent(
                    db, customer: verified.customer, channel: verified.channel, status: .optOut,
                    source: "unsubscribe link", at: now,
                    actor: "unsubscribe link")
            }
            return (customer.name, verified.channel)
        }
    }

    /// Checks an unsubscribe token (signature and expiry) without acting on it: the page a link opens.
    public func checkUnsubscribeToken(_ token: String) throws {
        try writer.read { db in
            // No secret yet: no link was ever signed, so this one cannot be valid.
            guard let secret = try Data.fetchOne(db, sql: "SELECT value FROM secret WHERE name = 'unsubscribe'") else {
                throw UnsubscribeLinkNotFound()
            }
            _ = try UnsubscribeToken.verify(token, secret: [UInt8](secret), now: clock.now())
        }
    }

    /// A signed unsubscribe token for one message (used by delivery and tests).
    public func unsubscribeToken(for message: OutboxMessage) throws -> String {
        try writer.write { db in
            Self.unsubscribeToken(
                message, delivery: DeliverySettings(try Self.settings(db)), secret: try Self.messagingSecret(db),
                now: clock.now())
        }
    }

    package static func unsubscribeToken(
        _ message: OutboxMessage, delivery: DeliverySettings, secret: [UInt8], now: Date
    ) -> String {
        UnsubscribeToken(
            customer: message.customerID, channel: message.channel,
            expires: now.addingTimeInterval(Double(delivery.unsubscribeDays) * 86_400),
            message: message.id?.rawValue ?? 0
        ).signed(secret: secret)
    }
}

/// A line of the value ranking (M-5).
public struct CustomerValue: Codable, Sendable, Equatable {
    public var rank: Int
    public var customer: Customer.ID
    public var name: String
    public var customerClass: CustomerClass
    public var value: Money
    public var entries: Int
    public var openComplaints: Int
    public var latestSatisfaction: String?
}
