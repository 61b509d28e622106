extension Phrasebook {
    /// The words of the complaints part, by English template.
    static let complaints: [String: String] = [:]
}
