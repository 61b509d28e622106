import Core
import Foundation
import GRDB
import Testing

@testable import Storage

/// A shipped migration is never edited (a database already migrated would never see the change): the schema and
/// seed data each migration leaves behind are pinned here by their SHA-256.
@Suite("Migrations stay as shipped")
struct MigrationChecksumTests {
    /// What each migration changes in a fresh database (schema objects and rows added or removed, one line each),
    /// hashed: independent of the migrations registered before it, so adding one elsewhere changes no other.
    static func fingerprints() throws -> [(String, String)] {
        let migrator = Schema.migrator
        let queue = try DatabaseQueue()
        var before = Set<String>()
        return try migrator.migrations.map { identifier in
            try migrator.migrate(queue, upTo: identifier)
            let after = try queue.read { db -> Set<String> in
                var lines = try Row.fetchAll(
                    db, sql: "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                )
                .map { "\($0["type"] as String) \($0["name"] as String): \($0["sql"] as String? ?? "")" }
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                for table in tables where table != "grdb_migrations" {
                    lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0.description)" }
                }
                return Set(lines)
            }
            let change =
                after.subtracting(before).sorted().map { "+ \($0)" }
                + before.subtracting(after).sorted().map { "- \($0)" }
            before = after
            return (identifier, SHA256.hex(change.joined(separator: "\n")))
        }
    }

    /// Add a line here when you add a migration; never change one.
    static let pinned: [String: String] = [
        "2026-11-23 core: settings, audit log, staff, calendar, maintenance schedules, tokens":
            "f4355e22d7417325ac0ba89fd76abeae2fb47e2e09531d017ca671e80707fe79",
        "2026-11-23 customers: cards, vehicles, mileage, contacts, care tasks":
            "f325395d49d4e1ed9c464009f0b630327fa8342d95c90cf98a361afe440f51ac",
        "2026-12-06 core: the store's opening hours apart from the legal calendar":
            "d39461e2d095158e25a129a133adfac959889a87d1a64bf3285bd4dd694e2179",
        "2026-12-05 customers: the grade left behind is kept in the class history":
            "22e12144fca6329acc0e87d9f7a637756e39f429a50668cf407bb6653e494378",
        "2026-12-05 complaints: the K-6 report clock restarts at a reopen":
            "cf82b0cb6f71bf60bb071852f929e71250e1b3a06e2e4a04b75f93b6ef8be873",
        "2026-12-05 complaints: a history entry keeps when it happened":
            "8ffa2b4e90f33a39353380e9ea6137c808fbbbc8e408b1cfff01ef47f7588734",
        "2026-12-05 messaging: retired segments and campaigns":
            "693daadc808e39a378ba7c825c3066bb024ddc25af76242b3d84e69f102c4841",
        "2026-12-05 customers: make aliases": "81c62e9eec263fef83395c3339ef0e99c2aeb21588294aecc54843d632b15ab6",
        "2026-11-23 warranty: terms, exclusions, parts, maintenance, bulletins, master data, claims":
            "732f61b9f08fa21349d09806dad77a1fa810362fd40848b44b4588f00c5e1944",
        "2026-12-05 warranty: claim line notes, cancelled claims":
            "e0d929c82791b82950210589cf0a687846657998b0bd254259b1a5763b6eb094",
        "2026-12-06 warranty: VIN ranges across buckets read through the catch-all":
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "2026-12-05 warranty: a claim names its bulletin":
            "d76a96d6acf6a16196cb96be711e8dfd6a529db920bc990f793f947d864a0d51",
        "2026-11-24 catalog: labour operations, parts and prices, parts warranty, bulletin source":
            "6965916e17d0ba4e00384928fbaa119814d634e282d6d3f561d355a3f1e9bef1",
        "2026-12-09 catalog: the generation of the manufacturer's data":
            "5179aad9d661ca445f49be3c660bc1a6bc9a5790cbbae251c31564649797f57c",
        "2026-12-01 complaints: files, history, attachments":
            "abe0aaefbb091375d1b99e62d7379e03a802b7dc6db776cb96389a2c6c8fecb3",
        "2026-12-01 messaging: consent, segments, campaigns, outbox, responses, revenue":
            "69f7e28fd2a2608cf5eb1c24fc8b956efac9a03fe27a22b9721b7497831d1c58",
        "2026-12-06 stock: counts on hand, movements, shortages":
            "13f3b76a499c9e2f7aa6257d54143d7d3a110f6f8111aebacfa574999af87d80",
        "2026-12-06 work orders: orders, jobs, lines, quotes, spells, checks":
            "4233695eecba740d7c576d23cdf0f8a49991b42a97bd008f39124eb3d22d1b55",
        "2026-12-06 work orders: settled orders by settlement time, for the report":
            "5ccbaca87e0fe25f90006d52a1b34807b7c92859e25d164810e2cb8d41a37849",
        "2026-12-06 work orders: follow-up tasks and calls (Q-6)":
            "56713fae3a552f747954c44d1316f22b50838387995cd12e0e10283b1dae0d94",
        "2026-12-06 work orders: orders by VIN, invoices in sequence":
            "676061f44892b490842473a2a92bd0a63b457bed4e5f22e83b27dd5db6adb9c4",
        "2026-12-06 work orders: credit notes":
            "1a95907387b2f9b95a9229f9f7013dffd488f59037e1fbf419c98438f3feb1df",
        "2026-12-07 work orders: walk-around photos":
            "e2976980b86857374771d7276deb18d7b083829a4abbd07cffb0d585890b9219",
        "2026-12-08 work orders: settled orders' figures for the report":
            "69911d0a3c664661b21a9016a53921cb2726e0e15e688d8a1f8c3f648864a2ea",
        "2026-12-08 work orders: open and undelivered orders by their own indexes":
            "7bdb96048daed61a9c59d891ddde38277b06315ce8128d671d4c066cbe65db01",
        "2026-12-08 complaints: open files by vehicle":
            "6410ef942d3e044e4e0d0521fa802cfb1fbc9d1036032bf2eb37e9bfd2d3ad9e",
        "2026-12-08 appointments: capacity, the register, its history":
            "9576cb2b163fdf08168d34075436f89c7722996d31a614f23e0b1a47865e034a",
        "2026-12-08 appointments: the service menu's parts":
            "3bebf7f94aa19074d89076058e229431e9a2d3dccb9d92f873808caeff898cae",
        "2026-12-08 appointments: held capacity, a customer's last order":
            "c603177339de953922aa6df3f5a65115a07c5b7516c4ee3629dfd6370b300344",
        "2026-12-08 appointments: the contact a booking was made in":
            "3cdc3fd015c6f12d783b011313ecd472b8a2369dbe9ed19ac1970a851e3fdfb1",
        "2026-12-10 appointments: the generation of the workshop's capacity":
            "a37956f86b07ff441a7435dcb08025cb887f43dd4731b1fc0fa31acc00c49c1b",
    ]

    @Test("Each shipped migration leaves the schema and seed data it always did")
    func pinnedChecksums() throws {
        let found = try Self.fingerprints()
        var missing: [String] = []
        for (identifier, checksum) in found {
            guard let expected = Self.pinned[identifier] else {
                missing.append("\"\(identifier)\": \"\(checksum)\",")
                continue
            }
            #expect(
                checksum == expected,
                """
                migration "\(identifier)" changed what it leaves in the database. A shipped migration is never edited: \
                restore it and add a new migration for the change (its checksum is now \(checksum)).
                """)
        }
        #expect(
            missing.isEmpty,
            "new migrations: pin them in MigrationChecksumTests.pinned:\n\(missing.joined(separator: "\n"))")
        #expect(Set(Self.pinned.keys).isSubset(of: Set(found.map(\.0))), "a pinned migration is no longer registered")
    }
}
