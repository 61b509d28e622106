import Foundation

/// An amount of money in integer fen (分): never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let fen: Int64

    public init(fen: Int64) { self.fen = fen }

    /// Parses `86`, `86.5` or `86.00` (at most two decimal places, not negative).
    public init?(yuan text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, !parts[0].hasPrefix("+") else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCII), let f = Int64(digits), f >= 0 else {
                return nil
            }
            fraction = digits.count == 1 ? f * 10 : f
        }
        // An amount no till holds is not an amount: refused, never an overflow trap (text comes from people).
        let (hundred, overflow) = whole.multipliedReportingOverflow(by: 100)
        guard !overflow, hundred <= Int64.max - fraction else { return nil }
        self.fen = hundred + fraction
    }

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }

    /// `1234.50`: for machines (a claim line as typed, CSV), without grouping.
    public var plain: String {
        let sign = fen < 0 ? "-" : ""
        return "\(sign)\(fen.magnitude / 100).\(String(format: "%02d", Int(fen.magnitude % 100)))"
    }

    /// `1,234.50`
    public var description: String {
        let sign = fen < 0 ? "-" : ""
        let absolute = fen.magnitude
        return "\(sign)\(Grouping.thousands(Int(absolute / 100))).\(String(format: "%02d", Int(absolute % 100)))"
    }
}

/// Number formatting shared by the readable outputs.
public enum Grouping {
    /// `61200` → `61,200`
    public static func thousands(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return value < 0 ? "-" + out : out
    }
}
