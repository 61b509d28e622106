import Core
import Customers
import Foundation
import Hummingbird
import NIOCore
import Storage

/// A route as the OpenAPI description names it.
public struct RouteDescription: Hashable, Sendable, CustomStringConvertible {
    public let method: String
    /// OpenAPI form: `/v1/customers/{id}`.
    public let path: String
    /// nil for public routes.
    public let permission: Permission?
    public var description: String { "\(method) \(path)" }
}

/// Every route the application registered, so tests can hold the OpenAPI description to it.
public final class RouteRegistry: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [RouteDescription] = []

    public init() {}

    func add(_ route: RouteDescription) {
        lock.lock()
        entries.append(route)
        lock.unlock()
    }

    public var routes: [RouteDescription] {
        lock.lock()
        defer { lock.unlock() }
        return entries
    }
}

/// Registers routes under a prefix, each with the permission it needs: the one place roles are enforced.
struct Routes {
    let group: RouterGroup<APIRequestContext>
    let prefix: String
    let registry: RouteRegistry
    let database: AppDatabase
    /// The query parameters each operation documents in the OpenAPI spec: nothing else is accepted.
    let query: [String: Set<String>]

    typealias Handler = @Sendable (Request, APIRequestContext, Principal) async throws -> Response

    func on(_ method: HTTPRequest.Method, _ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        let documented = (prefix + "/" + path).split(separator: "/").map {
            $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
        }
        let route = RouteDescription(
            method: method.rawValue, path: "/" + documented.joined(separator: "/"), permission: permission)
        registry.add(route)
        let accepted = query[route.description] ?? []
        group.on(RouterPath(path), method: method) { request, context in
            guard let principal = context.principal else { throw Unauthorized(phrase: "this route needs a token") }
            guard principal.role.may(permission) else { throw Forbidden(permission: permission, role: principal.role) }
            try Query(request: request).refuseUnknown(accepted: accepted)
            try Query(request: request).refuseEmpty()
            return try await handler(request, context, principal)
        }
    }

    func get(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        on(.get, path, permission, handler)
    }
    func post(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        on(.post, path, permission, handler)
    }
    func patch(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        on(.patch, path, permission, handler)
    }
    func put(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        on(.put, path, permission, handler)
    }
    func delete(_ path: String, _ permission: Permission, _ handler: @escaping Handler) {
        on(.delete, path, permission, handler)
    }
}

/// JSON in and out.
enum JSON {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try JSONFormat.encoder(pretty: false).encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A whole list, in the shape every list answers: `items`, `total`, `limit`, `offset`, `more`.
    static func list<T: Encodable & Decodable & Sendable>(_ items: [T]) throws -> Response {
        try response(Page(items: items, total: items.count, limit: items.count, offset: 0))
    }

    /// Decodes a JSON body of at most `limit` bytes (default the context's 1 MiB); a larger one is a 413.
    static func body<T: Decodable>(
        _ type: T.Type, _ request: Request, _ context: APIRequestContext, limit: Int? = nil
    ) async throws -> T {
        var request = request
        let maximum = limit ?? context.maxUploadSize
        let buffer: ByteBuffer
        do { buffer = try await request.collectBody(upTo: maximum) } catch is NIOTooManyBytesError {
            throw BodyTooLarge(limit: maximum)
        }
        guard buffer.readableBytes > 0 else { throw InvalidInput(field: nil, "a JSON body is required") }
        let data = Data(buffer.readableBytesView)
        let value = try JSONFormat.decode(type, from: data)
        let understood = (value as? any Encodable).flatMap { unknownKey(sent: data, understood: $0) }
        if let unknown = understood ?? unreadNullKey(type, sent: data) {
            throw InvalidInput(
                field: unknown, "unknown field; check its spelling against the API description (/openapi.yaml)")
        }
        return value
    }

    /// The first key of the body (a dotted path into nested objects, `[i]` into arrays) that the decoded value does
    /// not hold: what the input type understood is what it encodes back, so a misspelt key (`nmae`) is found instead
    /// of ignored. A key sent as null is left to `unreadNullKey` (an optional field left out encodes to nothing).
    static func unknownKey(sent data: Data, understood value: any Encodable) -> String? {
        guard let sent = try? JSONSerialization.jsonObject(with: data),
            let again = try? JSONFormat.encoder(pretty: false).encode(value),
            let known = try? JSONSerialization.jsonObject(with: again)
        else { return nil }
        func first(_ sent: Any, _ known: Any, _ path: String) -> String? {
            if let sent = sent as? [String: Any], let known = known as? [String: Any] {
                for key in sent.keys.sorted() where !(sent[key] is NSNull) {
                    let name = path.isEmpty ? key : path + "." + key
                    guard let understood = known[key] else { return name }
                    if let found = first(sent[key]!, understood, name) { return found }
                }
            } else if let sent = sent as? [Any], let known = known as? [Any], sent.count == known.count {
                for (index, (item, understood)) in zip(sent, known).enumerated() {
                    if let found = first(item, understood, path + "[\(index)]") { return found }
                }
            }
            return nil
        }
        return first(sent, known, "")
    }

    /// The first key sent as null (a path as `unknownKey` writes it) that the input type never reads: the null is
    /// replaced by a value no field can take (an array of a number, a text and an object); if the body still
    /// decodes, nothing read that key. One probe per key of the same place in every array item, at most
    /// `maximumNullProbes`, so a body of many nulls costs a few decodes, not one each.
    static func unreadNullKey<T: Decodable>(_ type: T.Type, sent data: Data) -> String? {
        guard let sent = try? JSONSerialization.jsonObject(with: data) else { return nil }
        var nulls: [[Step]] = []
        var places = Set<String>()
        func collect(_ value: Any, _ path: [Step], _ place: String) {
            guard nulls.count < maximumNullProbes else { return }
            if let object = value as? [String: Any] {
                for key in object.keys.sorted() {
                    let inner = place + "." + key
                    if object[key] is NSNull {
                        if places.insert(inner).inserted { nulls.append(path + [.key(key)]) }
                    } else {
                        collect(object[key]!, path + [.key(key)], inner)
                    }
                }
            } else if let array = value as? [Any] {
                for (index, item) in array.enumerated() { collect(item, path + [.index(index)], place + "[]") }
            }
        }
        collect(sent, [], "")
        func replacing(_ value: Any, at path: ArraySlice<Step>) -> Any {
            guard let step = path.first else { return [0, "", [String: Any]()] as [Any] }
            switch step {
            case .key(let key):
                guard var object = value as? [String: Any], let inner = object[key] else { return value }
                object[key] = replacing(inner, at: path.dropFirst())
                return object
            case .index(let index):
                guard var array = value as? [Any], array.indices.contains(index) else { return value }
                array[index] = replacing(array[index], at: path.dropFirst())
                return array
            }
        }
        for path in nulls {
            guard let probe = try? JSONSerialization.data(withJSONObject: replacing(sent, at: path[...])) else {
                continue
            }
            if (try? JSONDecoder().decode(type, from: probe)) != nil {
                return path.reduce(into: "") { name, step in
                    switch step {
                    case .key(let key): name += name.isEmpty ? key : "." + key
                    case .index(let index): name += "[\(index)]"
                    }
                }
            }
        }
        return nil
    }

    /// How many keys sent as null `unreadNullKey` tries, each one decode of the body.
    static let maximumNullProbes = 32

    /// A step of a path into a JSON body.
    private enum Step {
        case key(String)
        case index(Int)
    }
}

/// Query-string parameters, validated.
struct Query {
    let request: Request

    func string(_ name: String) -> String? {
        request.uri.queryParameters.get(name).flatMap { $0.isEmpty ? nil : $0.removingPercentEncoding ?? $0 }
    }

    func int(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = string(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw InvalidInput(
                field: name, "expected a whole number from \(range.lowerBound) to \(range.upperBound), got \"\(text)\"")
        }
        return number
    }

    /// `true` or `false`, as the spec's booleans are written; anything else is a 400 naming the parameter.
    func bool(_ name: String) throws -> Bool? {
        guard let text = string(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default: throw InvalidInput(field: name, "expected true or false, got \"\(text)\"")
        }
    }

    /// A 400 naming the first query parameter the route does not document.
    func refuseUnknown(accepted: Set<String>) throws {
        let names = request.uri.queryParameters.map { String($0.key) }
        guard let unknown = names.filter({ !accepted.contains($0) }).sorted().first else { return }
        let takes: Phrase =
            accepted.isEmpty
            ? "this route takes no query parameters" : "this route takes \(accepted.sorted().joined(separator: ", "))"
        throw InvalidInput(field: unknown, "unknown query parameter; \(takes)")
    }

    /// A 400 naming the first query parameter sent without a value (`?asOf=`): a parameter left out takes its
    /// default, an empty one is a mistake the caller should hear about rather than a silent default.
    func refuseEmpty() throws {
        let empty = request.uri.queryParameters.filter { $0.value.isEmpty }.map { String($0.key) }.sorted()
        guard let name = empty.first else { return }
        throw InvalidInput(field: name, "has no value; give one, or leave the parameter out for its default")
    }

    /// `limit` (1-1000, default 50) and `offset` (default 0).
    func page() throws -> (limit: Int, offset: Int) {
        (try int("limit", default: 50, range: 1...1000), try int("offset", default: 0, range: 0...Int.max))
    }
}

extension APIRequestContext {
    /// A path parameter, or a 400 naming it.
    func parameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw InvalidInput(field: name, "is missing") }
        return value.removingPercentEncoding ?? value
    }

    /// A path parameter naming a record by id, read by the one id parser the CLI uses too (`RecordID`): anything
    /// but a positive whole number is a 400 naming the parameter.
    func id<Entity>(_ name: String = "id", what: String = "an id") throws -> Identifier<Entity> {
        try Identifier(parsing: try parameter(name), field: name, what: what)
    }

    /// A path parameter naming a record by id, kept as a number (claims, attachments), read as `id` reads it.
    func rowID(_ name: String = "id", what: String = "an id") throws -> Int64 {
        try RecordID.parse(try parameter(name), field: name, what: what)
    }
}

/// A request body over its route's limit: a 413 naming the limit.
struct BodyTooLarge: Error {
    let limit: Int
}
