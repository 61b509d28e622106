import Core

/// What an offer and a booking take (A-1, A-2), the same for the CLI and the API: the vehicle, the work (catalogue
/// operations, or a free description with its estimated hours), the channel, the earliest time and advisor asked
/// for; a booking adds the slot taken (an arrival, and the advisor, bay and technician offered, when known), or the
/// customer's preferred time when no slot suits (a request), a note and the campaign that led to it (M-4).
public struct AppointmentForm: Sendable, Equatable {
    public enum Field: String, FormField, CaseIterable {
        case vehicle, jobs, description, hours, channel, after, advisor, arrival, bay, technician, preferred, note
        case campaign
    }

    /// VIN, plate or VIN ending.
    public var vehicle: String?
    /// Labour operation codes of the catalogue (Q-1).
    public var jobs: [String] = []
    /// Free work, with `hours`.
    public var description: String?
    /// The estimate of the free work, hours (`1.5`).
    public var hours: String?
    public var channel: AppointmentChannel = .phone
    /// The earliest time to offer (default now).
    public var after: String?
    public var advisor: String?
    /// The slot's arrival, when booking one.
    public var arrival: String?
    public var bay: String?
    public var technician: String?
    /// The customer's preferred time, when no slot suits: recorded as a request (A-2).
    public var preferred: String?
    public var note: String?
    /// The campaign's name, when its message led to the booking (M-4).
    public var campaign: String?

    public init() {}

    /// The catalogue codes as typed, upper-cased, each once, in order; a comma list counts as several.
    public var operationCodes: [String] {
        var seen: Set<String> = []
        let codes: [String] = jobs.flatMap { $0.split(separator: ",").map { String($0).trimmed().uppercased() } }
        return codes.filter {
            !$0.isEmpty && seen.insert($0).inserted
        }
    }

    /// The free work's estimate in hundredths of an hour, or nil without a description; a description needs its
    /// hours (more than 0, at most 24, two decimals at most).
    public func freeWorkCentihours() throws -> Int? {
        let text = description?.trimmed() ?? ""
        guard !text.isEmpty else {
            if hours != nil { throw InvalidInput(field: Field.hours.rawValue, "describe the work the hours are for") }
            return nil
        }
        guard let hours = hours?.trimmed(), !hours.isEmpty else {
            throw InvalidInput(field: Field.hours.rawValue, "estimate the hours of the described work")
        }
        guard let centihours = Self.centihours(hours), centihours > 0, centihours <= 2_400 else {
            throw InvalidInput(
                field: Field.hours.rawValue, "expected hours above 0 and at most 24, such as 1.5; got \"\(hours)\"")
        }
        return centihours
    }

    /// Hours as `--hours` takes them (`1.5`), in hundredths, when above 0 and at most 24; nil otherwise.
    public static func centihoursIfValid(_ text: String) -> Int? {
        centihours(text.trimmed()).flatMap { (1...2_400).contains($0) ? $0 : nil }
    }

    /// `1.5` → 150; nil for anything but a number with at most two decimals.
    static func centihours(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0, parts[0].allSatisfy(\.isNumber)
        else { return nil }
        guard parts.count == 2 else { return whole * 100 }
        let fraction = parts[1]
        guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isNumber), let value = Int(fraction) else {
            return nil
        }
        return whole * 100 + (fraction.count == 1 ? value * 10 : value)
    }

    /// Checks what needs no database: some work named, and a booking holds either a slot or a preferred time.
    public func validated(booking: Bool) throws -> AppointmentForm {
        guard vehicle?.trimmed().isEmpty == false else {
            throw InvalidInput(field: Field.vehicle.rawValue, "name the vehicle: VIN, plate or VIN ending")
        }
        _ = try freeWorkCentihours()
        guard !operationCodes.isEmpty || description?.trimmed().isEmpty == false else {
            throw InvalidInput(
                field: Field.jobs.rawValue, "name at least one operation, or describe the work with its hours")
        }
        if booking {
            if arrival != nil, preferred != nil {
                throw InvalidInput(
                    field: Field.preferred.rawValue,
                    "give a slot's arrival or the customer's preferred time, not both")
            }
            if arrival == nil, preferred == nil {
                throw InvalidInput(
                    field: Field.arrival.rawValue,
                    "give an offered slot's arrival, or the customer's preferred time when none suits (A-2)")
            }
        }
        return self
    }
}

/// A booking's slot is no longer free (A-2): another booking took the capacity first. The error carries fresh
/// offers, so the caller can propose them straight away (CLI exit 1, HTTP 409).
public struct SlotTaken: AfterSalesError {
    public let field: String?
    public let offers: [Reservation]
    /// The offers as people read them, in the dealer's zone.
    public let offered: [String]

    public init(field: String?, offers: [Reservation], offered: [String]) {
        self.field = field
        self.offers = offers
        self.offered = offered
    }

    public var kind: ErrorKind { .conflict }
    public var phrase: Phrase {
        offered.isEmpty
            ? "that slot was just taken and nothing else is free; record the customer's preferred time instead"
            : "that slot was just taken; free now: \(offered.joined(separator: "; "))"
    }
}
