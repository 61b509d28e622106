/// A page of results with the total count, for paginated lists.
public struct Page<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    /// How many there are in all, on every page.
    public var total: Int
    public var limit: Int
    public var offset: Int
    /// Whether more follow this page (ask again with `offset + items.count`): a list never stops silently.
    public var more: Bool

    public init(items: [Item], total: Int, limit: Int, offset: Int) {
        self.items = items
        self.total = total
        self.limit = limit
        self.offset = offset
        more = offset + items.count < total
    }
}
