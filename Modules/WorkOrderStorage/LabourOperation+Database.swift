import Catalog
import Core
import GRDB
import StorageKernel

extension AppDatabase {
    /// Rule Q-1: the catalogue's operation `code` for a vehicle's model, else for its make; nil when the catalogue does
    /// not know it. A repair-order line and a booking's work (issue 18) price from it.
    package static func labourOperation(
        _ db: Database, code: String, make: String, model: String
    ) throws -> LabourOperation? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT * FROM labour_operation WHERE code = ? AND make = ? AND model IN (?, '') \
                        ORDER BY model DESC LIMIT 1
                        """), arguments: [code, make, model])
        else { return nil }
        return LabourOperation(
            code: row["code"], make: row["make"], model: (row["model"] as String).nilIfEmpty,
            centihours: row["centihours"], description: row["description"])
    }
}
