import Core
import CustomerStorage
import GRDB
import StorageKernel
import Warranty

/// Warranty: terms (W-1), exclusions (W-4), fitted parts (W-3), maintenance visits (W-9), bulletins with
/// revisions, VIN lists and ranges (W-6), completions, manufacturer vehicle master data, claims (W-7).
package enum WarrantySchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(
            "2026-11-23 warranty: terms, exclusions, parts, maintenance, bulletins, master data, claims"
        ) { db in
            try db.execute(
                sql: """
                    CREATE TABLE warranty_term (
                        id INTEGER PRIMARY KEY,
                        make TEXT NOT NULL,
                        model TEXT NOT NULL DEFAULT '',
                        usage TEXT NOT NULL,
                        months INTEGER NOT NULL,
                        kilometres INTEGER NOT NULL,
                        effective TEXT NOT NULL,
                        source TEXT NOT NULL,
                        UNIQUE (make, model, usage, effective)
                    );
                    CREATE TABLE warranty_exclusion (
                        id INTEGER PRIMARY KEY,
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        kind TEXT NOT NULL,
                        condition TEXT,
                        component TEXT,
                        recorded_on TEXT NOT NULL,
                        source TEXT NOT NULL,
                        note TEXT,
                        created_at DATETIME NOT NULL
                    );
                    CREATE INDEX warranty_exclusion_vehicle ON warranty_exclusion(vehicle_id);
                    CREATE TABLE fitted_part (
                        id INTEGER PRIMARY KEY,
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        part_number TEXT NOT NULL,
                        part_key TEXT NOT NULL,
                        fitted_on TEXT NOT NULL,
                        invoice TEXT NOT NULL,
                        created_at DATETIME NOT NULL
                    );
                    CREATE INDEX fitted_part_vehicle ON fitted_part(vehicle_id, part_key);
                    CREATE TABLE maintenance_visit (
                        id INTEGER PRIMARY KEY,
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        day TEXT NOT NULL,
                        kilometres INTEGER NOT NULL,
                        independent BOOLEAN NOT NULL DEFAULT 0,
                        proof TEXT,
                        created_at DATETIME NOT NULL
                    );
                    CREATE INDEX maintenance_visit_vehicle ON maintenance_visit(vehicle_id, day);
                    CREATE TABLE manufacturer_vehicle (
                        vin TEXT PRIMARY KEY,
                        make TEXT NOT NULL,
                        model TEXT NOT NULL,
                        year INTEGER,
                        built TEXT
                    ) WITHOUT ROWID;
                    CREATE TABLE bulletin (
                        id INTEGER PRIMARY KEY,
                        manufacturer TEXT NOT NULL,
                        number TEXT NOT NULL,
                        revision INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        status TEXT NOT NULL,
                        issued TEXT NOT NULL,
                        title TEXT NOT NULL,
                        component TEXT NOT NULL,
                        component_key TEXT NOT NULL,
                        content TEXT NOT NULL,
                        vin_count INTEGER NOT NULL,
                        -- which kinds of criterion are present, so matching needs no decoding (W-6)
                        has_model BOOLEAN NOT NULL,
                        has_built BOOLEAN NOT NULL,
                        has_vin_selection BOOLEAN NOT NULL,
                        only_built BOOLEAN NOT NULL,
                        extension_months INTEGER,
                        extension_km INTEGER,
                        stored_at DATETIME NOT NULL,
                        stored_by TEXT NOT NULL,
                        UNIQUE (manufacturer, number)
                    );
                    CREATE INDEX bulletin_kind ON bulletin(kind, status);
                    CREATE INDEX bulletin_only_built ON bulletin(id) WHERE only_built = 1;
                    CREATE INDEX bulletin_component ON bulletin(component_key);
                    CREATE TABLE bulletin_revision (
                        bulletin_id INTEGER NOT NULL REFERENCES bulletin(id),
                        revision INTEGER NOT NULL,
                        content TEXT NOT NULL,
                        vin_count INTEGER NOT NULL,
                        stored_at DATETIME NOT NULL,
                        stored_by TEXT NOT NULL,
                        PRIMARY KEY (bulletin_id, revision)
                    );
                    CREATE TABLE bulletin_vin (
                        vin TEXT NOT NULL,
                        bulletin_id INTEGER NOT NULL,
                        PRIMARY KEY (vin, bulletin_id)
                    ) WITHOUT ROWID;
                    CREATE INDEX bulletin_vin_bulletin ON bulletin_vin(bulletin_id);
                    CREATE TABLE bulletin_range (
                        bulletin_id INTEGER NOT NULL,
                        range_key TEXT NOT NULL,
                        -- the first three characters of the serials the range covers, one row each; '*' for wide ranges
                        bucket TEXT NOT NULL,
                        serial_from TEXT NOT NULL,
                        serial_to TEXT NOT NULL
                    );
                    CREATE INDEX bulletin_range_key ON bulletin_range(range_key, bucket, serial_from, serial_to, \
                    bulletin_id);
                    CREATE INDEX bulletin_range_bulletin ON bulletin_range(bulletin_id);
                    CREATE TABLE bulletin_model (
                        bulletin_id INTEGER NOT NULL,
                        make_key TEXT NOT NULL,
                        model_key TEXT NOT NULL,
                        -- open bounds are stored as 0 and 9999 so the index can seek on them
                        year_from INTEGER NOT NULL,
                        year_to INTEGER NOT NULL
                    );
                    CREATE INDEX bulletin_model_key ON bulletin_model(make_key, model_key, year_to, year_from, \
                    bulletin_id);
                    CREATE INDEX bulletin_model_bulletin ON bulletin_model(bulletin_id);
                    CREATE TABLE bulletin_built (
                        bulletin_id INTEGER NOT NULL,
                        built_from TEXT,
                        built_to TEXT
                    );
                    CREATE INDEX bulletin_built_bulletin ON bulletin_built(bulletin_id);
                    CREATE TABLE bulletin_completion (
                        manufacturer TEXT NOT NULL,
                        number TEXT NOT NULL,
                        vin TEXT NOT NULL,
                        completed_on TEXT NOT NULL,
                        work_ref TEXT,
                        actor TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        PRIMARY KEY (manufacturer, number, vin)
                    ) WITHOUT ROWID;
                    CREATE TABLE claim (
                        id INTEGER PRIMARY KEY,
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        mileage INTEGER NOT NULL,
                        failure TEXT NOT NULL,
                        cause TEXT NOT NULL,
                        repair_order TEXT,
                        repair_line TEXT,
                        status TEXT NOT NULL,
                        decision TEXT NOT NULL,
                        amount_fen INTEGER NOT NULL,
                        manufacturer_ref TEXT,
                        rejection_reason TEXT,
                        paid_fen INTEGER,
                        created_at DATETIME NOT NULL,
                        created_by TEXT NOT NULL,
                        updated_at DATETIME NOT NULL
                    );
                    CREATE INDEX claim_status ON claim(status);
                    CREATE TABLE claim_line (
                        claim_id INTEGER NOT NULL REFERENCES claim(id),
                        position INTEGER NOT NULL,
                        kind TEXT NOT NULL,
                        code TEXT NOT NULL,
                        quantity_hundredths INTEGER NOT NULL,
                        unit_price_fen INTEGER NOT NULL,
                        amount_fen INTEGER NOT NULL,
                        PRIMARY KEY (claim_id, position)
                    );
                    CREATE TABLE claim_event (
                        id INTEGER PRIMARY KEY,
                        claim_id INTEGER NOT NULL REFERENCES claim(id),
                        action TEXT NOT NULL,
                        from_status TEXT,
                        to_status TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        actor TEXT NOT NULL,
                        note TEXT
                    );
                    CREATE INDEX claim_event_claim ON claim_event(claim_id);
                    """)
            for term in WarrantyTerm.defaults {
                try db.execute(
                    sql:
                        "INSERT INTO warranty_term (make, model, usage, months, kilometres, effective, source) VALUES "
                        + "(?, '', ?, ?, ?, ?, ?)",
                    arguments: [term.make, term.usage, term.months, term.kilometres, term.effective, term.source])
            }
        }
        // W-6, W-7: a claim for a recall's or campaign's remedy names its bulletin.
        migrator.registerMigration("2026-12-05 warranty: a claim names its bulletin") { db in
            try db.execute(
                sql: """
                    ALTER TABLE claim ADD COLUMN bulletin_manufacturer TEXT;
                    ALTER TABLE claim ADD COLUMN bulletin_number TEXT;
                    """)
        }
        // Q-1, W-7: a claim line says where its hours or price came from when not the catalogue; a cancel says why.
        migrator.registerMigration("2026-12-05 warranty: claim line notes, cancelled claims") { db in
            try db.execute(
                sql: """
                    ALTER TABLE claim_line ADD COLUMN note TEXT;
                    ALTER TABLE claim ADD COLUMN cancel_reason TEXT;
                    CREATE INDEX claim_repair_line ON claim(repair_order, repair_line);
                    """)
        }
        // W-6: ranges spanning several buckets were indexed under their decimal prefixes only, so a serial with
        // a letter between them was missed; they move to the catch-all bucket (new imports list every prefix).
        migrator.registerMigration("2026-12-06 warranty: VIN ranges across buckets read through the catch-all") { db in
            try db.execute(
                sql: """
                    INSERT INTO bulletin_range (bulletin_id, range_key, bucket, serial_from, serial_to)
                        SELECT DISTINCT bulletin_id, range_key, '*', serial_from, serial_to FROM bulletin_range
                        WHERE bucket != '*' AND substr(serial_from, 1, 3) != substr(serial_to, 1, 3);
                    DELETE FROM bulletin_range WHERE bucket != '*' AND substr(serial_from, 1, 3) != substr(serial_to, \
                    1, 3);
                    """)
        }
    }
}
