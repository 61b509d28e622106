import Core
import Foundation
import Hummingbird
import Logging
import NIOCore
import Storage

/// An RFC 9457 problem document.
struct Problem: Codable, Sendable {
    var type: String
    var title: String
    var status: Int
    var detail: String
    var field: String?
}

/// Maps every error to an HTTP status and an RFC 9457 `application/problem+json` body, in one place.
/// Domain errors keep their message (it names the field); anything else is a 500 whose detail never
/// shows database text.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The database file, whose holder a busy answer names.
    var databasePath: String? = nil

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any AfterSalesError {
            let status: HTTPResponse.Status =
                switch error.kind {
                case .invalid: .badRequest
                case .notFound: .notFound
                case .conflict: .conflict
                case .unsupportedMedia: .unsupportedMediaType
                case .forbidden: .forbidden
                case .unauthorized: .unauthorized
                }
            var response = Self.problem(
                status: status, detail: error.sentence, field: error.field, kind: error.kind.rawValue)
            if error.kind == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
            return response
        } catch let error as HTTPError {
            return Self.problem(
                status: error.status,
                detail: error.body.map { Phrase(verbatim: $0) } ?? Phrase(key: error.status.reasonPhrase),
                field: nil, kind: "http")
        } catch let error as BodyTooLarge {
            // A body over the route's limit is the caller's to shorten, never an internal error.
            return Self.problem(
                status: .contentTooLarge,
                detail: "the request body is larger than the limit of \(Self.size(error.limit)) for this route",
                field: nil, kind: "too-large")
        } catch let error as NIOTooManyBytesError {
            return Self.problem(
                status: .contentTooLarge,
                detail: error.maxBytes.map {
                    "the request body is larger than the limit of \(Self.size($0)) for this route"
                }
                    ?? "the request body is larger than the limit for this route",
                field: nil,
                kind: "too-large")
        } catch let error as any HTTPResponseError {
            return Self.problem(
                status: error.status, detail: Phrase(key: error.status.reasonPhrase), field: nil, kind: "http")
        } catch  where DatabaseFailure.isBusy(error) {
            // Another program holds the write lock past the setting database.busy-seconds: try again, nothing written.
            var response = Self.problem(
                status: .serviceUnavailable,
                detail: DatabaseFailure.message(error, path: databasePath) ?? "the database is busy",
                field: nil, kind: "busy")
            response.headers[.retryAfter] = "5"
            return response
        } catch {
            context.logger.error("unexpected error: \(String(describing: error))")
            return Self.problem(
                status: .internalServerError, detail: "internal error; see the server log", field: nil, kind: "internal"
            )
        }
    }

    /// The problem document's members, its title and detail in the language of the request.
    static func document(status: HTTPResponse.Status, detail: Phrase, field: String?, kind: String) -> Problem {
        Problem(
            type: "https://aftersales.invalid/problems/\(kind)", title: Phrase(key: status.reasonPhrase).rendered(),
            status: status.code, detail: detail.rendered(), field: field)
    }

    /// Bytes as people say them: 1 MiB, 28 MiB.
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }

    /// The problem document, its title and detail in the language of the request.
    static func problem(status: HTTPResponse.Status, detail: Phrase, field: String?, kind: String) -> Response {
        let problem = document(status: status, detail: detail, field: field, kind: kind)
        let data = (try? JSONFormat.encoder(pretty: false).encode(problem)) ?? Data()
        return Response(
            status: status, headers: [.contentType: "application/problem+json"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// Not allowed for the token's role.
struct Forbidden: AfterSalesError {
    let permission: Permission
    let role: Role
    var kind: ErrorKind { .forbidden }
    var field: String? { nil }
    var phrase: Phrase {
        """
        role \(role.rawValue) may not do this (needs \(permission.rawValue): \
        \(permission.roles.map(\.rawValue).joined(separator: ", ")))
        """
    }
}

/// No valid bearer token.
struct Unauthorized: AfterSalesError {
    let phrase: Phrase
    var kind: ErrorKind { .unauthorized }
    var field: String? { nil }
}
