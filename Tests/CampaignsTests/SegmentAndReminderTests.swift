import Core
import Customers
import Foundation
import Messaging
import Testing

@testable import Campaigns

let today = LocalDate("2026-12-01")!

func facts(_ configure: (inout CustomerFacts) -> Void = { _ in }) -> CustomerFacts {
    var f = CustomerFacts(
        customerID: Customer.ID(1), name: "王芳", gender: .female, customerClass: .retained, grade: nil, region: "北京",
        birthDate: LocalDate("1990-12-15"), mobile: "13800138000", valueFen: 1_280_00, valueRank: 3,
        consent: [.sms: .optIn], vin: VIN(trusted: "LFV2A21K3N3000123"), plate: "京A·12345", make: "Volkswagen",
        model: "Sagitar", modelYear: 2024, usage: .private, deliveredOn: LocalDate("2024-06-01"), mileage: 32_000,
        lastVisit: LocalDate("2026-03-01"), warrantyEnds: LocalDate("2027-06-01"))
    configure(&f)
    return f
}

func holds(_ filter: String, _ f: CustomerFacts = facts(), recall: Bool = false) throws -> Bool {
    try SegmentExpression.parse(filter).matches(f, today: today, openBulletin: { $0 == "recall" && recall })
}

@Suite("Segments (M-2, M-5)")
struct SegmentTests {
    @Test(
        "M-2: each segment field",
        arguments: [
            ("class = retained", true), ("class != retained", false), ("class in (intention, retained)", true),
            ("make = volkswagen and model = Sagitar", true), ("model-year >= 2025", false), ("usage = private", true),
            ("mileage > 30000", true), ("mileage > 30000 and mileage <= 32000", true), ("last-visit-days > 180", true),
            ("delivered-days < 365", false), ("warranty-ends-in <= 200", true), ("warranty-ends-in <= 180", false),
            ("birthday-month = 12", true),
            ("consent-sms = opt-in", true), ("consent-email = none", true), ("value >= 1280", true),
            ("value-rank <= 2", false),
            ("region = '北京'", true), ("region = 北京", true), ("gender = female", true),
            ("open-bulletin = recall", false), ("not open-bulletin = recall", true),
        ])
    func field(filter: String, expected: Bool) throws {
        #expect(try holds(filter) == expected, "\(filter)")
    }

    @Test("and binds tighter than or; not and parentheses; a missing fact makes a comparison false")
    func grammar() throws {
        #expect(try holds("class = defeated and make = Volkswagen or mileage > 1"))
        #expect(try !holds("class = defeated and (make = Volkswagen or mileage > 1)"))
        #expect(try holds("NOT (class = defeated) AND make = Volkswagen"))
        let noVehicle = facts {
            $0.vin = nil
            $0.make = nil
            $0.mileage = nil
        }
        #expect(try !holds("mileage < 100000", noVehicle))
        #expect(try holds("not mileage < 100000", noVehicle))
        #expect(try holds("open-bulletin = recall", recall: true))
        let empty = #expect(throws: InvalidInput.self) { try SegmentExpression.parse("  ") }
        #expect(empty?.reason.contains("the filter is empty") == true, "an empty filter is not silently every customer")
    }

    @Test(
        "A bad filter is refused with its column and what was expected",
        arguments: [
            ("class = ", "column 9: expected a value"),
            ("colour = red", "column 1: unknown field \"colour\""),
            ("class retained", "column 7: expected an operator"),
            ("(class = retained", "expected \")\""),
            ("class = retained mileage > 1", "column 18: expected \"and\", \"or\" or the end"),
            ("region = '北京", "column 10: the text starting here is not closed"),
            ("open-bulletin > recall", "open-bulletin takes = or !="),
            ("mileage ! 5", "\"!\" must be \"!=\""),
        ])
    func errors(filter: String, message: String) {
        let error = #expect(throws: InvalidInput.self) { try SegmentExpression.parse(filter) }
        #expect(error?.reason.contains(message) == true, "\(filter): \(error?.reason ?? "")")
    }

    @Test("A quote followed by a combining mark still opens a quoted value; columns count characters (make fuzz)")
    func combiningMarks() throws {
        // `'` + U+06ED is one Swift Character: read by Character, the quote was not seen and the filter was
        // refused, although the same value written unquoted was accepted (found by `make fuzz`, segment target).
        let mark = "\u{06ED}agne"
        guard case .compare(.make, .equal, let values)? = try? SegmentExpression.parse("make = '\(mark)'") else {
            Issue.record("make = '\(mark)' does not parse")
            return
        }
        #expect(values.map(\.text) == [mark])
        #expect(try holds("make = '\(mark)'", facts { $0.make = mark }))
        // e + U+0301 is two scalars, one character: the column after it is counted as a person counts.
        let error = #expect(throws: InvalidInput.self) { try SegmentExpression.parse("region = e\u{301} )") }
        #expect(error?.reason.hasPrefix("column 12:") == true, "\(error?.reason ?? "")")
    }

    @Test("M-2: a value outside a field's closed set, or a word for a number, is refused listing what the field takes")
    func valuesChecked() throws {
        for (filter, message) in [
            ("class = retaind", "column 9: class is one of potential, intention, retained, defeated"),
            ("class in (retained, vip)", "got \"vip\""), ("usage = taxii", "usage is one of private, taxi, commercial"),
            ("consent-sms = yes", "opt-in, opt-out, none"), ("grade = D", "grade is one of A, B, C"),
            ("mileage > many", "mileage takes a number, got \"many\""), ("open-bulletin = tsb", "recall, campaign"),
            ("mileage between 1000 5000", "expected \"and\" after the lower bound"),
        ] {
            let error = #expect(throws: InvalidInput.self) { try SegmentExpression.parse(filter) }
            #expect(error?.reason.contains(message) == true, "\(filter): \(error?.reason ?? "")")
        }
        #expect(try holds("class = RETAINED and grade != a and usage in (private, taxi)") == false)
        #expect(try holds("class = RETAINED and usage in (private, taxi)"))
        #expect(try holds("mileage between 32000 and 40000") && !holds("mileage between 32001 and 40000"))
        #expect(try holds("not mileage between 1 and 100 and class = retained"))
    }

    @Test("A filter nested too deep or too long is refused with a clear message, never a crash")
    func depthLimits() throws {
        let limit = SegmentExpression.maximumDepth
        let deepest = String(repeating: "(", count: limit) + "class = retained" + String(repeating: ")", count: limit)
        #expect(try holds(deepest))
        #expect(try holds(String(repeating: "not ", count: limit) + "class = retained") == true)
        for filter in [
            String(repeating: "(", count: 3_000) + "class = retained" + String(repeating: ")", count: 3_000),
            String(repeating: "not ", count: 5_000) + "class = retained",
            String(repeating: "(", count: limit + 1) + "class = retained" + String(repeating: ")", count: limit + 1),
        ] {
            let error = #expect(throws: InvalidInput.self) { try SegmentExpression.parse(filter) }
            #expect(error?.reason.contains("nest more than \(limit) deep") == true, "\(error?.reason ?? "")")
        }
        let long = Array(repeating: "mileage > 1", count: SegmentExpression.maximumConditions + 1).joined(
            separator: " and ")
        let error = #expect(throws: InvalidInput.self) { try SegmentExpression.parse(long) }
        #expect(error?.reason.contains("at most \(SegmentExpression.maximumConditions) conditions") == true)
    }

    @Test(
        "W-6, M-3: a recall without a title or vehicle is rendered with neutral words and says so; other messages are not"
    )
    func recallFallbacks() throws {
        let template = try MessageTemplate(
            "尊敬的{{name}}{{title}}：您的{{vehicle}}（{{plate}}）涉及召回：{{bulletin}}。{{dealer}}",
            known: PersonalFields.names)
        let values = PersonalFields.values(
            facts {
                $0.gender = nil
                $0.make = nil
                $0.model = nil
            }, dealer: "北京4S店",
            extra: ["bulletin": "制动软管"])
        #expect(
            try PersonalFields.personalise(template, values: values, category: .recall)
                == .ready(body: "尊敬的车主：您的爱车（京A·12345）涉及召回：制动软管。北京4S店", subject: nil, degraded: ["title", "vehicle"]))
        guard case .missing(let missing) = try PersonalFields.personalise(template, values: values, category: .service)
        else {
            Issue.record("a service message lacking a field must be suppressed")
            return
        }
        #expect(missing.name == "title")
        let complete = PersonalFields.values(facts(), dealer: "北京4S店", extra: ["bulletin": "制动软管"])
        #expect(
            try PersonalFields.personalise(template, values: complete, category: .recall)
                == .ready(body: "尊敬的王芳女士：您的Volkswagen Sagitar（京A·12345）涉及召回：制动软管。北京4S店", subject: nil, degraded: []))
    }

    @Test("Personal fields: name, title by gender, vehicle, plate, dealer")
    func personalFields() {
        let values = PersonalFields.values(facts(), dealer: "北京4S店", extra: ["due_date": "2026-12-10"])
        #expect(values["title"] == "女士" && values["vehicle"] == "Volkswagen Sagitar" && values["plate"] == "京A·12345")
        #expect(values["mileage"] == "32,000" && values["due_date"] == "2026-12-10")
        #expect(PersonalFields.values(facts { $0.gender = nil }, dealer: "x")["title"] == nil)
    }
}

@Suite("Reminders (M-1, C-7, W-9)")
struct ReminderTests {
    let schedule = MaintenanceSchedule.standard()

    @Test("T-1: anniversaries clamp 29 February and never fall before the day asked")
    func anniversary() {
        #expect(
            ReminderPlanner.anniversary(of: LocalDate("2024-02-29")!, onOrAfter: LocalDate("2025-01-10")!)
                == LocalDate("2025-02-28"))
        #expect(ReminderPlanner.anniversary(of: LocalDate("1990-12-15")!, onOrAfter: today) == LocalDate("2026-12-15"))
        #expect(ReminderPlanner.anniversary(of: LocalDate("1990-06-15")!, onOrAfter: today) == LocalDate("2027-06-15"))
        #expect(ReminderPlanner.anniversary(of: LocalDate("2025-12-01")!, onOrAfter: today) == today)
    }

    @Test("W-9: the maintenance-due reminder counts kilometres from the last visit, whichever limit comes first")
    func maintenanceDueByKilometres() {
        // Visit on 2026-06-04 at 20,000 km; 29,000 km today (180 days later): 10,000 km more after 200 days.
        let driven = facts {
            $0.lastVisit = LocalDate("2026-06-04")
            $0.lastVisitKilometres = 20_000
            $0.mileage = 29_000
        }
        let due = ReminderPlanner.due(.maintenanceDue, facts: driven, asOf: today, leadDays: 30, schedule: schedule)
        #expect(due?.dueOn == LocalDate("2026-12-21"))
        #expect(due?.key == "LFV2A21K3N3000123:after-2026-06-04")
        #expect(
            schedule.nextMaintenanceDue(
                delivery: LocalDate("2024-06-01")!, lastVisit: (LocalDate("2026-06-04")!, 20_000),
                readings: [(today, 29_000)]
            ).date == due?.dueOn)
        // A slow driver: the 12 months decide.
        let slow = facts {
            $0.lastVisit = LocalDate("2025-12-10")
            $0.lastVisitKilometres = 20_000
            $0.mileage = 25_000
        }
        #expect(
            ReminderPlanner.due(.maintenanceDue, facts: slow, asOf: today, leadDays: 14, schedule: schedule)?.dueOn
                == LocalDate("2026-12-10"))
    }

    @Test("M-1: each reminder falls due within its lead days, keyed by its event")
    func due() {
        let fresh = facts {
            $0.deliveredOn = LocalDate("2026-06-10")
            $0.lastVisit = nil
            $0.mileage = nil
        }
        let first = ReminderPlanner.due(.firstMaintenance, facts: fresh, asOf: today, leadDays: 14, schedule: schedule)
        #expect(first?.dueOn == LocalDate("2026-12-10"))
        #expect(first?.key == "LFV2A21K3N3000123:2026-12-10")
        #expect(
            ReminderPlanner.due(.firstMaintenance, facts: fresh, asOf: today, leadDays: 5, schedule: schedule) == nil)
        #expect(
            ReminderPlanner.due(.firstMaintenance, facts: facts(), asOf: today, leadDays: 14, schedule: schedule) == nil
        )
        let visited = facts { $0.lastVisit = LocalDate("2025-12-10") }
        #expect(
            ReminderPlanner.due(.maintenanceDue, facts: visited, asOf: today, leadDays: 14, schedule: schedule)?.dueOn
                == LocalDate("2026-12-10"))
        let ending = facts { $0.warrantyEnds = LocalDate("2026-12-20") }
        #expect(
            ReminderPlanner.due(.warrantyExpiry, facts: ending, asOf: today, leadDays: 30, schedule: schedule)?.extra[
                "due_date"] == "2026-12-20")
        let anniversary = facts { $0.deliveredOn = LocalDate("2024-12-20") }
        #expect(
            ReminderPlanner.due(.insuranceRenewal, facts: anniversary, asOf: today, leadDays: 30, schedule: schedule)?
                .dueOn == LocalDate("2026-12-20"))
        #expect(
            ReminderPlanner.due(
                .birthday, facts: facts(), asOf: LocalDate("2026-12-15")!, leadDays: 0, schedule: schedule)?.key
                == "customer-1:2026-12-15")
        #expect(
            ReminderPlanner.due(
                .birthday, facts: facts { $0.firstVehicle = false }, asOf: LocalDate("2026-12-15")!, leadDays: 0,
                schedule: schedule) == nil)
        #expect(
            ReminderKind.birthday.category == .marketing && ReminderKind.openRecall.category == .recall
                && ReminderKind.warrantyExpiry.category == .service)
    }
}
