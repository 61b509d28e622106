import Foundation
import Testing
import Core
import Warranty
import ManufacturerData
import Storage
import TestSupport
@testable import ManufacturerImport

/// A file imported before is not read again while nothing of the manufacturer's data has changed since; when
/// something has, it is compared item by item as any file is.
@Suite("Re-importing an unchanged file")
struct UnchangedFileTests {
    typealias Imports = ManufacturerImportTests

    /// The good file imported once, and that import's id.
    static func imported(_ folder: TemporaryDirectory) throws -> (AppDatabase, String, Int64) {
        let (db, path) = try Imports.database(folder, withGoodFile: false)
        let first = ManufacturerImporter.importFile(path: Imports.good, into: db, actor: "it-zhang")
        #expect(first.outcome == .imported)
        return (db, path, try #require(first.importRun))
    }

    @Test("The same file again, nothing changed since: nothing to do, the first import's counts, nothing written")
    func sameFileAgain() throws {
        let folder = try TemporaryDirectory()
        let (db, path, first) = try Self.imported(folder)
        let before = try Binaries.dump(path)
        let again = ManufacturerImporter.importFile(path: Imports.good, into: db, actor: "it-li")
        #expect(again.outcome == .unchanged && !again.written && again.importRun == nil)
        #expect(again.unchangedSince == first && again.unchangedSinceAt == "2026-11-20 10:00")
        #expect(again.sameChecksumAs == first && again.errors.isEmpty && again.rejectedCount == 0)
        #expect(Imports.counts(again, .bulletins).read == 2 && Imports.counts(again, .vehicles).read == 2)
        for section in Section.allCases {
            #expect(Imports.counts(again, section).unchanged == Imports.counts(again, section).read, "\(section)")
        }
        #expect(try Binaries.dump(path) == before)
        // A dry run keeps its meaning: the file is read and compared.
        let dry = ManufacturerImporter.importFile(
            path: Imports.good, into: db, actor: "it-li", options: ImportOptions(dryRun: true))
        #expect(dry.outcome == .unchanged && dry.unchangedSince == nil)
        #expect(try Binaries.dump(path) == before)
    }

    @Test("Another file replaces a bulletin the first holds: the first again is compared and skipped as stale")
    func laterImportInBetween() throws {
        let folder = try TemporaryDirectory()
        let (db, _, _) = try Self.imported(folder)
        let good = try String(contentsOfFile: Imports.good, encoding: .utf8)
        let revised = try folder.write(
            "r3.xml",
            good.replacingOccurrences(of: "revision=\"2\"", with: "revision=\"3\"")
                .replacingOccurrences(of: "<Title>前制动软管可能磨损</Title>", with: "<Title>前制动软管可能磨损（修订）</Title>"))
        #expect(ManufacturerImporter.importFile(path: revised, into: db, actor: "it-li").outcome == .imported)
        let again = ManufacturerImporter.importFile(path: Imports.good, into: db, actor: "it-li")
        #expect(again.unchangedSince == nil && again.outcome == .unchanged)
        #expect(
            Imports.counts(again, .bulletins).skipped == 1
                && again.warnings.contains { $0.contains("older than the stored revision 3") })
        #expect(try db.bulletinReport(number: "RC-2026-017").bulletin.title.hasSuffix("（修订）"))
    }

    @Test("An edit in between (a warranty term, a master-data vehicle): the file is compared and restores its items")
    func editInBetween() throws {
        let folder = try TemporaryDirectory()
        let (db, path, _) = try Self.imported(folder)
        _ = try db.setWarrantyTerm(
            WarrantyTerm(
                make: "Volkswagen", usage: .taxi, months: 6, kilometres: 50_000,
                effective: LocalDate("2020-01-01")!, source: "manual"),
            actor: "it-li")
        let restored = ManufacturerImporter.importFile(path: Imports.good, into: db, actor: "it-li")
        #expect(restored.unchangedSince == nil && restored.outcome == .imported)
        #expect(Imports.counts(restored, .warrantyTerms).replaced == 1)
        #expect(try db.warrantyTerms().contains { $0.term.usage == .taxi && $0.term.kilometres == 100_000 })
        // Now the file is what is stored again: nothing to do.
        #expect(
            ManufacturerImporter.importFile(path: Imports.good, into: db, actor: "it-li").unchangedSince
                == restored.importRun)

        // A vehicle of the master data, which has no trigger for inserts: its writer moves the generation.
        try db.storeMasterVehicle(
            vin: VIN(trusted: "LFV2A21K5N3999999"), make: "Volkswagen", model: "Lavida", year: 2022, built: nil)
        let before = try Binaries.dump(path)
        let compared = ManufacturerImporter.importFile(path: Imports.good, into: db, actor: "it-li")
        #expect(compared.unchangedSince == nil && compared.outcome == .unchanged && !compared.written)
        #expect(try Binaries.dump(path) == before)
    }

    @Test("A failed, partly kept or dry-run import never marks a file as imported: the next import reads it")
    func onlyWholeImportsCount() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try Imports.database(folder, withGoodFile: false)
        let good = try String(contentsOfFile: Imports.good, encoding: .utf8)
        let mixed = try folder.write(
            "mixed.xml", good.replacingOccurrences(of: "price=\"128.50\"", with: "price=\"-1\""))
        #expect(ManufacturerImporter.importFile(path: mixed, into: db, actor: "it-li").outcome == .rejected)
        let dry = ManufacturerImporter.importFile(
            path: mixed, into: db, actor: "it-li", options: ImportOptions(dryRun: true, keepValid: true))
        #expect(dry.outcome == .wouldPartlyImport)
        let kept = ManufacturerImporter.importFile(
            path: mixed, into: db, actor: "it-li", options: ImportOptions(keepValid: true))
        #expect(kept.outcome == .partlyImported && kept.written)
        // The rejected part is found and listed again.
        let again = ManufacturerImporter.importFile(
            path: mixed, into: db, actor: "it-li", options: ImportOptions(keepValid: true))
        #expect(again.unchangedSince == nil && again.rejected.map(\.item) == ["part 5Q0 611 701 C"])
    }
}
