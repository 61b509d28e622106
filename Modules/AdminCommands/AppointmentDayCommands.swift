import Appointments
import ArgumentParser
import Core
import Foundation
import Storage
import WorkOrders

// `aftersales appointment day-before | check-in | calls | menu` (issue 18, A-4 to A-6): the lists of the day before,
// reception of a booking, the dealer's call list and the service menu. Docs/appointments.md.

extension CallReason: ExpressibleByArgument {}

extension AppointmentCommand {
    /// Runs `body`; an error naming a field is rethrown naming the option (`names`, else reception's options).
    static func naming<T>(_ names: [String: String], _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any AfterSalesError {
            guard let field = error.field else { throw error }
            throw RenamedField(error, field: names[field] ?? CLIFields.receptionField(field))
        }
    }

    /// Which list `day-before` writes as CSV (one table per file).
    enum DayBeforeList: String, ExpressibleByArgument, CaseIterable {
        case parts, workshop, vehicles
    }

    struct DayBefore: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "day-before",
            abstract: say(
                "The day before (A-4): parts for the parts manager, bookings for the shop foreman, open recalls."),
            discussion: Help.text(
                """
                aftersales appointment day-before
                aftersales appointment day-before --day 2026-12-08 --format csv --list parts
                """, permission: .readAppointments,
                more:
                    "Parts: the service menu's parts of the day's booked operations against the count on hand; a "
                    + "shortage is flagged for the parts manager. Workshop: the bookings in time order with bay, "
                    + "technician and advisor. Vehicles: each booked car's open recalls and campaigns, to add to its "
                    + "job. CSV writes one list, --list (default parts)."))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("The day, YYYY-MM-DD (default tomorrow).")), transform: Typed.day)
        var day: LocalDate?
        @Option(help: ArgumentHelp(say("With --format csv: the list to write: parts, workshop or vehicles.")))
        var list: DayBeforeList = .parts

        func run() throws {
            let db = try global.open()
            let lists = try db.dayBeforeLists(on: day)
            let zone = try db.settings().timeZone
            let tables: [DayBeforeList: TextTable] = [
                .parts: Self.parts(lists), .workshop: Self.workshop(lists, zone: zone), .vehicles: Self.vehicles(lists),
            ]
            switch global.output.format {
            case .json: try global.output.emit(lists, table: tables[.parts]!)
            case .csv: global.output.printCSV(tables[list]!)
            case .table:
                let titles: [(DayBeforeList, Phrase)] = [
                    (.parts, "Parts for \(lists.day) (parts manager)"),
                    (.workshop, "Bookings on \(lists.day) (shop foreman)"),
                    (.vehicles, "Open recalls and campaigns to add to the jobs"),
                ]
                for (index, (which, title)) in titles.enumerated() {
                    if index > 0 { print() }
                    print(title.rendered())
                    let table = tables[which]!
                    print(table.rows.isEmpty ? say("none") : table.rendered())
                }
            }
        }

        static func parts(_ lists: DayBeforeLists) -> TextTable {
            TextTable(
                columns: ["part", "name", "needed", "on hand", "shortage", "appointments"],
                rows: lists.parts.map {
                    [
                        $0.part, $0.name, String($0.needed), String($0.onHand),
                        $0.missing > 0 ? say("\($0.missing) missing") : "",
                        $0.appointments.joined(separator: " "),
                    ]
                })
        }

        static func workshop(_ lists: DayBeforeLists, zone: TimeZone) -> TextTable {
            func time(_ date: Date?) -> String {
                date.map { String(Instant.localString($0, in: zone).suffix(5)) } ?? ""
            }
            return TextTable(
                columns: [
                    "arrival", "appointment", "customer", "vehicle", "advisor", "bay", "technician", "work",
                    "work hours",
                ],
                rows: lists.workshop.map { booking -> [String] in
                    var work = booking.work.joined(separator: "; ")
                    if let start = booking.workStart { work += " (\(time(start))–\(time(booking.workEnd)))" }
                    let vehicle = booking.plate ?? booking.vin.value
                    let hours = ReportRatio.decimal(Int64(booking.centihours), scale: 100)
                    return [
                        time(booking.arrival), booking.appointment, booking.customer, vehicle, booking.advisor ?? "",
                        booking.bay ?? "", booking.technician ?? "", work, hours,
                    ]
                })
        }

        static func vehicles(_ lists: DayBeforeLists) -> TextTable {
            TextTable(
                columns: ["appointment", "vehicle", "bulletin", "kind", "title"],
                rows: lists.vehicles.map {
                    [$0.appointment, $0.plate ?? $0.vin.value, $0.bulletin, say($0.kind.spoken), $0.title]
                })
        }
    }

    struct CheckIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-in",
            abstract: say("Check a booked car in at reception (A-6): its repair order with the booked work as jobs."),
            discussion: Help.text(
                """
                aftersales appointment check-in AP-000001 --mileage 12000 --fuel 40
                aftersales appointment check-in AP-000002 --mileage 30500 --concern "右后轮有异响"
                """, permission: .bookAppointments,
                more:
                    "Each booked operation becomes a job with its labour line (catalogue hours × labour rate) and "
                    + "its service-menu parts (Q-1); free work becomes a job without lines; each --concern adds a "
                    + "job. The booking is then checked in with the order's number. A booking already checked in, "
                    + "cancelled or missed is refused, and so is another car than the booked one (--vehicle)."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("The appointment, AP-000123."), valueName: "appointment"))
        var appointment: String
        @Option(help: ArgumentHelp(say("The car that came: VIN, plate or the VIN's last characters (a check).")))
        var vehicle: String?
        @Option(help: ArgumentHelp(say("Odometer reading at arrival, km."))) var mileage: Int?
        @Option(help: ArgumentHelp(say("Fuel or charge level, percent (default 50)."))) var fuel: Int?
        @Option(help: ArgumentHelp(say("A further concern in the customer's own words (repeat for each).")))
        var concern: [String] = []
        @Option(
            name: .customLong("walk-around"),
            help: ArgumentHelp(say("A finding of the walk-around: damage, belongings (repeat for each).")))
        var walkAround: [String] = []
        @Flag(
            name: .customLong("return-old-parts"), help: ArgumentHelp(say("The customer takes the old parts back.")))
        var returnOldParts = false
        @Option(
            help: ArgumentHelp(say("The delivery time agreed with the customer (Q-7), \"2026-12-06 17:30\".")))
        var promised: String?
        @Option(help: ArgumentHelp(say("Arrival time (default now)."))) var arrived: String?
        @Option(help: ArgumentHelp(say("The service advisor (default the booking's, else the actor).")))
        var advisor: String?

        func run() throws {
            let db = try global.open()
            var form = ReceptionForm()
            form.vin = vehicle
            form.mileage = mileage
            form.fuel = fuel
            form.concerns = concern
            form.walkAround = walkAround
            form.returnOldParts = returnOldParts
            form.promisedAt = promised
            form.arrivedAt = arrived
            form.advisor = advisor
            let order = try AppointmentCommand.naming(["appointment": "<appointment>", "vin": "--vehicle"]) {
                try db.checkInAppointment(appointment, form, actor: global.actorName)
            }
            let number = appointment.trimmed().uppercased()
            try WorkOrderCommand.report(
                db, order.number, global: global, note: "\(number) checked in: repair order \(order.number)")
        }
    }

    struct Calls: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Customers to call (A-5): maintenance due, an open recall or campaign, declined work."),
            discussion: Help.text(
                """
                aftersales appointment calls
                aftersales appointment calls --reason declined --format csv
                """, permission: .readAppointments,
                more:
                    "Each call proposes the work with its hours and price: the maintenance operation of the setting "
                    + "appointments.calls.maintenance-operation with its menu parts, the recall (paid by the "
                    + "manufacturer), or the declined job as quoted. Maintenance is due by the reminders' rule (W-9), "
                    + "from a year overdue to reminders.maintenance-lead-days ahead. A customer who opted out of SMS "
                    + "is not called (M-3), except for a safety recall."))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("The day of the calls, YYYY-MM-DD (default today).")), transform: Typed.day)
        var day: LocalDate?
        @Option(help: ArgumentHelp(say("Only one reason: maintenance, recall or declined."))) var reason: CallReason?
        @OptionGroup var page: PageOptions

        func run() throws {
            let db = try global.open()
            let list = try db.dealerCalls(on: day, reason: reason, limit: page.limit, offset: page.offset)
            let shown = Page(items: list.items, total: list.total, limit: list.limit, offset: list.offset)
            var footer = shown.footer
            if list.optedOut > 0 {
                footer = "\(footer); \(grouped: list.optedOut) left out: opted out of SMS (M-3)"
            }
            let table = TextTable(
                columns: ["customer", "phone", "vehicle", "reason", "about", "work", "work hours", "price", "slots"],
                rows: list.items.map { call in
                    let about: Phrase =
                        switch call.reason {
                        case .maintenance:
                            call.firstMaintenance == true
                                ? "first maintenance due \(call.due!)" : "due \(call.due!)"
                        case .recall: Phrase(verbatim: call.bulletin ?? "")
                        case .declined: "declined on \(call.order ?? "") job \(call.job ?? 0)"
                        }
                    return [
                        call.customer, call.phone ?? "", call.plate ?? call.vin.value, say(call.reason.spoken),
                        say(about), call.work ?? "",
                        call.centihours.map { ReportRatio.decimal(Int64($0), scale: 100) } ?? "",
                        call.price.map { say("\(money: $0)") } ?? "",
                        call.slots.map { Instant.localString($0, in: .current) }.joined(separator: " "),
                    ]
                })
            try global.output.emit(list, table: table, footer: footer)
            if global.output.format == .csv, list.more { printError("aftersales: \(footer)") }
        }
    }

    struct Menu: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("The service menu: the parts a labour operation uses (Q-1, A-4)."),
            subcommands: [Show.self, Set.self], defaultSubcommand: Show.self)

        static func emit(_ menu: ServiceMenu, global: GlobalOptions) throws {
            let table = TextTable(
                columns: ["part", "name", "quantity", "unit price"],
                rows: menu.parts.map { [$0.part, $0.name, String($0.quantity), say("\(money: $0.unitPrice)")] })
            let footer: Phrase =
                menu.parts.isEmpty
                ? "\(menu.operation) \(menu.description): no parts on the menu"
                : Phrase(verbatim: "\(menu.operation) \(menu.description)")
            try global.output.emit(menu, table: table, footer: footer)
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("The parts a labour operation uses, with today's prices."),
                discussion: Help.text(
                    "aftersales appointment menu show \"01 10 00 00\"", permission: .readAppointments))
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(say("The labour operation's code."), valueName: "operation"))
            var operation: String

            func run() throws {
                let menu = try AppointmentCommand.naming(["operation": "<operation>"]) {
                    try global.open().serviceMenu(operation)
                }
                try Menu.emit(menu, global: global)
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: say("Set the parts a labour operation uses; the list replaces the one stored."),
                discussion: Help.text(
                    """
                    aftersales appointment menu set "01 10 00 00" --part "5Q0 611 701 C=2"
                    aftersales appointment menu set "01 10 00 00" --clear
                    """, permission: .manageCapacity))
            @OptionGroup var global: GlobalOptions
            @Argument(help: ArgumentHelp(say("The labour operation's code."), valueName: "operation"))
            var operation: String
            @Option(help: ArgumentHelp(say("A part and its quantity, NUMBER=QUANTITY (repeat for each)."))) var part:
                [String] = []
            @Flag(help: ArgumentHelp(say("No parts: clear the operation's menu."))) var clear = false

            func validate() throws {
                guard part.isEmpty == clear else { throw ValidationError(say("give --part (one or more) or --clear")) }
                for text in part where Self.item(text) == nil {
                    throw ValidationError(
                        say("--part takes NUMBER=QUANTITY, such as \"06L 115 562 B=1\", got \"\(text)\""))
                }
            }

            static func item(_ text: String) -> ServiceMenuForm.Item? {
                guard let equals = text.lastIndex(of: "="),
                    let quantity = Int(text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces))
                else { return nil }
                return ServiceMenuForm.Item(part: String(text[..<equals]).trimmed(), quantity: quantity)
            }

            func run() throws {
                let form = ServiceMenuForm(parts: part.compactMap(Self.item))
                let menu = try AppointmentCommand.naming([
                    "operation": "<operation>", "parts": "--part", "part": "--part",
                ]) {
                    try global.open().setServiceMenu(operation, form, actor: global.actorName)
                }
                try Menu.emit(menu, global: global)
            }
        }
    }
}
