import AppointmentPages
import Appointments
import ArgumentParser
import Core
import DemoGenerator
import Foundation
import GRDB
import Storage

/// Issue 18 "Done when": a workshop of 20 bays, 30 technicians and 8 advisors with 60 days of bookings; offering
/// slots p99 < 5 ms, booking p99 < 10 ms, the welcome board page with 200 bookings today p99 < 20 ms.
/// The customers and vehicles come from the work-order bench's generator; the capacity is set through the capacity
/// use cases and every booking of the 60 days is made through `bookAppointment` (the use case the CLI calls), so the
/// database holds what the product writes.
struct AppointmentBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appointments",
        abstract:
            "Build (once, cached by size) a workshop with 60 days of bookings, then time offers, booking and the "
            + "welcome board page in process.")

    @Option(help: "Customers, a vehicle each.") var customers = 50_000
    @Option(help: "Bays (of the four kinds).") var bays = 20
    @Option(help: "Technicians.") var technicians = 30
    @Option(help: "Service advisors.") var advisors = 8
    @Option(help: "Days of bookings from today.") var days = 60
    @Option(help: "Bookings to aim for today (the board).") var today = 200
    @Option(help: "Timed repetitions of offering and of booking.") var runs = 300
    @Option(help: "Working folder.") var out = "bench-out"

    static let now = Instant.parse("2026-12-07T07:00:00+08:00")!
    static let jobs = ["10 00 00 01", "10 00 00 02", "47 11 19 00", "27 00 00 01", "44 00 00 01"]

    func validate() throws {
        guard runs >= 1, customers >= 2 * runs + 10, bays >= 4, technicians >= 4, advisors >= 1, days >= 1 else {
            throw ValidationError("need runs >= 1, customers >= 2 × runs + 10, bays >= 4, technicians >= 4")
        }
    }

    func run() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
        let data = WorkOrderData(customers: customers, orders: customers, ready: 1, now: Self.now)
        let base = "\(out)/appointments-\(customers)-\(bays)-\(technicians)-\(advisors)-\(days)-\(today).sqlite"
        let marker = "\(base).ready"
        if !fm.fileExists(atPath: marker) {
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: base + suffix) }
            _ = try data.build(path: base)
            let booked = try fill(path: base, data: data)
            try String(booked).write(toFile: marker, atomically: true, encoding: .utf8)
        } else {
            print("reusing \(base) (generated earlier; delete \(marker) to generate again)")
        }
        _ = try AppDatabase.open(path: base, clock: FixedClock(Self.now))
        let path = "\(out)/appointments-run.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) }
        try fm.copyItem(atPath: base, toPath: path)
        defer { for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: path + suffix) } }
        // Opened as `aftersales-api` opens it: checkpoints on a thread of their own, not in a booking's commit.
        let db = try AppDatabase.open(path: path, clock: FixedClock(Self.now), checkpoints: .background)
        let total = try db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM appointment") } ?? 0
        let board = try db.welcomeBoard()
        print(
            "appointments with \(bays) bays, \(technicians) technicians, \(advisors) advisors, "
                + "\(Grouping.thousands(customers)) customers, \(Grouping.thousands(total)) bookings "
                + "over \(days) days, "
                + "\(board.rows.count) today (release build, in process, "
                + "\(ProcessInfo.processInfo.activeProcessorCount) cores):")

        // 1. Offers for random vehicles and jobs (`appointment offer`).
        var random = SeededRandom(seed: 18)
        var offered: [(form: AppointmentForm, slot: Reservation)] = []
        var used = Set<String>()
        let offerSamples = try (0..<runs).map { _ -> WorkOrderBench.Sample in
            var form = AppointmentForm()
            form.vehicle = data.vin(1 + Int(random.next() % UInt64(customers))).value
            form.jobs = [Self.jobs[Int(random.next() % UInt64(Self.jobs.count))]]
            // From a random hour of the 60 days, so the runs book different slots.
            let date = data.today.adding(days: Int(random.next() % UInt64(days)))
            form.after = String(describing: date) + String(format: " %02d:00", 8 + Int(random.next() % 10))
            let started = WorkOrderBench.Sample.now()
            let offer = try db.appointmentOffers(form)
            let elapsed = WorkOrderBench.Sample.now() - started
            let key = { (slot: Reservation) in "\(slot.arrival) \(slot.bay) \(slot.technician) \(slot.advisor)" }
            if let slot = offer.slots.first(where: { !used.contains(key($0)) }) {
                used.insert(key(slot))
                form.after = nil
                offered.append((form, slot))
            }
            return elapsed
        }
        let bench = WorkOrderBench()
        bench.report("offer slots", offerSamples, target: 5, note: "\(offered.count) with a slot")

        // 2. Booking one of the offered slots, each on its own slot: a slot taken meanwhile is SlotTaken (counted).
        var taken = 0
        var bookSamples: [WorkOrderBench.Sample] = []
        for (form, slot) in offered {
            var booking = form
            booking.arrival = Instant.localString(slot.arrival, in: WorkOrderData.zone)
            booking.advisor = slot.advisor
            booking.bay = slot.bay
            booking.technician = slot.technician
            let started = WorkOrderBench.Sample.now()
            do {
                _ = try db.bookAppointment(booking, actor: WorkOrderData.advisor)
                bookSamples.append(WorkOrderBench.Sample.now() - started)
            } catch is SlotTaken {
                taken += 1
            }
        }
        if !bookSamples.isEmpty {
            bench.report("book an offered slot", bookSamples, target: 10, note: "\(taken) slots taken meanwhile")
        }

        // 3. The welcome board page (GET /board): the query and the HTML.
        var bytes = 0
        let boardSamples = try (0..<max(20, runs / 3)).map { _ -> WorkOrderBench.Sample in
            let started = WorkOrderBench.Sample.now()
            let page = WelcomeBoardPage.html(try db.welcomeBoard(), dealer: try db.settings().text(.dealerName))
            bytes = page.utf8.count
            return WorkOrderBench.Sample.now() - started
        }
        bench.report(
            "the welcome board page", boardSamples, target: 20, note: "\(board.rows.count) rows, \(bytes) bytes")

        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }?.split(separator: " ")
            .dropFirst().first.flatMap { Double($0) }
        print(String(format: "  peak RSS: %.1f MiB", (peak ?? 0) / 1024))
    }

    /// The workshop (capacity use cases) and its bookings (the booking use case), day by day from today.
    func fill(path: String, data: WorkOrderData) throws -> Int {
        let start = Date()
        let db = try AppDatabase.open(path: path, clock: FixedClock(Self.now))
        // A 4S store's mix: two thirds general bays, a quick-service lane, one alignment and one body bay; the oil
        // change and the battery are quick-service work.
        let kinds: [BayKind] = [.general, .quickService, .alignment, .body]
        for index in 0..<bays {
            let kind: BayKind =
                index < bays * 65 / 100 ? .general : index < bays - 2 ? .quickService : kinds[2 + index % 2]
            _ = try db.setBay(String(format: "B%02d", index + 1), kind: kind, active: true, actor: "bench")
        }
        // A wiper change, a quarter-hour of quick service: what fills the last gaps of a busy day.
        try db.writer.write { database in
            try database.execute(
                sql: """
                    INSERT INTO labour_operation (code, make, model, centihours, description, source, updated_at) \
                    VALUES ('92 00 00 01', 'Volkswagen', '', 20, '雨刮片更换', 'bench', ?)
                    """, arguments: [Self.now])
        }
        for code in ["10 00 00 01", "27 00 00 01", "92 00 00 01"] {
            _ = try db.setOperationSkill(code, skill: .quickService, actor: "bench")
        }
        let day = BusinessHours(opens: 8 * 3600 + 1800, closes: 17 * 3600 + 1800)!
        let late = BusinessHours(opens: 11 * 3600, closes: 20 * 3600)!
        for index in 0..<technicians {
            let name = "技师\(index + 1)"
            _ = try db.addStaff(name: name, role: .technician, actor: "bench")
            var skills: Set<Skill> = [.general, index % 2 == 0 ? .quickService : .general]
            if index % 5 == 0 { skills.insert(.alignment) }
            if index % 7 == 0 { skills.insert(.body) }
            let hours = index % 4 == 3 ? late : day
            _ = try db.setTechnician(
                name, skills: skills, shifts: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, hours) }),
                active: true, actor: "bench")
            if index % 10 == 9 {
                let from = data.today.adding(days: 3 + index)
                _ = try db.addLeave(name, Leave(from: from, to: from.adding(days: 4), reason: "年假"), actor: "bench")
            }
        }
        for index in 0..<advisors {
            let name = "顾问\(index + 1)"
            _ = try db.addStaff(name: name, role: .serviceAdvisor, actor: "bench")
            _ = try db.setAdvisor(
                name, arrivals: .some(.some(4)),
                shifts: Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, index % 3 == 2 ? late : day) }),
                active: true, actor: "bench")
        }
        // Bookings: today up to `today` (once the day is too full for the mix, wiper changes fill the gaps),
        // then each day until offers run out for it or its share is booked. A store's book thins out with the
        // distance: three quarters of `today` tomorrow, falling evenly to a tenth two months ahead.
        var random = SeededRandom(seed: 60)
        var booked = 0
        for offset in 0..<days {
            let date = data.today.adding(days: offset)
            let wanted = offset == 0 ? today : max(today / 10, today * 3 * (days - offset) / (4 * days))
            var misses = 0
            var count = 0
            while count < wanted && misses < 60 {
                var form = AppointmentForm()
                form.vehicle = data.vin(1 + Int(random.next() % UInt64(customers))).value
                form.jobs = [
                    offset == 0 && misses > 0 ? "92 00 00 01" : Self.jobs[Int(random.next() % UInt64(Self.jobs.count))]
                ]
                // A random hour of the day, else its first free slot: the day fills up until nothing fits.
                var slot: Reservation?
                for hour in [8 + Int(random.next() % 10), 8] where slot == nil {
                    form.after = String(describing: date) + String(format: " %02d:00", hour)
                    slot = try db.appointmentOffers(form).slots.first {
                        LocalDate(instant: $0.arrival, in: WorkOrderData.zone) == date
                    }
                }
                guard let slot else {
                    misses += 1
                    continue
                }
                form.after = nil
                form.arrival = Instant.localString(slot.arrival, in: WorkOrderData.zone)
                form.advisor = slot.advisor
                form.bay = slot.bay
                form.technician = slot.technician
                _ = try db.bookAppointment(form, actor: WorkOrderData.advisor)
                count += 1
            }
            booked += count
        }
        try db.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        print(
            String(
                format: "booked %d appointments over %d days in %.1f s", booked, days, Date().timeIntervalSince(start)))
        return booked
    }
}
