import GRDB

/// The versioned, append-only migrations, grouped by business area. A migration that has shipped is
/// never edited: a change is a new migration appended to its area's list.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        CoreSchema.register(in: &migrator)
        CustomerSchema.register(in: &migrator)
        WarrantySchema.register(in: &migrator)
        CatalogSchema.register(in: &migrator)
        ComplaintSchema.register(in: &migrator)
        MessagingSchema.register(in: &migrator)
        return migrator
    }

    /// Migrates `writer` to the newest schema; throws `StorageError.newerSchema` when the database
    /// holds migrations this program does not know (it was written by a newer version).
    static func migrate(_ writer: any DatabaseWriter) throws {
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

    /// The migrations this program knows, newest last.
    static var knownMigrations: [String] { migrator.migrations }
}

/// Which migrations a database has.
public struct SchemaStatus: Codable, Sendable {
    public var applied: [String]
}

extension AppDatabase {
    /// The migrations applied to this database, oldest first.
    public func schemaStatus() throws -> SchemaStatus {
        let migrator = Schema.migrator
        let applied = try writer.read { try migrator.appliedIdentifiers($0) }
        return SchemaStatus(applied: migrator.migrations.filter(applied.contains))
    }
}
