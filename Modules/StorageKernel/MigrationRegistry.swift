import GRDB

/// One business area's migrations: each storage target registers its own, append-only, in `register`.
/// A migration that has shipped is never edited: a change is a new migration appended to its area's list.
public protocol SchemaArea {
    static func register(in migrator: inout DatabaseMigrator)
}

/// The migrations a program knows, newest last: the areas' lists one after another, in the order given.
/// The kernel knows no area; the program assembles the list (`Schema.dealer` in the Storage target).
public struct MigrationRegistry: Sendable {
    private let registrations: @Sendable (inout DatabaseMigrator) -> Void

    /// The migrations of `areas`, in this order (GRDB applies the ones a database lacks in registration order).
    public init(_ areas: [any SchemaArea.Type]) {
        let registers = areas.map { area in
            { @Sendable (migrator: inout DatabaseMigrator) in area.register(in: &migrator) }
        }
        registrations = { migrator in registers.forEach { $0(&migrator) } }
    }

    /// A migrator holding every registered migration.
    public var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registrations(&migrator)
        return migrator
    }

    /// The migrations this program knows, newest last.
    public var knownMigrations: [String] { migrator.migrations }

    /// Migrates `writer` to the newest schema; throws `StorageError.newerSchema` when the database
    /// holds migrations this program does not know (it was written by a newer version).
    func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = migrator
        let (unknown, missing) = try writer.read { db -> ([String], Bool) in
            guard try db.tableExists("grdb_migrations") else { return ([], true) }
            let applied = try migrator.appliedIdentifiers(db)
            return (applied.subtracting(migrator.migrations).sorted(), !Set(migrator.migrations).isSubset(of: applied))
        }
        guard unknown.isEmpty else {
            throw StorageError.newerSchema(path: (writer as? DatabasePool)?.path, unknown: unknown)
        }
        // Up to date: no write at all, so opening never waits for another program's write lock (a long import).
        guard missing else { return }
        try migrator.migrate(writer)
    }
}

/// Which migrations a database has.
public struct SchemaStatus: Codable, Sendable {
    public var applied: [String]
}

extension AppDatabase {
    /// The migrations applied to this database, oldest first.
    public func schemaStatus() throws -> SchemaStatus {
        let migrator = migrations.migrator
        let applied = try writer.read { try migrator.appliedIdentifiers($0) }
        return SchemaStatus(applied: migrator.migrations.filter(applied.contains))
    }
}
