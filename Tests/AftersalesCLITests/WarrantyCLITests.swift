import Foundation
import TestSupport
import Testing

@Suite("aftersales warranty, bulletins, claims (real binary)")
struct WarrantyCLITests {
    func dealer() throws -> CLI {
        let cli = try CLI()
        try cli.run("init")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--make", "Volkswagen", "--model",
            "Sagitar", "--model-year", "2023",
            "--build-date", "2022-04-18", "--usage", "private", "--delivered-at", "2024-05-10 10:00")
        try cli.run(
            "bulletins", "add", "--number", "RC-2026-017", "--kind", "recall", "--issued", "2026-10-12", "--title",
            "前制动软管可能磨损",
            "--component", "制动系统", "--summary", "软管摩擦", "--remedy", "更换软管", "--model", "Volkswagen:Sagitar:2022-2024",
            "--vin-range", "LFV2A21K0N3000001:LFV2A21K0N3099999")
        return cli
    }

    @Test("W-8: the check reads as a verdict with its reasons; JSON carries the same reasons as data")
    func check() throws {
        let cli = try dealer()
        let table = try cli.run("warranty", "check", "LFV2A21K3N3000123", "--mileage", "61200").stdout
        #expect(table.hasPrefix("NOT COVERED — repair period (包修期) kilometres: 61,200 of 60,000, over by 1,200"))
        #expect(table.contains("term 24 months; the legal repair period (包修期) of at least 36 months applies"))
        #expect(table.contains("OPEN RECALLS AND CAMPAIGNS"))
        let json = try cli.json("warranty", "check", "LFV2A21K3N3000123", "--mileage", "30000") as! [String: Any]
        let decision = json["decision"] as! [String: Any]
        #expect(decision["covered"] as? Bool == true)
        let reasons = decision["reasons"] as! [[String: Any]]
        #expect(reasons.contains { $0["unit"] as? String == "km" && $0["margin"] as? Int == 30_000 })
        #expect((json["openBulletins"] as! [[String: Any]]).first?["number"] as? String == "RC-2026-017")
    }

    @Test("A recall shows on vehicle show until completed; claims move along W-7")
    func recallAndClaim() throws {
        let cli = try dealer()
        #expect(try cli.run("vehicle", "show", "LFV2A21K3N3000123").stdout.contains("RC-2026-017"))
        try cli.run("bulletins", "complete", "RC-2026-017", "--vin", "LFV2A21K3N3000123", "--work-ref", "RO-1123")
        #expect(!(try cli.run("vehicle", "show", "LFV2A21K3N3000123").stdout.contains("OPEN RECALLS")))
        let show = try cli.run("bulletins", "show", "RC-2026-017").stdout
        #expect(show.contains("1 affected"))
        let claim =
            try cli.json(
                "claims", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "前制动异响", "--cause", "软管磨损",
                "--labour", "47 11 19 00:1.2", "--part", "5Q0 611 701 C:2:86.00") as! [String: Any]
        let id = String(claim["id"] as! Int)
        try cli.run("claims", "submit", id)
        let refused = try cli.run(["claims", "pay", id], expect: 1)
        #expect(refused.stderr.contains("allowed: approve, reject"))
        try cli.run("claims", "approve", id, "--ref", "FAW-1")
        let csv = try cli.run("claims", "list", "--format", "csv").stdout
        // Excel reads the Chinese text as UTF-8 thanks to the byte order mark (the default for people).
        #expect(
            csv.hasPrefix(
                "\u{FEFF}claim,vin,customer,mileage,failure,cause,repair order,line,status,amount,covered by,manufacturer ref\n"
            ))
        #expect(csv.contains("approved,316.00,vehicle warranty,FAW-1"))
    }

    @Test(
        "W-6, W-7: recall work on a car out of warranty is claimable by naming the bulletin, while it is open for the VIN"
    )
    func recallClaimOutOfWarranty() throws {
        let cli = try dealer()
        try cli.run(
            "bulletins", "add", "--number", "TSB-2026-3", "--kind", "tsb", "--issued", "2026-10-01", "--title", "怠速抖动",
            "--component", "发动机", "--summary", "s", "--remedy", "r", "--model", "Volkswagen:Sagitar")
        let claim = [
            "claims", "create", "LFV2A21K3N3000123", "--mileage", "152300", "--failure", "前制动软管磨损", "--cause", "召回",
            "--labour", "47 11 19 00:0.8",
        ]
        let refused = try cli.run(claim, expect: 1)
        #expect(refused.stderr.contains("not covered") && refused.stderr.contains("--bulletin"), "\(refused.stderr)")

        let json = try cli.json(claim + ["--bulletin", "RC-2026-017"]) as! [String: Any]
        #expect(json["status"] as? String == "draft")
        #expect((json["bulletin"] as? String)?.hasSuffix("RC-2026-017") == true)
        let decision = json["decision"] as! [String: Any]
        #expect(decision["covered"] as? Bool == true)
        #expect(decision["coveredBy"] as? String == "recall RC-2026-017")
        #expect((decision["reasons"] as! [[String: Any]]).first?["rule"] as? String == "W-6")

        let tsb = try cli.run(claim + ["--bulletin", "TSB-2026-3"], expect: 1)
        #expect(tsb.stderr.contains("pays no work by itself"))
        try cli.run("bulletins", "complete", "RC-2026-017", "--vin", "LFV2A21K3N3000123", "--work-ref", "RO-1123")
        let done = try cli.run(claim + ["--bulletin", "RC-2026-017"], expect: 1)
        #expect(done.stderr.contains("completed on this vehicle"))
        #expect(try cli.run(claim + ["--bulletin", "NOPE-1"], expect: 1).stderr.contains("NOPE-1"))
    }

    @Test(
        "W-1: a vehicle typed as 大众 is stored as Volkswagen and gets Volkswagen's term, not the generic one; aliases are data"
    )
    func makeAliases() throws {
        let cli = try dealer()
        try cli.run(
            "warranty", "terms", "--set", "--make", "Volkswagen", "--usage", "taxi", "--months", "36", "--km", "150000",
            "--effective", "2020-01-01")
        try cli.run(
            "customer", "add", "--name", "李强", "--phone", "13900139000", "--class", "retained", "--reason", "出租车司机")
        let added = try cli.run(
            "vehicle", "add", "--customer", "2", "--vin", "LFV2A21K5N3000124", "--make", "大众", "--model", "Jetta",
            "--usage", "taxi", "--delivered-at", "2025-06-01 10:00")
        #expect(added.stderr.contains("make 大众 recorded as Volkswagen"))
        let check = try cli.json("warranty", "check", "LFV2A21K5N3000124", "--mileage", "120000") as! [String: Any]
        #expect(check["make"] as? String == "Volkswagen")
        #expect(
            (check["decision"] as! [String: Any])["covered"] as? Bool == true,
            "Volkswagen's taxi term is 150,000 km; the generic one 100,000")

        // A dealer's own alias renames the vehicles already stored under it.
        try cli.run(
            "customer", "add", "--name", "赵敏", "--phone", "13700137000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "3", "--vin", "LFV2A21K7N3000125", "--make", "FAW-VW", "--model", "Bora",
            "--usage", "taxi",
            "--delivered-at", "2025-06-01 10:00")
        let alias = try cli.json("make", "alias", "FAW-VW", "--to", "Volkswagen") as! [String: Any]
        #expect(alias["make"] as? String == "Volkswagen")
        let renamed = try cli.json("vehicle", "show", "LFV2A21K7N3000125") as! [String: Any]
        #expect((renamed["vehicle"] as? [String: Any])?["make"] as? String == "Volkswagen", "\(renamed)")
        #expect(try cli.run("make", "list").stdout.contains("大众"))
        #expect(try cli.run("audit", "--entity", "make_alias").stdout.contains("faw-vw"))
    }

    @Test(
        "W-6: the recall's work list names our customers' vehicles with phone, consent and completion, open ones first")
    func affectedVehicles() throws {
        let cli = try dealer()
        try cli.run("consent", "set", "1", "--channel", "sms", "--status", "opt-out", "--source", "回T退订")
        try cli.run(
            "customer", "add", "--name", "李强", "--phone", "13900139000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "2", "--vin", "LFV2A21K5N3000124", "--plate", "京B54321", "--make",
            "Volkswagen",
            "--model", "Sagitar", "--model-year", "2023", "--usage", "private")
        try cli.run(
            "customer", "add", "--name", "赵敏", "--phone", "13700137000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "3", "--vin", "LFV2A21K0P4000001", "--make", "Volkswagen", "--model",
            "Sagitar",
            "--model-year", "2023", "--usage", "private")
        try cli.run("bulletin", "complete", "RC-2026-017", "--vin", "LFV2A21K3N3000123", "--work-ref", "RO-1123")

        let page = try cli.json("bulletin", "affected", "RC-2026-017") as! [String: Any]
        let items = page["items"] as! [[String: Any]]
        #expect(page["total"] as? Int == 2, "赵敏's car is outside the VIN range")
        #expect(items.map { $0["customer"] as? String } == ["李强", "王芳"], "open ones first")
        #expect(items[0]["match"] as? String == "applies")
        #expect((items[0]["phones"] as? [String]) == ["13900139000"])
        #expect((items[1]["consent"] as? [String: String])?["sms"] == "opt-out")
        #expect(items[1]["completedOn"] as? String != nil)
        let open = try cli.run("bulletin", "affected", "RC-2026-017", "--open")
        #expect(open.stdout.contains("京B·54321") && !open.stdout.contains("王芳"))
        #expect(open.stdout.contains("1–1 of 1"))
        let csv = try cli.run("bulletin", "affected", "RC-2026-017", "--format", "csv").stdout
        #expect(csv.contains("13900139000") && csv.split(separator: "\n").count == 3)
    }

    @Test(
        "W-7, Q-1: a claim priced from the imported catalogue, one per repair-order line, cancelled with a reason, exported per line"
    )
    func claimsFromCatalogue() throws {
        let cli = try dealer()
        let catalogue = try cli.folder.write(
            "catalogue.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
              <LabourOperations>
                <LabourOperation code="47 11 19 00" make="Volkswagen" hours="1.2"><Description>更换前制动软管</Description></LabourOperation>
              </LabourOperations>
              <Parts>
                <Part number="5Q0 611 701 C" price="128.50" currency="CNY"><Name>前制动软管</Name></Part>
              </Parts>
            </ManufacturerData>
            """)
        #expect(try Binaries.run("aftersales-import", [catalogue, "--db", cli.database]).status == 0)
        try cli.run("settings", "set", "labour.rate", "180.00")
        let claim =
            try cli.json(
                "claim", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "前制动异响", "--cause", "软管磨损",
                "--labour", "47 11 19 00", "--part", "5Q0 611 701 C:2", "--repair-order", "RO-2026-1123", "--line", "2")
            as! [String: Any]
        #expect((claim["amount"] as? [String: Any])?["fen"] as? Int == 21_600 + 25_700, "1.2 h × 180.00 + 2 × 128.50")
        let id = String(claim["id"] as! Int)
        let again = try cli.run(
            [
                "claim", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "f", "--cause", "c",
                "--labour", "47 11 19 00", "--repair-order", "RO-2026-1123", "--line", "2",
            ], expect: 1)
        #expect(again.stderr.contains("RO-2026-1123 line 2 is already claimed in claim \(id)"))
        let unknown = try cli.run(
            [
                "claim", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "f", "--cause", "c",
                "--labour", "99 99 99 00:1",
            ], expect: 1)
        #expect(unknown.stderr.contains("99 99 99 00 is not in the catalogue"))
        let flagged = try cli.run(
            "claim", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "f", "--cause", "c",
            "--labour", "47 11 19 00:1.5")
        #expect(flagged.stdout.contains("hours 1.5 given; the catalogue says 1.2"))

        #expect(try cli.run(["claim", "cancel", id], expect: 1).stderr.contains("reason"))
        let cancelled = try cli.json("claim", "cancel", id, "--reason", "重复录入") as! [String: Any]
        #expect(cancelled["status"] as? String == "cancelled" && cancelled["cancelReason"] as? String == "重复录入")
        try cli.run(
            "claim", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "前制动异响", "--cause", "软管磨损",
            "--labour", "47 11 19 00", "--repair-order", "RO-2026-1123", "--line", "2")
        let export = try cli.run("claim", "export", "--csv-bom", "no").stdout.split(separator: "\n").map(String.init)
        #expect(export[0].hasPrefix("claim,status,manufacturer_ref,vin,repair_order,repair_line,repair_date"))
        #expect(export.contains { $0.contains(",cancelled,") && $0.contains(",part,5Q0 611 701 C,2,128.50,257.00,") })
        #expect(export.contains { $0.contains(",labour,47 11 19 00,1.5,180.00,270.00,hours 1.5 given") })
    }

    @Test(
        "A vehicle is named as people name it: VIN, plate in any spacing or case, or the VIN's last 6 to 8 characters")
    func vehicleNames() throws {
        let cli = try dealer()
        try cli.run(
            "customer", "add", "--name", "李强", "--phone", "13900139000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "2", "--vin", "LFV2A21K5P3000123", "--plate", "京B·54321", "--make",
            "Volkswagen",
            "--model", "Jetta", "--usage", "private", "--delivered-at", "2025-03-01 10:00")
        let byPlate = try cli.json("vehicle", "show", "京b 54321") as! [String: Any]
        #expect((byPlate["vehicle"] as? [String: Any])?["vin"] as? String == "LFV2A21K5P3000123")
        let byEnding = try cli.json("warranty", "check", "N3000123") as! [String: Any]
        #expect(byEnding["vin"] as? String == "LFV2A21K3N3000123")
        let ambiguous = try cli.run(["warranty", "check", "3000123"], expect: 1)
        #expect(
            ambiguous.stderr.contains("3000123 fits 2 vehicles: LFV2A21K3N3000123")
                && ambiguous.stderr.contains("give the whole VIN"))
        #expect(try cli.run(["vehicle", "show", "京C99999"], expect: 1).stderr.contains("京C99999"))
        #expect(try cli.run(["vehicle", "show", "12345"], expect: 1).stderr.contains("a plate such as 京A·12345"))
        try cli.run("vehicle", "mileage", "京B54321", "--km", "12000")
        #expect(try cli.run("vehicle", "show", "LFV2A21K5P3000123").stdout.contains("12,000"))
    }

    @Test(
        "W-7, C-8: a draft claim and a logged contact are corrected, audited with the old values; a submitted claim is not"
    )
    func corrections() throws {
        let cli = try dealer()
        let claim =
            try cli.json(
                "claim", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "前制动异响", "--cause", "软管磨损",
                "--labour", "47 11 19 00:1.2") as! [String: Any]
        let id = String(claim["id"] as! Int)
        let edited =
            try cli.json("claim", "edit", id, "--mileage", "30500", "--part", "5Q0 611 701 C:2:1280.00")
            as! [String: Any]
        #expect(edited["mileage"] as? Int == 30_500 && (edited["lines"] as? [Any])?.count == 2)
        // The lines it keeps are written back as typed, without grouping: a price of 1,280.00 reads again.
        try cli.run("claim", "edit", id, "--failure", "前制动异响（路试确认）")
        let claimAudit = try cli.run("audit", "--entity", "claim", "--id", id).stdout.split(
            whereSeparator: \.isWhitespace
        ).joined(separator: " ")
        #expect(claimAudit.contains("mileage: 30000 → 30500"), "\(claimAudit)")
        try cli.run("claim", "submit", id)
        #expect(
            try cli.run(["claim", "edit", id, "--mileage", "1"], expect: 1).stderr.contains(
                "only a draft can be corrected"))

        let contact =
            try cli.json("contact", "log", "--customer", "1", "--channel", "phone", "--outcome", "no-answer")
            as! [String: Any]
        let contactID = String(contact["id"] as! Int)
        let fixed =
            try cli.json("contact", "edit", contactID, "--outcome", "booked", "--note", "周五上午首保") as! [String: Any]
        #expect(fixed["outcome"] as? String == "booked")
        let contactAudit = try cli.run("audit", "--entity", "contact", "--id", contactID).stdout.split(
            whereSeparator: \.isWhitespace)
        #expect(contactAudit.joined(separator: " ").contains("outcome: no-answer → booked"))
    }

    @Test("W-3: an imported parts-warranty term of the make decides how long a part fitted here is covered")
    func importedPartsTerm() throws {
        var cli = try dealer()
        let terms = try cli.folder.write(
            "terms.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
              <WarrantyTerms>
                <PartsWarranty make="Volkswagen" months="24" effective="2020-01-01"/>
              </WarrantyTerms>
            </ManufacturerData>
            """)
        try cli.run(
            "warranty", "part", "LFV2A21K3N3000123", "--number", "06L 115 562 B", "--fitted-on", "2025-03-01",
            "--invoice", "INV-88231")
        cli.now = "2026-09-01T10:00:00+08:00"
        let before =
            try cli.json("warranty", "check", "LFV2A21K3N3000123", "--part", "06L 115 562 B", "--mileage", "90000")
            as! [String: Any]
        #expect(
            (before["decision"] as! [String: Any])["covered"] as? Bool == false,
            "18 months after fitting, past the setting's 12")
        #expect(try Binaries.run("aftersales-import", [terms, "--db", cli.database]).status == 0)
        let after =
            try cli.json("warranty", "check", "LFV2A21K3N3000123", "--part", "06L 115 562 B", "--mileage", "90000")
            as! [String: Any]
        let decision = after["decision"] as! [String: Any]
        #expect(decision["covered"] as? Bool == true && decision["coveredBy"] as? String == "part warranty (W-3)")
    }

    @Test("Bad warranty input exits non-zero naming the field, and leaves sqlite3 .dump identical")
    func badInput() throws {
        let cli = try dealer()
        let before = try Binaries.dump(cli.database)
        let cases: [([String], String)] = [
            (["warranty", "check", "LFV2A21K5N3000124"], "LFV2A21K5N3000124"),
            (["warranty", "check", "LFV2A21K3N3000123", "--on", "2024-05-01"], "on"),
            (["warranty", "exclusion", "LFV2A21K3N3000123", "--kind", "accident"], "source"),
            (
                [
                    "warranty", "part", "LFV2A21K3N3000123", "--number", "X", "--fitted-on", "2026-01-01", "--invoice",
                    " ",
                ], "invoice"
            ),
            (
                ["warranty", "visit", "LFV2A21K3N3000123", "--on", "2026-01-01", "--km", "5000", "--independent"],
                "proof"
            ),
            (
                [
                    "warranty", "terms", "--set", "--make", "VW", "--usage", "taxi", "--months", "0", "--km", "1000",
                    "--effective", "2020-01-01",
                ], "months"
            ),
            (
                [
                    "bulletins", "add", "--number", "RC-2026-017", "--kind", "recall", "--issued", "2026-10-12",
                    "--title", "改", "--component", "制动系统",
                    "--summary", "s", "--remedy", "r", "--model", "Volkswagen:Sagitar",
                ], "revision"
            ),
            (
                [
                    "bulletins", "add", "--number", "X-1", "--kind", "recall", "--issued", "2026-10-12", "--title", "t",
                    "--component", "c", "--summary", "s", "--remedy", "r",
                ], "applies"
            ),
            (
                [
                    "bulletins", "add", "--number", "X-2", "--kind", "recall", "--issued", "2026-10-12", "--title", "t",
                    "--component", "c", "--summary", "s", "--remedy", "r",
                    "--vin-range", "LFV2A21K0N3099999:LFV2A21K0N3000001",
                ], "vinRange"
            ),
            (["bulletins", "complete", "NOPE", "--vin", "LFV2A21K3N3000123"], "NOPE"),
            (
                [
                    "claims", "create", "LFV2A21K3N3000123", "--mileage", "70000", "--failure", "f", "--cause", "c",
                    "--labour", "A:1",
                ], "not covered"
            ),
            (
                [
                    "claims", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "f", "--cause", "c",
                    "--labour", "A",
                ], "labour"
            ),
            (["claims", "submit", "99"], "claim 99"),
            (["claims", "reject", "99"], "reason"),
        ]
        for (arguments, field) in cases {
            let result = try cli.run(arguments, expect: 1)
            #expect(
                result.stderr.contains(field), "aftersales \(arguments.joined(separator: " ")) said: \(result.stderr)")
            #expect(
                try Binaries.dump(cli.database) == before,
                "aftersales \(arguments.joined(separator: " ")) changed the database")
        }
        // Issue 14: a value outside a closed set or its format is a usage error (64) naming the option.
        let usage: [([String], String)] = [
            (["warranty", "exclusion", "LFV2A21K3N3000123", "--kind", "meteor", "--source", "x"], "--kind"),
            (["warranty", "check", "LFV2A21K3N3000123", "--on", "someday"], "--on"),
        ]
        for (arguments, option) in usage {
            let result = try cli.run(arguments, expect: 64)
            let command = "aftersales \(arguments.joined(separator: " "))"
            #expect(result.stderr.contains(option), "\(command) said: \(result.stderr)")
            #expect(try Binaries.dump(cli.database) == before, "\(command) changed the database")
        }
    }

    @Test(
        "bulletins add --file stores a manufacturer file's bulletins in one transaction; a DOCTYPE (XXE) file changes nothing"
    )
    func addFromFile() throws {
        let cli = try dealer()
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
              <Bulletins>
                <Bulletin number="CP-2026-031" kind="campaign" revision="1" issued="2026-11-01">
                  <Title>仪表软件升级</Title><Component>电气系统</Component><Summary>升级组合仪表软件</Summary><Remedy>刷新软件</Remedy>
                  <Applies><Vin>LFV2A21K3N3000123</Vin></Applies>
                </Bulletin>
                <Bulletin number="TSB-2026-9" kind="tsb" revision="1" issued="2026-11-01">
                  <Title>空调异响</Title><Component>空调系统</Component><Summary>压缩机支架</Summary><Remedy>紧固</Remedy>
                  <Applies><Model make="Volkswagen" name="Sagitar"/></Applies>
                </Bulletin>
              </Bulletins>
            </ManufacturerData>
            """
        let file = try cli.folder.write("bulletins.xml", document)
        let stored = try cli.json("bulletins", "add", "--file", file) as! [[String: Any]]
        #expect(((stored[0]["sections"] as! [String: Any])["Bulletins"] as! [String: Int])["added"] == 2)
        let open = try cli.json("bulletins", "list", "--vin", "LFV2A21K3N3000123", "--open") as! [[String: Any]]
        #expect(Set(open.map { $0["number"] as! String }) == ["RC-2026-017", "CP-2026-031"])
        let again = try cli.json("bulletins", "add", "--file", file) as! [[String: Any]]
        #expect(((again[0]["sections"] as! [String: Any])["Bulletins"] as! [String: Int])["unchanged"] == 2)
        #expect(again[0]["outcome"] as? String == "unchanged")

        let before = try Binaries.dump(cli.database)
        let xxe = try cli.folder.write(
            "xxe.xml",
            """
            <?xml version="1.0"?>
            <!DOCTYPE ManufacturerData [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="X" issued="2026-11-01T08:00:00+08:00"><Bulletins/></ManufacturerData>
            """)
        let refused = try cli.run(["bulletins", "add", "--file", xxe], expect: 1)
        #expect(refused.stderr.contains("\(xxe):2:1: a DOCTYPE is not allowed"))
        // A file whose second bulletin is bad stores neither.
        let half = try cli.folder.write(
            "half.xml",
            document.replacingOccurrences(of: "CP-2026-031", with: "CP-2026-032")
                .replacingOccurrences(of: "<Remedy>紧固</Remedy>", with: ""))
        #expect(try cli.run(["bulletins", "add", "--file", half], expect: 1).stderr.contains("Remedy"))
        #expect(try Binaries.dump(cli.database) == before)
    }
}
