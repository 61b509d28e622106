import ComplaintStorage
import Complaints
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import MessagingStorage
import StorageKernel
import WorkOrderStorage
import WorkOrders

// Rule Q-6 across areas: the follow-up task is the work-order area's, its card goes through the outbox under M-3
// (messaging's), and a problem found opens a complaint (K-1, the complaint area's) linked to the order — each in the
// one transaction of the call or the answer.
extension AppDatabase {
    /// Rule Q-6: records a follow-up call by a neutral person (the actor). When the calls are exhausted (the setting
    /// `workorders.followup.attempts` unanswered on one day), a follow-up card is queued in the outbox in the same
    /// transaction: by SMS, else by letter, as the customer's consent and addresses allow (M-3); when neither may go,
    /// the task says why.
    public func recordFollowUpCall(
        _ id: Int64, outcome: FollowUpOutcome, note: String? = nil, at: Date? = nil, actor: String
    ) throws -> FollowUpTask {
        try writer.write { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            var task = try Self.followUp(db, id: id)
            let before = task
            let when = at ?? now
            guard when <= now.addingTimeInterval(300) else {
                throw InvalidInput(field: "at", "\(Instant.localString(when, in: settings.timeZone)) is in the future")
            }
            let exhausted = try task.recordAttempt(
                FollowUpAttempt(at: when, outcome: outcome, by: actor, note: note),
                limit: settings.integer(.followUpAttempts), zone: settings.timeZone)
            if exhausted {
                let (channel, why) = try Self.queueFollowUpCard(db, task, settings: settings, now: now)
                task.turnToCard(channel, note: why)
            }
            try Self.storeFollowUp(
                db, task, before: before, action: exhausted ? "card" : "call", now: now, actor: actor)
            return task
        }
    }

    /// Rule Q-6 with M-3: queues the follow-up card, SMS first, then a letter; a follow-up card is a service message
    /// (no opt-in needed, an opt-out honoured). Answers the channel used, or nil and why none could go.
    static func queueFollowUpCard(
        _ db: Database, _ task: FollowUpTask, settings: DealerSettings, now: Date
    ) throws -> (FollowUpCardChannel?, String?) {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.name, c.address, \(ContactDetails.mobileCandidateSQL(customer: "c.id")) AS mobile, \
                    v.plate FROM customer c LEFT JOIN vehicle v ON v.vin = ? WHERE c.id = ?
                    """, arguments: [task.vin, task.customerID])
        else { throw NotFound("customer", String(task.customerID), field: "customer") }
        let name: String = row["name"]
        let mobile = try ContactDetails.mobileNumber(db, candidate: row["mobile"], customer: task.customerID)
        let consent = Dictionary(
            try Row.fetchAll(
                db, sql: "SELECT channel, status FROM consent WHERE customer_id = ?",
                arguments: [
                    task.customerID
                ]
            ).map { (($0["channel"] as String), ConsentStatus(rawValue: $0["status"])) }, uniquingKeysWith: { $1 })
        let dealer = settings.text(.dealerName)
        let vehicle = (row["plate"] as String?)?.nilIfEmpty ?? task.vin.value
        let body =
            "尊敬的\(name)：感谢您光临\(dealer)。您的爱车（\(vehicle)，维修委托书 \(task.order)）已于"
            + "\(LocalDate(instant: task.deliveredAt, in: settings.timeZone))交车，我们多次致电回访未能联系到您。"
            + "如对本次服务有任何意见或车辆仍有问题，请回复或致电我们。\(dealer)"
        var reasons: [String] = []
        let outbox = try OutboxWriter(db, now: now)
        for (channel, card) in [(MessageChannel.sms, FollowUpCardChannel.sms), (.letter, .letter)] {
            let recipient = channel == .sms ? mobile : (row["address"] as String?)?.trimmed().nilIfEmpty
            let message = MessageJudge.Message(
                channel: channel, category: .service, consent: consent[channel.rawValue] ?? nil,
                recipient: recipient)
            switch MessageJudge.judge(
                message, cap: FrequencyCap(settings: settings),
                render: {
                    .ready(body: body, subject: "服务回访", degraded: [])
                })
            {
            case .suppress(let why):
                reasons.append("\(channel.rawValue): \(why.stored)")
            case .queue(let text, let subject, _):
                try outbox.write(
                    db, customer: task.customerID, campaign: nil, source: .followUp, key: "follow-up:\(task.id!)",
                    channel: channel, category: .service, recipient: recipient, name: name, subject: subject,
                    body: text, state: .queued, reason: nil)
                return (card, nil)
            }
        }
        return (nil, reasons.joined(separator: "; "))
    }

    /// Rule Q-6: records the customer's answer by a neutral person (the actor): the score on the 7-level scale, the
    /// S-1 dimensions and a note; a problem found opens a complaint (K-1) on the customer and vehicle, linked to the
    /// order, in the same transaction. The result is for the service manager (the due list and the audit log).
    public func answerFollowUp(_ id: Int64, _ answer: FollowUpAnswer, actor: String) throws -> FollowUpTask {
        try writer.write { db in
            let now = clock.now()
            var task = try Self.followUp(db, id: id)
            let before = task
            try task.record(answer, by: actor, at: now)
            if let problem = answer.problem {
                let reached = task.attempts.contains { $0.outcome.reachedCustomer }
                // K-3: customer service owns the complaint: the caller when they are, else the first current one.
                let roster = try Self.staffOnDay(db, at: now)
                let owner =
                    (try? Complaint.checkOwner(actor, staff: roster.staff, on: roster.day)) != nil
                    ? actor
                    : roster.staff.first {
                        (try? Complaint.checkOwner($0.name, staff: roster.staff, on: roster.day)) != nil
                    }?
                    .name
                let file = try Self.insertComplaint(
                    db,
                    ComplaintIntake(
                        customer: Customer.ID(task.customerID), vin: task.vin, workOrder: task.order,
                        channel: !reached && task.card == .letter ? .letter : .phone, receivedAt: now,
                        receivedBy: actor,
                        owner: owner, description: problem, category: answer.category),
                    now: now, actor: actor)
                task.complaint = file.complaint.id?.rawValue
            }
            try Self.storeFollowUp(db, task, before: before, action: "done", now: now, actor: actor)
            return task
        }
    }
}
