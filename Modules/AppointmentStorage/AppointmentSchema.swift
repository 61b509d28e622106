import GRDB
import StorageKernel

/// Appointments and the workshop's capacity (issue 18, A-1 to A-5): bays, technicians with their skills, shifts
/// and leave, service advisors with their reception slots, the skill each labour operation needs, and the
/// appointment register with its booked work and history. The store's opening hours are the core area's
/// (`opening_hours`, `store_day`, T-3).
package enum AppointmentSchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-08 appointments: capacity, the register, its history") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bay (
                        code TEXT PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('general', 'quick-service', 'alignment', 'body')),
                        active BOOLEAN NOT NULL DEFAULT 1
                    ) WITHOUT ROWID;
                    CREATE TABLE technician (
                        name TEXT PRIMARY KEY,
                        skills TEXT NOT NULL,
                        active BOOLEAN NOT NULL DEFAULT 1
                    ) WITHOUT ROWID;
                    CREATE TABLE technician_shift (
                        technician TEXT NOT NULL REFERENCES technician(name),
                        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                        opens INTEGER NOT NULL,
                        closes INTEGER NOT NULL CHECK (opens < closes),
                        PRIMARY KEY (technician, weekday)
                    ) WITHOUT ROWID;
                    CREATE TABLE technician_leave (
                        id INTEGER PRIMARY KEY,
                        technician TEXT NOT NULL REFERENCES technician(name),
                        from_day TEXT NOT NULL,
                        to_day TEXT NOT NULL CHECK (from_day <= to_day),
                        reason TEXT
                    );
                    CREATE INDEX technician_leave_days ON technician_leave(technician, to_day);
                    CREATE TABLE service_advisor (
                        name TEXT PRIMARY KEY,
                        arrivals_per_quarter INTEGER CHECK (arrivals_per_quarter > 0),
                        active BOOLEAN NOT NULL DEFAULT 1
                    ) WITHOUT ROWID;
                    CREATE TABLE advisor_shift (
                        advisor TEXT NOT NULL REFERENCES service_advisor(name),
                        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
                        opens INTEGER NOT NULL,
                        closes INTEGER NOT NULL CHECK (opens < closes),
                        PRIMARY KEY (advisor, weekday)
                    ) WITHOUT ROWID;
                    CREATE TABLE operation_skill (
                        operation TEXT PRIMARY KEY,
                        skill TEXT NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE appointment (
                        id INTEGER PRIMARY KEY,
                        number TEXT NOT NULL UNIQUE,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        vehicle_id INTEGER NOT NULL REFERENCES vehicle(id),
                        vin TEXT NOT NULL,
                        channel TEXT NOT NULL CHECK (channel IN ('phone', 'web', 'in-store', 'dealer-call')),
                        state TEXT NOT NULL
                            CHECK (state IN ('requested', 'booked', 'checked-in', 'cancelled', 'no-show')),
                        note TEXT,
                        arrival DATETIME,
                        advisor TEXT,
                        bay TEXT,
                        technician TEXT,
                        work_start DATETIME,
                        work_end DATETIME,
                        preferred_time DATETIME,
                        campaign_id INTEGER,
                        work_order TEXT,
                        price_fen INTEGER NOT NULL,
                        centihours INTEGER NOT NULL,
                        created_at DATETIME NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE INDEX appointment_arrival ON appointment(arrival) WHERE arrival IS NOT NULL;
                    CREATE INDEX appointment_bay ON appointment(bay, work_start) WHERE state = 'booked';
                    CREATE INDEX appointment_technician ON appointment(technician, work_start) WHERE state = 'booked';
                    CREATE INDEX appointment_advisor ON appointment(advisor, arrival) WHERE state = 'booked';
                    CREATE INDEX appointment_customer ON appointment(customer_id, created_at);
                    CREATE INDEX appointment_vehicle ON appointment(vehicle_id, created_at);
                    CREATE INDEX appointment_order ON appointment(work_order) WHERE work_order IS NOT NULL;
                    CREATE TABLE appointment_job (
                        appointment_id INTEGER NOT NULL REFERENCES appointment(id),
                        position INTEGER NOT NULL,
                        operation TEXT,
                        description TEXT NOT NULL,
                        centihours INTEGER NOT NULL CHECK (centihours > 0),
                        skill TEXT NOT NULL,
                        price_fen INTEGER NOT NULL,
                        PRIMARY KEY (appointment_id, position)
                    ) WITHOUT ROWID;
                    CREATE TABLE appointment_event (
                        id INTEGER PRIMARY KEY,
                        appointment_id INTEGER NOT NULL REFERENCES appointment(id),
                        kind TEXT NOT NULL,
                        at DATETIME NOT NULL,
                        actor TEXT NOT NULL,
                        arrival_before DATETIME,
                        arrival_after DATETIME,
                        note TEXT
                    );
                    CREATE INDEX appointment_event_appointment ON appointment_event(appointment_id, id);
                    """)
        }
        // The dealer's service menu: the parts a labour operation uses (the 5,000 km maintenance: oil,
        // oil filter), which the day-before parts list, check-in's part lines and the dealer calls' prices read.
        migrator.registerMigration("2026-12-08 appointments: the service menu's parts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE operation_part (
                        operation TEXT NOT NULL,
                        part TEXT NOT NULL REFERENCES part(number),
                        quantity INTEGER NOT NULL CHECK (quantity > 0),
                        PRIMARY KEY (operation, part)
                    ) WITHOUT ROWID;
                    """)
        }
        // Offers and bookings read the capacity held over a few days: a range of this covering index, not the
        // register; and the customer's usual advisor (the last repair order's) by customer, not by a scan of the
        // orders from the newest back.
        migrator.registerMigration("2026-12-08 appointments: held capacity, a customer's last order") { db in
            try db.execute(
                sql: """
                    CREATE INDEX appointment_held \
                    ON appointment(work_start, work_end, arrival, advisor, bay, technician, state) \
                    WHERE state IN ('booked', 'checked-in');
                    CREATE INDEX work_order_customer ON work_order(customer_id, arrived_at);
                    """)
        }
        // Rule C-8: a customer who decides to come is booked in the same contact; the booking names that contact.
        migrator.registerMigration("2026-12-08 appointments: the contact a booking was made in") { db in
            try db.execute(sql: "ALTER TABLE appointment ADD COLUMN contact_id INTEGER REFERENCES contact(id)")
        }
        // The workshop's capacity changes seldom and is read by every offer and booking: its generation, a
        // random number drawn again by every change to the tables it is read from, lets a process keep what it read
        // while the number stands (`WorkshopCapacityCache`). Random rather than counted, so that two databases
        // never share a number unless one is a copy of the other with the same capacity.
        migrator.registerMigration("2026-12-10 appointments: the generation of the workshop's capacity") { db in
            try db.execute(
                sql: """
                    CREATE TABLE workshop_capacity_generation (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        generation INTEGER NOT NULL
                    );
                    """)
            let tables = [
                "bay", "technician", "technician_shift", "technician_leave", "service_advisor", "advisor_shift",
                "opening_hours", "store_day",
            ]
            // Empty tables (a new database) are the same capacity everywhere: generation 0. Rows already there get a
            // number of their own.
            let rows = tables.map { "(SELECT count(*) FROM \($0))" }.joined(separator: " + ")
            try db.execute(
                sql: """
                    INSERT INTO workshop_capacity_generation
                    VALUES (1, CASE WHEN \(rows) > 0 THEN random() ELSE 0 END)
                    """)
            for table in tables {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_\(event.lowercased())_capacity_generation AFTER \(event) ON \(table)
                            BEGIN UPDATE workshop_capacity_generation SET generation = random() WHERE id = 1; END
                            """)
                }
            }
        }
    }
}
