import Foundation
import Testing

@testable import Core

@Suite("Shared values")
struct ValueTests {
    @Test("VIN: trimmed and upper-cased; 17 characters without I, O, Q (MANUFACTURER-XML.md)")
    func vinValidation() throws {
        #expect(try VIN(validating: "  lfv2a21k3n3000123 ").value == "LFV2A21K3N3000123")
        #expect(throws: VIN.Problem.length(16)) { try VIN(validating: "LFV2A21K3N300012") }
        #expect(throws: VIN.Problem.character("O", position: 11)) { try VIN(validating: "LFV2A21K3NO000123") }
        #expect(throws: VIN.Problem.character("I", position: 1)) { try VIN(validating: "IFV2A21K3N3000123") }
        #expect(throws: VIN.Problem.character("Q", position: 17)) { try VIN(validating: "LFV2A21K3N300012Q") }
    }

    @Test("VIN: a wrong check digit is a warning, never an error")
    func checkDigit() throws {
        #expect(try VIN(validating: "1M8GDM9AXKP042788").hasValidCheckDigit)
        #expect(try VIN(validating: "LFV2A21K3N3000123").hasValidCheckDigit)
        let wrong = try VIN(validating: "LFV2A21K1N3000123")
        #expect(!wrong.hasValidCheckDigit)
        #expect(wrong.checkDigitWarning?.contains("should be 3") == true)
    }

    @Test("VIN: kept inline, it sorts, compares and hashes as its text does; from bytes as from text")
    func vinAsText() throws {
        let texts = [
            "LFV2A21K3N3000123", "LFV2A21K3N3000124", "1M8GDM9AXKP042788", "LSVAB2180N2123456", "LFV2A21K3N2999999",
            "ZZZZZZZZZZZZZZZZZ", "00000000000000000",
        ]
        let vins = try texts.map { try VIN(validating: $0) }
        #expect(vins.sorted().map(\.value) == texts.sorted())
        #expect(Set(vins + vins).count == texts.count)
        #expect(try VIN(validating: "lfv2a21k3n3000123") == vins[0] && vins[0] != vins[1])
        let fromBytes = try Array(" lfv2a21k3n3000123\n".utf8).withUnsafeBufferPointer { try VIN(utf8: $0) }
        #expect(
            fromBytes == vins[0] && fromBytes.hashValue == vins[0].hashValue
                && fromBytes.description == "LFV2A21K3N3000123")
        #expect(throws: VIN.Problem.character("O", position: 11)) {
            try Array("LFV2A21K3NO000123".utf8).withUnsafeBufferPointer { try VIN(utf8: $0) }
        }
        // A trusted text of another length (a test's odd value) keeps its text; a shorter one sorts first.
        #expect(VIN(trusted: #"ODD"ONE\"#).value == #"ODD"ONE\"# && VIN(trusted: "LFV") < vins[0])
    }

    @Test("SHA-256 matches the FIPS 180-4 test vectors, in one piece and in chunks")
    func sha256() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var hasher = SHA256.Hasher()
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        for start in stride(from: 0, to: million.count, by: 77_777) {
            hasher.update(Array(million[start..<min(start + 77_777, million.count)]))
        }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Pieces smaller than a block, exactly a block and across blocks, as a streaming reader hands them over.
        var pieces = SHA256.Hasher()
        var start = 0
        var size = 1
        while start < million.count {
            let end = min(start + size, million.count)
            million[start..<end].withUnsafeBytes { pieces.update($0) }
            start = end
            size = [1, 63, 64, 65, 130, 4_095, 7][size % 7]
        }
        #expect(pieces.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("JSON input nested deeper than the limit is refused up front; brackets inside strings do not count")
    func jsonDepth() throws {
        struct Body: Decodable { var name: String }
        let limit = JSONFormat.maximumDepth
        #expect(try JSONFormat.decode(Body.self, from: Data(#"{"name":"[[[{{{\"]]"}"#.utf8)).name == #"[[[{{{"]]"#)
        for depth in [limit + 1, 100_000] {
            let text =
                #"{"name":"x","extra":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
                + "}"
            let error = #expect(throws: InvalidInput.self) { try JSONFormat.decode(Body.self, from: Data(text.utf8)) }
            #expect(error?.reason.contains("more than \(limit) deep") == true)
        }
    }

    @Test(
        "C-8, C-10: work recorded on someone else's behalf names a current staff member; the actor may always name themself"
    )
    func staffRule() throws {
        let staff = [
            StaffMember(name: "张伟", role: .salesConsultant),
            StaffMember(name: "王丽", role: .serviceAdvisor, leftOn: LocalDate("2026-10-01")),
        ]
        let day = LocalDate("2026-12-05")!
        try StaffMember.requireCurrent("张伟", actor: "root", among: staff, on: day, field: "staff")
        try StaffMember.requireCurrent("root", actor: "root", among: staff, on: day, field: "staff")
        try StaffMember.requireCurrent("王丽", actor: "root", among: staff, on: LocalDate("2026-09-30")!, field: "staff")
        let stranger = #expect(throws: Conflict.self) {
            try StaffMember.requireCurrent("王小丽", actor: "root", among: staff, on: day, field: "staff")
        }
        #expect(
            stranger?.field == "staff" && stranger?.detail.contains("王小丽 is not a staff member (staff: 张伟)") == true)
        let left = #expect(throws: Conflict.self) {
            try StaffMember.requireCurrent("王丽", actor: "root", among: staff, on: day, field: "staff")
        }
        #expect(left?.detail.contains("left on 2026-10-01") == true)
    }

    @Test("Money is integer fen and parses at most two decimals")
    func money() {
        #expect(Money(yuan: "86")?.fen == 8_600)
        #expect(Money(yuan: "86.5")?.fen == 8_650)
        #expect(Money(yuan: "1234.05")?.description == "1,234.05")
        #expect(Money(yuan: "1.234") == nil)
        #expect(Money(yuan: "-3") == nil)
        #expect(Money(yuan: "abc") == nil)
        // Digits a request may carry but no till holds are refused, not a crash (overflow would trap the server).
        #expect(Money(yuan: "92233720368547759") == nil)
        #expect(Money(yuan: "92233720368547758.08") == nil)
        #expect(Money(yuan: "92233720368547758.07")?.fen == Int64.max)
    }

    @Test("Settings: typed values with DOMAIN.md defaults; bad values are refused naming the key")
    func settings() throws {
        var settings = DealerSettings()
        #expect(settings.integer(.databaseBusySeconds) == 5)
        #expect(settings.clockMode == .clock)  // T-3
        #expect(settings.timeZone.identifier == "Asia/Shanghai")  // T-2
        settings.set(.databaseBusySeconds, try Setting.databaseBusySeconds.validate(" 30 "))
        #expect(settings.integer(.databaseBusySeconds) == 30)
        #expect(throws: InvalidInput.self) { try Setting.databaseBusySeconds.validate("seven") }
        #expect(throws: InvalidInput.self) { try Setting.databaseBusySeconds.validate("0") }
        #expect(throws: InvalidInput.self) { try Setting.timeZone.validate("Mars/Olympus") }
        #expect(try Setting.timeZone.validate("Asia/Urumqi") == "Asia/Urumqi")
        #expect(try Setting.clockMode.validate("Business") == "business")
        for setting in Setting.core {
            #expect(!setting.rule.isEmpty && (try? setting.validate(setting.defaultValue)) != nil)
        }
    }

    @Test("A setting the stored values do not name has its default; one no module declares is kept, not lost")
    func storedSettings() {
        let settings = DealerSettings(stored: ["time.zone": "Europe/Berlin", "newer.program.key": "1"])
        #expect(settings.timeZone.identifier == "Europe/Berlin")
        #expect(settings.stored["newer.program.key"] == "1")
        #expect(DealerSettings(overrides: [.timeZone: "Asia/Urumqi"]).timeZone.identifier == "Asia/Urumqi")
    }

    @Test("Roles: the role decides; admin manages tokens and settings, cs-agent may not read the audit log")
    func permissions() {
        #expect(Role.admin.may(.administer))
        #expect(!Role.serviceManager.may(.administer))
        #expect(!Role.csAgent.may(.readAudit))
        #expect(Role.csManager.may(.readAudit))
        #expect(Role.allCases.filter { $0 != .board }.allSatisfy { $0.may(.readCustomers) })
        // The reception screen's token (issue 18) opens the welcome board and nothing else.
        #expect(Permission.allCases.filter { Role.board.may($0) } == [.viewBoard])
        #expect(!Role.technician.may(.writeCustomers))
        #expect(Permission.moveCustomers.roles.contains(.salesConsultant))
    }

    @Test("W-9: first maintenance at 6 months unless the mileage reaches 5,000 km sooner")
    func firstMaintenance() {
        let schedule = MaintenanceSchedule.standard()
        let delivery = LocalDate("2026-01-31")!
        #expect(
            schedule.firstMaintenanceDue(delivery: delivery)
                == MaintenanceDue(date: LocalDate("2026-07-31")!, kilometres: 5_000, decidedBy: .months))
        // 2,000 km in 20 days: 5,000 km after 50 days, well before six months.
        let fast = schedule.firstMaintenanceDue(delivery: delivery, readings: [(LocalDate("2026-02-20")!, 2_000)])
        #expect(fast.decidedBy == .kilometres)
        #expect(fast.date == LocalDate("2026-03-22")!)
        // A slow driver keeps the date limit.
        #expect(
            schedule.firstMaintenanceDue(delivery: delivery, readings: [(LocalDate("2026-03-01")!, 300)]).decidedBy
                == .months)
        // Already past the limit: due on the reading's day.
        #expect(
            schedule.firstMaintenanceDue(delivery: delivery, readings: [(LocalDate("2026-03-01")!, 5_200)]).date
                == LocalDate("2026-03-01")!)
    }

    @Test(
        "W-9: a visit is on schedule only within both limits plus tolerance; the next point counts from the visit made")
    func duePoints() {
        let schedule = MaintenanceSchedule.standard()
        let delivery = LocalDate("2026-01-10")!
        let first = schedule.duePoint(delivery: delivery, lastVisit: nil)
        #expect(first.date == LocalDate("2026-07-10")! && first.kilometres == 5_000)
        #expect(first.lastDay == LocalDate("2026-08-09")! && first.lastKilometres == 6_000)
        // 9,000 km in month 4: within the date limit but past the kilometres: late.
        #expect(!first.isOnTime(day: LocalDate("2026-05-10")!, kilometres: 9_000))
        #expect(first.isOnTime(day: LocalDate("2026-05-10")!, kilometres: 6_000))
        // The last day of the tolerance is still on time (T-1), the day after is not, whatever the kilometres.
        #expect(first.isOnTime(day: LocalDate("2026-08-09")!, kilometres: 3_000))
        #expect(!first.isOnTime(day: LocalDate("2026-08-10")!, kilometres: 3_000))
        let second = schedule.duePoint(delivery: delivery, lastVisit: (LocalDate("2026-05-10")!, 9_000))
        #expect(second.date == LocalDate("2027-05-10")! && second.kilometres == 19_000)
        // The next maintenance comes sooner when the readings since that visit reach its kilometres first:
        // 5,000 km in 50 days, so 10,000 km after 100 days.
        let next = schedule.nextMaintenanceDue(
            delivery: delivery, lastVisit: (LocalDate("2026-05-10")!, 9_000),
            readings: [(LocalDate("2026-06-29")!, 14_000)])
        #expect(next == MaintenanceDue(date: LocalDate("2026-08-18")!, kilometres: 19_000, decidedBy: .kilometres))
    }
}
