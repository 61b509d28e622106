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

/// Bytes of a text file that are not in the encoding it is read in; `TextSource` throws it once the text before
/// them has been handed out, so a reader can name their line and column.
package struct UndecodableBytes: Error {
    /// Where they start in the file, from 0.
    package let offset: Int
    /// The first of them (up to 4).
    package let bytes: [UInt8]
    /// Whether the file ends in the middle of a character.
    package let truncated: Bool
    /// The encoding the file was read in, and whether it was detected (then it is neither UTF-8 nor GB18030).
    package let encoding: TextEncoding
    package let detected: Bool

    /// What is wrong, and what to do, for a message that names the place.
    package var reason: Phrase {
        let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }
        let which: Phrase =
            detected ? "neither UTF-8 nor GB18030" : "not valid \(encoding == .utf8 ? "UTF-8" : "GB18030")"
        if truncated {
            return "the file ends in the middle of a character (\(hex.joined(separator: " "))), which is \(which): "
                + "save the file as UTF-8 or GB18030"
        }
        return
            "byte \(hex.first ?? "?") (byte \(offset + 1) of the file) is \(which): save the file as UTF-8 or GB18030"
    }
}

/// Reads a file as a stream of UTF-8 chunks, transcoding GB18030 through iconv, so memory stays flat
/// whatever the file size. Also counts bytes read, for progress. Bytes that are not in the encoding end the text:
/// the chunk before them comes out whole, and the next call throws `UndecodableBytes`.
package final class TextSource {
    private let file: UnsafeMutablePointer<FILE>
    private var converter: iconv_t?
    /// The start of a character the last chunk ended in, carried over to the next.
    private var pending: [UInt8] = []
    private var raw = [UInt8](repeating: 0, count: 1 << 20)
    private(set) var bytesRead = 0
    /// SHA-256 of the raw bytes read so far (the file's checksum once all is read).
    package var hasher = SHA256.Hasher()
    package let encoding: TextEncoding
    /// Whether the encoding was detected (`auto`).
    private let detected: Bool
    /// Whether UTF-8 is checked as it is read: not when detection has read the whole file as valid UTF-8.
    private let checksUTF8: Bool
    /// Bytes not in the encoding that follow the chunk handed out last.
    private var undecodable: UndecodableBytes?

    package init(path: String, encoding: TextEncoding) throws {
        var resolved = encoding
        var valid = false
        if encoding == .auto {
            (resolved, valid) = try TextSource.detect(path: path)
        }
        guard let file = fopen(path, "rb") else {
            throw InvalidInput(field: "file", "cannot read \(path): \(Phrase.osError(errno))")
        }
        self.file = file
        self.encoding = resolved
        detected = encoding == .auto
        checksUTF8 = resolved == .utf8 && !valid
        if resolved == .gb18030 {
            guard let cd = TextSource.gb18030Converter() else {
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

    private static func gb18030Converter() -> iconv_t? {
        let cd = iconv_open("UTF-8", "GB18030")
        return cd == iconv_t(bitPattern: -1) ? nil : cd
    }

    /// The encoding of a file read with `auto`: UTF-8 when the whole file is valid UTF-8 (`valid`), else the one of
    /// UTF-8 and GB18030 that reads further into it (UTF-8 when both stop at the same byte). A UTF-8 file with one
    /// bad byte is then read as UTF-8 up to that byte, and its place named, not read as GB18030 until that goes wrong
    /// somewhere else (mostly on the first line with Chinese text).
    package static func detect(path: String) throws -> (encoding: TextEncoding, valid: Bool) {
        guard let badUTF8 = try firstInvalidUTF8(path: path) else { return (.utf8, true) }
        return (try readsAsGB18030(path: path, through: badUTF8) ? .gb18030 : .utf8, false)
    }

    /// The offset of the first byte that is not valid UTF-8 (or of a character the file ends in the middle of);
    /// nil when the whole file is valid.
    static func firstInvalidUTF8(path: String) throws -> Int? {
        guard let file = fopen(path, "rb") else {
            throw InvalidInput(field: "file", "cannot read \(path): \(Phrase.osError(errno))")
        }
        defer { fclose(file) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var carry: [UInt8] = []
        var offset = 0  // of `carry` in the file
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n == 0 { return carry.isEmpty ? nil : offset }
            var bytes = carry
            bytes.append(contentsOf: buffer[0..<n])
            let (valid, invalid) = bytes.withUnsafeBufferPointer { validUTF8Prefix($0) }
            if invalid { return offset + valid }
            carry = Array(bytes[valid...])
            offset += valid
        }
    }

    /// Whether GB18030 reads the file's bytes up to and including `offset` (a character may go on past it).
    static func readsAsGB18030(path: String, through offset: Int) throws -> Bool {
        guard let file = fopen(path, "rb") else {
            throw InvalidInput(field: "file", "cannot read \(path): \(Phrase.osError(errno))")
        }
        defer { fclose(file) }
        guard let converter = gb18030Converter() else { return false }
        defer { iconv_close(converter) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var output = [UInt8](repeating: 0, count: 4 << 20)
        var carry: [UInt8] = []
        var read = 0
        while read <= offset {
            let n = fread(&buffer, 1, min(buffer.count, offset + 1 - read), file)
            if n == 0 { return true }
            read += n
            var input = carry + buffer[0..<n]
            var left = input.count
            let failed = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    return iconv(converter, &inPointer, &left, &outPointer, &outLeft) == -1 && errno == EILSEQ
                }
            }
            if failed { return false }
            carry = Array(input[(input.count - left)...])
            input.removeAll()
        }
        return true
    }

    /// The length of the longest valid UTF-8 prefix of `bytes`, and whether what stops it is invalid (not only a
    /// character the bytes end in the middle of). The shortest forms only, no surrogates, nothing past U+10FFFF.
    static func validUTF8Prefix(_ bytes: UnsafeBufferPointer<UInt8>) -> (count: Int, invalid: Bool) {
        let count = bytes.count
        var i = 0
        while i < count {
            // Eight ASCII bytes at a time.
            while i + 8 <= count,
                UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                i += 8
            }
            guard i < count else { break }
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            let following: Int
            switch lead {
            case 0xC2...0xDF: following = 1
            case 0xE0: following = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: following = 2
            case 0xED: following = 2; high = 0x9F
            case 0xF0: following = 3; low = 0x90
            case 0xF1...0xF3: following = 3
            case 0xF4: following = 3; high = 0x8F
            default: return (i, true)
            }
            for k in 1...following {
                guard i + k < count else { return (i, false) }
                let byte = bytes[i + k]
                if byte < (k == 1 ? low : 0x80) || byte > (k == 1 ? high : 0xBF) { return (i, true) }
            }
            i += following + 1
        }
        return (count, false)
    }

    /// The next chunk of UTF-8 bytes, or nil at the end of the file. Throws `UndecodableBytes` for bytes that are
    /// not in the encoding, once the text before them is handed out.
    package func nextChunk() throws -> [UInt8]? {
        if let undecodable { throw undecodable }
        let n = fread(&raw, 1, raw.count, file)
        bytesRead += n
        if n > 0 { hasher.update(n == raw.count ? raw : Array(raw[0..<n])) }
        if converter == nil && !checksUTF8 {
            return n == 0 ? nil : Array(raw[0..<n])
        }
        if n == 0 {
            guard pending.isEmpty else { throw stop(at: bytesRead - pending.count, pending, truncated: true) }
            return nil
        }
        var input = pending + raw[0..<n]
        pending = []
        guard let converter else {
            // UTF-8, checked: the valid part now, a character cut by the chunk's end with the next one.
            let (valid, invalid) = input.withUnsafeBufferPointer { Self.validUTF8Prefix($0) }
            if invalid {
                let bad = Array(input[valid..<min(input.count, valid + 4)])
                let error = stop(at: bytesRead - (input.count - valid), bad, truncated: false)
                if valid == 0 { throw error }
            } else {
                pending = Array(input[valid...])
            }
            input.removeSubrange(valid...)
            return input
        }
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
            let rest = Array(input[(input.count - inLeft)...])
            if errno == EILSEQ {
                let error = stop(at: bytesRead - inLeft, Array(rest.prefix(4)), truncated: false)
                if produced == 0 { throw error }
            } else {
                pending = rest
            }
        }
        input.removeAll()
        return Array(output[0..<produced])
    }

    /// Remembers bytes not in the encoding, thrown from then on.
    private func stop(at offset: Int, _ bytes: [UInt8], truncated: Bool) -> UndecodableBytes {
        let error = UndecodableBytes(
            offset: offset, bytes: bytes, truncated: truncated, encoding: encoding, detected: detected)
        undecodable = error
        return error
    }
}
