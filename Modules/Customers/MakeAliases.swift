import Core
import Foundation

/// What people call a make, and the name the manufacturer's data uses for it: 大众 is Volkswagen. Warranty
/// terms, maintenance schedules and bulletins are keyed by the manufacturer's name (W-1, W-6, W-9), so a
/// vehicle typed as 大众 must be stored as Volkswagen, or it silently falls back to the generic term.
public struct MakeAliases: Sendable, Equatable {
    /// Folded alias (trimmed, lower case) → the manufacturer's name.
    public private(set) var names: [String: String]

    public init(_ aliases: [String: String]) {
        names = Dictionary(aliases.map { (Self.fold($0.key), $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// The aliases a new database starts with; the dealer adds more (`aftersales make alias`).
    public static let defaults: [String: String] = [
        "大众": "Volkswagen", "一汽-大众": "Volkswagen", "一汽大众": "Volkswagen", "上汽大众": "Volkswagen", "上汽-大众": "Volkswagen",
        "vw": "Volkswagen", "奥迪": "Audi", "一汽-奥迪": "Audi", "斯柯达": "Skoda", "捷达": "Jetta", "丰田": "Toyota", "本田": "Honda",
        "日产": "Nissan", "别克": "Buick", "雪佛兰": "Chevrolet", "凯迪拉克": "Cadillac", "福特": "Ford", "宝马": "BMW",
        "奔驰": "Mercedes-Benz", "梅赛德斯-奔驰": "Mercedes-Benz", "现代": "Hyundai", "起亚": "Kia", "马自达": "Mazda",
    ]

    static func fold(_ text: String) -> String { text.trimmed().lowercased() }

    /// The manufacturer's name for `make` when it is an alias, else `make` as given (trimmed): an owner of a make
    /// the dealer does not sell is recorded as typed (C-4).
    public func canonical(_ make: String) -> String { names[Self.fold(make)] ?? make.trimmed() }
}
