import Core
import Customers
import Foundation
import Testing

@testable import Complaints

@Suite("The complaint form (issue 14: one intake for the CLI and the API)")
struct ComplaintFormTests {
    static func form(_ change: (inout ComplaintForm) -> Void = { _ in }) -> ComplaintForm {
        var form = ComplaintForm()
        form.customer = 1
        form.channel = "phone"
        form.receivedBy = "李娜"
        form.description = "刹车异响，修了两次还没好"
        form.category = "repair-technique"
        change(&form)
        return form
    }

    @Test(
        "K-1, K-2, K-3: a field that does not read is refused naming the form's field",
        arguments: [
            (form { $0.customer = nil }, "customer", "is required"),
            (form { $0.customer = 0 }, "customer", "expected a customer id"),
            (form { $0.channel = nil }, "channel", "is required: one of in-person, phone"),
            (form { $0.channel = "pigeon" }, "channel", "expected one of in-person"),
            (form { $0.category = nil }, "category", "is required: one of service-quality"),
            (form { $0.category = "weather" }, "category", "expected one of service-quality"),
            (form { $0.wishes = ["vent", "money"] }, "wishes", "got \"money\""),
            (form { $0.receivedAt = "soon" }, "receivedAt", "expected a time such as"),
        ] as [(ComplaintForm, String, String)])
    func refused(form: ComplaintForm, field: String, reason: String) {
        #expect {
            try form.validated(timeZone: shanghai)
        } throws: { error in
            guard let problem = error as? InvalidInput else { return false }
            return problem.field == field && problem.reason.contains(reason)
        }
    }

    @Test("K-1, K-8: the fields read into the intake; a wall time is the dealer's (T-2), any case reads")
    func read() throws {
        let intake = try Self.form {
            $0.channel = " PHONE "
            $0.receivedAt = "2026-11-23 09:30"
            $0.wishes = ["explanation-apology", "VENT"]
            $0.grievance = true
            $0.crisisReason = "客户已联系电视台"
            $0.vin = "京A·12345"
        }.validated(timeZone: shanghai)
        #expect(intake.kind == .grievance && intake.customer == Customer.ID(1) && intake.channel == .phone)
        #expect(intake.receivedAt == at("2026-11-23 09:30") && intake.category == .repairTechnique)
        #expect(intake.wishes == [.explanation, .vent] && intake.crisisReason == "客户已联系电视台")
        #expect(intake.vehicle == "京A·12345")
        #expect(try Self.form().validated(timeZone: shanghai).kind == .complaint)
    }

    @Test("K-1, K-3: a missing description or receiver reads as empty, which the intake rule refuses naming the field")
    func missingText() throws {
        let intake = try Self.form {
            $0.description = nil
            $0.receivedBy = nil
        }.validated(timeZone: shanghai)
        #expect(intake.description.isEmpty && intake.receivedBy.isEmpty)
        let complaint = Complaint(
            customerID: Customer.ID(1), channel: .phone, receivedAt: at("2026-11-23 09:30"),
            receivedBy: "李娜", owner: "李娜", description: "x", category: .price, crisis: true,
            crisisReason: " ")
        #expect {
            try complaint.validateIntake(now: at("2026-11-23 10:00"))
        } throws: { ($0 as? InvalidInput)?.field == ComplaintForm.Field.crisisReason.rawValue }
    }
}
