import Core

// The settings of workshop capacity (issue 18, A-2): each with its key, rule ID, default and how a new value is
// checked, declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let arrivalsPerAdvisor = Setting(
        "appointments.arrivals-per-advisor", rule: "A-2", default: "2",
        summary: "booked arrivals one service advisor receives per 15 minutes, unless set for the advisor",
        value: .integer(CapacityForm.arrivals))

    /// The capacity settings, in the order `settings show` lists them.
    public static let capacity: [Setting] = [.arrivalsPerAdvisor]
}

extension DealerSettings {
    /// Rule A-2: booked arrivals per service advisor per 15 minutes (`appointments.arrivals-per-advisor`).
    public var arrivalsPerAdvisor: Int { integer(.arrivalsPerAdvisor) }
}
