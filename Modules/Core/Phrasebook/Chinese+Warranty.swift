extension Phrasebook {
    /// The words of the warranty part, by English template.
    static let warranty: [String: String] = [:]
}
