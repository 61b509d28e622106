import Core

/// The discussion text of a command's `--help`: an example, and which API roles the same action needs.
enum Help {
    static func text(_ example: String, permission: Permission? = nil, more: String? = nil) -> String {
        var parts: [String] = []
        if let more { parts.append(more) }
        parts.append("Example:\n  " + example.replacingOccurrences(of: "\n", with: "\n  "))
        if let permission {
            parts.append("Roles (API): \(permission.roles.map(\.rawValue).joined(separator: ", ")). The CLI works on the database file directly; whoever can open the file can run it.")
        }
        return parts.joined(separator: "\n\n")
    }
}
