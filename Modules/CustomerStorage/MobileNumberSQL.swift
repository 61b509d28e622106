import Customers
import GRDB

extension ContactDetails {
    /// A correlated subquery for the customer `customerColumn` names (`c.id`) that gives the first of the customer's
    /// numbers that may be a mobile number (`isMobile`'s range and length, read off the phone key without matching
    /// each digit): a shortcut of the one definition, made exact by `mobileNumber(_:candidate:customer:)`.
    package static func mobileCandidateSQL(customer customerColumn: String) -> String {
        """
        (SELECT phone FROM customer_phone WHERE customer_id = \(customerColumn) AND phone >= '13' AND phone < '2' \
        AND length(phone) = 11 ORDER BY phone LIMIT 1)
        """
    }

    /// The customer's mobile number by `isMobile` (the first in phone order), from the candidate the subquery gave.
    /// Every mobile number is a candidate, so none means none; a candidate the rule refuses (text stored by hand
    /// with a letter in it) sends the lookup to every number of the customer.
    package static func mobileNumber(_ db: Database, candidate: String?, customer: Int64) throws -> String? {
        guard let candidate else { return nil }
        if isMobile(candidate) { return candidate }
        return try String.fetchAll(
            db, sql: "SELECT phone FROM customer_phone WHERE customer_id = ? ORDER BY phone", arguments: [customer]
        ).first(where: isMobile)
    }
}
