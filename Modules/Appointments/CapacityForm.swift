import Core

/// The workshop's capacity as text, the way the CLI's options and the API's JSON give it (issue 18, A-2): bay codes
/// and kinds, skills, shifts per weekday, leave, arrivals per 15 minutes. Both front ends read them here, so they
/// accept and refuse the same input with the same words; errors name a `Field`, which each front end names as its
/// caller wrote it.
public enum CapacityForm {
    /// The fields, by the names their errors give.
    public enum Field: String, FormField, CaseIterable {
        case code, name, kind, skills, skill, shifts, from, to, reason, arrivals, leave, operation
    }

    /// The most booked arrivals one advisor receives in 15 minutes, set per advisor or as the setting.
    public static let arrivals = 1...20
    /// The longest a bay's code is (`B01`, `快修1`).
    public static let codeLength = 16
    /// The longest one leave runs, in days.
    public static let longestLeave = 366
    /// The longest a leave's reason is.
    public static let reasonLength = 200

    /// A bay's code: trimmed, 1 to 16 characters, no spaces or slashes (it goes in a URL).
    public static func bayCode(_ text: String) throws -> String {
        let code = text.trimmed()
        guard !code.isEmpty, code.count <= codeLength,
            !code.unicodeScalars.contains(where: {
                $0.properties.isWhitespace || "/?#%".unicodeScalars.contains($0) || $0.value < 0x20 || $0.value == 0x7F
            })
        else {
            throw InvalidInput(
                field: Field.code.rawValue,
                "expected a bay code of 1 to \(codeLength) characters without spaces, such as B07, got \"\(code)\"")
        }
        return code
    }

    /// A staff member's name as given: trimmed, not empty.
    public static func name(_ text: String) throws -> String {
        let name = text.trimmed()
        guard !name.isEmpty else { throw InvalidInput(field: Field.name.rawValue, "is required (a staff member)") }
        return name
    }

    /// A bay kind: `general`, `quick-service`, `alignment`, `body` (any case).
    public static func kind(_ text: String) throws -> BayKind {
        guard let kind = BayKind(rawValue: text.trimmed().lowercased()) else {
            throw InvalidInput(
                field: Field.kind.rawValue,
                "expected one of \(BayKind.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
        }
        return kind
    }

    /// One skill (`general`, `quick-service`, `alignment`, `body`, `electrical`, `high-voltage`), any case.
    public static func skill(_ text: String, field: Field = .skill) throws -> Skill {
        guard let skill = Skill(rawValue: text.trimmed().lowercased()) else {
            throw InvalidInput(
                field: field.rawValue,
                "expected one of \(Skill.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(text)\"")
        }
        return skill
    }

    /// Skills as a list (`general,electrical`); at least one.
    public static func skills(_ texts: [String]) throws -> Set<Skill> {
        let words = texts.flatMap { $0.split(separator: ",") }.map { String($0).trimmed() }.filter { !$0.isEmpty }
        guard !words.isEmpty else {
            throw InvalidInput(field: Field.skills.rawValue, "name at least one skill, such as general")
        }
        return Set(try words.map { try skill($0, field: .skills) })
    }

    /// Shifts written `DAYS=HH:MM-HH:MM`, DAYS a weekday (`mon`, `周一`), a range (`mon-fri`) or a list
    /// (`sat,sun`): the hours per weekday. A weekday given twice is refused.
    public static func shifts(_ specs: [String]) throws -> [Weekday: BusinessHours] {
        var shifts: [Weekday: BusinessHours] = [:]
        for spec in specs {
            let parts = spec.split(separator: "=", maxSplits: 1).map { String($0).trimmed() }
            guard parts.count == 2, let days = weekdays(parts[0]) else {
                throw InvalidInput(
                    field: Field.shifts.rawValue,
                    "expected DAYS=HH:MM-HH:MM such as mon-fri=08:30-17:30 or sat=09:00-15:00, got \"\(spec)\"")
            }
            for day in days {
                guard shifts[day] == nil else {
                    throw InvalidInput(field: Field.shifts.rawValue, "\(day.spoken) is given twice")
                }
                shifts[day] = try hours(parts[1])
            }
        }
        return shifts
    }

    /// Shifts as the API gives them: weekday names (`monday`) to `HH:MM-HH:MM`, written exactly so (an interface).
    public static func shifts(weekly: [String: String]) throws -> [Weekday: BusinessHours] {
        var shifts: [Weekday: BusinessHours] = [:]
        for (name, text) in weekly {
            guard let day = Weekday.allCases.first(where: { $0.description == name }) else {
                throw InvalidInput(field: Field.shifts.rawValue, "\"\(name)\" is not a weekday (monday to sunday)")
            }
            let shape = text.unicodeScalars.map { ("0"..."9").contains($0) ? "9" : String($0) }.joined()
            guard shape == "99:99-99:99" else { throw InvalidInput(field: Field.shifts.rawValue, badHours(text)) }
            shifts[day] = try hours(text)
        }
        return shifts
    }

    static func badHours(_ text: String) -> Phrase {
        "expected hours HH:MM-HH:MM, starting before ending, such as 08:30-17:30, got \"\(text)\""
    }

    static func hours(_ text: String) throws -> BusinessHours {
        guard let hours = BusinessHours(text) else { throw InvalidInput(field: Field.shifts.rawValue, badHours(text)) }
        return hours
    }

    /// `mon`, `mon-fri` (a range may wrap: `sat-mon`), `sat,sun`; nil when a part is no weekday.
    static func weekdays(_ text: String) -> [Weekday]? {
        var days: [Weekday] = []
        for item in text.split(separator: ",").map({ String($0).trimmed() }) {
            let ends = item.split(separator: "-", maxSplits: 1).map { String($0) }
            guard let first = ends.first.flatMap(Weekday.init(parsing:)) else { return nil }
            guard ends.count == 2 else {
                days.append(first)
                continue
            }
            guard let last = Weekday(parsing: ends[1]) else { return nil }
            var day = first
            while true {
                days.append(day)
                if day == last { break }
                day = Weekday(rawValue: day.rawValue % 7 + 1)!
            }
        }
        return days.isEmpty ? nil : days
    }

    /// Arrivals per 15 minutes for one advisor: 1 to 20.
    public static func arrivals(_ value: Int) throws -> Int {
        guard arrivals.contains(value) else {
            throw InvalidInput(
                field: Field.arrivals.rawValue,
                "expected a whole number from \(arrivals.lowerBound) to \(arrivals.upperBound), got \"\(value)\"")
        }
        return value
    }

    /// A leave from `from` to `to`, both included, at most a year, with an optional reason.
    public static func leave(from: LocalDate, to: LocalDate, reason: String?) throws -> Leave {
        guard from <= to else {
            throw InvalidInput(field: Field.to.rawValue, "\(to) is before the first day \(from)")
        }
        guard from.days(until: to) < longestLeave else {
            throw InvalidInput(
                field: Field.to.rawValue, "a leave runs at most \(longestLeave) days; record it in parts")
        }
        let reason = reason?.trimmed().nilIfEmpty
        if let reason, reason.count > reasonLength {
            throw InvalidInput(field: Field.reason.rawValue, "is longer than \(reasonLength) characters")
        }
        return Leave(from: from, to: to, reason: reason)
    }

    /// A labour operation's code as the catalogue writes it (`01 10 00 00`): trimmed, inner spaces single.
    public static func operation(_ text: String) throws -> String {
        let code = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !code.isEmpty, code.count <= 40 else {
            throw InvalidInput(
                field: Field.operation.rawValue, "expected a labour operation code such as \"01 10 00 00\"")
        }
        return code
    }
}

/// The rules a capacity change must keep (A-2, T-3), given the values they need.
public enum CapacityRules {
    /// The roles whose members work on cars: technicians, and the shop foreman who also does.
    public static let technicianRoles: [Role] = [.technician, .shopForeman]
    /// The roles whose members receive customers: service advisors, and the service manager who stands in.
    public static let advisorRoles: [Role] = [.serviceAdvisor, .serviceManager]

    /// Rule A-2 with T-3: a shift lies within the store's opening hours of its weekday; a shift on a weekday the
    /// store is closed, or beyond its hours, is refused (not clipped: the foreman sees what was not taken).
    public static func checkShifts(_ shifts: [Weekday: BusinessHours], within store: OpeningHours) throws {
        for (day, hours) in shifts.sorted(by: { $0.key < $1.key }) {
            guard let open = store.weekly[day] else {
                throw Conflict(
                    field: CapacityForm.Field.shifts.rawValue,
                    "the store is closed on \(day.spoken) (`aftersales calendar hours`); no shift can be set that day")
            }
            guard open.opens <= hours.opens, hours.closes <= open.closes else {
                throw Conflict(
                    field: CapacityForm.Field.shifts.rawValue,
                    "the \(day.spoken) shift \(hours.description) is outside the store's hours "
                        + "\(open.description) (T-3); set it within them")
            }
        }
    }

    /// The staff member `name`, current on `day`, whose role is one of `roles`: a technician's or an advisor's
    /// capacity belongs to someone who does that work.
    public static func requireRole(
        _ name: String, _ roles: [Role], among staff: [StaffMember], on day: LocalDate
    ) throws {
        let member = try StaffMember.current(name, among: staff, on: day, field: CapacityForm.Field.name.rawValue)
        guard roles.contains(member.role) else {
            let allowed: Phrase =
                roles == technicianRoles ? "a technician or shop foreman" : "a service advisor or service manager"
            throw Conflict(
                field: CapacityForm.Field.name.rawValue,
                "\(name) is \(member.role.spoken), not \(allowed) (`aftersales staff list`)")
        }
    }
}

extension WorkshopCapacity {
    /// The hours `technician` works on `day`: their shift (none on a day off, on leave or when inactive), within
    /// the store's hours that day (a closed day or shorter hours clip it, T-3).
    public func workingHours(of technician: Technician, on day: LocalDate) -> BusinessHours? {
        guard let shift = technician.shift(on: day), let store = openingHours.hours(on: day) else { return nil }
        return BusinessHours(opens: max(shift.opens, store.opens), closes: min(shift.closes, store.closes))
    }

    /// The hours `advisor` receives on `day`: their shift that weekday, or every opening hour when they have none
    /// set, within the store's hours that day.
    public func receivingHours(of advisor: ServiceAdvisor, on day: LocalDate) -> BusinessHours? {
        guard advisor.active, let store = openingHours.hours(on: day) else { return nil }
        if advisor.shifts.isEmpty { return store }
        guard let shift = advisor.shifts[Weekday(day)] else { return nil }
        return BusinessHours(opens: max(shift.opens, store.opens), closes: min(shift.closes, store.closes))
    }
}

extension Leave {
    /// Whether the two leaves share a day.
    public func overlaps(_ other: Leave) -> Bool { from <= other.to && other.from <= to }
}
