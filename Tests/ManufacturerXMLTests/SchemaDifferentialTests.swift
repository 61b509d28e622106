import Foundation
import Testing
import TestSupport
import ManufacturerData
@testable import ManufacturerXML

/// The reader holds files to the XSD with checks of its own for the hot elements and libxml2 against a reduced copy
/// for the rest (`SchemaValidation.contract`); the XSD stays the published contract, so a file must be valid for the
/// reader exactly when `xmllint --schema Docs/schemas/manufacturer-data.xsd` says it validates. For the reader, a
/// file is valid when it reads to its end without a thrown error and `schemaProblemCount` is 0: the content rules the
/// XSD cannot say (a VIN's check digit, range ends, a bulletin twice) are not part of it.
///
/// A round is seeded: the seed is printed with any disagreement; `SCHEMA_DIFFERENTIAL_SEED=N` replays it.
@Suite("The reader's schema checks and xmllint --schema agree on every file")
struct SchemaDifferentialTests {
    /// The published contract, as the repository holds it.
    static let xsd = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/schemas/manufacturer-data.xsd").path
    static let repository = URL(fileURLWithPath: xsd).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test("The bad-file corpus and the fuzz seeds: the same verdict from both")
    func corpus() throws {
        var paths: [String] = []
        for folder in [
            "Tests/ManufacturerImportTests/Corpus", "Tests/ManufacturerImportTests/Corpus/bad",
            "Tools/Fuzz/Seeds/manufacturer",
        ] {
            let url = Self.repository.appendingPathComponent(folder)
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path)
            paths += names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".xml.gz") }.sorted()
                .map { url.appendingPathComponent($0).path }
        }
        #expect(paths.count >= 20, "\(paths)")
        // A DOCTYPE is refused whatever the schema says (no DTDs, no entities: import.md, "Safety"); xmllint in
        // stream mode validates the XXE file without its entity.
        let doctype = paths.filter { (try? String(contentsOfFile: $0, encoding: .utf8))?.contains("<!DOCTYPE") == true }
        #expect(doctype.count == 2 && doctype.allSatisfy { !ManufacturerReader.verdict(path: $0).valid }, "\(doctype)")
        let compared = paths.filter { !doctype.contains($0) }
        let disagreements = try Self.disagreements(compared, describe: { URL(fileURLWithPath: $0).lastPathComponent })
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n\n"))")
    }

    @Test("Thousands of mutations of valid files: the same verdict from both, both verdicts met")
    func mutations() throws {
        let seed =
            ProcessInfo.processInfo.environment["SCHEMA_DIFFERENTIAL_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 1...999_999)
        var random = SeededRandom(seed: seed)
        let folder = try TemporaryDirectory()
        var descriptions: [String: String] = [:]
        var paths: [String] = []
        for index in 0..<Self.fileCount {
            var document = MutableDocument.valid(&random)
            var applied: [String] = []
            // One in eight stays valid apart from its formatting, so that acceptance is compared too.
            let mutationCount = random.below(8) == 0 ? 0 : 1 + random.below(3)
            for _ in 0..<mutationCount { applied.append(document.mutate(&random)) }
            let path = try folder.write("m\(index).xml", document.xml(&random))
            descriptions[path] = applied.isEmpty ? "(no mutation)" : applied.joined(separator: "; ")
            paths.append(path)
        }
        let verdicts = try Self.xmllint(paths)
        let accepted = verdicts.values.filter { $0 }.count
        // Both answers are common, so that agreeing is not agreeing on one answer.
        #expect(accepted > Self.fileCount / 20 && accepted < Self.fileCount * 19 / 20, "\(accepted) accepted")
        let disagreements = try Self.disagreements(
            paths, verdicts: verdicts,
            describe: { path in
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                return "\(descriptions[path] ?? ""):\n\(text.prefix(3000))"
            })
        let shown = disagreements.prefix(12).joined(separator: "\n\n")
        #expect(
            disagreements.isEmpty,
            "seed \(seed) (SCHEMA_DIFFERENTIAL_SEED=\(seed) replays it), \(disagreements.count) disagreements:\n\(shown)"
        )
    }

    /// Files per round: one xmllint process checks them all.
    static let fileCount = 3000

    // MARK: - The two verdicts

    /// The files on which the reader and xmllint disagree, said with both answers.
    static func disagreements(
        _ paths: [String], verdicts known: [String: Bool]? = nil, describe: (String) -> String
    ) throws -> [String] {
        let verdicts = try known ?? xmllint(paths)
        var out: [String] = []
        for path in paths {
            let reader = ManufacturerReader.verdict(path: path)
            let xmllint = verdicts[path] ?? false
            if reader.valid != xmllint {
                out.append(
                    "\(describe(path))\n  xmllint: \(xmllint ? "valid" : "invalid"); reader: "
                        + (reader.valid ? "valid" : "invalid: " + reader.problems.prefix(3).joined(separator: " | ")))
            }
        }
        return out
    }

    /// xmllint's verdict on each file: valid when it says `PATH validates` and does not fail to parse it.
    static func xmllint(_ paths: [String]) throws -> [String: Bool] {
        let tool = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        let executable = try #require(tool, "xmllint is needed (libxml2-utils; make test installs it)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--stream", "--noout", "--schema", xsd] + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // In stream mode xmllint says `PATH validates` of a file it then fails to parse, too.
        var validates: Set<String> = [], failed: Set<String> = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            if line.hasSuffix(" validates") { validates.insert(String(line.dropLast(" validates".count))) }
            if line.hasSuffix(" : failed to parse") { failed.insert(String(line.dropLast(" : failed to parse".count))) }
        }
        var verdicts: [String: Bool] = [:]
        for path in validates.subtracting(failed) { verdicts[path] = true }
        return verdicts
    }
}
