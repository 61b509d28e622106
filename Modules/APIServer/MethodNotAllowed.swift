import Foundation
import Hummingbird

/// A known path asked with a method it does not serve (TRACE, DELETE on a list...): 405 with an `Allow` header
/// listing the methods it does serve, as RFC 9110 asks, instead of the router's 404; a plain `OPTIONS` gets 204 with
/// the same `Allow`. A path no route knows stays a 404.
struct MethodNotAllowedMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let registry: RouteRegistry

    func handle(
        _ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let allowed = Self.allowedMethods(path: request.uri.path, routes: registry.routes) else {
                throw error
            }
            let allow = allowed.joined(separator: ", ")
            if request.method == .options {
                return Response(status: .noContent, headers: [.allow: allow])
            }
            var response = ProblemMiddleware<APIRequestContext>.problem(
                status: .methodNotAllowed,
                detail: "\(request.uri.path) does not take \(request.method.rawValue); it takes \(allow)",
                field: nil, kind: "method-not-allowed")
            response.headers[.allow] = allow
            return response
        }
    }

    /// The methods of the route that serves `path`, as the router picks it (a fixed segment before a parameter:
    /// `/v1/customers/search` before `/v1/customers/{id}`); nil when no route has this path.
    static func allowedMethods(path: String, routes: [RouteDescription]) -> [String]? {
        let segments = path.split(separator: "/")
        var best: (rank: [Bool], methods: Set<String>)?
        for route in routes {
            let template = route.path.split(separator: "/")
            guard template.count == segments.count else { continue }
            var rank: [Bool] = []
            var matches = true
            for (part, segment) in zip(template, segments) {
                let parameter = part.hasPrefix("{")
                if !parameter, part != segment {
                    matches = false
                    break
                }
                rank.append(!parameter)
            }
            guard matches else { continue }
            if let current = best, current.rank == rank {
                best?.methods.insert(route.method)
            } else if best == nil || best!.rank.lexicographicallyPrecedes(rank, by: { !$0 && $1 }) {
                best = (rank, [route.method])
            }
        }
        return best.map { $0.methods.sorted() }
    }
}
