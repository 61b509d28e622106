extension Phrasebook {
    /// The words of the api part, by English template.
    static let api: [String: String] = [:]
}
