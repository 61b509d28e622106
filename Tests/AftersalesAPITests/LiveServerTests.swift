import Foundation
import TestSupport
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A real `aftersales-api` process on 127.0.0.1, on a free port.
final class LiveServer: @unchecked Sendable {
    let process = Process()
    let port: Int

    init(database: String) throws {
        process.executableURL = URL(fileURLWithPath: Binaries.path("aftersales-api"))
        // English: the start-up line is read for its port, and a new database speaks Chinese (issue 16).
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
        self.port = port
    }

    func request(
        _ path: String, method: String = "GET", token: String? = nil, body: String? = nil
    ) async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    /// Sends SIGTERM and waits; returns the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite("aftersales-api (live server on 127.0.0.1)")
struct LiveServerTests {
    @Test("Serves the API over a real socket, refuses restore while running, and stops cleanly on SIGTERM")
    func liveServer() async throws {
        let folder = try TemporaryDirectory()
        let db = folder.path("dealer.sqlite")
        #expect(try Binaries.run("aftersales", ["init", "--db", db]).status == 0)
        let created = try Binaries.run(
            "aftersales", ["token", "create", "--role", "cs-agent", "--name", "客服-李娜", "--db", db, "--format", "json"])
        let token = try #require(
            (try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])?["token"] as? String)
        #expect(try Binaries.run("aftersales", ["backup", folder.path("backup.sqlite"), "--db", db]).status == 0)

        let server = try LiveServer(database: db)
        let (health, _) = try await server.request("/health")
        #expect(health == 200)
        #expect(try await server.request("/v1/customers").0 == 401)
        let (status, body) = try await server.request(
            "/v1/customers", method: "POST", token: token,
            body: #"{"name":"王芳","phones":["13800138000"],"address":"北京市朝阳区建国路88号"}"#)
        #expect(status == 201)
        #expect(body.contains("北京市朝阳区建国路88号"))
        let (_, found) = try await server.request("/v1/customers/search?q=13800138000", token: token)
        #expect(found.contains("王芳"))

        // The database is in use: restore must refuse and change nothing.
        let before = try Binaries.dump(db)
        let restore = try Binaries.run("aftersales", ["restore", folder.path("backup.sqlite"), "--db", db])
        #expect(restore.status == 1)
        #expect(restore.stderr.contains("aftersales-api"))
        #expect(try Binaries.dump(db) == before)

        #expect(server.stop() == 0)
        let audit = try Binaries.run("aftersales", ["audit", "--db", db, "--format", "json"])
        #expect(audit.stdout.contains("客服-李娜"))
    }
}

@Suite("aftersales-api under hostile input (live server)")
struct HostileInputTests {
    @Test("Deeply nested filters, templates and JSON answer 400 naming the limit, and the server keeps answering")
    func deepInputs() async throws {
        let folder = try TemporaryDirectory()
        let db = folder.path("dealer.sqlite")
        #expect(try Binaries.run("aftersales", ["init", "--db", db]).status == 0)
        let created = try Binaries.run(
            "aftersales",
            [
                "token", "create", "--role", "market-coordinator", "--name", "市场-周", "--db", db,
                "--format", "json",
            ])
        let token = try #require(
            (try JSONSerialization.jsonObject(with: Data(created.stdout.utf8)) as? [String: Any])?["token"] as? String)
        let server = try LiveServer(database: db)
        defer { _ = server.stop() }

        func json(_ object: [String: String]) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        }
        let brackets = String(repeating: "(", count: 3_000) + "class = retained" + String(repeating: ")", count: 3_000)
        let nots = String(repeating: "not ", count: 5_000) + "class = retained"
        for filter in [brackets, nots] {
            let (status, body) = try await server.request(
                "/v1/segments/preview", method: "POST", token: token, body: try json(["filter": filter]))
            #expect(status == 400)
            #expect(body.contains("nest more than 32 deep"))
            let created = try await server.request(
                "/v1/segments", method: "POST", token: token, body: try json(["name": "deep", "filter": filter]))
            #expect(created.0 == 400)
        }
        let deepJSON =
            #"{"filter":"class = retained","x":"# + String(repeating: "[", count: 100_000)
            + String(repeating: "]", count: 100_000) + "}"
        let (jsonStatus, jsonBody) = try await server.request(
            "/v1/segments/preview", method: "POST", token: token, body: deepJSON)
        #expect(jsonStatus == 400)
        #expect(jsonBody.contains("more than 32 deep"))

        let template =
            String(repeating: "{{#name}}", count: 5_000) + "{{name}}" + String(repeating: "{{/name}}", count: 5_000)
        #expect(
            try await server.request(
                "/v1/segments", method: "POST", token: token,
                body: try json(["name": "retained", "filter": "class = retained"])
            ).0 == 201)
        let (campaignStatus, campaignBody) = try await server.request(
            "/v1/campaigns", method: "POST", token: token,
            body: try json([
                "name": "deep", "segment": "retained", "channel": "sms", "category": "service", "template": template,
            ]))
        #expect(campaignStatus == 400)
        #expect(campaignBody.contains("sections nest more than 16 deep"))

        #expect(try await server.request("/health").0 == 200)
        #expect(
            try await server.request(
                "/v1/segments/preview", method: "POST", token: token,
                body: try json(["filter": "class = retained"])
            ).0 == 200)
    }
}
