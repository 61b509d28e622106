import Foundation
import TestSupport
import Testing

@Suite("aftersales appointment day-before, check-in, calls, menu (real binary)")
struct AppointmentDayCLITests {
    static let vin = "LFV2A21K3N3000123"

    /// A dealer with a catalogue (the maintenance operation and its parts), a delivered car, an advisor, and a booking
    /// for tomorrow (2026-11-24 09:00, inserted as the booking commands store it).
    func setUp() throws -> CLI {
        let cli = try CLI()
        try cli.run("init")
        let catalogue = try cli.folder.write(
            "catalogue.xml",
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <ManufacturerData xmlns="urn:aftersales:manufacturer-data:1" manufacturer="FAW-Volkswagen" issued="2026-11-01T08:00:00+08:00">
              <LabourOperations>
                <LabourOperation code="01 10 00 00" make="Volkswagen" hours="0.8"><Description>常规保养：更换机油及机油滤清器</Description></LabourOperation>
              </LabourOperations>
              <Parts>
                <Part number="06L 115 562 B" price="86.00" currency="CNY"><Name>机油滤清器</Name></Part>
                <Part number="G 052 195 M4" price="65.00" currency="CNY"><Name>机油 1L</Name></Part>
              </Parts>
            </ManufacturerData>
            """)
        #expect(try Binaries.run("aftersales-import", [catalogue, "--db", cli.database]).status == 0)
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained", "--reason", "老客户")
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", Self.vin, "--plate", "京A·12345", "--make", "Volkswagen",
            "--model", "Sagitar", "--usage", "private", "--delivered-at", "2024-05-10 10:00")
        try cli.run("staff", "add", "王丽", "--role", "service-advisor")
        let sql = """
            INSERT INTO appointment (number, customer_id, vehicle_id, vin, channel, state, arrival, advisor, bay, \
            technician, work_start, work_end, price_fen, centihours, created_at, created_by) VALUES ('AP-000001', 1, 1, \
            '\(Self.vin)', 'phone', 'booked', '2026-11-24 01:00:00.000', '王丽', 'B01', '刘强', '2026-11-24 01:15:00.000', \
            '2026-11-24 02:15:00.000', 0, 110, '2026-11-20 02:00:00.000', 't');
            INSERT INTO appointment_job VALUES (1, 1, '01 10 00 00', '常规保养', 80, 'general', 0);
            INSERT INTO appointment_job VALUES (1, 2, NULL, '检查雨刮', 30, 'general', 0);
            """
        #expect(try Binaries.run("/usr/bin/sqlite3", [cli.database, sql]).status == 0)
        return cli
    }

    @Test("Menu, tomorrow's lists with the shortage, check-in to a repair order with the booked lines, calls")
    func scenario() throws {
        let cli = try setUp()
        try cli.run("appointment", "menu", "set", "01 10 00 00", "--part", "G 052 195 M4=4", "--part", "06l115562b=1")
        let menu = try cli.json("appointment", "menu", "show", "01 10 00 00") as! [String: Any]
        #expect(
            (menu["parts"] as? [[String: Any]])?.map { $0["part"] as? String } == ["06L 115 562 B", "G 052 195 M4"])
        try cli.run("stock", "receive", "G 052 195 M4", "--quantity", "2", "--supplier-ref", "DN-1")

        let lists = try cli.json("appointment", "day-before") as! [String: Any]
        #expect(lists["day"] as? String == "2026-11-24")
        let parts = try #require(lists["parts"] as? [[String: Any]])
        let oil = try #require(parts.first { $0["part"] as? String == "G 052 195 M4" })
        #expect(oil["needed"] as? Int == 4)
        #expect(oil["missing"] as? Int == 2)
        #expect((lists["workshop"] as? [[String: Any]])?.first?["appointment"] as? String == "AP-000001")
        let table = try cli.run("appointment", "day-before").stdout
        #expect(table.contains("Parts for 2026-11-24 (parts manager)"), "\(table)")
        #expect(table.contains("2 missing"), "\(table)")
        #expect(table.contains("09:00"), "\(table)")
        let csv = try cli.run("appointment", "day-before", "--format", "csv", "--list", "workshop", "--csv-bom", "no")
        #expect(csv.stdout.hasPrefix("arrival,appointment,customer"), "\(csv.stdout)")

        let checkedIn = try cli.run("appointment", "check-in", "AP-000001", "--mileage", "12000", "--fuel", "40")
        #expect(checkedIn.stdout.contains("AP-000001 checked in: repair order RO-20261123-001"), "\(checkedIn.stdout)")
        let sheet = try cli.json("workorder", "show", "RO-20261123-001") as! [String: Any]
        let order = try #require(sheet["order"] as? [String: Any])
        let lines = try #require(order["lines"] as? [[String: Any]])
        #expect(lines.map { $0["code"] as? String } == ["01 10 00 00", "06L 115 562 B", "G 052 195 M4"])
        // 0.8 h at the labour rate 120.00; a filter at 86.00; four litres of oil at 65.00.
        #expect(lines.map { ($0["unitPrice"] as? [String: Any])?["fen"] as? Int } == [12000, 8600, 6500])
        #expect(lines.map { $0["quantityHundredths"] as? Int } == [80, 100, 400])
        #expect((order["jobs"] as? [[String: Any]])?.map { $0["title"] as? String } == ["常规保养", "检查雨刮"])
        let audit = try cli.run("audit", "--entity", "appointment").stdout
        #expect(audit.contains("check-in"), "\(audit)")
        let again = try cli.run("appointment", "check-in", "AP-000001", "--mileage", "12000", expect: 1)
        #expect(again.stderr.contains("already checked in: repair order RO-20261123-001"), "\(again.stderr)")
        #expect(try cli.json("appointment", "day-before") as? [String: Any] != nil)

        let calls = try cli.json("appointment", "calls", "--day", "2026-11-23") as! [String: Any]
        #expect(calls["total"] as? Int != nil)
        #expect(calls["optedOut"] as? Int == 0)
    }

    @Test("Every bad input exits non-zero naming the option and leaves sqlite3 .dump identical")
    func badInputChangesNothing() throws {
        let cli = try setUp()
        try cli.run("appointment", "menu", "set", "01 10 00 00", "--part", "06L 115 562 B=1")
        let before = try Binaries.dump(cli.database)
        let menu = ["appointment", "menu", "set", "01 10 00 00"]
        let checkIn = ["appointment", "check-in", "AP-000001"]
        try cli.expectRejected(
            [
                (["appointment", "day-before", "--day", "2026-13-01"], 64, "--day"),
                (["appointment", "day-before", "--list", "bogus"], 64, "--list"),
                (["appointment", "calls", "--reason", "bogus"], 64, "--reason"),
                (["appointment", "calls", "--day", "tomorrow"], 64, "--day"),
                (["appointment", "calls", "--limit", "0"], 64, "--limit"),
                (["appointment", "check-in", "AP-000099", "--mileage", "100"], 1, "AP-000099"),
                (checkIn, 1, "--mileage"),
                (checkIn + ["--mileage", "many"], 64, "--mileage"),
                (checkIn + ["--mileage", "100", "--fuel", "150"], 1, "--fuel"),
                (checkIn + ["--mileage", "100", "--advisor", "无名氏"], 1, "--advisor"),
                (checkIn + ["--mileage", "100", "--vehicle", "LSVAU2180N2000999"], 1, "--vehicle"),
                (checkIn + ["--mileage", "100", "--promised", "yesterday"], 1, "--promised"),
                (menu + ["--part", "bogus"], 64, "--part"),
                (menu, 64, "--part"),
                (menu + ["--part", "06L 115 562 B=1", "--clear"], 64, "--part"),
                (menu + ["--part", "1K0 000 000=1"], 1, "1K0 000 000"),
                (menu + ["--part", "06L 115 562 B=0"], 1, "--part"),
                (menu + ["--part", "06L 115 562 B=1", "--part", "06l115562b=2"], 1, "--part"),
                (["appointment", "menu", "set", "99 99 99 99", "--part", "06L 115 562 B=1"], 1, "99 99 99 99"),
                (["appointment", "menu", "show", "99 99 99 99"], 1, "99 99 99 99"),
            ], unchanged: before)
    }

    @Test("In Chinese: the lists' titles and headings, the check-in note and refusal, the help")
    func chinese() throws {
        let cli = try setUp()
        try cli.run("appointment", "menu", "set", "01 10 00 00", "--part", "06L 115 562 B=1")
        let zh = ["--lang", "zh"]
        let lists = try cli.run(["appointment", "day-before"] + zh).stdout
        #expect(lists.contains("所需零件（配件经理）"), "\(lists)")
        #expect(lists.contains("缺件"), "\(lists)")
        #expect(lists.contains("缺 1 件"), "\(lists)")
        #expect(lists.contains("的预约（车间主管）"), "\(lists)")
        #expect(lists.contains("工位"), "\(lists)")
        let checkedIn = try cli.run(["appointment", "check-in", "AP-000001", "--mileage", "12000"] + zh).stdout
        #expect(checkedIn.contains("AP-000001 已接车登记：维修委托书 RO-20261123-001"), "\(checkedIn)")
        let again = try cli.run(["appointment", "check-in", "AP-000001", "--mileage", "12000"] + zh, expect: 1)
        #expect(again.stderr.contains("AP-000001 已接车登记：维修委托书 RO-20261123-001"), "\(again.stderr)")
        let help = try cli.run(["appointment", "calls", "--help"] + zh).stdout
        #expect(help.contains("主动邀约的客户（A-5）"), "\(help)")
    }
}
