import Foundation

/// Headless Chromium for tests of printable pages: the DOM a page builds, and a screenshot. `make test` installs
/// Debian's `chromium` package with the other system packages; a machine without it fails the test saying so, never
/// skips it.
public enum Chromium {
    /// Why a page could not be rendered.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The browser: `$CHROMIUM` when set, else the first `chromium` or `chromium-browser` on the PATH.
    public static func binary() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) { return path }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser"] {
            for folder in folders + ["/usr/bin"] {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        throw Failure(
            description: "Chromium is not installed: `make test` installs it (Debian's `chromium` package), "
                + "or run `sudo apt-get install -y chromium`")
    }

    /// The DOM of the page at `file` after Chromium loaded it (`--dump-dom`), serialised as HTML.
    public static func dumpDOM(file: String, timeout: TimeInterval = 60) throws -> String {
        let result = try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString], timeout: timeout)
        return result.stdout
    }

    /// Writes a PNG screenshot of the page at `file` to `png`, at a window of `width` × `height` pixels.
    public static func screenshot(
        file: String, to png: String, width: Int = 1_240, height: Int = 1_754, timeout: TimeInterval = 60
    ) throws {
        _ = try run(
            ["--screenshot=\(png)", "--window-size=\(width),\(height)", URL(fileURLWithPath: file).absoluteString],
            timeout: timeout)
        guard FileManager.default.fileExists(atPath: png) else {
            throw Failure(description: "Chromium wrote no screenshot to \(png)")
        }
    }

    /// Whether `data` starts with the PNG signature.
    public static func isPNG(_ data: Data) -> Bool {
        data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// Runs headless Chromium with `arguments` in a profile of its own, killed after `timeout` seconds.
    static func run(_ arguments: [String], timeout: TimeInterval) throws -> ProcessResult {
        let profile = try TemporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try binary())
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(profile.url.path)",
            ] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = profile.url.path
        process.environment = environment
        let out = profile.path("stdout")
        let err = profile.path("stderr")
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw Failure(
                description: "Chromium did not finish within \(Int(timeout)) s: \(arguments.joined(separator: " "))")
        }
        let result = ProcessResult(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
        guard result.status == 0 else {
            throw Failure(description: "Chromium exited with \(result.status): \(result.stderr.suffix(2_000))")
        }
        return result
    }
}
