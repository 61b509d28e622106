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
    }
}
