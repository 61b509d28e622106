import Foundation
import TestSupport
import Testing

@Suite("aftersales capacity (real binary)")
struct CapacityCLITests {
    /// A dealer database with a technician, an advisor, a cs agent and one labour operation in the catalogue.
    func setUp() throws -> CLI {
        let cli = try CLI()
        try cli.run("init")
        try cli.run("staff", "add", "刘强", "--role", "technician")
        try cli.run("staff", "add", "王丽", "--role", "service-advisor")
        try cli.run("staff", "add", "李娜", "--role", "cs-agent")
        let catalogue = try cli.folder.write(
            "catalogue.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
              <LabourOperations>
                <LabourOperation code="01 10 00 00" make="Volkswagen" hours="0.8"><Description>常规保养</Description></LabourOperation>
              </LabourOperations>
            </ManufacturerData>
            """)
        #expect(try Binaries.run("aftersales-import", [catalogue, "--db", cli.database]).status == 0)
        return cli
    }

    @Test("capacity set and show: bays, a technician with shifts and leave, an advisor, an operation's skill, a day")
    func setAndShow() throws {
        let cli = try setUp()
        try cli.run("capacity", "set", "bay", "B01", "--kind", "general")
        try cli.run("capacity", "set", "bay", "Q01", "--kind", "quick-service")
        try cli.run(
            "capacity", "set", "technician", "刘强", "--skills", "general,electrical", "--shift", "mon-fri=08:30-17:30",
            "--shift", "sat=09:00-15:00")
        try cli.run("capacity", "set", "leave", "刘强", "--from", "2026-11-25", "--to", "2026-11-26", "--reason", "培训")
        try cli.run("capacity", "set", "advisor", "王丽", "--arrivals", "3")
        try cli.run("capacity", "set", "operation", "01 10 00 00", "--skill", "quick-service")
        let shown = try cli.json("capacity", "show", "--day", "2026-11-25") as! [String: Any]
        #expect((shown["bays"] as? [[String: Any]])?.map { $0["code"] as? String } == ["B01", "Q01"])
        let technician = try #require((shown["technicians"] as? [[String: Any]])?.first)
        #expect(technician["skills"] as? [String] == ["general", "electrical"])
        #expect((technician["shifts"] as? [String: String])?["saturday"] == "09:00-15:00")
        #expect((technician["leave"] as? [[String: Any]])?.first?["reason"] as? String == "培训")
        let day = try #require(shown["day"] as? [String: Any])
        // 刘强 is on leave that day: he works no hours; 王丽 receives all day.
        #expect((day["technicians"] as? [[String: Any]])?.first?["hours"] == nil)
        #expect((day["advisors"] as? [[String: Any]])?.first?["hours"] as? String == "08:30-20:00")
        let table = try cli.run("capacity", "show").stdout
        #expect(table.contains("monday to friday 08:30-17:30, saturday 09:00-15:00"), "\(table)")
        #expect(table.contains("3 arrivals per 15 minutes"), "\(table)")
        try cli.run("capacity", "set", "leave", "刘强", "--remove", "1")
        let audit = try cli.run("audit", "--entity", "technician_leave").stdout
        #expect(audit.contains("delete") && audit.contains("create"), "\(audit)")
    }

    @Test("Every bad capacity input exits non-zero naming the option and leaves sqlite3 .dump identical")
    func badInputChangesNothing() throws {
        let cli = try setUp()
        try cli.run("capacity", "set", "technician", "刘强", "--skills", "general", "--shift", "mon-fri=08:30-17:30")
        try cli.run("capacity", "set", "leave", "刘强", "--from", "2026-12-01", "--to", "2026-12-02")
        let before = try Binaries.dump(cli.database)
        let technician = ["capacity", "set", "technician"]
        try cli.expectRejected(
            [
                (["capacity", "set", "bay", "B09"], 1, "--kind"),
                (["capacity", "set", "bay", "B09", "--kind", "spaceship"], 64, "--kind"),
                (["capacity", "set", "bay", "B 09", "--kind", "general"], 64, "<code>"),
                (["capacity", "set", "bay", "B09", "--kind", "general", "--active", "--inactive"], 64, "--active"),
                (technician + ["李娜", "--skills", "general", "--shift", "mon=09:00-17:00"], 1, "<name>"),
                (technician + ["无名", "--skills", "general", "--shift", "mon=09:00-17:00"], 1, "<name>"),
                (technician + ["刘强", "--skills", "general,plumbing"], 64, "--skills"),
                (technician + ["刘强", "--shift", "mon-fri"], 64, "--shift"),
                (technician + ["刘强", "--shift", "mon=17:00-09:00"], 64, "--shift"),
                (technician + ["刘强", "--shift", "mon=09:00-12:00", "--shift", "mon=13:00-17:00"], 64, "--shift"),
                (technician + ["刘强", "--shift", "mon=07:00-15:00"], 1, "--shift"),
                (["capacity", "set", "leave", "刘强", "--from", "2026-12-05", "--to", "2026-12-04"], 64, "--to"),
                (["capacity", "set", "leave", "刘强", "--from", "2026-12-02", "--to", "2026-12-04"], 1, "--from"),
                (["capacity", "set", "leave", "刘强", "--from", "2026-13-01", "--to", "2026-12-04"], 64, "--from"),
                (["capacity", "set", "leave", "刘强", "--from", "2026-12-05"], 64, "--to"),
                (
                    ["capacity", "set", "leave", "王丽", "--from", "2026-12-05", "--to", "2026-12-06"], 1,
                    "no technician 王丽"
                ),
                (["capacity", "set", "leave", "刘强", "--remove", "9"], 1, "no leave of 刘强 9"),
                (["capacity", "set", "advisor", "王丽", "--arrivals", "0"], 64, "--arrivals"),
                (["capacity", "set", "advisor", "王丽", "--arrivals", "3", "--setting-arrivals"], 64, "--arrivals"),
                (["capacity", "set", "advisor", "刘强", "--arrivals", "3"], 1, "<name>"),
                (["capacity", "set", "advisor", "王丽", "--shift", "sun=19:00-21:00"], 1, "--shift"),
                (
                    ["capacity", "set", "operation", "99 99 99 99", "--skill", "body"], 1,
                    "no labour operation 99 99 99 99"
                ),
                (["capacity", "set", "operation", "01 10 00 00", "--skill", "plumbing"], 64, "--skill"),
                (["capacity", "show", "--day", "2026-02-30"], 64, "--day"),
            ], unchanged: before)
    }

    @Test("Chinese: capacity show says its headings, skills and shifts in Chinese; a refusal too")
    func chinese() throws {
        let cli = try setUp()
        try cli.run("capacity", "set", "technician", "刘强", "--skills", "body", "--shift", "mon-fri=08:30-17:30")
        let shown = try Binaries.run(
            "aftersales", ["capacity", "show", "--db", cli.database], environment: ["AFTERSALES_LANG": "zh"])
        #expect(shown.stdout.contains("工作时间"), "\(shown.stdout)")
        #expect(shown.stdout.contains("钣喷"), "\(shown.stdout)")
        #expect(shown.stdout.contains("周一 至 周五 08:30-17:30"), "\(shown.stdout)")
        let refused = try Binaries.run(
            "aftersales", ["capacity", "set", "technician", "刘强", "--shift", "mon=07:00-15:00", "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("周一的班次 07:00-15:00 超出门店营业时间 08:30-20:00（T-3）"), "\(refused.stderr)")
    }
}
