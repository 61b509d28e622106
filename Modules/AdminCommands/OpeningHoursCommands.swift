import ArgumentParser
import Core
import Storage

extension CalendarCommand {
    /// Rule T-3: the store's opening hours, apart from the legal working-day calendar.
    struct Hours: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hours",
            abstract: say("The store's opening hours (T-3): per weekday, and the days that differ."),
            discussion: say(
                """
                Every weekday is open 08:30-20:00 until set otherwise. A closed day (春节) or a day with other hours
                is set with `calendar hours day`. Complaint deadlines count these hours when calendar.clock is
                business; the legal working days (`calendar list`) play no part in them.
                """),
            subcommands: [Show.self, Set.self, Day.self, Clear.self],
            defaultSubcommand: Show.self)

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("The opening hours of each weekday, then the closed days and days with other hours."),
                discussion: Help.text("aftersales calendar hours\naftersales calendar hours show --format json"))
            @OptionGroup var global: GlobalOptions

            func run() throws {
                let listing = try global.open().openingHoursListing()
                var rows = listing.weekly.map {
                    [say($0.weekday.spoken), say(Phrase(key: $0.hours)), $0.isDefault ? say("default") : ""]
                }
                rows += listing.days.map { [$0.day.description, say(Phrase(key: $0.hours)), $0.name ?? ""] }
                try global.output.emit(listing, table: TextTable(columns: ["day", "hours", "note"], rows: rows))
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Set the opening hours of one or more weekdays, or close them."),
                discussion: Help.text(
                    """
                    aftersales calendar hours set saturday sunday --hours 09:00-18:00
                    aftersales calendar hours set monday --closed
                    """, permission: .administer, more: "Weekdays: monday to sunday, mon to sun, or 周一 to 周日."))
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(say("The weekdays."))) var weekdays: [String]
            @Option(help: ArgumentHelp(say("Opening hours, HH:MM-HH:MM."))) var hours: String?
            @Flag(help: ArgumentHelp(say("Closed on these weekdays."))) var closed = false

            func validate() throws {
                guard (hours == nil) == closed else {
                    throw ValidationError(say("give exactly one of --hours and --closed"))
                }
                if let hours, BusinessHours(hours) == nil {
                    throw ValidationError(say("--hours takes HH:MM-HH:MM, opening before closing, such as 08:30-20:00"))
                }
                for day in weekdays where Weekday(parsing: day) == nil {
                    throw ValidationError(say("\"\(day)\" is not a weekday: monday to sunday, mon to sun, or 周一 to 周日"))
                }
            }

            func run() throws {
                let days = weekdays.compactMap(Weekday.init(parsing:))
                let listing = try global.open().setOpeningHours(
                    days, to: hours.flatMap(BusinessHours.init),
                    actor: global.actorName)
                let rows = listing.weekly.map {
                    [say($0.weekday.spoken), say(Phrase(key: $0.hours)), $0.isDefault ? say("default") : ""]
                }
                try global.output.emit(listing, table: TextTable(columns: ["day", "hours", "note"], rows: rows))
            }
        }

        struct Day: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Close the store on a day, or give a day other hours than its weekday's."),
                discussion: Help.text(
                    """
                    aftersales calendar hours day 2027-02-06 --closed --name 除夕
                    aftersales calendar hours day 2026-12-31 --hours 08:30-17:00 --name 跨年
                    """, permission: .administer))
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(say("YYYY-MM-DD.")), transform: Typed.day) var day: LocalDate
            @Option(help: ArgumentHelp(say("Opening hours that day, HH:MM-HH:MM."))) var hours: String?
            @Flag(help: ArgumentHelp(say("Closed that day."))) var closed = false
            @Option(help: ArgumentHelp(say("Name, e.g. 春节."))) var name: String?

            func validate() throws {
                guard (hours == nil) == closed else {
                    throw ValidationError(say("give exactly one of --hours and --closed"))
                }
                if let hours, BusinessHours(hours) == nil {
                    throw ValidationError(say("--hours takes HH:MM-HH:MM, opening before closing, such as 08:30-17:00"))
                }
            }

            func run() throws {
                let date = day
                let entry = try global.open().setStoreDay(
                    date, hours: hours.flatMap(BusinessHours.init), name: name,
                    actor: global.actorName)
                let state: Phrase = entry.hours == "closed" ? "closed" : "open \(entry.hours)"
                global.output.note(entry.name.map { "\(date): \(state) (\($0))" } ?? "\(date): \(state)")
            }
        }

        struct Clear: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Remove a closed day or a day's other hours: the weekday's hours apply again."),
                discussion: Help.text("aftersales calendar hours clear 2027-02-06", permission: .administer))
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(say("YYYY-MM-DD.")), transform: Typed.day) var day: LocalDate

            func run() throws {
                let date = day
                try global.open().removeStoreDay(date, actor: global.actorName)
                global.output.note("\(date): the \(Weekday(date).spoken) hours apply")
            }
        }
    }
}
