import GRDB
import StorageKernel

/// Complaints (K-1 to K-14): the complaint file with its clock facts in columns (so the overdue list and
/// the ladder never decode JSON), its history, and its evidence.
package enum ComplaintSchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-12-01 complaints: files, history, attachments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE complaint (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        customer_id INTEGER NOT NULL REFERENCES customer(id),
                        vin TEXT,
                        work_order TEXT,
                        channel TEXT NOT NULL,
                        received_at DATETIME NOT NULL,
                        received_by TEXT NOT NULL,
                        owner TEXT NOT NULL,
                        description TEXT NOT NULL,
                        category TEXT NOT NULL,
                        cause TEXT,
                        wishes TEXT NOT NULL,
                        valid BOOLEAN,
                        invalid_explanation TEXT,
                        crisis BOOLEAN NOT NULL,
                        crisis_reason TEXT,
                        state TEXT NOT NULL,
                        level TEXT NOT NULL,
                        level_since DATETIME NOT NULL,
                        priority INTEGER NOT NULL,
                        first_contact_at DATETIME,
                        callback TEXT,
                        routed_at DATETIME,
                        routed_to TEXT,
                        routed_person TEXT,
                        advisor TEXT,
                        route_rule TEXT,
                        plan TEXT,
                        last_report_at DATETIME,
                        reports INTEGER NOT NULL,
                        late_reports INTEGER NOT NULL,
                        repeat_contacts INTEGER NOT NULL,
                        unfixed_visits INTEGER NOT NULL,
                        reassignments INTEGER NOT NULL,
                        missed_deadlines INTEGER NOT NULL,
                        reopened INTEGER NOT NULL,
                        resolution TEXT,
                        process_satisfaction INTEGER,
                        result_satisfaction INTEGER,
                        dimensions TEXT,
                        verdict_at DATETIME,
                        closed_at DATETIME,
                        followup_due TEXT,
                        followup_by TEXT,
                        followup_at DATETIME,
                        followup_result TEXT,
                        followup_satisfaction INTEGER,
                        root_cause TEXT,
                        preventive_action TEXT,
                        analysed_by TEXT,
                        analysed_at DATETIME,
                        -- 1 while a clock runs: open, or closed with the K-11 follow-up still to make
                        active BOOLEAN NOT NULL
                    );
                    CREATE INDEX complaint_active ON complaint(id) WHERE active;
                    CREATE INDEX complaint_received ON complaint(received_at);
                    CREATE INDEX complaint_customer ON complaint(customer_id);
                    CREATE INDEX complaint_open_crisis ON complaint(id) WHERE crisis AND state NOT IN ('closed', \
                    'invalid');
                    CREATE TABLE complaint_event (
                        id INTEGER PRIMARY KEY,
                        complaint_id INTEGER NOT NULL REFERENCES complaint(id),
                        at DATETIME NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        from_state TEXT,
                        to_state TEXT NOT NULL,
                        rule TEXT,
                        note TEXT
                    );
                    CREATE INDEX complaint_event_complaint ON complaint_event(complaint_id);
                    CREATE TABLE complaint_attachment (
                        id INTEGER PRIMARY KEY,
                        complaint_id INTEGER NOT NULL REFERENCES complaint(id),
                        name TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        media_type TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        content BLOB NOT NULL,
                        note TEXT,
                        added_at DATETIME NOT NULL,
                        added_by TEXT NOT NULL,
                        UNIQUE (complaint_id, sha256)
                    );
                    """)
        }
        migrator.registerMigration("2026-12-05 complaints: the K-6 report clock restarts at a reopen") { db in
            // K-6: when the complaint last went back to investigation (refused close or reopen); files already
            // reopened take it from their history.
            try db.execute(
                sql: """
                    ALTER TABLE complaint ADD COLUMN reopened_at DATETIME;
                    UPDATE complaint SET reopened_at = (
                        SELECT max(at) FROM complaint_event e
                        WHERE e.complaint_id = complaint.id AND e.action IN ('reopen', 'close-refused'))
                    WHERE reopened > 0;
                    """)
        }
        migrator.registerMigration("2026-12-05 complaints: a history entry keeps when it happened") { db in
            // A contact made at 10:00 and recorded at 11:00 shows both; NULL: it happened when it was recorded.
            try db.execute(sql: "ALTER TABLE complaint_event ADD COLUMN happened_at DATETIME")
        }
        // The repair-order sheet shows the vehicle's open complaints: found by VIN, not by reading every file
        // (issue 17's benchmark; a scan with the million files of the complaints benchmark).
        migrator.registerMigration("2026-12-08 complaints: open files by vehicle") { db in
            try db.execute(
                sql: "CREATE INDEX complaint_open_vin ON complaint(vin, id) WHERE state NOT IN ('closed', 'invalid')")
        }
    }
}
