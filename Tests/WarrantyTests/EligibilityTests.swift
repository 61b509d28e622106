import Core
import Customers
import Foundation
import Testing

@testable import Warranty

@Suite("W rules: eligibility that explains itself")
struct EligibilityTests {
    static let vin = VIN(trusted: "LFV2A21K3N3000123")
    static let delivered = LocalDate("2024-05-10")!

    static func input(
        usage: Usage = .private, now: Usage? = nil, on: String, km: Int?, component: String? = nil, part: String? = nil,
        terms: [WarrantyTerm] = WarrantyTerm.defaults, extensions: [ExtensionCover] = [],
        exclusions: [ExclusionFact] = [],
        parts: [FittedPart] = []
    ) -> EligibilityInput {
        EligibilityInput(
            vin: vin, make: "Volkswagen", model: "Sagitar", delivered: delivered, deliveryUsage: usage,
            currentUsage: now ?? usage,
            on: LocalDate(on)!, mileage: km, component: component, partNumber: part, terms: terms,
            extensions: extensions,
            exclusions: exclusions, fittedParts: parts)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let rule: String
        let usage: Usage
        let on: String
        let km: Int
        let covered: Bool
        let says: String
        var testDescription: String {
            "\(rule): \(usage.rawValue) on \(on) at \(km) km → \(covered ? "covered" : "not covered")"
        }
    }

    // Delivered 2024-05-10. Taxi: 12 months / 100,000 km, last covered day 2025-05-10 (W-1, T-1).
    // Private: term 24 months / 60,000 km; legal repair period 36 months / 60,000 km applies (L-2), covers 2027-05-10.
    // Commercial: 24 months / 60,000 km, covers 2026-05-10.
    static let limitEdges: [Case] = [
        Case(
            rule: "W-1 taxi, day before the end", usage: .taxi, on: "2025-05-09", km: 50_000, covered: true,
            says: "months: 11 of 12 used, 1 left"),
        Case(
            rule: "T-1: W-1 taxi, on the corresponding day (covered)", usage: .taxi, on: "2025-05-10", km: 50_000,
            covered: true,
            says: "12 of 12 used, 0 left (until 2025-05-10)"),
        Case(
            rule: "T-1: W-1 taxi, day after the last day", usage: .taxi, on: "2025-05-11", km: 50_000, covered: false,
            says: "ended 2025-05-10, 1 day ago"),
        Case(
            rule: "W-1 taxi, kilometres at the limit (T-1: covered)", usage: .taxi, on: "2024-12-01", km: 100_000,
            covered: true, says: "100,000 of 100,000, 0 left"),
        Case(
            rule: "W-1 taxi, kilometres under the limit", usage: .taxi, on: "2024-12-01", km: 99_999, covered: true,
            says: "1 left"),
        Case(
            rule: "W-1 taxi, kilometres over the limit", usage: .taxi, on: "2024-12-01", km: 100_001, covered: false,
            says: "over by 1"),
        Case(
            rule: "W-1 commercial, day before the end", usage: .commercial, on: "2026-05-09", km: 10_000, covered: true,
            says: "23 of 24 used"),
        Case(
            rule: "T-1: W-1 commercial, on the corresponding day", usage: .commercial, on: "2026-05-10", km: 10_000,
            covered: true,
            says: "24 of 24 used, 0 left"),
        Case(
            rule: "T-1: W-1 commercial, day after", usage: .commercial, on: "2026-05-11", km: 10_000, covered: false,
            says: "ended 2026-05-10"),
        Case(
            rule: "W-1 commercial, 61,200 km", usage: .commercial, on: "2025-07-10", km: 61_200, covered: false,
            says: "61,200 of 60,000, over by 1,200"),
        Case(
            rule: "L-2 private, past the 24-month term but within 36 months", usage: .private, on: "2026-07-10",
            km: 30_000, covered: true, says: "the legal repair period (包修期) of at least 36 months applies"),
        Case(
            rule: "L-2 private, day before the legal end", usage: .private, on: "2027-05-09", km: 30_000, covered: true,
            says: "35 of 36 used, 1 left"),
        Case(
            rule: "T-1/L-2 private, on the corresponding day 36 months on (covered)", usage: .private, on: "2027-05-10",
            km: 30_000,
            covered: true, says: "36 of 36 used, 0 left (until 2027-05-10)"),
        Case(
            rule: "T-1/L-2 private, the day after", usage: .private, on: "2027-05-11", km: 30_000, covered: false,
            says: "ended 2027-05-10"),
        Case(
            rule: "L-2 private, at 60,000 km", usage: .private, on: "2025-07-10", km: 60_000, covered: true,
            says: "60,000 of 60,000, 0 left"),
        Case(
            rule: "L-2 private, over 60,000 km", usage: .private, on: "2025-07-10", km: 61_200, covered: false,
            says: "over by 1,200"),
    ]

    @Test("Every limit edge: day before, on and after the end; kilometres at, under and over", arguments: limitEdges)
    func limits(_ c: Case) {
        let decision = WarrantyPolicy.decide(Self.input(usage: c.usage, on: c.on, km: c.km))
        #expect(decision.covered == c.covered)
        #expect(decision.reasons.contains { $0.text.contains(c.says) }, "reasons: \(decision.reasons.map(\.text))")
        if !c.covered { #expect(decision.reasons.contains { $0.decisive }) }
    }

    @Test("W-8: months used and left, kilometres used and over, as text and as data")
    func explained() {
        let inside = WarrantyPolicy.decide(Self.input(usage: .commercial, on: "2025-07-15", km: 15_000))
        let months = inside.reasons.first { $0.unit == "months" }!
        #expect(months.text == "months: 14 of 24 used, 10 left (until 2026-05-10)")
        #expect((months.limit, months.actual, months.margin) == (24, 14, 10))
        let over = WarrantyPolicy.decide(Self.input(usage: .commercial, on: "2025-07-15", km: 61_200))
        let km = over.reasons.first { $0.unit == "km" }!
        #expect(km.text == "kilometres: 61,200 of 60,000, over by 1,200")
        #expect(km.margin == -1_200 && km.decisive)
        #expect(over.summary == "not covered: kilometres: 61,200 of 60,000, over by 1,200")
    }

    @Test("L-1/L-2: a household car shows the term, the legal minimum that applies, and the 三包 period beside it")
    func householdLegalMinimum() {
        let decision = WarrantyPolicy.decide(Self.input(usage: .private, on: "2025-01-10", km: 20_000))
        #expect(
            decision.reasons.contains {
                $0.rule == "L-2"
                    && $0.text == "term 24 months; the legal repair period (包修期) of at least 36 months applies"
            })
        #expect(
            decision.reasons.contains {
                $0.kind == .sanbao
                    && $0.text.contains(
                        "三包 period (三包有效期, for replacement or refund; not the repair period above) 24 months or 50,000 km: within"
                    )
            })
        // Taxis are outside 三包 (L-1): no legal minimum, no 三包 line.
        let taxi = WarrantyPolicy.decide(Self.input(usage: .taxi, on: "2025-01-10", km: 20_000))
        #expect(!taxi.reasons.contains { $0.rule == "L-2" })
        let generous = WarrantyTerm(
            make: "Volkswagen", usage: .private, months: 48, kilometres: 100_000, effective: LocalDate("2020-01-01")!,
            source: "manual")
        #expect(generous.legalShortfall(.minimum) == nil)
        #expect(WarrantyTerm.defaults[1].legalShortfall(.minimum)?.contains("L-2") == true)
    }

    @Test(
        "W-2: a car delivered private and now a taxi keeps private coverage; one delivered as a taxi keeps the taxi term"
    )
    func usageAtDelivery() {
        let nowTaxi = WarrantyPolicy.decide(Self.input(usage: .private, now: .taxi, on: "2026-01-10", km: 90_000))
        #expect(
            nowTaxi.reasons.contains { $0.rule == "W-2" && $0.text.contains("follows the usage at delivery, private") })
        #expect(!nowTaxi.covered)  // 90,000 km is over the private limit
        let nowPrivate = WarrantyPolicy.decide(Self.input(usage: .taxi, now: .private, on: "2025-06-01", km: 30_000))
        #expect(!nowPrivate.covered)  // the taxi term of 12 months ended, whatever the usage now
        #expect(nowPrivate.reasons.contains { $0.text.contains("taxi use, 12 months") })
    }

    @Test("W-1: a model-specific term beats a make-wide one, the newest effective term in force at delivery wins")
    func termSelection() {
        let terms =
            WarrantyTerm.defaults + [
                WarrantyTerm(
                    make: "Volkswagen", usage: .taxi, months: 18, kilometres: 120_000,
                    effective: LocalDate("2020-01-01")!, source: "make"),
                WarrantyTerm(
                    make: "Volkswagen", model: "Sagitar", usage: .taxi, months: 24, kilometres: 150_000,
                    effective: LocalDate("2022-01-01")!, source: "model"),
                WarrantyTerm(
                    make: "Volkswagen", model: "Sagitar", usage: .taxi, months: 30, kilometres: 150_000,
                    effective: LocalDate("2025-01-01")!, source: "later"),
            ]
        #expect(
            WarrantyTerm.select(
                from: terms, make: "volkswagen", model: "SAGITAR", usage: .taxi, delivered: Self.delivered)?.source
                == "model")
        #expect(
            WarrantyTerm.select(
                from: terms, make: "Volkswagen", model: "Jetta", usage: .taxi, delivered: Self.delivered)?.source
                == "make")
        #expect(
            WarrantyTerm.select(from: terms, make: "Toyota", model: "Corolla", usage: .taxi, delivered: Self.delivered)?
                .source == "W-1 default")
        #expect(
            WarrantyTerm.select(
                from: terms, make: "Volkswagen", model: "Sagitar", usage: .taxi, delivered: LocalDate("2025-02-01")!)?
                .source == "later")
    }

    @Test(
        "W-4: each exclusion decides, with its source record; a component exclusion only for that component",
        arguments: ExclusionFact.Kind.allCases)
    func exclusions(kind: ExclusionFact.Kind) {
        let fact = ExclusionFact(
            kind: kind, condition: kind == .manufacturerCondition ? "non-original battery" : nil,
            recordedOn: LocalDate("2025-03-01")!, source: "RO-2025-0311")
        let decision = WarrantyPolicy.decide(Self.input(on: "2025-06-01", km: 20_000, exclusions: [fact]))
        #expect(!decision.covered)
        let reason = decision.reasons.first { $0.kind == .exclusion }!
        #expect(reason.decisive && reason.rule == "W-4" && reason.source == "RO-2025-0311")
        #expect(decision.summary.contains(fact.title))
    }

    @Test("W-4: an exclusion of one component leaves the others covered")
    func componentExclusion() {
        let fact = ExclusionFact(
            kind: .accident, component: "车身", recordedOn: LocalDate("2025-03-01")!, source: "保险报案 2025-118")
        #expect(
            !WarrantyPolicy.decide(Self.input(on: "2025-06-01", km: 20_000, component: " 车身 ", exclusions: [fact]))
                .covered)
        #expect(
            WarrantyPolicy.decide(Self.input(on: "2025-06-01", km: 20_000, component: "制动系统", exclusions: [fact]))
                .covered)
    }

    @Test("W-3: the manufacturer's parts-warranty term for the make wins over the setting; a model's over its make's")
    func manufacturerPartsTerm() {
        let part = FittedPart(partNumber: "06L 115 562 B", fittedOn: LocalDate("2027-03-01")!, invoice: "INV-88231")
        var input = Self.input(usage: .taxi, on: "2028-08-01", km: 300_000, part: "06L 115 562 B", parts: [part])
        #expect(!WarrantyPolicy.decide(input).covered, "17 months after fitting: past the setting's 12")
        input.partsWarrantyTerms = [
            PartsWarrantyTerm(make: "Volkswagen", months: 24, effective: LocalDate("2020-01-01")!),
            PartsWarrantyTerm(make: "Volkswagen", months: 36, effective: LocalDate("2028-01-01")!),
        ]
        let covered = WarrantyPolicy.decide(input)
        #expect(covered.covered && covered.coveredBy == "part warranty (W-3)")
        #expect(
            covered.reasons.contains {
                $0.text.contains("covered 24 months from fitting, by the manufacturer's parts warranty for Volkswagen")
            },
            "the term in force at fitting, not a later one")
        input.partsWarrantyTerms.append(
            PartsWarrantyTerm(make: "Volkswagen", model: "Sagitar", months: 12, effective: LocalDate("2020-01-01")!))
        #expect(!WarrantyPolicy.decide(input).covered, "the model's own term beats its make's")
        input.partsWarrantyTerms = [PartsWarrantyTerm(make: "Audi", months: 60, effective: LocalDate("2020-01-01")!)]
        #expect(
            WarrantyPolicy.decide(input).reasons.contains {
                $0.text.contains("by setting warranty.parts.months (no manufacturer term for Volkswagen)")
            })
    }

    @Test("W-3: a part bought and fitted here is covered 12 months from fitting, even past the vehicle warranty")
    func partWarranty() {
        let part = FittedPart(partNumber: "06L 115 562 B", fittedOn: LocalDate("2027-03-01")!, invoice: "INV-88231")
        let inside = WarrantyPolicy.decide(
            Self.input(usage: .taxi, on: "2028-02-29", km: 300_000, part: "06l115562b", parts: [part]))
        #expect(inside.covered && inside.coveredBy == "part warranty (W-3)")
        #expect(inside.reasons.contains { $0.text == "part months: 11 of 12 used, 1 left (until 2028-03-01)" })
        // T-1: the corresponding day is the last covered day.
        #expect(
            WarrantyPolicy.decide(
                Self.input(usage: .taxi, on: "2028-03-01", km: 300_000, part: "06L 115 562 B", parts: [part])
            ).covered)
        #expect(
            !WarrantyPolicy.decide(
                Self.input(usage: .taxi, on: "2028-03-02", km: 300_000, part: "06L 115 562 B", parts: [part])
            ).covered)
        let unknown = WarrantyPolicy.decide(
            Self.input(usage: .taxi, on: "2028-01-01", km: 300_000, part: "XYZ", parts: [part]))
        #expect(unknown.reasons.contains { $0.text.contains("no record of part XYZ") })
    }

    @Test(
        "W-6: a warranty extension covers its component past the vehicle warranty; components match after trimming and case folding"
    )
    func extensions() {
        let cover = ExtensionCover(bulletin: "EX-2025-004", component: "DSG Gearbox", months: 60, kilometres: 150_000)
        let decision = WarrantyPolicy.decide(
            Self.input(usage: .taxi, on: "2027-01-01", km: 140_000, component: "  dsg gearbox ", extensions: [cover]))
        #expect(decision.covered)
        #expect(decision.coveredBy == "warranty extension EX-2025-004")
        #expect(
            !WarrantyPolicy.decide(
                Self.input(usage: .taxi, on: "2027-01-01", km: 140_000, component: "制动系统", extensions: [cover])
            ).covered)
        #expect(
            !WarrantyPolicy.decide(
                Self.input(usage: .taxi, on: "2027-01-01", km: 150_001, component: "DSG gearbox", extensions: [cover])
            ).covered)
    }
}

@Suite("W-6: bulletin applicability")
struct BulletinTests {
    static func bulletin(
        models: [Bulletin.ModelCriterion] = [], built: [Bulletin.BuiltCriterion] = [], ranges: [VinRange] = [],
        status: Bulletin.Status = .active
    ) -> Bulletin {
        Bulletin(
            manufacturer: "FAW-Volkswagen", number: "RC-2026-017", kind: .recall, revision: 2,
            issued: LocalDate("2026-10-12")!, status: status,
            title: "前制动软管可能磨损", component: "制动系统", summary: "s", remedy: "r", models: models, built: built,
            vinRanges: ranges)
    }
    static let car = VehicleFacts(
        vin: VIN(trusted: "LFV2A21K1N3000123"), make: "Volkswagen", model: "Sagitar", modelYear: 2023,
        built: LocalDate("2022-04-18")!)

    @Test("VIN ranges ignore position 9 and compare the serial; ends that disagree or are reversed are refused")
    func ranges() throws {
        let range = try VinRange(from: VIN(trusted: "LFV2A21K0N3000001"), to: VIN(trusted: "LFV2A21K0N3099999"))
        #expect(range.contains(VIN(trusted: "LFV2A21K1N3000123")))
        #expect(range.contains(VIN(trusted: "LFV2A21KXN3099999")))
        #expect(!range.contains(VIN(trusted: "LFV2A21K1N3100000")))
        #expect(!range.contains(VIN(trusted: "LFV2A21K1P3000123")))
        #expect(throws: InvalidInput.self) {
            try VinRange(from: VIN(trusted: "LFV2A21K0N3000001"), to: VIN(trusted: "LFV2A21K0P3099999"))
        }
        #expect(throws: InvalidInput.self) {
            try VinRange(from: VIN(trusted: "LFV2A21K0N3099999"), to: VIN(trusted: "LFV2A21K0N3000001"))
        }
    }

    @Test("Every kind present must match; within a kind any one element is enough")
    func allKinds() throws {
        let range = try VinRange(from: VIN(trusted: "LFV2A21K0N3000001"), to: VIN(trusted: "LFV2A21K0N3099999"))
        let sagitar = Bulletin.ModelCriterion(make: "volkswagen", name: "SAGITAR", yearFrom: 2022, yearTo: 2024)
        let jetta = Bulletin.ModelCriterion(make: "Volkswagen", name: "Jetta")
        let built = Bulletin.BuiltCriterion(from: LocalDate("2022-03-01")!, to: LocalDate("2023-06-30")!)
        #expect(
            Self.bulletin(models: [jetta, sagitar], built: [built], ranges: [range]).applicability(
                to: Self.car, listed: false) == .applies)
        #expect(!Self.bulletin(models: [jetta]).applicability(to: Self.car, listed: false).matches)
        #expect(
            !Self.bulletin(models: [sagitar], built: [Bulletin.BuiltCriterion(from: LocalDate("2023-01-01")!, to: nil)])
                .applicability(to: Self.car, listed: false).matches)
        let outside = try VinRange(from: VIN(trusted: "LFV2A21K0N3500000"), to: VIN(trusted: "LFV2A21K0N3599999"))
        #expect(!Self.bulletin(models: [sagitar], ranges: [outside]).applicability(to: Self.car, listed: false).matches)
        #expect(
            Self.bulletin(models: [sagitar], ranges: [outside]).applicability(to: Self.car, listed: true) == .applies)
        #expect(
            !Self.bulletin(models: [sagitar], status: .withdrawn).applicability(to: Self.car, listed: false).matches)
    }

    @Test("A Built criterion on a vehicle without a build date is a possible match, never silently skipped")
    func unknownBuildDate() {
        var car = Self.car
        car.built = nil
        let result = Self.bulletin(built: [Bulletin.BuiltCriterion(from: LocalDate("2022-03-01")!, to: nil)])
            .applicability(to: car, listed: false)
        guard case .possible(let why) = result else {
            Issue.record("expected a possible match, got \(result)")
            return
        }
        #expect(why.contains("build date is unknown"))
    }

    @Test("W-6: a model-year limit on a vehicle of unknown model year is a possible match, never silently skipped")
    func unknownModelYear() {
        var car = Self.car
        car.modelYear = nil
        let limited = Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar", yearFrom: 2022, yearTo: 2024)
        #expect(
            Self.bulletin(models: [limited]).applicability(to: car, listed: false)
                == .possible("model years 2022–2024 but the model year is unknown"))
        // Any criterion of the model without years decides it; another model never matches.
        #expect(
            Self.bulletin(models: [limited, Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar")])
                .applicability(to: car, listed: false) == .applies)
        #expect(
            !Self.bulletin(models: [Bulletin.ModelCriterion(make: "Volkswagen", name: "Jetta", yearFrom: 2022)])
                .applicability(to: car, listed: false).matches)
        // Both unknown: one possible match naming both.
        car.built = nil
        let both = Self.bulletin(
            models: [limited],
            built: [Bulletin.BuiltCriterion(from: LocalDate("2022-03-01")!, to: nil)])
        #expect(
            both.applicability(to: car, listed: false)
                == .possible(
                    "model years 2022–2024 but the model year is unknown; "
                        + "built dates 2022-03-01–… but the build date is unknown"))
        // A known model year outside the limits is still no match.
        let older = Self.car.with(modelYear: 2021)
        #expect(!Self.bulletin(models: [limited]).applicability(to: older, listed: false).matches)
    }

    @Test("W-6: a bulletin applies by any one kind of criterion; its VIN list counts wherever the list travels")
    func criteria() throws {
        let model = Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar")
        let built = Bulletin.BuiltCriterion(from: LocalDate("2022-03-01")!, to: nil)
        let range = try VinRange(from: VIN(trusted: "LFV2A21K0N3000001"), to: VIN(trusted: "LFV2A21K0N3099999"))
        var listed = Self.bulletin()
        listed.vins = [VIN(trusted: "LFV2A21K1N3000123")]
        let cases: [(what: String, bulletin: Bulletin, listedApart: Int, valid: Bool)] = [
            ("no criterion at all (MANUFACTURER-XML.md: an Applies with no element)", Self.bulletin(), 0, false),
            ("a model", Self.bulletin(models: [model]), 0, true),
            ("build dates", Self.bulletin(built: [built]), 0, true),
            ("a VIN range", Self.bulletin(ranges: [range]), 0, true),
            ("a VIN list in the value", listed, 0, true),
            ("a VIN list delivered apart (a file's batches, storage's own table)", Self.bulletin(), 1_000_000, true),
        ]
        for (what, bulletin, listedApart, valid) in cases {
            if valid {
                #expect(throws: Never.self, "\(what)") { try bulletin.validate(vinsListedApart: listedApart) }
            } else {
                #expect(
                    throws: InvalidInput(
                        field: "applies",
                        "a bulletin must say which vehicles it applies to "
                            + "(model, built dates, VIN range or VINs)"), "\(what)"
                ) {
                    try bulletin.validate(vinsListedApart: listedApart)
                }
            }
        }
    }

    @Test("A bulletin without any applicability criterion, or an extension without limits, is refused")
    func validation() {
        #expect(throws: InvalidInput.self) { try Self.bulletin().validate() }
        var ext = Self.bulletin(models: [Bulletin.ModelCriterion(make: "Volkswagen", name: "Sagitar")])
        ext.kind = .extension
        #expect(throws: InvalidInput.self) { try ext.validate() }
    }
}

@Suite("W-5, W-7, W-9")
struct ClaimAndMaintenanceTests {
    @Test("W-7: the claim lifecycle allows only its transitions and names the allowed ones")
    func lifecycle() throws {
        #expect(try ClaimAction.submit.apply(to: .draft) == .submitted)
        #expect(try ClaimAction.reject.apply(to: .submitted) == .rejected)
        #expect(try ClaimAction.resubmit.apply(to: .rejected) == .submitted)
        #expect(try ClaimAction.approve.apply(to: .submitted) == .approved)
        #expect(try ClaimAction.pay.apply(to: .approved) == .paid)
        do {
            _ = try ClaimAction.pay.apply(to: .submitted)
            Issue.record("paying a submitted claim must be refused")
        } catch let error as Conflict {
            #expect(error.detail == "a submitted claim cannot be paid (W-7); allowed: approve, reject")
        }
        #expect(throws: Conflict.self) { try ClaimAction.resubmit.apply(to: .paid) }
    }

    @Test("W-7 and Q-1: claim lines are quantity × price, each rounded half-up to the fen")
    func claimLines() throws {
        let labour = try ClaimLine.priced(
            "47 11 19 00:1.25", kind: .labour, labourRate: Money(yuan: "180.35")!, catalogue: .none)
        #expect(labour.amount == Money(fen: 22_544))  // 1.25 × 180.35 = 225.4375 → 225.44
        let part = try ClaimLine.priced(
            "5Q0 611 701 C:2:86.00", kind: .part, labourRate: Money(fen: 0), catalogue: .none)
        #expect(part.amount == Money(yuan: "172.00"))
        #expect(throws: InvalidInput.self) {
            try ClaimLine.priced("47 11 19 00", kind: .labour, labourRate: Money(fen: 100), catalogue: .none)
        }
        #expect(throws: InvalidInput.self) {
            try ClaimLine.priced("X:0:1", kind: .part, labourRate: Money(fen: 0), catalogue: .none)
        }
    }

    @Test(
        "Q-1, W-7: claim lines take the catalogue's standard hours and price on the day; unknown codes are refused, deviations noted"
    )
    func claimLinesFromCatalogue() throws {
        let rate = Money(yuan: "180.00")!
        let catalogue = ClaimCatalogue(
            standardHours: ["47 11 19 00": 120], partPrices: ["5Q0 611 701 C": Money(yuan: "86.00")!],
            hasLabour: true, hasParts: true)
        let labour = try ClaimLine.priced("47 11 19 00", kind: .labour, labourRate: rate, catalogue: catalogue)
        #expect(labour.quantityHundredths == 120 && labour.amount == Money(yuan: "216.00")! && labour.note == nil)
        let part = try ClaimLine.priced("5Q0 611 701 C:2", kind: .part, labourRate: rate, catalogue: catalogue)
        #expect(part.unitPrice == Money(yuan: "86.00")! && part.amount == Money(yuan: "172.00")! && part.note == nil)
        #expect(
            try ClaimLine.priced("47 11 19 00:1.5", kind: .labour, labourRate: rate, catalogue: catalogue).note
                == "hours 1.5 given; the catalogue says 1.2")
        #expect(
            try ClaimLine.priced("5Q0 611 701 C:1:90.00", kind: .part, labourRate: rate, catalogue: catalogue).note?
                .contains("the catalogue says") == true)
        #expect(
            try ClaimLine.priced("47 11 19 00:1.2", kind: .labour, labourRate: rate, catalogue: catalogue).note == nil)
        let unknownLabour = #expect(throws: InvalidInput.self) {
            try ClaimLine.priced("99 99:1", kind: .labour, labourRate: rate, catalogue: catalogue)
        }
        #expect(unknownLabour?.reason.contains("not in the catalogue") == true)
        #expect(throws: InvalidInput.self) {
            try ClaimLine.priced("NOPE:1:5.00", kind: .part, labourRate: rate, catalogue: catalogue)
        }
        #expect(
            try ClaimLine.priced("99 99:1", kind: .labour, labourRate: rate, catalogue: .none).note
                == "not in a catalogue; hours as given")
        #expect(ClaimLine.decimal(120) == "1.2" && ClaimLine.decimal(125) == "1.25" && ClaimLine.decimal(200) == "2")
    }

    @Test(
        "W-9: maintenance on schedule is computed from the visits; independent workshops count for household cars with proof (L-11)"
    )
    func maintenance() {
        let schedule = MaintenanceSchedule.standard()
        let delivered = LocalDate("2024-01-10")!
        let visits = [
            MaintenanceVisit(day: LocalDate("2024-07-01")!, kilometres: 4_800),
            MaintenanceVisit(day: LocalDate("2025-07-20")!, kilometres: 14_500, independent: true, proof: "发票 0231"),
        ]
        let household = MaintenanceCompliance.evaluate(
            schedule: schedule, delivered: delivered, visits: visits, on: LocalDate("2025-12-01")!, mileage: 19_000,
            household: true)
        #expect(household.onSchedule)
        let fleet = MaintenanceCompliance.evaluate(
            schedule: schedule, delivered: delivered, visits: visits, on: LocalDate("2025-12-01")!, mileage: 19_000,
            household: false)
        #expect(!fleet.onSchedule)
        // W-9: the second maintenance counts from the first visit made (2024-07-01 at 4,800 km), not from delivery.
        #expect(
            fleet.findings.contains {
                $0.contains("maintenance 2 due 2025-07-01 or 14,800 km") && $0.contains("missed")
            })
    }

    @Test("W-9: a first maintenance at 9,000 km in month 4 is late (both limits, whichever comes first)")
    func lateByKilometres() {
        let schedule = MaintenanceSchedule.standard()
        let delivered = LocalDate("2024-01-10")!
        let early = [MaintenanceVisit(day: LocalDate("2024-05-10")!, kilometres: 9_000)]
        let late = MaintenanceCompliance.evaluate(
            schedule: schedule, delivered: delivered, visits: early, on: LocalDate("2024-06-01")!,
            mileage: 9_500, household: true)
        #expect(!late.onSchedule)
        #expect(
            late.findings == [
                "maintenance 1 due 2024-07-10 or 5,000 km (on time until 2024-08-09 and 6,000 km): "
                    + "missed, done 2024-05-10 at 9,000 km"
            ])
        // No visit yet, but the kilometres are past 6,000 within the date limit: missed too.
        let none = MaintenanceCompliance.evaluate(
            schedule: schedule, delivered: delivered, visits: [], on: LocalDate("2024-05-10")!,
            mileage: 6_001, household: true)
        #expect(!none.onSchedule)
        // The next point counts from the visit made: 2025-05-10 or 19,000 km.
        let inTime = [
            MaintenanceVisit(day: LocalDate("2024-05-10")!, kilometres: 5_900),
            MaintenanceVisit(day: LocalDate("2025-05-20")!, kilometres: 15_000),
        ]
        let ok = MaintenanceCompliance.evaluate(
            schedule: schedule, delivered: delivered, visits: inTime, on: LocalDate("2025-06-01")!,
            mileage: 15_500, household: true)
        #expect(ok.onSchedule)
        #expect(ok.findings.last == "maintenance 2 due 2025-05-10 or 15,900 km: done 2025-05-20 at 15,000 km")
        // W-5 refuses on the same answer.
        let decision = WarrantyDecision(
            covered: true, coveredBy: "vehicle warranty", summary: "covered", warrantyStart: nil, reasons: [])
        let request = ReplacementRequest(
            defectCannotBeRemoved: true, failsStandardsAfterRepair: false, majorFaultAt: nil)
        let refused = ReplacementAssessment.assess(
            request, deliveredAt: Date(), warranty: decision, maintenance: late, exclusions: [])
        #expect(!refused.mayRaise)
        #expect(
            refused.refusals.first { $0.item == "not maintained on schedule (W-9)" }?.detail.contains("done 2024-05-10")
                == true)
    }

    @Test("W-5: a replacement claim needs a condition and no refusal reason; each is evaluated")
    func replacement() {
        let delivered = Instant.parse("2026-11-20T10:00:00+08:00")!
        let decision = WarrantyDecision(
            covered: true, coveredBy: "vehicle warranty", summary: "covered by vehicle warranty", warrantyStart: nil,
            reasons: [])
        let maintained = MaintenanceCompliance(onSchedule: true, findings: [])
        let fault = ReplacementRequest(
            defectCannotBeRemoved: false, failsStandardsAfterRepair: false,
            majorFaultAt: Instant.parse("2026-11-21T08:00:00+08:00"))
        let ok = ReplacementAssessment.assess(
            fault, deliveredAt: delivered, warranty: decision, maintenance: maintained, exclusions: [])
        #expect(ok.mayRaise)
        #expect(ok.conditions[2].met && ok.conditions[2].detail == "fault 22.0 hours after delivery")
        let late = ReplacementRequest(
            defectCannotBeRemoved: false, failsStandardsAfterRepair: false,
            majorFaultAt: Instant.parse("2026-11-22T08:00:00+08:00"))
        #expect(
            !ReplacementAssessment.assess(
                late, deliveredAt: delivered, warranty: decision, maintenance: maintained, exclusions: []
            ).mayRaise)
        let accident = ExclusionFact(kind: .accident, recordedOn: LocalDate("2026-11-21")!, source: "交警认定书 118")
        let refused = ReplacementAssessment.assess(
            fault, deliveredAt: delivered, warranty: decision, maintenance: maintained, exclusions: [accident])
        #expect(!refused.mayRaise)
        #expect(refused.refusals.first { $0.item == "traffic accident" }?.detail.contains("交警认定书 118") == true)
    }
}

@Suite("Bulletin cover (W-6, W-7)")
struct BulletinCoverTests {
    let vin = VIN(trusted: "LFV2A21K3N3000123")

    func facts(
        kind: Bulletin.Kind = .recall, status: Bulletin.Status = .active, match: Applicability? = .applies,
        completed: LocalDate? = nil
    ) -> BulletinCover.Facts {
        BulletinCover.Facts(
            number: "RC-1", kind: kind, title: "制动软管", status: status, match: match, completedOn: completed)
    }

    @Test(
        "W-6: an open recall or campaign covers its remedy; anything else says which fact refused it",
        arguments: [
            (
                Bulletin.Kind.recall, Bulletin.Status.active, Applicability?.some(.applies), LocalDate?.none, true,
                "open recall RC-1"
            ),
            (.campaign, .active, .applies, nil, true, "open campaign RC-1"),
            (.recall, .active, .possible("build date unknown"), nil, true, "confirm the vehicle is affected"),
            (.tsb, .active, .applies, nil, false, "pays no work by itself"),
            (.extension, .active, .applies, nil, false, "pays no work by itself"),
            (.recall, .withdrawn, .applies, nil, false, "withdrawn"),
            (.recall, .active, nil, nil, false, "does not apply to VIN LFV2A21K3N3000123"),
            (.recall, .active, .notApplicable("model"), nil, false, "does not apply"),
            (.recall, .active, .applies, LocalDate("2026-11-02"), false, "completed on this vehicle on 2026-11-02"),
        ])
    func cover(
        kind: Bulletin.Kind, status: Bulletin.Status, match: Applicability?, completed: LocalDate?, covered: Bool,
        text: String
    ) {
        let decision = BulletinCover.decide(
            facts(kind: kind, status: status, match: match, completed: completed), vin: vin)
        #expect(decision.covered == covered)
        #expect(
            decision.reasons.contains { $0.rule == "W-6" && $0.text.contains(text) }, "\(decision.reasons.map(\.text))")
    }
}

extension VehicleFacts {
    func with(modelYear: Int?) -> VehicleFacts {
        var copy = self
        copy.modelYear = modelYear
        return copy
    }
}
