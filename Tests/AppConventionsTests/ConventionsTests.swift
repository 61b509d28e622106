import AppConventions
import Core
import Foundation
import Storage
import TestSupport
import Testing

@Suite("The conventions every binary shares")
struct ConventionsTests {
    @Test("--db beats $AFTERSALES_DB, which beats ./aftersales.sqlite")
    func databasePath() {
        #expect(
            Conventions.databasePath("/tmp/x.sqlite", environment: ["AFTERSALES_DB": "/tmp/y.sqlite"])
                == "/tmp/x.sqlite")
        #expect(Conventions.databasePath(nil, environment: ["AFTERSALES_DB": "/tmp/y.sqlite"]) == "/tmp/y.sqlite")
        #expect(Conventions.databasePath(nil, environment: ["AFTERSALES_DB": ""]) == "./aftersales.sqlite")
        #expect(Conventions.databasePath(nil, environment: [:]) == "./aftersales.sqlite")
    }

    @Test("--actor names who acts; without it, the login name")
    func actor() {
        #expect(Conventions.actor("王芳") == "王芳")
        #expect(!Conventions.actor(nil).isEmpty)
        #expect(Conventions.actor("  ") == Conventions.actor(nil))
    }

    @Test("T-2: $AFTERSALES_NOW without an offset is the dealer's wall time, like every time a command takes")
    func fixedNowInDealerZone() throws {
        let now = try #require(try Conventions.FixedNow.fromEnvironment(["AFTERSALES_NOW": "2026-11-23T09:30"]))
        #expect(now.instant(in: TimeZone(identifier: "Asia/Shanghai")!) == Instant.parse("2026-11-23T01:30:00Z"))
        #expect(now.instant(in: TimeZone(identifier: "Europe/Berlin")!) == Instant.parse("2026-11-23T08:30:00Z"))
        let offset = try #require(
            try Conventions.FixedNow.fromEnvironment(["AFTERSALES_NOW": "2026-11-23T09:30:00+08:00"]))
        #expect(offset.instant(in: TimeZone(identifier: "Europe/Berlin")!) == Instant.parse("2026-11-23T01:30:00Z"))
        #expect(try Conventions.FixedNow.fromEnvironment([:]) == nil)
    }

    @Test("A bad $AFTERSALES_NOW is refused naming it and the form it takes")
    func badFixedNow() {
        #expect {
            _ = try Conventions.FixedNow.fromEnvironment(["AFTERSALES_NOW": "yesterday"])
        } throws: { error in
            let text = String(describing: error)
            return text.contains("AFTERSALES_NOW") && text.contains("2026-11-23T09:30")
        }
    }

    @Test("T-2: the database's own time.zone setting reads $AFTERSALES_NOW")
    func openUsesDatabaseZone() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("zone.sqlite")
        let database = try AppDatabase.open(path: path, create: true)
        _ = try database.setSetting("time.zone", to: "Europe/Berlin", actor: "test")
        let now = try #require(try Conventions.FixedNow.fromEnvironment(["AFTERSALES_NOW": "2026-07-01T12:00"]))
        let reopened = try Conventions.open(path: path, now: now)
        #expect(reopened.now == Instant.parse("2026-07-01T10:00:00Z"))
    }
}

@Suite("Options read before the parser runs")
struct OptionValueTests {
    @Test("--lang and --db are found as `--name value` or `--name=value`, the last one winning, never after --")
    func optionValue() {
        #expect(Conventions.optionValue("--lang", in: ["customer", "show", "1", "--lang", "en"]) == "en")
        #expect(Conventions.optionValue("--lang", in: ["--lang=zh", "init", "--lang", "en"]) == "en")
        #expect(Conventions.optionValue("--db", in: ["init", "--", "--db", "x.sqlite"]) == nil)
        #expect(Conventions.optionValue("--db", in: ["init", "--db"]) == nil)
    }
}
