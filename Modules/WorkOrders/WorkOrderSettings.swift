import Core

// The settings of repair orders: each with its key, rule ID, default and how a new value is
// checked, declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's. The Q-8
// guarantees are legal minimums (机动车维修管理规定 art. 37): a dealer may promise more, never less, so their ranges
// start at the law's figure.
extension Setting {
    public static let guaranteeMajorKilometres = Setting(
        "workorders.guarantee.major.km", rule: "Q-8", default: "20000",
        summary: "quality guarantee of whole-vehicle and major-assembly repairs, km (legal minimum 20,000)",
        value: .integer(20_000...1_000_000))
    public static let guaranteeMajorDays = Setting(
        "workorders.guarantee.major.days", rule: "Q-8", default: "100",
        summary: "quality guarantee of whole-vehicle and major-assembly repairs, days (legal minimum 100)",
        value: .integer(100...3_650))
    public static let guaranteeSecondLevelKilometres = Setting(
        "workorders.guarantee.second-level.km", rule: "Q-8", default: "5000",
        summary: "quality guarantee of second-level maintenance, km (legal minimum 5,000)",
        value: .integer(5_000...1_000_000))
    public static let guaranteeSecondLevelDays = Setting(
        "workorders.guarantee.second-level.days", rule: "Q-8", default: "30",
        summary: "quality guarantee of second-level maintenance, days (legal minimum 30)",
        value: .integer(30...3_650))
    public static let guaranteeMinorKilometres = Setting(
        "workorders.guarantee.minor.km", rule: "Q-8", default: "2000",
        summary: "quality guarantee of first-level maintenance, minor and special repairs, km (legal minimum 2,000)",
        value: .integer(2_000...1_000_000))
    public static let guaranteeMinorDays = Setting(
        "workorders.guarantee.minor.days", rule: "Q-8", default: "10",
        summary: "quality guarantee of first-level maintenance, minor and special repairs, days (legal minimum 10)",
        value: .integer(10...3_650))
    public static let comebackDays = Setting(
        "workorders.comeback.days", rule: "Q-5", default: "30",
        summary: "a repeat repair of the same job or component within N days is a comeback",
        value: .integer(1...365))
    public static let atRiskHours = Setting(
        "workorders.at-risk.hours", rule: "Q-7", default: "2",
        summary: "an order whose promised time is within N hours and whose work is not done is at risk",
        value: .integer(0...72))
    public static let vatPercent = Setting(
        "workorders.vat.percent", rule: "Q-3", default: "13",
        summary: "VAT rate of repair invoices, percent (contained in the prices)",
        value: .integer(0...30))

    /// The WorkOrders module's settings, in the order `settings show` lists them.
    public static let workOrders: [Setting] = [
        .guaranteeMajorKilometres, .guaranteeMajorDays, .guaranteeSecondLevelKilometres, .guaranteeSecondLevelDays,
        .guaranteeMinorKilometres, .guaranteeMinorDays, .comebackDays, .atRiskHours, .vatPercent,
        .shiftHours,
    ]
}
