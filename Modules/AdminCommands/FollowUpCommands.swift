import ArgumentParser
import Complaints
import Core
import Foundation
import Storage
import WorkOrders

// `aftersales followup …`: the post-service follow-up (服务后回访, Q-6) of delivered repair orders. The rules live in
// `WorkOrders/FollowUp.swift`; the task in `WorkOrderStorage`, its card and complaint in `Storage/FollowUps.swift`.

extension FollowUpOutcome: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

struct FollowUpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: say("The follow-up call after a repair (Q-6): the due list, calls, the customer's answer."),
        subcommands: [Due.self, Attempt.self, Done.self])

    /// Prints a task after a change: a line for people and the task, or the JSON document.
    static func emit(_ task: FollowUpTask, global: GlobalOptions, zone: TimeZone, note: Phrase? = nil) throws {
        if let note { global.output.note(note) }
        let time = { (date: Date) in Instant.localString(date, in: zone) }
        var pairs: [(String, String?)] = [
            ("follow-up", task.id.map(String.init)), ("order", task.order), ("vin", task.vin.value),
            ("delivered", time(task.deliveredAt)), ("due", task.dueOn.description),
            ("state", task.state.spoken.rendered()),
            ("card", task.card?.spoken.rendered()), ("card note", task.cardNote),
        ]
        for attempt in task.attempts {
            let text: Phrase =
                if let note = attempt.note {
                    "\(time(attempt.at)) \(attempt.outcome.spoken), \(attempt.by): \(note)"
                } else {
                    "\(time(attempt.at)) \(attempt.outcome.spoken), \(attempt.by)"
                }
            pairs.append(("call", text.rendered()))
        }
        if let answer = task.answer {
            pairs.append(("score", "\(answer.score.rawValue) \(answer.score.spoken.rendered())"))
            for (dimension, level) in answer.dimensions.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                pairs.append((dimension.spoken.rendered(), "\(level.rawValue) \(level.spoken.rendered())"))
            }
            pairs.append(("note", answer.note))
            pairs.append(("problem", answer.problem))
            pairs.append(("done", task.doneAt.map(time).map { "\($0) \(task.doneBy ?? "")" }))
        }
        pairs.append(("complaint", task.complaint.map(String.init)))
        try global.output.emit(task, table: .record(pairs))
    }

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Follow-ups not yet done, overdue first (Q-6)."),
            discussion: Help.text(
                """
                aftersales followup due
                aftersales followup due --mine --actor 王芳
                """, permission: .readFollowUps,
                more:
                    "A task is made when a repair order is delivered, due within workorders.followup.days days "
                    + "(default 3). --mine keeps the tasks you may take: not the order's service advisor nor a "
                    + "technician on it."))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("The day the list is for, YYYY-MM-DD (default today).")), transform: Typed.day)
        var day: LocalDate?
        @Flag(help: ArgumentHelp(say("Only tasks the actor may take (neutral to the order, Q-6)."))) var mine = false

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let items = try db.followUpsDue(on: day, mine: mine ? global.actorName : nil)
            let footer: Phrase =
                items.isEmpty
                ? "no follow-up due (Q-6)"
                : "\(items.count) follow-ups, \(items.filter(\.overdue).count) overdue (Q-6)"
            try global.output.emit(
                items,
                table: TextTable(
                    columns: ["follow-up", "order", "customer", "delivered", "due", "state", "calls", "overdue"],
                    rows: items.map { item in
                        [
                            String(item.task.id ?? 0), item.task.order, item.customerName,
                            Instant.localString(item.task.deliveredAt, in: zone), item.task.dueOn.description,
                            item.task.state.spoken.rendered(), String(item.task.attempts.count),
                            item.overdue ? say("yes") : "",
                        ]
                    }),
                footer: footer)
        }
    }

    struct Attempt: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record a follow-up call (Q-6); the last unanswered call of the day sends the card."),
            discussion: Help.text(
                "aftersales followup attempt 1 --outcome no-answer --note \"无人接听\"",
                permission: .writeFollowUps,
                more:
                    "Outcomes: \(Help.codes(FollowUpOutcome.allCases, code: \.rawValue, meaning: \.spoken)). "
                    + "The caller (--actor) must be neutral to the order. After workorders.followup.attempts "
                    + "unanswered calls on one day (default 3), a follow-up card is queued in the outbox: by SMS, "
                    + "else by letter, as the customer's consent allows (M-3)."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The follow-up task's number.")), transform: Typed.rowID) var task: Int64
        @Option(help: ArgumentHelp(say("How the call went."))) var outcome: FollowUpOutcome
        @Option(help: ArgumentHelp(say("A note on the call."))) var note: String?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let done = try db.recordFollowUpCall(task, outcome: outcome, note: note, actor: global.actorName)
            var said: Phrase = "call recorded: \(outcome.spoken)"
            if done.state == .card {
                said =
                    if let card = done.card {
                        "the calls went unanswered: a follow-up card is queued by \(card.spoken) (Q-6)"
                    } else {
                        "the calls went unanswered and no follow-up card can go: \(done.cardNote ?? "") (Q-6, M-3)"
                    }
            }
            try FollowUpCommand.emit(done, global: global, zone: zone, note: said)
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Record the customer's answer (Q-6, S-1); a problem found opens a complaint linked to the order "
                    + "(K-1)."),
            discussion: Help.text(
                """
                aftersales followup done 1 --score 6 --dimension reliability=6 --dimension empathy=7
                aftersales followup done 1 --score 3 --problem "刹车仍有异响" --category repair-technique
                """, permission: .writeFollowUps,
                more:
                    "The score is on the 7-level scale, by number (7 very satisfied … 1 very dissatisfied) or name; "
                    + "dimensions (S-1): \(Help.codes(ServiceDimension.allCases, code: \.rawValue, meaning: \.spoken))."
            ))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The follow-up task's number.")), transform: Typed.rowID) var task: Int64
        @Option(help: ArgumentHelp(say("Overall satisfaction on the 7-level scale."))) var score: Satisfaction
        @Option(
            help: ArgumentHelp(
                say("A dimension rated on the scale, such as empathy=6; repeatable (S-1)."),
                valueName: "DIMENSION=LEVEL")) var dimension: [DimensionScore] = []
        @Option(help: ArgumentHelp(say("What the customer said."))) var note: String?
        @Option(help: ArgumentHelp(say("A problem the customer still has: opens a complaint (K-1)."))) var problem:
            String?
        @Option(help: ArgumentHelp(say("The complaint's category (K-2; default other)."))) var category:
            ComplaintCategory?

        func run() throws {
            if problem != nil, problem?.trimmed().isEmpty == true {
                throw InvalidInput(field: "--problem", "say what the problem is, or leave --problem out")
            }
            if category != nil, problem == nil {
                throw InvalidInput(field: "--category", "a category needs --problem (K-2)")
            }
            let db = try global.open()
            let zone = try db.settings().timeZone
            var dimensions: [ServiceDimension: Satisfaction] = [:]
            for item in dimension { dimensions[item.dimension] = item.level }
            let answer = FollowUpAnswer(
                score: score, dimensions: dimensions, note: note, problem: problem, category: category)
            let done = try db.answerFollowUp(task, answer, actor: global.actorName)
            let said: Phrase =
                done.complaint.map { "follow-up done; complaint \($0) opened for order \(done.order) (K-1)" }
                ?? "follow-up done"
            try FollowUpCommand.emit(done, global: global, zone: zone, note: said)
        }
    }
}
