import Campaigns
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import StorageKernel
import Warranty
import WarrantyStorage

/// Which facts a segment, a template or a reminder needs beyond the card and the vehicle: each costs a
/// lookup per row, so only what is asked for is read.
package struct FactNeeds: OptionSet {
    package let rawValue: Int
    package static let mileage = FactNeeds(rawValue: 1)
    package static let lastVisit = FactNeeds(rawValue: 2)
    package static let value = FactNeeds(rawValue: 4)
    package static let valueRank = FactNeeds(rawValue: 8)
    package static let warrantyEnd = FactNeeds(rawValue: 16)
    package static let consent = FactNeeds(rawValue: 32)
    /// The VIN before the filter decides (open-bulletin asks by VIN); otherwise it is read for matches only.
    package static let vin = FactNeeds(rawValue: 64)

    package init(rawValue: Int) { self.rawValue = rawValue }

    /// What a segment's fields and a template's fields need.
    package init(fields: Set<SegmentField>, templateFields: Set<String> = []) {
        self = []
        if fields.contains(.mileage) || templateFields.contains("mileage") { insert(.mileage) }
        if fields.contains(.lastVisitDays) { insert(.lastVisit) }
        if fields.contains(.value) { insert(.value) }
        if fields.contains(.valueRank) { insert(.valueRank) }
        if fields.contains(.warrantyEndsIn) { insert(.warrantyEnd) }
        if !fields.isDisjoint(with: [.consentSMS, .consentEmail, .consentLetter]) { insert(.consent) }
        if fields.contains(.openBulletin) { insert(.vin) }
    }
}

extension AppDatabase {
    /// Calls `body` with the facts of every customer and vehicle, in customer order (a customer without a
    /// vehicle once, with no vehicle facts). `channel`'s consent is always read; the others when `needs` says.
    /// With `matching`, a row is first read only as far as a filter can ask (no names, addresses, phones or
    /// plates) and skipped when it does not match: most of a million rows cost a few columns then.
    package static func forEachCustomerFacts(
        _ db: Database, needs: FactNeeds, channel: MessageChannel?, zone: TimeZone,
        matching: ((CustomerFacts) -> Bool)? = nil, _ body: (CustomerFacts) throws -> Void
    ) throws {
        func consent(_ c: MessageChannel) -> String {
            needs.contains(.consent) || c == channel
                ? "(SELECT status FROM consent WHERE customer_id = c.id AND channel = '\(c.rawValue)')" : "NULL"
        }
        // W-9: the last visit's day and reading, which the next due point counts from.
        let lastVisit =
            "(SELECT day || ' ' || kilometres FROM maintenance_visit WHERE vehicle_id = v.id "
            + "ORDER BY day DESC, kilometres DESC LIMIT 1)"
        // W-2: the usage at delivery, the first entry of the usage history (as `UsageChange.fetchDeliveryUsage`).
        let deliveryUsage = "(SELECT usage FROM usage_change WHERE vehicle_id = v.id ORDER BY effective, id LIMIT 1)"
        let mileage = "(SELECT kilometres FROM mileage_reading WHERE vehicle_id = v.id ORDER BY read_at DESC LIMIT 1)"
        let revenue = "(SELECT sum(amount_fen) FROM customer_revenue WHERE customer_id = c.id)"
        let sql = """
            SELECT c.id, c.name, c.gender, c.customer_class, c.grade, c.region, c.owner, c.birth_date, c.email, \
            c.address,
                   \(ContactDetails.mobileCandidateSQL(customer: "c.id")),
                   v.vin, v.plate, v.make, v.model, v.model_year, v.usage, julianday(v.delivered_at),
                   \(needs.contains(.mileage) ? mileage : "NULL"),
                   \(needs.contains(.lastVisit) ? lastVisit : "NULL"),
                   \(needs.contains(.value) || needs.contains(.valueRank) ? revenue : "NULL"),
                   \(consent(.email)), \(consent(.sms)), \(consent(.letter)),
                   \(needs.contains(.warrantyEnd) ? deliveryUsage : "NULL")
            FROM customer c LEFT JOIN vehicle v ON v.customer_id = c.id
            ORDER BY c.id, v.id
            """
        let terms = needs.contains(.warrantyEnd) ? try Self.terms(db) : []
        let legal = needs.contains(.warrantyEnd) ? LegalPeriods(settings: try Self.settings(db)) : .minimum
        var ranks: [Int64: Int] = [:]
        if needs.contains(.valueRank) {
            for (index, id) in try Int64.fetchAll(
                db,
                sql:
                    "SELECT customer_id FROM customer_revenue GROUP BY customer_id ORDER BY sum(amount_fen) DESC, "
                    + "customer_id"
            ).enumerated() {
                ranks[id] = index + 1
            }
        }
        let statement = try RawStatement(db, sql)
        defer { statement.reset() }
        var previous: Int64 = -1
        let offset = zone.secondsFromGMT()
        while try statement.step(db) {
            let id = statement.integer(0)!
            var facts = CustomerFacts(
                customerID: Customer.ID(id), name: "",
                customerClass: CustomerClass(rawValue: statement.text(3) ?? "") ?? .potential)
            facts.firstVehicle = id != previous
            previous = id
            facts.gender = statement.text(2).flatMap(Gender.init(rawValue:))
            facts.grade = statement.text(4).flatMap(PotentialGrade.init(rawValue:))
            facts.region = statement.text(5)
            facts.owner = statement.text(6)
            facts.birthDate = statement.text(7).flatMap(LocalDate.init)
            let hasVehicle = !statement.isNull(11)
            if hasVehicle {
                if needs.contains(.vin) { facts.vin = statement.text(11).map(VIN.init(trusted:)) }
                facts.make = statement.text(13)
                facts.model = statement.text(14)
                facts.modelYear = statement.integer(15).map(Int.init)
                facts.usage = statement.text(16).flatMap(Usage.init(rawValue:))
                // Julian day to the dealer's day; the zone's current offset is close enough for a calendar day. The
                // milliseconds are rounded first: a delivery at local midnight must not slip to the day before.
                facts.deliveredOn = statement.real(17).map {
                    let local = Int((($0 - 2_440_587.5) * 86_400_000).rounded()) + offset * 1000
                    return LocalDate(dayNumber: local >= 0 ? local / 86_400_000 : (local - 86_399_999) / 86_400_000)
                }
                facts.mileage = statement.integer(18).map(Int.init)
                if let visit = statement.text(19)?.split(separator: " "), visit.count == 2 {
                    facts.lastVisit = LocalDate(String(visit[0]))
                    facts.lastVisitKilometres = Int(visit[1])
                }
                // M-1, M-2: the warranty end is the one `warranty check` gives (usage at delivery W-2, legal
                // minimum L-2).
                if needs.contains(.warrantyEnd), let delivered = facts.deliveredOn, let make = facts.make,
                    let model = facts.model
                {
                    let usage = statement.text(24).flatMap(Usage.init(rawValue:)) ?? facts.usage ?? .private
                    facts.warrantyEnds =
                        WarrantyPolicy.vehicleCoverage(
                            terms: terms, legal: legal, make: make, model: model, deliveryUsage: usage,
                            delivered: delivered)?.lastDay
                }
            }
            facts.valueFen = statement.integer(20) ?? 0
            facts.valueRank = ranks[id]
            for (column, channel) in [(Int32(21), MessageChannel.email), (22, .sms), (23, .letter)] {
                if let status = statement.text(column).flatMap(ConsentStatus.init(rawValue:)) {
                    facts.consent[channel] = status
                }
            }
            if let matching, !matching(facts) { continue }
            facts.name = statement.text(1) ?? ""
            facts.email = statement.text(8)
            facts.address = statement.text(9)
            // The first of the customer's numbers that is a mobile number, by the Customers rule (an SMS goes there):
            // SQL picks the candidate by the rule's shortcut, and the rule itself has the last word.
            facts.mobile = try ContactDetails.mobileNumber(db, candidate: statement.text(10), customer: id)
            if hasVehicle {
                if facts.vin == nil { facts.vin = statement.text(11).map(VIN.init(trusted:)) }
                facts.plate = statement.text(12)
            }
            try body(facts)
        }
    }

    /// Whether the vehicle has an open bulletin of `kind` (W-6), for segments that ask.
    package static func hasOpenBulletin(_ db: Database, vin: VIN?, kind: String) -> Bool {
        guard let vin else { return false }
        return ((try? openBulletins(db, vin: vin)) ?? []).contains { $0.kind.rawValue == kind.lowercased() }
    }

    /// The recalls and campaigns open on one of the dealer's vehicles (W-6).
    package static func openBulletins(_ db: Database, vin: VIN) throws -> [VehicleBulletin] {
        guard
            let card = try Row.fetchOne(db, sql: "SELECT * FROM vehicle WHERE vin = ?", arguments: [vin]).map(
                Vehicle.init(row:))
        else { return [] }
        return try vehicleBulletins(db, vin: vin, card: card).filter(\.open)
    }
}
