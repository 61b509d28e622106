import ArgumentParser
import Core
import Customers
import Foundation
import Storage

struct VehicleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vehicle",
        abstract: say("Vehicles on customer cards: VIN, plate, usage (C-9), delivery, mileage."),
        subcommands: [Add.self, Show.self, Deliver.self, Mileage.self, UsageChange.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Add a vehicle to a customer. A delivered vehicle of a retained customer gets its care plan "
                        + "(C-7)."),
            discussion: Help.text(
                """
                aftersales vehicle add --customer 42 --vin LFV2A21K1N3000123 --plate 京A·12345 --make Volkswagen \
                --model Sagitar \\
                    --model-year 2022 --usage private --delivered-at "2026-11-20 10:30"
                """, permission: .writeCustomers,
                more: "A wrong check digit (VIN position 9) is only a warning: imported cars often have none."))

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var customer: Customer.ID
        @Option(help: ArgumentHelp(say("17 characters, no I, O or Q.")), transform: Typed.vin) var vin: VIN
        @Option(help: ArgumentHelp(say("Plate such as 京A·12345."))) var plate: String?
        @Option(help: ArgumentHelp(say("Make, e.g. Volkswagen."))) var make: String
        @Option(help: ArgumentHelp(say("Model, e.g. Sagitar."))) var model: String
        @Option(name: .customLong("model-year"), help: ArgumentHelp(say("Model year."))) var modelYear: Int?
        @Option(
            name: .customLong("build-date"), help: ArgumentHelp(say("Build date YYYY-MM-DD, when known.")),
            transform: Typed.day)
        var buildDate: LocalDate?
        @Option(help: ArgumentHelp(say("private, taxi (incl. ride-hailing) or commercial (C-9)."))) var usage: Usage
        @Option(
            name: .customLong("invoice-date"), help: ArgumentHelp(say("Purchase invoice date YYYY-MM-DD.")),
            transform: Typed.day)
        var invoiceDate: LocalDate?
        @Option(
            name: .customLong("delivered-at"),
            help: ArgumentHelp(say("Delivery to the first owner: \"YYYY-MM-DD HH:MM\" (dealer's zone) or ISO 8601.")),
            transform: Typed.time) var deliveredAt: WallTime?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            var form = VehicleForm()
            form.customerId = customer.rawValue
            form.vin = vin.value
            form.plate = plate
            form.make = make
            form.model = model
            form.modelYear = modelYear
            form.buildDate = buildDate?.description
            form.usage = usage.rawValue
            form.invoiceDate = invoiceDate?.description
            form.deliveredAt = deliveredAt?.text
            let vehicle = try form.vehicle(now: db.now, timeZone: zone)
            try report(try db.addVehicle(vehicle, actor: global.actorName), global: global, zone: zone)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Show a vehicle with its usage history and mileage readings."),
            discussion: Help.text("aftersales vehicle show LFV2A21K1N3000123", permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let card = try db.vehicleCard(try db.vehicleVIN(named: vin))
            try VehicleCommand.show(card, global: global, zone: zone)
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Record the delivery to the first owner; creates the care plan (C-7) for a retained customer."),
            discussion: Help.text(
                "aftersales vehicle deliver LFV2A21K1N3000123 --at \"2026-11-20 10:30\"", permission: .writeCustomers))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(
            help: ArgumentHelp(say("When: \"YYYY-MM-DD HH:MM\" (dealer's zone) or ISO 8601.")), transform: Typed.time)
        var at: WallTime

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            try report(
                try db.deliverVehicle(
                    try db.vehicleVIN(named: vin), at: at.instant(in: zone),
                    actor: global.actorName),
                global: global, zone: zone)
        }
    }

    struct Mileage: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Record an odometer reading (lower than an earlier one only with --odometer-replaced)."),
            discussion: Help.text(
                "aftersales vehicle mileage LFV2A21K1N3000123 --km 15230 --source service", permission: .writeCustomers)
        )

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(help: ArgumentHelp(say("Kilometres on the odometer."))) var km: Int
        @Option(help: ArgumentHelp(say("When it was read (default now).")), transform: Typed.time) var at: WallTime?
        @Option(help: ArgumentHelp(say("Where the figure comes from: service, call, customer..."))) var source =
            "service"
        @Flag(
            name: .customLong("odometer-replaced"),
            help: ArgumentHelp(say("The odometer was replaced, so the figure may be lower.")))
        var odometerReplaced = false

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let card = try db.addMileage(
                try db.vehicleVIN(named: vin), kilometres: km,
                at: at?.instant(in: zone) ?? db.now,
                source: source, odometerReplaced: odometerReplaced, actor: global.actorName)
            try VehicleCommand.show(card, global: global, zone: zone)
        }
    }

    struct UsageChange: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "usage",
            abstract: say("Record a change of usage; the usage at delivery is kept for warranty (W-2)."),
            discussion: Help.text(
                "aftersales vehicle usage LFV2A21K1N3000123 --to taxi --effective 2026-11-01 --reason "
                    + "\"\(say("now drives for a ride-hailing platform"))\"",
                permission: .writeCustomers))

        @OptionGroup var global: GlobalOptions
        @Argument(
            help: ArgumentHelp(say("The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.")))
        var vin: String
        @Option(help: ArgumentHelp(say("private, taxi or commercial."))) var to: Usage
        @Option(help: ArgumentHelp(say("The day the new usage started (default today).")), transform: Typed.day)
        var effective: LocalDate?
        @Option(help: ArgumentHelp(say("Why."))) var reason: String?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let day = effective ?? LocalDate(instant: db.now, in: zone)
            let card = try db.changeUsage(
                try db.vehicleVIN(named: vin), to: to, effective: day, reason: reason, actor: global.actorName)
            try VehicleCommand.show(card, global: global, zone: zone)
        }
    }

    static func show(_ card: VehicleCard, global: GlobalOptions, zone: TimeZone) throws {
        if global.format == .table {
            print(Present.vehicleSections(card, zone: zone))
        } else {
            try global.output.emit(card, table: Present.vehicle(card, zone: zone))
        }
    }

    static func report(_ result: VehicleResult, global: GlobalOptions, zone: TimeZone) throws {
        for warning in result.warnings { printError("warning: \(warning)") }
        if global.format == .table {
            print(Present.vehicleSections(result.card, zone: zone))
            if !result.createdTasks.isEmpty {
                print(Present.heading("Care plan created (C-7)") + Present.tasks(result.createdTasks).rendered())
            }
            if let note = result.carePlanNote { print("\n" + note) }
        } else {
            try global.output.emit(result, table: Present.vehicle(result.card, zone: zone))
        }
    }
}

private func report(_ result: VehicleResult, global: GlobalOptions, zone: TimeZone) throws {
    try VehicleCommand.report(result, global: global, zone: zone)
}
