import AppointmentPages
import Core
import Foundation
import Hummingbird
import Messaging
import NIOCore
import Storage

/// `GET /board`: the welcome board (预约欢迎看板, issue 18) for the reception's screen. A TV's browser cannot send
/// headers, so the token may come in the query (`/board?token=…`, the address typed once into the TV); a staff
/// member's browser or script sends its bearer token as anywhere else. The `board` role's token opens this page
/// and nothing else (`Role.may`); every staff role may open it too. The answer is never cached and the page sends
/// no referrer, so the token in the address goes nowhere else; the access log writes the route, never the query.
enum BoardController {
    static func addRoutes(to router: Router<APIRequestContext>, database: AppDatabase, registry: RouteRegistry) {
        router.get("board") { request, _ in
            try Query(request: request).refuseUnknown(accepted: ["token"])
            try Query(request: request).refuseEmpty()
            let secret: String
            if let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") {
                secret = String(header.dropFirst(7)).trimmed()
            } else if let token = Query(request: request).string("token") {
                secret = token
            } else {
                throw Unauthorized(
                    phrase:
                        """
                        the board needs a token: open /board?token=<token> (create one with `aftersales token create \
                        --role board`)
                        """)
            }
            guard let principal = try await database.run({ try $0.authenticate(secret: secret) }) else {
                throw Unauthorized(phrase: "the token is unknown or revoked")
            }
            guard principal.role.may(.viewBoard) else {
                throw Forbidden(permission: .viewBoard, role: principal.role)
            }
            let page = try await database.run { db in
                WelcomeBoardPage.html(try db.welcomeBoard(), dealer: try db.settings().text(.dealerName))
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: page)))
        }
        registry.add(RouteDescription(method: "GET", path: "/board", permission: .viewBoard))
    }
}
