import Testing

@testable import Core

@Suite("Form fields (issue 14: a problem names the field as the caller wrote it)")
struct FormFieldTests {
    enum Field: String, FormField { case receivedAt, owner }

    static func cli(_ field: Field) -> String { field == .receivedAt ? "--received-at" : "--owner" }

    @Test(
        "An error naming a form field is renamed, its kind and reason kept; any other error passes unchanged",
        arguments: [
            (
                InvalidInput(field: "receivedAt", "cannot be received in the future") as any AfterSalesError,
                "--received-at", "--received-at: cannot be received in the future"
            ),
            (
                Conflict(field: "owner", "王丽 is not customer-service staff"), "--owner",
                "--owner: 王丽 is not customer-service staff"
            ),
            (NotFound("customer", "9", field: "owner"), "--owner", "no customer 9"),
            (InvalidInput(field: "reason", "give the reason"), "reason", "reason: give the reason"),
            (InvalidInput(field: nil, "a JSON body is required"), nil, "a JSON body is required"),
        ] as [(any AfterSalesError, String?, String)])
    func renamed(error: any AfterSalesError, field: String?, message: String) {
        #expect {
            try Field.naming(Self.cli) { throw error }
        } throws: { thrown in
            guard let renamed = thrown as? any AfterSalesError else { return false }
            return renamed.field == field && renamed.description == message && renamed.kind == error.kind
                && renamed.detail == error.detail
        }
    }
}
