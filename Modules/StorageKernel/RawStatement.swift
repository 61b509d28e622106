import Core
import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement bound through SQLite's C API, for the bulk paths where GRDB's argument boxing
/// costs more than the insert itself. Text is copied by SQLite (SQLITE_TRANSIENT).
package struct RawStatement {
    package let statement: Statement
    // Inlinable readers: the areas read their bulk rows through these across module boundaries, once per cell.
    @usableFromInline var handle: OpaquePointer { statement.sqliteStatement }
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    package init(_ db: Database, _ sql: String) throws {
        statement = try db.makeStatement(sql: sql)
    }

    /// The connection's cached statement for `sql` (prepared once, for a path that runs per batch).
    package init(cached db: Database, _ sql: String) throws {
        statement = try db.cachedStatement(sql: sql)
    }

    package func bind(_ index: Int32, _ text: String?) {
        guard let text else {
            sqlite3_bind_null(handle, index)
            return
        }
        var copy = text
        copy.withUTF8 { bindText(index, $0) }
    }

    package func bind(_ index: Int32, _ vin: VIN) { vin.withUTF8 { bindText(index, $0) } }

    private func bindText(_ index: Int32, _ utf8: UnsafeBufferPointer<UInt8>) {
        _ = sqlite3_bind_text(
            handle, index, UnsafeRawPointer(utf8.baseAddress!).assumingMemoryBound(to: CChar.self), Int32(utf8.count),
            RawStatement.transient)
    }

    package func bind(_ index: Int32, _ value: Int64?) {
        guard let value else {
            sqlite3_bind_null(handle, index)
            return
        }
        sqlite3_bind_int64(handle, index, value)
    }

    package func bind(_ index: Int32, _ value: Int?) { bind(index, value.map(Int64.init)) }

    /// Runs the statement; returns the number of rows it changed. Throws GRDB's error on failure.
    @discardableResult
    package func run(_ db: Database) throws -> Int {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// Steps once and returns the first column as an integer, or nil when there is no row.
    package func firstInteger() -> Int64? {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        guard sqlite3_step(handle) == SQLITE_ROW, sqlite3_column_type(handle, 0) != SQLITE_NULL else { return nil }
        return sqlite3_column_int64(handle, 0)
    }
}

extension RawStatement {
    /// Steps to the next row of a query; false at the end (then call `reset`).
    package func step(_ db: Database) throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                sql: statement.sql)
        }
        return false
    }

    /// Makes the statement ready to bind and run again.
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    @inlinable
    package func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }

    @inlinable
    package func integer(_ column: Int32) -> Int64? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_int64(handle, column)
    }

    @inlinable
    package func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    @inlinable
    package func real(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }
}
