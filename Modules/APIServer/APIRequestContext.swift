import Hummingbird
import Storage

/// The request context of the API: Hummingbird's core storage plus the principal the bearer token stands for.
public struct APIRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthMiddleware` on every route under /v1.
    public var principal: Principal?
    /// What the access log reports of this request.
    let notes = RequestNotes()

    public init(source: Source) {
        coreContext = .init(source: source)
        principal = nil
    }

    /// Request bodies are small JSON documents.
    public var maxUploadSize: Int { 1 << 20 }
}
