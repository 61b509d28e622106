import Core
import Customers
import Foundation

/// A small, fast, seeded random generator (SplitMix64): the same seed gives the same data on every machine.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Realistic, deterministic dealer data: Chinese names, mobile numbers, plates such as 京A·12345,
/// structurally valid VINs with correct check digits, a usage mix with taxis, deliveries over several years.
public struct DemoGenerator {
    public static let surnames = Array(
        "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段")
    public static let givenNames = [
        "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞",
        "平", "刚", "桂英", "浩", "宇", "鑫", "欣怡", "梓涵", "子轩", "一诺", "建华", "国强", "晓东", "海燕", "志强", "丹", "俊杰", "思远",
    ]
    /// Province, plate prefix, cities and districts.
    public static let regions: [(province: String, plate: String, city: String, districts: [String])] = [
        ("北京", "京", "北京市", ["朝阳区", "海淀区", "丰台区", "东城区", "通州区"]),
        ("上海", "沪", "上海市", ["浦东新区", "徐汇区", "静安区", "闵行区"]),
        ("广东", "粤", "广州市", ["天河区", "越秀区", "番禺区", "白云区"]),
        ("四川", "川", "成都市", ["武侯区", "锦江区", "青羊区", "高新区"]),
        ("浙江", "浙", "杭州市", ["西湖区", "滨江区", "余杭区"]),
        ("吉林", "吉", "长春市", ["朝阳区", "南关区", "绿园区"]),
    ]
    public static let streets = ["建国路", "人民路", "解放大道", "中山路", "长江路", "世纪大道", "文化路", "和平街", "友谊大街", "科技路"]
    /// Make, model, WMI, VDS prefix.
    public static let models: [(make: String, model: String, wmi: String, vds: String)] = [
        ("Volkswagen", "Sagitar", "LFV", "2A21K"), ("Volkswagen", "Magotan", "LFV", "3A23C"),
        ("Volkswagen", "Jetta", "LFV", "2A11G"),
        ("Volkswagen", "Bora", "LFV", "2B15L"), ("Volkswagen", "Tiguan L", "LFV", "3B28E"),
        ("Volkswagen", "CC", "LFV", "3A28P"),
        ("Toyota", "Corolla", "LTV", "BM3E1"), ("Honda", "Accord", "LHG", "CV1F3"),
    ]
    /// The demo dealer's staff with their roles: every owner the generated cards name is one of them (C-10), so
    /// they are added before the customer file is imported.
    public static let staffRoles: [(name: String, role: Role)] = [
        ("张伟", .salesConsultant), ("李娜", .csAgent), ("刘洋", .salesConsultant), ("王丽", .serviceAdvisor),
        ("陈静", .csManager),
    ]
    public static var staff: [String] { staffRoles.map(\.name) }
    public static let sources = [
        "new-car display", "advertising", "marketing event", "after-sales care", "staff contact",
    ]
    static let yearCodes = Array("ABCDEFGHJKLMNPRSTVWXY123456789")

    public var random: SeededRandom
    public let now: Date
    public let zone = TimeZone(identifier: "Asia/Shanghai")!

    public init(seed: UInt64, now: Date) {
        random = SeededRandom(seed: seed)
        self.now = now
    }

    public mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
    public mutating func chance(_ p: Double) -> Bool { Double(random.next() % 10_000) / 10_000 < p }
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    /// A Chinese full name.
    public mutating func name() -> String { String(pick(Self.surnames)) + pick(Self.givenNames) }

    /// A mobile number unique to `index` (a bijection of the index onto 8 digits behind a 13x-19x prefix).
    public static func mobile(_ index: Int) -> String {
        let prefixes = ["138", "139", "136", "158", "186", "177", "150", "189"]
        let block = index / 100_000_000
        let spread = (index % 100_000_000) &* 7_919 % 100_000_000  // 7919 is prime to 10^8: a permutation
        return prefixes[block % prefixes.count] + String(format: "%08d", spread)
    }

    /// A VIN with a correct check digit, unique to `index`.
    public static func vin(
        _ index: Int, model: (make: String, model: String, wmi: String, vds: String), year: Int
    ) -> VIN {
        let yearCode = yearCodes[(year - 2010 + yearCodes.count) % yearCodes.count]
        let serial = String(format: "%06d", index % 1_000_000)
        let plant = "N3ABCDEFGH"[String.Index(utf16Offset: (index / 1_000_000) % 10, in: "N3ABCDEFGH")]
        let draft = VIN(trusted: model.wmi + model.vds + "0" + String(yearCode) + String(plant) + serial)
        return VIN(
            trusted: model.wmi + model.vds + String(draft.expectedCheckDigit) + String(yearCode) + String(plant)
                + serial)
    }

    /// A plate unique to `index` within its province.
    public mutating func plate(_ index: Int, prefix: String) -> String {
        let letters = Array("ABCDEFGHJKLMNPQ")
        let body = String(format: "%05d", index % 100_000)
        return prefix + String(letters[(index / 100_000) % letters.count]) + "·" + body
    }

    /// The header of the customer CSV layout this generator writes.
    public static let csvHeader =
        "customer_ref,kind,name,class,grade,source,gender,birth_date,phones,email,region,address,occupation,owner,"
        + "vin,plate,make,model,model_year,build_date,usage,invoice_date,delivered_at,mileage_km,mileage_date"

    /// One CSV row (without newline) for customer `index`: a customer and, for base customers, a vehicle and a reading.
    public mutating func csvRow(_ index: Int) -> String {
        let region = pick(Self.regions)
        let roll = int(0...99)
        let customerClass = roll < 60 ? "retained" : roll < 75 ? "intention" : roll < 90 ? "potential" : "defeated"
        let gender = chance(0.55) ? "male" : "female"
        let birth = LocalDate(year: int(1955...2002), month: int(1...12), day: int(1...28))!
        let today = LocalDate(instant: now, in: zone)
        var fields: [String] = [
            "C\(index + 1)", "person", name(), customerClass,
            customerClass == "potential" ? pick(["A", "B", "C"]) : "",
            customerClass == "potential" ? pick(Self.sources) : "",
            gender, birth.description, Self.mobile(index), chance(0.3) ? "user\(index)@example.cn" : "",
            region.province, "\(region.city)\(pick(region.districts))\(pick(Self.streets))\(int(1...300))号",
            pick(["教师", "工程师", "个体经营", "公务员", "出租车司机", "销售", "医生", "自由职业"]),
            chance(0.97) ? pick(Self.staff) : "",
        ]
        if customerClass == "retained" || customerClass == "defeated" || (customerClass == "intention" && chance(0.2)) {
            let model = pick(Self.models)
            let deliveryDay = today.adding(days: -int(95...(365 * 7)))
            let year = deliveryDay.year + (deliveryDay.month >= 9 ? 1 : 0)
            let built = deliveryDay.adding(days: -int(20...120))
            let usage = roll % 9 == 0 ? "taxi" : roll % 13 == 0 ? "commercial" : "private"
            let yearsOwned = Double(deliveryDay.days(until: today)) / 365
            let perYear =
                usage == "taxi"
                ? int(80_000...120_000) : usage == "commercial" ? int(30_000...50_000) : int(8_000...20_000)
            let readingDay = today.adding(days: -int(1...300))
            let km = max(0, Int(Double(perYear) * max(yearsOwned - Double(readingDay.days(until: today)) / 365, 0.05)))
            let delivered =
                "\(deliveryDay) \(String(format: "%02d", int(9...18))):\(String(format: "%02d", int(0...59)))"
            fields += [
                Self.vin(index, model: model, year: year).value, plate(index, prefix: region.plate), model.make,
                model.model, String(year),
                built.description, usage, deliveryDay.description, delivered, String(km), readingDay.description,
            ]
        } else {
            fields += Array(repeating: "", count: 11)
        }
        return fields.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",")
    }
}
