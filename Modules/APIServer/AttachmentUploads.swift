import Complaints
import Core
import Foundation
import Hummingbird
import Storage

/// Files sent to and read from records over HTTP: a complaint's evidence (K-14), a repair order's walk-around photos
/// . A file comes in base64 inside a small JSON document, at most the setting `complaints.attachment.max-mb`
/// (a larger body is a 413 before it is read whole); it goes out as its bytes with its media type.
enum AttachmentUploads {
    /// The body as `T` with its `content` in base64, the limit the setting's megabytes (4 bytes for 3) and some JSON.
    static func body<T: Decodable>(
        _ type: T.Type, _ request: Request, _ context: APIRequestContext, database: AppDatabase
    ) async throws -> T {
        let megabytes = try await database.run { try $0.settings().integer(.complaintAttachmentMegabytes) }
        return try await JSON.body(type, request, context, limit: megabytes << 20 / 3 * 4 + (64 << 10))
    }

    /// The file's bytes from its base64 `content`.
    static func bytes(_ content: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: content) else {
            throw InvalidInput(field: "content", "expected the file's bytes in base64")
        }
        return [UInt8](data)
    }

    /// A kept file as its bytes, with its media type.
    static func response(_ info: AttachmentInfo, _ data: Data) -> Response {
        Response(status: .ok, headers: [.contentType: info.mediaType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
