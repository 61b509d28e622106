import AppointmentStorage
import Appointments
import ArgumentParser
import Core
import Customers
import Foundation
import Storage

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact",
        abstract: say("The contact log (C-8): every attempt and the customer's response."),
        subcommands: [Log.self, List.self, Edit.self])

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Log a contact attempt and its outcome."),
            discussion: Help.text(
                "aftersales contact log --customer 42 --channel phone --outcome booked --staff 张伟 --note "
                    + "\"\(say("首保 booked for Friday"))\"",
                permission: .logContacts,
                more:
                    "Outcomes: reached, no-answer, booked (the customer decided to come), satisfied, dissatisfied, "
                    + "declined, lead (a sales lead for sales). A customer who decides to come is booked in the same "
                    + "contact (C-8): with --outcome booked, give the work (--jobs, or --description with --hours) "
                    + "and an offered slot's --arrival (from `appointment offer` or `appointment calls`), or the "
                    + "customer's --preferred time; the contact and the appointment are written together, or "
                    + "neither."
            ))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        @Option(help: ArgumentHelp(say("phone, sms, email, letter, visit or wechat."))) var channel: Contact.Channel
        @Option(help: ArgumentHelp(say("outbound or inbound."))) var direction: Contact.Direction = .outbound
        @Option(help: ArgumentHelp(say("What came of it."))) var outcome: Contact.Outcome
        @Option(help: ArgumentHelp(say("Staff member who made or took the contact (default: the actor)."))) var staff:
            String?
        @Option(help: ArgumentHelp(say("When (default now).")), transform: Typed.time) var at: WallTime?
        @Option(
            help: ArgumentHelp(say("The vehicle it was about: VIN, plate or the last 6 to 8 characters of the VIN.")))
        var vehicle: String?
        @Option(help: ArgumentHelp(say("What was said."))) var note: String?
        @OptionGroup(title: say("Booking in the same contact (C-8, with --outcome booked)")) var booking: BookingOptions

        func validate() throws {
            if booking.given, outcome != .booked {
                throw ValidationError(
                    say("--jobs, --arrival and --preferred book an appointment: use them with --outcome booked"))
            }
        }

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            var vehicleID: Vehicle.ID?
            if let vehicle {
                vehicleID = try db.vehicleCard(try db.vehicleVIN(named: vehicle, field: "vehicle")).vehicle.id
            }
            let contact = Contact(
                customerID: customer, vehicleID: vehicleID, channel: channel, direction: direction,
                at: at?.instant(in: zone) ?? db.now,
                staff: staff ?? global.actorName, outcome: outcome, note: note)
            guard booking.given else {
                let logged = try db.logContact(contact, actor: global.actorName)
                if outcome == .booked {
                    global.output.note(
                        "no appointment was booked: give --jobs and --arrival (or --preferred) to book in the same "
                            + "contact (C-8)")
                }
                return try global.output.emit(logged, table: Present.contacts([logged], zone: zone))
            }
            var form = booking.form
            form.note = note
            let booked = try AppointmentForm.Field.naming(BookingOptions.option) {
                try db.logContact(contact, booking: form, actor: global.actorName)
            }
            let number = booked.appointment.appointment.number
            global.output.note(
                booked.appointment.appointment.state == .requested
                    ? "contact \(booked.contact.id!.description) logged; recorded \(number) as a request (C-8)"
                    : "contact \(booked.contact.id!.description) logged; booked \(number) (C-8)")
            try AppointmentPresent.card(booked.appointment, zone: zone, output: global.output)
        }
    }

    /// The appointment a `booked` contact makes (C-8): the work and the slot, as `appointment book` takes them.
    struct BookingOptions: ParsableArguments {
        @OptionGroup var job: AppointmentCommand.JobOptions
        @OptionGroup var slot: AppointmentCommand.SlotOptions

        var form: AppointmentForm {
            var form = AppointmentForm()
            job.fill(&form)
            slot.fill(&form)
            return form
        }

        /// Whether any booking option was given: the form they fill is not the empty one.
        var given: Bool { form != AppointmentForm() }

        /// The option of `contact log` that a form field comes from.
        static func option(_ field: AppointmentForm.Field) -> String {
            field == .vehicle ? "--vehicle" : field == .channel ? "--channel" : CLIFields.appointment(field)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("A customer's contacts, newest first."),
            discussion: Help.text("aftersales contact list --customer 42", permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        @Option(help: ArgumentHelp(say("At most this many."))) var limit = 50
        @Option(help: ArgumentHelp(say("Skip this many."))) var offset = 0

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let page = try db.contacts(customer: customer, limit: limit, offset: offset)
            try global.output.emit(page: page, table: Present.contacts(page.items, zone: zone))
        }
    }
}

struct TasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task",
        abstract: say("Care-plan tasks of retained customers (C-7)."),
        subcommands: [Due.self, Done.self],
        aliases: ["tasks"])

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Tasks due and overdue, each with its rule and how late it is."),
            discussion: Help.text(
                "aftersales tasks due --as-of 2026-11-23 --assignee 张伟", permission: .readCustomers,
                more: "Monthly calls are created as the previous call is done or falls due (C-7), so run this daily."))

        @OptionGroup var global: GlobalOptions
        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp(say("The day to judge by (default today in the dealer's zone).")),
            transform: Typed.day) var asOf: LocalDate?
        @Option(help: ArgumentHelp(say("Only this staff member's tasks."))) var assignee: String?
        @Option(help: ArgumentHelp(say("Also tasks due within this many days."))) var ahead = 0

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let day = asOf ?? LocalDate(instant: db.now, in: zone)
            let due = try db.dueTasks(asOf: day, assignee: assignee, aheadDays: ahead, actor: global.actorName)
            try global.output.emit(
                due,
                table: TextTable(
                    columns: ["task", "customer", "vin", "what", "rule", "due", "status", "assignee"],
                    rows: due.map {
                        [
                            $0.task.id?.description ?? "", "\($0.task.customerID) \($0.customerName)", $0.vin.value,
                            say($0.task.spokenTitle), $0.task.rule,
                            $0.task.dueOn.description, say($0.lateness.phrase), Present.assignee($0.task.assignee),
                        ]
                    }), footer: "\(due.count) task(s) as of \(day)")
        }
    }

    struct Done: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Complete a task with the customer's response; with --channel it is also logged as a contact (C-8)."
                ),
            discussion: Help.text(
                "aftersales tasks done 17 --response \"车况良好, 首保已预约\" --channel phone --outcome booked",
                permission: .completeTasks))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Task id.")), transform: Typed.id) var id: CareTask.ID
        @Option(help: ArgumentHelp(say("The customer's response."))) var response: String
        @Option(help: ArgumentHelp(say("phone, sms, email, letter, visit or wechat."))) var channel: Contact.Channel?
        @Option(help: ArgumentHelp(say("Contact outcome (with --channel)."))) var outcome: Contact.Outcome = .reached
        @Option(help: ArgumentHelp(say("When it was done (default now).")), transform: Typed.time) var at: WallTime?
        @Option(help: ArgumentHelp(say("Who did it (default: the actor)."))) var staff: String?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let completion = TaskCompletion(
                response: response, channel: channel, outcome: outcome,
                at: at?.instant(in: zone), staff: staff)
            let task = try db.completeTask(id, completion, actor: global.actorName)
            try global.output.emit(
                task,
                table: .record([
                    ("task", task.id?.description), ("what", say(task.spokenTitle)), ("rule", task.rule),
                    ("due", task.dueOn.description),
                    ("done", task.doneAt.map { Instant.localString($0, in: zone) }), ("by", task.doneBy),
                    ("response", task.response),
                ]))
        }
    }
}
