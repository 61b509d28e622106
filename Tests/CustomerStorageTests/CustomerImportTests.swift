import Core
import Customers
import Foundation
import TestSupport
import Testing

@testable import Storage

@Suite("import-customers")
struct CustomerImportTests {
    let clock = FixedClock(instant("2026-11-23T09:00:00+08:00"))
    static let header =
        "customer_ref,name,class,grade,phones,region,address,owner,vin,plate,make,model,model_year,usage,delivered_at,mileage_km,mileage_date"
    static let good = """
        \(header)
        C001,王芳,retained,,13800138000,北京,"北京市朝阳区建国路88号, 3单元",张伟,LFV2A21K3N3000123,京A·12345,Volkswagen,Sagitar,2022,private,2022-05-01 10:30,35200,2026-10-01
        C001,王芳,retained,,13800138000,北京,"北京市朝阳区建国路88号, 3单元",张伟,LFV2A21K5N3000124,京A·23456,Volkswagen,Tiguan L,2023,taxi,2023-03-15 09:00,88000,2026-11-01
        C002,李强,potential,A,13912345678,上海,,,,,,,,,,,
        C003,"赵""小""敏",intention,,010-65529988,广州,天河区,刘洋,,,,,,,,,

        """

    /// A new dealer database with the staff the files name as owners (C-10).
    func database(_ folder: TemporaryDirectory) throws -> (AppDatabase, String) {
        let path = folder.path("dealer.sqlite")
        let db = try AppDatabase.open(path: path, create: true, clock: clock)
        for name in ["张伟", "刘洋"] { _ = try db.addStaff(name: name, role: .salesConsultant, actor: "setup") }
        return (db, path)
    }

    @Test("C-10: a row naming a stranger as owner is rejected on its line; keeping an owner who left passes")
    func ownerIsStaff() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try database(folder)
        let stranger = Self.good.replacingOccurrences(of: "天河区,刘洋,", with: "天河区,nobody,")
        let rejected = try db.importCustomers(path: try folder.write("stranger.csv", stranger), actor: "IT-陈")
        #expect(rejected.outcome == .rejected && rejected.rejectedRows == 1)
        let problem = rejected.errors.first
        #expect(problem?.line == 5 && problem?.field == "owner", "\(rejected.errors)")
        #expect(problem?.message.contains("nobody is not a staff member") == true, "\(rejected.errors)")
        #expect(try db.listCustomers().total == 0)
        let good = try folder.write("good.csv", Self.good)
        #expect(try db.importCustomers(path: good, actor: "IT-陈").outcome == .imported)
        _ = try db.staffLeft(name: "刘洋", on: LocalDate("2026-11-01")!, actor: "经理")
        #expect(try db.importCustomers(path: good, actor: "IT-陈").outcome == .unchanged)
        let moved = Self.good.replacingOccurrences(of: "天河区,刘洋,", with: "天河区,张伟,")
        #expect(try db.importCustomers(path: try folder.write("moved.csv", moved), actor: "IT-陈").outcome == .imported)
        let back = try db.importCustomers(path: good, actor: "IT-陈")
        #expect(
            back.outcome == .rejected && back.errors.first?.message.contains("刘洋 left on 2026-11-01") == true,
            "\(back.errors)")
    }

    @Test("A good file loads customers, vehicles and readings in one transaction with one audit entry")
    func goodFile() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try database(folder)
        let report = try db.importCustomers(path: try folder.write("good.csv", Self.good), actor: "IT-陈")
        #expect(report.outcome == .imported)
        #expect(report.rows == 4)
        #expect(report.customers == ImportCounts(added: 3, updated: 0, unchanged: 0))
        #expect(report.vehicles.added == 2)
        #expect(report.mileage.added == 2)
        let wang = try db.searchCustomers("王芳").items[0]
        let card = try db.customerCard(wang.id)
        #expect(card.customer.address == "北京市朝阳区建国路88号, 3单元")
        #expect(card.vehicles.map(\.model) == ["Sagitar", "Tiguan L"])
        #expect(try db.vehicleCard(VIN(validating: "LFV2A21K5N3000124")).deliveryUsage == .taxi)
        #expect(try db.searchCustomers("赵\"小\"敏").items.count == 1)
        let audit = try db.auditEntries(AuditFilter(entity: "import"))
        #expect(audit.count == 1)
        #expect(audit[0].actor == "IT-陈")
        #expect(audit[0].changes["created_customer_ids"]?.after == "1-3")
        #expect(try db.importRuns().count == 1)
    }

    @Test("The same file again changes nothing: identical sqlite3 .dump, everything unchanged")
    func idempotent() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try database(folder)
        let file = try folder.write("good.csv", Self.good)
        _ = try db.importCustomers(path: file, actor: "t")
        let before = try Binaries.dump(path)
        let again = try db.importCustomers(path: file, actor: "t")
        #expect(again.outcome == .unchanged)
        #expect(again.customers == ImportCounts(added: 0, updated: 0, unchanged: 3))
        #expect(again.vehicles == ImportCounts(added: 0, updated: 0, unchanged: 2))
        #expect(again.mileage.unchanged == 2)
        #expect(again.sameChecksumAs == 1)
        #expect(try Binaries.dump(path) == before)
    }

    @Test("A changed row updates the card (audited in the import's entry) and leaves the rest unchanged")
    func update() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try database(folder)
        _ = try db.importCustomers(path: try folder.write("a.csv", Self.good), actor: "t")
        let changed = Self.good.replacingOccurrences(
            of: "C002,李强,potential,A,13912345678,上海", with: "C002,李强,potential,B,13912345678,上海")
        let report = try db.importCustomers(path: try folder.write("b.csv", changed), actor: "t")
        #expect(report.customers == ImportCounts(added: 0, updated: 1, unchanged: 2))
        #expect(try db.searchCustomers("李强").items[0].grade == .b)
        #expect(try db.auditEntries(AuditFilter(entity: "import"))[0].changes["updated_customer_ids"]?.after == "2")
    }

    @Test("C-7: a move to retained made by the import creates the care plan as a move by hand does, once")
    func moveCreatesCarePlan() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try database(folder)
        let header = Self.header
        let before = """
            \(header)
            C005,周杰,intention,,13600001111,北京,,张伟,LFV2A21K7N3000125,,Volkswagen,Sagitar,2026,private,2026-11-10 10:00,,

            """
        let first = try db.importCustomers(path: try folder.write("a.csv", before), actor: "t")
        #expect(first.carePlans == 0)
        let zhou = try db.searchCustomers("周杰").items[0].id
        #expect(try db.customerCard(zhou).openTasks.isEmpty)
        // Bought: the old system now says retained, with a second car delivered on the same file.
        let after =
            before.replacingOccurrences(of: "intention", with: "retained") + """
                C005,周杰,retained,,13600001111,北京,,张伟,LFV2A21K9N3000126,,Volkswagen,Tiguan L,2026,private,2026-11-20 10:00,,

                """
        let moved = try db.importCustomers(path: try folder.write("b.csv", after), actor: "t")
        #expect(moved.customers.updated == 1 && moved.carePlans == 2)
        let card = try db.customerCard(zhou)
        #expect(card.openTasks.count == 8)
        #expect(card.openTasks.contains { $0.kind == .thankYouLetter && $0.assignee == "role: general-manager" })
        #expect(try db.auditEntries(AuditFilter(entity: "import"))[0].changes["care_plans"]?.after == "2")
        // The same file again: nothing moves, no second plan.
        let again = try db.importCustomers(path: try folder.write("c.csv", after), actor: "t")
        #expect(again.outcome == .unchanged && again.carePlans == 0)
        #expect(try db.customerCard(zhou).openTasks.count == 8)
    }

    @Test("One bad row rejects the file: nothing written, each error located as line and field")
    func atomic() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try database(folder)
        let before = try Binaries.dump(path)
        let bad = Self.good
            .replacingOccurrences(of: "C002,李强,potential,A", with: "C002,李强,potential,Z")
            .replacingOccurrences(of: "LFV2A21K5N3000124", with: "LFV2A21K5N300012O")
        let report = try db.importCustomers(path: try folder.write("bad.csv", bad), actor: "t")
        #expect(report.outcome == .rejected)
        #expect(report.errors.map(\.line) == [3, 4])
        #expect(report.errors.map(\.field) == ["vin", "grade"])
        #expect(report.located(report.errors[1]).hasSuffix("bad.csv:4: grade: expected A, B or C (C-2), got \"Z\""))
        #expect(try Binaries.dump(path) == before)
    }

    @Test("--keep-valid loads the valid rows and lists the rejected ones")
    func keepValid() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try database(folder)
        _ = try db.addCustomer(
            NewCustomer(
                customer: Customer(name: "别人", customerClass: .potential, createdAt: db.now), phones: ["13912345678"]),
            actor: "t")
        var options = CustomerImportOptions()
        options.keepValid = true
        let report = try db.importCustomers(path: try folder.write("a.csv", Self.good), options: options, actor: "t")
        #expect(report.outcome == .partlyImported)
        #expect(report.rejectedRows == 1)
        #expect(report.errors.first?.line == 4)
        #expect(report.errors.first?.message.contains("already on customer 1 (别人)") == true)
        #expect(report.customers.added == 2)
        #expect(try db.searchCustomers("李强").items.isEmpty)
    }

    @Test("Rows of one customer that disagree are refused; a VIN on another customer is refused naming it")
    func conflicts() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try database(folder)
        let disagreeing = Self.good.replacingOccurrences(
            of: "C001,王芳,retained,,13800138000,北京,\"北京市朝阳区建国路88号, 3单元\",张伟,LFV2A21K5N",
            with: "C001,王芳,retained,,13800138000,天津,\"北京市朝阳区建国路88号, 3单元\",张伟,LFV2A21K5N")
        let report = try db.importCustomers(path: try folder.write("a.csv", disagreeing), actor: "t")
        #expect(report.outcome == .rejected)
        #expect(report.errors.first?.field == "customer_ref")
        #expect(report.errors.first?.message.contains("region") == true)

        _ = try db.importCustomers(path: try folder.write("b.csv", Self.good), actor: "t")
        let stolen =
            "\(Self.header)\nC009,孙悟空,retained,,13700001111,北京,花果山,张伟,LFV2A21K3N3000123,,Volkswagen,Sagitar,2022,private,,,\n"
        let second = try db.importCustomers(path: try folder.write("c.csv", stolen), actor: "t")
        #expect(second.errors.first?.message == "VIN LFV2A21K3N3000123 is already on vehicle 1 (customer 1 王芳)")
    }

    @Test("A GB18030 file imports as the same Chinese text as its UTF-8 twin")
    func gb18030() throws {
        let folder = try TemporaryDirectory()
        let (db, _) = try database(folder)
        let utf8 = try folder.write("utf8.csv", Self.good)
        let converted = try Binaries.run(
            "/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(utf8)' > '\(folder.path("gb.csv"))'"])
        #expect(converted.status == 0)
        #expect(
            try !Data(contentsOf: URL(fileURLWithPath: folder.path("gb.csv"))).elementsEqual(
                Data(contentsOf: URL(fileURLWithPath: utf8))))
        let report = try db.importCustomers(path: folder.path("gb.csv"), actor: "t")
        #expect(report.encoding == "gb18030")
        #expect(report.customers.added == 3)
        #expect(try db.customerCard(db.searchCustomers("王芳").items[0].id).customer.address == "北京市朝阳区建国路88号, 3单元")
        #expect(try db.importCustomers(path: utf8, actor: "t").outcome == .unchanged)
    }

    @Test(
        "A byte that is neither UTF-8 nor GB18030 on line 7 is named at line 7 and its column, in either encoding",
        arguments: [false, true])
    func badByteOnItsLine(gb18030: Bool) throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try database(folder)
        var text = Self.header + "\n"
        for index in 1...8 {
            text += "C00\(index),\(index == 6 ? "王五\u{1}" : "李\(index)"),potential,,1380013800\(index),北京,,,,,,,,,,,\n"
        }
        let utf8 = try folder.write("utf8.csv", text)
        var file = utf8
        if gb18030 {
            file = folder.path("gb.csv")
            #expect(try Binaries.run("/bin/sh", ["-c", "iconv -f UTF-8 -t GB18030 '\(utf8)' > '\(file)'"]).status == 0)
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file)).map { $0 == 0x01 ? UInt8(0xFF) : $0 }
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let before = try Binaries.dump(path)
        let report = try db.importCustomers(path: file, actor: "t")
        #expect(report.outcome == .rejected && report.encoding == (gb18030 ? "gb18030" : "utf-8"))
        #expect(report.errors.count == 1 && report.errors.first?.line == 7 && report.errors.first?.column == 8)
        #expect(
            report.located(report.errors[0]).hasPrefix("\(file):7:8: byte 0xFF (byte ")
                && report.errors[0].message.hasSuffix("is neither UTF-8 nor GB18030: save the file as UTF-8 or GB18030"),
            "\(report.errors)")
        #expect(try Binaries.dump(path) == before)
    }

    @Test("A file that cannot be read on (unclosed quote, bad header, empty) is rejected whole")
    func unreadable() throws {
        let folder = try TemporaryDirectory()
        let (db, path) = try database(folder)
        let before = try Binaries.dump(path)
        let unclosed = try db.importCustomers(
            path: try folder.write("q.csv", "\(Self.header)\nC001,\"王芳,retained\n"), actor: "t")
        #expect(unclosed.outcome == .rejected)
        #expect(unclosed.errors.first?.message.contains("not closed") == true)
        #expect(unclosed.errors.first?.line == 2 && unclosed.errors.first?.column == 6, "\(unclosed.errors)")
        // RFC 4180 gives `"王芳"x` no meaning: refused where the text starts, never stored as 王芳x.
        let glued = try db.importCustomers(
            path: try folder.write("g.csv", "\(Self.header)\nC001,\"王芳\"x,retained\n"), actor: "t")
        #expect(glued.outcome == .rejected)
        #expect(
            glued.located(glued.errors[0]).hasSuffix(
                "g.csv:2:10: text after the closing quote of a field; a "
                    + "field is quoted as a whole (its quotes doubled: \"a \"\"b\"\" c\") or not at all"),
            "\(glued.errors)")
        #expect(throws: InvalidInput.self) {
            try db.importCustomers(path: try folder.write("h.csv", "customer_ref,nom,class\n"), actor: "t")
        }
        #expect(throws: InvalidInput.self) { try db.importCustomers(path: try folder.write("e.csv", ""), actor: "t") }
        #expect(throws: InvalidInput.self) { try db.importCustomers(path: folder.path("missing.csv"), actor: "t") }
        #expect(try Binaries.dump(path) == before)
    }
}
