import Foundation
import Testing
import Core
import Catalog
import Warranty
import ManufacturerData
import ManufacturerXML
import Storage
import TestSupport
@testable import ManufacturerImport

/// The import of manufacturer files (MANUFACTURER-XML.md) into a real database file.
@Suite("Manufacturer XML import")
struct ManufacturerImportTests {
    static let corpus = Bundle.module.resourceURL!.appendingPathComponent("Corpus")
    static var good: String { corpus.appendingPathComponent("good.xml").path }

    /// A database file with a fixed clock, and the good file imported when asked.
    static func database(_ folder: TemporaryDirectory, withGoodFile: Bool = true) throws -> (AppDatabase, String) {
        let path = folder.path("m.sqlite")
        let db = try AppDatabase.open(path: path, create: true, clock: FixedClock(instant("2026-11-20T10:00:00+08:00")))
        if withGoodFile {
            let report = ManufacturerImporter.importFile(path: good, into: db, actor: "it-zhang")
            #expect(report.outcome == .imported, "\(report.errors) \(report.rejected)")
        }
        return (db, path)
    }

    static func counts(_ report: FileReport, _ section: Section) -> SectionCounts {
        report.sections[section.rawValue] ?? SectionCounts()
    }

    @Test(
        "Every section is stored through the storage layer: bulletins, labour operations, parts, warranty terms, vehicles"
    )
    func goodFile() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try Self.database(folder, withGoodFile: false)
        let report = ManufacturerImporter.importFile(path: Self.good, into: db, actor: "it-zhang")
        #expect(report.outcome == .imported && report.importRun != nil)
        #expect(
            Self.counts(report, .bulletins).added == 2 && Self.counts(report, .labourOperations).added == 2
                && Self.counts(report, .parts).added == 2)
        #expect(Self.counts(report, .warrantyTerms).added == 3 && Self.counts(report, .vehicles).added == 2)
        // L-2: the 24-month private term is below the legal 36 months: stored, flagged.
        #expect(report.warnings.contains { $0.contains("L-2") && $0.contains("good.xml:48:") })
        #expect(try db.bulletinReport(number: "RC-2026-017").bulletin.title == "前制动软管可能磨损")
        #expect(
            try db.bulletins(forVIN: VIN(trusted: "LFV2A21K3N3000123")).contains {
                $0.number == "RC-2026-017" && $0.open
            })
        #expect(try db.labourOperations().first { $0.code == "10 11 00 00" }?.description == "更换发动机机油及机油滤清器")
        #expect(try db.part(number: "5Q0 611 701 C").part.price == Money(fen: 12_850))
        #expect(
            try db.partsWarrantyTerms() == [
                PartsWarrantyTerm(make: "Volkswagen", months: 12, effective: LocalDate("2020-01-01")!)
            ])
        #expect(
            try db.warrantyTerms().contains {
                $0.term.make == "Volkswagen" && $0.term.usage == .taxi && $0.term.kilometres == 100_000
            })
        #expect(try db.importRun(id: report.importRun!).checksum == report.checksum)
    }

    @Test("Importing the same file twice changes nothing the second time and reports everything unchanged")
    func idempotent() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try Self.database(folder)
        let before = try Binaries.dump(path)
        let again = ManufacturerImporter.importFile(path: Self.good, into: db, actor: "it-li")
        #expect(again.outcome == .unchanged && again.importRun == nil && again.sameChecksumAs != nil)
        for section in Section.allCases {
            #expect(Self.counts(again, section).unchanged == Self.counts(again, section).read, "\(section)")
        }
        #expect(try Binaries.dump(path) == before)
    }

    @Test(
        "Every bad file of the corpus is refused with its line, column and reason, and the database stays identical",
        arguments: try! String(contentsOf: corpus.appendingPathComponent("expected.tsv"), encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init))
    func badFile(_ line: String) throws {
        let fields = line.split(separator: "\t").map(String.init)
        let (name, errorLine, errorColumn, says) = (fields[0], Int(fields[1])!, Int(fields[2])!, fields[3])
        let folder = try TemporaryDirectory()
        let (db, path) = try Self.database(folder)
        let before = try Binaries.dump(path)
        let file = Self.corpus.appendingPathComponent("bad").appendingPathComponent(name).path
        for keepValid in [false, true]
        where !(keepValid && ["revision-conflict.xml", "same-bulletin-twice.xml", "range-reversed.xml"].contains(name))
        {
            let report = ManufacturerImporter.importFile(
                path: file, into: db, actor: "it-li", options: ImportOptions(keepValid: keepValid))
            let errors = report.errors + report.rejected.flatMap(\.errors)
            let located = errors.first {
                $0.hasPrefix("\(file):\(errorLine):\(errorColumn == 0 ? "" : "\(errorColumn):")") && $0.contains(says)
            }
            #expect(located != nil, "\(name): \(errors)")
            #expect(!errors.joined().contains("root:x:0:0"), "\(name) leaked a local file")
            if !keepValid { #expect(report.outcome == .rejected && !report.written, "\(name)") }
        }
        #expect(try Binaries.dump(path) == before, "\(name) changed the database")
        // validate says the same without a database.
        let checked = ManufacturerImporter.validate(path: file)
        if name != "revision-conflict.xml" {
            #expect(
                checked.outcome == .rejected
                    && (checked.errors + checked.rejected.flatMap(\.errors)).contains { $0.contains(says) }, "\(name)")
        }
    }

    @Test(
        "Revisions: higher replaces (history kept, completions survive), lower is skipped as stale, withdrawn stops applying"
    )
    func revisions() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try Self.database(folder)
        let vin = VIN(trusted: "LFV2A21K3N3000123")
        _ = try db.completeBulletin(
            number: "RC-2026-017", vin: vin, on: LocalDate("2026-11-19")!, workRef: "RO-1", actor: "advisor")
        let good = try String(contentsOfFile: Self.good, encoding: .utf8)
        let revised = try folder.write(
            "r3.xml",
            good.replacingOccurrences(of: "revision=\"2\"", with: "revision=\"3\"")
                .replacingOccurrences(of: "<Title>前制动软管可能磨损</Title>", with: "<Title>前制动软管可能磨损（修订）</Title>"))
        let r3 = ManufacturerImporter.importFile(path: revised, into: db, actor: "it-li")
        #expect(Self.counts(r3, .bulletins).replaced == 1 && Self.counts(r3, .bulletins).unchanged == 1)
        let report = try db.bulletinReport(number: "RC-2026-017")
        #expect(report.revisions == [2, 3] && report.bulletin.title.hasSuffix("（修订）") && report.completed == 1)

        let stale = ManufacturerImporter.importFile(path: Self.good, into: db, actor: "it-li")
        #expect(
            Self.counts(stale, .bulletins).skipped == 1
                && stale.warnings.contains { $0.contains("older than the stored revision 3") })

        let withdrawn = try folder.write(
            "r4.xml",
            good.replacingOccurrences(
                of: "revision=\"2\" issued=\"2026-10-12\" status=\"active\"",
                with: "revision=\"4\" issued=\"2026-11-01\" status=\"withdrawn\""))
        #expect(ManufacturerImporter.importFile(path: withdrawn, into: db, actor: "it-li").outcome == .imported)
        #expect(try db.bulletins(forVIN: vin).contains { $0.number == "RC-2026-017" } == false)
        #expect(try db.bulletinReport(number: "RC-2026-017").revisions == [2, 3, 4])
    }

    @Test("Same revision, same content in another shape (attribute order, whitespace, Applies order) is unchanged")
    func sameContentOtherBytes() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try Self.database(folder)
        let before = try Binaries.dump(path)
        let good = try String(contentsOfFile: Self.good, encoding: .utf8)
        let reshaped =
            good
            .replacingOccurrences(
                of:
                    "<Model make=\"Volkswagen\" name=\"Sagitar\" yearFrom=\"2022\" yearTo=\"2024\"/>\n        <Built from=\"2022-03-01\" to=\"2023-06-30\"/>",
                with:
                    "<Built to=\"2023-06-30\"   from=\"2022-03-01\"/>\n<Model   name=\"Sagitar\" make=\"Volkswagen\" yearTo=\"2024\" yearFrom=\"2022\"/>"
            )
            .replacingOccurrences(of: "<Title>前制动软管可能磨损</Title>", with: "<Title>\n   前制动软管可能磨损\n</Title>")
        #expect(reshaped != good)
        let report = ManufacturerImporter.importFile(
            path: try folder.write("reshaped.xml", reshaped), into: db, actor: "it-li")
        #expect(report.outcome == .unchanged, "\(report.rejected) \(report.errors)")
        #expect(try Binaries.dump(path) == before)
    }

    @Test("A changed part price is kept with the day it took effect; an older file does not override a newer price")
    func priceHistory() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try Self.database(folder)
        let good = try String(contentsOfFile: Self.good, encoding: .utf8)
        let dearer = good.replacingOccurrences(of: "price=\"86.00\"", with: "price=\"91.50\"")
            .replacingOccurrences(
                of: "issued=\"2026-11-01T08:00:00+08:00\"", with: "issued=\"2026-12-01T08:00:00+08:00\"")
        let report = ManufacturerImporter.importFile(
            path: try folder.write("dearer.xml", dearer), into: db, actor: "it-li")
        #expect(Self.counts(report, .parts).replaced == 1 && Self.counts(report, .parts).unchanged == 1)
        let (part, history) = try db.part(number: "06L 115 562 B")
        #expect(part.price == Money(fen: 9_150))
        #expect(history.map(\.effective) == [LocalDate("2026-11-01")!, LocalDate("2026-12-01")!])
        #expect(
            PartPrice.inForce(on: LocalDate("2026-11-15")!, among: history)?.price == Money(fen: 8_600),
            "a quote of mid-November keeps the old price")
        let older = good.replacingOccurrences(of: "price=\"86.00\"", with: "price=\"80.00\"")
            .replacingOccurrences(
                of: "issued=\"2026-11-01T08:00:00+08:00\"", with: "issued=\"2026-10-01T08:00:00+08:00\"")
        let late = ManufacturerImporter.importFile(path: try folder.write("older.xml", older), into: db, actor: "it-li")
        #expect(
            Self.counts(late, .parts).skipped == 1
                && late.warnings.contains { $0.contains("older than the stored one") })
        #expect(try db.part(number: "06L 115 562 B").part.price == Money(fen: 9_150))
    }

    @Test(
        "T-2: a file without its issue day prices its parts from the import's day, by the injected clock and zone",
        arguments: [("Asia/Shanghai", "2026-03-02"), ("America/Los_Angeles", "2026-03-01")])
    func effectiveDayByTheClock(zone: String, day: String) throws {
        let folder = try TemporaryDirectory()
        // 2026-03-01T17:00Z is 01:00 on 2026-03-02 in Shanghai and 09:00 on 2026-03-01 in Los Angeles.
        let db = try AppDatabase.open(
            path: folder.path("m.sqlite"), create: true,
            clock: FixedClock(instant("2026-03-01T17:00:00Z")))
        _ = try db.setSetting("time.zone", to: zone, actor: "it-zhang")
        let good = try String(contentsOfFile: Self.good, encoding: .utf8)
        let issued = #" issued="2026-11-01T08:00:00+08:00""#
        // The stored price took effect on 2026-03-03, the issue day of the file that brought it.
        let stored = good.replacingOccurrences(of: issued, with: #" issued="2026-03-03T08:00:00+08:00""#)
        let first = ManufacturerImporter.importFile(path: try folder.write("stored.xml", stored), into: db, actor: "it")
        #expect(first.outcome == .imported, "\(first.errors)")
        // A file without `issued` is refused (the schema requires it), but its parts are priced on the way: from
        // the import's day, which is older than the stored price's, so the warning names that day.
        let undated = good.replacingOccurrences(of: issued, with: "").replacingOccurrences(
            of: #"price="86.00""#,
            with: #"price="91.50""#)
        let report = ManufacturerImporter.importFile(
            path: try folder.write("undated.xml", undated), into: db,
            actor: "it")
        #expect(report.outcome == .rejected && report.errors.contains { $0.contains("issued") }, "\(report.errors)")
        let older =
            "part 06L 115 562 B: this file's price (91.50 CNY from \(day)) is older than the stored one "
            + "(from 2026-03-03)"
        #expect(report.warnings.contains { $0.contains(older) }, "\(report.warnings)")
    }

    @Test("--keep-valid stores the valid items and lists every rejected one; without it nothing is written")
    func keepValid() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try Self.database(folder, withGoodFile: false)
        let good = try String(contentsOfFile: Self.good, encoding: .utf8)
        let mixed = try folder.write(
            "mixed.xml",
            good
                .replacingOccurrences(of: "<Vin>LFV2A21KXN3100123</Vin>", with: "<Vin>LFV2A21K1N31OO123</Vin>")
                .replacingOccurrences(of: "price=\"128.50\"", with: "price=\"-1\""))
        let before = try Binaries.dump(path)
        let strict = ManufacturerImporter.importFile(path: mixed, into: db, actor: "it-li")
        #expect(strict.outcome == .rejected && strict.rejected.count == 2)
        #expect(try Binaries.dump(path) == before)
        let kept = ManufacturerImporter.importFile(
            path: mixed, into: db, actor: "it-li", options: ImportOptions(keepValid: true))
        #expect(kept.outcome == .partlyImported && kept.written)
        #expect(kept.rejected.map(\.item) == ["bulletin RC-2026-017", "part 5Q0 611 701 C"])
        #expect(Self.counts(kept, .bulletins).added == 1 && Self.counts(kept, .bulletins).rejected == 1)
        #expect(Self.counts(kept, .parts).added == 1 && Self.counts(kept, .parts).rejected == 1)
        #expect(throws: NotFound.self) { try db.bulletinReport(number: "RC-2026-017") }
        #expect(try db.bulletinReport(number: "EX-2026-003").bulletin.extensionMonths == 120)
    }

    /// A file of bulletins each listing `badVINs[i]` VINs that break the VIN pattern, each VIN on a line of its own
    /// (one problem each), then a valid part.
    static func badVINFile(_ folder: TemporaryDirectory, badVINs: [Int]) throws -> String {
        var text = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        text += #"<ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" "#
        text += #"issued="2026-11-01T08:00:00+08:00">"# + "\n  <Bulletins>\n"
        for (index, count) in badVINs.enumerated() {
            text += #"    <Bulletin number="B-\#(index)" kind="recall" revision="1" issued="2026-10-12">"# + "\n"
            text += "      <Title>t</Title><Component>制动系统</Component><Summary>s</Summary><Remedy>r</Remedy>\n"
            text += "      <Applies>\n"
            for k in 0..<count { text += "        <Vin>LFV2A21K1N3O\(String(format: "%05d", k))</Vin>\n" }
            text += "      </Applies>\n    </Bulletin>\n"
        }
        text += "  </Bulletins>\n  <Parts>\n"
        text += #"    <Part number="06L 115 562 B" price="86.00" currency="CNY"><Name>机油滤清器</Name></Part>"#
        text += "\n  </Parts>\n</ManufacturerData>\n"
        return try folder.write("bad-vins.xml", text)
    }

    @Test(
        "Rejected items go out as they are found; the report keeps exact counts, the first 1,000 items, 5 problems each"
    )
    func rejectionsStreamed() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try Self.database(folder, withGoodFile: false)
        // Three bulletins with more problems than the reader lists (100), then more items than the report keeps.
        let kept = ManufacturerImporter.rejectedItemsKept
        let file = try Self.badVINFile(folder, badVINs: [120, 150, 101] + Array(repeating: 1, count: kept + 10))
        var streamed: [RejectedItemReport] = []
        let report = ManufacturerImporter.importFile(
            path: file, into: db, actor: "it", options: ImportOptions(keepValid: true),
            rejections: { streamed.append($0) })
        #expect(report.outcome == .partlyImported && Self.counts(report, .parts).added == 1)
        // Counts are exact.
        #expect(Self.counts(report, .bulletins).rejected == kept + 13 && report.rejectedCount == kept + 13)
        #expect(streamed.map(\.problemCount) == [120, 150, 101] + Array(repeating: 1, count: kept + 10))
        // Every item went out whole, as the reader lists it: the first 100 problems and a line counting the rest.
        #expect(streamed.map(\.errors.count) == [101, 101, 101] + Array(repeating: 1, count: kept + 10))
        #expect(streamed[1].errors.last?.hasSuffix("… and 50 more problems in bulletin B-1") == true)
        // B-0 takes lines 4 to 128 (its 120 VINs on 7 to 126); B-1's VINs start on line 132.
        #expect(streamed[1].errors[99].hasPrefix("\(file):231:"), "the 100th bad VIN of B-1: \(streamed[1].errors[99])")
        // Memory keeps the first items, and of each its first problems.
        #expect(report.rejected.count == kept)
        #expect(report.rejected.allSatisfy { $0.errors.count <= ManufacturerImporter.problemsKeptPerItem })
        #expect(report.rejected.map(\.item) == streamed.prefix(kept).map(\.item))
        #expect(report.rejected[1].errors == Array(streamed[1].errors.prefix(5)))
        #expect(report.rejected[1].problemCount == 150)
    }

    @Test("--dry-run reports exact counts and writes nothing")
    func dryRun() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try Self.database(folder, withGoodFile: false)
        let before = try Binaries.dump(path)
        let report = ManufacturerImporter.importFile(
            path: Self.good, into: db, actor: "it-li", options: ImportOptions(dryRun: true))
        #expect(report.outcome == .wouldImport && !report.written && Self.counts(report, .bulletins).added == 2)
        #expect(try Binaries.dump(path) == before)
    }

    @Test(
        "--dry-run reports what the import then does, item for item, and writes nothing: new, replaced, unchanged and conflicting VIN lists"
    )
    func dryRunMatchesImport() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try Self.database(folder, withGoodFile: false)
        let good = try String(contentsOfFile: Self.good, encoding: .utf8)
        let vins = (0..<(ManufacturerReader.vinBatchSize + 5)).map { "<Vin>LFV2A21K0N3\(String(200_000 + $0))</Vin>" }
        // Revision 3 lists VINs only (its other criteria gone), so a bulletin stands on its VIN list alone.
        let onlyVINs = good.replacingOccurrences(of: #"revision="2""#, with: #"revision="3""#)
            .replacingOccurrences(
                of: #"<Model make="Volkswagen" name="Sagitar" yearFrom="2022" yearTo="2024"/>"#, with: ""
            )
            .replacingOccurrences(of: #"<VinRange from="LFV2A21K0N3000001" to="LFV2A21K0N3099999"/>"#, with: "")
            .replacingOccurrences(of: #"<Built from="2022-03-01" to="2023-06-30"/>"#, with: "")
        let files = [
            Self.good,
            try folder.write(
                "listed.xml",
                onlyVINs.replacingOccurrences(of: "<Vin>LFV2A21KXN3100123</Vin>", with: vins.joined(separator: "\n"))),
            try folder.write(
                "again.xml",
                onlyVINs.replacingOccurrences(
                    of: "<Vin>LFV2A21KXN3100123</Vin>", with: vins.reversed().joined(separator: "\n"))),
            try folder.write(
                "shorter.xml",
                onlyVINs.replacingOccurrences(
                    of: "<Vin>LFV2A21KXN3100123</Vin>", with: vins.dropFirst().joined(separator: "\n"))),
        ]
        for file in files {
            let before = try Binaries.dump(path)
            let dry = ManufacturerImporter.importFile(
                path: file, into: db, actor: "it-li", options: ImportOptions(dryRun: true))
            #expect(try Binaries.dump(path) == before, "\(file)")
            let real = ManufacturerImporter.importFile(path: file, into: db, actor: "it-li")
            #expect(
                dry.sections == real.sections && dry.rejected == real.rejected && dry.warnings == real.warnings,
                "\(file)")
            #expect(
                !dry.written && (real.outcome == .rejected) == (dry.outcome == .rejected),
                "\(file): \(dry.outcome) / \(real.outcome)")
        }
        #expect(try db.bulletinReport(number: "RC-2026-017").vinListSize == vins.count)
    }

    @Test(
        "VIN batches round-trip through the spill file in order, and the file starts over once everything written was done with (read back or not)"
    )
    func vinSpill() throws {
        let spill = try VINSpill(for: "m.xml")
        let first = (0..<5).map { VIN(trusted: "LFV2A21K0N3\(200_000 + $0)") },
            second = [VIN(trusted: "LSVAB2180N2123456")]
        let a = try #require(try spill.write(first)), b = try #require(try spill.write(second))
        #expect(try spill.read(a) == first && b.offset == 5 * 17)
        spill.release(a)
        // Not everything written is done with: the next batch goes after it.
        let c = try #require(try spill.write(second))
        #expect(c.offset == 6 * 17)
        #expect(try spill.read(b) == second && spill.read(c) == second)
        spill.release(b)
        spill.release(c)
        // Everything was done with (read back or not): the next batch starts at the beginning again.
        let d = try #require(try spill.write(first))
        #expect(d.offset == 0)
        #expect(try spill.read(d) == first)
        #expect(try spill.write([VIN(trusted: "SHORT")]) == nil, "only 17-byte VINs are spilled")
    }

    @Test(
        "A big VIN list streams in: a re-import with one VIN fewer is a revision conflict, the same list is unchanged")
    func bigVINList() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try Self.database(folder, withGoodFile: false)
        let count = ManufacturerReader.vinBatchSize * 3 + 11
        let vins = (0..<count).map { "<Vin>LFV2A21K0N3\(String(200_000 + $0))</Vin>" }
        let good = try String(contentsOfFile: Self.good, encoding: .utf8)
        func file(_ name: String, _ list: [String]) throws -> String {
            try folder.write(
                name, good.replacingOccurrences(of: "<Vin>LFV2A21KXN3100123</Vin>", with: list.joined(separator: "\n")))
        }
        let full = try file("full.xml", vins)
        #expect(ManufacturerImporter.importFile(path: full, into: db, actor: "it").outcome == .imported)
        #expect(try db.bulletinReport(number: "RC-2026-017").vinListSize == count)
        let before = try Binaries.dump(path)
        #expect(
            ManufacturerImporter.importFile(path: try file("shuffled.xml", vins.reversed()), into: db, actor: "it")
                .outcome == .unchanged)
        let shorter = ManufacturerImporter.importFile(
            path: try file("shorter.xml", Array(vins.dropLast())), into: db, actor: "it")
        #expect(
            shorter.outcome == .rejected
                && shorter.rejected.first?.errors.first?.contains("already stored with other content") == true)
        #expect(try Binaries.dump(path) == before)
    }
}
