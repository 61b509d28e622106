import Foundation
import TestSupport
import Testing

@Suite("Issue 18 from end to end (real binary)")
struct AppointmentScenarioCLITests {
    /// The welcome board's rows of the day, in order: each one's status and the words the room reads.
    func statuses(_ cli: CLI) throws -> [String] {
        let page = try cli.run("board").stdout
        return page.matches(of: /data-status="([a-z-]+)"/).map { String($0.output.1) }
    }

    @Test(
        "Capacity, offers, a booking in the dealer's call (C-8), its confirmation, the day before, check-in, the board")
    func scenario() throws {
        var cli = try WorkOrderCLITests().dealer()  // 6 December, 09:00; 刘强 technician, 赵磊 foreman
        try cli.run("staff", "add", "王丽", "--role", "service-advisor")
        // Capacity as data: one general bay, the technician's shift, an advisor receiving one car a quarter.
        try cli.run("capacity", "set", "bay", "B01", "--kind", "general")
        try cli.run("capacity", "set", "technician", "刘强", "--skills", "general", "--shift", "mon-sun=08:30-17:30")
        try cli.run("capacity", "set", "advisor", "王丽", "--arrivals", "1", "--shift", "mon-sun=08:30-20:00")
        let capacity = try cli.run("capacity", "show").stdout
        #expect(capacity.contains("B01") && capacity.contains("刘强") && capacity.contains("王丽"))

        // the dealer calls; the offer is for tomorrow, quiet hours first.
        let offer = try cli.json(
            "appointment", "offer", "--vin", "京A·12345", "--jobs", "47 11 19 00", "--channel", "dealer-call",
            "--after", "2026-12-07 08:00")
        let slots = try #require((offer as? [String: Any])?["slots"] as? [[String: Any]])
        #expect((2...3).contains(slots.count))
        let slot = try #require(slots.first)
        let arrival = try #require(slot["arrival"] as? String)
        #expect(arrival.hasPrefix("2026-12-07"))
        #expect(slot["bay"] as? String == "B01" && slot["technician"] as? String == "刘强")

        // C-8: the customer decides to come; the contact and the booking are written in one step.
        let booked = try cli.run(
            "contact", "log", "--customer", "1", "--channel", "phone", "--outcome", "booked", "--vehicle", "京A·12345",
            "--jobs", "47 11 19 00", "--arrival", arrival, "--advisor", "王丽", "--note", "周一上午来换刹车片")
        #expect(booked.stdout.contains("booked AP-000001 (C-8)"), "\(booked.stdout)")
        #expect(try cli.run("contact", "list", "--customer", "1").stdout.contains("booked"))
        let card = try #require(try cli.json("appointment", "show", "AP-000001") as? [String: Any])
        #expect(card["channel"] as? String == "dealer-call")
        #expect(card["state"] as? String == "booked")
        // The card names the contact it was booked in.
        let contact = try #require(card["contactId"] as? Int)
        #expect(try cli.run("appointment", "show", "AP-000001").stdout.contains("#\(contact)"))
        // the confirmation waits in the outbox.
        #expect(try cli.run("outbox", "list", "--format", "json").stdout.contains("预约号 AP-000001"))
        // The same slot again, in another call: refused, nothing written, and the slots free now offered.
        let before = try Binaries.dump(cli.database)
        let lost = try cli.run(
            [
                "contact", "log", "--customer", "1", "--channel", "phone", "--outcome", "booked", "--vehicle",
                "京A·12345", "--jobs", "47 11 19 00", "--arrival", arrival,
            ], expect: 1)
        #expect(lost.stderr.contains("--arrival"))
        #expect(try Binaries.dump(cli.database) == before)

        // the day before, the workshop's list shows the booking with its bay and technician.
        let dayBefore = try cli.run("appointment", "day-before").stdout
        #expect(dayBefore.contains("AP-000001") && dayBefore.contains("B01") && dayBefore.contains("刘强"))

        // The day itself: the board expects the customer, then follows the repair order.
        cli.now = "2026-12-07T08:00:00+08:00"
        #expect(try statuses(cli) == ["expected"])
        let checkIn = try cli.run("appointment", "check-in", "AP-000001", "--mileage", "30000").stdout
        let order = try #require(checkIn.firstMatch(of: /RO-\d{8}-\d{3}/).map { String($0.output) })
        #expect(try statuses(cli) == ["arrived"])
        try cli.run("workorder", "quote", order)
        try cli.run("workorder", "approve", order, "--by", "王芳", "--via", "signature")
        try cli.run("workorder", "dispatch", order, "--job", "1", "--technician", "刘强", "--actor", "赵磊")
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强")
        #expect(try statuses(cli) == ["in-workshop"])
        try cli.run("workorder", "clock", order, "--job", "1", "--technician", "刘强", "--off")
        #expect(try statuses(cli) == ["quality-check"])
        try cli.run("workorder", "qc", order, "--job", "1", "--road-test", "5")
        #expect(try statuses(cli) == ["ready"])
        #expect(try cli.run("appointment", "show", "AP-000001").stdout.contains(order))
    }

    @Test("A booking in a contact is refused with the wrong outcome, without a vehicle or work; nothing is written")
    func badInput() throws {
        let cli = try WorkOrderCLITests().dealer()
        try cli.run("capacity", "set", "bay", "B01", "--kind", "general")
        try cli.run("capacity", "set", "technician", "刘强", "--skills", "general", "--shift", "mon-sun=08:30-17:30")
        let before = try Binaries.dump(cli.database)
        let call = ["contact", "log", "--customer", "1", "--channel", "phone"]
        let slot = ["--jobs", "47 11 19 00", "--arrival", "2026-12-07 09:00"]
        try cli.expectRejected(
            [
                (call + ["--outcome", "reached", "--vehicle", "京A·12345"] + slot, 64, "--outcome booked"),
                (call + ["--outcome", "booked"] + slot, 1, "--vehicle"),
                (
                    call + ["--outcome", "booked", "--vehicle", "京A·12345", "--arrival", "2026-12-07 09:00"], 1,
                    "--jobs"
                ),
                (
                    call + [
                        "--outcome", "booked", "--vehicle", "京A·12345", "--jobs", "99 99", "--arrival",
                        "2026-12-07 09:00",
                    ],
                    1, "--jobs"
                ),
                (call + ["--outcome", "booked", "--vehicle", "京A·12345", "--jobs", "47 11 19 00"], 1, "--arrival"),
                (call + ["--outcome", "booked", "--vehicle", "京A·12345"] + slot + ["--bay", "B09"], 1, "--arrival"),
                (
                    call + ["--outcome", "booked", "--vehicle", "京A·12345", "--jobs", "47 11 19 00", "--arrival", "x"],
                    64, "--arrival"
                ),
            ], unchanged: before)
    }
}
