import Appointments
import Catalog
import Core
import CustomerStorage
import Customers
import Foundation
import GRDB
import Messaging
import MessagingStorage
import StorageKernel
import WorkOrderStorage

/// The slots an offer proposes (A-2, A-5) for a vehicle's work: the work with its time and menu price (Q-1), and the
/// slots free now.
public struct AppointmentOffer: Sendable, Equatable {
    public var vin: String
    public var plate: String?
    public var customerID: Int64
    public var customer: String
    public var work: BookingWork
    public var usualAdvisor: String?
    public var slots: [Reservation]
}

/// An appointment with what `appointment show` adds: its history (A-1) and the customer's no-shows.
public struct AppointmentCard: Sendable, Equatable {
    public struct Event: Sendable, Equatable {
        public var kind: String
        public var at: Date
        public var actor: String
        public var arrivalBefore: Date?
        public var arrivalAfter: Date?
        public var note: String?
    }

    public var appointment: Appointment
    public var customer: String
    public var plate: String?
    public var history: [Event]
    /// The customer's missed appointments, all vehicles (A-3).
    public var noShows: Int
    /// The contact it was booked in (C-8: a customer who decided to come in a logged call), if any.
    public var contact: Int64?
}

/// Which appointments `appointment list` shows.
public struct AppointmentFilter: Sendable, Equatable {
    public var day: LocalDate?
    public var advisor: String?
    public var state: AppointmentState?
    public var customerID: Int64?
    public var limit: Int
    /// How many of the matching appointments, in the register's order, come before the first one answered.
    public var offset: Int

    public init(
        day: LocalDate? = nil, advisor: String? = nil, state: AppointmentState? = nil, customerID: Int64? = nil,
        limit: Int = 200, offset: Int = 0
    ) {
        self.day = day
        self.advisor = advisor
        self.state = state
        self.customerID = customerID
        self.limit = limit
        self.offset = offset
    }
}

extension AppDatabase {
    /// Rule A-2: up to `appointments.offers` slots that real capacity can honour for the vehicle's work, from
    /// `form.after` (default now): the earliest for a customer asking, each day's quietest hours first when the dealer
    /// calls (A-5), the customer's usual advisor (the advisor of their last repair order) when free.
    public func appointmentOffers(_ form: AppointmentForm) throws -> AppointmentOffer {
        let valid = try form.validated(booking: false)
        let vin = try vehicleVIN(named: valid.vehicle!, field: AppointmentForm.Field.vehicle.rawValue)
        return try writer.read { db in
            let settings = try Self.settings(db)
            let vehicle = try Self.fetchVehicle(db, vin: vin)
            let work = try Self.appointmentWork(
                db, vehicle: vehicle, form: valid, settings: settings, now: clock.now())
            let after = try valid.after.map {
                try Instant.parse($0, field: AppointmentForm.Field.after.rawValue, timeZone: settings.timeZone)
            }
            let earliest = max(after ?? clock.now(), clock.now())
            let usual = try Self.usualAdvisor(db, customer: vehicle.customerID.rawValue)
            let slots = try Self.offeredSlots(
                db, work: work, earliest: earliest, advisor: valid.advisor, usual: usual, channel: valid.channel,
                settings: settings, excluding: nil)
            let customer = try String.fetchOne(
                db, sql: "SELECT name FROM customer WHERE id = ?", arguments: [vehicle.customerID.rawValue])
            return AppointmentOffer(
                vin: vin.value, plate: vehicle.plate, customerID: vehicle.customerID.rawValue, customer: customer ?? "",
                work: work, usualAdvisor: usual, slots: slots)
        }
    }

    /// Rules A-1, A-2, A-3, M-4: books a slot, or records the customer's preferred time as a request when no slot
    /// suits. The slot is checked again INSIDE the write transaction, which is IMMEDIATE (GRDB begins every write
    /// so): it takes SQLite's write lock before reading, so two bookings — from this process or another — never both
    /// see the last capacity free (the two-process race test holds it). A slot lost to another booking is
    /// `SlotTaken` (exit 1, HTTP 409) with fresh offers. The confirmation is queued in the outbox (service message,
    /// M-3), a campaign's response recorded (M-4), and the booking audited.
    public func bookAppointment(_ form: AppointmentForm, actor: String) throws -> AppointmentCard {
        let valid = try form.validated(booking: true)
        let vin = try vehicleVIN(named: valid.vehicle!, field: AppointmentForm.Field.vehicle.rawValue)
        let number = try writer.write { db in
            try Self.insertBooking(db, valid, vin: vin, contact: nil, now: clock.now(), actor: actor)
        }
        return try appointment(number)
    }

    /// The booking of `bookAppointment` inside the caller's write transaction (a contact with the outcome booked
    /// books in the same step, C-8): `form` validated for booking, `contact` the contact it was booked in. Answers
    /// the appointment's number.
    package static func insertBooking(
        _ db: Database, _ valid: AppointmentForm, vin: VIN, contact: Int64?, now: Date, actor: String
    ) throws -> String {
        let settings = try Self.settings(db)
        let vehicle = try Self.fetchVehicle(db, vin: vin)
        let work = try Self.appointmentWork(db, vehicle: vehicle, form: valid, settings: settings, now: now)
        let campaign = try valid.campaign.map { try Self.campaign(db, named: $0) }
        var reservation: Reservation?
        var preferred: Date?
        if let arrival = valid.arrival {
            reservation = try Self.takeSlot(
                db, arrival: arrival, form: valid, work: work, customer: vehicle.customerID.rawValue,
                settings: settings, now: now, excluding: nil)
        } else if let text = valid.preferred {
            preferred = try Instant.parse(
                text, field: AppointmentForm.Field.preferred.rawValue, timeZone: settings.timeZone)
            guard preferred! > now else {
                throw InvalidInput(
                    field: AppointmentForm.Field.preferred.rawValue,
                    "\(Instant.localString(preferred!, in: settings.timeZone)) has passed")
            }
        }
        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM appointment") ?? 0
        let number = "AP-" + String(format: "%06d", count + 1)
        let state: AppointmentState = reservation == nil ? .requested : .booked
        try db.execute(
            sql: """
                INSERT INTO appointment (number, customer_id, vehicle_id, vin, channel, state, note, arrival, \
                advisor, bay, technician, work_start, work_end, preferred_time, campaign_id, price_fen, \
                centihours, created_at, created_by, contact_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                number, vehicle.customerID.rawValue, vehicle.id!.rawValue, vin.value, valid.channel.rawValue,
                state.rawValue, valid.note?.trimmed().nilIfEmpty, reservation?.arrival, reservation?.advisor,
                reservation?.bay, reservation?.technician, reservation?.workStart, reservation?.workEnd,
                preferred, campaign?.id, work.price.fen, work.centihours, now, actor, contact,
            ])
        let id = db.lastInsertedRowID
        for (position, job) in work.jobs.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO appointment_job (appointment_id, position, operation, description, centihours, \
                    skill, price_fen) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, position + 1, job.operation, job.description, job.centihours, job.skill.rawValue,
                    job.price.fen,
                ])
        }
        try Self.appointmentEvent(
            db, id: id, kind: state == .booked ? "booked" : "requested", at: now, actor: actor,
            after: reservation?.arrival ?? preferred, note: valid.note?.trimmed().nilIfEmpty)
        if let campaign {
            // Rule M-4: the call or message of this campaign led to the booking.
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO campaign_response (campaign_id, customer_id, kind, at, source) \
                    VALUES (?, ?, 'appointment', ?, ?)
                    """, arguments: [campaign.id, vehicle.customerID.rawValue, now, "appointment \(number)"])
        }
        var audit: [String: String?] = [
            "customer": String(vehicle.customerID.rawValue), "vin": vin.value, "channel": valid.channel.rawValue,
            "state": state.rawValue,
            "jobs": work.jobs.map { $0.operation ?? $0.description }.joined(separator: ","),
            "price": work.price.plain, "centihours": String(work.centihours),
            "preferred_time": preferred.map(Instant.databaseString), "campaign": campaign?.name,
            "contact": contact.map(String.init),
        ]
        if let reservation { audit.merge(Self.auditFields(reservation)) { $1 } }
        try Audit.record(
            db, at: now, actor: actor, entity: "appointment", id: number, action: "book", after: audit)
        if let reservation {
            try Self.queueAppointmentMessage(
                db, id: id, number: number, kind: "confirm", arrival: reservation.arrival, settings: settings,
                now: now)
        }
        return number
    }

    /// Rule A-2: moves a booked appointment (or a request) to another slot, checked as booking checks it; the old
    /// arrival stays in the history and a new confirmation is queued (A-3).
    public func rescheduleAppointment(
        _ number: String, _ form: AppointmentForm, actor: String
    ) throws
        -> AppointmentCard
    {
        guard let arrival = form.arrival?.trimmed().nilIfEmpty else {
            throw InvalidInput(field: AppointmentForm.Field.arrival.rawValue, "give the new slot's arrival")
        }
        try writer.write { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            let current = try Self.appointmentRow(db, number)
            let state = AppointmentState(rawValue: current["state"]) ?? .cancelled
            guard state == .booked || state == .requested else {
                throw Conflict(field: "number", "\(number) is \(state.spoken); only a booked or requested one moves")
            }
            let id: Int64 = current["id"]
            let jobs = try Self.bookedJobs(db, id: id)
            let work = try BookingWork(jobs: jobs)
            let old = Self.reservation(current)
            let reservation = try Self.takeSlot(
                db, arrival: arrival, form: form, work: work, customer: current["customer_id"], settings: settings,
                now: now, excluding: id)
            try db.execute(
                sql: """
                    UPDATE appointment SET state = 'booked', arrival = ?, advisor = ?, bay = ?, technician = ?, \
                    work_start = ?, work_end = ? WHERE id = ?
                    """,
                arguments: [
                    reservation.arrival, reservation.advisor, reservation.bay, reservation.technician,
                    reservation.workStart, reservation.workEnd, id,
                ])
            let eventID = try Self.appointmentEvent(
                db, id: id, kind: "rescheduled", at: now, actor: actor,
                before: old?.arrival ?? current["preferred_time"],
                after: reservation.arrival, note: form.note?.trimmed().nilIfEmpty)
            try Audit.record(
                db, at: now, actor: actor, entity: "appointment", id: number, action: "reschedule",
                before: old.map(Self.auditFields).map { $0.merging(["state": state.rawValue]) { $1 } },
                after: Self.auditFields(reservation).merging(["state": AppointmentState.booked.rawValue]) { $1 })
            try Self.queueAppointmentMessage(
                db, id: id, number: number, kind: "confirm-\(eventID)", arrival: reservation.arrival,
                settings: settings, now: now)
        }
        return try appointment(number)
    }

    /// Cancels a booked or requested appointment with the customer's reason: its slot is free again.
    public func cancelAppointment(_ number: String, reason: String, actor: String) throws -> AppointmentCard {
        guard let why = reason.trimmed().nilIfEmpty else {
            throw InvalidInput(field: "reason", "say why the appointment is cancelled")
        }
        try closeAppointment(number, to: .cancelled, note: why, actor: actor)
        return try appointment(number)
    }

    /// Rule A-3: the customer did not come. The slot is released, the no-show counted for the customer, and a call
    /// task raised for customer service (`task list`) to ask why and book again.
    public func recordNoShow(_ number: String, note: String?, actor: String) throws -> AppointmentCard {
        try closeAppointment(number, to: .noShow, note: note?.trimmed().nilIfEmpty, actor: actor)
        return try appointment(number)
    }

    private func closeAppointment(_ number: String, to state: AppointmentState, note: String?, actor: String) throws {
        try writer.write { db in
            let now = clock.now()
            let row = try Self.appointmentRow(db, number)
            let current = AppointmentState(rawValue: row["state"]) ?? .cancelled
            let allowed: Set<AppointmentState> = state == .noShow ? [.booked] : [.booked, .requested]
            guard allowed.contains(current) else {
                throw Conflict(field: "number", "\(number) is \(current.spoken); it cannot become \(state.spoken)")
            }
            if state == .noShow {
                let arrival: Date = row["arrival"]
                guard arrival <= now else {
                    let zone = try Self.settings(db).timeZone
                    throw Conflict(
                        field: "number",
                        "\(number) is expected at \(Instant.localString(arrival, in: zone)); "
                            + "a no-show is recorded after that")
                }
            }
            let id: Int64 = row["id"]
            try db.execute(sql: "UPDATE appointment SET state = ? WHERE id = ?", arguments: [state.rawValue, id])
            try Self.appointmentEvent(
                db, id: id, kind: state.rawValue, at: now, actor: actor, before: row["arrival"], after: nil, note: note)
            try Audit.record(
                db, at: now, actor: actor, entity: "appointment", id: number, action: state.rawValue,
                before: ["state": current.rawValue], after: ["state": state.rawValue, "note": note])
            try Self.cancelQueuedAppointmentMessages(db, number: number)
            if state == .noShow {
                let vehicle = Vehicle.ID(row["vehicle_id"] as Int64)
                let sequence =
                    (try Int.fetchOne(
                        db, sql: "SELECT max(sequence) FROM care_task WHERE vehicle_id = ? AND kind = ?",
                        arguments: [vehicle.rawValue, CareTask.Kind.noShowCall.rawValue]) ?? 0) + 1
                let zone = try Self.settings(db).timeZone
                let plan = PlannedTask(
                    kind: .noShowCall, sequence: sequence, dueOn: LocalDate(instant: now, in: zone),
                    note: "\(number) " + Instant.localString(row["arrival"], in: zone))
                _ = try Self.insertTask(
                    db, plan, customer: Customer.ID(row["customer_id"] as Int64), vehicle: vehicle, assignee: nil,
                    at: now, actor: actor)
            }
        }
    }

    /// One appointment with its history and the customer's no-shows.
    public func appointment(_ number: String) throws -> AppointmentCard {
        try writer.read { db in
            let row = try Self.appointmentRow(db, number)
            let id: Int64 = row["id"]
            let history = try Row.fetchAll(
                db, sql: "SELECT * FROM appointment_event WHERE appointment_id = ? ORDER BY id", arguments: [id]
            ).map {
                AppointmentCard.Event(
                    kind: $0["kind"], at: $0["at"], actor: $0["actor"], arrivalBefore: $0["arrival_before"],
                    arrivalAfter: $0["arrival_after"], note: $0["note"])
            }
            let noShows =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM appointment WHERE customer_id = ? AND state = 'no-show'",
                    arguments: [row["customer_id"] as Int64]) ?? 0
            return AppointmentCard(
                appointment: try Self.appointment(db, row), customer: row["customer_name"], plate: row["plate"],
                history: history, noShows: noShows, contact: row["contact_id"])
        }
    }

    /// Appointments by arrival (requests by their preferred time), filtered by day, advisor, state or customer.
    public func appointments(_ filter: AppointmentFilter) throws -> [AppointmentCard] {
        try writer.read { db in
            let (whereClause, arguments) = try Self.appointmentConditions(db, filter)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.*, c.name AS customer_name, v.plate FROM appointment a
                    JOIN customer c ON c.id = a.customer_id JOIN vehicle v ON v.id = a.vehicle_id
                    \(whereClause)
                    ORDER BY coalesce(a.arrival, a.preferred_time), a.id LIMIT ? OFFSET ?
                    """, arguments: arguments + [filter.limit, filter.offset])
            return try rows.map { row in
                AppointmentCard(
                    appointment: try Self.appointment(db, row), customer: row["customer_name"], plate: row["plate"],
                    history: [], noShows: 0, contact: row["contact_id"])
            }
        }
    }

    /// How many appointments `filter` matches, whatever its limit and offset (a page's total).
    public func appointmentCount(_ filter: AppointmentFilter) throws -> Int {
        try writer.read { db in
            let (whereClause, arguments) = try Self.appointmentConditions(db, filter)
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM appointment a \(whereClause)", arguments: arguments)
                ?? 0
        }
    }

    /// The WHERE clause of `filter` over `appointment a`, with its arguments.
    private static func appointmentConditions(
        _ db: Database, _ filter: AppointmentFilter
    ) throws -> (String, StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let day = filter.day {
            let zone = try settings(db).timeZone
            conditions.append(
                "coalesce(a.arrival, a.preferred_time) >= ? AND coalesce(a.arrival, a.preferred_time) < ?")
            arguments += [day.startInstant(in: zone), day.adding(days: 1).startInstant(in: zone)]
        }
        if let advisor = filter.advisor {
            conditions.append("a.advisor = ?")
            arguments += [advisor]
        }
        if let state = filter.state {
            conditions.append("a.state = ?")
            arguments += [state.rawValue]
        }
        if let customer = filter.customerID {
            conditions.append("a.customer_id = ?")
            arguments += [customer]
        }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), arguments)
    }

    /// Rule A-3: queues the reminders of the appointments booked for `day` (default tomorrow), one per appointment
    /// and arrival, so running it again queues nothing twice; a rescheduled appointment gets a new one. Returns how
    /// many were queued.
    public func queueAppointmentReminders(day: LocalDate?, actor: String) throws -> Int {
        try writer.write { db in
            let now = clock.now()
            let settings = try Self.settings(db)
            let target = day ?? LocalDate(instant: now, in: settings.timeZone).adding(days: 1)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, number, arrival FROM appointment WHERE state = 'booked' AND arrival >= ? AND arrival < ?
                    ORDER BY arrival, id
                    """,
                arguments: [
                    target.startInstant(in: settings.timeZone),
                    target.adding(days: 1).startInstant(in: settings.timeZone),
                ])
            var queued = 0
            for row in rows {
                let arrival: Date = row["arrival"]
                if try Self.queueAppointmentMessage(
                    db, id: row["id"], number: row["number"], kind: "remind-" + Instant.utcString(arrival),
                    arrival: arrival, settings: settings, now: now)
                {
                    queued += 1
                }
            }
            if queued > 0 {
                try Audit.record(
                    db, at: now, actor: actor, entity: "appointment_reminders", id: target.description,
                    action: "run", after: ["queued": String(queued)])
            }
            return queued
        }
    }
}

// MARK: - Steps shared by the use cases

extension AppDatabase {
    /// The work of a booking (Q-1): each catalogue operation for the vehicle's model (else its make) with its standard
    /// hours, its skill (`operation_skill`, default general) and its menu price (`menuQuote`: labour at the labour
    /// rate plus the menu's parts at today's prices, the lines check-in puts on the repair order); free work with its
    /// estimate at the labour rate.
    package static func appointmentWork(
        _ db: Database, vehicle: Vehicle, form: AppointmentForm, settings: DealerSettings, now: Date
    ) throws -> BookingWork {
        let day = LocalDate(instant: now, in: settings.timeZone)
        let skills = try operationSkills(db)
        var jobs: [BookedJob] = []
        for code in form.operationCodes {
            guard let operation = try labourOperation(db, code: code, make: vehicle.make, model: vehicle.model)
            else {
                throw UnknownRecord(
                    field: AppointmentForm.Field.jobs.rawValue,
                    "labour operation \(code) is not in the catalogue for \(vehicle.make) \(vehicle.model) (Q-1)")
            }
            jobs.append(
                BookedJob(
                    operation: code, description: operation.description, centihours: operation.centihours,
                    skill: skills[code] ?? .general,
                    price: try menuQuote(
                        db, operation: code, vehicle: vehicle, on: day, labourRate: settings.labourRate,
                        field: AppointmentForm.Field.jobs.rawValue
                    ).price))
        }
        if let centihours = try form.freeWorkCentihours(), let description = form.description?.trimmed() {
            let estimate = LabourOperation(
                code: "-", make: vehicle.make, centihours: centihours, description: description)
            jobs.append(
                BookedJob(
                    operation: nil, description: description, centihours: centihours, skill: .general,
                    price: estimate.price(labourRate: settings.labourRate)))
        }
        return try BookingWork(jobs: jobs)
    }

    /// The slot finder over the capacity and the bookings that hold it from `from` for `days` days.
    package static func slotFinder(
        _ db: Database, from: Date, days: Int, settings: DealerSettings, excluding: Int64?
    ) throws -> SlotFinder {
        let first = LocalDate(instant: from, in: settings.timeZone)
        return SlotFinder(
            capacity: try workshopCapacity(db, leaveFrom: first),
            reservations: try heldReservations(db, first: first, days: days, settings: settings, excluding: excluding),
            zone: settings.timeZone, arrivalsPerAdvisor: settings.arrivalsPerAdvisor)
    }

    /// The bookings that hold capacity over days `first ..< first + days` (checked-in appointments keep their bay and
    /// technician until their booked end: the car is in the workshop). A booking's work lies within one day, so the
    /// bound on its start (two days before the window) only lets `appointment_held` read a range; the overlap test
    /// decides.
    /// Read from the covering index `appointment_held`; the times come as whole seconds since 1970 (as stored:
    /// quarter-hours), which SQLite converts far faster than a `Date` is decoded from text.
    package static let heldSQL = """
        SELECT CAST(strftime('%s', arrival) AS INTEGER), advisor, bay, technician, \
        CAST(strftime('%s', work_start) AS INTEGER), CAST(strftime('%s', work_end) AS INTEGER) FROM appointment
        WHERE state IN ('booked', 'checked-in') AND work_start >= ? AND work_start < ? AND work_end > ? AND id != ?
        """

    static func heldReservations(
        _ db: Database, first: LocalDate, days: Int, settings: DealerSettings, excluding: Int64?
    ) throws -> [Reservation] {
        let zone = settings.timeZone
        let start = first.startInstant(in: zone)
        let cursor = try Row.fetchCursor(
            db.cachedStatement(sql: heldSQL),
            arguments: [
                first.adding(days: -2).startInstant(in: zone), first.adding(days: days).startInstant(in: zone), start,
                excluding ?? 0,
            ])
        var held: [Reservation] = []
        while let row = try cursor.next() {
            guard let arrival = row[0] as Int64?, let advisor = row[1] as String?, let bay = row[2] as String?,
                let technician = row[3] as String?, let workStart = row[4] as Int64?, let workEnd = row[5] as Int64?
            else { continue }
            held.append(
                Reservation(
                    arrival: Date(timeIntervalSince1970: Double(arrival)), advisor: advisor, bay: bay,
                    technician: technician, workStart: Date(timeIntervalSince1970: Double(workStart)),
                    workEnd: Date(timeIntervalSince1970: Double(workEnd))))
        }
        return held
    }

    package static func offeredSlots(
        _ db: Database, work: BookingWork, earliest: Date, advisor: String?, usual: String?,
        channel: AppointmentChannel, settings: DealerSettings, excluding: Int64?
    ) throws -> [Reservation] {
        let days = settings.integer(.appointmentHorizonDays)
        if let advisor,
            try Bool.fetchOne(db, sql: "SELECT 1 FROM service_advisor WHERE name = ?", arguments: [advisor])
                != true
        {
            throw UnknownRecord(
                field: AppointmentForm.Field.advisor.rawValue,
                "no service advisor \"\(advisor)\"; `aftersales capacity show` lists them")
        }
        let capacity = try workshopCapacity(db, leaveFrom: LocalDate(instant: earliest, in: settings.timeZone))
        return try SlotFinder.offers(
            slotRequest(
                work: work, earliest: earliest, advisor: advisor, usual: usual, channel: channel,
                settings: settings),
            capacity: capacity, zone: settings.timeZone, arrivalsPerAdvisor: settings.arrivalsPerAdvisor
        ) { first, days in
            try heldReservations(db, first: first, days: days, settings: settings, excluding: excluding)
        }
    }

    /// The offers of one work from a slot finder already loaded (`slotFinder`), so several questions over the same
    /// capacity and reservations (a page of dealer calls) read them once.
    package static func offeredSlots(
        _ finder: SlotFinder, work: BookingWork, earliest: Date, advisor: String?, usual: String?,
        channel: AppointmentChannel, settings: DealerSettings
    ) -> [Reservation] {
        finder.offers(
            slotRequest(
                work: work, earliest: earliest, advisor: advisor, usual: usual, channel: channel, settings: settings))
    }

    /// What an offer asks the slot finder, with the dealer's settings (A-2).
    static func slotRequest(
        work: BookingWork, earliest: Date, advisor: String?, usual: String?, channel: AppointmentChannel,
        settings: DealerSettings
    ) -> SlotRequest {
        SlotRequest(
            work: work, earliest: earliest, advisor: advisor, usualAdvisor: usual,
            quietHoursFirst: channel == .dealerCall, count: settings.integer(.appointmentOffers),
            horizonDays: settings.integer(.appointmentHorizonDays),
            minimumGapHours: settings.integer(.appointmentMinimumGapHours))
    }

    /// The slot at the form's arrival, re-checked against what is held now; `SlotTaken` with fresh offers when the
    /// capacity is gone.
    static func takeSlot(
        _ db: Database, arrival text: String, form: AppointmentForm, work: BookingWork, customer: Int64,
        settings: DealerSettings, now: Date, excluding: Int64?
    ) throws -> Reservation {
        let field = AppointmentForm.Field.arrival.rawValue
        let arrival = try Instant.parse(text, field: field, timeZone: settings.timeZone)
        guard arrival >= now else {
            throw InvalidInput(field: field, "\(Instant.localString(arrival, in: settings.timeZone)) has passed")
        }
        let usual = try usualAdvisor(db, customer: customer)
        let finder = try slotFinder(db, from: arrival, days: 1, settings: settings, excluding: excluding)
        let zone = settings.timeZone
        let day = LocalDate(instant: arrival, in: zone)
        guard Int(arrival.timeIntervalSince(day.startInstant(in: zone))) % 900 == 0 else {
            throw InvalidInput(field: field, "slots start on the quarter-hour (09:00, 09:15 …)")
        }
        if let found = finder.fit(
            arrival: arrival, work: work, advisor: form.advisor, bay: form.bay, technician: form.technician,
            usualAdvisor: usual)
        {
            return found
        }
        let fresh = try offeredSlots(
            db, work: work, earliest: now, advisor: nil, usual: usual, channel: form.channel, settings: settings,
            excluding: excluding)
        throw SlotTaken(
            field: field, offers: fresh,
            offered: fresh.map { "\(Instant.localString($0.arrival, in: zone)) \($0.advisor)" })
    }

    package static let usualAdvisorSQL =
        "SELECT advisor FROM work_order WHERE customer_id = ? ORDER BY arrived_at DESC, id DESC LIMIT 1"

    /// The advisor of the customer's last repair order, if any.
    static func usualAdvisor(_ db: Database, customer: Int64) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: usualAdvisorSQL),
            arguments: [customer])
    }

    static func campaign(_ db: Database, named name: String) throws -> (id: Int64, name: String) {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, name FROM campaign WHERE name = ?", arguments: [name.trimmed()])
        else {
            throw UnknownRecord(
                field: AppointmentForm.Field.campaign.rawValue,
                "no campaign \"\(name)\"; `aftersales campaign list` lists them")
        }
        return (row["id"], row["name"])
    }

    static func appointmentRow(_ db: Database, _ number: String) throws -> Row {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT a.*, c.name AS customer_name, v.plate FROM appointment a
                    JOIN customer c ON c.id = a.customer_id JOIN vehicle v ON v.id = a.vehicle_id WHERE a.number = ?
                    """, arguments: [number.trimmed().uppercased()])
        else { throw NotFound("appointment", number, field: "number") }
        return row
    }

    static func reservation(_ row: Row) -> Reservation? {
        guard let arrival: Date = row["arrival"], let advisor: String = row["advisor"], let bay: String = row["bay"],
            let technician: String = row["technician"], let start: Date = row["work_start"],
            let end: Date = row["work_end"]
        else { return nil }
        return Reservation(
            arrival: arrival, advisor: advisor, bay: bay, technician: technician, workStart: start, workEnd: end)
    }

    static func bookedJobs(_ db: Database, id: Int64) throws -> [BookedJob] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM appointment_job WHERE appointment_id = ? ORDER BY position"),
            arguments: [id]
        ).map {
            BookedJob(
                operation: $0["operation"], description: $0["description"], centihours: $0["centihours"],
                skill: Skill(rawValue: $0["skill"]) ?? .general, price: Money(fen: $0["price_fen"]))
        }
    }

    static func appointment(_ db: Database, _ row: Row) throws -> Appointment {
        Appointment(
            number: row["number"], customerID: row["customer_id"], vehicleID: row["vehicle_id"], vin: row["vin"],
            channel: AppointmentChannel(rawValue: row["channel"]) ?? .phone,
            state: AppointmentState(rawValue: row["state"]) ?? .requested, jobs: try bookedJobs(db, id: row["id"]),
            note: row["note"], reservation: reservation(row), preferredTime: row["preferred_time"],
            campaignID: row["campaign_id"], workOrder: row["work_order"], createdAt: row["created_at"],
            createdBy: row["created_by"])
    }

    @discardableResult
    static func appointmentEvent(
        _ db: Database, id: Int64, kind: String, at: Date, actor: String, before: Date? = nil, after: Date?,
        note: String?
    ) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO appointment_event (appointment_id, kind, at, actor, arrival_before, arrival_after, note)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, kind, at, actor, before, after, note])
        return db.lastInsertedRowID
    }

    static func auditFields(_ reservation: Reservation) -> [String: String?] {
        [
            "arrival": Instant.databaseString(reservation.arrival), "advisor": reservation.advisor,
            "bay": reservation.bay, "technician": reservation.technician,
            "work_end": Instant.databaseString(reservation.workEnd),
        ]
    }

    /// Rules A-3 and M-3: the confirmation or reminder of an appointment, a service message (no opt-in needed, an
    /// opt-out honoured): by the reminder channel, else the other of SMS and e-mail, the first the judge lets go.
    /// Keyed by appointment and `kind`, so it is queued once. Answers whether one was queued now.
    @discardableResult
    static func queueAppointmentMessage(
        _ db: Database, id: Int64, number: String, kind: String, arrival: Date, settings: DealerSettings, now: Date
    ) throws -> Bool {
        let key = "appointment:\(number):\(kind)"
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM outbox WHERE source_key = ? AND state != 'suppressed'", arguments: [key]) == true
        {
            return false
        }
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.id, c.name, c.email, \(ContactDetails.mobileCandidateSQL(customer: "c.id")) AS mobile, \
                    v.plate, v.vin, a.advisor FROM appointment a JOIN customer c ON c.id = a.customer_id \
                    JOIN vehicle v ON v.id = a.vehicle_id WHERE a.id = ?
                    """, arguments: [id])
        else { return false }
        let customer: Int64 = row["id"]
        let name: String = row["name"]
        let mobile = try ContactDetails.mobileNumber(db, candidate: row["mobile"], customer: customer)
        let consent = Dictionary(
            try Row.fetchAll(
                db, sql: "SELECT channel, status FROM consent WHERE customer_id = ?", arguments: [customer]
            ).map { (($0["channel"] as String), ConsentStatus(rawValue: $0["status"])) }, uniquingKeysWith: { $1 })
        let dealer = settings.text(.dealerName)
        let vehicle = (row["plate"] as String?)?.nilIfEmpty ?? (row["vin"] as String)
        let time = Instant.localString(arrival, in: settings.timeZone)
        let advisor: String = row["advisor"] ?? ""
        let reminding = kind.hasPrefix("remind")
        let body =
            reminding
            ? "尊敬的\(name)：提醒您，您的爱车（\(vehicle)）预约于\(time)到店保养维修（预约号 \(number)，"
                + "服务顾问\(advisor)）。请准时到店；如需改期请致电我们。\(dealer)"
            : "尊敬的\(name)：您的爱车（\(vehicle)）已预约\(time)到店（预约号 \(number)，服务顾问\(advisor)）。"
                + "如需改期或取消请致电我们。\(dealer)"
        let subject = reminding ? "预约提醒" : "预约确认"
        let preferred = MessageChannel(rawValue: settings.text(.reminderChannel)) ?? .sms
        let channels = [preferred] + [MessageChannel.sms, .email].filter { $0 != preferred }
        let outbox = try OutboxWriter(db, now: now)
        for channel in channels where channel == .sms || channel == .email {
            let recipient = channel == .sms ? mobile : (row["email"] as String?)?.trimmed().nilIfEmpty
            let message = MessageJudge.Message(
                channel: channel, category: .service, consent: consent[channel.rawValue] ?? nil, recipient: recipient)
            if case .queue(let text, let subject, _) = MessageJudge.judge(
                message, cap: FrequencyCap(settings: settings),
                render: { .ready(body: body, subject: subject, degraded: []) })
            {
                try outbox.write(
                    db, customer: customer, campaign: nil, source: .appointment, key: key, channel: channel,
                    category: .service, recipient: recipient, name: name, subject: subject, body: text,
                    state: .queued, reason: nil)
                return true
            }
        }
        return false
    }

    /// A cancelled or missed appointment's queued messages are not sent.
    static func cancelQueuedAppointmentMessages(_ db: Database, number: String) throws {
        try db.execute(
            sql: """
                UPDATE outbox SET state = 'cancelled', reason = 'appointment closed' \
                WHERE source = 'appointment' AND state = 'queued' AND source_key LIKE ?
                """, arguments: ["appointment:\(number):%"])
    }
}
