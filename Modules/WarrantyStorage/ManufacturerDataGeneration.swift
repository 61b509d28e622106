import GRDB

/// A counter that moves on with every committed write to the manufacturer's data (bulletins and their
/// applicability, the catalogue, parts and prices, warranty terms, master-data vehicles). An import records it
/// after its own writes, so a later import of the same file knows cheaply whether anything stored has changed
/// since: if the counter still stands there, the file's items are all stored as that import left them.
///
/// Triggers (migration "2026-12-09 catalog: the generation of the manufacturer's data") move it for every table
/// whose rows come by the hundred or thousand. The two tables that take millions of rows are left to their
/// writers, a trigger per row costing about 0.4 µs (0.4 s for a million vehicles): `bulletin_vin` changes only
/// with its bulletin's row (`vin_count`), and whoever inserts into `manufacturer_vehicle` calls `bump` (its
/// updates and deletes have triggers).
package enum ManufacturerDataGeneration {
    /// Moves the generation on (inside the writer's transaction: rolled back with it).
    package static func bump(_ db: Database) throws {
        try db.execute(sql: "UPDATE manufacturer_data_generation SET generation = generation + 1 WHERE id = 1")
    }

    /// The generation now.
    package static func current(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT generation FROM manufacturer_data_generation WHERE id = 1") ?? 0
    }
}
