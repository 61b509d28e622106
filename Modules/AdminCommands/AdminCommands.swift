import ArgumentParser
import Core
import Customers
import Foundation
import Storage

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: say("Read the audit log: who changed which record, when, and each field before and after."),
        discussion: Help.text(
            "aftersales audit --entity customer --id 42\naftersales audit --by 张伟 --since 2026-11-01",
            permission: .readAudit))

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp(say("customer, vehicle, contact, care_task, setting, staff, api_token, import...")))
    var entity: String?
    @Option(help: ArgumentHelp(say("The record's id (with --entity)."))) var id: String?
    @Option(name: .customLong("by"), help: ArgumentHelp(say("Only changes by this actor."))) var by: String?
    @Option(help: ArgumentHelp(say("Only changes on or after this day or time.")), transform: Typed.dayOrTime)
    var since: WallTime?
    @Option(help: ArgumentHelp(say("At most this many, newest first."))) var limit = 100

    func run() throws {
        let db = try global.open()
        let zone = try db.settings().timeZone
        let sinceDate = since?.instant(in: zone)
        let entries = try db.auditEntries(
            AuditFilter(entity: entity, entityID: id, actor: by, since: sinceDate, limit: limit))
        try global.output.emit(
            entries,
            table: TextTable(
                columns: ["at", "actor", "entity", "id", "action", "changes"],
                rows: entries.map { entry in
                    [
                        Instant.localString(entry.at, in: zone), entry.actor, entry.entity, entry.entityID,
                        AuditWords.action(entry.action, of: entry.entity).rendered(),
                        entry.changes.keys.sorted().map { key in
                            let change = entry.changes[key]!
                            let field = AuditWords.field(key, of: entry.entity).rendered()
                            let colon = Speech.current.language == .zh ? "：" : ": "
                            let before = change.before.map { AuditWords.value($0, of: key, entity: entry.entity) }
                            let after = change.after.map { AuditWords.value($0, of: key, entity: entry.entity) }
                            return "\(field)\(colon)\(before ?? "∅") → \(after ?? "∅")"
                        }.joined(separator: Speech.current.language == .zh ? "；" : "; "),
                    ]
                }))
    }
}

/// The audit log's codes as a table says them to a person: an action (`move` 变更分类) and a field name (`phones` 电话),
/// in the language of the moment; one the phrasebook does not know is said as it is stored. JSON keeps the codes.
enum AuditWords {
    /// An action (`create`, `move`...): its word for this entity where the code means something else there
    /// (`deliver` an outbox is not `deliver` a vehicle), else its word.
    static func action(_ code: String, of entity: String) -> Phrase {
        first([Phrase(code, context: "audit action: \(entity)")]) ?? Phrase(code, context: "audit action")
    }

    /// A field name: its word for this entity or its own audit word where the column word would mislead (`hours` of
    /// a labour operation are not opening hours), else the word of the column of the same name.
    static func field(_ name: String, of entity: String) -> Phrase {
        first([Phrase(name, context: "audit field: \(entity)"), Phrase(name, context: "audit field")])
            ?? Phrase(key: name)
    }

    /// A value as stored, but a code a table says in words elsewhere: who a task waits for (`role: …`), a care
    /// task's kind.
    static func value(_ stored: String, of field: String, entity: String) -> String {
        switch (entity, field) {
        case (_, "assignee"): return Present.assignee(stored)
        case ("care_task", "kind"): return CareTask.Kind(rawValue: stored)?.title ?? stored
        default: return stored
        }
    }

    private static func first(_ phrases: [Phrase]) -> Phrase? {
        phrases.first { Phrasebook.chinese[$0.key] != nil }
    }
}

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: say("The dealer's settings: the configurable defaults of the rules, each with its rule ID."),
        subcommands: [Show.self, Set.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Every setting with its value, default and rule."),
            discussion: Help.text("aftersales settings show", permission: .readCustomers))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let settings = try global.open().settings()
            struct Entry: Encodable { let key, rule, value, defaultValue, summary: String }
            let entries = Setting.catalogue.map {
                Entry(
                    key: $0.rawValue, rule: $0.rule, value: settings.text($0), defaultValue: $0.defaultValue,
                    summary: $0.summary.rendered())
            }
            var table = TextTable(
                columns: ["key", "rule", "value", "default", "meaning"],
                rows: entries.map {
                    [$0.key, Self.spokenRule($0.rule), $0.value, $0.defaultValue, $0.summary]
                })
            table.unbroken = [0]
            try global.output.emit(entries, table: table)
        }

        /// A setting's rule: a rule ID as it is; `design` (our default where DOMAIN.md is silent) in words.
        static func spokenRule(_ rule: String) -> String {
            rule == "design" ? Phrase("design", context: "setting rule").rendered() : rule
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Change a setting (audited)."),
            discussion: Help.text("aftersales settings set care.first-call.days 5", permission: .administer))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The key, as `settings show` lists it."))) var key: String
        @Argument(help: ArgumentHelp(say("The new value."))) var value: String

        func run() throws {
            let settings = try global.open().setSetting(key, to: value, actor: global.actorName)
            let setting = Setting.named(key)!
            try global.output.emit(
                ["key": key, "value": settings.text(setting)],
                table: .record([("key", key), ("value", settings.text(setting)), ("rule", setting.rule)]))
        }
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: say("The two calendars (T-3): the legal working days (holidays, 调休) and the store's opening hours."),
        discussion: say(
            """
            `calendar list|set|remove` keep the legal working-day calendar: national holidays and make-up working days
            (调休). It counts the working days of L-9 and nothing else. `calendar hours` keeps the store's opening
            hours per weekday (default 08:30-20:00 every day) and the days that differ (closed days, other hours):
            they bound the complaint deadlines when calendar.clock is business.
            """),
        subcommands: [List.self, Set.self, Remove.self, Hours.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("The recorded holidays and make-up working days (legal calendar)."),
            discussion: Help.text("aftersales calendar list"))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let days = try global.open().calendarDays()
            try global.output.emit(
                days,
                table: TextTable(
                    columns: ["day", "kind", "name"],
                    rows: days.map { [$0.day.description, say(Phrase(key: $0.kind.rawValue)), $0.name ?? ""] }))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Mark a day as a holiday or a make-up working day."),
            discussion: Help.text(
                "aftersales calendar set 2026-10-01 --holiday --name 国庆节\naftersales calendar set 2026-09-27 "
                    + "--workday --name 国庆调休",
                permission: .administer))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("YYYY-MM-DD.")), transform: Typed.day) var day: LocalDate
        @Flag(help: ArgumentHelp(say("A day off."))) var holiday = false
        @Flag(help: ArgumentHelp(say("A weekend day worked (调休)."))) var workday = false
        @Option(help: ArgumentHelp(say("Name, e.g. 春节."))) var name: String?

        func validate() throws {
            guard holiday != workday else { throw ValidationError(say("give exactly one of --holiday and --workday")) }
        }

        func run() throws {
            let db = try global.open()
            let date = day
            try db.setCalendarDay(date, kind: holiday ? .holiday : .workday, name: name, actor: global.actorName)
            let kind: Phrase = holiday ? "holiday" : "working day"
            global.output.note(name.map { "\(date): \(kind) (\($0))" } ?? "\(date): \(kind)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Remove a calendar entry."),
            discussion: Help.text("aftersales calendar remove 2026-10-01", permission: .administer))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("YYYY-MM-DD.")), transform: Typed.day) var day: LocalDate

        func run() throws {
            let db = try global.open()
            let date = day
            try db.removeCalendarDay(date, actor: global.actorName)
            global.output.note("\(date): removed")
        }
    }
}

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: say("Maintenance schedules per make (W-9), which date the first-maintenance reminder (C-7)."),
        subcommands: [Show.self, Set.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Every make's schedule; * is the default."), discussion: Help.text("aftersales schedule show")
        )
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let schedules = try global.open().maintenanceSchedules()
            try global.output.emit(
                schedules,
                table: TextTable(
                    columns: ["make", "first", "then every", "tolerance"],
                    rows: schedules.map {
                        [
                            $0.make, say("\(grouped: $0.firstKilometres) km or \($0.firstMonths) months"),
                            say("\(grouped: $0.intervalKilometres) km or \($0.intervalMonths) months"),
                            say("\(grouped: $0.toleranceKilometres) km or \($0.toleranceDays) days"),
                        ]
                    }))
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Set a make's schedule (unspecified limits keep the current or default value)."),
            discussion: Help.text(
                "aftersales schedule set --make Volkswagen --first-km 7500 --first-months 6", permission: .administer))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Make, or * for the default."))) var make: String
        @Option(name: .customLong("first-km")) var firstKm: Int?
        @Option(name: .customLong("first-months")) var firstMonths: Int?
        @Option(name: .customLong("interval-km")) var intervalKm: Int?
        @Option(name: .customLong("interval-months")) var intervalMonths: Int?
        @Option(name: .customLong("tolerance-km")) var toleranceKm: Int?
        @Option(name: .customLong("tolerance-days")) var toleranceDays: Int?

        func run() throws {
            let db = try global.open()
            let current = try db.maintenanceSchedules()
            var schedule = current.first { $0.make == make } ?? current.first { $0.make == "*" } ?? .standard()
            schedule.make = make
            if let firstKm { schedule.firstKilometres = firstKm }
            if let firstMonths { schedule.firstMonths = firstMonths }
            if let intervalKm { schedule.intervalKilometres = intervalKm }
            if let intervalMonths { schedule.intervalMonths = intervalMonths }
            if let toleranceKm { schedule.toleranceKilometres = toleranceKm }
            if let toleranceDays { schedule.toleranceDays = toleranceDays }
            try db.setMaintenanceSchedule(schedule, actor: global.actorName)
            try global.output.emit(
                schedule,
                table: .record([
                    ("make", schedule.make),
                    ("first", say("\(schedule.firstKilometres) km or \(schedule.firstMonths) months")),
                    ("then every", say("\(schedule.intervalKilometres) km or \(schedule.intervalMonths) months")),
                    ("tolerance", say("\(schedule.toleranceKilometres) km or \(schedule.toleranceDays) days")),
                ]))
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: say("Write a consistent copy of the database (SQLite online backup; safe while the API runs)."),
        discussion: Help.text("aftersales backup /backups/dealer-$(date +%F).sqlite", permission: .administer))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(say("The new backup file."))) var file: String

    func run() throws {
        try global.open().backup(to: file)
        global.output.note("backup written to \(file)")
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: say("Replace the database with a backup, after checking it; the replaced file is kept beside it."),
        discussion: Help.text(
            "aftersales restore /backups/dealer-2026-11-22.sqlite", permission: .administer,
            more:
                "Refused while another process (aftersales-api) has the database open, or when the backup fails its "
                + "integrity check or comes from a newer program."
        ))

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp(say("The backup file."))) var file: String

    func run() throws {
        // The clock only names the kept file; the database being replaced is not opened to read its zone.
        let clock: any WallClock =
            try GlobalOptions.fixedNow().map { FixedClock($0.instant(in: DealerSettings().timeZone)) } ?? SystemClock()
        let result = try AppDatabase.restore(from: file, to: global.databasePath, clock: clock)
        try global.output.emit(
            result,
            table: .record([
                ("restored from", result.restoredFrom), ("database", global.databasePath),
                ("previous database kept at", result.previousKeptAt ?? say("(there was none)")),
                (
                    "migrations applied",
                    result.migrationsApplied.isEmpty ? say("none") : result.migrationsApplied.joined(separator: "; ")
                ),
            ]))
    }
}

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: say("API bearer tokens: each has a name (the audit actor) and a role."),
        subcommands: [Create.self, List.self, Revoke.self])

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Create a token; the secret is printed once and only its hash is stored."),
            discussion: Help.text(
                "aftersales token create --role service-advisor --name 前台-王丽", permission: .administer,
                more: "Roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))."))
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Role ID."))) var role: Role
        @Option(help: ArgumentHelp(say("Name shown in the audit log."))) var name: String

        func run() throws {
            let (token, secret) = try global.open().createToken(name: name, role: role, actor: global.actorName)
            struct Created: Encodable {
                let name: String
                let role: String
                let token: String
            }
            try global.output.emit(
                Created(name: token.name, role: token.role.rawValue, token: secret),
                table: .record([("name", token.name), ("role", say(token.role.spoken)), ("token", secret)]),
                footer: "Keep the token now: it cannot be shown again. Use it as: Authorization: Bearer <token>")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("List tokens (never their secrets)."),
            discussion: Help.text("aftersales token list", permission: .administer))
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let tokens = try db.tokens()
            try global.output.emit(
                tokens,
                table: TextTable(
                    columns: ["id", "name", "role", "created", "by", "revoked"],
                    rows: tokens.map {
                        [
                            String($0.id), $0.name, say($0.role.spoken), Instant.localString($0.createdAt, in: zone),
                            $0.createdBy,
                            $0.revokedAt.map { Instant.localString($0, in: zone) } ?? "",
                        ]
                    }))
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Revoke a token by name."),
            discussion: Help.text("aftersales token revoke 前台-王丽", permission: .administer))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Token name."))) var name: String

        func run() throws {
            try global.open().revokeToken(name: name, actor: global.actorName)
            global.output.note("token \(name) revoked")
        }
    }
}
