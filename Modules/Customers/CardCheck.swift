import Foundation

/// Rule C-10: what a carefully filled customer card holds, so careless cards can be listed.
public enum CardCheck {
    /// The fields missing from a card: name and a phone always; for base customers (C-3) also the
    /// address and region; for retained customers (C-4) at least one vehicle.
    public static func missingFields(_ customer: Customer, phoneCount: Int, vehicleCount: Int) -> [String] {
        var missing: [String] = []
        func blank(_ text: String?) -> Bool { (text ?? "").trimmed().isEmpty }
        if blank(customer.name) { missing.append("name") }
        if phoneCount == 0 { missing.append("phone") }
        if customer.customerClass.isBase {
            if blank(customer.address) { missing.append("address") }
            if blank(customer.region) { missing.append("region") }
            if blank(customer.owner) { missing.append("owner") }
        }
        if customer.customerClass == .potential, customer.grade == nil { missing.append("grade") }
        if customer.customerClass == .retained, vehicleCount == 0 { missing.append("vehicle") }
        return missing
    }
}
