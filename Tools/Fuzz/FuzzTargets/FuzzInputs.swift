import Foundation

/// Inputs on disk: seed corpora and inputs a fuzzing run kept.
public enum FuzzInputs {
    /// The files named, and the files in the directories named (sorted; not their subdirectories, nor dot files).
    public static func files<Paths: Sequence<String>>(_ paths: Paths) -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(path)/\($0)" }.filter { file in
                FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) && !isDirectory.boolValue
            }
        }
    }

    /// A file's bytes.
    public static func bytes(_ path: String) throws(FuzzFailure) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw FuzzFailure("cannot read \(path)") }
        return [UInt8](data)
    }
}
