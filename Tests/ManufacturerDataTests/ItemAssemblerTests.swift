import Testing
import Core
import Catalog
import Warranty
import ManufacturerData

/// The items of a manufacturer file assembled from element events (MANUFACTURER-XML.md), without a parser: each
/// case plays the events a file would give.
@Suite("Manufacturer items assembled from element events")
struct ItemAssemblerTests {
    /// A valid VIN (its check digit right) and one whose check digit is wrong.
    static let vin = "LFV2A21K3N3000123"
    static let vinWithWrongCheckDigit = "LFV2A21K1N3000123"

    /// One item alone in its section; the feed is finished.
    static func single(
        _ section: String, _ element: String, _ attributes: KeyValuePairs<String, String>,
        text: (element: String, value: String)? = nil
    ) -> EventFeed {
        var feed = EventFeed()
        feed.openRoot()
        feed.open(section)
        if let text {
            feed.open(element, attributes)
            feed.leaf(text.element, text: text.value)
            feed.close()
        } else {
            feed.leaf(element, attributes)
        }
        feed.finish()
        return feed
    }

    /// A bulletin with every required child; `applies` writes the children of `Applies`, `after` those after it.
    static func bulletin(
        _ feed: inout EventFeed, number: String = "RC-2026-017", kind: String = "recall",
        applies: (inout EventFeed) -> Void = model,
        after: (inout EventFeed) -> Void = { _ in }
    ) {
        feed.open("Bulletin", ["number": number, "kind": kind, "revision": "2", "issued": "2026-10-12"])
        feed.leaf("Title", text: " 前制动软管可能磨损 ")
        feed.leaf("Component", text: "制动系统")
        feed.leaf("Summary", text: "前制动软管可能与悬架部件摩擦")
        feed.leaf("Remedy", text: "检查并更换前制动软管")
        feed.open("Applies")
        applies(&feed)
        feed.close()
        after(&feed)
        feed.close()
    }

    /// The criterion most bulletins use.
    static func model(_ feed: inout EventFeed) { feed.leaf("Model", ["make": "Volkswagen", "name": "Sagitar"]) }

    /// The messages of the one rejection a feed holds.
    static func messages(_ feed: EventFeed) -> [String] { feed.rejected.first?.errors.map(\.message) ?? [] }

    // MARK: - Values as the contract types them ("Document")

    @Test(
        "Amounts are positive decimals with at most two places, read in fen: the part's price",
        arguments: [
            ("86.00", 8_600), ("1", 100), ("1.2", 120), ("+1.20", 120), (".5", 50), ("1.250", 125), (" 7.5 ", 750),
        ] as [(String, Int64)])
    func amounts(_ written: String, _ fen: Int64) throws {
        let feed = Self.single(
            "Parts", "Part", ["number": "06L 115 562 B", "price": written, "currency": "CNY"],
            text: ("Name", "机油滤清器"))
        guard case .part(let part)? = feed.delivered.first else { Issue.record("\(feed.delivered)"); return }
        #expect(
            part
                == CatalogPart(
                    number: "06L 115 562 B", name: "机油滤清器", price: Money(fen: fen),
                    currency: "CNY"))
    }

    @Test(
        "An amount that is not a positive decimal with at most two places rejects its item, naming it",
        arguments: [
            ("1.234", "price must be a positive amount with at most two decimals, got \"1.234\""),
            ("-1", "price must be a positive amount with at most two decimals, got \"-1\""),
            ("abc", "price must be a positive amount with at most two decimals, got \"abc\""),
            (".", "price must be a positive amount with at most two decimals, got \".\""),
            ("0.00", "price must be above zero, got \"0.00\""),
            ("", "missing attribute price"),
        ])
    func badAmounts(_ written: String, _ message: String) {
        let feed = Self.single("Parts", "Part", ["number": "06L 115 562 B", "price": written, "currency": "CNY"])
        #expect(feed.rejected.map(\.key) == ["part 06L 115 562 B"])
        #expect(Self.messages(feed) == [message])
    }

    @Test("Labour hours are amounts too (Q-1 prices an operation as hours × the labour rate)")
    func labourHours() {
        let feed = Self.single(
            "LabourOperations", "LabourOperation",
            ["code": "10 11 00 00", "make": "Volkswagen", "hours": "0.8"],
            text: ("Description", "更换发动机机油及机油滤清器"))
        guard case .labourOperation(let operation)? = feed.delivered.first else {
            Issue.record("\(feed.delivered)")
            return
        }
        #expect(
            operation
                == LabourOperation(
                    code: "10 11 00 00", make: "Volkswagen", model: nil, centihours: 80,
                    description: "更换发动机机油及机油滤清器"))
    }

    @Test(
        "Model years are non-negative whole numbers, build dates YYYY-MM-DD; anything else rejects the vehicle",
        arguments: [
            ("2022", "2022-04-18", nil),
            ("+2022", " 2022-04-18 ", nil),
            ("20x2", "2022-04-18", "year must be a non-negative whole number, got \"20x2\""),
            ("-1", "2022-04-18", "year must be a non-negative whole number, got \"-1\""),
            ("2022", "2022-02-30", "built must be a date YYYY-MM-DD, got \"2022-02-30\""),
            ("2022", "22-04-18", "built must be a date YYYY-MM-DD, got \"22-04-18\""),
        ] as [(String, String, String?)])
    func numbersAndDays(_ year: String, _ built: String, _ problem: String?) {
        let feed = Self.single(
            "Vehicles", "Vehicle",
            [
                "vin": Self.vin, "make": "Volkswagen", "model": "Sagitar", "year": year,
                "built": built,
            ])
        if let problem {
            #expect(feed.rejected.map(\.key) == ["vehicle \(Self.vin)"])
            #expect(Self.messages(feed) == [problem])
        } else {
            guard case .vehicle(let vehicle)? = feed.delivered.first else { Issue.record("\(feed.delivered)"); return }
            #expect(
                vehicle
                    == MasterVehicle(
                        vin: VIN(trusted: Self.vin), make: "Volkswagen", model: "Sagitar",
                        year: 2022, built: LocalDate("2022-04-18")))
        }
    }

    @Test("VINs are trimmed and upper-cased; a wrong check digit is a warning, not an error; a bad VIN is an error")
    func vins() {
        #expect(VIN(trusted: Self.vin).hasValidCheckDigit)
        #expect(!VIN(trusted: Self.vinWithWrongCheckDigit).hasValidCheckDigit)
        let cases: [(written: String, stored: String?, warnings: Int, problem: String?)] = [
            (" lfv2a21k3n3000123 ", Self.vin, 0, nil),
            (Self.vinWithWrongCheckDigit, Self.vinWithWrongCheckDigit, 1, nil),
            ("LFV2A21K1N30OO124", nil, 0, "vin: character 'O' at position"),
            ("LFV2A21K1N30001", nil, 0, "vin: a VIN has 17 characters, this one has 15"),
            ("", nil, 0, "missing attribute vin"),
        ]
        for (written, stored, warnings, problem) in cases {
            let feed = Self.single("Vehicles", "Vehicle", ["vin": written, "make": "Volkswagen", "model": "Sagitar"])
            if case .vehicle(let vehicle)? = feed.delivered.first {
                #expect(vehicle.vin.value == stored, "\(written)")
            } else {
                #expect(stored == nil, "\(written): \(feed.delivered)")
            }
            #expect(feed.assembler.warningCount == warnings, "\(written)")
            let messages = Self.messages(feed)
            #expect(problem.map { messages.count == 1 && messages[0].hasPrefix($0) } ?? messages.isEmpty, "\(messages)")
        }
    }

    @Test(
        "A rejected item is named by its key, written from its attributes as they are (missing ones as ? or *)",
        arguments: [
            (
                "LabourOperations", "LabourOperation", ["code": "10 11 00 00", "make": "Volkswagen"],
                "labour operation 10 11 00 00 @ Volkswagen/*", "missing attribute hours"
            ),
            ("Parts", "Part", ["price": "1.00", "currency": "CNY"], "part ?", "missing attribute number"),
            (
                "WarrantyTerms", "WarrantyTerm",
                ["make": "Volkswagen", "usage": "taxi", "months": "12", "effective": "2020-01-01"],
                "warranty term Volkswagen/*/taxi from 2020-01-01", "Volkswagen/*/taxi from 2020-01-01 is incomplete"
            ),
            (
                "WarrantyTerms", "PartsWarranty", ["make": "Volkswagen", "months": "12"],
                "parts warranty Volkswagen/* from ?", "missing attribute effective"
            ),
            ("Vehicles", "Vehicle", ["make": "Volkswagen", "model": "Sagitar"], "vehicle ?", "missing attribute vin"),
            ("Parts", "Vehicle", ["vin": vin], "Vehicle in Parts", "unexpected element Vehicle in Parts"),
        ] as [(String, String, KeyValuePairs<String, String>, String, String)])
    func keys(
        _ section: String, _ element: String, _ attributes: KeyValuePairs<String, String>, _ key: String,
        _ problem: String
    ) {
        let feed = Self.single(section, element, attributes)
        #expect(feed.rejected.map(\.key) == [key])
        #expect(Self.messages(feed).first?.hasSuffix(problem) == true, "\(Self.messages(feed))")
    }

    @Test("W-1: a warranty term reads with its usage, limits and effective day; the source names the file")
    func warrantyTerm() {
        let feed = Self.single(
            "WarrantyTerms", "WarrantyTerm",
            [
                "make": "Volkswagen", "usage": "taxi", "months": "12",
                "kilometres": "100000", "effective": "2020-01-01",
            ])
        guard case .warrantyTerm(let term)? = feed.delivered.first else { Issue.record("\(feed.delivered)"); return }
        #expect(term.usage == .taxi && term.months == 12 && term.kilometres == 100_000)
        #expect(term.effective == LocalDate("2020-01-01") && term.source == "import of m.xml")
    }

    // MARK: - Bulletins (W-6)

    @Test("W-6: a bulletin is its header, its VINs in batches, then the whole bulletin without VINs")
    func bulletinInBatches() throws {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Bulletins")
        let count = ItemAssembler.vinBatchSize * 2 + 7
        Self.bulletin(
            &feed,
            applies: { feed in
                feed.leaf("Model", ["make": "Volkswagen", "name": "Sagitar", "yearFrom": "2022", "yearTo": "2024"])
                feed.leaf("Built", ["from": "2022-03-01", "to": "2023-06-30"])
                feed.leaf("VinRange", ["from": "LFV2A21K0N3000001", "to": "LFV2A21K0N3099999"])
                for serial in 0..<count { feed.leaf("Vin", text: "LFV2A21K0N3\(100_000 + serial)") }
            },
            after: { feed in
                feed.leaf("Labour", ["code": "47 11 19 00", "hours": "1.2"])
                feed.leaf("Part", ["number": "5Q0 611 701 C", "quantity": "2"])
            })
        feed.finish()
        #expect(feed.delivered.map(kindName) == ["begin", "vins(4096)", "vins(4096)", "vins(7)", "end"])
        #expect(feed.items.allSatisfy { $0.line == 3 }, "every piece names the line the bulletin starts on")
        guard case .bulletinBegin(let head) = feed.delivered[0],
            case .bulletinEnd(let bulletin) = feed.delivered[4]
        else {
            Issue.record("\(feed.delivered)")
            return
        }
        #expect(
            head
                == BulletinHead(
                    manufacturer: "FAW-Volkswagen", number: "RC-2026-017", kind: .recall, revision: 2,
                    issued: LocalDate("2026-10-12")!, status: .active))
        #expect(
            bulletin.title == "前制动软管可能磨损" && bulletin.component == "制动系统",
            "texts trimmed, Chinese intact")
        #expect(bulletin.vins.isEmpty && bulletin.vinRanges.count == 1 && bulletin.built.count == 1)
        #expect(
            bulletin.models == [
                Bulletin.ModelCriterion(
                    make: "Volkswagen", name: "Sagitar", yearFrom: 2022,
                    yearTo: 2024)
            ])
        #expect(bulletin.labour == [Bulletin.Labour(code: "47 11 19 00", centihours: 120)])
        #expect(bulletin.parts == [Bulletin.Part(number: "5Q0 611 701 C", quantity: 2)])
    }

    @Test("W-6: a bulletin that breaks a rule of the contract is rejected at its start tag, naming the rule")
    func bulletinRules() {
        let cases: [(kind: String, applies: (inout EventFeed) -> Void, problem: String)] = [
            // "An Applies with no element is an error."
            (
                "recall", { _ in },
                "applies: a bulletin must say which vehicles it applies to "
                    + "(model, built dates, VIN range or VINs)"
            ),
            // "extension ... needs <Extension>"
            ("extension", Self.model, "extension: a warranty extension needs its months and kilometres"),
            (
                "recall", { $0.leaf("Built", ["from": "2023-01-01", "to": "2022-01-01"]) },
                "built: from 2023-01-01 is after to 2022-01-01"
            ),
        ]
        for (kind, applies, problem) in cases {
            var feed = EventFeed()
            feed.openRoot()
            feed.open("Bulletins")
            Self.bulletin(&feed, kind: kind, applies: applies)
            feed.finish()
            #expect(feed.delivered.map(kindName) == ["begin", "rejected"], "\(problem)")
            #expect(
                feed.rejected.first?.errors == [
                    XMLInputError(
                        file: "m.xml", line: 3, column: 5,
                        message: "bulletin RC-2026-017: \(problem)")
                ])
        }
    }

    @Test("A VIN range's ends must agree outside the serial, and from must not come after to")
    func vinRanges() {
        let cases: [(from: String, to: String, problem: String)] = [
            (
                "LFV2A21K0N3099999", "LFV2A21K0N3000001",
                "VinRange: from LFV2A21K0N3099999 comes after to LFV2A21K0N3000001"
            ),
            (
                "LFV2A21K0N3000001", "LSV2A21K0N3099999",
                "VinRange: LFV2A21K0N3000001 and LSV2A21K0N3099999 differ outside the serial "
                    + "(positions 1-8 and 10-11 must agree)"
            ),
        ]
        for (from, to, problem) in cases {
            var feed = EventFeed()
            feed.openRoot()
            feed.open("Bulletins")
            Self.bulletin(&feed, applies: { $0.leaf("VinRange", ["from": from, "to": to]) })
            feed.finish()
            #expect(Self.messages(feed) == [problem])
            #expect(feed.rejected.first?.errors.first?.line == 9, "the line of the VinRange")
        }
    }

    @Test("W-6: a bulletin that applies by its VIN list alone is valid by that list, delivered in batches")
    func vinListAlone() {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Bulletins")
        Self.bulletin(
            &feed,
            applies: { feed in
                for serial in 0..<(ItemAssembler.vinBatchSize + 3) {
                    feed.leaf("Vin", text: "LFV2A21K0N3\(100_000 + serial)")
                }
            })
        feed.finish()
        #expect(feed.delivered.map(kindName) == ["begin", "vins(4096)", "vins(3)", "end"])
        guard case .bulletinEnd(let bulletin)? = feed.delivered.last else { return }
        // The bulletin carries no criterion and no VIN of its own: its list went out in the batches before it.
        #expect(bulletin.vins.isEmpty && bulletin.models.isEmpty)
        #expect(bulletin.built.isEmpty && bulletin.vinRanges.isEmpty)
    }

    @Test("Revisions: the same bulletin number twice in one file is an error; the first stands")
    func sameNumberTwice() {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Bulletins")
        Self.bulletin(&feed)
        Self.bulletin(&feed)
        Self.bulletin(&feed, number: "RC-2026-018")
        feed.finish()
        #expect(feed.delivered.map(kindName) == ["begin", "end", "rejected", "begin", "end"])
        #expect(Self.messages(feed) == ["bulletin RC-2026-017 appears twice in the file"])
    }

    @Test("A bad VIN in a list rejects the bulletin: no batch after the problem, and the next bulletin reads")
    func badVINInList() {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Bulletins")
        Self.bulletin(
            &feed,
            applies: { feed in
                for serial in 0..<(ItemAssembler.vinBatchSize + 10) {
                    feed.leaf("Vin", text: "LFV2A21K0N3\(100_000 + serial)")
                }
                feed.leaf("Vin", text: "LFV2A21K1N31OO123")
            })
        Self.bulletin(&feed, number: "RC-2026-018")
        feed.finish()
        #expect(feed.delivered.map(kindName) == ["begin", "vins(4096)", "rejected", "begin", "end"])
        #expect(feed.rejected.first?.key == "bulletin RC-2026-017")
        #expect(feed.rejected.first?.errors.first?.line == 9 + ItemAssembler.vinBatchSize + 10)
    }

    @Test("An item with more problems than are listed lists the first hundred and counts the rest")
    func manyProblems() {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Bulletins")
        Self.bulletin(
            &feed,
            applies: { feed in
                for _ in 0..<150 { feed.leaf("Vin", text: "LFV2A21K1N31OO123") }
            })
        feed.finish()
        let errors = feed.rejected.first?.errors ?? []
        #expect(errors.count == ItemAssembler.itemErrorLimit + 1)
        #expect(errors.last?.message == "… and 50 more problems in bulletin RC-2026-017")
    }

    // MARK: - The validator's problems, by line

    @Test("A validator's problem goes to the item whose line holds it, never to its neighbour")
    func problemsByLine() {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Vehicles")
        for serial in 0..<3 {
            // The validator sees each tag first: its problem is queued before the assembler hears of the tag.
            if serial == 1 { feed.problem("Element 'Vehicle', attribute 'year': not valid", line: feed.line + 1) }
            feed.leaf("Vehicle", ["vin": "LFV2A21K0N3\(100_000 + serial)", "make": "Volkswagen", "model": "Sagitar"])
        }
        feed.finish()
        #expect(feed.delivered.map(kindName) == ["vehicle", "rejected", "vehicle"])
        #expect(feed.rejected.first?.key == "vehicle LFV2A21K0N3100001")
        #expect(feed.rejected.first?.errors.map(\.line) == [4])
    }

    @Test("A problem outside any item is the file's; a warning stays a warning; no root is a file error")
    func fileProblems() {
        var feed = EventFeed()
        feed.openRoot()
        feed.problem("Element 'ManufacturerData': The attribute 'issued' is required but missing.")
        feed.problem("a note from the validator", warning: true)
        feed.open("Vehicles")
        feed.leaf("Vehicle", ["vin": Self.vin, "make": "Volkswagen", "model": "Sagitar"])
        feed.finish()
        #expect(feed.delivered.map(kindName) == ["vehicle"])
        #expect(
            feed.assembler.fileErrors.map(\.message)
                == ["Element 'ManufacturerData': The attribute 'issued' is required but missing."])
        #expect(feed.assembler.warnings.map(\.message) == ["a note from the validator"])
        #expect(feed.assembler.sectionsSeen == [.vehicles])

        var empty = EventFeed()
        empty.finish()
        #expect(empty.assembler.fileErrors.map(\.message) == ["the file holds no ManufacturerData element"])
    }

    @Test("The assembler's own problem on a line the validator already reported is said once")
    func oneMessagePerProblem() {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Vehicles")
        feed.open("Vehicle", ["vin": "LFV2A21K1N30OO124", "make": "Volkswagen", "model": "Sagitar"])
        feed.close()
        feed.finish()
        // Without the validator: the assembler's own message.
        #expect(Self.messages(feed).count == 1)
        var validated = EventFeed()
        validated.openRoot()
        validated.open("Vehicles")
        validated.problem("Element 'Vehicle', attribute 'vin': not the VIN pattern", line: 3)
        validated.open("Vehicle", ["vin": "LFV2A21K1N30OO124", "make": "Volkswagen", "model": "Sagitar"])
        validated.close()
        validated.finish()
        #expect(Self.messages(validated) == ["Element 'Vehicle', attribute 'vin': not the VIN pattern"])
    }
}

@Suite("Issue 16: an item's key in Chinese, as the import names it to a person")
struct ItemKeyChineseTests {
    @Test("Each kind of key is said in Chinese with its values as they are; English is the key")
    func keys() {
        let zh = Speech(.zh)
        #expect(ItemKey.spoken("bulletin RC-2026-017").rendered(zh) == "厂家公告 RC-2026-017")
        #expect(ItemKey.spoken("part 5Q0 611 701 C").rendered(zh) == "零件 5Q0 611 701 C")
        #expect(
            ItemKey.spoken("labour operation 47 11 19 00 @ Volkswagen/*").rendered(zh)
                == "工时项目 47 11 19 00 @ Volkswagen/*")
        #expect(
            ItemKey.spoken("warranty term Volkswagen/*/private from 2020-01-01").rendered(zh)
                == "整车保修条款 Volkswagen/*/private（自 2020-01-01 起）")
        #expect(ItemKey.spoken("Severity in Bulletins").rendered(zh) == "厂家公告 中的 Severity")
        for key in [
            "bulletin RC-2026-017", "warranty term Volkswagen/*/private from 2020-01-01", "Severity in Bulletins",
        ] {
            #expect(ItemKey.spoken(key).english == key)
        }
    }

    @Test("An item's problem is said in the language it is shown in, its English kept")
    func problems() {
        var feed = EventFeed()
        feed.openRoot()
        feed.open("Bulletins")
        feed.open("Bulletin", ["kind": "recall", "revision": "1", "issued": "2026-10-12"])
        feed.close()
        feed.finish()
        let error = feed.rejected.first?.errors.first
        #expect(error?.message == "missing attribute number")
        #expect(error?.spoken.rendered(Speech(.zh)) == "缺少属性 number")
    }
}
