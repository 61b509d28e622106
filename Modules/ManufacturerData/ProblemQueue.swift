/// The problems a validator reports while the file is parsed (libxml2's: the XSD's and well-formedness), queued in
/// file order until the assembler gives each to the item whose lines hold it, or to the file. A validator sees
/// every event before the assembler does, and reports lines, not nodes.
public struct ProblemQueue {
    struct Pending {
        var error: XMLInputError
        var fatal: Bool
        var warning: Bool
    }

    /// At most this many problems wait (the assembler takes them at every item); beyond, they are counted.
    public static let limit = 1000
    var pending: [Pending] = []
    /// Problems beyond `limit`, counted instead of kept.
    var dropped = 0

    public init() {}

    /// Queues a problem, made by `problem` only when it is kept: a fatal one always is (the file stops with it),
    /// others while fewer than `limit` wait. A warning becomes a warning of the file, not an error of an item.
    public mutating func add(fatal: Bool = false, warning: Bool = false, _ problem: () -> XMLInputError) {
        guard pending.count < Self.limit || fatal else { dropped += 1; return }
        pending.append(Pending(error: problem(), fatal: fatal, warning: warning))
    }

    /// Whether no problem waits.
    public var isEmpty: Bool { pending.isEmpty }

    /// The problem a file that is not well-formed stops with: the last fatal one, else the last one.
    public var stoppingProblem: XMLInputError? { (pending.last { $0.fatal } ?? pending.last)?.error }

    /// Forgets every waiting problem (the file stopped: its stopping problem says enough).
    public mutating func removeAll() { pending.removeAll() }
}
