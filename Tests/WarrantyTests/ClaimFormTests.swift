import Core
import Foundation
import Testing

@testable import Warranty

@Suite("The claim form (issue 14: one claim input for the CLI and the API)")
struct ClaimFormTests {
    static func form(_ change: (inout ClaimForm) -> Void = { _ in }) -> ClaimForm {
        var form = ClaimForm()
        form.vin = "LFV2A21K3N3000123"
        form.mileage = 15_230
        form.failure = "前制动异响"
        form.cause = "制动软管磨损"
        form.labour = ["47 11 19 00:1.2"]
        change(&form)
        return form
    }

    @Test(
        "W-7: a claim field that does not read is refused naming the form's field",
        arguments: [
            (form { $0.vin = nil }, "vin", "is required: a VIN, a plate"),
            (form { $0.vin = " " }, "vin", "is required"),
            (form { $0.mileage = nil }, "mileage", "is required: kilometres at the repair"),
            (form { $0.mileage = -5 }, "mileage", "expected kilometres, 0 or more, got -5"),
        ] as [(ClaimForm, String, String)])
    func refused(form: ClaimForm, field: String, reason: String) {
        #expect {
            try form.validated()
        } throws: { error in
            guard let problem = error as? InvalidInput else { return false }
            return problem.field == field && problem.reason.contains(reason)
        }
    }

    @Test("W-7: the claim reads as given; missing lists are empty, a missing failure or cause is left to the rule")
    func read() throws {
        let valid = try Self.form {
            $0.parts = ["5Q0 611 701 C:2:86.00"]
            $0.bulletin = "RC-2026-017"
            $0.failure = nil
        }.validated()
        #expect(valid.vehicle == "LFV2A21K3N3000123" && valid.mileage == 15_230 && valid.failure.isEmpty)
        #expect(valid.labour == ["47 11 19 00:1.2"] && valid.parts == ["5Q0 611 701 C:2:86.00"])
        #expect(valid.bulletin == "RC-2026-017")
        #expect(try Self.form { $0.labour = nil }.validated().labour.isEmpty)
    }

    @Test(
        "Q-1: a claim line's problem names the form's field for its kind",
        arguments: [
            ("A:x", ClaimLine.Kind.labour, "labour"), ("5Q0 611 701 C", .part, "parts"), (":1", .part, "parts"),
        ])
    func lineFields(text: String, kind: ClaimLine.Kind, field: String) {
        let catalogue = ClaimCatalogue(standardHours: [:], partPrices: [:], hasLabour: false, hasParts: false)
        #expect {
            try ClaimLine.priced(text, kind: kind, labourRate: Money(fen: 12_000), catalogue: catalogue)
        } throws: { ($0 as? InvalidInput)?.field == field }
    }
}
