import DemoGenerator
import Foundation
import Storage
import TestSupport
import Testing

/// `aftersales-import`, run as the real binary the dealer's IT person scripts.
@Suite("aftersales-import (real binary)", .serialized)
struct AftersalesImportTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ManufacturerImportTests/Corpus")
    static var good: String { corpus.appendingPathComponent("good.xml").path }
    static func bad(_ name: String) -> String { corpus.appendingPathComponent("bad/\(name)").path }

    let folder: TemporaryDirectory
    let database: String

    init() throws {
        folder = try TemporaryDirectory()
        database = folder.path("dealer.sqlite")
        #expect(try Binaries.run("aftersales", ["init", "--db", database]).status == 0)
    }

    func importer(_ arguments: [String], expect status: Int32) throws -> ProcessResult {
        let result = try Binaries.run(
            "aftersales-import", arguments + ["--db", database, "--actor", "it-zhang"],
            environment: ["AFTERSALES_NOW": "2026-11-20T10:00:00+08:00"])
        #expect(result.status == status, "aftersales-import \(arguments): \(result.stderr)")
        return result
    }

    @Test(
        "Exit status: 0 imported, 1 rejected, 3 when some of several files are rejected or --keep-valid rejected items, 64 usage"
    )
    func exitStatus() throws {
        let first = try importer([Self.good], expect: 0)
        #expect(first.stdout.contains("imported (import #1, one transaction)"))
        #expect(!first.stderr.contains("MB/s"), "no progress without a terminal")
        let again = try importer([Self.good], expect: 0)
        #expect(
            again.stdout.contains("unchanged since import #1 of 2026-11-20 10:00: nothing to do"), "\(again.stdout)")

        let before = try Binaries.dump(database)
        let rejected = try importer([Self.bad("bad-vin.xml")], expect: 1)
        #expect(rejected.stderr.contains("\(Self.bad("bad-vin.xml")):14:31: Element 'Vin'"))
        #expect(try Binaries.dump(database) == before)

        // Two files, one bad: the good one (a new revision) is imported, the bad one is not; exit 3.
        let revised = try folder.write(
            "r3.xml",
            try String(contentsOfFile: Self.good, encoding: .utf8)
                .replacingOccurrences(of: "revision=\"2\"", with: "revision=\"3\"").replacingOccurrences(
                    of: "<Remedy>检查并更换前制动软管</Remedy>", with: "<Remedy>更换</Remedy>"))
        let report = folder.path("report.json")
        let mixed = try importer([revised, Self.bad("truncated.xml"), "--report", report], expect: 3)
        #expect(mixed.stdout.contains("rejected: nothing written"))
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as! [[String: Any]]
        #expect(json.map { $0["outcome"] as! String } == ["imported", "rejected"])
        #expect(((json[0]["sections"] as! [String: Any])["Bulletins"] as! [String: Int])["replaced"] == 1)

        let keep = try folder.write(
            "keep.xml",
            try String(contentsOfFile: Self.good, encoding: .utf8).replacingOccurrences(
                of: "price=\"128.50\"", with: "price=\"0\""
            )
            .replacingOccurrences(of: "price=\"86.00\"", with: "price=\"99.00\""))
        let partly = try importer(["--keep-valid", keep], expect: 3)
        #expect(partly.stderr.contains("keep.xml:42:5:") && partly.stdout.contains("partly imported"))

        _ = try importer([], expect: 64)
        _ = try importer(["--no-such-option", Self.good], expect: 64)
        let missing = try importer([folder.path("missing.xml")], expect: 1)
        #expect(missing.stderr.contains("missing.xml:0:0: cannot read the file"))
    }

    @Test(
        "validate checks a file (plain or .gz) without a database; imports list|show keep file, checksum, actor and counts"
    )
    func validateAndHistory() throws {
        let gz = folder.path("good.xml.gz")
        #expect(try Binaries.run("/bin/sh", ["-c", "gzip -c '\(Self.good)' > '\(gz)'"]).status == 0)
        #expect(try Binaries.run("aftersales-import", ["validate", gz]).stdout.contains("valid"))
        let invalid = try Binaries.run("aftersales-import", ["validate", Self.bad("range-reversed.xml")])
        #expect(invalid.status == 1 && invalid.stderr.contains("range-reversed.xml:13:9: VinRange"))
        _ = try importer([gz], expect: 0)
        let list = try Binaries.run("aftersales", ["imports", "list", "--db", database, "--format", "json"])
        let runs = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as! [[String: Any]]
        #expect(runs.first?["kind"] as? String == "manufacturer-data" && runs.first?["actor"] as? String == "it-zhang")
        let show = try Binaries.run(
            "aftersales", ["imports", "show", String(runs.first!["id"] as! Int), "--db", database])
        #expect(
            show.stdout.contains("Vehicles") && show.stdout.contains("2 added")
                && show.stdout.contains(runs.first!["checksum"] as! String))
    }

    @Test(
        "The benchmark's shapes: VIN lists only, or mostly master-data vehicles; valid against the XSD",
        arguments: [ManufacturerFileGenerator.Shape.vins, .vehicles])
    func fileShapes(_ shape: ManufacturerFileGenerator.Shape) throws {
        let file = folder.path("\(shape.rawValue).xml")
        var generator = ManufacturerFileGenerator(megabytes: 2, shape: shape)
        var text = ""
        generator.write { text += $0 }
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        #expect((1_700_000...2_300_000).contains(text.utf8.count), "about 2 MB: \(text.utf8.count)")
        let schema = Self.corpus.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Docs/schemas/manufacturer-data.xsd").path
        let xmllint = try Binaries.run("/usr/bin/xmllint", ["--stream", "--noout", "--schema", schema, file])
        #expect(xmllint.status == 0, "\(xmllint.stderr)")
        let imported = try importer(["--quiet", "--format", "json", file], expect: 0)
        let sections = try #require(
            (try JSONSerialization.jsonObject(with: Data(imported.stdout.utf8)) as? [[String: Any]])?.first?["sections"]
                as? [String: [String: Int]])
        let vins = text.components(separatedBy: "<Vin>").count - 1
        switch shape {
        case .vins:
            #expect(sections["Bulletins"]?["added"] == 54 && sections["Vehicles"]?["read"] ?? 0 == 0)
            #expect(vins == 54_000)
        default:
            #expect(sections["Vehicles"]?["added"] == 20_000 && sections["Bulletins"]?["added"] == 4)
            #expect(vins == 0)
        }
    }

    @Test(
        "Rejected items are printed as found, each with its first 5 problems; --report lists every item whole"
    )
    func rejectedItemsStreamed() throws {
        // 50 bulletins, each listing 120 VINs that break the VIN pattern: every bulletin is rejected.
        let bad = folder.path("bad-vins.xml")
        var generator = ManufacturerFileGenerator(megabytes: 1, badVINsPerBulletin: 120)
        var text = ""
        generator.write { text += $0 }
        try Data(text.utf8).write(to: URL(fileURLWithPath: bad))
        let report = folder.path("report.json")
        let result = try importer(["--keep-valid", "--report", report, "--format", "json", bad], expect: 3)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.filter { $0.contains("Element 'Vin'") }.count == 50 * 5, "5 problems shown a bulletin")
        #expect(lines.filter { $0.hasSuffix("… 115 more problems in bulletin B-2026000049") }.count == 1)
        // The report file: every bulletin with the problems the reader lists (100, then a line counting the rest).
        let files =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: report))) as! [[String: Any]]
        let rejected = files[0]["rejected"] as! [[String: Any]]
        #expect(rejected.count == 50 && files[0]["rejectedCount"] as? Int == 50)
        #expect(rejected.allSatisfy { ($0["errors"] as! [String]).count == 101 && $0["problemCount"] as? Int == 120 })
        #expect(files[0]["outcome"] as? String == "partly imported")
        // Standard output's JSON: the counts, and of each item its first problems.
        let printed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        let listed = printed[0]["rejected"] as! [[String: Any]]
        #expect(listed.count == 50 && listed.allSatisfy { ($0["errors"] as! [String]).count == 5 })
    }

    @Test(
        "Killed with SIGKILL in the middle of a 15 MB import, the database passes integrity_check and equals the state before"
    )
    func killedImport() throws {
        _ = try importer([Self.good], expect: 0)
        let big = folder.path("national.xml")
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: big))
        var generator = ManufacturerFileGenerator(megabytes: 18)
        generator.write { handle.write(Data($0.utf8)) }
        try handle.close()
        let size = try FileManager.default.attributesOfItem(atPath: big)[.size] as! Int
        #expect((10_000_000...20_000_000).contains(size))
        let before = try Binaries.dump(database)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Binaries.path("aftersales-import"))
        process.arguments = [big, "--db", database, "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Mid-import: the transaction has written well into the write-ahead log.
        let wal = database + "-wal"
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline,
            ((try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0) < 4_000_000
        {
            usleep(20_000)
        }
        #expect(process.isRunning, "the import finished before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(
            try Binaries.run("/usr/bin/sqlite3", [database, "PRAGMA integrity_check"]).stdout.trimmingCharacters(
                in: .whitespacesAndNewlines) == "ok")
        #expect(try Binaries.dump(database) == before)
        // The killed import left no mark: the file is read and imported whole.
        let again = try importer([big, "--quiet"], expect: 0)
        #expect(again.stdout.contains("imported (import #2"), "\(again.stdout)")
    }
}
