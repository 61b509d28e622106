import GRDB
import Storage

extension AppDatabase {
    /// The small workshop of the appointment tests: one general bay B01, one general technician 刘强 on shift
    /// every day 08:30–17:30, and one service advisor 王丽 who receives one arrival per quarter-hour; written
    /// straight into the capacity tables, without audit entries.
    public func addSmallWorkshop() throws {
        try writer.write { db in
            try db.execute(
                sql: """
                    INSERT INTO bay (code, kind) VALUES ('B01', 'general');
                    INSERT INTO technician (name, skills) VALUES ('刘强', 'general');
                    INSERT INTO service_advisor (name, arrivals_per_quarter) VALUES ('王丽', 1);
                    """)
            for weekday in 1...7 {
                try db.execute(
                    sql: "INSERT INTO technician_shift VALUES ('刘强', ?, 30600, 63000)", arguments: [weekday])
            }
        }
    }
}
