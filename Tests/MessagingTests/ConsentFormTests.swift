import Core
import Customers
import Foundation
import Testing

@testable import Messaging

@Suite("The consent form (issue 14: one consent input for the CLI and the API)")
struct ConsentFormTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    static func form(_ change: (inout ConsentForm) -> Void = { _ in }) -> ConsentForm {
        var form = ConsentForm()
        form.customer = 12
        form.channel = "sms"
        form.status = "opt-in"
        form.source = "到店登记表 2026-11-20"
        change(&form)
        return form
    }

    @Test(
        "M-3: a consent field that does not read is refused naming the form's field",
        arguments: [
            (form { $0.customer = nil }, "customer", "is required"),
            (form { $0.customer = -1 }, "customer", "expected a customer id"),
            (form { $0.channel = nil }, "channel", "is required: one of email, sms, letter"),
            (form { $0.channel = "wechat" }, "channel", "expected one of email, sms, letter"),
            (form { $0.status = nil }, "status", "is required: one of opt-in, opt-out"),
            (form { $0.status = "maybe" }, "status", "expected one of opt-in, opt-out"),
            (form { $0.at = "yesterday" }, "at", "expected a time such as"),
        ] as [(ConsentForm, String, String)])
    func refused(form: ConsentForm, field: String, reason: String) {
        #expect {
            try form.validated(timeZone: Self.shanghai)
        } throws: { error in
            guard let problem = error as? InvalidInput else { return false }
            return problem.field == field && problem.reason.contains(reason)
        }
    }

    @Test("M-3: the consent reads in any case; a wall time is the dealer's (T-2); a missing source is left to the rule")
    func read() throws {
        let valid = try Self.form {
            $0.channel = "SMS"
            $0.status = " Opt-Out "
            $0.at = "2026-11-20 09:30"
        }
        .validated(timeZone: Self.shanghai)
        #expect(valid.customer == Customer.ID(12) && valid.channel == .sms && valid.status == .optOut)
        #expect(valid.at == Instant.parse("2026-11-20T01:30:00Z"))
        #expect(try Self.form { $0.source = nil }.validated(timeZone: Self.shanghai).source.isEmpty)
    }
}
