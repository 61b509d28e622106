import Appointments
import ArgumentParser
import Core
import Foundation
import Storage

extension BayKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.trimmed().lowercased()) }
}

extension Skill: ExpressibleByArgument {
    public init?(argument: String) { self.init(rawValue: argument.trimmed().lowercased()) }
}

/// `aftersales capacity`: the workshop's capacity as data (issue 18, A-2): bays, technicians with skills, shifts and
/// leave, service advisors with their reception slots, the skill each labour operation needs.
struct CapacityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capacity",
        abstract: say("The workshop's capacity: bays, technicians, leave, service advisors, operation skills (A-2)."),
        discussion: say(
            """
            Appointments are offered only where capacity can honour them: a service advisor free to receive, and a \
            bay and a technician with the skill free for the work, within the store's opening hours (T-3, \
            `aftersales calendar hours`).
            """),
        subcommands: [Show.self, Set.self],
        defaultSubcommand: Show.self)

    /// Each capacity field as the CLI's caller writes it.
    static func field(_ field: CapacityForm.Field) -> String {
        switch field {
        case .code: "<code>"
        case .name: "<name>"
        case .kind: "--kind"
        case .skills: "--skills"
        case .skill: "--skill"
        case .shifts: "--shift"
        case .from: "--from"
        case .to: "--to"
        case .reason: "--reason"
        case .arrivals: "--arrivals"
        case .leave: "--remove"
        case .operation: "<code>"
        }
    }

    /// Runs a use case, naming a field at fault as the command line wrote it.
    static func naming<T>(_ body: () throws -> T) throws -> T {
        try CapacityForm.Field.naming(field, body)
    }

    /// Reads text through the form in `validate()`: a value that does not parse is a usage error (exit 64) naming
    /// the option.
    static func parsed<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as InvalidInput {
            let name = error.field.flatMap(CapacityForm.Field.init(rawValue:)).map(field) ?? ""
            throw ValidationError(name.isEmpty ? error.reason : "\(name): \(error.reason)")
        }
    }

    /// `--active` / `--inactive` as one answer: nil keeps what is stored.
    struct Activity: ParsableArguments {
        @Flag(help: ArgumentHelp(say("Take it out of use (kept, offered no more)."))) var inactive = false
        @Flag(help: ArgumentHelp(say("Put it back in use."))) var active = false

        func validate() throws {
            guard !(active && inactive) else {
                throw ValidationError(say("give at most one of --active and --inactive"))
            }
        }

        var value: Bool? { active ? true : inactive ? false : nil }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("The opening hours, bays, technicians, advisors and operation skills; who works on a day."),
            discussion: Help.text(
                "aftersales capacity show\naftersales capacity show --day 2026-12-10\n"
                    + "aftersales capacity show --format json",
                permission: .readAppointments))
        @OptionGroup var global: GlobalOptions
        @Option(
            help: ArgumentHelp(say("Also list the hours each person works that day, YYYY-MM-DD."), valueName: "day"),
            transform: Typed.day)
        var day: LocalDate?

        func run() throws {
            let listing = try global.open().capacityListing(day: day)
            try global.output.emit(listing, table: CapacityPresenter.table(listing))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Set a bay, a technician, a leave, a service advisor or an operation's skill."),
            subcommands: [Bay.self, Technician.self, Leave.self, Advisor.self, Operation.self])
    }
}

extension CapacityCommand.Set {
    struct Bay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Add a bay or change its kind; take it out of use or back. A bay is never deleted."),
            discussion: Help.text(
                "aftersales capacity set bay B09 --kind alignment\naftersales capacity set bay B09 --inactive",
                permission: .manageCapacity,
                more: "Kinds: \(Help.codes(BayKind.allCases, code: \.rawValue, meaning: \.spoken))."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The bay's code, such as B07."), valueName: "code")) var code: String
        @Option(help: ArgumentHelp(say("The bay's kind (needed for a new bay)."), valueName: "kind")) var kind: BayKind?
        @OptionGroup var activity: CapacityCommand.Activity

        func validate() throws { _ = try CapacityCommand.parsed { try CapacityForm.bayCode(code) } }

        func run() throws {
            let db = try global.open()
            let bay = try CapacityCommand.naming {
                try db.setBay(code, kind: kind, active: activity.value, actor: global.actorName)
            }
            try global.output.emit(bay, table: CapacityPresenter.table(bays: [bay]))
        }
    }

    struct Technician: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Set a technician's skills and shifts per weekday, or take them off the plan."),
            discussion: Help.text(
                """
                aftersales capacity set technician 刘强 --skills general,electrical --shift mon-fri=08:30-17:30 \\
                    --shift sat=09:00-15:00
                aftersales capacity set technician 刘强 --skills general,electrical,high-voltage
                """, permission: .manageCapacity,
                more: "The name is a current staff member, a technician or the shop foreman. --shift replaces "
                    + "every shift: DAYS=HH:MM-HH:MM, DAYS a weekday (mon, 周一), a range (mon-fri) or a list "
                    + "(sat,sun); weekdays not given are days off. Shifts lie within the store's opening hours "
                    + "(T-3); a shift outside them is refused. "
                    + "Skills: \(Help.codes(Skill.allCases, code: \.rawValue, meaning: \.spoken))."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The technician's name, as `staff list` shows it."), valueName: "name"))
        var name: String
        @Option(help: ArgumentHelp(say("Skills, comma-separated (needed for a new technician)."), valueName: "skills"))
        var skills: String?
        @Option(help: ArgumentHelp(say("A shift, DAYS=HH:MM-HH:MM; repeat for more."), valueName: "shift"))
        var shift: [String] = []
        @OptionGroup var activity: CapacityCommand.Activity

        func validate() throws {
            if let skills { _ = try CapacityCommand.parsed { try CapacityForm.skills([skills]) } }
            _ = try CapacityCommand.parsed { try CapacityForm.shifts(shift) }
        }

        func run() throws {
            let db = try global.open()
            let chosen = try skills.map { try CapacityForm.skills([$0]) }
            let shifts = shift.isEmpty ? nil : Optional(try CapacityForm.shifts(shift))
            let technician = try CapacityCommand.naming {
                try db.setTechnician(
                    name, skills: chosen, shifts: shifts, active: activity.value, actor: global.actorName)
            }
            try global.output.emit(technician, table: CapacityPresenter.table(technicians: [technician]))
        }
    }

    struct Leave: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record a technician's leave (days away, both included), or remove one by its number."),
            discussion: Help.text(
                """
                aftersales capacity set leave 孙浩 --from 2027-01-04 --to 2027-01-06 --reason 培训
                aftersales capacity set leave 孙浩 --remove 2
                """, permission: .manageCapacity,
                more: "`capacity show` lists each leave to come with its number."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The technician's name."), valueName: "name")) var name: String
        @Option(help: ArgumentHelp(say("First day away, YYYY-MM-DD."), valueName: "day"), transform: Typed.day)
        var from: LocalDate?
        @Option(help: ArgumentHelp(say("Last day away, YYYY-MM-DD."), valueName: "day"), transform: Typed.day)
        var to: LocalDate?
        @Option(help: ArgumentHelp(say("Why, such as 培训 or 年假."), valueName: "text")) var reason: String?
        @Option(help: ArgumentHelp(say("Remove the leave with this number instead."), valueName: "number"))
        var remove: Int64?

        func validate() throws {
            if remove != nil {
                guard from == nil, to == nil, reason == nil else {
                    throw ValidationError(say("--remove takes no --from, --to or --reason"))
                }
                return
            }
            guard let from, let to else { throw ValidationError(say("give --from and --to, or --remove")) }
            _ = try CapacityCommand.parsed { try CapacityForm.leave(from: from, to: to, reason: reason) }
        }

        func run() throws {
            let db = try global.open()
            if let remove {
                try CapacityCommand.naming { try db.removeLeave(name, id: remove, actor: global.actorName) }
                global.output.note("leave \(String(remove)) of \(name) removed")
                return
            }
            guard let from, let to else { return }
            let entry = try CapacityCommand.naming {
                try db.addLeave(
                    name, Appointments.Leave(from: from, to: to, reason: reason), actor: global.actorName)
            }
            try global.output.emit(entry, table: CapacityPresenter.table(leave: entry))
        }
    }

    struct Advisor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Set a service advisor's arrivals per 15 minutes and reception shifts, or take them off."),
            discussion: Help.text(
                """
                aftersales capacity set advisor 王丽 --arrivals 3 --shift mon-sun=08:30-20:00
                aftersales capacity set advisor 王丽 --setting-arrivals --store-hours
                """, permission: .manageCapacity,
                more: "The name is a current staff member, a service advisor or the service manager. Without "
                    + "their own figure an advisor receives the setting `appointments.arrivals-per-advisor` (A-2); "
                    + "without shifts, every hour the store is open."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The advisor's name, as `staff list` shows it."), valueName: "name"))
        var name: String
        @Option(help: ArgumentHelp(say("Booked arrivals this advisor receives per 15 minutes (1-20)."))) var arrivals:
            Int?
        @Flag(
            name: .customLong("setting-arrivals"),
            help: ArgumentHelp(say("Use the setting `appointments.arrivals-per-advisor` instead of an own figure.")))
        var settingArrivals = false
        @Option(help: ArgumentHelp(say("A reception shift, DAYS=HH:MM-HH:MM; repeat for more."), valueName: "shift"))
        var shift: [String] = []
        @Flag(
            name: .customLong("store-hours"),
            help: ArgumentHelp(say("Receive every hour the store is open (no shifts of their own).")))
        var storeHours = false
        @OptionGroup var activity: CapacityCommand.Activity

        func validate() throws {
            guard arrivals == nil || !settingArrivals else {
                throw ValidationError(say("give at most one of --arrivals and --setting-arrivals"))
            }
            guard shift.isEmpty || !storeHours else {
                throw ValidationError(say("give at most one of --shift and --store-hours"))
            }
            if let arrivals { _ = try CapacityCommand.parsed { try CapacityForm.arrivals(arrivals) } }
            _ = try CapacityCommand.parsed { try CapacityForm.shifts(shift) }
        }

        func run() throws {
            let db = try global.open()
            let count: Int?? = settingArrivals ? .some(nil) : arrivals.map { .some($0) }
            var shifts: [Weekday: BusinessHours]? = storeHours ? [:] : nil
            if !shift.isEmpty { shifts = try CapacityForm.shifts(shift) }
            let advisor = try CapacityCommand.naming {
                try db.setAdvisor(
                    name, arrivals: count, shifts: shifts, active: activity.value, actor: global.actorName)
            }
            let setting = try db.settings().arrivalsPerAdvisor
            try global.output.emit(advisor, table: CapacityPresenter.table(advisors: [advisor], setting: setting))
        }
    }

    struct Operation: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Set the skill a labour operation of the catalogue needs (others need general)."),
            discussion: Help.text(
                "aftersales capacity set operation \"87 00 00 00\" --skill electrical", permission: .manageCapacity,
                more: "Skills: \(Help.codes(Skill.allCases, code: \.rawValue, meaning: \.spoken))."))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The labour operation's code, such as \"01 10 00 00\"."), valueName: "code"))
        var code: String
        @Option(help: ArgumentHelp(say("The skill it needs."), valueName: "skill")) var skill: Skill

        func validate() throws { _ = try CapacityCommand.parsed { try CapacityForm.operation(code) } }

        func run() throws {
            let db = try global.open()
            let entry = try CapacityCommand.naming {
                try db.setOperationSkill(code, skill: skill, actor: global.actorName)
            }
            try global.output.emit(entry, table: CapacityPresenter.table(operations: [entry]))
        }
    }
}
