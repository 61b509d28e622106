import Core
import Foundation
import GRDB

/// An API token as listed (the secret itself is shown once, at creation, and only its hash is stored).
public struct APIToken: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var role: Role
    public var createdAt: Date
    public var createdBy: String
    public var revokedAt: Date?
}

/// Who a request acts as: the token's name (the audit actor) and its role.
public struct Principal: Sendable, Equatable {
    public var name: String
    public var role: Role
}

extension AppDatabase {
    /// Creates a bearer token for `name` with `role`; returns the secret, which is never stored.
    public func createToken(name: String, role: Role, actor: String) throws -> (token: APIToken, secret: String) {
        let trimmed = name.trimmed()
        guard !trimmed.isEmpty else { throw InvalidInput(field: "name", "must not be empty") }
        var generator = SystemRandomNumberGenerator()
        let secret =
            "as_"
            + (0..<32).map { _ in String(UInt8.random(in: 0...255, using: &generator), radix: 16).leftPad2() }.joined()
        return try writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM api_token WHERE name = ?", arguments: [trimmed]) == true {
                throw Conflict(field: "name", "a token named \(trimmed) exists; revoke it or choose another name")
            }
            let now = clock.now()
            try db.execute(
                sql: "INSERT INTO api_token (name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                arguments: [trimmed, role, SHA256.hex(secret), now, actor])
            let id = db.lastInsertedRowID
            try Audit.record(
                db, at: now, actor: actor, entity: "api_token", id: String(id), action: "create",
                after: ["name": trimmed, "role": role.rawValue])
            return (
                APIToken(id: id, name: trimmed, role: role, createdAt: now, createdBy: actor, revokedAt: nil), secret
            )
        }
    }

    /// Every token, revoked ones included.
    public func tokens() throws -> [APIToken] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM api_token ORDER BY id").map {
                APIToken(
                    id: $0["id"], name: $0["name"], role: Role(rawValue: $0["role"]) ?? .csAgent,
                    createdAt: $0["created_at"],
                    createdBy: $0["created_by"], revokedAt: $0["revoked_at"])
            }
        }
    }

    /// Revokes a token by name; audited.
    public func revokeToken(name: String, actor: String) throws {
        try writer.write { db in
            guard
                let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM api_token WHERE name = ? AND revoked_at IS NULL", arguments: [name])
            else {
                throw NotFound("active token named", name, field: "name")
            }
            let now = clock.now()
            try db.execute(sql: "UPDATE api_token SET revoked_at = ? WHERE id = ?", arguments: [now, id])
            try Audit.record(
                db, at: now, actor: actor, entity: "api_token", id: String(id), action: "revoke",
                after: ["revoked_at": Instant.utcString(now)])
        }
    }

    /// The principal a bearer secret stands for, or nil when it is unknown or revoked.
    public func authenticate(secret: String) throws -> Principal? {
        try writer.read { db in
            guard
                let row = try Row.fetchOne(
                    db.cachedStatement(
                        sql: "SELECT name, role FROM api_token WHERE token_hash = ? AND revoked_at IS NULL"),
                    arguments: [SHA256.hex(secret)]),
                let role = Role(rawValue: row["role"])
            else { return nil }
            return Principal(name: row["name"], role: role)
        }
    }
}

extension String {
    fileprivate func leftPad2() -> String { count == 1 ? "0" + self : self }
}
