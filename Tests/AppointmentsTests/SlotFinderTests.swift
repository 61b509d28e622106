import Core
import Foundation
import TestSupport
import Testing

@testable import Appointments

/// A workshop for the tests: two general bays, a quick-service bay, three technicians, two advisors; the store opens
/// 08:30–20:00 (A-2's default), in Beijing time.
enum Workshop {
    static let zone = TimeZone(identifier: "Asia/Shanghai")!
    static let monday = LocalDate(year: 2026, month: 12, day: 7)!
    static let day = BusinessHours(opens: 8 * 3600 + 1800, closes: 17 * 3600 + 1800)!

    static var capacity: WorkshopCapacity {
        WorkshopCapacity(
            bays: [
                Bay(code: "B01", kind: .general), Bay(code: "B02", kind: .general),
                Bay(code: "Q1", kind: .quickService),
            ],
            technicians: [
                Technician(name: "刘强", skills: [.general, .quickService], shifts: OpeningHours.everyDay(day)),
                Technician(name: "孙磊", skills: [.general, .electrical], shifts: OpeningHours.everyDay(day)),
                Technician(name: "周杰", skills: [.quickService], shifts: OpeningHours.everyDay(day)),
            ],
            advisors: [ServiceAdvisor(name: "王丽"), ServiceAdvisor(name: "陈静", arrivalsPerQuarterHour: 1)])
    }

    static func at(_ day: LocalDate, _ hour: Int, _ minute: Int = 0) -> Date {
        Instant.fromLocal(dayNumber: day.dayNumber, secondOfDay: hour * 3600 + minute * 60, in: zone)
    }

    static func job(_ centihours: Int, _ skill: Skill = .general) -> BookedJob {
        BookedJob(operation: "OP", description: "保养", centihours: centihours, skill: skill, price: Money(fen: 0))
    }

    static func local(_ date: Date) -> String { Instant.localString(date, in: zone) }
}

@Suite("Offers and booking: the work and the slot finder (A-2)")
struct SlotFinderTests {
    @Test("a booking's time is its jobs' standard hours rounded up to quarter-hours; mixed skills share one bay kind")
    func work() throws {
        let work = try BookingWork(jobs: [Workshop.job(80), Workshop.job(30, .quickService)])
        #expect(work.minutes == 75)  // 1.1 h = 66 min → 75
        #expect(work.skills == [.general, .quickService])
        #expect(work.bayKinds == [.general])
        #expect(try BookingWork(jobs: [Workshop.job(5, .quickService)]).bayKinds == [.quickService, .general])
        #expect(throws: InvalidInput.self) {
            try BookingWork(jobs: [Workshop.job(100, .body), Workshop.job(50, .alignment)])
        }
        #expect(throws: InvalidInput.self) { try BookingWork(jobs: []) }
    }

    @Test("customers get the earliest slot, then one later that day, then the next day (A-2)")
    func spreadOverTheDays() throws {
        let finder = SlotFinder(capacity: Workshop.capacity, reservations: [], zone: Workshop.zone)
        let work = try BookingWork(jobs: [Workshop.job(100)])
        let offers = finder.offers(SlotRequest(work: work, earliest: Workshop.at(Workshop.monday, 9, 5)))
        #expect(
            offers.map { Workshop.local($0.arrival) } == ["2026-12-07 09:15", "2026-12-07 12:15", "2026-12-08 08:30"])
        #expect(offers.allSatisfy { $0.workEnd.timeIntervalSince($0.workStart) == 3600 })
        #expect(offers.first?.advisor == "王丽")  // the least busy, then by name: 王丽 before 陈静 in code points
    }

    @Test("the usual advisor is preferred when free; the advisor asked for is the only one offered")
    func advisors() throws {
        let finder = SlotFinder(capacity: Workshop.capacity, reservations: [], zone: Workshop.zone)
        let work = try BookingWork(jobs: [Workshop.job(100)])
        let start = Workshop.at(Workshop.monday, 9)
        #expect(
            finder.offers(SlotRequest(work: work, earliest: start, usualAdvisor: "陈静")).map(\.advisor) == [
                "陈静", "陈静", "陈静",
            ])
        let held = Reservation(
            arrival: start, advisor: "陈静", bay: "B02", technician: "孙磊", workStart: start,
            workEnd: start.addingTimeInterval(3600))
        let busy = SlotFinder(capacity: Workshop.capacity, reservations: [held], zone: Workshop.zone)
        // 陈静 takes one arrival per quarter: 09:00 is hers no more, 王丽 receives instead.
        #expect(busy.offers(SlotRequest(work: work, earliest: start, usualAdvisor: "陈静")).first?.advisor == "王丽")
        let asked = busy.offers(SlotRequest(work: work, earliest: start, advisor: "陈静"))
        #expect(asked.map { Workshop.local($0.arrival) }.first == "2026-12-07 09:15")
        #expect(asked.allSatisfy { $0.advisor == "陈静" })
    }

    @Test("a dealer's call offers each day's quietest hours first (A-1, A-5)")
    func quietHours() throws {
        let day = Workshop.monday
        // The morning is full on both general bays.
        let morning = [("B01", "刘强"), ("B02", "孙磊")].map { bay, technician in
            Reservation(
                arrival: Workshop.at(day, 8, 30), advisor: "王丽", bay: bay, technician: technician,
                workStart: Workshop.at(day, 8, 30), workEnd: Workshop.at(day, 12))
        }
        let finder = SlotFinder(capacity: Workshop.capacity, reservations: morning, zone: Workshop.zone)
        let work = try BookingWork(jobs: [Workshop.job(50, .quickService)])
        let customer = finder.offers(SlotRequest(work: work, earliest: Workshop.at(day, 8, 30)))
        let dealer = finder.offers(SlotRequest(work: work, earliest: Workshop.at(day, 8, 30), quietHoursFirst: true))
        #expect(customer.first.map { Workshop.local($0.arrival) } == "2026-12-07 08:30")
        #expect(dealer.first.map { Workshop.local($0.arrival) } == "2026-12-07 12:00")
    }

    @Test("work longer than a day, a closed day, and a slot off the quarter-hour are never offered")
    func limits() throws {
        var capacity = Workshop.capacity
        capacity.openingHours.closedDays = [Workshop.monday]
        let finder = SlotFinder(capacity: capacity, reservations: [], zone: Workshop.zone)
        let long = try BookingWork(jobs: [Workshop.job(1_000)])
        #expect(finder.offers(SlotRequest(work: long, earliest: Workshop.at(Workshop.monday, 8))).isEmpty)
        let short = try BookingWork(jobs: [Workshop.job(100)])
        let offers = finder.offers(SlotRequest(work: short, earliest: Workshop.at(Workshop.monday, 8)))
        #expect(offers.first.map { Workshop.local($0.arrival) } == "2026-12-08 08:30")
        #expect(finder.fit(arrival: Workshop.at(Workshop.monday.adding(days: 1), 9, 10), work: short) == nil)
        #expect(finder.fit(arrival: Workshop.at(Workshop.monday.adding(days: 1), 9, 15), work: short) != nil)
        #expect(finder.fit(arrival: Workshop.at(Workshop.monday.adding(days: 1), 16, 45), work: short) == nil)
    }

    @Test(
        "randomized: no offered slot overlaps what is held or leaves opening hours and shifts; booking never overbooks")
    func neverOverbooks() throws {
        var random = SeededRandom(seed: 18)
        for round in 0..<25 {
            let capacity = randomCapacity(&random)
            var held: [Reservation] = []
            for _ in 0..<60 {
                let skill = [Skill.general, .quickService, .electrical, .alignment][Int(random.next() % 4)]
                let work = try BookingWork(jobs: [Workshop.job(Int(25 + random.next() % 400), skill)])
                let earliest = Workshop.at(
                    Workshop.monday.adding(days: Int(random.next() % 3)), Int(7 + random.next() % 12))
                let finder = SlotFinder(capacity: capacity, reservations: held, zone: Workshop.zone)
                let offers = finder.offers(
                    SlotRequest(work: work, earliest: earliest, quietHoursFirst: random.next() % 2 == 0, horizonDays: 4)
                )
                for offer in offers {
                    #expect(offer.arrival >= earliest, "round \(round)")
                    #expect(problems(held + [offer], capacity: capacity).isEmpty, "round \(round): \(offer)")
                }
                // The customer takes one of them; booking checks it again as the store does.
                guard !offers.isEmpty else { continue }
                let pick = offers[Int(random.next() % UInt64(offers.count))]
                let again = finder.fit(
                    arrival: pick.arrival, work: work, advisor: pick.advisor, bay: pick.bay, technician: pick.technician
                )
                #expect(again == pick)
                held.append(pick)
            }
            #expect(problems(held, capacity: capacity).isEmpty, "round \(round)")
        }
    }

    @Test("randomized: the quarter-hour bitmasks decide every offer and fit as comparing the times does (A-2)")
    func bitmasksMatchTheDefinition() throws {
        var random = SeededRandom(seed: 1218)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        for round in 0..<60 {
            var capacity = randomCapacity(&random)
            // Inactive bays and technicians, leave, advisors with their own hours and without.
            capacity.bays.append(Bay(code: "X", kind: .general, active: random.next() % 2 == 0))
            if random.next() % 2 == 0 {
                capacity.technicians[0].leave = [
                    Leave(from: Workshop.monday.adding(days: 1), to: Workshop.monday.adding(days: 2))
                ]
            }
            capacity.technicians.append(
                Technician(
                    name: "TX", skills: Set(Skill.allCases),
                    shifts: OpeningHours.everyDay(BusinessHours(opens: 0, closes: 86_400)!),
                    active: random.next() % 2 == 0))
            capacity.advisors.append(
                ServiceAdvisor(
                    name: "AX", shifts: [.monday: BusinessHours(opens: 36_000, closes: 50_400)!],
                    active: random.next() % 3 != 0))
            let names = capacity.advisors.map(\.name) + ["gone"]
            var held: [Reservation] = []
            // Bookings as the finder makes them, and rows the finder never makes: off the quarter-hour, across
            // midnight, empty, naming people and bays no longer in the capacity.
            for _ in 0..<Int(10 + random.next() % 80) {
                let work = try BookingWork(jobs: [Workshop.job(Int(25 + random.next() % 300))])
                let earliest = Workshop.at(Workshop.monday.adding(days: Int(random.next() % 5)), 8)
                if let slot = ReferenceSlotFinder(capacity: capacity, reservations: held, zone: Workshop.zone)
                    .offers(SlotRequest(work: work, earliest: earliest, horizonDays: 1)).first
                {
                    held.append(slot)
                }
                if random.next() % 4 == 0 {
                    let start = Workshop.at(Workshop.monday.adding(days: Int(random.next() % 5)), 0)
                        .addingTimeInterval(Double(random.next() % 100_000))
                    held.append(
                        Reservation(
                            arrival: start, advisor: pick(names), bay: pick(capacity.bays.map(\.code) + ["B9"]),
                            technician: pick(capacity.technicians.map(\.name) + ["T9"]), workStart: start,
                            workEnd: start.addingTimeInterval(Double(random.next() % 30_000))))
                }
            }
            let fast = SlotFinder(capacity: capacity, reservations: held, zone: Workshop.zone)
            let reference = ReferenceSlotFinder(capacity: capacity, reservations: held, zone: Workshop.zone)
            for _ in 0..<20 {
                let skill = pick([Skill.general, .quickService, .electrical, .alignment, .body])
                let work = try BookingWork(jobs: [Workshop.job(Int(25 + random.next() % 500), skill)])
                let usual = random.next() % 2 == 0 ? pick(names) : nil
                let request = SlotRequest(
                    work: work,
                    earliest: Workshop.at(Workshop.monday.adding(days: Int(random.next() % 5)), Int(random.next() % 22))
                        .addingTimeInterval(Double(random.next() % 3_600)),
                    advisor: random.next() % 4 == 0 ? pick(names) : nil, usualAdvisor: usual,
                    quietHoursFirst: random.next() % 2 == 0, count: 3, horizonDays: Int(1 + random.next() % 6))
                #expect(fast.offers(request) == reference.offers(request), "round \(round): \(request)")
                let arrival = Workshop.at(Workshop.monday.adding(days: Int(random.next() % 5)), 8)
                    .addingTimeInterval(Double(random.next() % 48) * 900 + (random.next() % 5 == 0 ? 300 : 0))
                let bay = random.next() % 3 == 0 ? pick(capacity.bays.map(\.code)) : nil
                let technician = random.next() % 3 == 0 ? pick(capacity.technicians.map(\.name)) : nil
                let advisor = random.next() % 3 == 0 ? pick(names) : nil
                #expect(
                    fast.fit(
                        arrival: arrival, work: work, advisor: advisor, bay: bay, technician: technician,
                        usualAdvisor: usual)
                        == reference.fit(
                            arrival: arrival, work: work, advisor: advisor, bay: bay, technician: technician,
                            usualAdvisor: usual), "round \(round)")
            }
        }
    }

    @Test("randomized: offers read a window of days at a time equal the offers over everything held (A-2)")
    func windowedOffers() throws {
        var random = SeededRandom(seed: 2)
        var widest = 0
        for round in 0..<40 {
            let capacity = randomCapacity(&random)
            var held: [Reservation] = []
            // Fill ten days from Monday, some of them full, through the finder as bookings do.
            for _ in 0..<Int(20 + random.next() % 120) {
                let work = try BookingWork(jobs: [Workshop.job(Int(25 + random.next() % 300))])
                let earliest = Workshop.at(Workshop.monday.adding(days: Int(random.next() % 10)), 8)
                let offers = SlotFinder(capacity: capacity, reservations: held, zone: Workshop.zone)
                    .offers(SlotRequest(work: work, earliest: earliest, horizonDays: 1))
                if let pick = offers.first { held.append(pick) }
            }
            for _ in 0..<10 {
                let skill = [Skill.general, .quickService, .alignment][Int(random.next() % 3)]
                let request = SlotRequest(
                    work: try BookingWork(jobs: [Workshop.job(Int(25 + random.next() % 400), skill)]),
                    earliest: Workshop.at(
                        Workshop.monday.adding(days: Int(random.next() % 8)), Int(7 + random.next() % 12)),
                    quietHoursFirst: random.next() % 2 == 0, count: Int(2 + random.next() % 2),
                    horizonDays: Int(1 + random.next() % 12))
                var windows: [Int] = []
                let windowed = SlotFinder.offers(
                    request, capacity: capacity, zone: Workshop.zone, arrivalsPerAdvisor: 2
                ) { first, days in
                    windows.append(days)
                    let (start, end) = (
                        first.startInstant(in: Workshop.zone),
                        first.adding(days: days).startInstant(in: Workshop.zone)
                    )
                    return held.filter { $0.workEnd > start && $0.workStart < end }
                }
                let whole = SlotFinder(capacity: capacity, reservations: held, zone: Workshop.zone).offers(request)
                #expect(windowed == whole, "round \(round): windows \(windows)")
                widest = max(widest, windows.count)
            }
        }
        // Some offers went past their first windows (two days, then three, four …).
        #expect(widest >= 3)
    }

    /// What breaks capacity in `held`: overlaps per bay and technician, too many arrivals per advisor and quarter, work
    /// outside opening hours or the technician's shift, a bay of the wrong kind.
    func problems(_ held: [Reservation], capacity: WorkshopCapacity) -> [String] {
        var out: [String] = []
        for (i, a) in held.enumerated() {
            let day = LocalDate(instant: a.workStart, in: Workshop.zone)
            let from = Int(a.workStart.timeIntervalSince(day.startInstant(in: Workshop.zone)))
            let to = Int(a.workEnd.timeIntervalSince(day.startInstant(in: Workshop.zone)))
            guard let hours = capacity.openingHours.hours(on: day), hours.opens <= from, to <= hours.closes else {
                out.append("\(a) outside opening hours")
                continue
            }
            let shift = capacity.technicians.first { $0.name == a.technician }?.shift(on: day)
            if shift == nil || shift!.opens > from || to > shift!.closes { out.append("\(a) outside the shift") }
            for b in held[(i + 1)...] where a.workStart < b.workEnd && b.workStart < a.workEnd {
                if a.bay == b.bay { out.append("bay \(a.bay) twice") }
                if a.technician == b.technician { out.append("technician \(a.technician) twice") }
            }
            let quarter = held.filter {
                $0.advisor == a.advisor
                    && Int($0.arrival.timeIntervalSince1970) / 900 == Int(a.arrival.timeIntervalSince1970) / 900
            }
            let limit = capacity.advisors.first { $0.name == a.advisor }?.arrivalsPerQuarterHour ?? 2
            if quarter.count > limit { out.append("advisor \(a.advisor) receives \(quarter.count) at once") }
        }
        return out
    }

    func randomCapacity(_ random: inout SeededRandom) -> WorkshopCapacity {
        let kinds: [BayKind] = [.general, .quickService, .alignment]
        let bays = (0..<Int(1 + random.next() % 4)).map { Bay(code: "B\($0)", kind: kinds[Int(random.next() % 3)]) }
        let skills: [Skill] = [.general, .quickService, .electrical, .alignment]
        let technicians = (0..<Int(1 + random.next() % 4)).map { index in
            let opens = (8 + Int(random.next() % 3)) * 3600 + 1800
            let closes = opens + (4 + Int(random.next() % 6)) * 3600
            var shifts = OpeningHours.everyDay(BusinessHours(opens: opens, closes: min(closes, 86_400))!)
            shifts[.tuesday] = nil
            return Technician(
                name: "T\(index)", skills: Set(skills.filter { _ in random.next() % 2 == 0 } + [.general]),
                shifts: shifts)
        }
        let advisors = (0..<Int(1 + random.next() % 2)).map {
            ServiceAdvisor(name: "A\($0)", arrivalsPerQuarterHour: Int(1 + random.next() % 2))
        }
        var hours = OpeningHours()
        hours.closedDays = [Workshop.monday.adding(days: 2)]
        return WorkshopCapacity(openingHours: hours, bays: bays, technicians: technicians, advisors: advisors)
    }
}
