extension Phrasebook {
    /// The words of the core part (errors every module raises, money, days, the clock), by English template.
    static let core: [String: String] = [
        "Error: {0}": "错误：{0}",
        "no {0} {1}": "找不到{0} {1}",
        "customer": "客户",
        "vehicle": "车辆",
    ]
}
