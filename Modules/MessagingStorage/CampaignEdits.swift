import Campaigns
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import StorageKernel

/// What can be retired: a segment or a campaign, each kept in the table of its name.
public enum Retirable: String, Sendable {
    case segment, campaign
}

/// A change to a segment or a campaign not yet run: only the fields given change.
public struct CampaignEdit: Sendable {
    public var segment: String?
    public var channel: MessageChannel?
    public var category: MessageCategory?
    public var subject: String?
    public var template: String?
    public var responseWindowDays: Int?

    public init(
        segment: String? = nil, channel: MessageChannel? = nil, category: MessageCategory? = nil,
        subject: String? = nil,
        template: String? = nil, responseWindowDays: Int? = nil
    ) {
        self.segment = segment
        self.channel = channel
        self.category = category
        self.subject = subject
        self.template = template
        self.responseWindowDays = responseWindowDays
    }
}

extension AppDatabase {
    /// Rule M-2: corrects a segment's filter or description (the filter is checked first); audited with the old
    /// values. Campaigns on the segment select by the new filter from their next run on.
    public func editSegment(_ name: String, filter: String?, description: String?, actor: String) throws -> Segment {
        if let filter { _ = try SegmentExpression.parse(filter) }
        return try writer.write { db in
            let before = try Self.segment(db, name)
            try Self.refuseRetired(db, .segment, name)
            var after = before
            if let filter { after.filter = filter.trimmed() }
            if let description { after.description = description.trimmed().nilIfEmpty }
            try db.execute(
                sql: "UPDATE segment SET filter = ?, description = ? WHERE name = ?",
                arguments: [after.filter, after.description, name])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "segment", id: name, action: "edit",
                before: ["filter": before.filter, "description": before.description],
                after: ["filter": after.filter, "description": after.description])
            return after
        }
    }

    /// Retires a segment or a campaign: it stays, with its history and reports, but no new campaign may use the
    /// segment and the campaign never runs again. Audited.
    public func retire(_ kind: Retirable, _ name: String, reason: String, actor: String) throws {
        let why = reason.trimmed()
        guard !why.isEmpty else { throw InvalidInput(field: "reason", "say why it is retired") }
        try writer.write { db in
            switch kind {
            case .segment: _ = try Self.segment(db, name)
            case .campaign: _ = try Self.campaign(db, name)
            }
            try Self.refuseRetired(db, kind, name)
            let now = clock.now()
            try db.execute(
                sql: "UPDATE \(kind.rawValue) SET retired_at = ?, retired_reason = ? WHERE name = ?",
                arguments: [now, why, name])
            try Audit.record(
                db, at: now, actor: actor, entity: kind.rawValue, id: name, action: "retire", after: ["reason": why])
        }
    }

    /// A `Conflict` when the segment or campaign `name` is retired (its table is named after its kind).
    package static func refuseRetired(_ db: Database, _ kind: Retirable, _ name: String) throws {
        if let at = try Date.fetchOne(
            db, sql: "SELECT retired_at FROM \(kind.rawValue) WHERE name = ?", arguments: [name])
        {
            let zone = try settings(db).timeZone
            throw Conflict(
                field: "name",
                kind == .segment
                    ? "segment \(name) was retired on \(Instant.localString(at, in: zone))"
                    : "campaign \(name) was retired on \(Instant.localString(at, in: zone))")
        }
    }

    /// Rule M-2: corrects a campaign that has not run yet (no message queued, sent or suppressed for it); the
    /// template and subject are checked as at creation. Audited with the old values. A campaign that has run is
    /// refused: its messages were made from what it said then.
    public func editCampaign(_ name: String, _ edit: CampaignEdit, actor: String) throws -> Campaign {
        if let template = edit.template { _ = try PersonalFields.campaignTemplate(template) }
        if let subject = edit.subject { _ = try PersonalFields.campaignTemplate(subject, field: "subject") }
        return try writer.write { db in
            let before = try Self.campaign(db, name)
            try Self.refuseRetired(db, .campaign, name)
            let messages =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE campaign_id = ?", arguments: [before.id])
                ?? 0
            guard messages == 0 else {
                throw Conflict(
                    field: "name",
                    "campaign \(name) has run (\(messages) messages); create a new campaign for the change")
            }
            var after = before
            if let segment = edit.segment {
                _ = try Self.segment(db, segment)
                try Self.refuseRetired(db, .segment, segment)
                after.segment = segment
            }
            if let channel = edit.channel { after.channel = channel }
            if let category = edit.category { after.category = category }
            if let subject = edit.subject { after.subject = subject.trimmed().nilIfEmpty }
            if let template = edit.template { after.template = template }
            if let days = edit.responseWindowDays {
                guard (1...365).contains(days) else {
                    throw InvalidInput(field: "response-window", "expected 1 to 365 days")
                }
                after.responseWindowDays = days
            }
            if after.channel == .email, (after.subject ?? "").isEmpty {
                throw InvalidInput(field: "subject", "an e-mail campaign needs a subject")
            }
            try db.execute(
                sql: """
                    UPDATE campaign SET segment = ?, channel = ?, category = ?, subject = ?, template = ?, \
                    response_window_days = ? WHERE id = ?
                    """,
                arguments: [
                    after.segment, after.channel, after.category, after.subject, after.template,
                    after.responseWindowDays, before.id,
                ])
            func fields(_ c: Campaign) -> [String: String?] {
                [
                    "segment": c.segment, "channel": c.channel.rawValue, "category": c.category.rawValue,
                    "subject": c.subject,
                    "template": c.template, "response_window_days": String(c.responseWindowDays),
                ]
            }
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "campaign", id: name, action: "edit", before: fields(before),
                after: fields(after))
            return after
        }
    }

    /// Rule M-2: the customers a segment holds now, a page at a time (the first of their vehicles that matches).
    public func segmentMembers(_ name: String, limit: Int = 50, offset: Int = 0) throws -> Page<CustomerSummary> {
        try writer.read { db in
            let segment = try Self.segment(db, name)
            let expression = try SegmentExpression.parse(segment.filter)
            let zone = try Self.settings(db).timeZone
            let today = LocalDate(instant: clock.now(), in: zone)
            var members: [Customer.ID] = []
            var seen = Set<Int64>()
            try Self.forEachCustomerFacts(
                db, needs: FactNeeds(fields: expression.fields), channel: nil, zone: zone,
                matching: { facts in
                    expression.matches(
                        facts, today: today, openBulletin: { Self.hasOpenBulletin(db, vin: facts.vin, kind: $0) })
                }
            ) { facts in
                if seen.insert(facts.customerID.rawValue).inserted { members.append(facts.customerID) }
            }
            let page = Array(members.dropFirst(offset).prefix(limit))
            return Page(items: try Self.summaries(db, ids: page), total: members.count, limit: limit, offset: offset)
        }
    }
}
