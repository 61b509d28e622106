import Crypto

/// SHA-256 (FIPS 180-4): API tokens are stored as hashes, imported files are known by their checksum,
/// unsubscribe links are signed. Computed by swift-crypto (BoringSSL on Linux, which uses the CPU's SHA
/// instructions where it has them: an import hashes every byte of a file of gigabytes); the package builds it
/// anyway for the HTTP stack.
public enum SHA256 {
    /// The 32-byte digest of `message`.
    public static func digest<Bytes: Collection>(_ message: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = Hasher()
        hasher.update(Array(message))
        return hasher.finalize()
    }

    /// Incremental hashing, for files read in chunks.
    public struct Hasher: Sendable {
        private var state = Crypto.SHA256()

        public init() {}

        /// Adds bytes to the message.
        public mutating func update(_ bytes: [UInt8]) {
            state.update(data: bytes)
        }

        /// Adds the bytes of a buffer to the message (no copy).
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            state.update(bufferPointer: bytes)
        }

        /// The digest of everything added.
        public mutating func finalize() -> [UInt8] {
            Array(state.finalize())
        }

        /// The digest as lower-case hex.
        public mutating func finalizeHex() -> String {
            finalize().map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        }
    }

    /// The digest as lower-case hex.
    public static func hex(_ text: String) -> String {
        digest(Array(text.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension SHA256 {
    /// HMAC-SHA256 (RFC 2104) of `message` under `key`: signs unsubscribe links.
    public static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        Array(HMAC<Crypto.SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
