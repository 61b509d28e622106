import Core
import Customers
import Foundation
import GRDB
import StorageKernel

/// One entry of a C-10 check list: which customer, what is wrong, and since when.
public struct CheckFinding: Codable, Sendable, Equatable {
    public var check: String
    public var customerID: Customer.ID
    public var customerName: String
    public var owner: String?
    public var problem: String
}

/// A stored day as people read it (`2026年11月30日` in Chinese), or the stored text when it is no day.
private func day(_ text: String) -> Phrase { LocalDate(text).map { "\($0)" } ?? Phrase(verbatim: text) }

/// The C-10 lists customer service works through.
public enum CustomerCheck: String, CaseIterable, Codable, Sendable {
    /// A card filled in carelessly: required fields missing.
    case carelessCards = "careless-cards"
    /// Base customers not contacted for the configured number of days.
    case lapsedContact = "lapsed-contact"
    /// A dissatisfied contact without a later follow-up.
    case dissatisfiedWithoutFollowUp = "dissatisfied-no-follow-up"
    /// Customers whose owner has left the dealer.
    case departedStaff = "departed-staff"
    /// Customer data not updated: vehicles of retained customers without a recent mileage reading.
    case staleData = "stale-data"

    /// The check as people read it (a heading of its list).
    public var spoken: Phrase {
        switch self {
        case .carelessCards: "careless-cards"
        case .lapsedContact: "lapsed-contact"
        case .dissatisfiedWithoutFollowUp: "dissatisfied-no-follow-up"
        case .departedStaff: "departed-staff"
        case .staleData: "stale-data"
        }
    }
}

extension AppDatabase {
    /// Runs one C-10 check on `asOf` and returns up to `limit` findings.
    public func runCheck(_ check: CustomerCheck, asOf: LocalDate, limit: Int = 500) throws -> [CheckFinding] {
        try writer.read { db in
            let settings = try Self.settings(db)
            let zone = settings.timeZone
            switch check {
            case .carelessCards:
                var findings: [CheckFinding] = []
                let cursor = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT c.*, (SELECT count(*) FROM customer_phone p WHERE p.customer_id = c.id) AS phone_count,
                               (SELECT count(*) FROM vehicle v WHERE v.customer_id = c.id) AS vehicle_count
                        FROM customer c ORDER BY c.id
                        """)
                while let row = try cursor.next(), findings.count < limit {
                    let customer = Customer(row: row)
                    let missing = CardCheck.missingFields(
                        customer, phoneCount: row["phone_count"], vehicleCount: row["vehicle_count"])
                    if !missing.isEmpty {
                        findings.append(
                            CheckFinding(
                                check: check.rawValue, customerID: customer.id!, customerName: customer.name,
                                owner: customer.owner,
                                problem: said(
                                    "missing \(Phrase.joined(missing.map(Phrase.init(key:)), separator: ", ")) (C-10)"
                                )))
                    }
                }
                return findings
            case .lapsedContact:
                let days = settings.integer(.contactLapseDays)
                let cutoff = asOf.adding(days: -days).startInstant(in: zone)
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.id, c.name, c.owner, c.created_at, (SELECT max(at) FROM contact k WHERE k.customer_id \
                        = c.id) AS last_contact
                        FROM customer c WHERE c.customer_class <> 'potential'
                        AND coalesce((SELECT max(at) FROM contact k WHERE k.customer_id = c.id), c.created_at) < ?
                        ORDER BY last_contact, c.id LIMIT ?
                        """, arguments: [cutoff, limit]
                ).map { row in
                    let last: Date? = row["last_contact"]
                    let problem: Phrase =
                        last.map {
                            "no contact since \(LocalDate(instant: $0, in: zone)) "
                                + "(\(LocalDate(instant: $0, in: zone).days(until: asOf)) days; plan expects one "
                                + "within \(days), C-10)"
                        }
                        ?? "never contacted since the card was created on "
                        + "\(LocalDate(instant: row["created_at"], in: zone)) (C-10)"
                    return CheckFinding(
                        check: check.rawValue, customerID: row["id"], customerName: row["name"], owner: row["owner"],
                        problem: said(problem))
                }
            case .dissatisfiedWithoutFollowUp:
                let days = settings.integer(.dissatisfiedFollowUpDays)
                let cutoff = asOf.adding(days: -days).startInstant(in: zone)
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.id, c.name, c.owner, k.at FROM contact k JOIN customer c ON c.id = k.customer_id
                        WHERE k.outcome = 'dissatisfied' AND k.at < ?
                        AND NOT EXISTS (SELECT 1 FROM contact later WHERE later.customer_id = k.customer_id AND \
                        later.at > k.at)
                        ORDER BY k.at LIMIT ?
                        """, arguments: [cutoff, limit]
                ).map { row in
                    let day = LocalDate(instant: row["at"], in: zone)
                    return CheckFinding(
                        check: check.rawValue, customerID: row["id"], customerName: row["name"], owner: row["owner"],
                        problem: said(
                            "dissatisfied on \(day), no follow-up for \(day.days(until: asOf)) days (expected within "
                                + "\(days), C-10)")
                    )
                }
            case .departedStaff:
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.id, c.name, c.owner, s.left_on FROM customer c JOIN staff s ON s.name = c.owner
                        WHERE s.left_on IS NOT NULL ORDER BY c.owner, c.id LIMIT ?
                        """, arguments: [limit]
                ).map { row in
                    CheckFinding(
                        check: check.rawValue, customerID: row["id"], customerName: row["name"], owner: row["owner"],
                        problem: said(
                            "owner \(row["owner"] as String) left on \(day(row["left_on"])); reassign with "
                                + "`aftersales checks reassign` (C-10)")
                    )
                }
            case .staleData:
                let days = settings.integer(.staleMileageDays)
                let cutoff = asOf.adding(days: -days).startInstant(in: zone)
                return try Row.fetchAll(
                    db,
                    sql: """
                        SELECT c.id, c.name, c.owner, v.vin, (SELECT max(read_at) FROM mileage_reading m WHERE \
                        m.vehicle_id = v.id) AS last_reading
                        FROM vehicle v JOIN customer c ON c.id = v.customer_id
                        WHERE c.customer_class = 'retained'
                        AND coalesce((SELECT max(read_at) FROM mileage_reading m WHERE m.vehicle_id = v.id), \
                        v.delivered_at, v.created_at) < ?
                        ORDER BY last_reading, v.id LIMIT ?
                        """, arguments: [cutoff, limit]
                ).map { row in
                    let last: Date? = row["last_reading"]
                    let what: Phrase =
                        last.map { "last mileage reading on \(LocalDate(instant: $0, in: zone))" }
                        ?? "no mileage reading"
                    return CheckFinding(
                        check: check.rawValue, customerID: row["id"], customerName: row["name"], owner: row["owner"],
                        problem: said("vehicle \(row["vin"] as String): \(what); data older than \(days) days (C-10)"))
                }
            }
        }
    }

    /// Hands every customer of `from` to `to` (a current staff member); each card's change is audited.
    /// Returns how many customers moved.
    public func reassignCustomers(from: String, to: String, actor: String) throws -> Int {
        try writer.write { db in
            let now = clock.now()
            try Self.checkOwner(db, to, at: now, field: "to")
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM customer WHERE owner = ?", arguments: [from])
            guard !ids.isEmpty else { throw NotFound("customers owned by", from, field: "from") }
            try db.execute(
                sql: "UPDATE customer SET owner = ?, updated_at = ? WHERE owner = ?", arguments: [to, now, from])
            try db.execute(
                sql: "UPDATE care_task SET assignee = ? WHERE assignee = ? AND done_at IS NULL", arguments: [to, from])
            for id in ids {
                try Audit.record(
                    db, at: now, actor: actor, entity: "customer", id: String(id), action: "reassign",
                    before: ["owner": from], after: ["owner": to])
            }
            return ids.count
        }
    }
}
