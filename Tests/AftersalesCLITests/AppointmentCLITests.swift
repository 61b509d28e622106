import Foundation
import TestSupport
import Testing

@Suite("aftersales appointment (real binary)")
struct AppointmentCLITests {
    /// A dealer with a car, a labour operation, and a workshop of one general bay, one technician and one advisor who
    /// receives one arrival per quarter-hour; on 8 December the store opens one hour only (09:00-10:00), so that day
    /// holds exactly one slot of a one-hour job.
    func dealer() throws -> CLI {
        var cli = try CLI()
        cli.now = "2026-12-07T09:00:00+08:00"
        try cli.run("init")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--plate", "京A·12345", "--make",
            "Volkswagen", "--model", "Sagitar", "--model-year", "2023", "--build-date", "2022-04-18", "--usage",
            "private", "--delivered-at", "2024-05-10 10:00")
        try cli.run("calendar", "hours", "day", "2026-12-08", "--hours", "09:00-10:00", "--name", "盘点")
        var sql = """
            INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
            VALUES ('10 00 00 01', 'Volkswagen', '', 100, '一级维护', 'test', 0);
            INSERT INTO bay (code, kind) VALUES ('B01', 'general');
            INSERT INTO technician (name, skills) VALUES ('刘强', 'general');
            INSERT INTO service_advisor (name, arrivals_per_quarter) VALUES ('王丽', 1);
            """
        for weekday in 1...7 { sql += "INSERT INTO technician_shift VALUES ('刘强', \(weekday), 30600, 63000);\n" }
        #expect(try Binaries.run("/usr/bin/sqlite3", [cli.database, sql]).status == 0)
        return cli
    }

    @Test("A-2: offer, book, show, reschedule with history, cancel; the confirmation is queued (A-3)")
    func scenario() throws {
        let cli = try dealer()
        let offer = try cli.run("appointment", "offer", "--vin", "京A·12345", "--jobs", "10 00 00 01").stdout
        #expect(offer.contains("一级维护, 1 h, ¥120.00 (menu price, Q-1)"))
        #expect(offer.contains("2026-12-07 09:00") && offer.contains("2026-12-07 12:00"))
        #expect(offer.contains("2026-12-08 09:00"))
        let booked = try cli.run(
            "appointments", "book", "--vin", "京A·12345", "--jobs", "10 00 00 01", "--arrival", "2026-12-07 12:00"
        ).stdout
        #expect(booked.contains("booked AP-000001"))
        #expect(try cli.run("outbox", "list").stdout.contains("2026-12-07 12:00"))
        try cli.run("appointment", "reschedule", "AP-000001", "--arrival", "2026-12-09 10:00")
        let shown = try cli.run("appointment", "show", "AP-000001").stdout
        #expect(shown.contains("rescheduled") && shown.contains("2026-12-07 12:00 → 2026-12-09 10:00"))
        let json = try cli.run("appointment", "list", "--format", "json").stdout
        #expect(json.contains("\"state\":\"booked\"") || json.contains("\"state\" : \"booked\""))
        try cli.run("appointment", "cancel", "AP-000001", "--reason", "客户出差")
        #expect(try cli.run("appointment", "list", "--state", "cancelled").stdout.contains("AP-000001"))
    }

    @Test(
        "issue 18: two processes race for the last slot; one books it, the other gets fresh offers, nothing overbooks")
    func race() throws {
        let cli = try dealer()
        let book = [
            "appointment", "book", "--vin", "京A·12345", "--jobs", "10 00 00 01", "--arrival", "2026-12-08 09:00",
            "--db", cli.database, "--actor", "测试员",
        ]
        // Each process waits on its own pipe; both are released together, once both are running.
        let racers = try (0..<2).map { _ in try Racer(arguments: book, now: cli.now) }
        for racer in racers { racer.release() }
        let results = racers.map { $0.finish() }
        #expect(results.map(\.status).sorted() == [0, 1], "\(results.map(\.stderr))")
        let loser = try #require(results.first { $0.status == 1 })
        #expect(
            loser.stderr.contains("--arrival: that slot was just taken; free now: 2026-12-07 09:00 王丽"),
            "\(loser.stderr)")
        let count = try Binaries.run(
            "/usr/bin/sqlite3", [cli.database, "SELECT count(*) FROM appointment WHERE state = 'booked'"])
        #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
    }

    @Test("Bad input to every appointment command is refused naming the option, and the database is unchanged")
    func badInput() throws {
        let cli = try dealer()
        try cli.run(
            "appointment", "book", "--vin", "京A·12345", "--jobs", "10 00 00 01", "--arrival", "2026-12-08 09:00")
        let before = try Binaries.dump(cli.database)
        let car = ["--vin", "京A·12345"]
        let work = car + ["--jobs", "10 00 00 01"]
        try cli.expectRejected(
            [
                (["appointment", "offer"] + car, 1, "--jobs"),
                (["appointment", "offer", "--vin", "京Z·00000", "--jobs", "10 00 00 01"], 1, "京Z"),
                (["appointment", "offer"] + car + ["--jobs", "99 99"], 1, "--jobs"),
                (["appointment", "offer"] + work + ["--after", "soon"], 64, "--after"),
                (["appointment", "offer"] + work + ["--advisor", "无此人"], 1, "--advisor"),
                (["appointment", "offer"] + work + ["--channel", "fax"], 64, "--channel"),
                (["appointment", "offer"] + car + ["--description", "异响", "--hours", "0"], 64, "--hours"),
                (["appointment", "offer"] + car + ["--description", "异响"], 1, "--hours"),
                (["appointment", "book"] + work, 1, "--arrival"),
                (["appointment", "book"] + work + ["--arrival", "2026-12-08 09:00"], 1, "--arrival"),
                (["appointment", "book"] + work + ["--arrival", "2026-12-09 09:10"], 1, "--arrival"),
                (["appointment", "book"] + work + ["--arrival", "2026-12-01 09:00"], 1, "--arrival"),
                (["appointment", "book"] + work + ["--arrival", "tomorrow"], 64, "--arrival"),
                (
                    ["appointment", "book"] + work + [
                        "--arrival", "2026-12-09 09:00", "--preferred", "2026-12-20 10:00",
                    ],
                    1, "--preferred"
                ),
                (
                    ["appointment", "book"] + work + ["--preferred", "2026-12-20 10:00", "--campaign", "无"], 1,
                    "--campaign"
                ),
                (["appointment", "list", "--day", "12/08"], 64, "--day"),
                (["appointment", "list", "--state", "lost"], 64, "--state"),
                (["appointment", "show", "AP-999999"], 1, "AP-999999"),
                (["appointment", "reschedule", "AP-000001"], 64, "--arrival"),
                (["appointment", "reschedule", "AP-000001", "--arrival", "2026-12-08 12:00"], 1, "--arrival"),
                (["appointment", "cancel", "AP-000001"], 64, "--reason"),
                (["appointment", "cancel", "AP-000001", "--reason", " "], 1, "--reason"),
                (["appointment", "no-show", "AP-000001"], 1, "AP-000001"),
                (["appointment", "remind", "--day", "tomorrow"], 64, "--day"),
            ], unchanged: before)
    }

    @Test("Issue 16: offers, the register and a lost slot speak Chinese")
    func chinese() throws {
        let cli = try dealer()
        let zh = ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": cli.now]
        let common = ["--db", cli.database, "--actor", "测试员"]
        let offer = try Binaries.run(
            "aftersales", ["appointment", "offer", "--vin", "京A·12345", "--jobs", "10 00 00 01"] + common,
            environment: zh)
        #expect(offer.stdout.contains("到店时间") && offer.stdout.contains("目录价"), "\(offer.stdout)")
        try cli.run(
            "appointment", "book", "--vin", "京A·12345", "--jobs", "10 00 00 01", "--arrival", "2026-12-08 09:00")
        let shown = try Binaries.run("aftersales", ["appointment", "show", "AP-000001"] + common, environment: zh)
        #expect(shown.stdout.contains("已预约") && shown.stdout.contains("工位"), "\(shown.stdout)")
        let lost = try Binaries.run(
            "aftersales",
            ["appointment", "book", "--vin", "京A·12345", "--jobs", "10 00 00 01", "--arrival", "2026-12-08 09:00"]
                + common, environment: zh)
        #expect(lost.status == 1)
        #expect(lost.stderr.contains("该时段刚被占用"), "\(lost.stderr)")
    }
}

/// One `aftersales` run that starts only when released: `sh` waits on its own pipe, then execs the binary, so two
/// racers are both running before either touches the database, with no sleep.
final class Racer {
    let process = Process()
    let gate = Pipe()
    let out = Pipe()
    let err = Pipe()

    init(arguments: [String], now: String) throws {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "read go; exec \"$0\" \"$@\"", Binaries.path("aftersales")] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["AFTERSALES_LANG"] = "en"
        environment["AFTERSALES_NOW"] = now
        environment.removeValue(forKey: "AFTERSALES_DB")
        process.environment = environment
        process.standardInput = gate
        process.standardOutput = out
        process.standardError = err
        try process.run()
    }

    func release() { gate.fileHandleForWriting.write(Data("go\n".utf8)) }

    func finish() -> (status: Int32, stdout: String, stderr: String) {
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }
}
