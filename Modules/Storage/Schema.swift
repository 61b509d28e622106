@_exported import AppointmentStorage
@_exported import ComplaintStorage
import Core
@_exported import CustomerStorage
import GRDB
@_exported import ManufacturerStorage
@_exported import MessagingStorage
@_exported import StockStorage
// The storage targets every app library uses, re-exported: `import Storage` is the dealer's whole database.
@_exported import StorageKernel
@_exported import WarrantyStorage
@_exported import WorkOrderStorage

/// The dealer's schema: every area's migrations, in the order they shipped. A new area appends its
/// `SchemaArea` here; GRDB applies the migrations a database lacks in this order.
public enum Schema {
    public static let dealer = MigrationRegistry([
        CoreSchema.self, CustomerSchema.self, WarrantySchema.self, CatalogSchema.self, ComplaintSchema.self,
        MessagingSchema.self, StockSchema.self, WorkOrderSchema.self, AppointmentSchema.self,
    ])

    /// A migrator holding every migration, for tests that migrate step by step.
    public static var migrator: GRDB.DatabaseMigrator { dealer.migrator }

    /// The migrations this program knows, newest last.
    public static var knownMigrations: [String] { dealer.knownMigrations }
}

extension AppDatabase {
    /// Wraps a writer and brings it to the dealer's schema. Refuses a database written by a newer program.
    public init(_ writer: any DatabaseWriter, clock: any WallClock = SystemClock()) throws {
        try self.init(writer, clock: clock, migrations: Schema.dealer)
    }

    /// Opens (and migrates) the dealer's database file at `path`.
    /// - Parameter create: create the file when it does not exist; otherwise a missing file is an error
    ///   that tells the user to run `aftersales init`, so a mistyped path never makes an empty database.
    public static func open(
        path: String, create: Bool = false, clock: any WallClock = SystemClock(), checkpoints: CheckpointMode = .inline
    ) throws -> AppDatabase {
        try open(path: path, create: create, clock: clock, migrations: Schema.dealer, checkpoints: checkpoints)
    }

    /// A fresh in-memory database with the dealer's schema, for tests.
    public static func inMemory(clock: any WallClock = SystemClock()) throws -> AppDatabase {
        try inMemory(clock: clock, migrations: Schema.dealer)
    }
}

extension AppDatabase {
    /// The migrations a backup file lacks, checked against the dealer's schema (see `checkBackup(at:migrations:)`).
    public static func checkBackup(at path: String) throws -> [String] {
        try checkBackup(at: path, migrations: Schema.dealer)
    }

    /// Restores a backup over the dealer's database (see `restore(from:to:clock:migrations:)`).
    public static func restore(
        from backupPath: String, to databasePath: String, clock: any WallClock = SystemClock()
    ) throws -> RestoreResult {
        try restore(from: backupPath, to: databasePath, clock: clock, migrations: Schema.dealer)
    }
}
