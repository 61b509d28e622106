import ArgumentParser
import Core
import Customers
import DemoGenerator
import Foundation
import Storage

/// `aftersales-demo-data`: realistic, deterministic demo data at any scale.
@main
struct DemoData: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "aftersales-demo-data",
        abstract: "Generate realistic, seeded demo data for AfterSales.",
        discussion: """
            Example:
              aftersales-demo-data staff --db demo.sqlite
              aftersales-demo-data csv --customers 3000 --seed 7 > customers.csv
              aftersales import-customers customers.csv --db demo.sqlite
              aftersales-demo-data history --db demo.sqlite --seed 7
              aftersales-demo-data complaints --db demo.sqlite --seed 7
              aftersales-demo-data manufacturer-xml --megabytes 100 --out national.xml
            """,
        subcommands: [Staff.self, CSV.self, History.self, Complaints.self, ManufacturerXML.self])

    struct Staff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add the demo dealer's staff, whom the generated customer cards name as owners (C-10).")
        @Option(help: "The database.") var db: String

        func run() throws { try DemoData.addStaff(try AppDatabase.open(path: db)) }
    }

    /// Adds each demo staff member not yet on the database.
    static func addStaff(_ db: AppDatabase) throws {
        for (name, role) in DemoGenerator.staffRoles where try !db.staff().contains(where: { $0.name == name }) {
            _ = try db.addStaff(name: name, role: role, actor: "demo")
        }
    }

    struct CSV: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write customers, vehicles and mileage readings in the import-customers CSV layout to standard output.")
        @Option(help: "How many customers.") var customers = 3_000
        @Option(help: "Random seed: the same seed gives the same file.") var seed: UInt64 = 7
        @Option(help: "\"Now\" for the data (ISO 8601); deliveries lie before it.") var now =
            "2026-11-23T09:00:00+08:00"

        func run() throws {
            guard let date = Instant.parse(now) else { throw ValidationError("--now: expected ISO 8601") }
            var generator = DemoGenerator(seed: seed, now: date)
            var buffer = DemoGenerator.csvHeader + "\n"
            for index in 0..<customers {
                buffer += generator.csvRow(index)
                buffer += "\n"
                if buffer.utf8.count > 1 << 20 {
                    FileHandle.standardOutput.write(Data(buffer.utf8))
                    buffer = ""
                }
            }
            FileHandle.standardOutput.write(Data(buffer.utf8))
        }
    }

    struct History: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add staff, recent deliveries with their care plans, and contact history through the real use cases.")
        @Option(help: "The database (already holding imported customers).") var db: String
        @Option(help: "Random seed.") var seed: UInt64 = 7
        @Option(help: "How many recent deliveries (last 60 days).") var deliveries = 40
        @Option(help: "\"Now\" for the data (ISO 8601).") var now = "2026-11-23T09:00:00+08:00"

        func run() throws {
            guard let end = Instant.parse(now) else { throw ValidationError("--now: expected ISO 8601") }
            var generator = DemoGenerator(seed: seed, now: end)
            func at(_ date: Date) throws -> AppDatabase { try AppDatabase.open(path: db, clock: FixedClock(date)) }
            let base = try at(end)
            try DemoData.addStaff(base)
            // Recent deliveries: customers who bought in the last 60 days get their care plan (C-7) at delivery time.
            let total = try base.listCustomers(limit: 1).total
            for i in 0..<deliveries {
                let delivered = end.addingTimeInterval(
                    -Double(generator.int(1...60)) * 86_400 - Double(generator.int(0...8 * 3600)))
                let db = try at(delivered.addingTimeInterval(-3600))
                let region = generator.pick(DemoGenerator.regions)
                let customer = Customer(
                    name: generator.name(), customerClass: .intention, region: region.province,
                    address:
                        "\(region.city)\(generator.pick(region.districts))\(generator.pick(DemoGenerator.streets))"
                        + "\(generator.int(1...300))号",
                    owner: generator.pick(["张伟", "王丽"]), createdAt: delivered)
                let card = try db.addCustomer(
                    NewCustomer(
                        customer: customer, phones: [DemoGenerator.mobile(5_000_000 + total + i)], reason: "试驾后有购车意向"),
                    actor: "张伟")
                let model = generator.pick(DemoGenerator.models.filter { $0.make == "Volkswagen" })
                let vehicle = Vehicle(
                    customerID: card.customer.id!, vin: DemoGenerator.vin(8_000_000 + i, model: model, year: 2027),
                    plate: generator.plate(900_000 + i, prefix: region.plate), make: model.make, model: model.model,
                    modelYear: 2027,
                    usage: i % 7 == 0 ? .taxi : .private, deliveredAt: delivered, createdAt: delivered)
                let atDelivery = try at(delivered)
                _ = try atDelivery.addVehicle(vehicle, actor: "张伟")
                _ = try atDelivery.moveCustomer(
                    card.customer.id!, to: .retained, reason: "购买\(model.model)", actor: "张伟")
                // Some tasks were done on time, some were not.
                for task in try atDelivery.customerCard(card.customer.id!).openTasks
                where task.dueOn < LocalDate(instant: end, in: generator.zone) && generator.chance(0.6) {
                    let doneAt = task.dueOn.startInstant(in: generator.zone).addingTimeInterval(
                        Double(generator.int(9...17)) * 3600)
                    guard doneAt < end else { continue }
                    _ = try at(doneAt).completeTask(
                        task.id!,
                        TaskCompletion(
                            response: generator.pick(["车况良好, 很满意", "已寄出感谢信", "客户询问首保时间", "用车正常"]),
                            channel: task.kind == .thankYouLetter ? .letter : .phone,
                            outcome: generator.chance(0.9) ? .satisfied : .dissatisfied, staff: task.assignee),
                        actor: task.assignee ?? "张伟")
                }
            }
            // Contact history over the years for a sample of the imported customers.
            for id in stride(from: 1, through: total, by: max(1, total / 400)) {
                var when = end.addingTimeInterval(-Double(generator.int(30...900)) * 86_400)
                for _ in 0..<generator.int(1...4) {
                    guard when < end else { break }
                    let outcome = generator.pick([
                        Contact.Outcome.reached, .reached, .booked, .noAnswer, .satisfied, .dissatisfied, .lead,
                    ])
                    _ = try at(when).logContact(
                        Contact(
                            customerID: Customer.ID(Int64(id)),
                            channel: generator.pick([.phone, .phone, .sms, .visit, .wechat]),
                            direction: generator.chance(0.8) ? .outbound : .inbound, at: when,
                            staff: generator.pick(["李娜", "张伟", "王丽"]), outcome: outcome,
                            note: generator.pick(["提醒保养", "询问用车情况", "邀请参加试驾活动", "客户反映空调异响", "续保咨询"])), actor: "李娜")
                    when = when.addingTimeInterval(Double(generator.int(20...200)) * 86_400)
                }
            }
            // A sales consultant left: their customers show in the C-10 checks.
            if try base.staff().first(where: { $0.name == "刘洋" })?.leftOn == nil {
                _ = try base.staffLeft(
                    name: "刘洋", on: LocalDate(instant: end, in: generator.zone).adding(days: -10), actor: "demo")
            }
            demoSays(
                "历史数据已生成：近期交车 \(deliveries) 辆及其关怀计划、联系记录、员工（刘洋已离职）",
                "history added: \(deliveries) recent deliveries with care plans, contact history, staff (刘洋 has left)")
        }
    }
}

extension ManufacturerFileGenerator.Shape: ExpressibleByArgument {}

extension DemoData {
    /// A manufacturer data file of about the given size (MANUFACTURER-XML.md), valid or with bad VINs in every
    /// bulletin, for `make bench` and tests.
    struct ManufacturerXML: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "manufacturer-xml",
            abstract:
                "Write a valid manufacturer XML file of about N MB: bulletins with national VIN lists, catalogue, "
                + "terms, vehicles.",
            discussion: "With --bad-vins-per-bulletin the file is invalid: every bulletin is rejected."
        )
        @Option(help: "About how many megabytes (the mixed shape: 10,000 listed VINs and 4,500 vehicles per MB).")
        var megabytes = 10
        @Option(help: "Random seed.") var seed: UInt64 = 7
        @Option(
            name: .customLong("bad-vins-per-bulletin"),
            help: "List this many VINs that break the VIN pattern in every bulletin (0-200; default 0: a valid file).")
        var badVINsPerBulletin = 0
        @Option(
            help: ArgumentHelp(
                "What the file is made of: mixed (bulletins, catalogue, vehicles), vins (bulletins with VIN lists "
                    + "only, 27,000 VINs per MB) or vehicles (master data, 10,000 vehicles per MB).",
                valueName: "mixed|vins|vehicles"))
        var shape: ManufacturerFileGenerator.Shape = .mixed
        @Option(help: "The file to write.") var out: String

        func validate() throws {
            guard (0...200).contains(badVINsPerBulletin) else {
                throw ValidationError("--bad-vins-per-bulletin takes 0 to 200")
            }
        }

        func run() throws {
            guard FileManager.default.createFile(atPath: out, contents: nil),
                let handle = FileHandle(forWritingAtPath: out)
            else {
                throw ValidationError("cannot write \(out)")
            }
            defer { try? handle.close() }
            var generator = ManufacturerFileGenerator(
                megabytes: megabytes, seed: seed, badVINsPerBulletin: badVINsPerBulletin, shape: shape)
            let listed = generator.write { handle.write(Data($0.utf8)) }
            let size = (try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int) ?? 0
            print("\(out): \(String(format: "%.1f", Double(size) / 1e6)) MB, \(listed) listed VINs")
        }
    }
}

/// Prints the line of the tour's language, as Tools/demo.sh chooses it: English when $AFTERSALES_LANG is en,
/// else Chinese.
func demoSays(_ chinese: String, _ english: String) {
    let language = ProcessInfo.processInfo.environment["AFTERSALES_LANG"] ?? ""
    print(language.lowercased().hasPrefix("en") ? english : chinese)
}
