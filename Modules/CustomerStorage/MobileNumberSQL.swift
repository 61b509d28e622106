import Customers

extension ContactDetails {
    /// `isMobile` as an SQLite GLOB pattern (11 ASCII digits, starting 13 to 19), for queries that pick a
    /// customer's mobile number without reading every phone into Swift. A shortcut of the one definition:
    /// a randomized test holds the two to the same answers, and readers check the result with `isMobile`.
    package static let mobileGlob = "1[3-9]" + String(repeating: "[0-9]", count: 9)
}
