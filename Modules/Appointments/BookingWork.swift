import Core

/// A booking's work as capacity sees it: its jobs, the time they take on the workshop's 15-minute
/// steps, the skills a technician needs and the bay kinds that can hold it. Jobs needing different skills go to
/// ONE technician who has all of them, on one bay of a kind every job can use (a car is in one place at a time);
/// jobs no single bay kind can hold (body work and an alignment) are booked as separate appointments.
public struct BookingWork: Sendable, Equatable {
    public let jobs: [BookedJob]
    public let skills: Set<Skill>
    /// Bay kinds every job can use, preferred first.
    public let bayKinds: [BayKind]
    /// The jobs' standard or estimated time, hundredths of an hour.
    public let centihours: Int
    /// The booked time rounded up to whole quarter-hours, in minutes (at least 15).
    public let minutes: Int

    public init(jobs: [BookedJob]) throws {
        guard !jobs.isEmpty else {
            throw InvalidInput(field: "jobs", "name at least one operation, or describe the work with its hours")
        }
        self.jobs = jobs
        skills = Set(jobs.map(\.skill))
        let first = jobs[0].skill.bayKinds
        let kinds = first.filter { kind in jobs.allSatisfy { $0.skill.bayKinds.contains(kind) } }
        guard !kinds.isEmpty else {
            let names = Phrase.joined(Skill.allCases.filter(skills.contains).map(\.spoken), separator: ", ")
            throw InvalidInput(
                field: "jobs", "no one bay can hold this work (\(names)); book these jobs as separate appointments")
        }
        bayKinds = kinds
        centihours = jobs.reduce(0) { $0 + $1.centihours }
        minutes = max(1, (centihours * 60 + 1_499) / 1_500) * 15
    }

    /// The expected price of the work (menu price, Q-1).
    public var price: Money { Money(fen: jobs.reduce(0) { $0 + $1.price.fen }) }
}
