import Foundation
import Hummingbird
import Storage

/// Resolves `Authorization: Bearer <token>` to a principal (401 when missing, unknown or revoked).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let database: AppDatabase

    func handle(
        _ request: Request, context: APIRequestContext, next: (Request, APIRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Unauthorized(
                phrase:
                    """
                    this route needs a token: send Authorization: Bearer <token> (create one with `aftersales token \
                    create`)
                    """
            )
        }
        let secret = String(header.dropFirst(7)).trimmed()
        guard let principal = try await database.run({ try $0.authenticate(secret: secret) }) else {
            throw Unauthorized(phrase: "the token is unknown or revoked")
        }
        var context = context
        context.principal = principal
        context.notes.tokenName = principal.name
        return try await next(request, context)
    }
}
