import Core
import Foundation
import ManufacturerImport

/// `aftersales-import --report FILE.json`: the reports of the files as one JSON array. A file's rejected items are
/// written as the import finds them, with all their problems, and its counts once it is done, so a file that rejects
/// thousands of items never holds them in memory (the report's `rejected` comes first in each file's object).
final class ImportReportFile {
    private let path: String
    private let handle: FileHandle
    private let encoder = JSONFormat.encoder(pretty: true)
    private let summaryEncoder = JSONFormat.encoder(pretty: true)
    private var files = 0
    private var items = 0
    /// The first write that failed (a full disk): the command fails with it once the import is done.
    private var failure: (any Error)?

    /// Creates (or empties) the file: a path that cannot be written is refused before anything is imported.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw InvalidInput(field: "report", "cannot write \(path): check the folder exists and may be written")
        }
        self.path = path
        self.handle = handle
        summaryEncoder.userInfo[FileReport.omitRejected] = true
        write("[")
    }

    /// A file's import starts.
    func beginFile() {
        write((files == 0 ? "\n" : ",\n") + "{\n\"rejected\" : [")
        files += 1
        items = 0
    }

    /// An item the import rejected, as it was found.
    func add(_ item: RejectedItemReport) {
        guard let json = encoded(item) else { return }
        write((items == 0 ? "\n" : ",\n") + json)
        items += 1
    }

    /// The file's import is done: its report without `rejected` (written above), closing its object.
    func endFile(_ report: FileReport) {
        guard let json = encoded(report, with: summaryEncoder) else { return }
        // `{ "bytes" : …, … }` continues the object opened by `beginFile`.
        write("\n],\n" + json.drop { $0 != "\"" })
    }

    /// Ends the array; throws if any write failed.
    func close() throws {
        write("\n]\n")
        try? handle.close()
        if let failure {
            throw InvalidInput(field: "report", "cannot write \(path): \(failure.localizedDescription)")
        }
    }

    private func encoded<Value: Encodable>(_ value: Value, with encoder: JSONEncoder? = nil) -> String? {
        do {
            return String(decoding: try (encoder ?? self.encoder).encode(value), as: UTF8.self)
        } catch {
            if failure == nil { failure = error }
            return nil
        }
    }

    private func write(_ text: String) {
        guard failure == nil else { return }
        do { try handle.write(contentsOf: Data(text.utf8)) } catch { failure = error }
    }
}
