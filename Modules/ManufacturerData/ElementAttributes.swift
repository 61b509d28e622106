/// The attributes of one element as the file wrote them: their bytes in one buffer, with where each known name's
/// value starts and ends (-1: absent). A `String` is made only when one is asked for.
public struct ElementAttributes {
    private var bytes: [UInt8] = []
    private var start = [Int](repeating: -1, count: ContractName.allCases.count)
    private var end = [Int](repeating: -1, count: ContractName.allCases.count)
    /// The names set, so that forgetting them touches only those.
    private var present: [Int] = []

    public init() {}

    /// Forgets the previous element's attributes, keeping the buffers.
    public mutating func removeAll() {
        for index in present { start[index] = -1 }
        present.empty()
        bytes.empty()
    }

    /// Adds an attribute's value as written; an attribute the contract does not name is not kept.
    public mutating func append(_ name: ContractName, value: UnsafeBufferPointer<UInt8>) {
        guard name != .unknown else { return }
        start[name.rawValue] = bytes.count
        bytes.append(contentsOf: value)
        end[name.rawValue] = bytes.count
        present.append(name.rawValue)
    }

    /// Adds an attribute's value as written (tests, tools).
    public mutating func append(_ name: ContractName, value: String) {
        var value = value
        value.withUTF8 { append(name, value: $0) }
    }

    /// A value as written, or nil when the element has no such attribute.
    public subscript(_ name: ContractName) -> String? {
        let from = start[name.rawValue]
        guard from >= 0 else { return nil }
        return String(decoding: bytes[from..<end[name.rawValue]], as: UTF8.self)
    }

    /// A value's bytes without the ASCII blanks around it, given to `body`; nil when absent or blank (the slower
    /// String paths then decide, with their messages).
    func withTrimmed<T>(_ name: ContractName, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        var from = start[name.rawValue], to = end[name.rawValue]
        guard from >= 0 else { return nil }
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        return bytes.withUnsafeBufferPointer { bytes in
            while from < to, blank(bytes[from]) { from += 1 }
            while to > from, blank(bytes[to - 1]) { to -= 1 }
            return from < to ? body(UnsafeBufferPointer(rebasing: bytes[from..<to])) : nil
        }
    }

    /// Appends a value's bytes to `key` (trimmed, or as written); false when there is none to append.
    func appendValue(of name: ContractName, trimmed: Bool, to key: inout [UInt8]) -> Bool {
        if trimmed {
            return withTrimmed(name) {
                key.append(contentsOf: $0); return true
            } ?? false
        }
        let from = start[name.rawValue]
        guard from >= 0 else { return false }
        key.append(contentsOf: bytes[from..<end[name.rawValue]])
        return true
    }
}

extension Array {
    /// Empties the array and keeps its storage; nothing to do when it is empty already (`removeAll` goes through
    /// the generic `replaceSubrange` either way, and the assembler empties its buffers at every tag).
    mutating func empty() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
