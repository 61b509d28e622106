import Core

// The parts counter's settings: each with its key, rule ID, default and how a new value is checked, declared beside
// the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let stockAllowNegative = Setting(
        "stock.allow-negative", rule: "design", default: "no",
        summary: "the parts manager allows an issue beyond the count on hand (yes or no)",
        value: .choice(["yes", "no"])
    )

    public static let stockLowLevel = Setting(
        "stock.low-level", rule: "design", default: "2",
        summary: "a part with N or fewer on hand is listed as low",
        value: .integer(0...100_000)
    )

    /// The Stock module's settings, in the order `settings show` lists them.
    public static let stock: [Setting] = [.stockAllowNegative, .stockLowLevel]
}

extension DealerSettings {
    /// Whether an issue may take the count on hand below zero (`stock.allow-negative`).
    public var allowNegativeStock: Bool { text(.stockAllowNegative) == "yes" }

    /// At or below this count a part is low (`stock.low-level`).
    public var lowStockLevel: Int { integer(.stockLowLevel) }
}
