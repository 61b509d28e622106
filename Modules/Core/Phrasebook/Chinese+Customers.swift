extension Phrasebook {
    /// The words of the customers part, by English template.
    static let customers: [String: String] = [:]
}
