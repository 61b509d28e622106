extension Phrasebook {
    /// The words of the messaging part, by English template.
    static let messaging: [String: String] = [:]
}
