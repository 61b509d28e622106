import GRDB
import StorageKernel

/// The parts counter (issue 17): the count on hand per catalogue part, the journal of movements it is the sum of,
/// and the shortages that delay work orders (Q-7, routed by K-5).
package enum StockSchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-06 stock: counts on hand, movements, shortages") { db in
            try db.execute(
                sql: """
                    CREATE TABLE stock (
                        part TEXT PRIMARY KEY REFERENCES part(number),
                        on_hand INTEGER NOT NULL,
                        updated_at DATETIME NOT NULL
                    ) WITHOUT ROWID;
                    CREATE INDEX stock_low ON stock(on_hand, part);
                    CREATE TABLE stock_movement (
                        id INTEGER PRIMARY KEY,
                        part TEXT NOT NULL REFERENCES stock(part),
                        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'issue', 'return', 'adjustment')),
                        quantity INTEGER NOT NULL,
                        on_hand_after INTEGER NOT NULL,
                        supplier_ref TEXT,
                        work_order TEXT,
                        line INTEGER,
                        reason TEXT,
                        at DATETIME NOT NULL,
                        actor TEXT NOT NULL
                    );
                    CREATE INDEX stock_movement_part ON stock_movement(part, id);
                    CREATE INDEX stock_movement_order ON stock_movement(work_order, line, part)
                        WHERE work_order IS NOT NULL;
                    CREATE TABLE stock_shortage (
                        id INTEGER PRIMARY KEY,
                        part TEXT NOT NULL REFERENCES part(number),
                        work_order TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        missing INTEGER NOT NULL CHECK (missing > 0),
                        on_hand INTEGER NOT NULL,
                        asked INTEGER NOT NULL,
                        recorded_at DATETIME NOT NULL,
                        recorded_by TEXT NOT NULL,
                        routed_to TEXT NOT NULL,
                        resolved_at DATETIME
                    );
                    CREATE INDEX stock_shortage_open ON stock_shortage(work_order, line, part) \
                    WHERE resolved_at IS NULL;
                    CREATE INDEX stock_shortage_part ON stock_shortage(part) WHERE resolved_at IS NULL;
                    """)
        }
    }
}
