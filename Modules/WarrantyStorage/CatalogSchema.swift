import CustomerStorage
import GRDB
import StorageKernel

/// The manufacturer's catalogue (labour operations, parts with their price history, Q-1), parts warranty
/// terms (W-3) and where each stored bulletin revision came from.
package enum CatalogSchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(
            "2026-11-24 catalog: labour operations, parts and prices, parts warranty, bulletin source"
        ) { db in
            try db.execute(
                sql: """
                    CREATE TABLE labour_operation (
                        id INTEGER PRIMARY KEY,
                        code TEXT NOT NULL,
                        make TEXT NOT NULL,
                        model TEXT NOT NULL DEFAULT '',
                        centihours INTEGER NOT NULL CHECK (centihours > 0),
                        description TEXT NOT NULL,
                        source TEXT NOT NULL,
                        updated_at DATETIME NOT NULL,
                        UNIQUE (code, make, model)
                    );
                    CREATE TABLE part (
                        number TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        price_fen INTEGER NOT NULL CHECK (price_fen > 0),
                        currency TEXT NOT NULL,
                        effective TEXT NOT NULL,
                        source TEXT NOT NULL,
                        updated_at DATETIME NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE part_price (
                        number TEXT NOT NULL REFERENCES part(number),
                        effective TEXT NOT NULL,
                        price_fen INTEGER NOT NULL,
                        currency TEXT NOT NULL,
                        source TEXT NOT NULL,
                        PRIMARY KEY (number, effective)
                    ) WITHOUT ROWID;
                    CREATE TABLE parts_warranty_term (
                        id INTEGER PRIMARY KEY,
                        make TEXT NOT NULL,
                        model TEXT NOT NULL DEFAULT '',
                        months INTEGER NOT NULL,
                        effective TEXT NOT NULL,
                        source TEXT NOT NULL,
                        UNIQUE (make, model, effective)
                    );
                    ALTER TABLE bulletin ADD COLUMN source TEXT NOT NULL DEFAULT '';
                    """)
        }
        // A file imported before is not read again while nothing it touches has changed since: every write to the
        // manufacturer's data moves its generation on (see `ManufacturerDataGeneration`).
        migrator.registerMigration("2026-12-09 catalog: the generation of the manufacturer's data") { db in
            try db.execute(
                sql: """
                    CREATE TABLE manufacturer_data_generation (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        generation INTEGER NOT NULL
                    );
                    INSERT INTO manufacturer_data_generation VALUES (1, 0);
                    CREATE TABLE manufacturer_import_generation (
                        import_run INTEGER PRIMARY KEY REFERENCES import_run(id),
                        generation INTEGER NOT NULL,
                        bytes INTEGER NOT NULL
                    );
                    """)
            // Every table whose rows come by the hundred or thousand; `bulletin_vin` and inserts into
            // `manufacturer_vehicle` (millions of rows) are left to their writers (`ManufacturerDataGeneration`).
            let triggered =
                [
                    "bulletin", "bulletin_revision", "bulletin_range", "bulletin_model", "bulletin_built",
                    "labour_operation", "part", "part_price", "warranty_term", "parts_warranty_term",
                ].map { ($0, ["INSERT", "UPDATE", "DELETE"]) } + [("manufacturer_vehicle", ["UPDATE", "DELETE"])]
            for (table, events) in triggered {
                for event in events {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_\(event.lowercased())_generation AFTER \(event) ON \(table)
                            BEGIN UPDATE manufacturer_data_generation SET generation = generation + 1 WHERE id = 1; END
                            """)
                }
            }
        }
    }
}
