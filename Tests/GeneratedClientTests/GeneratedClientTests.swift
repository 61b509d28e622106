import Core
import Foundation
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
import TestSupport
import Testing

/// The client swift-openapi-generator made from Docs/openapi.yaml (Generated/, `make client`), against the real
/// `aftersales-api` on 127.0.0.1: what the description promises is what a generated client gets.
@Suite("A client generated from Docs/openapi.yaml against the real server")
struct GeneratedClientTests {
    @Test("The generated client is up to date with Docs/openapi.yaml")
    func generatedFromTheCurrentSpec() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let spec = try Data(contentsOf: root.appendingPathComponent("Docs/openapi.yaml"))
        let recorded = try String(
            contentsOf: root.appendingPathComponent("Tests/GeneratedClientTests/Generated/openapi.yaml.sha256"),
            encoding: .utf8)
        let digest = SHA256.digest(spec).map { String(format: "%02x", $0) }.joined()
        #expect(
            recorded.split(separator: " ").first.map(String.init) == digest,
            """
            Docs/openapi.yaml changed since the client in Tests/GeneratedClientTests/Generated was generated: \
            run `make client` and commit what it writes
            """)
    }

    @Test("Round-trips a customer, a complaint and a campaign, and decodes a 404, a 400 and a 401 as problems")
    func roundTrip() async throws {
        let dealer = try SeededDealer()
        let server = try APIServerProcess(database: dealer.database)
        defer { _ = server.stop() }
        let client = Client(
            serverURL: server.url, transport: URLSessionTransport(), middlewares: [BearerToken(dealer.token)])

        // A customer: every field of the form, read back equal.
        let form = Components.Schemas.CustomerForm(
            name: "王芳", kind: .person, _class: .potential, grade: .b, source: "车展", gender: .female,
            birthDate: "1988-04-12", email: "wang.fang@example.cn", region: "北京", address: "北京市朝阳区建国路88号",
            occupation: "教师", owner: "李娜", note: "周末方便", externalRef: "CRM-0042", phones: ["13800138000"])
        let card = try await client.createCustomer(body: .json(form)).created.body.json
        let customer = card.customer
        #expect(customer.name == form.name)
        #expect(customer.kind == .person)
        #expect(customer.customerClass == .potential)
        #expect(customer.grade == .b)
        #expect(customer.source == form.source)
        #expect(customer.gender == .female)
        #expect(customer.birthDate == form.birthDate)
        #expect(customer.email == form.email)
        #expect(customer.region == form.region)
        #expect(customer.address == form.address)
        #expect(customer.occupation == form.occupation)
        #expect(customer.owner == form.owner)
        #expect(customer.note == form.note)
        #expect(customer.externalRef == form.externalRef)
        #expect(card.phones.map(\.phone) == ["13800138000"])
        let readCard = try await client.getCustomer(path: .init(id: customer.id)).ok.body.json
        #expect(readCard == card)

        // A complaint on that customer, read back equal.
        let complaintForm = Operations.CreateComplaint.Input.Body.JsonPayload(
            customer: customer.id, channel: .phone, receivedBy: "李娜", description: "新车刹车有异响",
            category: .repairTechnique, wishes: [.explanationApology])
        let file = try await client.createComplaint(body: .json(complaintForm)).created.body.json
        #expect(file.complaint.customerID == customer.id)
        #expect(file.complaint.channel == .phone)
        #expect(file.complaint.receivedBy == "李娜")
        #expect(file.complaint.owner == "李娜")
        #expect(file.complaint.description == "新车刹车有异响")
        #expect(file.complaint.category == .repairTechnique)
        #expect(file.complaint.wishes == [.explanationApology])
        #expect(file.complaint.state == .received)
        #expect(file.customer == "王芳")
        let readFile = try await client.getComplaint(path: .init(id: file.complaint.id)).ok.body.json
        #expect(readFile.complaint == file.complaint)
        #expect(readFile.history == file.history)
        #expect(readFile.deadlines.map(\.deadline) == file.deadlines.map(\.deadline))

        // A campaign on a saved segment, read back equal.
        let segment = try await client.createSegment(
            body: .json(.init(name: "potential-b", filter: "grade = B", description: "B 级潜在客户"))
        ).created.body.json
        #expect(segment.filter == "grade = B")
        let campaign = try await client.createCampaign(
            body: .json(
                .init(
                    name: "spring-check", segment: "potential-b", channel: .sms, category: .service,
                    template: "尊敬的{{name}}{{title}}：春季免费检测。{{dealer}}", responseWindowDays: 14))
        ).created.body.json
        #expect(campaign.name == "spring-check")
        #expect(campaign.segment == "potential-b")
        #expect(campaign.channel == .sms)
        #expect(campaign.category == .service)
        #expect(campaign.template == "尊敬的{{name}}{{title}}：春季免费检测。{{dealer}}")
        #expect(campaign.responseWindowDays == 14)
        let readCampaign = try await client.getCampaign(path: .init(name: "spring-check")).ok.body.json
        #expect(readCampaign == campaign)

        // Errors arrive as the documented problem documents.
        let missing = try await client.getCustomer(path: .init(id: 999)).notFound.body.applicationProblemJson
        #expect(missing.status == 404)
        #expect(missing._type == "https://aftersales.invalid/problems/notFound")
        #expect(missing.detail.contains("999"))
        let blank = try await client.createCustomer(body: .json(.init(name: "   "))).badRequest.body
            .applicationProblemJson
        #expect(blank.status == 400)
        #expect(blank.field == "name")
        let anonymous = Client(serverURL: server.url, transport: URLSessionTransport())
        let refused = try await anonymous.getCampaign(path: .init(name: "spring-check")).unauthorized
        #expect(refused.headers.wwwAuthenticate == .bearer)
        #expect(try refused.body.applicationProblemJson.status == 401)
    }
}

/// A new dealer database with a customer-service agent (李娜, who receives and owns complaints) and an admin token.
struct SeededDealer {
    let folder: TemporaryDirectory
    let database: String
    let token: String

    init() throws {
        folder = try TemporaryDirectory()
        database = folder.path("dealer.sqlite")
        try Self.run(["init", "--db", database])
        try Self.run(["staff", "add", "李娜", "--role", "cs-agent", "--db", database])
        let created = try Self.run(
            ["token", "create", "--role", "admin", "--name", "generated-client", "--db", database, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(created.utf8)) as? [String: Any]
        token = try #require(object?["token"] as? String)
    }

    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let result = try Binaries.run("aftersales", arguments)
        try #require(result.status == 0, "aftersales \(arguments.joined(separator: " ")): \(result.stderr)")
        return result.stdout
    }
}

/// Sends the bearer token on every request, as the description's security scheme asks.
struct BearerToken: ClientMiddleware {
    let token: String

    init(_ token: String) { self.token = token }

    func intercept(
        _ request: HTTPRequest, body: HTTPBody?, baseURL: URL, operationID: String,
        next: @Sendable (HTTPRequest, HTTPBody?, URL) async throws -> (HTTPResponse, HTTPBody?)
    ) async throws -> (HTTPResponse, HTTPBody?) {
        var request = request
        request.headerFields[.authorization] = "Bearer \(token)"
        return try await next(request, body, baseURL)
    }
}

/// The built `aftersales-api` on 127.0.0.1 on a free port (as AftersalesAPITests' LiveServer starts it).
final class APIServerProcess: @unchecked Sendable {
    let process = Process()
    let url: URL

    init(database: String) throws {
        process.executableURL = URL(fileURLWithPath: Binaries.path("aftersales-api"))
        // English: the start-up line is read for its port, and problems are compared in English.
        process.arguments = ["--db", database, "--host", "127.0.0.1", "--port", "0", "--lang", "en"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(30)
        while !text.contains("listening on"), Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        guard let range = text.range(of: #"127\.0\.0\.1:(\d+)"#, options: .regularExpression),
            let port = Int(text[range].split(separator: ":").last!)
        else {
            process.terminate()
            throw CocoaError(
                .fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "the server did not start: \(text)"])
        }
        url = URL(string: "http://127.0.0.1:\(port)")!
    }

    /// Sends SIGTERM and waits; returns the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
