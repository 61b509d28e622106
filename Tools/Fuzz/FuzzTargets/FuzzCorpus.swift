import Foundation

/// Where each target's seeds are, relative to the repository's root: `Tools/Fuzz/Seeds/<target>` (hand-written
/// seeds, and inputs fuzzing found worth keeping), and the directories listed in `Tools/Fuzz/Seeds/<target>.corpora`
/// (the bad-input corpora the tests already keep), one a line. `Tools/Fuzz/fuzz.sh` reads the same files.
public enum FuzzCorpus {
    public static func seedDirectories(_ target: FuzzTarget, root: URL) -> [String] {
        let own = "Tools/Fuzz/Seeds/\(target.rawValue)"
        let list = root.appendingPathComponent("\(own).corpora")
        let more = (try? String(contentsOf: list, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        return ([own] + more).map { root.appendingPathComponent($0).path }
    }
}
