import Campaigns
import Core
import Customers
import Foundation
import Messaging
import TestSupport
import Testing
import Warranty

@testable import Storage

@Suite("Campaigns, consent and the outbox in the database (M-1 to M-5)")
struct CampaignStoreTests {
    struct Fixture {
        let clock: SteppingClock
        let db: AppDatabase
        var ids: [String: Customer.ID] = [:]

        /// 王芳 (opted in to SMS), 李强 (opted out of SMS), 张伟 (no word), 赵敏 (no mobile), 刘洋 (shares 王芳's phone), 陈静 (no gender).
        init(file: String? = nil) throws {
            let clock = SteppingClock("2026-12-01T09:00:00+08:00")
            self.clock = clock
            db =
                try file.map { try AppDatabase.open(path: $0, create: true, clock: clock) }
                ?? AppDatabase.inMemory(clock: clock)
            let people: [(String, Gender?, [String], String?)] = [
                ("王芳", .female, ["13800138000"], "wang@example.cn"), ("李强", .male, ["13900139000"], nil),
                ("张伟", .male, ["13700137000"], "zhang@example.cn"),
                ("赵敏", .female, ["010-62345678"], nil), ("刘洋", .male, ["13800138000"], nil),
                ("陈静", nil, ["13600136000"], nil),
            ]
            for (index, (name, gender, phones, email)) in people.enumerated() {
                let card = try db.addCustomer(
                    NewCustomer(
                        customer: Customer(
                            name: name, customerClass: .retained, gender: gender, email: email,
                            address: "北京市朝阳区\(index + 1)号",
                            createdAt: clock.now()), phones: phones, allowSharedPhones: true, reason: "老客户"), actor: "t"
                )
                ids[name] = card.customer.id!
                let vin = try VIN(
                    validating: [
                        "LFV2A21K3N3000123", "LFV2A21K5N3000124", "LFV2A21K7N3000125", "LFV2A21K9N3000126",
                        "LFV2A21K0N3000127", "LFV2A21K2N3000128",
                    ][index])
                _ = try db.addVehicle(
                    Vehicle(
                        customerID: card.customer.id!, vin: vin, plate: "京A1234\(index)", make: "Volkswagen",
                        model: "Sagitar",
                        usage: .private, deliveredAt: instant("2025-12-20T10:00:00+08:00"), createdAt: clock.now()),
                    actor: "t")
            }
            try db.setConsent(customer: ids["王芳"]!, channel: .sms, status: .optIn, source: "登记表", actor: "t")
            try db.setConsent(customer: ids["刘洋"]!, channel: .sms, status: .optIn, source: "登记表", actor: "t")
            try db.setConsent(customer: ids["陈静"]!, channel: .sms, status: .optIn, source: "登记表", actor: "t")
            try db.setConsent(customer: ids["李强"]!, channel: .sms, status: .optOut, source: "回T退订", actor: "t")
            _ = try db.createSegment(
                name: "all-vw", filter: "class = retained and make = Volkswagen", description: nil, actor: "t")
        }

        func campaign(
            _ name: String, category: MessageCategory = .marketing, channel: MessageChannel = .sms,
            template: String = "尊敬的{{name}}{{title}}：您的{{vehicle}}（{{plate}}）冬季免费检测。{{dealer}}"
        ) throws {
            _ = try db.createCampaign(
                name: name, segment: "all-vw", channel: channel, category: category,
                subject: channel == .email ? "冬季检测" : nil,
                template: template, actor: "t")
        }

        /// Delivers every queued message of `channel` now (the output writes them all).
        func deliver(_ channel: MessageChannel = .sms) throws {
            let batch = try db.beginDeliveryBatch(channel: channel, output: "test", position: 0, limit: 1_000)
            try db.finishDeliveryBatch(output: "test", sent: batch.messages.map { $0.message.id!.rawValue }, failed: [])
        }

        func states(_ campaign: String) throws -> [String: String] {
            Dictionary(
                uniqueKeysWithValues: try db.outbox(OutboxFilter(campaign: campaign)).items.map {
                    ($0.recipientName, $0.reason ?? $0.state.rawValue)
                })
        }
    }

    @Test("M-2/M-3: a marketing SMS run suppresses each customer for its reason and queues the others, once")
    func marketingRun() throws {
        let f = try Fixture()
        try f.campaign("winter")
        let dry = try f.db.runCampaign("winter", dryRun: true, actor: "t")
        #expect(dry.counts.queued == 1 && dry.counts.selected == 6)
        #expect(try f.db.outbox().total == 0)

        let run = try f.db.runCampaign("winter", actor: "t")
        #expect(run.counts == dry.counts.with { $0.dryRun = false })
        #expect(
            try f.states("winter") == [
                "王芳": "queued", "李强": "opted-out", "张伟": "no-opt-in", "赵敏": "no-opt-in",
                "刘洋": "duplicate-recipient: 13800138000", "陈静": "missing-field: title",
            ])
        let queued = try #require(try f.db.outbox(OutboxFilter(state: .queued)).items.first)
        #expect(queued.body == "尊敬的王芳女士：您的Volkswagen Sagitar（京A·12340）冬季免费检测。本店售后服务部")

        // Again: nobody is queued twice; 张伟 opts in and is judged again.
        try f.db.setConsent(customer: f.ids["张伟"]!, channel: .sms, status: .optIn, source: "电话", actor: "t")
        let again = try f.db.runCampaign("winter", actor: "t")
        #expect(again.counts.alreadyQueued == 1 && again.counts.queued == 1)
        #expect(try f.db.outbox(OutboxFilter(state: .queued)).total == 2)
        #expect(
            try f.db.campaignReport("winter").suppressed == [
                "opted-out": 1, "no-opt-in": 1, "duplicate-recipient": 1, "missing-field": 1,
            ])
    }

    @Test(
        "On a database file the customer base is read beside the writing; the run queues and suppresses exactly as in memory"
    )
    func fileDatabase() throws {
        let folder = try TemporaryDirectory()
        let onFile = try Fixture(file: folder.path("dealer.sqlite"))
        let inMemory = try Fixture()
        for f in [onFile, inMemory] { try f.campaign("winter") }
        let a = try onFile.db.runCampaign("winter", actor: "t")
        let b = try inMemory.db.runCampaign("winter", actor: "t")
        #expect(a.counts == b.counts)
        #expect(try onFile.states("winter") == inMemory.states("winter"))
        #expect(try onFile.db.runCampaign("winter", actor: "t").counts.alreadyQueued == 1)
    }

    @Test("M-3: the SMS cap counts sent and queued marketing SMS of the last 30×24 hours")
    func cap() throws {
        let f = try Fixture()
        for name in ["one", "two", "three"] { try f.campaign(name) }
        #expect(try f.db.runCampaign("one", actor: "t").counts.queued == 1)
        #expect(try f.db.runCampaign("two", actor: "t").counts.queued == 1)
        let third = try f.db.runCampaign("three", actor: "t")
        #expect(third.counts.suppressed["frequency-cap"] == 1)
        // Thirty days later the window has passed.
        f.clock.set("2026-12-31T09:01:00+08:00")
        try f.campaign("four")
        #expect(try f.db.runCampaign("four", actor: "t").counts.queued == 1)
    }

    @Test("M-3: service messages need no opt-in but honour an opt-out; a recall goes out despite one and says why")
    func categories() throws {
        let f = try Fixture()
        try f.campaign("service", category: .service, template: "{{name}}您好，您的{{plate}}保养到期。")
        #expect(try f.states("service").isEmpty)
        _ = try f.db.runCampaign("service", actor: "t")
        let service = try f.states("service")
        #expect(service["张伟"] == "queued" && service["李强"] == "opted-out")
        let reminders = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.insuranceRenewal], actor: "t")
        #expect(reminders.kinds.first?.queued == 3)
        #expect(reminders.kinds.first?.suppressed == ["opted-out": 1, "no-address": 1, "missing-field": 1])

        // An open recall on 李强's vehicle: he opted out of SMS, the notice goes all the same and says why.
        let recall = Bulletin(
            manufacturer: "FAW-Volkswagen", number: "RC-2026-017", kind: .recall, revision: 1,
            issued: LocalDate("2026-10-12")!,
            title: "前制动软管可能磨损", component: "制动系统", summary: "制动软管可能磨损", remedy: "更换制动软管",
            vins: [try VIN(validating: "LFV2A21K5N3000124")])
        _ = try f.db.storeBulletin(recall, actor: "t")
        let recalls = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.openRecall], actor: "t")
        #expect(recalls.kinds.first?.queued == 1)
        let notice = try #require(
            try f.db.outbox(OutboxFilter(customer: f.ids["李强"]!)).items.first { $0.category == .recall })
        #expect(notice.state == .queued)
        #expect(notice.body.contains("前制动软管可能磨损") && notice.body.contains(ConsentPolicy.recallNote))
    }

    @Test("W-6, M-3: a recall is never lost to a missing personal field: 陈静 (no gender) is greeted 尊敬的车主 and counted")
    func recallWithoutTitle() throws {
        let f = try Fixture()
        let recall = Bulletin(
            manufacturer: "FAW-Volkswagen", number: "RC-2026-018", kind: .recall, revision: 1,
            issued: LocalDate("2026-10-12")!,
            title: "燃油泵可能失效", component: "燃油系统", summary: "燃油泵可能失效", remedy: "更换燃油泵",
            vins: [try VIN(validating: "LFV2A21K2N3000128"), try VIN(validating: "LFV2A21K3N3000123")])
        _ = try f.db.storeBulletin(recall, actor: "t")
        let run = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.openRecall], actor: "t")
        #expect(run.kinds.first?.queued == 2)
        #expect(run.kinds.first?.suppressed == [:])
        #expect(run.kinds.first?.degraded == 1)
        let notice = try #require(
            try f.db.outbox(OutboxFilter(customer: f.ids["陈静"]!)).items.first { $0.category == .recall })
        #expect(notice.state == .queued)
        #expect(notice.body.hasPrefix("尊敬的车主："))
        #expect(notice.body.contains("燃油泵可能失效"))
        let wang = try #require(
            try f.db.outbox(OutboxFilter(customer: f.ids["王芳"]!)).items.first { $0.category == .recall })
        #expect(wang.body.hasPrefix("尊敬的王芳女士："))

        // A recall campaign degrades the same way; a service campaign still suppresses for the missing field.
        try f.campaign("recall-notice", category: .recall)
        let counts = try f.db.runCampaign("recall-notice", actor: "t").counts
        #expect(counts.degraded == 1 && counts.suppressed["missing-field"] == nil)
        #expect(try f.states("recall-notice")["陈静"] == "queued")
        try f.campaign("service-notice", category: .service)
        _ = try f.db.runCampaign("service-notice", actor: "t")
        #expect(try f.states("service-notice")["陈静"] == "missing-field: title")
    }

    @Test("M-3: consent is checked again at delivery; an opt-out after queueing stops the message")
    func deliveryTimeConsent() throws {
        let f = try Fixture()
        try f.campaign("winter")
        _ = try f.db.runCampaign("winter", actor: "t")
        try f.db.setConsent(customer: f.ids["王芳"]!, channel: .sms, status: .optOut, source: "回T退订", actor: "t")
        let batch = try f.db.beginDeliveryBatch(channel: .sms, output: "test", position: 0, limit: 10)
        #expect(batch.messages.isEmpty && batch.suppressed == 1)
        #expect(try f.db.outbox(OutboxFilter(customer: f.ids["王芳"]!)).items.first?.reason == "opted-out: at delivery")
    }

    @Test("M-3: a birthday card over the SMS cap is suppressed when it is queued, with the typed reason")
    func birthdayOverTheCap() throws {
        let f = try Fixture()
        var edit = CustomerEdit()
        edit.birthDate = "1986-12-01"
        _ = try f.db.editCustomer(f.ids["王芳"]!, edit, actor: "t")
        for name in ["one", "two"] {
            try f.campaign(name)
            #expect(try f.db.runCampaign(name, actor: "t").counts.queued == 1)
        }
        // 王芳 has 2 marketing SMS in the window: her birthday card (marketing) is stopped now, not at delivery.
        let run = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.birthday], actor: "t")
        #expect(run.kinds.first?.due == 1 && run.kinds.first?.queued == 0)
        #expect(run.kinds.first?.suppressed == ["frequency-cap": 1])
        let messages = try f.db.outbox(OutboxFilter(customer: f.ids["王芳"]!)).items
        let card = try #require(messages.first { $0.source == .reminder })
        #expect(card.state == .suppressed)
        let reason = SuppressionReason.frequencyCap(limit: 2, windowHours: 720)
        #expect(card.reason == reason.stored && card.reason == "frequency-cap: 2 marketing SMS in 720 h")

        // Thirty days later the window has passed; the card for that day is judged again and queued.
        f.clock.set("2026-12-31T09:01:00+08:00")
        let later = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.birthday], actor: "t")
        #expect(later.kinds.first?.queued == 1)
    }

    @Test("M-2: a birthday card to a family's shared phone goes once, as a campaign's does, however often it runs")
    func birthdayToSharedPhone() throws {
        let f = try Fixture()
        var edit = CustomerEdit()
        edit.birthDate = "1986-12-01"
        for name in ["王芳", "刘洋"] { _ = try f.db.editCustomer(f.ids[name]!, edit, actor: "t") }
        for _ in 0..<2 {
            let run = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.birthday], actor: "t")
            #expect(run.kinds.first?.suppressed == ["duplicate-recipient": 1])
            #expect(try f.db.outbox(OutboxFilter(state: .queued)).items.map(\.recipientName) == ["王芳"])
            let liu = try #require(try f.db.outbox(OutboxFilter(customer: f.ids["刘洋"]!)).items.first)
            #expect(liu.reason == "duplicate-recipient: 13800138000")
        }
        // Service reminders are about each vehicle: both go to the shared phone.
        let renewal = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.insuranceRenewal], actor: "t")
        #expect(renewal.kinds.first?.suppressed["duplicate-recipient"] == nil)
    }

    @Test("M-1: reminders run twice the same day, or the next day, queue each event once")
    func remindersIdempotent() throws {
        let f = try Fixture()
        let first = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, actor: "t")
        let renewal = try #require(first.kinds.first { $0.kind == .annualInspection })
        #expect(renewal.due == 6 && renewal.queued > 0)
        let total = try f.db.outbox().total
        let again = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, actor: "t")
        #expect(again.kinds.allSatisfy { $0.queued == 0 })
        #expect(try f.db.runReminders(asOf: LocalDate("2026-12-02")!, actor: "t").kinds.allSatisfy { $0.queued == 0 })
        #expect(try f.db.outbox().total == total)
    }

    @Test("W-9/M-1: the maintenance-due reminder counts kilometres from the last visit, as the compliance check does")
    func maintenanceDueByKilometres() throws {
        let f = try Fixture()
        let vin = VIN(trusted: "LFV2A21K3N3000123")
        try f.db.addMaintenanceVisit(
            MaintenanceVisit(day: LocalDate("2026-06-04")!, kilometres: 20_000), vin: vin, actor: "t")
        _ = try f.db.addMileage(
            vin, kilometres: 30_000, at: instant("2026-12-01T08:00:00+08:00"), source: "service",
            odometerReplaced: false, actor: "t")
        // 10,000 km since the visit: due now, not on 2027-06-04 as the months alone would say.
        let run = try f.db.runReminders(asOf: LocalDate("2026-12-01")!, kinds: [.maintenanceDue], actor: "t")
        #expect(run.kinds.first?.due == 1)
        let message = try #require(try f.db.outbox(OutboxFilter(customer: f.ids["王芳"]!)).items.first)
        #expect(message.sourceKey == "reminder:maintenance-due:LFV2A21K3N3000123:after-2026-06-04")
        #expect(message.body.contains("2026-12-01"))
    }

    @Test(
        "M-4: a booking logged within the window counts for the campaign; an unsubscribe link opts out and counts too")
    func responses() throws {
        let f = try Fixture()
        try f.campaign("winter")
        _ = try f.db.runCampaign("winter", actor: "t")
        try f.deliver()
        let wang = f.ids["王芳"]!
        f.clock.set("2026-12-05T10:00:00+08:00")
        _ = try f.db.addStaff(name: "李娜", role: .csAgent, actor: "t")
        _ = try f.db.logContact(
            Contact(
                customerID: wang, channel: .phone, direction: .inbound, at: f.clock.now(), staff: "李娜", outcome: .booked
            ), actor: "t")
        let message = try #require(try f.db.outbox(OutboxFilter(state: .sent)).items.first)
        let token = try f.db.unsubscribeToken(for: message)
        let (name, channel) = try f.db.unsubscribe(token: token)
        #expect(name == "王芳" && channel == .sms)
        #expect(try f.db.consentCard(wang).current.first { $0.channel == .sms }?.status == .optOut)
        let report = try f.db.campaignReport("winter")
        #expect(report.responses == ["appointment": 1, "opt-out": 1])
        #expect(report.conversionPercent == 100)
        // Outside the window nothing is attributed.
        f.clock.set("2027-02-01T10:00:00+08:00")
        #expect(try f.db.recordResponse(customer: wang, kind: .visit, source: "t", actor: "t") == nil)
    }

    @Test("M-4: a message still queued earns no response; once sent, the window counts from the sending")
    func responsesNeedASentMessage() throws {
        let f = try Fixture()
        try f.campaign("winter")
        _ = try f.db.runCampaign("winter", actor: "t")
        let wang = f.ids["王芳"]!
        f.clock.set("2026-12-03T10:00:00+08:00")
        #expect(try f.db.recordResponse(customer: wang, kind: .visit, source: "walk-in", actor: "t") == nil)
        try f.db.setConsent(customer: wang, channel: .sms, status: .optOut, source: "回T退订", actor: "t")
        #expect(try f.db.campaignReport("winter").responses.isEmpty)

        try f.db.setConsent(customer: wang, channel: .sms, status: .optIn, source: "登记表", actor: "t")
        try f.deliver()
        f.clock.set("2026-12-04T10:00:00+08:00")
        #expect(try f.db.recordResponse(customer: wang, kind: .visit, source: "walk-in", actor: "t") == "winter")
        #expect(try f.db.campaignReport("winter").responses == ["visit": 1])
    }

    @Test("M-5: revenue ranks customers; value and value-rank are segment fields")
    func value() throws {
        let f = try Fixture()
        try f.db.addRevenue(
            customer: f.ids["张伟"]!, on: LocalDate("2026-11-01")!, amount: Money(fen: 300_000), reference: "RO-1",
            source: "t", actor: "t")
        try f.db.addRevenue(
            customer: f.ids["王芳"]!, on: LocalDate("2026-11-02")!, amount: Money(fen: 120_000), reference: "RO-2",
            source: "t", actor: "t")
        #expect(throws: Conflict.self) {
            try f.db.addRevenue(
                customer: f.ids["王芳"]!, on: LocalDate("2026-11-02")!, amount: Money(fen: 1), reference: "RO-2",
                source: "t", actor: "t")
        }
        #expect(try f.db.valueRanking().map(\.name) == ["张伟", "王芳"])
        #expect(try f.db.previewSegment(filter: "value-rank = 1").sample == ["张伟 (\(f.ids["张伟"]!))"])
        #expect(try f.db.previewSegment(filter: "value >= 1000").customers == 2)
    }

    @Test("A template naming an unknown field, a bad filter or a missing segment is refused and nothing is stored")
    func badInput() throws {
        let f = try Fixture()
        #expect(throws: InvalidInput.self) { try f.campaign("bad", template: "{{name}} {{licence}}") }
        #expect(throws: InvalidInput.self) {
            _ = try f.db.createSegment(name: "x", filter: "class = ", description: nil, actor: "t")
        }
        #expect(throws: NotFound.self) {
            _ = try f.db.createCampaign(
                name: "y", segment: "nope", channel: .sms, category: .service, subject: nil, template: "{{name}}",
                actor: "t")
        }
        #expect(try f.db.campaigns().isEmpty)
        #expect(try f.db.segments().map(\.name) == ["all-vw"])
        try f.campaign("ok", template: "{{name}}：{{mileage}}")
        let error = #expect(throws: InvalidInput.self) { try f.db.renderCampaign("ok", customer: f.ids["王芳"]!) }
        #expect(error?.reason.contains("no mileage for {{mileage}}") == true)
    }
}

extension CampaignRunCounts {
    func with(_ change: (inout CampaignRunCounts) -> Void) -> CampaignRunCounts {
        var copy = self
        change(&copy)
        return copy
    }
}

@Suite("M-1/M-2: the warranty end of reminders and segments is the one warranty check gives")
struct WarrantyEndTests {
    @Test("M-1/M-2: a household car's warranty ends at the legal 36 months (L-2), by its usage at delivery (W-2)")
    func householdLegalMinimum() throws {
        let f = try CampaignStoreTests.Fixture()
        // 李强's car was delivered private and is a taxi now: coverage still follows the usage at delivery.
        _ = try f.db.changeUsage(
            VIN(trusted: "LFV2A21K5N3000124"), to: .taxi, effective: LocalDate("2026-03-01")!, reason: "网约车", actor: "t"
        )
        // Delivered 2025-12-20: the 24-month term is raised to 36 months, covered until 2028-12-20 (T-1).
        for vin in ["LFV2A21K3N3000123", "LFV2A21K5N3000124"] {
            #expect(try f.db.warrantyCheck(vin: VIN(trusted: vin)).decision.warrantyEnds == LocalDate("2028-12-20"))
        }
        #expect(try f.db.previewSegment(filter: "warranty-ends-in = 750").vehicles == 6)
        let early = try f.db.runReminders(asOf: LocalDate("2027-11-25")!, kinds: [.warrantyExpiry], actor: "t")
        #expect(early.kinds.first?.due == 0)
        let due = try f.db.runReminders(asOf: LocalDate("2028-11-25")!, kinds: [.warrantyExpiry], actor: "t")
        #expect(due.kinds.first?.due == 6)
        let message = try #require(try f.db.outbox(OutboxFilter(customer: f.ids["王芳"]!)).items.first)
        #expect(message.body.contains("2028-12-20"))
    }

    @Test("M-1/M-2: for random terms, usages and deliveries, the facts loader's warranty end equals warranty check's")
    func randomized() throws {
        let clock = SteppingClock("2026-12-01T09:00:00+08:00")
        let db = try AppDatabase.inMemory(clock: clock)
        var seed = UInt64(20_261_205)
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let makes = ["Volkswagen", "Toyota", "Audi"]
        let models = ["Sagitar", "Jetta", "Corolla", "A4L"]
        let usages: [Usage] = [.private, .taxi, .commercial]
        for i in 0..<40 {
            let term = WarrantyTerm(
                make: next(4) == 0 ? "*" : makes[next(3)], model: next(3) == 0 ? models[next(4)] : nil,
                usage: usages[next(3)],
                months: [12, 18, 24, 36, 48, 60][next(6)], kilometres: [50_000, 60_000, 100_000, 150_000][next(4)],
                effective: LocalDate("2018-01-01")!.adding(days: next(3000)), source: "random \(i)")
            _ = try db.setWarrantyTerm(term, actor: "t")
        }
        if next(2) == 0 { _ = try db.setSetting("legal.repair-period.months", to: "42", actor: "t") }
        let owner = try db.addCustomer(
            NewCustomer(customer: Customer(name: "车主", customerClass: .potential, createdAt: clock.now()), phones: []),
            actor: "t"
        ).customer.id!
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        var vins: [VIN] = []
        for v in 0..<150 {
            // Local midnights and the last second of a day as often as any other time: the day must not slip.
            let day = LocalDate("2019-01-01")!.adding(days: next(2850))
            let second = [0, 86_399, 43_200, next(86_400)][next(4)]
            let delivered = day.startInstant(in: zone).addingTimeInterval(Double(second))
            let vin = VIN(trusted: "LFV2A21K0N3" + String(format: "%06d", v))
            let usage = usages[next(3)]
            _ = try db.addVehicle(
                Vehicle(
                    customerID: owner, vin: vin, make: makes[next(3)], model: models[next(4)], usage: usage,
                    deliveredAt: delivered, createdAt: clock.now()), actor: "t")
            if next(3) == 0 {
                _ = try db.changeUsage(
                    vin, to: usages.filter { $0 != usage }[next(2)], effective: day.adding(days: next(300)),
                    reason: "r", actor: "t")
            }
            vins.append(vin)
        }
        var loaded: [String: LocalDate?] = [:]
        try db.writer.read { store in
            try AppDatabase.forEachCustomerFacts(store, needs: [.warrantyEnd, .vin], channel: nil, zone: zone) {
                facts in
                if let vin = facts.vin { loaded[vin.value] = facts.warrantyEnds }
            }
        }
        for vin in vins {
            let check = try db.warrantyCheck(vin: vin)
            #expect(
                loaded[vin.value] == .some(check.decision.warrantyEnds), "\(vin): \(check.decision.reasons.map(\.text))"
            )
        }
    }

    @Test("The facts loader's mobile number is the first of a customer's phones ContactDetails.isMobile accepts")
    func mobileByTheCustomersRule() throws {
        let db = try memoryDatabase()
        let cases: [(phones: [String], mobile: String?)] = [
            (["010-62345678", "13900139000"], "13900139000"), (["13900139001", "13800138000"], "13800138000"),
            (["02161234567"], nil), ([], nil), (["0571-8888 6666", "+86 186 0000 1111"], "18600001111"),
        ]
        var ids: [Customer.ID: String?] = [:]
        for (index, item) in cases.enumerated() {
            let customer = Customer(name: "客户\(index)", customerClass: .potential, createdAt: db.now)
            let card = try db.addCustomer(NewCustomer(customer: customer, phones: item.phones), actor: "t")
            ids[card.customer.id!] = item.mobile
        }
        var loaded: [Customer.ID: String?] = [:]
        try db.writer.read { store in
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            try AppDatabase.forEachCustomerFacts(store, needs: [], channel: .sms, zone: zone) {
                loaded[$0.customerID] = $0.mobile
                #expect($0.mobile.map(ContactDetails.isMobile) ?? true)
            }
        }
        #expect(loaded == ids)
    }
}
