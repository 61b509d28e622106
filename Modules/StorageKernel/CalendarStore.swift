import Core
import Foundation
import GRDB

/// A day of the legal working-day calendar that differs from the Monday-to-Friday week (T-3: counts L-9's
/// working days only; the store's opening hours are `OpeningHours`).
public struct CalendarDay: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable { case holiday, workday }
    public var day: LocalDate
    public var kind: Kind
    public var name: String?
}

extension AppDatabase {
    /// Marks a day as a holiday or a make-up working day (调休); audited.
    public func setCalendarDay(_ day: LocalDate, kind: CalendarDay.Kind, name: String?, actor: String) throws {
        try writer.write { db in
            let before = try String.fetchOne(db, sql: "SELECT kind FROM calendar_day WHERE day = ?", arguments: [day])
            try db.execute(
                sql: "INSERT OR REPLACE INTO calendar_day (day, kind, name) VALUES (?, ?, ?)",
                arguments: [day, kind.rawValue, name])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "calendar_day", id: day.description, action: "set",
                before: ["kind": before], after: ["kind": kind.rawValue, "name": name])
        }
    }

    /// Removes a calendar entry, so the day is an ordinary weekday or weekend day again.
    public func removeCalendarDay(_ day: LocalDate, actor: String) throws {
        try writer.write { db in
            guard
                let before = try String.fetchOne(
                    db, sql: "SELECT kind FROM calendar_day WHERE day = ?", arguments: [day])
            else {
                throw NotFound("calendar entry for", day.description, field: "day")
            }
            try db.execute(sql: "DELETE FROM calendar_day WHERE day = ?", arguments: [day])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "calendar_day", id: day.description, action: "delete",
                before: ["kind": before], after: nil)
        }
    }

    /// The calendar entries, by day.
    public func calendarDays() throws -> [CalendarDay] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM calendar_day ORDER BY day").map {
                CalendarDay(day: $0["day"], kind: CalendarDay.Kind(rawValue: $0["kind"]) ?? .holiday, name: $0["name"])
            }
        }
    }

    /// Rule T-3: the legal working-day calendar (L-9's working days).
    public func businessCalendar() throws -> BusinessCalendar {
        try writer.read { db in try Self.businessCalendar(db) }
    }

    package static func businessCalendar(_ db: Database) throws -> BusinessCalendar {
        var calendar = BusinessCalendar()
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT day, kind FROM calendar_day")) {
            guard let day: LocalDate = row["day"] else { continue }
            if row["kind"] == CalendarDay.Kind.workday.rawValue {
                calendar.makeUpWorkingDays.insert(day)
            } else {
                calendar.holidays.insert(day)
            }
        }
        return calendar
    }
}
