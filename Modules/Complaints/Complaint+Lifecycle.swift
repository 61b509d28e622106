import Core
import Foundation

/// What can be done to a complaint, and from which states.
public enum ComplaintAction: String, CaseIterable, Codable, Sendable {
    case contact, assign, route, report, escalate, crisis, resolve, close, reopen, invalidate
    case followUp = "followup"
    case analyse, attach

    var allowedFrom: Set<ComplaintState> {
        switch self {
        case .contact, .escalate, .crisis: return [.received, .contacted, .investigating, .resolved]
        case .assign: return [.received, .contacted, .investigating, .resolved]
        case .route: return [.received, .contacted]
        case .report: return [.investigating]
        case .resolve: return [.contacted, .investigating]
        case .close: return [.resolved]
        case .reopen: return [.resolved, .closed]
        case .invalidate: return [.received, .contacted, .investigating]
        case .followUp: return [.closed]
        case .analyse: return [.resolved, .closed, .invalid]  // K-12: once resolved, solved or not
        case .attach: return Set(ComplaintState.allCases)
        }
    }

    /// Throws a `Conflict` naming the actions allowed in `state` when this one is not.
    public func check(_ state: ComplaintState) throws {
        guard !allowedFrom.contains(state) else { return }
        let allowed = ComplaintAction.allCases.filter { $0.allowedFrom.contains(state) }.map(\.command)
        throw Conflict(
            field: "state",
            "\(state.aComplaint) cannot take \"\(command)\"; allowed now: \(Phrase.joined(allowed, separator: ", "))"
        )
    }
}

/// One step in a complaint's history, as the storage layer records it.
public struct ComplaintEvent: Sendable, Codable, Equatable {
    public var action: String
    public var rule: String?
    public var note: String?

    public init(action: String, rule: String?, note: String?) {
        self.action = action
        self.rule = rule
        self.note = note
    }
}

/// The direction of a contact about a complaint.
public enum ComplaintContactDirection: String, CaseIterable, Codable, Sendable {
    /// We reached the customer (the first one meets K-4).
    case outbound
    /// The customer contacted us again about the same complaint (K-13).
    case inbound
}

func required(_ text: String?, field: String, _ why: Phrase) throws -> String {
    let trimmed = (text ?? "").trimmed()
    guard !trimmed.isEmpty else { throw InvalidInput(field: field, why) }
    return trimmed
}

extension Complaint {
    /// Rule K-1/K-3/K-5: checks a complaint at intake; `now` bounds the time of receipt. Its errors name the fields of
    /// `ComplaintForm`, which each front end names as its caller wrote them.
    public func validateIntake(now: Date) throws {
        _ = try required(description, field: "description", "write the complaint in the customer's words (K-1)")
        _ = try required(receivedBy, field: "receivedBy", "record who received the complaint first (K-3)")
        _ = try required(owner, field: "owner", "a customer-service staff member owns the complaint (K-3)")
        guard receivedAt <= now.addingTimeInterval(60) else {
            throw Conflict(field: "receivedAt", "the complaint cannot be received in the future")
        }
        if crisis {
            _ = try required(
                crisisReason, field: "crisisReason",
                "say why this is a crisis (K-8: safety, large damage, media, lawyers, authorities)")
        }
    }

    /// Rule K-4 (first contact, timed) and K-13 (the customer contacting us again, a visit without a fix).
    public mutating func contact(
        at: Date, now: Date, direction: ComplaintContactDirection, unfixedVisit: Bool, callback: String?, note: String?
    ) throws -> ComplaintEvent {
        try ComplaintAction.contact.check(state)
        guard at >= receivedAt else {
            throw Conflict(
                field: "at",
                "the contact cannot be before the complaint was received (\(Instant.utcString(receivedAt)))")
        }
        guard at <= now.addingTimeInterval(60) else {
            throw Conflict(field: "at", "the contact cannot be in the future")
        }
        var rule: String?
        var text: [Phrase] = []
        switch direction {
        case .outbound:
            if firstContactAt == nil {
                firstContactAt = at
                if state == .received { state = .contacted }
                rule = "K-4"
                text.append("first contact after \(Elapsed.phrase(seconds: Int(at.timeIntervalSince(receivedAt))))")
            }
        case .inbound:
            repeatContacts += 1
            rule = "K-13"
            text.append("the customer contacted us again")
        }
        if unfixedVisit {
            unfixedVisits += 1
            rule = "K-13"
            text.append("visit without a fix")
        }
        if let callback = callback?.trimmed(), !callback.isEmpty {
            self.callback = callback
            text.append("told the customer: \(callback)")
        }
        if let note = note?.trimmed(), !note.isEmpty { text.append(Phrase(verbatim: note)) }
        return ComplaintEvent(
            action: "contact", rule: rule, note: Phrase.joined(text, separator: say("; ")).rendered())
    }

    /// Rule K-3: reassigning the owner is an explicit act with a reason; it is also an escalation sign (K-13).
    public mutating func assign(to newOwner: String, reason: String?) throws -> ComplaintEvent {
        try ComplaintAction.assign.check(state)
        let name = try required(newOwner, field: "to", "name the new owner")
        let why = try required(reason, field: "reason", "give the reason for reassigning the complaint (K-3)")
        guard name != owner else {
            throw Conflict(field: "to", "\(name) already owns complaint \(id.map(String.init(describing:)) ?? "")")
        }
        let previous = owner
        owner = name
        reassignments += 1
        if let followUp, followUp.doneAt == nil, followUp.by == previous { self.followUp?.by = name }
        return ComplaintEvent(action: "assign", rule: "K-3", note: say("\(previous) → \(name): \(why)"))
    }

    /// Rule K-5: the internal complaint repair order goes to the department of the category table unless
    /// another is named (the override and the table's answer are both recorded).
    public mutating func route(
        to department: Role?, person: String?, advisor: String?, cause: ComplaintCause?, at: Date
    ) throws -> ComplaintEvent {
        try ComplaintAction.route.check(state)
        let table = category.department
        let chosen = department ?? table
        let rule =
            chosen == table
            ? category.routingRule : say("routed to \(chosen.spokenDepartment) by hand (\(category.routingRule))")
        repairOrder = RepairOrder(
            department: chosen, person: person?.trimmed().nilIfEmpty, advisor: advisor?.trimmed().nilIfEmpty, at: at,
            rule: rule, plan: nil)
        state = .investigating
        valid = true
        if let cause { self.cause = cause }
        return ComplaintEvent(
            action: "route", rule: "K-5",
            note: rule + (person.map { say(" (\($0))") } ?? "") + (advisor.map { say("; advisor \($0)") } ?? ""))
    }

    /// Rule K-6: the service advisor's report to customer service; it restarts the 24-hour clock and is
    /// counted on time or late.
    public mutating func report(
        note: String?, plan: String?, at: Date, policy: ComplaintPolicy
    ) throws -> ComplaintEvent {
        try ComplaintAction.report.check(state)
        let text = try required(note, field: "note", "say what was done and what comes next (K-6)")
        let due = ComplaintClocks.deadlines(self, policy: policy).first { $0.kind == .report }?.due
        let late = due.map { at > $0 } ?? false
        reports += 1
        if late { lateReports += 1 }
        lastReportAt = at
        if let plan = plan?.trimmed(), !plan.isEmpty { repairOrder?.plan = plan }
        let timing: Phrase =
            if let due, late { "late by \(Elapsed.phrase(seconds: Int(at.timeIntervalSince(due))))" } else { "on time" }
        return ComplaintEvent(action: "report", rule: "K-6", note: say("\(text) (\(timing))"))
    }

    /// Rule K-7: one level up (or straight to `level`), with the analysis or reason; the new level's clocks start now.
    public mutating func escalate(
        to level: EscalationLevel?, reason: String?, at: Date, rule: String = "K-7"
    ) throws -> ComplaintEvent {
        try ComplaintAction.escalate.check(state)
        let why = try required(reason, field: "reason", "give the analysis and suggestion for the next level (K-7)")
        guard let next = level ?? self.level.next else {
            throw Conflict(
                field: "to",
                "the complaint is already at the manufacturer's regional office, the top of the ladder (K-7)")
        }
        guard next > self.level else {
            throw Conflict(
                field: "to",
                "the complaint is already at \(self.level.spoken); escalate to a higher level: "
                    + "\(EscalationLevel.allCases.filter { $0 > self.level }.map(\.rawValue).joined(separator: ", "))"
            )
        }
        let previous = self.level
        self.level = next
        levelSince = at
        return ComplaintEvent(
            action: "escalate", rule: rule, note: say("\(previous.spoken) → \(next.spoken): \(why)"))
    }

    /// Rule K-7 applied by the clock: the current level missed `deadline`, so the complaint goes one level up
    /// and the miss counts as slow handling (K-13).
    public mutating func escalateForMissed(_ deadline: Deadline, at: Date) throws -> ComplaintEvent {
        let late = Elapsed.phrase(seconds: Int(at.timeIntervalSince(deadline.due)))
        let reason: Phrase =
            "\(deadline.rule) missed: \(deadline.what), due \(Instant.utcString(deadline.due)), late by \(late)"
        var event = try escalate(to: nil, reason: say(reason), at: at)
        missedDeadlines += 1
        event.action = "escalate-due"
        return event
    }

    /// Rule K-8: a crisis goes to the general manager at once, whatever the level, and takes the top priority.
    public mutating func flagCrisis(reason: String?, at: Date) throws -> ComplaintEvent {
        try ComplaintAction.crisis.check(state)
        let why = try required(
            reason, field: "reason", "say why this is a crisis (K-8: safety, large damage, media, lawyers, authorities)"
        )
        guard !crisis else { throw Conflict(field: "crisis", "complaint is already a crisis: \(crisisReason ?? "")") }
        crisis = true
        crisisReason = why
        var note = why
        if level < .generalManager {
            note += say("; \(level.spoken) → \(EscalationLevel.generalManager.spoken)")
            level = .generalManager
            levelSince = at
        }
        return ComplaintEvent(action: "crisis", rule: "K-8", note: note)
    }

    /// Rule K-10: the solution presented to the customer; the complaint then awaits the customer's verdict.
    public mutating func resolve(_ resolution: Resolution, cause: ComplaintCause?) throws -> ComplaintEvent {
        try ComplaintAction.resolve.check(state)
        _ = try required(resolution.summary, field: "summary", "summarise the solution presented (K-10)")
        _ = try required(resolution.measures, field: "measures", "list the measures taken (K-10)")
        if let cause { self.cause = cause }
        self.resolution = resolution
        valid = true
        state = .resolved
        return ComplaintEvent(
            action: "resolve", rule: "K-10",
            note: resolution.summary
                + say(resolution.customerAgreed ? " (customer agreed)" : " (customer has not agreed yet)"))
    }

    /// Rule K-10: the customer rates process and result on the 7-level scale. Both satisfied (top three
    /// levels, setting) closes the complaint and starts the K-11 follow-up; anything lower sends it back to
    /// investigation. Returns the event; `state` says which happened.
    public mutating func close(
        _ verdict: Verdict, policy: ComplaintPolicy, followUpPerson: String
    ) throws -> ComplaintEvent {
        try ComplaintAction.close.check(state)
        self.verdict = verdict
        let satisfied =
            verdict.process.isSatisfied(topLevels: policy.satisfiedLevels)
            && verdict.result.isSatisfied(topLevels: policy.satisfiedLevels)
        let ratings: Phrase = "process \(verdict.process.spoken), result \(verdict.result.spoken)"
        guard satisfied else {
            state = .investigating
            reopened += 1
            reopenedAt = verdict.at  // K-6: the report clock restarts here
            return ComplaintEvent(
                action: "close-refused", rule: "K-10",
                note: say(
                    "\(ratings): not satisfied (top \(policy.satisfiedLevels) levels needed), back to investigating"))
        }
        state = .closed
        closedAt = verdict.at
        let closedDay = LocalDate(instant: verdict.at, in: policy.timeZone)
        followUp = FollowUp(
            dueOn: closedDay.adding(days: policy.followUpDays), by: followUpPerson, doneAt: nil, result: nil,
            satisfaction: nil)
        return ComplaintEvent(
            action: "close", rule: "K-10",
            note: say(
                "\(ratings); follow-up by \(followUpPerson) by \(closedDay.adding(days: policy.followUpDays)) (K-11)"))
    }

    /// Rule K-10: the customer is not satisfied with the solution: back to investigation, where the K-6
    /// report clock restarts at `at`.
    public mutating func reopen(reason: String?, at: Date) throws -> ComplaintEvent {
        try ComplaintAction.reopen.check(state)
        let why = try required(reason, field: "reason", "say why the complaint is reopened")
        state = .investigating
        reopened += 1
        reopenedAt = at  // K-6
        closedAt = nil
        followUp = nil
        return ComplaintEvent(action: "reopen", rule: "K-10", note: why)
    }

    /// Rule K-9: a complaint that is not valid is explained to the customer (by the customer-service
    /// manager) and closed as invalid; it is still recorded and counted.
    public mutating func invalidate(explanation: String?, at: Date) throws -> ComplaintEvent {
        try ComplaintAction.invalidate.check(state)
        let text = try required(
            explanation, field: "explanation", "record how the complaint was explained to the customer (K-9)")
        valid = false
        invalidExplanation = text
        state = .invalid
        closedAt = at
        return ComplaintEvent(action: "invalidate", rule: "K-9", note: text)
    }

    /// Rule K-11: the follow-up visit or call, recorded with its result.
    public mutating func recordFollowUp(result: String?, satisfaction: Satisfaction?, at: Date) throws -> ComplaintEvent
    {
        try ComplaintAction.followUp.check(state)
        let text = try required(result, field: "result", "record what the customer said at the follow-up (K-11)")
        guard var followUp, followUp.doneAt == nil else {
            throw Conflict(field: "followup", "the follow-up is already recorded")
        }
        if let closedAt, at < closedAt { throw Conflict(field: "at", "the follow-up cannot be before the close") }
        followUp.doneAt = at
        followUp.result = text
        followUp.satisfaction = satisfaction
        self.followUp = followUp
        return ComplaintEvent(
            action: "followup", rule: "K-11", note: text + (satisfaction.map { say(" (\($0.spoken))") } ?? ""))
    }

    /// Rule K-12: root cause and preventive action by the market coordinator, once the complaint is resolved
    /// (also closed or invalid).
    public mutating func analyse(
        rootCause: String?, preventiveAction: String?, cause: ComplaintCause?, by: String, at: Date
    ) throws -> ComplaintEvent {
        try ComplaintAction.analyse.check(state)
        let root = try required(rootCause, field: "root-cause", "give the root cause (K-12)")
        let action = try required(preventiveAction, field: "preventive-action", "give the preventive action (K-12)")
        if let cause { self.cause = cause }
        analysis = Analysis(rootCause: root, preventiveAction: action, by: by, at: at)
        return ComplaintEvent(
            action: "analyse", rule: "K-12", note: say("root cause: \(root); preventive action: \(action)"))
    }
}
