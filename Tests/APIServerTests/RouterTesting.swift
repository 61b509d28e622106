import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOEmbedded

// Requests sent straight to the application's responder, in process: what HummingbirdTesting's `.router`
// framework does, in the part these tests use. HummingbirdTesting itself also brings AsyncHTTPClient, NIOSSL and
// NIOHTTP2 (two thirds of a clean build's C and a quarter of its Swift) for the live modes these tests never use;
// the live server is tested through the real binary (AftersalesAPITests, GeneratedClientTests, schemathesis).

/// An answer as a test reads it: the head and the whole body.
struct TestResponse: Sendable {
    let head: HTTPResponse
    var status: HTTPResponse.Status { head.status }
    var headers: HTTPFields { head.headerFields }
    let body: ByteBuffer
}

/// How a test reaches the application; only in process, through the router.
enum TestingSetup {
    case router
}

protocol TestClientProtocol: Sendable {
    func executeRequest(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?
    )
        async throws -> TestResponse
}

extension TestClientProtocol {
    /// Sends one request and hands its answer to `check`.
    @discardableResult
    func execute<Value>(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        _ check: (TestResponse) async throws -> Value = { $0 }
    ) async throws -> Value {
        try await check(executeRequest(uri: uri, method: method, headers: headers, body: body))
    }
}

extension ApplicationProtocol
where Responder.Context: RequestContext, Responder.Context.Source == ApplicationRequestContextSource {
    /// Runs `test` with a client whose requests go to this application's responder.
    func test<Value>(
        _ setup: TestingSetup, _ test: @Sendable (any TestClientProtocol) async throws -> Value
    )
        async throws -> Value
    {
        try await test(RouterClient(responder: responder, logger: logger))
    }
}

private struct RouterClient<Responder: HTTPResponder>: TestClientProtocol
where Responder.Context: RequestContext, Responder.Context.Source == ApplicationRequestContextSource {
    let responder: Responder
    let logger: Logger

    func executeRequest(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields, body: ByteBuffer?
    )
        async throws -> TestResponse
    {
        var headers = headers
        if let body { headers[.contentLength] = String(body.readableBytes) }
        let request = Request(
            head: HTTPRequest(method: method, scheme: "http", authority: "localhost", path: uri, headerFields: headers),
            body: RequestBody(buffer: body ?? ByteBuffer()))
        let context = Responder.Context(source: .init(channel: NIOAsyncTestingChannel(), logger: logger))
        // As the server does: an error that is not an HTTP answer of its own is a 500.
        let response =
            (try? await responder.respond(to: request, context: context)) ?? Response(status: .internalServerError)
        let collected = BodyCollector()
        try await response.body.write(collected)
        return TestResponse(head: response.head, body: collected.buffer.withLockedValue { $0 })
    }
}

private struct BodyCollector: ResponseBodyWriter {
    let buffer = NIOLockedValueBox(ByteBuffer())

    func write(_ part: ByteBuffer) async throws {
        buffer.withLockedValue { $0.writeImmutableBuffer(part) }
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
