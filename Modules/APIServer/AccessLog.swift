import Core
import Foundation
import Hummingbird

/// What the access log learns inside a request (the token's name, set by `AuthMiddleware`), kept in a box the
/// outermost middleware still holds when the request is done.
final class RequestNotes: @unchecked Sendable {
    private let lock = NSLock()
    private var name: String?

    var tokenName: String? {
        get { lock.withLock { name } }
        set { lock.withLock { name = newValue } }
    }
}

/// One line per request: when, method, route (the template, never the ids), status, duration and the token's
/// name — never the token itself — so the dealer's IT person can see who called what.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let write: @Sendable (String) -> Void

    func handle(
        _ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        func line(_ status: Int) -> String {
            let elapsed = ContinuousClock.now - start
            let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
            let route = context.endpointPath ?? request.uri.path
            return "\(Instant.utcString(Date())) \(request.method.rawValue) \(route) \(status) "
                + String(format: "%.1fms", milliseconds) + " \(context.notes.tokenName ?? "-")"
        }
        do {
            let response = try await next(request, context)
            write(line(response.status.code))
            return response
        } catch {
            write(line((error as? any HTTPResponseError)?.status.code ?? 500))
            throw error
        }
    }
}

/// Cross-origin requests from the dealer's own front ends: an `Origin` in the allowed list gets the CORS headers,
/// and its preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here; any other origin gets none,
/// so browsers keep refusing it.
struct CORSOriginsMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let origins: Set<String>

    func handle(
        _ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let origin = request.headers[.origin], origins.contains(origin) else {
            return try await next(request, context)
        }
        if request.method == .options, request.headers[.accessControlRequestMethod] != nil {
            return Response(
                status: .noContent,
                headers: [
                    .accessControlAllowOrigin: origin, .vary: "Origin",
                    .accessControlAllowMethods: "GET, POST, PUT, PATCH, DELETE",
                    .accessControlAllowHeaders: "Authorization, Content-Type, Accept-Language",
                    .accessControlMaxAge: "600",
                ])
        }
        var response = try await next(request, context)
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        return response
    }
}
