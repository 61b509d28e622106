// swift-tools-version: 6.1
import PackageDescription

/// swift-openapi-generator as a tool of its own, never a build plugin of AfterSales: `make client` builds it once
/// (in .build-openapi) and regenerates the client the GeneratedClientTests use from Docs/openapi.yaml.
let package = Package(
    name: "OpenAPIGenerator",
    dependencies: [
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3")
    ],
    targets: []
)
