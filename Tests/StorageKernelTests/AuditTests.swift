import Core
import Foundation
import GRDB
import TestSupport
import Testing

@testable import Storage

@Suite("Audit log entries")
struct AuditTests {
    @Test(
        "An entry's changes are written as JSONEncoder writes them (sorted keys, slashes kept), Chinese and control characters included"
    )
    func changesJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let samples: [[String: FieldChange]] = [
            [:],
            ["name": FieldChange(before: nil, after: "王芳")],
            [
                "price": FieldChange(before: "86.00", after: "99.00"), "Name": FieldChange(before: "机油滤清器", after: nil),
                "_source": FieldChange(before: nil, after: "import of a/b.xml"),
                "名称": FieldChange(before: "x", after: "y"),
                "z": FieldChange(before: nil, after: nil),
            ],
            [
                "text": FieldChange(
                    before: "quote \" backslash \\ tab \t newline \n return \r",
                    after: "bell \u{07} escape \u{1B} unit \u{1F} del \u{7F} \u{2028} 🚗")
            ],
            ["empty": FieldChange(before: "", after: "")],
        ]
        for changes in samples {
            let expected = String(decoding: try encoder.encode(changes), as: UTF8.self)
            #expect(Audit.json(changes) == expected)
            #expect(
                try JSONDecoder().decode([String: FieldChange].self, from: Data(Audit.json(changes).utf8)) == changes)
        }
    }

    @Test("An entry's time reads back as written, also when several entries share one time")
    func entryTime() throws {
        let folder = try TemporaryDirectory()
        let db = try AppDatabase.open(
            path: folder.path("a.sqlite"), create: true,
            clock: FixedClock(Date(timeIntervalSince1970: 1_795_000_000.25)))
        let times = [
            Date(timeIntervalSince1970: 1_795_000_000.25), Date(timeIntervalSince1970: 1_795_000_000.25),
            Date(timeIntervalSince1970: 1_700_000_123),
        ]
        try db.writer.write { database in
            for (index, time) in times.enumerated() {
                try Audit.record(
                    database, at: time, actor: "t", entity: "test", id: String(index), action: "add",
                    after: ["n": String(index)])
            }
        }
        let entries = try db.auditEntries(AuditFilter(entity: "test")).sorted { $0.entityID < $1.entityID }
        #expect(entries.map(\.at) == times)
        #expect(entries.map { $0.changes["n"]?.after } == ["0", "1", "2"])
    }
}
