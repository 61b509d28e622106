extension Phrasebook {
    /// The words of the storage part, by English template.
    static let storage: [String: String] = [:]
}
