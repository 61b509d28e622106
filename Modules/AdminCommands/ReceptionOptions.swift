import ArgumentParser
import Core
import Customers
import Foundation
import Storage
import WorkOrders

// `workorder open` for a vehicle not on file: the vehicle's fields of `vehicle add` (its VIN as --new-vin) and
// the owner, a new card with the fields of `customer add` or a customer on file with --customer; registered with the
// order in one transaction (`AppDatabase.receive`).

/// The new vehicle's options of `workorder open`.
struct ReceptionVehicleOptions: ParsableArguments {
    @Option(
        name: .customLong("new-vin"),
        help: ArgumentHelp(say("A vehicle not on file: its VIN, registered with the order (A-6).")))
    var newVIN: String?
    @Option(help: ArgumentHelp(say("Plate such as 京A·12345."))) var plate: String?
    @Option(help: ArgumentHelp(say("Make, e.g. Volkswagen."))) var make: String?
    @Option(help: ArgumentHelp(say("Model, e.g. Sagitar."))) var model: String?
    @Option(name: .customLong("model-year"), help: ArgumentHelp(say("Model year."))) var modelYear: Int?
    @Option(
        name: .customLong("build-date"), help: ArgumentHelp(say("Build date YYYY-MM-DD, when known.")),
        transform: Typed.day)
    var buildDate: LocalDate?
    @Option(help: ArgumentHelp(say("private, taxi (incl. ride-hailing) or commercial (C-9)."))) var usage: Usage?
    @Option(
        name: .customLong("invoice-date"), help: ArgumentHelp(say("Purchase invoice date YYYY-MM-DD.")),
        transform: Typed.day)
    var invoiceDate: LocalDate?
    @Option(
        name: .customLong("delivered-at"),
        help: ArgumentHelp(say("Delivery to the first owner: \"YYYY-MM-DD HH:MM\" (dealer's zone) or ISO 8601.")),
        transform: Typed.time) var deliveredAt: WallTime?

    /// The vehicle form when any of its options is given (so a missing --new-vin is named).
    var form: VehicleForm? {
        let given: [Any?] = [newVIN, plate, make, model, modelYear, buildDate, usage, invoiceDate, deliveredAt]
        guard given.contains(where: { $0 != nil }) else { return nil }
        var form = VehicleForm()
        form.vin = newVIN
        form.plate = plate
        form.make = make
        form.model = model
        form.modelYear = modelYear
        form.buildDate = buildDate?.description
        form.usage = usage?.rawValue
        form.invoiceDate = invoiceDate?.description
        form.deliveredAt = deliveredAt?.text
        return form
    }
}

/// The new owner's options of `workorder open`: the card of `customer add`.
struct ReceptionCustomerOptions: ParsableArguments {
    @OptionGroup var card: CustomerCommand.CardOptions
    @Option(name: .customLong("class"), help: ArgumentHelp(say("potential, intention, retained or defeated.")))
    var customerClass: CustomerClass?
    @Option(name: .customLong("phone"), help: ArgumentHelp(say("Phone number; repeat for several."))) var phones:
        [String] = []
    @Flag(
        name: .customLong("shared-phone"),
        help: ArgumentHelp(say("Accept a phone that is already on another customer (a family's number).")))
    var sharedPhone = false
    @Option(help: ArgumentHelp(say("Why the customer starts in this class (C-5); required unless potential.")))
    var reason: String?

    /// The customer form when any card option is given (so a missing --name is named).
    var form: CustomerForm? {
        var form = card.form
        form.customerClass = customerClass?.rawValue
        form.phones = phones.isEmpty ? nil : phones
        form.sharedPhones = sharedPhone ? true : nil
        form.reason = reason
        return form == CustomerForm() && !sharedPhone ? nil : form
    }
}

extension CLIFields {
    /// `workorder open`: the reception's fields, and those of the new customer and vehicle under `customer.` and
    /// `newVehicle.` (`AppDatabase.receive`) as the options of `customer add` and `vehicle add` name them.
    static func receptionField(_ name: String) -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        if let field = ReceptionForm.Field(rawValue: parts[0]), parts.count == 1 {
            return reception(field)
        }
        guard parts.count == 2 else { return name }
        switch (parts[0], parts[1]) {
        case ("newVehicle", "vin"): return "--new-vin"
        case ("customer", "phones"), ("customer", "phone"): return "--phone"
        case ("customer", "customerClass"): return "--class"
        case (_, let field): return field.hasPrefix("--") ? field : "--" + field
        }
    }

    /// Runs `body`; an error naming a reception field is rethrown naming the option.
    static func namingReception<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as any AfterSalesError {
            guard let field = error.field else { throw error }
            throw RenamedField(error, field: receptionField(field))
        }
    }
}
