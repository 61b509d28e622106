import Foundation
import Testing

@testable import FuzzTargets

/// The repository's root, for the seed corpora and the inputs fuzzing found.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

@Suite("Fuzz targets: the seed corpora and what fuzzing found, replayed through the fuzz checks")
struct FuzzReplayTests {
    // One target at a time: they share the process's scratch files, which each removes when it is done.
    @Test("Every seed and every kept input keeps its target's invariants", .serialized, arguments: FuzzTarget.allCases)
    func replay(target: FuzzTarget) throws {
        let directories = FuzzCorpus.seedDirectories(target, root: root)
        let inputs = FuzzInputs.files(directories)
        #expect(inputs.count >= 3, "\(target): seeds in \(directories)")
        for path in inputs {
            #expect(throws: Never.self, "\(path)") { try target.run(FuzzInputs.bytes(path)) }
        }
        ScratchFile.removeAll()
    }
}
