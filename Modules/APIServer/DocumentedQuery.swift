import Foundation

/// The query parameters each operation of Docs/openapi.yaml documents, read from the spec the server embeds: the
/// one list of what a route accepts, so a parameter the spec does not name (a typo such as `open=yes` where the
/// route takes none, `limt`) is refused with a 400 instead of being silently ignored.
enum DocumentedQuery {
    /// "GET /v1/claims" → ["status", "limit", "offset"]. Reads the spec's own layout: paths at two spaces,
    /// methods at four, parameters inline (`{ name: X, in: query … }`) or as `$ref`s to components/parameters.
    static func parameters(in spec: String) -> [String: Set<String>] {
        var components: [String: String] = [:]  // component name → query parameter name
        var operations: [String: Set<String>] = [:]
        var section = ""
        var component: String?
        var componentName: String?
        var path: String?
        var method: String?
        for raw in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingCharacters(in: .whitespaces)
            if indent == 0, text.hasSuffix(":") {
                section = text
                path = nil
                method = nil
                continue
            }
            if section == "components:" {
                if indent == 2 {
                    component = text == "parameters:" ? "" : nil
                    continue
                }
                guard component != nil else { continue }
                if indent == 4, text.hasSuffix(":") {
                    component = String(text.dropLast())
                    componentName = nil
                    continue
                }
                if indent == 6, text.hasPrefix("name:") { componentName = unquoted(String(text.dropFirst(5))) }
                if indent == 6, text == "in: query", let component, let componentName {
                    components[component] = componentName
                }
                continue
            }
            guard section == "paths:" else { continue }
            if indent == 2, text.hasPrefix("/"), text.hasSuffix(":") {
                path = String(text.dropLast())
                method = nil
                continue
            }
            if indent == 4, let verb = ["get", "post", "put", "patch", "delete"].first(where: { text == "\($0):" }),
                let path
            {
                method = "\(verb.uppercased()) \(path)"
                operations[method!, default: []] = []
                continue
            }
            guard let method, indent >= 6 else { continue }
            if text.contains("in: query"), let name = inlineName(text) { operations[method, default: []].insert(name) }
            if let range = text.range(of: "#/components/parameters/") {
                let reference = text[range.upperBound...].prefix {
                    $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-"
                }
                if let name = components[String(reference)] { operations[method, default: []].insert(name) }
            }
        }
        return operations
    }

    private static func inlineName(_ text: String) -> String? {
        guard let range = text.range(of: "name:") else { return nil }
        let rest = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return unquoted(String(rest.prefix { $0 != "," && $0 != "}" }))
    }

    private static func unquoted(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
    }
}
