import Campaigns
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import StorageKernel

/// What one `reminders run` did, per kind (M-1).
public struct ReminderRun: Codable, Sendable, Equatable {
    public struct Kind: Codable, Sendable, Equatable {
        public var kind: ReminderKind
        public var rule: String
        public var due: Int
        public var alreadyQueued: Int
        public var queued: Int
        public var suppressed: [String: Int]
        /// Recalls queued without some personal fields (the greeting 尊敬的车主 instead of a name): W-6, M-3.
        public var degraded: Int
    }

    public var asOf: LocalDate
    public var kinds: [Kind]
    /// A dry run counts what a run would queue and writes nothing.
    public var dryRun: Bool
}

extension AppDatabase {
    /// Rule M-1 (and C-7, W-9, W-6): the standing reminder campaigns for `asOf`, run from cron. Each reminder
    /// is keyed by the event it is about (the vehicle and due day, the recall, the birthday), so running it
    /// again the same day — or any later day — queues nothing twice. Service reminders need no opt-in but
    /// honour an opt-out; a recall goes out despite an opt-out and, when the usual channel has no address,
    /// by the next one that has; a birthday card is marketing: it needs an opt-in, counts under the SMS cap and
    /// goes once per address, as a campaign's messages do (M-3, judged by `MessageJudge` as campaigns and
    /// delivery are). A dry run counts the same and writes nothing.
    public func runReminders(
        asOf: LocalDate, kinds: [ReminderKind] = ReminderKind.allCases, dryRun: Bool = false,
        actor: String
    ) throws -> ReminderRun {
        try writer.write { db in
            let settings = try Self.settings(db)
            let now = clock.now()
            let preferred = MessageChannel(rawValue: settings.text(.reminderChannel)) ?? .sms
            let dealer = settings.text(.dealerName)
            var schedules: [String: MaintenanceSchedule] = [:]
            var results = Dictionary(
                uniqueKeysWithValues: kinds.map {
                    (
                        $0,
                        ReminderRun.Kind(
                            kind: $0, rule: $0.rule, due: 0, alreadyQueued: 0, queued: 0, suppressed: [:], degraded: 0)
                    )
                })
            let outbox = try OutboxWriter(db, now: now)
            let existing = try db.cachedStatement(sql: "SELECT state, recipient FROM outbox WHERE source_key = ?")
            // M-3: the cap counts marketing SMS queued and sent in its window (read when a reminder first needs it);
            // M-2: a reminder sent once per address (a birthday card) is one per address and kind in the run.
            let cap = FrequencyCap(settings: settings)
            var capCounts: [Int64: Int]?
            var targeted: [ReminderKind: Set<String>] = [:]
            let templates = try Dictionary(
                uniqueKeysWithValues: kinds.map {
                    ($0, try MessageTemplate($0.defaultTemplate, known: PersonalFields.names))
                })
            let leadDays: (ReminderKind) -> Int = { kind in
                switch kind {
                case .firstMaintenance, .maintenanceDue: return settings.integer(.reminderMaintenanceLeadDays)
                case .warrantyExpiry, .annualInspection, .insuranceRenewal:
                    return settings.integer(.reminderRenewalLeadDays)
                default: return kind.defaultLeadDays
                }
            }
            let needs: FactNeeds = [.mileage, .lastVisit, .warrantyEnd, .consent, .vin]
            try Self.forEachCustomerFacts(db, needs: needs, channel: nil, zone: settings.timeZone) { facts in
                var due: [ReminderDue] = []
                for kind in kinds where kind != .openRecall {
                    let make = facts.make ?? "*"
                    if schedules[make] == nil { schedules[make] = try Self.maintenanceSchedule(db, make: make) }
                    if let reminder = ReminderPlanner.due(
                        kind, facts: facts, asOf: asOf, leadDays: leadDays(kind), schedule: schedules[make]!)
                    {
                        due.append(reminder)
                    }
                }
                if kinds.contains(.openRecall), let vin = facts.vin {
                    for bulletin in try Self.openBulletins(db, vin: vin) where bulletin.kind == .recall {
                        due.append(
                            ReminderDue(
                                kind: .openRecall,
                                key: "\(vin.value):\(bulletin.manufacturer):\(bulletin.number):\(bulletin.revision)",
                                dueOn: asOf,
                                extra: ["bulletin": bulletin.title, "due_date": asOf.description]))
                    }
                }
                for reminder in due {
                    results[reminder.kind]!.due += 1
                    let key = "reminder:\(reminder.kind.rawValue):\(reminder.key)"
                    if let row = try Row.fetchOne(existing, arguments: [key]),
                        (row["state"] as String) != MessageState.suppressed.rawValue
                    {
                        if reminder.kind.onePerRecipient, let recipient: String = row["recipient"] {
                            targeted[reminder.kind, default: []].insert(recipient)
                        }
                        results[reminder.kind]!.alreadyQueued += 1
                        continue
                    }
                    let category = reminder.kind.category
                    // A recall tries every channel, the usual one first, until one has an address.
                    let channels =
                        category == .recall
                        ? [preferred] + MessageChannel.allCases.filter { $0 != preferred } : [preferred]
                    let channel = channels.first { facts.recipient($0) != nil } ?? preferred
                    let recipient = facts.recipient(channel)
                    let id = facts.customerID.rawValue
                    if FrequencyCap.applies(to: category, channel: channel), capCounts == nil {
                        capCounts = try Self.marketingSMSCounts(db, since: cap.windowStart(before: now))
                    }
                    let repeated =
                        reminder.kind.onePerRecipient
                        && recipient.map { targeted[reminder.kind, default: []].contains($0) } ?? false
                    // M-3 in one place: the judge, asked as the campaign run and delivery ask it.
                    let message = MessageJudge.Message(
                        channel: channel, category: category,
                        consent: facts.consent[channel], recipient: recipient,
                        alreadyTargeted: repeated, counted: capCounts?[id] ?? 0)
                    let verdict = try MessageJudge.judge(message, cap: cap) {
                        let values = PersonalFields.values(facts, dealer: dealer, extra: reminder.extra)
                        return try PersonalFields.personalise(
                            templates[reminder.kind]!, values: values,
                            category: category)
                    }
                    var state = MessageState.queued
                    var reason: String?
                    var body = ""
                    switch verdict {
                    case .suppress(let why):
                        state = .suppressed
                        reason = why.stored
                        results[reminder.kind]!.suppressed[why.code.rawValue, default: 0] += 1
                    case .queue(let text, _, let degraded):
                        body = text
                        if !degraded.isEmpty { results[reminder.kind]!.degraded += 1 }
                        results[reminder.kind]!.queued += 1
                        if reminder.kind.onePerRecipient, let recipient {
                            targeted[reminder.kind, default: []].insert(recipient)
                        }
                        if FrequencyCap.applies(to: category, channel: channel) { capCounts?[id, default: 0] += 1 }
                    }
                    guard !dryRun else { continue }
                    try outbox.write(
                        db, customer: id, campaign: nil, source: .reminder, key: key, channel: channel,
                        category: category, recipient: recipient, name: facts.name,
                        subject: reminder.kind.subject, body: body, state: state, reason: reason)
                }
            }
            let run = ReminderRun(asOf: asOf, kinds: kinds.map { results[$0]! }, dryRun: dryRun)
            let queued = run.kinds.reduce(0) { $0 + $1.queued }
            if queued > 0, !dryRun {
                try Audit.record(
                    db, at: now, actor: actor, entity: "reminders", id: asOf.description, action: "run",
                    after: ["queued": String(queued)])
            }
            return run
        }
    }
}
