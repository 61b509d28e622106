import ArgumentParser
import Core
import Customers
import Foundation
import Storage

struct CustomerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "customer",
        abstract: say("Customer cards: potential and base customers (C-1 to C-6)."),
        subcommands: [Add.self, Show.self, List.self, Search.self, Edit.self, Move.self])

    /// The card fields shared by `add` and `edit`.
    struct CardOptions: ParsableArguments {
        @Option(help: ArgumentHelp(say("Full name (Chinese or other), or the organisation's name."))) var name: String?
        @Option(help: ArgumentHelp(say("person or organisation (个人/单位)."))) var kind: OrEmpty<PartyKind>?
        @Option(help: ArgumentHelp(say("Grade of a potential customer: A, B or C (C-2)."))) var grade:
            OrEmpty<PotentialGrade>?
        @Option(
            help: ArgumentHelp(
                say("Where a potential customer came from (C-1): display, advertising, event, after-sales, staff...")))
        var source: String?
        @Option(help: ArgumentHelp(say("male or female (男/女)."))) var gender: OrEmpty<Gender>?
        @Option(name: .customLong("birth-date"), help: ArgumentHelp(say("YYYY-MM-DD.")), transform: Typed.dayOrEmpty)
        var birthDate: OrEmpty<LocalDate>?
        @Option(help: ArgumentHelp(say("E-mail address."))) var email: String?
        @Option(help: ArgumentHelp(say("Region (省/市/区), for analysing the base."))) var region: String?
        @Option(help: ArgumentHelp(say("Postal address."))) var address: String?
        @Option(help: ArgumentHelp(say("Occupation."))) var occupation: String?
        @Option(help: ArgumentHelp(say("Staff member who owns the relationship."))) var owner: String?
        @Option(help: ArgumentHelp(say("Free note."))) var note: String?

        var form: CustomerForm {
            var form = CustomerForm()
            form.name = name
            form.kind = kind?.text
            form.grade = grade?.text
            form.source = source
            form.gender = gender?.text
            form.birthDate = birthDate?.text
            form.email = email
            form.region = region
            form.address = address
            form.occupation = occupation
            form.owner = owner
            form.note = note
            return form
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Create a customer card in any class (C-5: with a reason unless potential)."),
            discussion: Help.text(
                """
                aftersales customer add --name 王芳 --phone 13800138000 --class potential --grade A --source event
                aftersales customer add --name 李强 --phone 13912345678 --class retained --reason \
                "\(say("walk-in owner of another make"))"
                """, permission: .writeCustomers))

        @OptionGroup var global: GlobalOptions
        @OptionGroup var card: CardOptions
        @Option(name: .customLong("class"), help: ArgumentHelp(say("potential, intention, retained or defeated.")))
        var customerClass: CustomerClass = .potential
        @Option(name: .customLong("phone"), help: ArgumentHelp(say("Phone number; repeat for several."))) var phones:
            [String] = []
        @Flag(
            name: .customLong("shared-phone"),
            help: ArgumentHelp(say("Accept a phone that is already on another customer (a family's number).")))
        var sharedPhone = false
        @Option(help: ArgumentHelp(say("Why the customer starts in this class (C-5); required unless potential.")))
        var reason: String?
        @Option(name: .customLong("external-ref"), help: ArgumentHelp(say("The customer's key in another system.")))
        var externalRef: String?

        func validate() throws {
            // Nothing to add without a name: a usage error (64), not a rule's refusal.
            guard card.name != nil else {
                throw ValidationError(say("--name is required: aftersales customer add --name 王芳 [options]"))
            }
        }

        func run() throws {
            let db = try global.open()
            var form = card.form
            form.customerClass = customerClass.rawValue
            form.externalRef = externalRef
            let customer = try form.customer(now: db.now)
            let created = try db.addCustomer(
                NewCustomer(customer: customer, phones: phones, allowSharedPhones: sharedPhone, reason: reason),
                actor: global.actorName)
            try show(created, db: db, global: global)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Show a customer card with vehicles, open tasks, recent contacts and class history."),
            discussion: Help.text("aftersales customer show 42 --format json", permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var id: Customer.ID

        func run() throws {
            let db = try global.open()
            try show(try db.customerCard(id), db: db, global: global)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("List customers, a page at a time."),
            discussion: Help.text(
                "aftersales customer list --class retained --owner 张伟 --limit 20", permission: .readCustomers))

        @OptionGroup var global: GlobalOptions
        @Option(name: .customLong("class"), help: ArgumentHelp(say("Only this class."))) var customerClass:
            CustomerClass?
        @Option(help: ArgumentHelp(say("Only customers of this staff member."))) var owner: String?
        @Option(help: ArgumentHelp(say("At most this many (1 to 10000)."))) var limit = 50
        @Option(help: ArgumentHelp(say("Skip this many."))) var offset = 0

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError(say("--limit must be from 1 to 10000")) }
            guard offset >= 0 else { throw ValidationError(say("--offset must not be negative")) }
        }

        func run() throws {
            let db = try global.open()
            let page = try db.listCustomers(customerClass: customerClass, owner: owner, limit: limit, offset: offset)
            try global.output.emit(page: page, table: Present.summaries(page.items))
        }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Find customers by name (partial, Chinese), phone, plate or VIN."),
            discussion: Help.text(
                """
                aftersales customer search 王
                aftersales customer search 13800138000
                aftersales customer search 京A·12345
                aftersales customer search 3000123 --by vin
                """, permission: .readCustomers,
                more:
                    "Without --by the kind is guessed: 17 VIN characters, digits (phone), a province character and a "
                    + "letter (plate), else a name. With --by vin, the last characters of a VIN are enough."
            ))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("What to look for."))) var text: String
        @Option(help: ArgumentHelp(say("name, phone, plate or vin."))) var by: SearchField?
        @OptionGroup var page: PageOptions

        func run() throws {
            let db = try global.open()
            let found = try db.searchCustomers(text, by: by, limit: page.limit, offset: page.offset)
            try global.output.emit(page: found, table: Present.summaries(found.items))
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Change fields of a card; an empty value clears a field. Every change is audited."),
            discussion: Help.text(
                "aftersales customer edit 42 --address 北京市朝阳区建国路88号 --add-phone 01065529988",
                permission: .writeCustomers,
                more: "The class is changed with `customer move`, never here."))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var id: Customer.ID
        @OptionGroup var card: CardOptions
        @Option(name: .customLong("add-phone"), help: ArgumentHelp(say("Add a phone; repeatable."))) var addPhones:
            [String] = []
        @Option(name: .customLong("remove-phone"), help: ArgumentHelp(say("Remove a phone; repeatable.")))
        var removePhones: [String] = []
        @Flag(
            name: .customLong("shared-phone"),
            help: ArgumentHelp(say("Accept an added phone that is already on another customer.")))
        var sharedPhone = false

        func run() throws {
            let db = try global.open()
            var edit = CustomerEdit()
            edit.name = card.name
            edit.kind = card.kind?.text
            edit.grade = card.grade?.text
            edit.source = card.source
            edit.gender = card.gender?.text
            edit.birthDate = card.birthDate?.text
            edit.region = card.region
            edit.occupation = card.occupation
            edit.email = card.email
            edit.address = card.address
            edit.owner = card.owner
            edit.note = card.note
            edit.addPhones = addPhones
            edit.removePhones = removePhones
            edit.allowSharedPhones = sharedPhone
            try show(try db.editCustomer(id, edit, actor: global.actorName), db: db, global: global)
        }
    }

    struct Move: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Move a customer to another class along C-5, with a reason."),
            discussion: Help.text(
                "aftersales customer move 42 --to retained --reason \"\(say("bought a Sagitar"))\"",
                permission: .moveCustomers,
                more:
                    "Allowed (C-5): potential → intention → retained; intention → defeated; defeated → intention; "
                    + "retained → defeated."
            ))

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Customer id.")), transform: Typed.id) var id: Customer.ID
        @Option(help: ArgumentHelp(say("The new class: potential, intention, retained or defeated."))) var to:
            CustomerClass
        @Option(help: ArgumentHelp(say("Why (recorded with who and when)."))) var reason: String

        func run() throws {
            let db = try global.open()
            try show(
                try db.moveCustomer(
                    id, to: to, reason: reason,
                    actor: global.actorName), db: db, global: global)
        }
    }

    static func show(_ card: CustomerCard, db: AppDatabase, global: GlobalOptions) throws {
        let zone = try db.settings().timeZone
        if global.format == .table {
            print(Present.cardSections(card, zone: zone))
        } else {
            try global.output.emit(card, table: Present.customer(card, zone: zone))
        }
    }
}

private func show(_ card: CustomerCard, db: AppDatabase, global: GlobalOptions) throws {
    try CustomerCommand.show(card, db: db, global: global)
}
