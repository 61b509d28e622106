import Core
import GRDB

/// Tables shared by every area: settings, audit log, staff, calendar (T-3), maintenance schedules (W-9),
/// API tokens, import history.
package enum CoreSchema: SchemaArea {
    package static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration(
            "2026-11-23 core: settings, audit log, staff, calendar, maintenance schedules, tokens"
        ) { db in
            try db.execute(
                sql: """
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
            try db.execute(
                sql: "INSERT INTO maintenance_schedule VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    s.make, s.firstKilometres, s.firstMonths, s.intervalKilometres, s.intervalMonths,
                    s.toleranceKilometres, s.toleranceDays,
                ])
        }
        // T-3: two calendars. The store's opening hours per weekday, and the days that differ (closed, or other
        // hours), apart from the legal working-day calendar (calendar_day, L-9 only). A weekday without a row
        // has the default hours (08:30-20:00). The old setting calendar.business-hours (hours on legal working
        // days) moves here: where the dealer had set it, or chosen business-hours deadlines, the store keeps
        // exactly the hours its deadlines counted before (Monday to Friday, holidays closed, weekend make-up
        // days open), and the audit log says so; otherwise the new defaults apply.
        migrator.registerMigration("2026-12-06 core: the store's opening hours apart from the legal calendar") { db in
            try db.execute(
                sql: """
                    CREATE TABLE opening_hours (
                        weekday INTEGER PRIMARY KEY CHECK (weekday BETWEEN 1 AND 7),
                        -- HH:MM-HH:MM, or closed
                        hours TEXT NOT NULL
                    );
                    CREATE TABLE store_day (
                        day TEXT PRIMARY KEY,
                        -- closed, or HH:MM-HH:MM when the day has other hours than its weekday
                        hours TEXT NOT NULL,
                        name TEXT
                    );
                    CREATE TEMP TABLE old_hours AS
                        SELECT coalesce((SELECT value FROM setting WHERE key = 'calendar.business-hours'),
                                        '08:30-17:30') AS hours
                        WHERE EXISTS (SELECT 1 FROM setting WHERE key = 'calendar.business-hours'
                                                                  OR (key = 'calendar.clock' AND value = 'business'));
                    INSERT INTO opening_hours (weekday, hours)
                        SELECT w.value, CASE WHEN w.value <= 5 THEN o.hours ELSE 'closed' END
                        FROM old_hours o, json_each('[1, 2, 3, 4, 5, 6, 7]') w;
                    INSERT INTO store_day (day, hours, name)
                        SELECT c.day, CASE c.kind WHEN 'holiday' THEN 'closed' ELSE o.hours END, c.name
                        FROM old_hours o, calendar_day c
                        WHERE c.kind = 'holiday' OR strftime('%w', c.day) IN ('0', '6');
                    INSERT INTO audit_log (at, actor, entity, entity_id, action, changes)
                        SELECT strftime('%Y-%m-%d %H:%M:%f', 'now'), 'migration', 'setting', 'calendar.business-hours',
                               'migrate',
                               json_object('value', json_object(
                                   'before', (SELECT value FROM setting WHERE key = 'calendar.business-hours'),
                                   'after', 'opening hours Monday to Friday ' || o.hours
                                            || ', weekends closed (aftersales calendar hours)'))
                        FROM old_hours o;
                    DROP TABLE old_hours;
                    DELETE FROM setting WHERE key = 'calendar.business-hours';
                    """)
        }
    }
}
