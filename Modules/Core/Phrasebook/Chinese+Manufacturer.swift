extension Phrasebook {
    /// The words of the manufacturer part, by English template.
    static let manufacturer: [String: String] = [:]
}
