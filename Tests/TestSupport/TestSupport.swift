import Core
import Foundation
import Storage

/// A temporary folder removed when the value is released.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("aftersales-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Writes a text file (UTF-8 unless `data` is given) and returns its path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let path = path(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// The outcome of running a program.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

public enum Binaries {
    /// The folder holding the built products (`aftersales`, `aftersales-api`).
    public static var productsDirectory: URL {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
                .appendingPathComponent(".build/debug"),
        ]
        for candidate in candidates
        where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("aftersales").path) {
            return candidate
        }
        return candidates[1]
    }

    public static func path(_ name: String) -> String { productsDirectory.appendingPathComponent(name).path }

    /// Runs a program to completion with `arguments`, extra environment and optional standard input.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], input: String? = nil,
        directory: String? = nil
    ) throws -> ProcessResult {
        let process = Process()
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.executableURL = URL(fileURLWithPath: executable.hasPrefix("/") ? executable : path(executable))
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "AFTERSALES_DB")
        env.removeValue(forKey: "AFTERSALES_NOW")
        // The binaries speak Chinese first; tests that read their words read English unless they ask otherwise.
        env["AFTERSALES_LANG"] = "en"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let folder = try TemporaryDirectory()
        let outPath = folder.path("stdout")
        let errPath = folder.path("stderr")
        _ = FileManager.default.createFile(atPath: outPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inPath = try folder.write("stdin", input)
            process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: inPath))
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return ProcessResult(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outPath)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errPath)), as: UTF8.self))
    }

    /// `sqlite3 PATH .dump`: "unchanged" in DEVELOPERS.md means an identical dump.
    public static func dump(_ database: String) throws -> String {
        let result = try run("/usr/bin/sqlite3", [database, ".dump"])
        guard result.status == 0 else { throw InvalidInput(field: "sqlite3", "\(result.stderr)") }
        return result.stdout
    }
}

/// An instant from an ISO 8601 literal, for tests.
public func instant(_ text: String) -> Date {
    guard let date = Instant.parse(text) else { fatalError("bad test instant \(text)") }
    return date
}

/// A fresh in-memory database whose clock stands at `now`.
public func memoryDatabase(now: String = "2026-11-23T09:00:00+08:00") throws -> AppDatabase {
    try AppDatabase.inMemory(clock: FixedClock(instant(now)))
}

/// A clock a test moves forward by hand, for deadlines that must pass.
public typealias SteppingClock = ManualClock

extension ManualClock {
    /// A clock standing at an ISO 8601 instant.
    public convenience init(_ text: String) { self.init(TestSupport.instant(text)) }

    /// Moves the clock to `text` (ISO 8601).
    public func set(_ text: String) { set(TestSupport.instant(text)) }
}

/// Another program holding the database's write lock: `sqlite3` inside `BEGIN IMMEDIATE`, until `release()`.
public final class WriteLockHolder: @unchecked Sendable {
    let process = Process()
    let input = Pipe()

    /// Returns once the lock is held (sqlite3 has printed its marker after taking it).
    public init(database: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data("BEGIN IMMEDIATE;\nSELECT 'locked';\n".utf8))
        var seen = ""
        while !seen.contains("locked") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
    }

    public func release() {
        input.fileHandleForWriting.write(Data("ROLLBACK;\n.quit\n".utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}
