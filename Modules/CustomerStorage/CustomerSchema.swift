import Customers
import GRDB
import StorageKernel

/// The customer base: cards, phones, class history (C-5), vehicles, usage history (W-2), mileage,
/// contacts (C-8) and care-plan tasks (C-7).
package enum CustomerSchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-11-23 customers: cards, vehicles, mileage, contacts, care tasks") { db in
            try db.execute(
                sql: """
                    CREATE TABLE customer (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        name TEXT NOT NULL,
                        customer_class TEXT NOT NULL,
                        grade TEXT,
                        source TEXT,
                        gender TEXT,
                        birth_date TEXT,
                        region TEXT,
                        occupation TEXT,
                        email TEXT,
                        address TEXT,
                        owner TEXT,
                        external_ref TEXT UNIQUE,
                        note TEXT,
                        created_at DATETIME NOT NULL,
                        updated_at DATETIME NOT NULL
                    );
                    CREATE INDEX customer_name ON customer(name);
                    CREATE INDEX customer_owner ON customer(owner);
                    CREATE TABLE customer_phone (
                        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                        phone TEXT NOT NULL,
                        shared BOOLEAN NOT NULL DEFAULT 0,
                        PRIMARY KEY (customer_id, phone)
                    ) WITHOUT ROWID;
                    CREATE INDEX customer_phone_phone ON customer_phone(phone);
                    CREATE TABLE class_move (
                        id INTEGER PRIMARY KEY,
                        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
                        from_class TEXT,
                        to_class TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        actor TEXT NOT NULL,
                        reason TEXT NOT NULL
                    );
                    CREATE INDEX class_move_customer ON class_move(customer_id);
                    CREATE TABLE vehicle (
                        id INTEGER PRIMARY KEY,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        vin TEXT NOT NULL UNIQUE,
                        plate TEXT,
                        plate_key TEXT,
                        make TEXT NOT NULL,
                        model TEXT NOT NULL,
                        model_year INTEGER,
                        build_date TEXT,
                        usage TEXT NOT NULL,
                        invoice_date TEXT,
                        delivered_at DATETIME,
                        created_at DATETIME NOT NULL
                    );
                    CREATE INDEX vehicle_customer ON vehicle(customer_id);
                    CREATE INDEX vehicle_plate_key ON vehicle(plate_key);
                    CREATE TABLE usage_change (
                        id INTEGER PRIMARY KEY,
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        usage TEXT NOT NULL,
                        effective TEXT NOT NULL,
                        recorded_at DATETIME NOT NULL,
                        actor TEXT NOT NULL,
                        reason TEXT
                    );
                    CREATE INDEX usage_change_vehicle ON usage_change(vehicle_id);
                    CREATE TABLE mileage_reading (
                        id INTEGER PRIMARY KEY,
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        kilometres INTEGER NOT NULL,
                        read_at DATETIME NOT NULL,
                        source TEXT NOT NULL,
                        odometer_replaced BOOLEAN NOT NULL DEFAULT 0
                    );
                    CREATE INDEX mileage_reading_vehicle ON mileage_reading(vehicle_id, read_at);
                    CREATE TABLE contact (
                        id INTEGER PRIMARY KEY,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        vehicle_id INTEGER REFERENCES vehicle(id),
                        channel TEXT NOT NULL,
                        direction TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        staff TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        note TEXT,
                        task_id INTEGER
                    );
                    CREATE INDEX contact_customer ON contact(customer_id, at);
                    CREATE TABLE care_task (
                        id INTEGER PRIMARY KEY,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        kind TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        rule TEXT NOT NULL,
                        window_start TEXT,
                        due_on TEXT NOT NULL,
                        assignee TEXT,
                        note TEXT,
                        done_at DATETIME,
                        done_by TEXT,
                        response TEXT,
                        created_at DATETIME NOT NULL,
                        UNIQUE (vehicle_id, kind, sequence)
                    );
                    CREATE INDEX care_task_open ON care_task(due_on) WHERE done_at IS NULL;
                    CREATE INDEX care_task_customer ON care_task(customer_id);
                    """)
        }
        migrator.registerMigration("2026-12-05 customers: the grade left behind is kept in the class history") { db in
            // C-2: only potential customers are graded. Customers already moved out of potential kept their grade
            // on the card, where every later edit refused it: the grade goes to their latest move out of potential.
            try db.execute(
                sql: """
                    ALTER TABLE class_move ADD COLUMN grade TEXT;
                    UPDATE class_move SET grade = (SELECT grade FROM customer WHERE customer.id = \
                    class_move.customer_id)
                    WHERE id IN (SELECT max(m.id) FROM class_move m JOIN customer c ON c.id = m.customer_id
                                 WHERE m.from_class = 'potential' AND c.customer_class != 'potential'
                                   AND c.grade IS NOT NULL
                                 GROUP BY m.customer_id);
                    UPDATE customer SET grade = NULL WHERE customer_class != 'potential' AND grade IS NOT NULL;
                    """)
        }
        // W-1, W-6, W-9: a make as people name it (大众) → the manufacturer's name (Volkswagen); vehicles already
        // recorded under an alias are renamed, so their terms and schedules are found.
        migrator.registerMigration("2026-12-05 customers: make aliases") { db in
            try db.execute(sql: "CREATE TABLE make_alias (alias TEXT PRIMARY KEY, make TEXT NOT NULL) WITHOUT ROWID")
            for (alias, make) in MakeAliases(MakeAliases.defaults).names {
                try db.execute(sql: "INSERT INTO make_alias (alias, make) VALUES (?, ?)", arguments: [alias, make])
            }
            try db.execute(
                sql: """
                    UPDATE vehicle SET make = (SELECT a.make FROM make_alias a WHERE a.alias = \
                    lower(trim(vehicle.make)))
                    WHERE lower(trim(make)) IN (SELECT alias FROM make_alias)
                    """)
        }
    }
}
