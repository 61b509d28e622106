import Appointments
import Core
import Foundation

// The slot finder as first written, kept as the straightforward definition: every check compares times
// against the list of what each bay, technician and advisor holds. `SlotFinder` decides on quarter-hour bitmasks
// for speed; SlotFinderTests' randomized test holds it to this one.
/// Rule A-2: free slots that the workshop's real capacity can honour. A slot is an arrival on a quarter-hour step
/// with an advisor free to receive then (fewer arrivals in that quarter than the advisor takes), and a bay of a kind
/// the work allows and a technician with every skill it needs, both free from the arrival for the work's whole time
/// (work starts when the car arrives), within the store's opening hours (T-3) and the technician's shift, on one day.
/// The finder is a pure function of the capacity and the reservations held: the same question gets the same answer.
struct ReferenceSlotFinder {
    let capacity: WorkshopCapacity
    let zone: TimeZone
    /// Arrivals per advisor per quarter-hour for an advisor without a figure of their own.
    let arrivalsPerAdvisor: Int
    private let busy: [String: [Int: [(start: Date, end: Date)]]]
    private let arrivals: [String: [Int: [Date]]]
    private let minutesBooked: [String: [Int: Int]]
    private let byDay: [Int: [Reservation]]

    /// - Parameter reservations: the capacity already held (booked appointments), any window of them that covers
    ///   the days asked about.
    init(
        capacity: WorkshopCapacity, reservations: [Reservation], zone: TimeZone, arrivalsPerAdvisor: Int = 2
    ) {
        self.capacity = capacity
        self.zone = zone
        self.arrivalsPerAdvisor = arrivalsPerAdvisor
        var busy: [String: [Int: [(start: Date, end: Date)]]] = [:]
        var arrivals: [String: [Int: [Date]]] = [:]
        var minutes: [String: [Int: Int]] = [:]
        var byDay: [Int: [Reservation]] = [:]
        for reservation in reservations {
            let day = LocalDate(instant: reservation.workStart, in: zone).dayNumber
            let last = LocalDate(instant: reservation.workEnd, in: zone).dayNumber
            for number in day...max(day, last) {
                busy["bay:" + reservation.bay, default: [:]][number, default: []].append(
                    (reservation.workStart, reservation.workEnd))
                busy["technician:" + reservation.technician, default: [:]][number, default: []].append(
                    (reservation.workStart, reservation.workEnd))
                byDay[number, default: []].append(reservation)
            }
            let arrivalDay = LocalDate(instant: reservation.arrival, in: zone).dayNumber
            arrivals[reservation.advisor, default: [:]][arrivalDay, default: []].append(reservation.arrival)
            minutes[reservation.technician, default: [:]][day, default: 0] += Int(
                reservation.workEnd.timeIntervalSince(reservation.workStart) / 60)
            minutes["advisor:" + reservation.advisor, default: [:]][arrivalDay, default: 0] += 1
        }
        self.busy = busy
        self.arrivals = arrivals
        minutesBooked = minutes
        self.byDay = byDay
    }

    /// Up to `request.count` slots, spread out: at most two on one day, `minimumGapHours` apart, the rest on the
    /// following days. Customers asking get the earliest slots; a dealer's call gets each day's quietest hours
    /// first (the least work booked over the slot). Empty when nothing fits within the horizon.
    func offers(_ request: SlotRequest) -> [Reservation] {
        var chosen: [Reservation] = []
        let first = LocalDate(instant: request.earliest, in: zone)
        for offset in 0..<max(1, request.horizonDays) where chosen.count < request.count {
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
            for slot in slots where chosen.count < request.count && taken.count < 2 {
                let gap = Double(request.minimumGapHours * 3600)
                if taken.contains(where: { abs($0.timeIntervalSince(slot.arrival)) < max(gap, 1) }) { continue }
                taken.append(slot.arrival)
                chosen.append(slot)
            }
        }
        return chosen
    }

    /// The slot at `arrival` with the named advisor, bay and technician where given (the others chosen as an offer
    /// chooses them), or nil when capacity cannot honour it: booking checks an offered slot again with this.
    func fit(
        arrival: Date, work: BookingWork, advisor: String? = nil, bay: String? = nil, technician: String? = nil,
        usualAdvisor: String? = nil
    ) -> Reservation? {
        let day = LocalDate(instant: arrival, in: zone)
        let second = Int(arrival.timeIntervalSince(day.startInstant(in: zone)).rounded())
        guard second % 900 == 0 else { return nil }
        return slot(
            on: day, at: second, work: work, advisor: advisor, usualAdvisor: usualAdvisor, bay: bay,
            technician: technician)
    }

    /// Every quarter-hour of `day` with a slot, earliest first.
    private func daySlots(_ day: LocalDate, request: SlotRequest) -> [Reservation] {
        guard let hours = capacity.openingHours.hours(on: day) else { return [] }
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
            if let found = slot(
                on: day, at: second, work: request.work, advisor: request.advisor, usualAdvisor: request.usualAdvisor,
                bay: nil, technician: nil)
            {
                out.append(found)
            }
            second += 900
        }
        return out
    }

    private func slot(
        on day: LocalDate, at second: Int, work: BookingWork, advisor: String?, usualAdvisor: String?, bay: String?,
        technician: String?
    ) -> Reservation? {
        guard let hours = capacity.openingHours.hours(on: day) else { return nil }
        let end = second + work.minutes * 60
        guard second >= hours.opens, end <= hours.closes else { return nil }
        let number = day.dayNumber
        let arrival = Instant.fromLocal(dayNumber: number, secondOfDay: second, in: zone)
        let workEnd = Instant.fromLocal(dayNumber: number, secondOfDay: end, in: zone)
        guard
            let receiver = pickAdvisor(day, second: second, arrival: arrival, only: advisor, usual: usualAdvisor),
            let place = pickBay(number, from: arrival, to: workEnd, kinds: work.bayKinds, only: bay),
            let hands = pickTechnician(
                day, from: second, to: end, start: arrival, end: workEnd, skills: work.skills, only: technician)
        else { return nil }
        return Reservation(
            arrival: arrival, advisor: receiver, bay: place, technician: hands, workStart: arrival, workEnd: workEnd)
    }

    /// An advisor receiving at `second` of `day` with room in that quarter: the one asked for, else the customer's
    /// usual advisor, else the one with the fewest arrivals that day (then by name).
    private func pickAdvisor(
        _ day: LocalDate, second: Int, arrival: Date, only: String?, usual: String?
    ) -> String? {
        let weekday = Weekday(day)
        let store = capacity.openingHours.hours(on: day)
        let candidates = capacity.advisors.filter { advisor in
            guard advisor.active, only == nil || advisor.name == only else { return false }
            guard let hours = advisor.shifts.isEmpty ? store : advisor.shifts[weekday] else { return false }
            guard hours.opens <= second, second < hours.closes else { return false }
            let quarterStart = arrival.addingTimeInterval(-Double(second % 900))
            let held =
                arrivals[advisor.name]?[day.dayNumber]?.filter {
                    $0 >= quarterStart && $0 < quarterStart.addingTimeInterval(900)
                }
                .count ?? 0
            return held < (advisor.arrivalsPerQuarterHour ?? arrivalsPerAdvisor)
        }
        if let usual, candidates.contains(where: { $0.name == usual }) { return usual }
        return candidates.min { a, b in
            let (x, y) = (
                minutesBooked["advisor:" + a.name]?[day.dayNumber] ?? 0,
                minutesBooked["advisor:" + b.name]?[day.dayNumber] ?? 0
            )
            return x != y ? x < y : a.name < b.name
        }?
        .name
    }

    /// A free bay of the first kind the work prefers that has one, by code.
    private func pickBay(_ day: Int, from start: Date, to end: Date, kinds: [BayKind], only: String?) -> String? {
        for kind in kinds {
            for bay in capacity.bays where bay.active && bay.kind == kind && (only == nil || bay.code == only) {
                if free("bay:" + bay.code, day: day, from: start, to: end) { return bay.code }
            }
        }
        return nil
    }

    /// A free technician with every skill, working the whole slot: the least booked that day, then by name.
    private func pickTechnician(
        _ day: LocalDate, from second: Int, to endSecond: Int, start: Date, end: Date, skills: Set<Skill>,
        only: String?
    ) -> String? {
        capacity.technicians.filter { technician in
            guard only == nil || technician.name == only, skills.isSubset(of: technician.skills),
                let shift = technician.shift(on: day), shift.opens <= second, endSecond <= shift.closes
            else { return false }
            return free("technician:" + technician.name, day: day.dayNumber, from: start, to: end)
        }
        .min { a, b in
            let (x, y) = (
                minutesBooked[a.name]?[day.dayNumber] ?? 0, minutesBooked[b.name]?[day.dayNumber] ?? 0
            )
            return x != y ? x < y : a.name < b.name
        }?
        .name
    }

    private func free(_ resource: String, day: Int, from start: Date, to end: Date) -> Bool {
        !(busy[resource]?[day] ?? []).contains { $0.start < end && start < $0.end }
    }

    /// The work booked over `[start, end)` of `day`, in minutes: how busy the workshop is then.
    private func load(on day: LocalDate, from start: Date, to end: Date) -> Int {
        (byDay[day.dayNumber] ?? []).reduce(0) { total, held in
            let overlap = min(end, held.workEnd).timeIntervalSince(max(start, held.workStart))
            return total + max(0, Int(overlap / 60))
        }
    }
}
