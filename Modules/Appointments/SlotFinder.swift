import Core
import Foundation

/// What an offer looks for: the work, the earliest arrival, the advisor the customer asks for, the customer's
/// usual advisor, whether the dealer is calling (A-5: quiet hours first), how many slots and how far ahead.
public struct SlotRequest: Sendable, Equatable {
    public var work: BookingWork
    public var earliest: Date
    /// The advisor the customer asked for: only their slots are offered.
    public var advisor: String?
    /// The advisor of the customer's last repair order, preferred when free.
    public var usualAdvisor: String?
    /// The dealer calls the customer: offer the quietest hours of each day first, to spread the load.
    public var quietHoursFirst: Bool
    public var count: Int
    public var horizonDays: Int
    /// Hours between two slots offered on one day.
    public var minimumGapHours: Int

    public init(
        work: BookingWork, earliest: Date, advisor: String? = nil, usualAdvisor: String? = nil,
        quietHoursFirst: Bool = false, count: Int = 3, horizonDays: Int = 14, minimumGapHours: Int = 3
    ) {
        self.work = work
        self.earliest = earliest
        self.advisor = advisor
        self.usualAdvisor = usualAdvisor
        self.quietHoursFirst = quietHoursFirst
        self.count = count
        self.horizonDays = horizonDays
        self.minimumGapHours = minimumGapHours
    }
}

/// Rule A-2: free slots that the workshop's real capacity can honour. A slot is an arrival on a quarter-hour step
/// with an advisor free to receive then (fewer arrivals in that quarter than the advisor takes), and a bay of a kind
/// the work allows and a technician with every skill it needs, both free from the arrival for the work's whole time
/// (work starts when the car arrives), within the store's opening hours (T-3) and the technician's shift, on one day.
/// The finder is a pure function of the capacity and the reservations held: the same question gets the same answer.
///
/// What is held is kept per day on quarter-hour bitmasks (a bay or technician busy in a quarter has its bit set;
/// a reservation off the quarter-hours holds every quarter it touches), so a candidate slot is checked with one AND
/// per bay and technician. Candidates start on a quarter-hour and last whole quarter-hours, so this decides exactly
/// as comparing the times would (a randomized test holds it to that straightforward definition).
public struct SlotFinder: Sendable {
    public let capacity: WorkshopCapacity
    public let zone: TimeZone
    /// Arrivals per advisor per quarter-hour for an advisor without a figure of their own.
    public let arrivalsPerAdvisor: Int
    private let held: [Int: DayHeld]
    private let bayIndex: [String: Int]
    private let technicianIndex: [String: Int]
    private let advisorIndex: [String: Int]

    /// - Parameter reservations: the capacity already held (booked appointments), any window of them that covers
    ///   the days asked about.
    public init(
        capacity: WorkshopCapacity, reservations: [Reservation], zone: TimeZone, arrivalsPerAdvisor: Int = 2
    ) {
        self.capacity = capacity
        self.zone = zone
        self.arrivalsPerAdvisor = arrivalsPerAdvisor
        let bayIndex = Self.index(capacity.bays.map(\.code))
        let technicianIndex = Self.index(capacity.technicians.map(\.name))
        let advisorIndex = Self.index(capacity.advisors.map(\.name))
        // Each day's record is changed in place in an array (a dictionary's `held[number]!` copied it each time).
        var days: [DayHeld] = []
        var position: [Int: Int] = [:]
        var numbering = DayNumbering(zone)
        func open(_ number: Int) -> Int {
            if let at = position[number] { return at }
            days.append(
                DayHeld(
                    start: Instant.fromLocal(dayNumber: number, secondOfDay: 0, in: zone),
                    bays: capacity.bays.count, technicians: capacity.technicians.count,
                    advisors: capacity.advisors.count))
            position[number] = days.count - 1
            return days.count - 1
        }
        for reservation in reservations {
            let first = numbering.dayNumber(reservation.workStart)
            let last = numbering.dayNumber(reservation.workEnd)
            let bay = bayIndex[reservation.bay]
            let technician = technicianIndex[reservation.technician]
            for number in first...max(first, last) {
                days[open(number)].hold(reservation, bay: bay, technician: technician, startsToday: number == first)
            }
            if let advisor = advisorIndex[reservation.advisor] {
                days[open(numbering.dayNumber(reservation.arrival))].receive(reservation.arrival, advisor: advisor)
            }
        }
        self.held = position.mapValues { days[$0] }
        self.bayIndex = bayIndex
        self.technicianIndex = technicianIndex
        self.advisorIndex = advisorIndex
    }

    private static func index(_ names: [String]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (position, name) in names.enumerated() where out[name] == nil { out[name] = position }
        return out
    }

    /// Up to `request.count` slots, spread out: at most two on one day, `minimumGapHours` apart, the rest on the
    /// following days. Customers asking get the earliest slots; a dealer's call gets each day's quietest hours
    /// first (the least work booked over the slot). Empty when nothing fits within the horizon.
    public func offers(_ request: SlotRequest) -> [Reservation] {
        offers(request, days: 0..<max(1, request.horizonDays), count: request.count)
    }

    /// The offers of `request` on the days `days` after its earliest day (0 is that day), at most `count`. Each day's
    /// choice depends only on that day, so the offers over consecutive ranges, each taking what is still missing,
    /// are the offers over the whole.
    private func offers(_ request: SlotRequest, days: Range<Int>, count: Int) -> [Reservation] {
        var chosen: [Reservation] = []
        let first = LocalDate(instant: request.earliest, in: zone)
        for offset in days where chosen.count < count {
            let day = first.adding(days: offset)
            var slots = daySlots(day, request: request)
            if request.quietHoursFirst {
                let loads = slots.map { load(on: day, from: $0.workStart, to: $0.workEnd) }
                slots = zip(slots, loads).sorted { a, b in
                    a.1 != b.1 ? a.1 < b.1 : a.0.arrival < b.0.arrival
                }
                .map(\.0)
            }
            var taken: [Date] = []
            for slot in slots where chosen.count < count && taken.count < 2 {
                let gap = Double(request.minimumGapHours * 3600)
                if taken.contains(where: { abs($0.timeIntervalSince(slot.arrival)) < max(gap, 1) }) { continue }
                taken.append(slot.arrival)
                chosen.append(slot)
            }
        }
        return chosen
    }

    /// The offers of `request` with the reservations read a window of days at a time: `held(first, days)` gives
    /// the reservations over days `first ..< first + days`. A day's slots depend only on what is held that day, and
    /// `offers` takes days in order, so windows taken one after another, each asked for the slots still missing, give
    /// the answer the whole horizon would. A customer's offers are usually within two days, so most offers read two
    /// days; when a busy week sends an offer further, the next windows are three, four, five … days, so it reads as
    /// far as it must and no further (a randomized test holds this to `offers` over everything held).
    public static func offers(
        _ request: SlotRequest, capacity: WorkshopCapacity, zone: TimeZone, arrivalsPerAdvisor: Int,
        held: (_ first: LocalDate, _ days: Int) throws -> [Reservation]
    ) rethrows -> [Reservation] {
        let first = LocalDate(instant: request.earliest, in: zone)
        let horizon = max(1, request.horizonDays)
        var chosen: [Reservation] = []
        var start = 0
        var width = 2
        while start < horizon && chosen.count < request.count {
            let days = start..<min(horizon, start + width)
            let finder = SlotFinder(
                capacity: capacity, reservations: try held(first.adding(days: start), days.count), zone: zone,
                arrivalsPerAdvisor: arrivalsPerAdvisor)
            chosen += finder.offers(request, days: days, count: request.count - chosen.count)
            start = days.upperBound
            width += 1
        }
        return chosen
    }

    /// The slot at `arrival` with the named advisor, bay and technician where given (the others chosen as an offer
    /// chooses them), or nil when capacity cannot honour it: booking checks an offered slot again with this.
    public func fit(
        arrival: Date, work: BookingWork, advisor: String? = nil, bay: String? = nil, technician: String? = nil,
        usualAdvisor: String? = nil
    ) -> Reservation? {
        let day = LocalDate(instant: arrival, in: zone)
        let second = Int(arrival.timeIntervalSince(day.startInstant(in: zone)).rounded())
        guard second % 900 == 0, let view = dayView(day, work: work, advisor: advisor, bay: bay, technician: technician)
        else { return nil }
        return view.slot(at: second, usual: usualAdvisor)
    }

    /// Every quarter-hour of `day` with a slot, earliest first.
    private func daySlots(_ day: LocalDate, request: SlotRequest) -> [Reservation] {
        guard let hours = capacity.openingHours.hours(on: day),
            let view = dayView(day, work: request.work, advisor: request.advisor, bay: nil, technician: nil)
        else { return [] }
        let duration = request.work.minutes * 60
        var start = hours.opens
        let earliestDay = LocalDate(instant: request.earliest, in: zone)
        if earliestDay == day {
            let second = Int(request.earliest.timeIntervalSince(day.startInstant(in: zone)).rounded(.up))
            start = max(start, second)
        }
        start = (start + 899) / 900 * 900
        var out: [Reservation] = []
        var second = start
        while second + duration <= hours.closes {
            if let found = view.slot(at: second, usual: request.usualAdvisor) { out.append(found) }
            second += 900
        }
        return out
    }

    /// What one day offers one work: the advisors receiving that day, the bays of the kinds the work allows (in the
    /// order they are preferred), the technicians with its skills working that day, and what each has held.
    private func dayView(
        _ day: LocalDate, work: BookingWork, advisor: String?, bay: String?, technician: String?
    ) -> DayView? {
        guard let hours = capacity.openingHours.hours(on: day) else { return nil }
        let number = day.dayNumber
        let weekday = Weekday(day)
        let today = held[number]
        let start = today?.start ?? day.startInstant(in: zone)
        let end = day.adding(days: 1).startInstant(in: zone)
        // Without a change of offset that day, a wall-clock second is that many seconds after midnight.
        let steady = end.timeIntervalSince(start) == 86_400
        var advisors: [DayView.Person] = []
        for (position, person) in capacity.advisors.enumerated() where person.active {
            guard advisor == nil || person.name == advisor,
                let shift = person.shifts.isEmpty ? hours : person.shifts[weekday]
            else { continue }
            advisors.append(
                DayView.Person(
                    name: person.name, opens: shift.opens, closes: shift.closes,
                    limit: person.arrivalsPerQuarterHour ?? arrivalsPerAdvisor,
                    arrivals: today?.advisorArrivals[position] ?? [:], load: today?.advisorDayArrivals[position] ?? 0))
        }
        var bays: [(code: String, busy: UInt128)] = []
        for kind in work.bayKinds {
            for (position, place) in capacity.bays.enumerated()
            where place.active && place.kind == kind && (bay == nil || place.code == bay) {
                bays.append((place.code, today?.bays[position] ?? 0))
            }
        }
        var technicians: [DayView.Person] = []
        for (position, person) in capacity.technicians.enumerated() {
            guard technician == nil || person.name == technician, work.skills.isSubset(of: person.skills),
                let shift = person.shift(on: day)
            else { continue }
            technicians.append(
                DayView.Person(
                    name: person.name, opens: shift.opens, closes: shift.closes, limit: 0, arrivals: [:],
                    load: today?.technicianMinutes[position] ?? 0, busy: today?.technicians[position] ?? 0))
        }
        return DayView(
            number: number, start: start, steady: steady, zone: zone, hours: hours, minutes: work.minutes,
            advisors: advisors, bays: bays, technicians: technicians)
    }

    /// The work booked over `[start, end)` of `day`, in minutes: how busy the workshop is then.
    private func load(on day: LocalDate, from start: Date, to end: Date) -> Int {
        (held[day.dayNumber]?.reservations ?? []).reduce(0) { total, held in
            let overlap = min(end, held.workEnd).timeIntervalSince(max(start, held.workStart))
            return total + max(0, Int(overlap / 60))
        }
    }
}

/// What is held on one day: per bay and technician a bit per quarter-hour from midnight (a day has at most 100),
/// each technician's booked minutes (work starting that day), each advisor's arrivals per quarter and in all.
private struct DayHeld: Sendable {
    let start: Date
    var bays: [UInt128]
    var technicians: [UInt128]
    var technicianMinutes: [Int]
    var advisorArrivals: [[Int: Int]]
    var advisorDayArrivals: [Int]
    var reservations: [Reservation] = []

    init(start: Date, bays: Int, technicians: Int, advisors: Int) {
        self.start = start
        self.bays = Array(repeating: 0, count: bays)
        self.technicians = Array(repeating: 0, count: technicians)
        technicianMinutes = Array(repeating: 0, count: technicians)
        advisorArrivals = Array(repeating: [:], count: advisors)
        advisorDayArrivals = Array(repeating: 0, count: advisors)
    }

    mutating func hold(_ reservation: Reservation, bay: Int?, technician: Int?, startsToday: Bool) {
        let quarters = quarters(from: reservation.workStart, to: reservation.workEnd)
        if let bay { bays[bay] |= quarters }
        if let technician {
            technicians[technician] |= quarters
            if startsToday {
                technicianMinutes[technician] += Int(reservation.workEnd.timeIntervalSince(reservation.workStart) / 60)
            }
        }
        reservations.append(reservation)
    }

    mutating func receive(_ arrival: Date, advisor: Int) {
        advisorArrivals[advisor][Int(arrival.timeIntervalSince(start) / 900), default: 0] += 1
        advisorDayArrivals[advisor] += 1
    }

    /// The quarters of this day that `[from, to)` touches.
    func quarters(from: Date, to: Date) -> UInt128 {
        let first = max(0, Int((from.timeIntervalSince(start) / 900).rounded(.down)))
        let last = min(128, Int((to.timeIntervalSince(start) / 900).rounded(.up)))
        return DayView.mask(first, last)
    }
}

/// One day as seen by one work: the candidates, ready to test a quarter-hour in a few ANDs.
private struct DayView {
    struct Person {
        let name: String
        let opens: Int
        let closes: Int
        let limit: Int
        let arrivals: [Int: Int]
        /// Arrivals that day (advisors) or minutes of work starting that day (technicians): the least loaded wins.
        let load: Int
        var busy: UInt128 = 0
    }

    let number: Int
    let start: Date
    let steady: Bool
    let zone: TimeZone
    let hours: BusinessHours
    let minutes: Int
    let advisors: [Person]
    let bays: [(code: String, busy: UInt128)]
    let technicians: [Person]

    static func mask(_ first: Int, _ last: Int) -> UInt128 {
        guard first < last else { return 0 }
        let width = last - first
        return (width >= 128 ? UInt128.max : (UInt128(1) << width) - 1) << first
    }

    /// The slot arriving at wall-clock `second`, or nil.
    func slot(at second: Int, usual: String?) -> Reservation? {
        let end = second + minutes * 60
        guard second >= hours.opens, end <= hours.closes else { return nil }
        let arrival = instant(second)
        let workEnd = instant(end)
        let first = Int(arrival.timeIntervalSince(start)) / 900
        let quarters = Self.mask(first, Int(workEnd.timeIntervalSince(start)) / 900)
        // An advisor with room in the quarter: the customer's usual one, else the one with the fewest arrivals.
        var receiver: Person?
        for person in advisors where person.opens <= second && second < person.closes {
            guard person.arrivals[first, default: 0] < person.limit else { continue }
            if person.name == usual {
                receiver = person
                break
            }
            if receiver.map({ ($0.load, $0.name) > (person.load, person.name) }) ?? true { receiver = person }
        }
        guard let receiver, let place = bays.first(where: { $0.busy & quarters == 0 }) else { return nil }
        var hands: Person?
        for person in technicians where person.opens <= second && end <= person.closes && person.busy & quarters == 0 {
            if hands.map({ ($0.load, $0.name) > (person.load, person.name) }) ?? true { hands = person }
        }
        guard let hands else { return nil }
        return Reservation(
            arrival: arrival, advisor: receiver.name, bay: place.code, technician: hands.name, workStart: arrival,
            workEnd: workEnd)
    }

    private func instant(_ second: Int) -> Date {
        steady
            ? start.addingTimeInterval(Double(second))
            : Instant.fromLocal(dayNumber: number, secondOfDay: second, in: zone)
    }
}
