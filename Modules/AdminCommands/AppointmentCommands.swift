import Appointments
import ArgumentParser
import Core
import Foundation
import Storage

// `aftersales appointment …`: offers, booking and the register. Each command parses its options,
// calls one use case of AppointmentStorage and prints through `AppointmentPresent`; the slot finder and the rules live
// in `Appointments`.

extension AppointmentChannel: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}
extension AppointmentState: ExpressibleByArgument {
    public init?(argument: String) { self.init(choice: argument) }
}

extension CLIFields {
    /// `appointment offer`, `book` and `reschedule`.
    static func appointment(_ field: AppointmentForm.Field) -> String {
        switch field {
        case .vehicle: "--vin"
        case .jobs: "--jobs"
        case .description: "--description"
        case .hours: "--hours"
        case .channel: "--channel"
        case .after: "--after"
        case .advisor: "--advisor"
        case .arrival: "--arrival"
        case .bay: "--bay"
        case .technician: "--technician"
        case .preferred: "--preferred"
        case .note: "--note"
        case .campaign: "--campaign"
        }
    }
}

struct AppointmentCommand: ParsableCommand {
    /// The group's subcommands; the day-before lists, dealer calls and check-in add theirs here.
    static let subcommandList: [any ParsableCommand.Type] = [
        Offer.self, Book.self, List.self, Show.self, Reschedule.self, Cancel.self, NoShow.self, Remind.self,
        DayBefore.self, CheckIn.self, Calls.self, Menu.self,
    ]

    static let configuration = CommandConfiguration(
        commandName: "appointment",
        abstract: say(
            "Appointments: free slots, booking, the register, the day-before lists, check-in, dealer calls "
                + "(A-1 to A-6)."
        ),
        subcommands: subcommandList, aliases: ["appointments"])

    /// The vehicle, its work and the channel of an offer or a booking.
    struct WorkOptions: ParsableArguments {
        @Option(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @OptionGroup var job: JobOptions
        @Option(help: ArgumentHelp(say("Where the booking comes from: phone, web, in-store or dealer-call (A-1).")))
        var channel: AppointmentChannel = .phone

        func validate() throws {
            if let hours = job.hours, AppointmentForm.centihoursIfValid(hours) == nil {
                throw ValidationError(say("--hours takes hours above 0 and at most 24, such as 1.5"))
            }
        }

        var form: AppointmentForm {
            var form = AppointmentForm()
            form.vehicle = vin
            job.fill(&form)
            form.channel = channel
            return form
        }
    }

    /// The work asked for: catalogue operations, or a description with its hours (`offer`, `book`, and the
    /// booking of `contact log`).
    struct JobOptions: ParsableArguments {
        @Option(
            help: ArgumentHelp(
                say("Labour operation codes of the catalogue, comma-separated (Q-1)."), valueName: "code,…"))
        var jobs: [String] = []
        @Option(help: ArgumentHelp(say("Work not in the catalogue, in a few words (with --hours)."))) var description:
            String?
        @Option(help: ArgumentHelp(say("The estimated hours of the described work, such as 1.5."))) var hours: String?

        func fill(_ form: inout AppointmentForm) {
            form.jobs = jobs
            form.description = description
            form.hours = hours
        }
    }

    /// The slot a booking takes: an offered arrival with its advisor, bay and technician, or the customer's
    /// preferred time; and the campaign that led to it (M-4). `book`, and the booking of `contact log` (C-8).
    struct SlotOptions: ParsableArguments {
        @Option(help: ArgumentHelp(say("The offered slot's arrival, \"2026-12-08 09:00\".")), transform: Typed.time)
        var arrival: WallTime?
        @Option(help: ArgumentHelp(say("The offered slot's service advisor."))) var advisor: String?
        @Option(help: ArgumentHelp(say("The offered slot's bay."))) var bay: String?
        @Option(help: ArgumentHelp(say("The offered slot's technician."))) var technician: String?
        @Option(
            help: ArgumentHelp(say("The customer's preferred time when no slot suits: recorded as a request.")),
            transform: Typed.time)
        var preferred: WallTime?
        @Option(help: ArgumentHelp(say("The campaign that led to the booking (M-4)."))) var campaign: String?

        func fill(_ form: inout AppointmentForm) {
            form.arrival = arrival?.text
            form.advisor = advisor
            form.bay = bay
            form.technician = technician
            form.preferred = preferred?.text
            form.campaign = campaign
        }
    }

    struct Offer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Propose 2 to 3 free slots for a vehicle's work that the workshop can honour (A-2)."),
            discussion: Help.text(
                """
                aftersales appointment offer --vin 京N·88888 --jobs "47 11 19 00"
                aftersales appointment offer --vin 京N·88888 --description "空调异味" --hours 1 --channel dealer-call
                """, permission: .bookAppointments,
                more:
                    "A slot has an advisor free to receive the car, and a bay and a technician with the skill free "
                    + "for the whole work within opening hours. Slots spread over the day and the following days; a "
                    + "dealer's call (dealer-call) gets the quiet hours first, and the customer's usual advisor is "
                    + "preferred. Book one with `appointment book --arrival`."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var work: WorkOptions
        @Option(
            help: ArgumentHelp(say("The earliest arrival, \"2026-12-08 09:00\" (default now).")), transform: Typed.time)
        var after: WallTime?
        @Option(help: ArgumentHelp(say("Only this service advisor's slots."))) var advisor: String?

        func run() throws {
            let db = try global.open()
            var form = work.form
            form.after = after?.text
            form.advisor = advisor
            let offer = try AppointmentForm.Field.naming(CLIFields.appointment) { try db.appointmentOffers(form) }
            try AppointmentPresent.offer(offer, zone: try db.settings().timeZone, output: global.output)
        }
    }

    struct Book: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Book an offered slot, or record the customer's preferred time when none suits (A-2)."),
            discussion: Help.text(
                """
                aftersales appointment book --vin 京N·88888 --jobs "47 11 19 00" --preferred "2027-01-10 10:00"
                """, permission: .bookAppointments,
                more:
                    "With --arrival (a slot of `appointment offer`, optionally its --advisor, --bay and --technician) "
                    + "the slot is checked again as it is booked: when another booking took it first, nothing is "
                    + "written and the error lists the slots free now. A booking queues its confirmation in the "
                    + "outbox (A-3); --campaign records the campaign's response (M-4)."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var work: WorkOptions
        @OptionGroup var slot: SlotOptions
        @Option(help: ArgumentHelp(say("The customer's words about the visit."))) var note: String?

        func run() throws {
            let db = try global.open()
            var form = work.form
            slot.fill(&form)
            form.note = note
            let card = try AppointmentForm.Field.naming(CLIFields.appointment) {
                try db.bookAppointment(form, actor: global.actorName)
            }
            global.output.note(
                card.appointment.state == .requested
                    ? "recorded \(card.appointment.number) as a request" : "booked \(card.appointment.number)")
            try AppointmentPresent.card(card, zone: try db.settings().timeZone, output: global.output)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("List appointments by arrival: by day, advisor, state or customer."),
            discussion: Help.text(
                """
                aftersales appointment list
                aftersales appointment list --state requested --format json
                """, permission: .readAppointments))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Only this day, YYYY-MM-DD.")), transform: Typed.day) var day: LocalDate?
        @Option(help: ArgumentHelp(say("Only this service advisor's."))) var advisor: String?
        @Option(help: ArgumentHelp(say("Only this state: requested, booked, checked-in, cancelled, no-show.")))
        var state: AppointmentState?
        @Option(help: ArgumentHelp(say("Only this customer's (id)."))) var customer: Int64?

        func run() throws {
            let db = try global.open()
            let cards = try db.appointments(
                AppointmentFilter(day: day, advisor: advisor, state: state, customerID: customer))
            try AppointmentPresent.list(cards, zone: try db.settings().timeZone, output: global.output)
        }
    }

    /// The appointment an argument names.
    struct NumberArgument: ParsableArguments {
        @Argument(help: ArgumentHelp(say("The appointment's number, AP-000001."), valueName: "number"))
        var number: String
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Show an appointment: the work, the slot, the price and its history."),
            discussion: Help.text("aftersales appointment show AP-000001", permission: .readAppointments))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var appointment: NumberArgument

        func run() throws {
            let db = try global.open()
            let card = try db.appointment(appointment.number)
            try AppointmentPresent.card(card, zone: try db.settings().timeZone, output: global.output)
        }
    }

    struct Reschedule: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Move an appointment (or a request) to another free slot; the history keeps the old one."),
            discussion: Help.text(
                "aftersales appointment reschedule AP-000001 --arrival \"2027-01-11 10:00\"",
                permission: .bookAppointments,
                more: "The new slot is checked as booking checks it, and a new confirmation is queued (A-3)."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var appointment: NumberArgument
        @Option(help: ArgumentHelp(say("The new slot's arrival, \"2026-12-08 09:00\".")), transform: Typed.time)
        var arrival: WallTime
        @Option(help: ArgumentHelp(say("The new slot's service advisor."))) var advisor: String?
        @Option(help: ArgumentHelp(say("The new slot's bay."))) var bay: String?
        @Option(help: ArgumentHelp(say("The new slot's technician."))) var technician: String?
        @Option(help: ArgumentHelp(say("Why it moves, in a few words."))) var note: String?

        func run() throws {
            let db = try global.open()
            var form = AppointmentForm()
            form.arrival = arrival.text
            form.advisor = advisor
            form.bay = bay
            form.technician = technician
            form.note = note
            let card = try AppointmentForm.Field.naming(CLIFields.appointment) {
                try db.rescheduleAppointment(appointment.number, form, actor: global.actorName)
            }
            global.output.note("rescheduled \(card.appointment.number)")
            try AppointmentPresent.card(card, zone: try db.settings().timeZone, output: global.output)
        }
    }

    struct Cancel: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Cancel an appointment with the customer's reason; its slot is free again."),
            discussion: Help.text(
                "aftersales appointment cancel AP-000001 --reason \"客户临时出差\"", permission: .bookAppointments))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var appointment: NumberArgument
        @Option(help: ArgumentHelp(say("Why, in the customer's words."))) var reason: String

        func run() throws {
            let db = try global.open()
            let card = try InputNaming.field("reason", as: "--reason") {
                try db.cancelAppointment(appointment.number, reason: reason, actor: global.actorName)
            }
            global.output.note("cancelled \(card.appointment.number)")
            try AppointmentPresent.card(card, zone: try db.settings().timeZone, output: global.output)
        }
    }

    struct NoShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "no-show",
            abstract: say("Record that the customer did not come: counted, and a call task raised (A-3)."),
            discussion: Help.text(
                "aftersales appointment no-show AP-000001 --note \"电话未接\"", permission: .bookAppointments,
                more: "Recorded after the arrival time; the call task appears in `task list` for customer service."))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var appointment: NumberArgument
        @Option(help: ArgumentHelp(say("What happened, in a few words."))) var note: String?

        func run() throws {
            let db = try global.open()
            let card = try db.recordNoShow(appointment.number, note: note, actor: global.actorName)
            global.output.note("recorded the no-show of \(card.appointment.number)")
            try AppointmentPresent.card(card, zone: try db.settings().timeZone, output: global.output)
        }
    }

    struct Remind: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Queue the reminders of a day's appointments (default tomorrow), once each (A-3)."),
            discussion: Help.text(
                "aftersales appointment remind", permission: .bookAppointments,
                more: "Run it daily (cron); running it again queues nothing twice. `outbox send` delivers them."))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("The appointments' day, YYYY-MM-DD (default tomorrow).")), transform: Typed.day)
        var day: LocalDate?

        func run() throws {
            let db = try global.open()
            let queued = try db.queueAppointmentReminders(day: day, actor: global.actorName)
            try global.output.emit(
                ["queued": queued], table: TextTable(columns: ["queued"], rows: [[String(queued)]]))
        }
    }
}

/// Renames the field of an error a use case raises, for arguments that are not a form's.
enum InputNaming {
    static func field<T>(_ old: String, as new: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any AfterSalesError where error.field == old {
            throw RenamedField(error, field: new)
        }
    }
}
