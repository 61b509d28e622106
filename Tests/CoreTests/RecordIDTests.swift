import Testing

@testable import Core

@Suite("Record ids (issue 14: one parser for CLI arguments and API paths)")
struct RecordIDTests {
    @Test(
        "A record id is a positive whole number that fits a row id; anything else is refused naming the field",
        arguments: [("1", 1), ("42", 42), (" 7 ", 7), ("007", 7), ("9223372036854775807", Int64.max)])
    func accepted(text: String, value: Int64) throws {
        #expect(try RecordID.parse(text, field: "id") == value)
    }

    @Test(
        "0, negative, decimal, signed, non-numeric, empty and too-large ids are refused with the text",
        arguments: [
            "0", "-1", "abc", "1.5", "+5", "", " ", "1e3", "99999999999999999999", "9223372036854775808",
            "١٢",
        ])
    func refused(text: String) {
        #expect {
            try RecordID.parse(text, field: "id", what: "a complaint id")
        } throws: { error in
            guard let problem = error as? InvalidInput else { return false }
            return problem.field == "id" && problem.reason.contains("expected a complaint id: a positive whole number")
                && problem.reason.contains("got \"\(text)\"")
        }
    }
}
