import Appointments
import Campaigns
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import MessagingStorage
import StorageKernel
import Warranty
import WarrantyStorage
import WorkOrderStorage
import WorkOrders

/// A customer to call: why, the work to propose with its time and price, and the slots to offer.
public struct DealerCall: Codable, Sendable, Equatable {
    public var customerId: Int64
    public var customer: String
    /// The mobile number the call goes to (the first mobile of the card), if any.
    public var phone: String?
    /// The staff member who looks after the card (C-10), if any.
    public var owner: String?
    public var vin: VIN
    public var plate: String?
    public var reason: CallReason
    /// Maintenance: the due day (W-9) and whether it is the first maintenance (首保, C-7).
    public var due: LocalDate?
    public var firstMaintenance: Bool?
    /// Recall or campaign: the bulletin's number (W-6).
    public var bulletin: String?
    /// Declined work: the repair order and its job.
    public var order: String?
    public var job: Int?
    /// The work to propose: a description, the labour operation when one applies, hours (hundredths) and price.
    public var work: String?
    public var operation: String?
    public var centihours: Int?
    public var price: Money?
    /// The slots to offer: the first `AppDatabase.callSlotCount` free for the work, for the first
    /// `AppDatabase.callsWithSlots` calls of a page; empty when the work has no known time (a recall).
    public var slots: [Date]
}

/// The call list of a day: a page of calls, and how many customers were left out for an opt-out (M-3).
public struct DealerCallList: Codable, Sendable, Equatable {
    public var day: LocalDate
    public var items: [DealerCall]
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var more: Bool
    /// Calls left out: the customer opted out of the mobile number's channel (M-3).
    public var optedOut: Int
}

extension AppDatabase {
    /// Rule A-5: the customers the dealer calls on `day` (default today): maintenance due (W-9, the reminders'
    /// definition, `ReminderPlanner.maintenanceDue`) from a year overdue to the reminders' lead days ahead, with
    /// the setting `appointments.calls.maintenance-operation` proposed at its menu price; an open recall or service
    /// campaign (W-6, the bulletins the repair order's sheet lists; the manufacturer pays: price 0); work declined on
    /// the car's latest repair order at the price it was quoted. M-3: the product records consent per message
    /// channel and a call goes to the mobile number, so a customer who opted out of SMS is not called (counted in
    /// `optedOut`), except for a safety recall, which `ConsentPolicy` always lets through. Customers of staff who
    /// left (C-10) are listed with that owner: the call is the chance to reassign them.
    /// Recalls first, then maintenance by due day, then declined work; `reason` keeps one kind.
    public func dealerCalls(
        on day: LocalDate? = nil, reason: CallReason? = nil, limit: Int = 50, offset: Int = 0
    ) throws -> DealerCallList {
        try writer.read { db in
            let settings = try Self.settings(db)
            let zone = settings.timeZone
            let day = day ?? LocalDate(instant: clock.now(), in: zone)
            let lead = settings.integer(.reminderMaintenanceLeadDays)
            let operation = settings.text(.callMaintenanceOperation).trimmed().nilIfEmpty
            let wanted = reason.map { [$0] } ?? CallReason.allCases
            let declined = wanted.contains(.declined) ? try Self.declinedWork(db) : [:]
            var schedules: [String: MaintenanceSchedule] = [:]
            var calls: [DealerCall] = []
            var optedOut = 0
            try Self.forEachCustomerFacts(
                db, needs: [.mileage, .lastVisit, .consent, .vin], channel: .sms, zone: zone
            ) { facts in
                guard let vin = facts.vin else { return }
                func call(_ reason: CallReason) -> DealerCall {
                    DealerCall(
                        customerId: facts.customerID.rawValue, customer: facts.name, phone: facts.mobile,
                        owner: facts.owner, vin: vin, plate: facts.plate, reason: reason, slots: [])
                }
                var found: [DealerCall] = []
                if wanted.contains(.recall) {
                    for bulletin in try Self.openBulletins(db, vin: vin) {
                        var entry = call(.recall)
                        entry.bulletin = bulletin.number
                        entry.work = bulletin.title
                        entry.price = Money(fen: 0)
                        found.append(entry)
                    }
                }
                if wanted.contains(.maintenance) {
                    let make = facts.make ?? "*"
                    if schedules[make] == nil { schedules[make] = try Self.maintenanceSchedule(db, make: make) }
                    if let due = ReminderPlanner.maintenanceDue(facts: facts, asOf: day, schedule: schedules[make]!),
                        due.day <= day.adding(days: lead), day.adding(days: -365) <= due.day
                    {
                        var entry = call(.maintenance)
                        entry.due = due.day
                        entry.firstMaintenance = due.kind == .firstMaintenance
                        if let operation {
                            let vehicle = try Self.fetchVehicle(db, vin: vin)
                            if let quote = try? Self.menuQuote(
                                db, operation: operation, vehicle: vehicle, on: day, labourRate: settings.labourRate,
                                field: "operation")
                            {
                                entry.operation = operation
                                entry.work = quote.description
                                entry.centihours = quote.centihours
                                entry.price = quote.price
                            }
                        }
                        found.append(entry)
                    }
                }
                for work in declined[vin.value] ?? [] {
                    var entry = call(.declined)
                    entry.order = work.order
                    entry.job = work.job
                    entry.work = work.title
                    entry.centihours = work.centihours
                    entry.price = work.price
                    found.append(entry)
                }
                for entry in found {
                    let category: MessageCategory = entry.reason == .recall ? .recall : .service
                    if case .suppressed = ConsentPolicy.decide(category, consent: facts.consent[.sms]) {
                        optedOut += 1
                    } else {
                        calls.append(entry)
                    }
                }
            }
            let order: [CallReason: Int] = [.recall: 0, .maintenance: 1, .declined: 2]
            calls.sort {
                ($0.reason != $1.reason)
                    ? order[$0.reason]! < order[$1.reason]!
                    : ($0.due ?? day, $0.customerId, $0.vin.value) < ($1.due ?? day, $1.customerId, $1.vin.value)
            }
            // the first calls of the page get the offer function's slots for their work (a slot search
            // per call keeps the page quick only for a few; the rest are offered when booked).
            var items = Array(calls.dropFirst(offset).prefix(limit))
            let earliest = max(clock.now(), day.startInstant(in: zone))
            if !items.isEmpty {
                // One load of the capacity, the reservations and the skills serves every call of the page.
                let finder = try Self.slotFinder(
                    db, from: earliest, days: settings.integer(.appointmentHorizonDays), settings: settings,
                    excluding: nil)
                let skills = try Self.operationSkills(db)
                for index in items.indices.prefix(Self.callsWithSlots) {
                    items[index].slots = try Self.callSlots(
                        db, items[index], finder: finder, skills: skills, earliest: earliest, settings: settings)
                }
            }
            return DealerCallList(
                day: day, items: items, total: calls.count, limit: limit, offset: offset,
                more: offset + items.count < calls.count, optedOut: optedOut)
        }
    }

    /// Rule Q-2: per VIN, the jobs the customer declined on the car's latest repair order, with their quoted hours and
    /// price (the job's lines).
    static func declinedWork(
        _ db: Database
    ) throws -> [String: [(order: String, job: Int, title: String, centihours: Int, price: Money)]] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT o.vin, o.number, j.number AS job, j.title, \
                coalesce((SELECT sum(l.quantity_hundredths) FROM work_order_line l \
                  WHERE l.order_id = o.id AND l.job = j.number AND l.kind = 'labour'), 0) AS centihours, \
                coalesce((SELECT sum(l.amount_fen) FROM work_order_line l \
                  WHERE l.order_id = o.id AND l.job = j.number), 0) AS price \
                FROM work_order o JOIN work_order_job j ON j.order_id = o.id \
                WHERE j.state = 'declined' AND o.id = (SELECT p.id FROM work_order p WHERE p.vin = o.vin \
                  ORDER BY p.arrived_at DESC, p.id DESC LIMIT 1) \
                ORDER BY o.vin, j.number
                """)
        var out: [String: [(order: String, job: Int, title: String, centihours: Int, price: Money)]] = [:]
        for row in rows {
            out[row["vin"], default: []].append(
                (row["number"], row["job"], row["title"], row["centihours"], Money(fen: row["price"])))
        }
        return out
    }
}

extension AppDatabase {
    /// How many calls of a page get slots, and how many slots each (A-2: 2 to 3).
    package static let callsWithSlots = 10
    package static let callSlotCount = 3

    /// Rule A-2 for a call: the offer function's first slots for the call's work from `earliest`, dealer-call
    /// channel (each day's quietest hours first), the customer's usual advisor preferred; none when the work's time
    /// is unknown.
    static func callSlots(
        _ db: Database, _ call: DealerCall, finder: SlotFinder, skills: [String: Skill], earliest: Date,
        settings: DealerSettings
    ) throws -> [Date] {
        guard let centihours = call.centihours, centihours > 0 else { return [] }
        let skill = call.operation.flatMap { skills[$0] } ?? .general
        let job = BookedJob(
            operation: call.operation, description: call.work ?? "", centihours: centihours, skill: skill,
            price: call.price ?? Money(fen: 0))
        let usual = try usualAdvisor(db, customer: call.customerId)
        return offeredSlots(
            finder, work: try BookingWork(jobs: [job]), earliest: earliest, advisor: nil, usual: usual,
            channel: .dealerCall, settings: settings
        ).prefix(callSlotCount).map(\.arrival)
    }
}
