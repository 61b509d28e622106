extension Phrasebook {
    /// The words of the cli part, by English template.
    static let cli: [String: String] = [:]
}
