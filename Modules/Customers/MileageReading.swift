import Core
import Foundation

/// An odometer reading of a vehicle (C-6).
public struct MileageReading: Sendable, Codable, Equatable {
    public var vehicleID: Vehicle.ID
    public var kilometres: Int
    public var readAt: Date
    /// Where the figure came from: service visit, phone call, import...
    public var source: String
    /// The odometer was replaced, so this reading may be lower than earlier ones.
    public var odometerReplaced: Bool

    public init(vehicleID: Vehicle.ID, kilometres: Int, readAt: Date, source: String, odometerReplaced: Bool = false) {
        self.vehicleID = vehicleID
        self.kilometres = kilometres
        self.readAt = readAt
        self.source = source
        self.odometerReplaced = odometerReplaced
    }

    /// What an odometer can show: every kilometre figure the product takes (a reading, a visit, a claim's or a
    /// warranty check's mileage) is within it, as the API description's `maximum` says.
    public static let plausibleKilometres = 0...3_000_000

    /// Throws `InvalidInput` naming `field` for a figure outside `plausibleKilometres`.
    public static func checkPlausible(_ kilometres: Int, field: String) throws {
        guard plausibleKilometres.contains(kilometres) else {
            throw InvalidInput(field: field, "\(kilometres) is not a plausible odometer reading (0 to 3,000,000)")
        }
    }

    /// A new reading must not be lower than any earlier reading, nor higher than a later one,
    /// unless an odometer replacement lies between them (C-6). Throws `Conflict` naming the reading it contradicts.
    public static func check(_ reading: MileageReading, against existing: [MileageReading], timeZone: TimeZone) throws {
        try checkPlausible(reading.kilometres, field: "kilometres")
        let sorted = existing.sorted { $0.readAt < $1.readAt }
        if let previous = sorted.last(where: { $0.readAt <= reading.readAt }), !reading.odometerReplaced,
            reading.kilometres < previous.kilometres,
            !sorted.contains(where: {
                $0.odometerReplaced && $0.readAt > previous.readAt && $0.readAt <= reading.readAt
            })
        {
            throw Conflict(
                field: "kilometres",
                "\(Grouping.thousands(reading.kilometres)) km is lower than the reading of "
                    + "\(Grouping.thousands(previous.kilometres)) km on "
                    + "\(Instant.localString(previous.readAt, in: timeZone)); mark it as an odometer replacement if "
                    + "the odometer was changed"
            )
        }
        if let next = sorted.first(where: { $0.readAt > reading.readAt }), !next.odometerReplaced,
            reading.kilometres > next.kilometres
        {
            throw Conflict(
                field: "kilometres",
                "\(Grouping.thousands(reading.kilometres)) km is higher than the later reading of "
                    + "\(Grouping.thousands(next.kilometres)) km on \(Instant.localString(next.readAt, in: timeZone))"
            )
        }
    }
}
