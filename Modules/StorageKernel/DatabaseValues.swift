import Core
import Foundation
import GRDB

// Storage conformances of the pure domain types, kept here so the business modules stay free of GRDB.

extension LocalDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> LocalDate? {
        String.fromDatabaseValue(dbValue).flatMap(LocalDate.init)
    }
}

extension VIN: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { value.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> VIN? {
        // Written from validated VINs; a longer text is not one (GRDB reports it instead of the VIN crashing).
        String.fromDatabaseValue(dbValue).flatMap { $0.utf8.count <= VIN.capacity ? VIN(trusted: $0) : nil }
    }
}

extension Identifier: DatabaseValueConvertible, StatementColumnConvertible {
    public var databaseValue: DatabaseValue { rawValue.databaseValue }
    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> Identifier? {
        Int64.fromDatabaseValue(dbValue).map(Identifier.init)
    }
    public init(sqliteStatement: SQLiteStatement, index: CInt) {
        self.init(Int64(sqliteStatement: sqliteStatement, index: index))
    }
}

extension Role: DatabaseValueConvertible {}
