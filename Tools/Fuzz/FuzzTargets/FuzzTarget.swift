import Core
import Foundation
import ManufacturerData

/// A parser that reads untrusted input, with the invariants one input must keep: `run` returns when the parser
/// answered as its contract says (a value, or the project's typed error naming where), and throws `FuzzFailure`
/// saying which invariant broke otherwise. A crash (a trap, a sanitizer report) is a failure by itself.
///
/// The same checks serve libFuzzer (`make fuzz`), the replay of seeds and found inputs (`aftersales-fuzz replay`,
/// and `FuzzTargetsTests` in `make test`).
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `ManufacturerReader`: a manufacturer file, plain or gzip, streamed item by item.
    case manufacturer
    /// `SegmentExpression.parse`: a segment filter (M-2).
    case segment
    /// `CSVReader` over `TextSource`: a customer CSV in each encoding.
    case csv
    /// `MessageTemplate`: a message template with personal fields.
    case template

    /// Runs one input through the parser and checks its invariants.
    public func run(_ input: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .manufacturer: try ManufacturerFuzz.run(input)
        case .segment: try SegmentFuzz.run(input)
        case .csv: try CSVFuzz.run(input)
        case .template: try TemplateFuzz.run(input)
        }
    }
}

/// An invariant one input broke, in words.
public struct FuzzFailure: Error, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Fails with `message` unless `condition` holds.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
    if !condition() { throw FuzzFailure(message()) }
}

/// A file the readers that take a path read the input from: one per process and extension, in memory
/// (`/dev/shm`) where the system has it.
public enum ScratchFile {
    static let extensions = ["xml", "csv", "written.csv"]

    static func path(_ ext: String) -> String {
        let directory = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        return "\(directory)/aftersales-fuzz-\(getpid()).\(ext)"
    }

    /// Removes this process's scratch files (at exit).
    public static func removeAll() {
        for ext in extensions { unlink(path(ext)) }
    }

    static func write(_ input: [UInt8], extension ext: String) throws(FuzzFailure) -> String {
        let path = path(ext)
        guard let file = fopen(path, "wb") else { throw FuzzFailure("cannot write the scratch file \(path)") }
        let written = input.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        try require(written == input.count, "cannot write the scratch file \(path)")
        return path
    }
}

/// How many lines `input` spans (a location past the last line is wrong).
func lineCount(_ input: [UInt8]) -> Int {
    input.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
}
