import Complaints
import Core
import Customers
import Foundation
import GRDB
import StorageKernel

/// A complaint as registered at intake (K-1, K-2, K-3, K-5).
public struct ComplaintIntake: Sendable {
    public var kind: ComplaintKind
    public var customer: Customer.ID
    public var vin: VIN?
    public var workOrder: String?
    public var channel: ComplaintChannel
    /// Default: now.
    public var receivedAt: Date?
    public var receivedBy: String
    /// Default: the receiver, when they are customer-service staff (K-3).
    public var owner: String?
    public var description: String
    public var category: ComplaintCategory
    public var wishes: [CustomerWish]
    /// Set when the complaint is a crisis from the start (K-8).
    public var crisisReason: String?

    public init(
        kind: ComplaintKind = .complaint, customer: Customer.ID, vin: VIN? = nil, workOrder: String? = nil,
        channel: ComplaintChannel,
        receivedAt: Date? = nil, receivedBy: String, owner: String? = nil, description: String,
        category: ComplaintCategory,
        wishes: [CustomerWish] = [], crisisReason: String? = nil
    ) {
        self.kind = kind
        self.customer = customer
        self.vin = vin
        self.workOrder = workOrder
        self.channel = channel
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
        self.owner = owner
        self.description = description
        self.category = category
        self.wishes = wishes
        self.crisisReason = crisisReason
    }

    /// The intake a `ComplaintForm` reads, with its vehicle found (`vehicleVIN(named:)`): the CLI's and the API's.
    public init(_ form: ComplaintForm.Validated, vin: VIN?) {
        self.init(
            kind: form.kind, customer: form.customer, vin: vin, workOrder: form.workOrder, channel: form.channel,
            receivedAt: form.receivedAt, receivedBy: form.receivedBy, owner: form.owner,
            description: form.description, category: form.category, wishes: form.wishes,
            crisisReason: form.crisisReason)
    }
}

/// A complaint file as staff see it: the record, its customer, its priority and why, every running
/// deadline and how it stands, its history and its evidence.
public struct ComplaintFile: Codable, Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        /// When it was recorded.
        public var at: Date
        /// When it happened, when that was not when it was recorded (a call logged afterwards).
        public var happenedAt: Date?
        public var actor: String
        public var action: String
        public var from: ComplaintState?
        public var to: ComplaintState
        public var rule: String?
        public var note: String?
    }

    public var complaint: Complaint
    public var customer: String
    public var priority: ComplaintPriority
    public var deadlines: [DeadlineStatus]
    public var history: [Entry]
    public var attachments: [ComplaintAttachment]
}

/// An attachment's description (its bytes are read with `complaintAttachment`).
public typealias ComplaintAttachment = AttachmentInfo

extension AttachmentTable {
    /// The complaint file's evidence (K-14).
    static let complaint = AttachmentTable(table: "complaint_attachment", owner: "complaint_id")
}

extension AppDatabase {
    /// The complaint policy in force: settings and calendar (K-3, K-4, K-6, K-10, K-11, T-3).
    public func complaintPolicy() throws -> ComplaintPolicy {
        try writer.read { db in try Self.complaintPolicy(db) }
    }

    package static func complaintPolicy(_ db: Database) throws -> ComplaintPolicy {
        ComplaintPolicy(settings: try settings(db), openingHours: try openingHours(db))
    }

    /// Rule K-1/K-3/K-5: registers a complaint: customer (and vehicle) checked, the first receiver and the
    /// customer-service owner recorded, the K-4 clock started. When this returns it is stored and audited.
    public func addComplaint(_ intake: ComplaintIntake, actor: String) throws -> ComplaintFile {
        try writer.write { db in try Self.insertComplaint(db, intake, now: clock.now(), actor: actor) }
    }

    /// `addComplaint` inside a caller's transaction (a follow-up that found a problem opens one in its own step, Q-6).
    package static func insertComplaint(
        _ db: Database, _ intake: ComplaintIntake, now: Date, actor: String
    ) throws -> ComplaintFile {
        do {
            guard
                try Bool.fetchOne(db, sql: "SELECT 1 FROM customer WHERE id = ?", arguments: [intake.customer]) == true
            else {
                throw NotFound("customer", intake.customer.description, field: "customer")
            }
            if let vin = intake.vin {
                guard
                    let owner = try Customer.ID.fetchOne(
                        db, sql: "SELECT customer_id FROM vehicle WHERE vin = ?", arguments: [vin])
                else {
                    throw NotFound("vehicle", vin.value, field: "vin")
                }
                guard owner == intake.customer else {
                    throw Conflict(
                        field: "vin",
                        "vehicle \(vin.value) belongs to customer \(owner), not to customer \(intake.customer)")
                }
            }
            let receiver = intake.receivedBy.trimmed()
            let roster = try Self.staffOnDay(db, at: now)
            let owner = try Complaint.intakeOwner(
                named: intake.owner, receiver: receiver, staff: roster.staff,
                on: roster.day)
            var complaint = Complaint(
                kind: intake.kind, customerID: intake.customer, vin: intake.vin,
                workOrder: intake.workOrder?.trimmed().nilIfEmpty,
                channel: intake.channel, receivedAt: intake.receivedAt ?? now, receivedBy: receiver, owner: owner,
                description: intake.description.trimmed(), category: intake.category, wishes: intake.wishes,
                crisis: intake.crisisReason != nil, crisisReason: intake.crisisReason?.trimmed())
            try complaint.validateIntake(now: now)
            try complaint.insert(db)
            let id = complaint.id!
            let received: Phrase =
                "\(intake.channel.spoken), \(intake.category.spoken); received by \(receiver), owner \(owner)"
            try Self.recordComplaintEvent(
                db, id, at: now, actor: actor, from: nil, to: complaint.state,
                ComplaintEvent(action: "receive", rule: "K-5", note: received.rendered()))
            if complaint.crisis {
                try Self.recordComplaintEvent(
                    db, id, at: now, actor: actor, from: complaint.state, to: complaint.state,
                    ComplaintEvent(
                        action: "crisis", rule: "K-8",
                        note: Phrase("\(complaint.crisisReason ?? ""); at general-manager from intake").rendered()))
            }
            try Audit.record(
                db, at: now, actor: actor, entity: "complaint", id: id.description, action: "create",
                after: complaint.auditFields)
            return try Self.complaintFile(db, id, now: now)
        }
    }

    /// One complaint file.
    public func complaintFile(_ id: Complaint.ID) throws -> ComplaintFile {
        try writer.read { db in try Self.complaintFile(db, id, now: clock.now()) }
    }

    /// Rule K-4/K-13: a contact about the complaint; `at` defaults to now.
    public func contactComplaint(
        _ id: Complaint.ID, at: Date? = nil, direction: ComplaintContactDirection, unfixedVisit: Bool = false,
        callback: String? = nil, note: String? = nil, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor, happenedAt: at) { complaint, _, now in
            try complaint.contact(
                at: at ?? now, now: now, direction: direction, unfixedVisit: unfixedVisit, callback: callback,
                note: note)
        }
    }

    /// Rule K-3: gives the complaint to another customer-service owner, with the reason.
    public func assignComplaint(
        _ id: Complaint.ID, to owner: String, reason: String?, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, db, now in
            let roster = try Self.staffOnDay(db, at: now)
            try Complaint.checkOwner(owner.trimmed(), staff: roster.staff, on: roster.day)
            return try complaint.assign(to: owner, reason: reason)
        }
    }

    /// Rule K-5: opens the internal complaint repair order, routed by the category table unless `department` is given.
    public func routeComplaint(
        _ id: Complaint.ID, to department: Role? = nil, person: String? = nil, advisor: String? = nil,
        cause: ComplaintCause? = nil, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in
            try complaint.route(to: department, person: person, advisor: advisor, cause: cause, at: now)
        }
    }

    /// Rule K-6: the service advisor's report to customer service (restarts the 24-hour clock).
    public func reportOnComplaint(
        _ id: Complaint.ID, note: String?, plan: String? = nil, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, db, now in
            try complaint.report(note: note, plan: plan, at: now, policy: try Self.complaintPolicy(db))
        }
    }

    /// Rule K-7: escalates one level (or to `level`) with the reason.
    public func escalateComplaint(
        _ id: Complaint.ID, to level: EscalationLevel? = nil, reason: String?, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in
            try complaint.escalate(to: level, reason: reason, at: now)
        }
    }

    /// Rule K-8: flags the complaint a crisis: to the general manager at once, top priority.
    public func flagComplaintCrisis(_ id: Complaint.ID, reason: String?, actor: String) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in try complaint.flagCrisis(reason: reason, at: now) }
    }

    /// Rule K-10: records the solution presented; the complaint awaits the customer's verdict.
    public func resolveComplaint(
        _ id: Complaint.ID, summary: String, apology: Bool, unhappyBecause: String?, measures: String,
        customerAgreed: Bool, appointment: Date?, cause: ComplaintCause?, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in
            try complaint.resolve(
                Complaint.Resolution(
                    summary: summary.trimmed(), apology: apology, unhappyBecause: unhappyBecause?.trimmed().nilIfEmpty,
                    measures: measures.trimmed(), customerAgreed: customerAgreed, appointment: appointment, at: now),
                cause: cause)
        }
    }

    /// Rule K-10/K-11: the customer's verdict. Satisfied → closed, follow-up due in 7 days by the person K-3
    /// names; not satisfied → back to investigating. `ComplaintFile.complaint.state` says which.
    public func closeComplaint(
        _ id: Complaint.ID, process: Satisfaction, result: Satisfaction,
        dimensions: [ServiceDimension: Satisfaction] = [:],
        actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, db, now in
            let policy = try Self.complaintPolicy(db)
            let person = try Self.followUpPerson(db, complaint: complaint, by: policy.followUpBy, at: now)
            return try complaint.close(
                Complaint.Verdict(process: process, result: result, dimensions: dimensions, at: now), policy: policy,
                followUpPerson: person)
        }
    }

    /// Rule K-10: back to investigation (the customer is not satisfied).
    public func reopenComplaint(_ id: Complaint.ID, reason: String?, actor: String) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in try complaint.reopen(reason: reason, at: now) }
    }

    /// Rule K-9: explains and closes an invalid complaint (still counted).
    public func invalidateComplaint(_ id: Complaint.ID, explanation: String?, actor: String) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in
            try complaint.invalidate(explanation: explanation, at: now)
        }
    }

    /// Rule K-11: records the follow-up visit or call and its result.
    public func recordComplaintFollowUp(
        _ id: Complaint.ID, result: String?, satisfaction: Satisfaction?, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in
            try complaint.recordFollowUp(result: result, satisfaction: satisfaction, at: now)
        }
    }

    /// Rule K-12: root cause and preventive action.
    public func analyseComplaint(
        _ id: Complaint.ID, rootCause: String?, preventiveAction: String?, cause: ComplaintCause?, actor: String
    ) throws -> ComplaintFile {
        try changeComplaint(id, actor: actor) { complaint, _, now in
            try complaint.analyse(
                rootCause: rootCause, preventiveAction: preventiveAction, cause: cause, by: actor, at: now)
        }
    }

    /// Rule K-14: keeps a photo, recording or document with the complaint, its size and type checked.
    public func attachToComplaint(
        _ id: Complaint.ID, name: String, bytes: [UInt8], kind: AttachmentKind?, note: String?, actor: String
    ) throws -> ComplaintFile {
        _ = try AttachmentTable.fileName(name)
        return try changeComplaint(id, actor: actor) { complaint, db, now in
            try ComplaintAction.attach.check(complaint.state)
            let file = try AttachmentTable.complaint.add(
                db, to: id.rawValue, name: name, bytes: bytes, declared: kind,
                maxMegabytes: try Self.settings(db).integer(.complaintAttachmentMegabytes), note: note, now: now,
                actor: actor)
            return ComplaintEvent(
                action: "attach", rule: "K-14",
                note: Phrase("\(file.name) (\(file.kind.spoken), \(file.mediaType), \(grouped: file.size) bytes)")
                    .rendered())
        }
    }

    /// An attachment's description and bytes.
    public func complaintAttachment(_ id: Complaint.ID, attachment: Int64) throws -> (ComplaintAttachment, Data) {
        try writer.read { db in
            guard let found = try AttachmentTable.complaint.file(db, of: id.rawValue, id: attachment) else {
                throw NotFound(
                    "attachment", Phrase("\(attachment) of complaint \(id)").rendered(), field: "attachment")
            }
            return found
        }
    }

    /// The one path every change takes: load, apply the rule, store, record the history entry and the
    /// audit entry, all in one transaction. A rule that throws leaves the database as it was.
    package func changeComplaint(
        _ id: Complaint.ID, actor: String, happenedAt: Date? = nil,
        _ body: (inout Complaint, Database, Date) throws -> ComplaintEvent
    ) throws -> ComplaintFile {
        try writer.write { db in
            let now = clock.now()
            guard var complaint = try Complaint.fetchOne(db, key: id.rawValue) else {
                throw NotFound("complaint", id.description, field: "id")
            }
            let before = complaint
            let event = try body(&complaint, db, now)
            try Self.store(db, complaint, changedFrom: before, event, at: now, happenedAt: happenedAt, actor: actor)
            return try Self.complaintFile(db, id, now: now)
        }
    }

    /// Stores a changed complaint with its history entry and its audit entry (inside the caller's transaction).
    package static func store(
        _ db: Database, _ complaint: Complaint, changedFrom before: Complaint, _ event: ComplaintEvent, at now: Date,
        happenedAt: Date? = nil, actor: String
    ) throws {
        try complaint.update(db)
        try recordComplaintEvent(
            db, complaint.id!, at: now, happenedAt: happenedAt, actor: actor, from: before.state, to: complaint.state,
            event)
        try Audit.record(
            db, at: now, actor: actor, entity: "complaint", id: complaint.id!.description, action: event.action,
            before: before.auditFields, after: complaint.auditFields)
    }

    package static func recordComplaintEvent(
        _ db: Database, _ id: Complaint.ID, at: Date, happenedAt: Date? = nil, actor: String, from: ComplaintState?,
        to: ComplaintState, _ event: ComplaintEvent
    ) throws {
        // Kept only when it differs from the recording by more than a minute: otherwise it happened as recorded.
        let happened = happenedAt.flatMap { abs($0.timeIntervalSince(at)) >= 60 ? $0 : nil }
        try db.cachedStatement(
            sql: """
                INSERT INTO complaint_event (complaint_id, at, happened_at, actor, action, from_state, to_state, rule, \
                note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [id, at, happened, actor, event.action, from, to, event.rule, event.note])
    }

    /// Rule K-3 through `Complaint.followUpPerson`, with the staff and the dealer's day read here.
    package static func followUpPerson(
        _ db: Database, complaint: Complaint, by: FollowUpBy,
        at now: Date
    ) throws -> String {
        let roster = try staffOnDay(db, at: now)
        return Complaint.followUpPerson(owner: complaint.owner, by: by, staff: roster.staff, on: roster.day)
    }

    package static func complaintFile(_ db: Database, _ id: Complaint.ID, now: Date) throws -> ComplaintFile {
        guard let complaint = try Complaint.fetchOne(db, key: id.rawValue) else {
            throw NotFound("complaint", id.description, field: "id")
        }
        let customer =
            try String.fetchOne(db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [complaint.customerID])
            ?? ""
        let policy = try complaintPolicy(db)
        let deadlines = ComplaintClocks.statuses(complaint, policy: policy, at: now)
        let history = try Row.fetchAll(
            db, sql: "SELECT * FROM complaint_event WHERE complaint_id = ? ORDER BY id", arguments: [id]
        ).map {
            ComplaintFile.Entry(
                at: $0["at"], happenedAt: $0["happened_at"], actor: $0["actor"], action: $0["action"],
                from: $0["from_state"],
                to: $0["to_state"], rule: $0["rule"], note: $0["note"])
        }
        let attachments = try AttachmentTable.complaint.list(db, of: id.rawValue)
        return ComplaintFile(
            complaint: complaint, customer: customer, priority: complaint.priority, deadlines: deadlines,
            history: history, attachments: attachments)
    }
}
