extension Phrasebook {
    /// The words of the help part, by English template.
    static let help: [String: String] = [:]
}
