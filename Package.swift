// swift-tools-version: 6.1
import PackageDescription

/// One settings list for every target: Swift 6 language mode everywhere.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "AfterSales",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "aftersales", targets: ["aftersales"]),
        .executable(name: "aftersales-api", targets: ["aftersales-api"]),
        .executable(name: "aftersales-import", targets: ["aftersales-import"]),
        .executable(name: "aftersales-demo-data", targets: ["aftersales-demo-data"]),
        .executable(name: "aftersales-bench", targets: ["aftersales-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        // Without the ConfigurationSupport trait: the server reads its settings itself, and swift-configuration
        // would be one more package to build.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        // Only for APIServerTests: the channel and lock its in-process client needs (RouterTesting.swift).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // Only for GeneratedClientTests: the runtime and transport of the client generated from Docs/openapi.yaml
        // (the generator itself is a tool of its own, Tools/OpenAPIGenerator, run by `make client`).
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.13.4"),
        .package(url: "https://github.com/apple/swift-openapi-urlsession", from: "1.4.0"),
    ],
    targets: [
        // MARK: - Modules (pure business rules: no GRDB, no I/O)
        .target(
            name: "Core", dependencies: [.product(name: "Crypto", package: "swift-crypto")], path: "Modules/Core",
            swiftSettings: swiftSettings),
        .testTarget(name: "CoreTests", dependencies: ["Core"], path: "Tests/CoreTests", swiftSettings: swiftSettings),

        .target(name: "Customers", dependencies: ["Core"], path: "Modules/Customers", swiftSettings: swiftSettings),
        .testTarget(
            name: "CustomersTests", dependencies: ["Customers"], path: "Tests/CustomersTests",
            swiftSettings: swiftSettings),

        .target(
            name: "Warranty", dependencies: ["Core", "Customers"], path: "Modules/Warranty",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "WarrantyTests", dependencies: ["Warranty"], path: "Tests/WarrantyTests", swiftSettings: swiftSettings
        ),

        .target(
            name: "WorkOrders", dependencies: ["Core", "Customers", "Catalog", "Warranty", "Complaints"],
            path: "Modules/WorkOrders",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "WorkOrdersTests", dependencies: ["WorkOrders"], path: "Tests/WorkOrdersTests",
            swiftSettings: swiftSettings),

        .target(
            name: "Complaints", dependencies: ["Core", "Customers"], path: "Modules/Complaints",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "ComplaintsTests", dependencies: ["Complaints"], path: "Tests/ComplaintsTests",
            swiftSettings: swiftSettings),

        .target(
            name: "Messaging",
            dependencies: ["Core", "Customers", .product(name: "Mustache", package: "swift-mustache")],
            path: "Modules/Messaging", swiftSettings: swiftSettings),
        .testTarget(
            name: "MessagingTests", dependencies: ["Messaging"], path: "Tests/MessagingTests",
            swiftSettings: swiftSettings),

        .target(
            name: "Campaigns", dependencies: ["Core", "Customers", "Messaging", "Warranty"], path: "Modules/Campaigns",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "CampaignsTests", dependencies: ["Campaigns"], path: "Tests/CampaignsTests",
            swiftSettings: swiftSettings),

        .target(name: "Catalog", dependencies: ["Core"], path: "Modules/Catalog", swiftSettings: swiftSettings),
        .testTarget(
            name: "CatalogTests", dependencies: ["Catalog"], path: "Tests/CatalogTests", swiftSettings: swiftSettings),

        // The parts counter: counts on hand, movements, the negative-count rule, shortages (issue 17, Q-7, K-5).
        .target(name: "Stock", dependencies: ["Core"], path: "Modules/Stock", swiftSettings: swiftSettings),
        .testTarget(
            name: "StockTests", dependencies: ["Stock"], path: "Tests/StockTests", swiftSettings: swiftSettings),

        // Appointments and the workshop's capacity: bays, technicians, advisors, the register (issue 18, A-1 to A-5).
        .target(
            name: "Appointments", dependencies: ["Core", "Catalog", "Customers", "WorkOrders", "Stock"],
            path: "Modules/Appointments",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "AppointmentsTests", dependencies: ["Appointments", "TestSupport"], path: "Tests/AppointmentsTests",
            swiftSettings: swiftSettings),

        // The manufacturer file's items assembled from its element events (no parser, no libxml2).
        .target(
            name: "ManufacturerData",
            dependencies: ["Core", "Customers", "Catalog", "Warranty"],
            path: "Modules/ManufacturerData",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ManufacturerDataTests",
            dependencies: ["ManufacturerData"],
            path: "Tests/ManufacturerDataTests",
            swiftSettings: swiftSettings
        ),

        // MARK: - Modules (I/O adapters: libxml2 and the manufacturer-XML reader)
        .systemLibrary(
            name: "CLibXML2", path: "Modules/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "ManufacturerXML",
            dependencies: ["CLibXML2", "Core", "Catalog", "Warranty", "ManufacturerData"],
            path: "Modules/ManufacturerXML",
            resources: [.embedInCode("manufacturer-data.xsd")],
            // Exclusivity checking stays on here as everywhere (untrusted input): it costs the whole import
            // 1.5 % of its instructions, measured in Docs/benchmarks.md.
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ManufacturerXMLTests", dependencies: ["ManufacturerXML", "ManufacturerData", "TestSupport"],
            path: "Tests/ManufacturerXMLTests", swiftSettings: swiftSettings),

        // MARK: - Modules (storage: a kernel, one target per business area, and the schema they make together)
        .target(
            name: "StorageKernel",
            dependencies: ["Core", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/StorageKernel",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageKernelTests", dependencies: ["Storage", "TestSupport"], path: "Tests/StorageKernelTests",
            swiftSettings: swiftSettings),
        .target(
            name: "CustomerStorage",
            dependencies: [
                "StorageKernel", "Core", "Customers", "TextInput", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/CustomerStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CustomerStorageTests", dependencies: ["Storage", "TestSupport"], path: "Tests/CustomerStorageTests",
            swiftSettings: swiftSettings),
        .target(
            name: "WarrantyStorage",
            dependencies: [
                "StorageKernel", "CustomerStorage", "Core", "Customers", "Warranty", "Catalog",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/WarrantyStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WarrantyStorageTests", dependencies: ["Storage", "TestSupport"], path: "Tests/WarrantyStorageTests",
            swiftSettings: swiftSettings),
        .target(
            name: "ComplaintStorage",
            dependencies: [
                "StorageKernel", "Core", "Customers", "Complaints", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/ComplaintStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ComplaintStorageTests", dependencies: ["Storage", "TestSupport"],
            path: "Tests/ComplaintStorageTests", swiftSettings: swiftSettings),
        .target(
            name: "MessagingStorage",
            dependencies: [
                "StorageKernel", "CustomerStorage", "WarrantyStorage", "Core", "Customers", "Warranty", "Messaging",
                "Campaigns",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/MessagingStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MessagingStorageTests", dependencies: ["Storage", "TestSupport"],
            path: "Tests/MessagingStorageTests", swiftSettings: swiftSettings),
        .target(
            name: "ManufacturerStorage",
            dependencies: [
                "StorageKernel", "WarrantyStorage", "Core", "Warranty", "Catalog",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/ManufacturerStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ManufacturerStorageTests", dependencies: ["Storage", "TestSupport"],
            path: "Tests/ManufacturerStorageTests", swiftSettings: swiftSettings),
        .target(
            name: "StockStorage",
            dependencies: ["StorageKernel", "Core", "Stock", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Modules/StockStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StockStorageTests", dependencies: ["Storage", "TestSupport"], path: "Tests/StockStorageTests",
            swiftSettings: swiftSettings),
        .target(
            name: "WorkOrderStorage",
            dependencies: [
                "StorageKernel", "CustomerStorage", "WarrantyStorage", "Core", "Customers", "Warranty", "Catalog",
                "WorkOrders", "Complaints", "Stock", "StockStorage", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/WorkOrderStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkOrderStorageTests", dependencies: ["Storage", "WorkOrders", "TestSupport"],
            path: "Tests/WorkOrderStorageTests", swiftSettings: swiftSettings),
        .target(
            name: "AppointmentStorage",
            dependencies: [
                "StorageKernel", "CustomerStorage", "WarrantyStorage", "StockStorage", "WorkOrderStorage", "Core",
                "Customers", "Warranty", "Catalog", "WorkOrders", "Appointments",
                // Dealer calls read the customers' facts and the reminders' maintenance-due rule (W-9, M-1).
                "MessagingStorage", "Messaging", "Campaigns", "Stock",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/AppointmentStorage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AppointmentStorageTests", dependencies: ["Storage", "Appointments", "TestSupport"],
            path: "Tests/AppointmentStorageTests", swiftSettings: swiftSettings),
        // The printable pages of a repair order (issue 17): a pure renderer from the order sheet to HTML.
        .target(
            name: "WorkOrderPages",
            dependencies: [
                "Core", "Warranty", "WorkOrders", "Messaging", "WarrantyStorage", "WorkOrderStorage",
            ],
            path: "Modules/WorkOrderPages", swiftSettings: swiftSettings),
        .testTarget(
            name: "WorkOrderPagesTests",
            dependencies: ["WorkOrderPages", "Storage", "WorkOrders", "Catalog", "TestSupport"],
            path: "Tests/WorkOrderPagesTests", swiftSettings: swiftSettings),
        // The welcome board of the day's appointments (issue 18): a pure renderer from the board's rows to HTML.
        .target(
            name: "AppointmentPages", dependencies: ["Core", "Appointments", "WorkOrderPages"],
            path: "Modules/AppointmentPages", swiftSettings: swiftSettings),
        .testTarget(
            name: "AppointmentPagesTests",
            dependencies: ["AppointmentPages", "Appointments", "Storage", "WorkOrders", "TestSupport"],
            path: "Tests/AppointmentPagesTests", swiftSettings: swiftSettings),
        // The dealer's database as the apps open it: the areas' migrations in one list, and the cards that cross areas.
        .target(
            name: "Storage",
            dependencies: [
                "StorageKernel", "CustomerStorage", "WarrantyStorage", "ComplaintStorage", "MessagingStorage",
                "ManufacturerStorage", "StockStorage", "WorkOrderStorage", "AppointmentStorage",
                "Core", "Customers", "Warranty", "Catalog", "Complaints", "Messaging", "Campaigns", "Stock",
                "WorkOrders", "Appointments",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Modules/Storage",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StorageTests", dependencies: ["Storage", "TestSupport"], path: "Tests/StorageTests",
            swiftSettings: swiftSettings),

        // MARK: - Modules (I/O adapter: text files, their encodings and CSV)
        .target(name: "TextInput", dependencies: ["Core"], path: "Modules/TextInput", swiftSettings: swiftSettings),
        .testTarget(
            name: "TextInputTests", dependencies: ["TextInput", "Core", "TestSupport"], path: "Tests/TextInputTests",
            swiftSettings: swiftSettings),

        // MARK: - Modules (app libraries)
        // What every binary shares: --db and $AFTERSALES_DB, the actor's default, $AFTERSALES_NOW in the dealer's zone.
        .target(
            name: "AppConventions", dependencies: ["Core", "Storage"], path: "Modules/AppConventions",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "AppConventionsTests", dependencies: ["AppConventions", "TestSupport"],
            path: "Tests/AppConventionsTests", swiftSettings: swiftSettings),

        .target(
            name: "ManufacturerImport",
            dependencies: [
                "ManufacturerXML", "ManufacturerData", "StorageKernel", "ManufacturerStorage", "Catalog", "Warranty",
            ],
            path: "Modules/ManufacturerImport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ManufacturerImportTests",
            dependencies: ["ManufacturerImport", "ManufacturerData", "TestSupport"],
            path: "Tests/ManufacturerImportTests",
            resources: [.copy("Corpus")],
            swiftSettings: swiftSettings
        ),

        .target(
            name: "MessagingDelivery", dependencies: ["Messaging", "StorageKernel", "MessagingStorage"],
            path: "Modules/MessagingDelivery", swiftSettings: swiftSettings),
        .testTarget(
            name: "MessagingDeliveryTests", dependencies: ["MessagingDelivery", "TestSupport"],
            path: "Tests/MessagingDeliveryTests", swiftSettings: swiftSettings),

        .target(
            name: "AdminCommands",
            dependencies: [
                "Storage", "AppConventions", "TextInput", "Warranty", "Catalog", "Complaints", "Messaging", "Campaigns",
                "WorkOrders",
                "MessagingDelivery", "ManufacturerXML", "ManufacturerData", "ManufacturerImport", "Stock",
                "WorkOrderPages", "Appointments", "AppointmentPages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Modules/AdminCommands",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AdminCommandsTests",
            dependencies: [
                "AdminCommands", "AppConventions", "Storage", "TestSupport", "aftersales", "aftersales-import",
                "aftersales-demo-data",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tests/AdminCommandsTests",
            swiftSettings: swiftSettings
        ),

        .target(
            name: "APIServer",
            dependencies: [
                "Storage",
                "AppConventions",
                "Warranty",
                "Complaints",
                "Messaging",
                "Campaigns",
                "Stock",
                "WorkOrderPages",
                "Appointments",
                "AppointmentPages",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Modules/APIServer",
            resources: [.embedInCode("openapi.yaml")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "APIServerTests",
            dependencies: [
                "APIServer", "Complaints", "Messaging", "TestSupport",
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/APIServerTests",
            swiftSettings: swiftSettings
        ),

        // MARK: - Test support (binaries, temporary databases, sqlite3 .dump)
        .target(
            name: "TestSupport", dependencies: ["Storage"], path: "Tests/TestSupport", swiftSettings: swiftSettings),

        // MARK: - Apps (thin @main shells)
        .executableTarget(
            name: "aftersales", dependencies: ["AdminCommands"], path: "Apps/aftersales", swiftSettings: swiftSettings),
        .testTarget(
            name: "AftersalesCLITests", dependencies: ["aftersales", "AdminCommands", "Storage", "TestSupport"],
            path: "Tests/AftersalesCLITests", swiftSettings: swiftSettings),

        .executableTarget(
            name: "aftersales-import", dependencies: ["AdminCommands"], path: "Apps/aftersales-import",
            swiftSettings: swiftSettings),
        .testTarget(
            name: "AftersalesImportTests",
            dependencies: ["aftersales-import", "aftersales", "Storage", "TestSupport", "DemoGenerator"],
            path: "Tests/AftersalesImportTests",
            swiftSettings: swiftSettings
        ),

        .executableTarget(
            name: "aftersales-api",
            dependencies: ["APIServer"],
            path: "Apps/aftersales-api",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AftersalesAPITests", dependencies: ["aftersales-api", "aftersales", "Storage", "TestSupport"],
            path: "Tests/AftersalesAPITests", swiftSettings: swiftSettings),
        // A client generated from Docs/openapi.yaml (committed in Generated/, `make client`) against the real server.
        .testTarget(
            name: "GeneratedClientTests",
            dependencies: [
                "aftersales-api", "aftersales", "Core", "TestSupport",
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIURLSession", package: "swift-openapi-urlsession"),
            ],
            path: "Tests/GeneratedClientTests",
            exclude: ["openapi-generator-config.yaml", "Generated/openapi.yaml.sha256"],
            swiftSettings: swiftSettings
        ),

        // MARK: - Tools (demo data and benchmarks; never part of make test's timing)
        .target(
            name: "DemoGenerator", dependencies: ["Core", "Customers"], path: "Tools/DemoGenerator",
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "aftersales-demo-data",
            dependencies: [
                "DemoGenerator", "Storage", "Complaints",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/DemoData",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "aftersales-bench",
            dependencies: [
                "DemoGenerator", "Storage", "Complaints", "MessagingDelivery",
                "Appointments", "AppointmentPages",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Tools/Bench",
            swiftSettings: swiftSettings
        ),

        // MARK: - Tools (fuzzing: `make fuzz` builds aftersales-fuzz with libFuzzer; see Docs/testing.md)
        .target(
            name: "FuzzTargets",
            dependencies: [
                "Core", "Customers", "ManufacturerXML", "ManufacturerData", "TextInput", "Messaging", "Campaigns",
            ],
            path: "Tools/Fuzz/FuzzTargets",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FuzzTargetsTests", dependencies: ["FuzzTargets"], path: "Tests/FuzzTargetsTests",
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "aftersales-fuzz", dependencies: ["FuzzTargets"], path: "Tools/Fuzz/aftersales-fuzz",
            swiftSettings: swiftSettings),
    ]
)
