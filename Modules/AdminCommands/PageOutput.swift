import Core
import Foundation

/// Writes a page (the printable documents, the welcome board) to `out`, replaced whole, or to standard output when
/// `out` is nil; a file that cannot be written is refused naming `--out`. Returns whether a file was written.
@discardableResult
func writePage(_ page: String, to out: String?) throws -> Bool {
    guard let out else {
        FileHandle.standardOutput.write(Data(page.utf8))
        return false
    }
    do {
        try Data(page.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
    } catch {
        throw InvalidInput(field: "--out", "cannot write \(out)")
    }
    return true
}
