import GRDB
import Core

/// Tables shared by every area: settings, audit log, staff, calendar (T-3), maintenance schedules (W-9),
/// API tokens, import history.
enum CoreSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("2026-11-23 core: settings, audit log, staff, calendar, maintenance schedules, tokens") { db in
            try db.execute(sql: """
                CREATE TABLE setting (
                    key TEXT PRIMARY KEY,
                    value TEXT NOT NULL,
                    updated_at DATETIME NOT NULL,
                    updated_by TEXT NOT NULL
                );
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    entity_id TEXT NOT NULL,
                    action TEXT NOT NULL,
                    changes TEXT NOT NULL
                );
                CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
                CREATE INDEX audit_log_at ON audit_log(at);
                CREATE TABLE staff (
                    name TEXT PRIMARY KEY,
                    role TEXT NOT NULL,
                    left_on TEXT,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE calendar_day (
                    day TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
                    name TEXT
                );
                CREATE TABLE maintenance_schedule (
                    make TEXT PRIMARY KEY,
                    first_kilometres INTEGER NOT NULL,
                    first_months INTEGER NOT NULL,
                    interval_kilometres INTEGER NOT NULL,
                    interval_months INTEGER NOT NULL,
                    tolerance_kilometres INTEGER NOT NULL,
                    tolerance_days INTEGER NOT NULL
                );
                CREATE TABLE api_token (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    role TEXT NOT NULL,
                    token_hash TEXT NOT NULL UNIQUE,
                    created_at DATETIME NOT NULL,
                    created_by TEXT NOT NULL,
                    revoked_at DATETIME
                );
                CREATE TABLE import_run (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    file TEXT NOT NULL,
                    checksum TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    actor TEXT NOT NULL,
                    counts TEXT NOT NULL
                );
                CREATE INDEX import_run_checksum ON import_run(checksum);
                """)
            // W-9 defaults for makes without a schedule of their own.
            let s = MaintenanceSchedule.standard()
            try db.execute(sql: "INSERT INTO maintenance_schedule VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [s.make, s.firstKilometres, s.firstMonths, s.intervalKilometres, s.intervalMonths, s.toleranceKilometres, s.toleranceDays])
        }
    }
}
