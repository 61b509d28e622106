import Core

// The settings of offers and booking, declared beside the rules that read them. `Setting.catalogue`
// (Storage) lists them.
extension Setting {
    public static let appointmentOffers = Setting(
        "appointments.offers", rule: "A-2", default: "3",
        summary: "how many free slots an offer proposes (2 or 3)", value: .integer(2...3))
    public static let appointmentHorizonDays = Setting(
        "appointments.horizon-days", rule: "A-2", default: "14",
        summary: "how many days ahead an offer looks for free slots", value: .integer(1...90))
    public static let appointmentMinimumGapHours = Setting(
        "appointments.offer-gap.hours", rule: "A-2", default: "3",
        summary: "hours between two slots offered on the same day, so offers spread over the day",
        value: .integer(0...12))

    /// The offers-and-booking settings, in the order `settings show` lists them.
    public static let appointmentBooking: [Setting] = [
        .appointmentOffers, .appointmentHorizonDays, .appointmentMinimumGapHours,
    ]
}
