import Foundation
import OpenAPIURLSession
import TestSupport
import Testing

/// Issue 17: the order sheet the server answers is the exact `WorkOrderSheet` of Docs/openapi.yaml (every nested
/// part typed, nothing undocumented: the generated types refuse an unknown or missing key), and it is the same shape
/// as `aftersales workorder show --format json`.
@Suite("A work order through the generated client")
struct WorkOrderClientTests {
    @Test("Round-trips an order from reception to delivery: every answer decodes as the documented sheet")
    func workOrderRoundTrip() async throws {
        let dealer = try SeededDealer()
        try SeededDealer.run(
            [
                "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason",
                "老客户", "--db", dealer.database,
            ])
        try SeededDealer.run(
            [
                "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--plate", "京A·12345", "--make",
                "Volkswagen", "--model", "Sagitar", "--model-year", "2023", "--usage", "private", "--delivered-at",
                "2024-05-10 10:00", "--db", dealer.database,
            ])
        for (name, role) in [("王丽", "service-advisor"), ("刘强", "technician")] {
            try SeededDealer.run(["staff", "add", name, "--role", role, "--db", dealer.database])
        }
        let sql = """
            INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
            VALUES ('47 11 19 00', 'Volkswagen', '', 80, '前刹车片更换', 'test', 0);
            """
        #expect(try Binaries.run("/usr/bin/sqlite3", [dealer.database, sql]).status == 0)
        let server = try APIServerProcess(database: dealer.database)
        defer { _ = server.stop() }
        let client = Client(
            serverURL: server.url, transport: URLSessionTransport(), middlewares: [BearerToken(dealer.token)])

        // reception; the answer is the sheet with the warranty answer (W-8) and the L-10 record.
        let opened = try await client.openWorkOrder(
            body: .json(
                .init(
                    vin: "京A·12345", mileage: 30_000, fuel: 60, concerns: ["刹车异响"], walkAround: ["右前门划痕"],
                    advisor: "王丽"))
        ).created.body.json
        let number = opened.order.number
        #expect(opened.state == .open)
        #expect(opened.order.reception.concerns == ["刹车异响"])
        #expect(opened.order.jobs.map(\.fault) == ["刹车异响"])
        #expect(opened.customer == "王芳")
        #expect(opened.warranty != nil)
        #expect(opened.record.customerDescription == ["刹车异响"])
        #expect(opened.record.signedByDealer == "王丽")

        // a catalogue labour line, and other work with its price and reason, through the typed client.
        _ = try await client.addWorkOrderLine(
            path: .init(number: number), body: .json(.init(job: 1, kind: .labour, code: "47 11 19 00"))
        ).created.body.json
        let withLines = try await client.addWorkOrderLine(
            path: .init(number: number),
            body: .json(
                .init(job: 1, kind: .other, code: "SUBLET", price: "150", payer: .goodwill, reason: "四轮定位外协"))
        ).created.body.json
        #expect(withLines.order.lines.map(\.code) == ["47 11 19 00", "SUBLET"])
        let path = Operations.GetWorkOrder.Input.Path(number: number)
        // quote, approval, then work; Q-4: the check; Q-3: the invoice; A-6: delivery.
        let quoted = try await client.quoteWorkOrder(path: .init(number: number)).created.body.json
        #expect(quoted.order.quotes.map(\.version) == [1])
        #expect(quoted.totals.customer.fen == 9_600 && quoted.totals.goodwill.fen == 15_000)
        let approved = try await client.approveWorkOrderJobs(
            path: .init(number: number), body: .json(.init(by: "王芳", via: .wechat))
        ).ok.body.json
        #expect(approved.order.jobs.first?.approval?.method == .wechat)
        _ = try await client.dispatchWorkOrderJob(
            path: .init(number: number), body: .json(.init(job: 1, technician: "刘强"))
        ).ok.body.json
        _ = try await client.clockWorkOrderJob(
            path: .init(number: number), body: .json(.init(job: 1, technician: "刘强"))
        ).ok.body.json
        let clocked = try await client.clockWorkOrderJob(
            path: .init(number: number), body: .json(.init(job: 1, technician: "刘强", off: true))
        ).ok.body.json
        #expect(clocked.order.jobs.first?.spells.count == 1 && clocked.order.jobs.first?.spells.first?.end != nil)
        let failed = try await client.checkWorkOrderJob(
            path: .init(number: number),
            body: .json(.init(job: 1, roadTestKilometres: 5, failed: [.concern], reason: "路试仍有异响"))
        ).created.body.json
        #expect(failed.order.jobs.first?.qcFailure == "路试仍有异响")
        #expect(failed.order.checks.additionalProperties["1"]?.first?.failed == [.concern])
        _ = try await client.clockWorkOrderJob(
            path: .init(number: number), body: .json(.init(job: 1, technician: "刘强"))
        ).ok.body.json
        _ = try await client.clockWorkOrderJob(
            path: .init(number: number), body: .json(.init(job: 1, technician: "刘强", off: true))
        ).ok.body.json
        _ = try await client.checkWorkOrderJob(
            path: .init(number: number), body: .json(.init(job: 1, roadTestKilometres: 5, finding: "刹车片磨损到限"))
        ).created.body.json
        let settled = try await client.settleWorkOrder(
            path: .init(number: number), body: .json(.init(payment: .wechatPay))
        ).created.body.json
        #expect(settled.state == .settled)
        #expect(settled.order.invoice?.number == "INV-000001" && settled.order.invoice?.payment == .wechatPay)
        let delivered = try await client.deliverWorkOrder(
            path: .init(number: number), body: .json(.init(note: "已说明"))
        ).created.body.json
        #expect(delivered.state == .delivered)
        // L-10: the record holds the repair items, the labour and the other work, the delivery.
        #expect(delivered.record.items.map(\.finding) == ["刹车片磨损到限"])
        #expect(delivered.record.labourCentihours == 80 && delivered.record.labourCost.fen == 9_600)
        #expect(delivered.record.towingLoanCompensation == ["四轮定位外协"])
        #expect(delivered.record.deliveredAt != nil)
        let read = try await client.getWorkOrder(path: path).ok.body.json
        #expect(read.order == delivered.order && read.record == delivered.record)

        // One shape: the CLI's JSON decodes as the same documented sheet, equal to the API's.
        let cliJSON = try SeededDealer.run(["workorder", "show", number, "--format", "json", "--db", dealer.database])
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let fromCLI = try decoder.decode(Components.Schemas.WorkOrderSheet.self, from: Data(cliJSON.utf8))
        #expect(fromCLI.order == read.order && fromCLI.record == read.record && fromCLI.totals == read.totals)
    }
}
