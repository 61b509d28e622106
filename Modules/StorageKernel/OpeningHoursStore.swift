import Core
import Foundation
import GRDB

/// The hours of one weekday as listed (T-3).
public struct WeekdayHours: Codable, Sendable, Equatable {
    public var weekday: Weekday
    /// `HH:MM-HH:MM`, or `closed`.
    public var hours: String
    /// True while the dealer has not set this weekday (the default 08:30-20:00 applies).
    public var isDefault: Bool
}

/// A day the store is closed, or open with other hours than its weekday's (T-3).
public struct StoreDay: Codable, Sendable, Equatable {
    public var day: LocalDate
    /// `closed`, or `HH:MM-HH:MM`.
    public var hours: String
    public var name: String?
}

/// The store's opening hours as `calendar hours` shows them: the week, then the days that differ.
public struct OpeningHoursListing: Codable, Sendable, Equatable {
    public var weekly: [WeekdayHours]
    public var days: [StoreDay]
}

extension AppDatabase {
    /// Rule T-3: the store's opening hours (never the legal working-day calendar).
    public func openingHours() throws -> OpeningHours {
        try writer.read { db in try Self.openingHours(db) }
    }

    package static func openingHours(_ db: Database) throws -> OpeningHours {
        var hours = OpeningHours()
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT weekday, hours FROM opening_hours")) {
            guard let weekday = Weekday(rawValue: row["weekday"]) else { continue }
            hours.weekly[weekday] = BusinessHours(row["hours"] as String)
        }
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT day, hours FROM store_day")) {
            guard let day: LocalDate = row["day"] else { continue }
            if let special = BusinessHours(row["hours"] as String) {
                hours.specialHours[day] = special
            } else {
                hours.closedDays.insert(day)
            }
        }
        return hours
    }

    /// The week's hours, each weekday marked when it still has the default, and the days that differ, by day.
    public func openingHoursListing() throws -> OpeningHoursListing {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT weekday, hours FROM opening_hours")
            let stored = Dictionary(uniqueKeysWithValues: rows.map { ($0["weekday"] as Int, $0["hours"] as String) })
            let weekly = Weekday.allCases.map { weekday in
                WeekdayHours(
                    weekday: weekday, hours: stored[weekday.rawValue] ?? OpeningHours.defaultHours.description,
                    isDefault: stored[weekday.rawValue] == nil)
            }
            let days = try Row.fetchAll(db, sql: "SELECT day, hours, name FROM store_day ORDER BY day").map {
                StoreDay(day: $0["day"], hours: $0["hours"], name: $0["name"])
            }
            return OpeningHoursListing(weekly: weekly, days: days)
        }
    }

    /// Rule T-3: sets the store's hours on `weekdays` (nil: closed those weekdays); audited. A week closed on
    /// every day is refused: deadlines in opening hours would never fall due.
    @discardableResult
    public func setOpeningHours(
        _ weekdays: [Weekday], to hours: BusinessHours?,
        actor: String
    ) throws -> OpeningHoursListing {
        guard !weekdays.isEmpty else { throw InvalidInput(field: "weekday", "name at least one weekday") }
        try writer.write { db in
            var week = try Self.openingHours(db).weekly
            for weekday in weekdays { week[weekday] = hours }
            guard !week.isEmpty else {
                throw InvalidInput(
                    field: "weekday",
                    "the store would be closed every day of the week; keep at least one day open")
            }
            let now = clock.now()
            let text = hours?.description ?? "closed"
            for weekday in Set(weekdays).sorted() {
                let before =
                    try String.fetchOne(
                        db, sql: "SELECT hours FROM opening_hours WHERE weekday = ?",
                        arguments: [weekday.rawValue]) ?? OpeningHours.defaultHours.description
                try db.execute(
                    sql: "INSERT OR REPLACE INTO opening_hours (weekday, hours) VALUES (?, ?)",
                    arguments: [weekday.rawValue, text])
                if before != text {
                    try Audit.record(
                        db, at: now, actor: actor, entity: "opening_hours", id: weekday.description,
                        action: "set", before: ["hours": before], after: ["hours": text])
                }
            }
        }
        return try openingHoursListing()
    }

    /// Rule T-3: marks a day the store is closed (`hours` nil) or open with other hours, with a name; audited.
    public func setStoreDay(_ day: LocalDate, hours: BusinessHours?, name: String?, actor: String) throws -> StoreDay {
        let entry = StoreDay(day: day, hours: hours?.description ?? "closed", name: name?.trimmed().nilIfEmpty)
        try writer.write { db in
            let before = try String.fetchOne(db, sql: "SELECT hours FROM store_day WHERE day = ?", arguments: [day])
            try db.execute(
                sql: "INSERT OR REPLACE INTO store_day (day, hours, name) VALUES (?, ?, ?)",
                arguments: [day, entry.hours, entry.name])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "store_day", id: day.description, action: "set",
                before: ["hours": before], after: ["hours": entry.hours, "name": entry.name])
        }
        return entry
    }

    /// Removes a day that differed, so the store keeps its weekday's hours that day again; audited.
    public func removeStoreDay(_ day: LocalDate, actor: String) throws {
        try writer.write { db in
            let before = try String.fetchOne(db, sql: "SELECT hours FROM store_day WHERE day = ?", arguments: [day])
            guard let before else {
                throw NotFound("opening-hours entry for", day.description, field: "day")
            }
            try db.execute(sql: "DELETE FROM store_day WHERE day = ?", arguments: [day])
            try Audit.record(
                db, at: clock.now(), actor: actor, entity: "store_day", id: day.description,
                action: "delete", before: ["hours": before], after: nil)
        }
    }
}
