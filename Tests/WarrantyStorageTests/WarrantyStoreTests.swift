import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing
import Warranty

@testable import Storage

@Suite("Warranty in the database")
struct WarrantyStoreTests {
    static let vin = VIN(trusted: "LFV2A21K3N3000123")

    func dealer(usage: Usage = .private, delivered: String? = "2024-05-10T10:00:00+08:00") throws -> AppDatabase {
        let db = try memoryDatabase()
        let id = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "王芳", customerClass: .retained, createdAt: db.now), phones: ["13800138000"],
                reason: "老客户"),
            actor: "t"
        ).customer.id!
        _ = try db.addVehicle(
            Vehicle(
                customerID: id, vin: Self.vin, make: "Volkswagen", model: "Sagitar", modelYear: 2023,
                buildDate: LocalDate("2022-04-18"),
                usage: usage, deliveredAt: delivered.map(instant), createdAt: db.now), actor: "t")
        return db
    }

    static func recall(
        number: String = "RC-2026-017", revision: Int = 1, title: String = "前制动软管可能磨损", kind: Bulletin.Kind = .recall,
        status: Bulletin.Status = .active, vins: [VIN] = [],
        models: [Bulletin.ModelCriterion] = [
            Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar", yearFrom: 2022, yearTo: 2024)
        ]
    ) -> Bulletin {
        Bulletin(
            manufacturer: "FAW-Volkswagen", number: number, kind: kind, revision: revision,
            issued: LocalDate("2026-10-12")!, status: status,
            title: title, component: "制动系统", summary: "软管摩擦", remedy: "更换软管", models: models, vins: vins,
            extensionMonths: kind == .extension ? 60 : nil, extensionKilometres: kind == .extension ? 150_000 : nil)
    }

    @Test(
        "W-8: the check loads terms, legal minimum, readings and bulletins; the latest reading is the default mileage")
    func check() throws {
        let db = try dealer()
        _ = try db.addMileage(
            Self.vin, kilometres: 61_200, at: instant("2026-11-01T10:00:00+08:00"), source: "service",
            odometerReplaced: false, actor: "t")
        let result = try db.warrantyCheck(vin: Self.vin, on: LocalDate("2026-11-23"))
        #expect(!result.decision.covered)
        #expect(result.mileageSource == "latest reading, 2026-11-01")
        #expect(
            result.decision.reasons.contains {
                $0.text == "repair period (包修期) kilometres: 61,200 of 60,000, over by 1,200" && $0.decisive
            })
        #expect(
            result.decision.reasons.contains {
                $0.text == "term 24 months; the legal repair period (包修期) of at least 36 months applies"
            })
    }

    @Test("Unknown VIN, no delivery, a date before delivery, a mileage below the last reading: each a clear error")
    func checkErrors() throws {
        let db = try dealer()
        #expect(throws: NotFound.self) { try db.warrantyCheck(vin: VIN(trusted: "LFV2A21K5N3000124")) }
        #expect(throws: Conflict.self) { try db.warrantyCheck(vin: Self.vin, on: LocalDate("2024-05-09")) }
        _ = try db.addMileage(
            Self.vin, kilometres: 20_000, at: instant("2026-01-01T10:00:00+08:00"), source: "service",
            odometerReplaced: false, actor: "t")
        do {
            _ = try db.warrantyCheck(vin: Self.vin, on: LocalDate("2026-11-23"), mileage: 19_000)
            Issue.record("a mileage below the last reading must be refused")
        } catch let error as Conflict {
            #expect(error.field == "mileage")
        }
        let undelivered = try dealer(delivered: nil)
        #expect(throws: Conflict.self) { try undelivered.warrantyCheck(vin: Self.vin) }
    }

    @Test("W-4 and W-3 facts recorded on the vehicle decide the answer, with their source records")
    func facts() throws {
        let db = try dealer(usage: .taxi)
        _ = try db.addExclusion(
            ExclusionFact(kind: .nonAuthorisedRepair, recordedOn: LocalDate("2024-09-01")!, source: "RO-外修-0901"),
            vin: Self.vin, actor: "t")
        let excluded = try db.warrantyCheck(vin: Self.vin, on: LocalDate("2024-10-01"), mileage: 30_000)
        #expect(!excluded.decision.covered)
        #expect(excluded.decision.reasons.contains { $0.kind == .exclusion && $0.source == "RO-外修-0901" })
        #expect(throws: Conflict.self) {
            try db.addExclusion(
                ExclusionFact(
                    kind: .manufacturerCondition, condition: "going to the moon", recordedOn: LocalDate("2024-09-01")!,
                    source: "x"), vin: Self.vin, actor: "t")
        }
        try db.addFittedPart(
            FittedPart(partNumber: "06L 115 562 B", fittedOn: LocalDate("2026-06-01")!, invoice: "INV-1"),
            vin: Self.vin, actor: "t")
        let part = try db.warrantyCheck(
            vin: Self.vin, on: LocalDate("2026-11-23"), mileage: 200_000, part: "06L115562B")
        #expect(part.decision.reasons.contains { $0.rule == "W-3" && $0.text.contains("INV-1") })
        #expect(throws: InvalidInput.self) {
            try db.addFittedPart(
                FittedPart(partNumber: "X", fittedOn: LocalDate("2026-06-01")!, invoice: " "), vin: Self.vin, actor: "t"
            )
        }
    }

    @Test(
        "W-6: revisions: added, unchanged, replaced (history kept), stale, and a conflict for the same revision with other content"
    )
    func revisions() throws {
        let db = try dealer()
        #expect(try db.storeBulletin(Self.recall(), actor: "t").outcome == .added)
        #expect(try db.storeBulletin(Self.recall(), actor: "t").outcome == .unchanged)
        do {
            _ = try db.storeBulletin(Self.recall(title: "别的标题"), actor: "t")
            Issue.record("same revision, other content must be refused")
        } catch let error as Conflict {
            #expect(error.detail.contains("revision 1 is already stored"))
        }
        #expect(try db.storeBulletin(Self.recall(revision: 2, title: "前制动软管磨损(修订)"), actor: "t").outcome == .replaced)
        let stale = try db.storeBulletin(Self.recall(revision: 1), actor: "t")
        #expect(stale.outcome == .stale && stale.warning != nil)
        let report = try db.bulletinReport(number: "RC-2026-017")
        #expect(report.revisions == [1, 2])
        #expect(report.bulletin.title == "前制动软管磨损(修订)")
        #expect(report.dealerVehiclesAffected == 1)
    }

    @Test(
        "W-6: an open recall shows on the vehicle and the card; completion closes it for that VIN only and survives a new revision"
    )
    func openRecalls() throws {
        let db = try dealer()
        _ = try db.storeBulletin(Self.recall(), actor: "t")
        #expect(try db.vehicleCard(Self.vin).openBulletins.map(\.number) == ["RC-2026-017"])
        #expect(try db.customerCard(Customer.ID(1)).openBulletins.count == 1)
        _ = try db.completeBulletin(
            number: "RC-2026-017", vin: Self.vin, on: LocalDate("2026-11-20")!, workRef: "RO-1123", actor: "t")
        #expect(try db.vehicleCard(Self.vin).openBulletins.isEmpty)
        #expect(throws: Conflict.self) {
            try db.completeBulletin(
                number: "RC-2026-017", vin: Self.vin, on: LocalDate("2026-11-21")!, workRef: nil, actor: "t")
        }
        _ = try db.storeBulletin(Self.recall(revision: 2, title: "修订"), actor: "t")
        let after = try db.bulletins(forVIN: Self.vin)
        #expect(after.first?.open == false && after.first?.completedOn == LocalDate("2026-11-20"))
        // A TSB applies but is never open.
        _ = try db.storeBulletin(Self.recall(number: "TSB-2026-3", kind: .tsb), actor: "t")
        #expect(try db.bulletins(forVIN: Self.vin).first { $0.number == "TSB-2026-3" }?.open == false)
        #expect(throws: Conflict.self) {
            try db.completeBulletin(
                number: "TSB-2026-3", vin: Self.vin, on: LocalDate("2026-11-21")!, workRef: nil, actor: "t")
        }
    }

    @Test("W-6: matching uses the manufacturer's master data, and a listed VIN matches whatever the model")
    func masterDataAndLists() throws {
        let db = try dealer()
        try db.storeMasterVehicle(
            vin: Self.vin, make: "Volkswagen", model: "Sagitar 1.4T", year: 2023, built: LocalDate("2022-04-18"))
        _ = try db.storeBulletin(
            Self.recall(models: [Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar 1.4T")]), actor: "t")
        #expect(try db.bulletins(forVIN: Self.vin).count == 1)
        _ = try db.storeBulletin(Self.recall(number: "RC-2026-020", vins: [Self.vin], models: []), actor: "t")
        #expect(try db.bulletins(forVIN: Self.vin).map(\.number).sorted() == ["RC-2026-017", "RC-2026-020"])
        #expect(try db.bulletinReport(number: "RC-2026-020").vinListSize == 1)
        _ = try db.storeBulletin(
            Self.recall(number: "RC-2026-020", revision: 2, status: .withdrawn, vins: [Self.vin], models: []),
            actor: "t")
        #expect(try db.bulletins(forVIN: Self.vin).map(\.number) == ["RC-2026-017"])
        #expect(try db.bulletinReport(number: "RC-2026-020").vinListSize == 1)
    }

    @Test("W-6: a car of unknown model year is a possible match for a recall limited to model years, never skipped")
    func unknownModelYear() throws {
        let db = try memoryDatabase()
        let owner = Customer(name: "王芳", customerClass: .retained, createdAt: db.now)
        let id = try db.addCustomer(NewCustomer(customer: owner, phones: ["13800138000"], reason: "老客户"), actor: "t")
            .customer.id!
        _ = try db.addVehicle(
            Vehicle(
                customerID: id, vin: Self.vin, make: "Volkswagen", model: "Sagitar",
                usage: .private, deliveredAt: instant("2024-05-10T10:00:00+08:00"),
                createdAt: db.now), actor: "t")
        _ = try db.storeBulletin(Self.recall(), actor: "t")
        let found = try db.bulletins(forVIN: Self.vin)
        #expect(found.map(\.match) == ["possible: model years 2022–2024 but the model year is unknown"])
        #expect(found.first?.open == true)
        #expect(try db.bulletinAffected(number: "RC-2026-017").items.map(\.match) == found.map(\.match))
        #expect(try db.bulletinReport(number: "RC-2026-017").dealerVehiclesPossible == 1)
    }

    @Test("W-6: an extension bulletin extends the component's coverage in the check")
    func extensionCover() throws {
        let db = try dealer(usage: .taxi)
        _ = try db.storeBulletin(Self.recall(number: "EX-2026-1", kind: .extension), actor: "t")
        let result = try db.warrantyCheck(
            vin: Self.vin, on: LocalDate("2026-11-23"), mileage: 120_000, component: " 制动系统 ")
        #expect(result.decision.covered && result.decision.coveredBy == "warranty extension EX-2026-1")
        #expect(
            try db.warrantyCheck(vin: Self.vin, on: LocalDate("2026-11-23"), mileage: 120_000, component: "空调")
                .componentNote?.contains("制动系统") == true)
    }

    @Test("W-7: a claim freezes its decision, prices its lines, and moves only along its lifecycle, each step recorded")
    func claims() throws {
        let db = try dealer()
        try db.setSetting("labour.rate", to: "150", actor: "admin")
        let claim = try db.createClaim(
            ClaimDraft(
                vin: Self.vin, mileage: 30_000, failure: "前制动异响", cause: "制动软管磨损", repairOrder: "RO-1123",
                repairLine: "2",
                labour: ["47 11 19 00:1.2"], parts: ["5Q0 611 701 C:2:86.00"]), actor: "索赔员-周")
        #expect(claim.status == .draft)
        #expect(claim.amount == Money(yuan: "352.00"))  // 1.2 h × 150 + 2 × 86
        #expect(claim.decision.covered)
        _ = try db.transitionClaim(claim.id, .submit, actor: "索赔员-周")
        #expect(throws: InvalidInput.self) { try db.transitionClaim(claim.id, .reject, actor: "t") }
        _ = try db.transitionClaim(claim.id, .reject, reason: "缺少照片", manufacturerRef: "FAW-8823", actor: "索赔员-周")
        #expect(throws: Conflict.self) { try db.transitionClaim(claim.id, .pay, actor: "t") }
        _ = try db.transitionClaim(claim.id, .resubmit, actor: "t")
        _ = try db.transitionClaim(claim.id, .approve, manufacturerRef: "FAW-8830", actor: "t")
        let paid = try db.transitionClaim(claim.id, .pay, actor: "t")
        #expect(paid.status == .paid && paid.paid == Money(yuan: "352.00"))
        #expect(paid.events.map(\.action) == ["create", "submit", "reject", "resubmit", "approve", "pay"])
        #expect(paid.rejectionReason == "缺少照片")
        // A repair the decision does not cover cannot be claimed.
        #expect(throws: Conflict.self) {
            try db.createClaim(
                ClaimDraft(vin: Self.vin, mileage: 70_000, failure: "x", cause: "y", labour: ["A:1"], parts: []),
                actor: "t")
        }
    }

    @Test(
        "L-2: a household-car term below the legal repair period is stored and flagged; the legal settings only go up")
    func termsAndLegalSettings() throws {
        let db = try dealer()
        let stored = try db.setWarrantyTerm(
            WarrantyTerm(
                make: "Volkswagen", usage: .private, months: 24, kilometres: 60_000,
                effective: LocalDate("2024-01-01")!, source: "manual"), actor: "t")
        #expect(stored.legalFlag?.contains("L-2") == true)
        #expect(throws: Conflict.self) { try db.setSetting("legal.repair-period.months", to: "30", actor: "admin") }
        try db.setSetting("legal.repair-period.months", to: "48", actor: "admin")
        let result = try db.warrantyCheck(vin: Self.vin, on: LocalDate("2027-06-01"), mileage: 30_000)
        #expect(result.decision.covered)
        #expect(
            result.decision.reasons.contains {
                $0.text == "term 24 months; the legal repair period (包修期) of at least 48 months applies"
            })
    }
}

@Suite("W-6: VIN range index")
struct RangeIndexTests {
    @Test("Ranges are found through their buckets whether narrow, spanning buckets, wide or alphanumeric")
    func buckets() throws {
        let db = try memoryDatabase()
        func range(_ from: String, _ to: String) throws -> VinRange {
            try VinRange(from: VIN(trusted: "LFV2A21K0N3" + from), to: VIN(trusted: "LFV2A21K0N3" + to))
        }
        let cases: [(String, VinRange)] = [
            ("narrow", try range("000100", "000199")), ("spanning", try range("004990", "007010")),
            ("wide", try range("000000", "899999")), ("letters", try range("A00000", "A0ZZZZ")),
        ]
        for (number, r) in cases {
            _ = try db.storeBulletin(
                Bulletin(
                    manufacturer: "FAW-Volkswagen", number: number, kind: .tsb, revision: 1,
                    issued: LocalDate("2026-01-01")!,
                    title: "t", component: "c", summary: "s", remedy: "r", vinRanges: [r]), actor: "t")
        }
        #expect(AppDatabase.rangeBuckets(try range("004990", "007010")) == ["004", "005", "006", "007"])
        #expect(AppDatabase.rangeBuckets(try range("000000", "899999")) == ["*"])
        try db.storeMasterVehicle(
            vin: VIN(trusted: "LFV2A21K9N3000150"), make: "Volkswagen", model: "Sagitar", year: 2022, built: nil)
        try db.storeMasterVehicle(
            vin: VIN(trusted: "LFV2A21K9N3006000"), make: "Volkswagen", model: "Sagitar", year: 2022, built: nil)
        try db.storeMasterVehicle(
            vin: VIN(trusted: "LFV2A21K9N3A0B00C"), make: "Volkswagen", model: "Sagitar", year: 2022, built: nil)
        try db.storeMasterVehicle(
            vin: VIN(trusted: "LFV2A21K9N3950000"), make: "Volkswagen", model: "Sagitar", year: 2022, built: nil)
        #expect(
            try db.bulletins(forVIN: VIN(trusted: "LFV2A21K9N3000150")).map(\.number).sorted() == ["narrow", "wide"])
        #expect(
            try db.bulletins(forVIN: VIN(trusted: "LFV2A21K9N3006000")).map(\.number).sorted() == ["spanning", "wide"])
        #expect(try db.bulletins(forVIN: VIN(trusted: "LFV2A21K9N3A0B00C")).map(\.number) == ["letters"])
        #expect(try db.bulletins(forVIN: VIN(trusted: "LFV2A21K9N3950000")).isEmpty)
    }

    @Test("W-6: a range spanning buckets finds a serial with a letter between its ends")
    func lettersBetweenDigits() throws {
        let db = try memoryDatabase()
        func range(_ from: String, _ to: String) throws -> VinRange {
            try VinRange(from: VIN(trusted: "LFV2A21K0N3" + from), to: VIN(trusted: "LFV2A21K0N3" + to))
        }
        // "00A123" sorts after "009990" and before "010010": its bucket 00A lies between 009 and 010.
        #expect(AppDatabase.rangeBuckets(try range("009990", "010010")).count == 25)
        #expect(AppDatabase.rangeBuckets(try range("009990", "010010")).contains("00A"))
        #expect(AppDatabase.rangeBuckets(try range("0ZY000", "101000")) == ["0ZY", "0ZZ", "100", "101"])
        _ = try db.storeBulletin(
            Bulletin(
                manufacturer: "FAW-Volkswagen", number: "TSB-9", kind: .tsb, revision: 1,
                issued: LocalDate("2026-01-01")!, title: "t", component: "c", summary: "s",
                remedy: "r", vinRanges: [try range("009990", "010010")]), actor: "t")
        try db.storeMasterVehicle(
            vin: VIN(trusted: "LFV2A21K9N300A123"), make: "Volkswagen", model: "Sagitar",
            year: 2022, built: nil)
        #expect(try db.bulletins(forVIN: VIN(trusted: "LFV2A21K9N300A123")).map(\.number) == ["TSB-9"])
    }

    @Test("W-6: a database indexed before the fix reads its spanning ranges through the catch-all bucket")
    func migratedRanges() throws {
        let queue = try DatabaseQueue()
        let migrator = Schema.migrator
        let fix = "2026-12-06 warranty: VIN ranges across buckets read through the catch-all"
        let index = try #require(migrator.migrations.firstIndex(of: fix))
        try migrator.migrate(queue, upTo: migrator.migrations[index - 1])
        try queue.write { db in
            for bucket in ["009", "010"] {
                try db.execute(
                    sql: "INSERT INTO bulletin_range VALUES (1, 'LFV2A21KN3', ?, '009990', '010010')",
                    arguments: [bucket])
            }
            try db.execute(sql: "INSERT INTO bulletin_range VALUES (2, 'LFV2A21KN3', '004', '004100', '004200')")
        }
        try migrator.migrate(queue)
        let rows = try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT bulletin_id || ' ' || bucket FROM bulletin_range ORDER BY bulletin_id, bucket
                    """)
        }
        #expect(rows == ["1 *", "2 004"])
    }
}

@Suite("W-6: indexed matching agrees with the definition")
struct MatchingEquivalenceTests {
    @Test("For random bulletins and vehicles, the indexed lookup finds exactly what Bulletin.applicability says")
    func randomized() throws {
        let db = try memoryDatabase()
        var random = SystemRandomNumberGenerator()
        var seed = UInt64(20_261_123)
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        _ = random.next()
        let models = ["Sagitar", "Jetta", "Tiguan L"]
        // Serials 008000, 009000, 00A000, 00B000, 018000 ... 02B999: half the buckets have a letter, and a range from
        // 009… to 018… holds serials 00A… and 00B… between its ends (W-6).
        let second = Array("012")
        let third = Array("89AB")
        let serials = second.count * third.count * 1000
        func vin(_ key: Int, _ serial: Int) -> VIN {
            let lead = serial / 1000
            let text =
                "0" + String(second[lead / third.count]) + String(third[lead % third.count])
                + String(format: "%03d", serial % 1000)
            return VIN(trusted: ["LFV2A21K0N3", "LFV2A21K0P3", "LFV3B28E0R4"][key] + text)
        }
        var bulletins: [Bulletin] = []
        for i in 0..<240 {
            var b = Bulletin(
                manufacturer: "FAW-Volkswagen", number: "R-\(i)", kind: [.recall, .campaign, .tsb][i % 3], revision: 1,
                issued: LocalDate("2026-01-01")!,
                status: i % 17 == 0 ? .withdrawn : .active, title: "t\(i)", component: "c", summary: "s", remedy: "r")
            if next(2) == 0 || true && i % 5 == 0 {
                let from = next(3) == 0 ? nil : 2020 + next(4)
                b.models = [
                    Bulletin.ModelCriterion(
                        make: "Volkswagen", name: models[next(3)], yearFrom: from, yearTo: from.map { $0 + next(3) })
                ]
            }
            if next(3) == 0 {
                b.built = [
                    Bulletin.BuiltCriterion(
                        from: LocalDate("2021-01-01")!.adding(days: next(700)),
                        to: next(2) == 0 ? nil : LocalDate("2023-06-01")!.adding(days: next(400)))
                ]
            }
            if next(3) == 0 {
                let key = next(3)
                let start = next(serials)
                // Mostly a few buckets wide; now and then wider than the 100 buckets the index lists.
                let end = min(serials - 1, start + (next(5) == 0 ? next(serials) : next(3_000)))
                b.vinRanges = [try VinRange(from: vin(key, start), to: vin(key, end))]
            }
            if next(4) == 0 { b.vins = (0..<5).map { _ in vin(next(3), next(serials)) } }
            if b.models.isEmpty && b.built.isEmpty && b.vinRanges.isEmpty && b.vins.isEmpty {
                b.models = [Bulletin.ModelCriterion(make: "Volkswagen", name: models[i % 3])]
            }
            _ = try db.storeBulletin(b, actor: "t")
            bulletins.append(b)
        }
        for v in 0..<300 {
            // A model year unknown one time in four: a possible match wherever a bulletin limits the years (W-6).
            let facts = VehicleFacts(
                vin: vin(next(3), next(serials)), make: "Volkswagen", model: models[next(3)],
                modelYear: next(4) == 0 ? nil : 2019 + next(7),
                built: next(5) == 0 ? nil : LocalDate("2021-01-01")!.adding(days: next(1200)))
            try db.storeMasterVehicle(
                vin: facts.vin, make: facts.make, model: facts.model, year: facts.modelYear, built: facts.built)
            let expected = bulletins.compactMap { b -> String? in
                let match = b.applicability(to: facts, listed: b.vins.contains(facts.vin))
                switch match {
                case .applies: return "\(b.number)=applies"
                case .possible(let why): return "\(b.number)=possible: \(why)"
                case .notApplicable: return nil
                }
            }.sorted()
            let found = try db.bulletins(forVIN: facts.vin).map { "\($0.number)=\($0.match)" }.sorted()
            #expect(found == expected, "vehicle \(v): \(facts)")
        }
    }
}
