import Core
import Storage

/// A token for each of `roles` (every role by default), named `token-<role>`: the per-role tests' fixture.
func roleTokens(_ db: AppDatabase, roles: [Role] = Role.allCases) throws -> [Role: String] {
    var tokens: [Role: String] = [:]
    for role in roles {
        tokens[role] = try db.createToken(name: "token-\(role.rawValue)", role: role, actor: "setup").secret
    }
    return tokens
}
