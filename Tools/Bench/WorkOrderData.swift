import Core
import Customers
import DemoGenerator
import Foundation
import GRDB
import Storage
import Warranty
import WorkOrders

/// The work-order bench's database: `customers` customers with a Volkswagen each and `orders` repair orders over
/// three years, written straight into the real schema (made by the real migrations) through prepared statements,
/// a transaction per 100,000 vehicles; then `ready` orders of 20 lines each, made through the real use cases and
/// ready to settle. Deterministic: the same sizes give the same database.
struct WorkOrderData {
    let customers: Int
    let orders: Int
    /// Orders with 20 lines made ready to settle (vehicles 1…ready); vehicles up to 2 × ready get no order today.
    let ready: Int
    let now: Date
    static let advisor = "王丽"
    static let technician = "刘强"
    static let foreman = "赵磊"
    static let manufacturer = "FAW-Volkswagen"
    static let recalls = 20
    static let zone = TimeZone(identifier: "Asia/Shanghai")!

    let today: LocalDate
    let todayStart: Date
    static let volkswagens = DemoGenerator.models.filter { $0.make == "Volkswagen" }

    init(customers: Int, orders: Int, ready: Int, now: Date) {
        self.customers = customers
        self.orders = orders
        self.ready = ready
        self.now = now
        today = LocalDate(instant: now, in: Self.zone)
        todayStart = Instant.fromLocal(dayNumber: today.dayNumber, secondOfDay: 0, in: Self.zone)
    }

    /// How many days before today vehicle `id` was delivered: recent for the settle vehicles (still under warranty),
    /// up to eight years for the rest.
    func deliveredDaysAgo(_ id: Int) -> Int { id <= 2 * ready ? 200 + id % 300 : 30 + (id &* 104_729) % 2_900 }
    /// Whether vehicle `id` is a taxi (W-1: shorter warranty terms). The settle vehicles are private cars, so their
    /// warranty lines stay covered whatever the order of the runs.
    func isTaxi(_ id: Int) -> Bool { id % 8 == 0 && id > 2 * ready }
    /// Kilometres a day vehicle `id` runs (taxis more).
    func kilometresPerDay(_ id: Int) -> Int { isTaxi(id) ? 180 : 20 + (id &* 7_919) % 60 }
    /// The odometer of vehicle `id` `daysAgo` days before today: its readings rise with time.
    func mileage(_ id: Int, daysAgo: Int) -> Int { max(1, kilometresPerDay(id) * (deliveredDaysAgo(id) - daysAgo)) }
    func model(_ id: Int) -> (make: String, model: String, wmi: String, vds: String) {
        Self.volkswagens[id % Self.volkswagens.count]
    }
    func modelYear(_ id: Int) -> Int { today.adding(days: -deliveredDaysAgo(id) - 90).year }
    func vin(_ id: Int) -> VIN { DemoGenerator.vin(id, model: model(id), year: modelYear(id)) }
    func plate(_ id: Int) -> String {
        // As DemoGenerator's plates: a province, a letter, five digits; unique up to 9,000,000 vehicles.
        let letters = Array("ABCDEFGHJKLMNPQ")
        let body = String(format: "%05d", id % 100_000)
        return ["京", "沪", "粤", "川", "浙", "吉"][(id / 1_500_000) % 6]
            + String(letters[(id / 100_000) % letters.count]) + "·" + body
    }
    /// The recall (0 ..< recalls) listing vehicle `id`, if any: about 5 % of the vehicles, and every settle vehicle
    /// in recall 0.
    func recall(_ id: Int) -> Int? {
        if id <= ready { return 0 }
        return id % 1_000 < 50 ? id % Self.recalls : nil
    }
    static func recallNumber(_ index: Int) -> String { "RC-2026-" + String(format: "%03d", index + 1) }

    /// A kind of job the workshop does, with its labour operation and parts.
    struct Template {
        var title: String
        var kind: JobKind
        var system: VehicleSystem
        var component: String
        var labour: (code: String, centihours: Int)
        var parts: [(number: String, name: String, fen: Int)]
        var warrantable: Bool
    }

    static let oil = ("G 052 195 M4", "机油", 38_000)
    static let oilFilter = ("06L 115 562", "机油滤清器", 6_800)
    static let templates: [Template] = [
        Template(
            title: "一级维护", kind: .firstLevelMaintenance, system: .other, component: "保养",
            labour: ("10 00 00 01", 100), parts: [oil, oilFilter], warrantable: false),
        Template(
            title: "二级维护", kind: .secondLevelMaintenance, system: .other, component: "保养",
            labour: ("10 00 00 02", 180), parts: [oil, oilFilter, ("5Q0 129 620", "空气滤清器", 9_500)],
            warrantable: false),
        Template(
            title: "更换前刹车片", kind: .minorRepair, system: .brakes, component: "制动系统",
            labour: ("47 11 19 00", 90), parts: [("5Q0 698 151", "前刹车片", 48_000)], warrantable: true),
        Template(
            title: "更换蓄电池", kind: .minorRepair, system: .other, component: "电气系统",
            labour: ("27 00 00 01", 40), parts: [("000 915 105", "蓄电池", 85_000)], warrantable: true),
        Template(
            title: "四轮定位", kind: .minorRepair, system: .suspension, component: "悬架系统",
            labour: ("44 00 00 01", 80), parts: [], warrantable: false),
        Template(
            title: "更换减震器", kind: .specialRepair, system: .suspension, component: "悬架系统",
            labour: ("44 11 00 01", 150), parts: [("5Q0 413 031", "前减震器", 120_000)], warrantable: true),
        Template(
            title: "变速箱总成更换", kind: .majorAssembly, system: .transmission, component: "变速箱",
            labour: ("37 00 00 01", 600), parts: [("0DE 300 040", "双离合变速箱总成", 2_600_000)], warrantable: true),
        Template(
            title: "发动机检修", kind: .majorAssembly, system: .engine, component: "发动机",
            labour: ("15 00 00 01", 800), parts: [("06L 100 033", "发动机缸体组件", 1_800_000)], warrantable: true),
        Template(
            title: "更换空调滤芯", kind: .minorRepair, system: .other, component: "空调系统",
            labour: ("87 00 00 01", 30), parts: [("5Q0 819 653", "空调滤芯", 12_000)], warrantable: false),
        Template(
            title: "召回：制动软管检查更换", kind: .minorRepair, system: .brakes, component: "制动系统",
            labour: ("RC 00 00 01", 50), parts: [], warrantable: false),
    ]
    static let recallTemplate = templates.count - 1

    /// Builds the database at `path` (which must not exist). Prints how long each part took.
    func build(path: String) throws -> [String] {
        let start = Date()
        let db = try AppDatabase.open(path: path, create: true, clock: FixedClock(now))
        // Generating, not measuring: no fsync per commit while the data is written.
        try db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = OFF") }
        for (name, role) in DemoGenerator.staffRoles { _ = try db.addStaff(name: name, role: role, actor: "bench") }
        _ = try db.addStaff(name: Self.technician, role: .technician, actor: "bench")
        _ = try db.addStaff(name: Self.foreman, role: .shopForeman, actor: "bench")
        try writeCatalogue(db)
        try writeCustomers(db)
        let customersDone = Date()
        try writeRecalls(db)
        let readyNumbers = try makeReady(db)
        let readyDone = Date()
        try writeOrders(db)
        // The orders above were written straight into the tables: their report figures, as the migration fills them.
        try db.writer.write { try WorkOrderSchema.fillSettledFigures($0) }
        try db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        print(
            String(
                format:
                    "generated %d customers and vehicles in %.1f s, %d orders ready to settle (use cases) in %.1f s, "
                    + "%d repair orders in %.1f s: %.1f s in all",
                customers, customersDone.timeIntervalSince(start), ready, readyDone.timeIntervalSince(customersDone),
                orders, Date().timeIntervalSince(readyDone), Date().timeIntervalSince(start)))
        return readyNumbers
    }

    func writeCatalogue(_ db: AppDatabase) throws {
        try db.writer.write { database in
            for template in Self.templates {
                try database.execute(
                    sql: """
                        INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
                        VALUES (?, 'Volkswagen', '', ?, ?, 'bench', ?)
                        """,
                    arguments: [template.labour.code, template.labour.centihours, template.title, now])
                for part in template.parts {
                    try database.execute(
                        sql: """
                            INSERT OR IGNORE INTO part (number, name, price_fen, currency, effective, source, \
                            updated_at) VALUES (?, ?, ?, 'CNY', '2024-01-01', 'bench', ?)
                            """, arguments: [part.number, part.name, part.fen, now])
                    try database.execute(
                        sql: """
                            INSERT OR IGNORE INTO part_price (number, effective, price_fen, currency, source) \
                            VALUES (?, '2024-01-01', ?, 'CNY', 'bench')
                            """, arguments: [part.number, part.fen])
                }
            }
        }
    }

    /// Rows in chunks of `size`, each chunk one transaction on the writer with a big page cache.
    func chunked(_ db: AppDatabase, _ total: Int, size: Int, _ body: (Database, Range<Int>) throws -> Void) throws {
        try db.writer.writeWithoutTransaction { database in
            try database.execute(sql: "PRAGMA cache_size = -262144")
            for first in stride(from: 0, to: total, by: size) {
                try database.inTransaction {
                    try body(database, first..<min(total, first + size))
                    return .commit
                }
                FileHandle.standardError.write(Data("  \(min(total, first + size)) of \(total)\r".utf8))
            }
            try database.execute(sql: "PRAGMA cache_size = -2000")
        }
    }

    func writeCustomers(_ db: AppDatabase) throws {
        let time = Instant.databaseString(now)
        try chunked(db, customers, size: 100_000) { database, range in
            let customer = try database.makeStatement(
                sql: """
                    INSERT INTO customer (id, kind, name, customer_class, created_at, updated_at) \
                    VALUES (?, 'person', ?, 'retained', ?, ?)
                    """)
            let phone = try database.makeStatement(sql: "INSERT INTO customer_phone (customer_id, phone) VALUES (?, ?)")
            let vehicle = try database.makeStatement(
                sql: """
                    INSERT INTO vehicle (id, customer_id, vin, plate, plate_key, make, model, model_year, build_date, \
                    usage, delivered_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let surnames = DemoGenerator.surnames
            let given = DemoGenerator.givenNames
            for index in range {
                let id = index + 1
                let name = String(surnames[id % surnames.count]) + given[(id / surnames.count) % given.count]
                try customer.execute(arguments: [id, name, time, time])
                try phone.execute(arguments: [id, DemoGenerator.mobile(id)])
                let plate = plate(id)
                let delivered = todayStart.addingTimeInterval(Double(-deliveredDaysAgo(id) * 86_400 + 11 * 3_600))
                let model = model(id)
                try vehicle.execute(arguments: [
                    id, id, vin(id).value, plate, ContactDetails.plateKey(plate), model.make, model.model,
                    modelYear(id), today.adding(days: -deliveredDaysAgo(id) - 60).description,
                    isTaxi(id) ? "taxi" : "private", Instant.databaseString(delivered), time,
                ])
            }
        }
    }

    /// Open recalls through the manufacturer batch (the real path): each lists its share of the vehicles; 40 % of
    /// the listed vehicles outside the settle set have it done already.
    func writeRecalls(_ db: AppDatabase) throws {
        var lists = [[VIN]](repeating: [], count: Self.recalls)
        for id in 1...customers { if let recall = recall(id) { lists[recall].append(vin(id)) } }
        try db.withManufacturerBatch(actor: "bench", source: "bench") { batch -> (commit: Bool, value: Void) in
            for (index, list) in lists.enumerated() where !list.isEmpty {
                _ = try batch.store(
                    Bulletin(
                        manufacturer: Self.manufacturer, number: Self.recallNumber(index), kind: .recall, revision: 1,
                        issued: LocalDate("2026-03-01")!, title: "制动软管可能磨损", component: "制动系统",
                        summary: "部分车辆前制动软管可能与减震器支架摩擦。", remedy: "检查并更换前制动软管。",
                        models: [], built: [], vinRanges: [], vins: list, extensionMonths: nil,
                        extensionKilometres: nil))
            }
            return (true, ())
        }
        try db.writer.write { database in
            let done = try database.makeStatement(
                sql: """
                    INSERT INTO bulletin_completion (manufacturer, number, vin, completed_on, work_ref, actor, at) \
                    VALUES (?, ?, ?, '2026-06-15', 'bench', 'bench', ?)
                    """)
            for id in 1...customers where id > 2 * ready && id % 5 < 2 {
                if let recall = recall(id) {
                    try done.execute(arguments: [Self.manufacturer, Self.recallNumber(recall), vin(id), now])
                }
            }
        }
    }

    /// Orders of 20 lines through the real use cases, ready to settle: reception, four jobs (maintenance, a
    /// warranty repair, the open recall, a paid repair), five lines each, the quote, approval, work, quality check.
    func makeReady(_ db: AppDatabase) throws -> [String] {
        let clock = ManualClock(todayStart.addingTimeInterval(7 * 3_600))
        let shop = try AppDatabase(db.writer, clock: clock)
        let actor = Self.advisor
        var numbers: [String] = []
        for id in stride(from: 1, through: ready, by: 1) {
            clock.set(todayStart.addingTimeInterval(7 * 3_600))
            var form = ReceptionForm()
            form.vin = id % 2 == 0 ? vin(id).value : plate(id)
            form.mileage = mileage(id, daysAgo: 0)
            form.concerns = ["保养", "刹车异响", "召回", "车身划痕"]
            form.promisedAt = Instant.localString(todayStart.addingTimeInterval(17 * 3_600), in: Self.zone)
            let number = try shop.openWorkOrder(form, actor: actor).number
            let plan: [(job: Int, template: Int, warranty: Bool)] = [
                (1, 0, false), (2, 2, true), (3, Self.recallTemplate, true), (4, 5, false),
            ]
            for (job, index, warranty) in plan {
                let template = Self.templates[index]
                var edit = JobForm()
                edit.title = template.title
                edit.kind = template.kind.rawValue
                edit.system = template.system.rawValue
                edit.component = template.component
                edit.fault = form.concerns![job - 1]
                _ = try shop.editWorkOrderJob(number, job: job, edit, actor: actor)
                var lines: [WorkOrderLineForm] = []
                func line(_ kind: String, _ code: String, payer: String, quantity: Int = 1, bulletin: String? = nil) {
                    var line = WorkOrderLineForm()
                    line.job = job
                    line.kind = kind
                    line.code = code
                    line.quantity = quantity
                    line.payer = payer
                    line.bulletin = bulletin
                    lines.append(line)
                }
                let payer = warranty ? "warranty" : "customer"
                line(
                    "labour", template.labour.code, payer: payer,
                    bulletin: index == Self.recallTemplate ? Self.recallNumber(0) : nil)
                for part in template.parts { line("part", part.number, payer: payer) }
                // The rest of the job's five lines: paid parts and materials.
                let extras = [Self.oil.0, Self.oilFilter.0, "5Q0 819 653", "000 915 105"]
                while lines.count < 5 { line("part", extras[lines.count % extras.count], payer: "customer") }
                for line in lines { _ = try shop.addWorkOrderLine(number, line, actor: actor) }
            }
            _ = try shop.quoteWorkOrder(number, actor: actor)
            _ = try shop.answerWorkOrderJobs(
                number, jobs: [], approved: true, by: "车主", method: .signature, actor: actor)
            for (job, _, _) in plan {
                _ = try shop.dispatchWorkOrderJob(number, job: job, technician: Self.technician, actor: Self.foreman)
                _ = try shop.clockWorkOrderJob(
                    number, job: job, technician: Self.technician, on: true, actor: Self.technician)
                clock.set(clock.now().addingTimeInterval(1_800))
                _ = try shop.clockWorkOrderJob(
                    number, job: job, technician: Self.technician, on: false, actor: Self.technician)
                _ = try shop.checkWorkOrderJob(
                    number, job: job, failed: [], roadTestKilometres: 3, reason: nil, finding: "已按规范完成",
                    actor: Self.foreman)
            }
            numbers.append(number)
        }
        return numbers
    }
}
