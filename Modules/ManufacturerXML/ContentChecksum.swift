import Foundation
import ManufacturerData

extension ManufacturerReader {
    /// The SHA-256 of a file's XML content (after decompression, as `checksum()` gives it once a reader has read
    /// the file), read without parsing: what a file imported before is recognised by.
    public static func contentChecksum(path: String) throws -> String {
        let source = try XMLByteSource(path: path)
        var buffer = [CChar](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBufferPointer { source.read(into: $0.baseAddress!, count: Int32($0.count)) }
            if n == 0 { break }
            guard n > 0 else { throw XMLInputError(file: path, line: 0, column: 0, saying: "cannot read the file") }
        }
        return source.checksum()
    }
}
