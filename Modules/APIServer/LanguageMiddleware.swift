import Core
import Hummingbird

/// Speaks each request's language (issue 16): the first of `Accept-Language` this product speaks, else the server's
/// (`--lang`, `$AFTERSALES_LANG`, the database's `locale`, `LANG`). Texts for people follow it (a problem's title and
/// detail, a reason's text); JSON keys and enum values are an interface and stay English. The answer says which in
/// `Content-Language`.
struct LanguageMiddleware<Context: RequestContext>: RouterMiddleware {
    let fallback: Speech

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var speech = fallback
        if let header = request.headers[.acceptLanguage], let language = Language(acceptLanguage: header) {
            speech.language = language
        }
        var response = try await Speech.$current.withValue(speech) { try await next(request, context) }
        response.headers[.contentLanguage] = speech.language == .zh ? "zh-CN" : "en"
        return response
    }
}
