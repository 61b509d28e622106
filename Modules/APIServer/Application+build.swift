import Core
import Foundation
import Hummingbird
import Logging
import NIOCore
import Storage

/// Builds the router with every route: `GET /health` and `GET /openapi.yaml` are public; everything
/// under /v1 needs a bearer token whose role holds the route's permission.
public func buildRouter(
    database: AppDatabase, registry: RouteRegistry = RouteRegistry(), corsOrigins: Set<String> = [],
    accessLog: (@Sendable (String) -> Void)? = nil, speech: Speech = Speech(.en)
) -> Router<APIRequestContext> {
    let router = Router(context: APIRequestContext.self)
    if let accessLog { router.add(middleware: AccessLogMiddleware(write: accessLog)) }
    if !corsOrigins.isEmpty { router.add(middleware: CORSOriginsMiddleware(origins: corsOrigins)) }
    router.add(middleware: LanguageMiddleware(fallback: speech))
    router.add(middleware: ProblemMiddleware(databasePath: database.path))
    router.add(middleware: MethodNotAllowedMiddleware(registry: registry))
    router.get("health") { _, _ in
        let migrations = try await database.run { try $0.schemaStatus().applied.count }
        return try JSON.response(["status": "ok", "migrations": String(migrations)])
    }
    registry.add(RouteDescription(method: "GET", path: "/health", permission: nil))
    router.get("openapi.yaml") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: openAPIDocument)))
    }
    registry.add(RouteDescription(method: "GET", path: "/openapi.yaml", permission: nil))
    CampaignController.addPublicRoutes(to: router, database: database, registry: registry)
    BoardController.addRoutes(to: router, database: database, registry: registry)
    let v1 = router.group("v1").add(middleware: AuthMiddleware(database: database))
    let routes = Routes(
        group: v1, prefix: "/v1", registry: registry, database: database,
        query: DocumentedQuery.parameters(in: String(decoding: openAPIDocument, as: UTF8.self)))
    CustomerController(database: database).addRoutes(to: routes)
    VehicleController(database: database).addRoutes(to: routes)
    TaskController(database: database).addRoutes(to: routes)
    WarrantyController(database: database).addRoutes(to: routes)
    ComplaintController(database: database).addRoutes(to: routes)
    CampaignController(database: database).addRoutes(to: routes)
    StockController(database: database).addRoutes(to: routes)
    WorkOrderReportController(database: database).addRoutes(to: routes)
    WorkOrderController(database: database).addRoutes(to: routes)
    WorkOrderDocumentController(database: database).addRoutes(to: routes)
    FollowUpController(database: database).addRoutes(to: routes)
    WorkOrderCorrectionController(database: database).addRoutes(to: routes)
    CapacityController(database: database).addRoutes(to: routes)
    AppointmentDayController(database: database).addRoutes(to: routes)
    AppointmentController(database: database).addRoutes(to: routes)
    return router
}

/// The HTTP API application on `host:port`. `onRunning` receives the bound port (useful with port 0).
public func buildApplication(
    database: AppDatabase, host: String = "127.0.0.1", port: Int = 8080, logger: Logger? = nil,
    corsOrigins: Set<String> = [], accessLog: (@Sendable (String) -> Void)? = nil,
    speech: Speech = Speech(.en), onRunning: (@Sendable (Int) async -> Void)? = nil
) -> some ApplicationProtocol {
    var logger = logger ?? Logger(label: "aftersales-api")
    if logger.logLevel > .info { logger.logLevel = .info }
    return Application(
        router: buildRouter(database: database, corsOrigins: corsOrigins, accessLog: accessLog, speech: speech),
        configuration: .init(address: .hostname(host, port: port), serverName: "aftersales-api"),
        onServerRunning: { channel in await onRunning?(channel.localAddress?.port ?? port) },
        logger: logger)
}

/// Docs/openapi.yaml, embedded at build time.
public let openAPIDocument: [UInt8] = PackageResources.openapi_yaml
