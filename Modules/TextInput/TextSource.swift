import Core
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The text encodings the dealer's files come in.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030
    /// UTF-8 when the whole file is valid UTF-8, GB18030 otherwise.
    case auto
}

/// Reads a file as a stream of UTF-8 chunks, transcoding GB18030 through iconv, so memory stays flat
/// whatever the file size. Also counts bytes read, for progress.
package final class TextSource {
    private let file: UnsafeMutablePointer<FILE>
    private var converter: iconv_t?
    private var pending: [UInt8] = []
    private var raw = [UInt8](repeating: 0, count: 1 << 20)
    private(set) var bytesRead = 0
    /// SHA-256 of the raw bytes read so far (the file's checksum once all is read).
    package var hasher = SHA256.Hasher()
    package let encoding: TextEncoding

    package init(path: String, encoding: TextEncoding) throws {
        var resolved = encoding
        if encoding == .auto { resolved = try TextSource.isUTF8(path: path) ? .utf8 : .gb18030 }
        guard let file = fopen(path, "rb") else {
            throw InvalidInput(field: "file", "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        self.file = file
        self.encoding = resolved
        if resolved == .gb18030 {
            let cd = iconv_open("UTF-8", "GB18030")
            guard cd != iconv_t(bitPattern: -1) else {
                fclose(file)
                throw InvalidInput(field: "encoding", "GB18030 is not supported on this system")
            }
            converter = cd
        }
    }

    deinit {
        fclose(file)
        if let converter { iconv_close(converter) }
    }

    /// Whether the whole file is valid UTF-8 (one streaming pass).
    package static func isUTF8(path: String) throws -> Bool {
        guard let file = fopen(path, "rb") else {
            throw InvalidInput(field: "file", "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n == 0 { return carry.isEmpty }
            var bytes = carry
            bytes.append(contentsOf: buffer[0..<n])
            // Keep an incomplete trailing sequence for the next chunk.
            var cut = bytes.count
            var back = 0
            while back < 3, cut > 0, bytes[cut - 1] & 0xC0 == 0x80 {
                cut -= 1
                back += 1
            }
            if cut > 0, bytes[cut - 1] >= 0xC0 { cut -= 1 } else { cut = bytes.count }
            if String(validating: bytes[0..<cut], as: UTF8.self) == nil { return false }
            carry = Array(bytes[cut...])
        }
    }

    /// The next chunk of UTF-8 bytes, or nil at the end of the file. Throws on bytes that are not in the encoding.
    package func nextChunk() throws -> [UInt8]? {
        let n = fread(&raw, 1, raw.count, file)
        bytesRead += n
        if n > 0 { hasher.update(n == raw.count ? raw : Array(raw[0..<n])) }
        guard let converter else {
            return n == 0 ? nil : Array(raw[0..<n])
        }
        if n == 0 {
            guard pending.isEmpty else {
                throw InvalidInput(field: "file", "ends in the middle of a GB18030 character")
            }
            return nil
        }
        var input = pending + raw[0..<n]
        pending = []
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var inLeft = input.count
        var outLeft = output.count
        let produced: Int = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                _ = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                return outBuffer.count - outLeft
            }
        }
        if inLeft > 0 {
            if errno == EILSEQ {
                throw InvalidInput(field: "file", "byte \(bytesRead - inLeft + 1) is not valid GB18030 (nor UTF-8)")
            }
            pending = Array(input[(input.count - inLeft)...])
        }
        input.removeAll()
        return Array(output[0..<produced])
    }
}
