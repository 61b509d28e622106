import Foundation
import TestSupport
import Testing

/// Issue 14: one input convention on the CLI and the API. The real binary, a temporary database.
@Suite("aftersales input convention (real binary)")
struct InputConventionCLITests {
    func setUp() throws -> CLI {
        var cli = try CLI()
        cli.now = "2026-11-23T10:00:00+08:00"
        try cli.run("init")
        try cli.run("staff", "add", "李娜", "--role", "cs-agent")
        try cli.run(
            "customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained",
            "--reason", "老客户")
        return cli
    }

    @Test("Ids in arguments and options: 0, -1, abc, 1.5, too large are exit 64 saying why; no such id is exit 1")
    func ids() throws {
        let cli = try setUp()
        let before = try Binaries.dump(cli.database)
        var cases: [([String], Int32, String)] = []
        let positive = "expected an id: a positive whole number"
        for bad in ["0", "abc", "1.5", "99999999999999999999"] {
            cases += [
                (["complaint", "show", bad], 64, "The value '\(bad)' is invalid for '<id>': \(positive)"),
                (["customer", "show", bad], 64, "'<id>': \(positive)"),
                (["claim", "show", bad], 64, "'<id>': \(positive)"),
                (["contact", "list", "--customer", bad], 64, "'--customer <customer>': \(positive)"),
                (["consent", "show", bad], 64, positive),
            ]
        }
        cases += [
            (
                ["complaint", "show", "-1"], 64,
                "-1 is not a valid value: ids, counts and figures are never negative"
            ),
            (
                ["contact", "list", "--customer", "-1"], 64,
                "a text that starts with a dash is written --customer=-1"
            ),
            (["contact", "list", "--customer=-1"], 64, "'--customer <customer>': expected an id"),
            (["complaint", "show", "42"], 1, "no complaint 42"),
            (["customer", "show", "42"], 1, "no customer 42"),
        ]
        try cli.expectRejected(cases, unchanged: before)
    }

    /// Runs each case and checks that a usage error lists the allowed values (one of them is `listed`).
    func expectUsage(
        _ cli: CLI, _ cases: [([String], String)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let before = try Binaries.dump(cli.database)
        for (arguments, listed) in cases {
            let said = try cli.run(arguments, expect: 64, sourceLocation: sourceLocation).stderr
            #expect(
                said.contains("Please provide one of") && said.contains(listed),
                "aftersales \(arguments.joined(separator: " ")) said: \(said)", sourceLocation: sourceLocation)
        }
        #expect(try Binaries.dump(cli.database) == before, sourceLocation: sourceLocation)
    }

    @Test("K-2, K-5, K-7, K-10, K-14: a complaint option outside its closed set is exit 64 listing the values")
    func complaintClosedSets() throws {
        let cli = try setUp()
        try cli.run(
            "complaint", "add", "--customer", "1", "--channel", "PHONE", "--received-by", "李娜",
            "--category", "price", "--description", "价格太高", "--wish", "explanation-apology")
        let add = ["complaint", "add", "--customer", "1", "--received-by", "李娜", "--description", "x"]
        try expectUsage(
            cli,
            [
                (add + ["--channel", "pigeon", "--category", "price"], "in-person"),
                (add + ["--channel", "phone", "--category", "weather"], "repair-technique"),
                (add + ["--channel", "phone", "--category", "price", "--wish", "money"], "compensation"),
                (["complaint", "list", "--state", "open"], "investigating"),
                (["complaint", "list", "--category", "weather"], "parts-quality"),
                (["complaint", "route", "1", "--to", "boss"], "technical-director"),
                (["complaint", "route", "1", "--cause", "weather"], "defect"),
                (["complaint", "escalate", "1", "--to", "ceo", "--reason", "x"], "general-manager"),
                (["complaint", "resolve", "1", "--summary", "x", "--measures", "y", "--cause", "weather"], "defect"),
                (["complaint", "close", "1", "--process", "great", "--result", "satisfied"], "fairly-satisfied"),
                (["complaint", "followup", "1", "--satisfaction", "8"], "very-dissatisfied"),
                (["complaint", "analyse", "1", "--cause", "weather"], "defect"),
                (["complaint", "attach", "1", "x.jpg", "--kind", "video"], "'photo', 'recording' or 'document'"),
            ])
        // Parsed, but the ladder only goes up (K-7): a rule's refusal, exit 1, nothing written.
        try cli.expectRejected(
            [
                (
                    ["complaint", "escalate", "1", "--to", "handler", "--reason", "x"], 1,
                    "already at handler"
                )
            ], unchanged: try Binaries.dump(cli.database))
    }

    @Test("W-6, W-7: claim status, bulletin kind and status are closed sets (exit 64); a bad extension is exit 1")
    func warrantyClosedSets() throws {
        let cli = try setUp()
        let bulletin = [
            "bulletin", "add", "--issued", "2026-10-12", "--title", "t", "--component", "c",
            "--summary", "s", "--remedy", "r", "--model", "Volkswagen:Sagitar",
        ]
        try expectUsage(
            cli,
            [
                (["claim", "list", "--status", "pending"], "submitted"),
                (["claim", "export", "--status", "pending"], "cancelled"),
                (["bulletin", "list", "--kind", "memo"], "'recall', 'campaign', 'tsb' or 'extension'"),
                (bulletin + ["--number", "X-1", "--kind", "recall", "--status", "gone"], "'active' and 'withdrawn'"),
                (["warranty", "exclusion", "LFV2A21K3N3000123", "--kind", "rain", "--source", "x"], "accident"),
            ])
        try cli.run("claim", "list", "--status", "Submitted")
        // W-6: an extension parses as a kind, but one without its limits breaks the bulletin's rule.
        try cli.expectRejected(
            [(bulletin + ["--number", "EX-1", "--kind", "extension"], 1, "extension")],
            unchanged: try Binaries.dump(cli.database))
    }

    @Test("M-1, M-4: reminder kind, response kind and outbox state are closed sets (exit 64 listing them)")
    func campaignClosedSets() throws {
        let cli = try setUp()
        try expectUsage(
            cli,
            [
                (["reminder", "run", "--kind", "oil"], "maintenance-due"),
                (
                    ["campaign", "respond", "--customer", "1", "--kind", "like"],
                    "'appointment', 'visit', 'reply' or 'opt-out'"
                ),
                (["outbox", "list", "--state", "lost"], "suppressed"),
                (["outbox", "list", "--channel", "fax"], "'email', 'sms' or 'letter'"),
            ])
        try cli.run("reminder", "run", "--kind", "birthday", "--dry-run")
        // M-4: a response kind that parses, from a customer no campaign reached, is the rule's refusal (exit 1).
        try cli.expectRejected(
            [
                (
                    ["campaign", "respond", "--customer", "1", "--kind", "visit"], 1,
                    "no campaign message reached"
                )
            ], unchanged: try Binaries.dump(cli.database))
    }

    @Test("Staff roles, search fields, checks, card kinds and contact fields are closed sets (exit 64 listing them)")
    func otherClosedSets() throws {
        let cli = try setUp()
        try expectUsage(
            cli,
            [
                (["staff", "add", "张三", "--role", "boss"], "sales-consultant"),
                (["token", "create", "--role", "boss", "--name", "x"], "cs-agent"),
                (["customer", "search", "王", "--by", "email"], "'name', 'phone', 'plate' or 'vin'"),
                (["check", "list", "everything"], "departed-staff"),
                (["customer", "add", "--name", "李强", "--gender", "x"], "'male' and 'female'"),
                (["customer", "edit", "1", "--grade", "D"], "'A', 'B' or 'C'"),
                (["customer", "edit", "1", "--kind", "robot"], "'person' and 'organisation'"),
                (["task", "done", "1", "--response", "x", "--outcome", "maybe"], "no-answer"),
                (["import-customers", "x.csv", "--encoding", "latin1"], "'utf-8', 'gb18030' or 'auto'"),
            ])
        // The Chinese names still read, an empty value still clears, and a role that parses may break a rule (exit 1).
        try cli.run("customer", "edit", "1", "--gender", "女", "--grade", "")
        try cli.expectRejected(
            [(["staff", "add", "李娜", "--role", "cs-manager"], 1, "already exists")],
            unchanged: try Binaries.dump(cli.database))
    }

    @Test("Days, times, VINs, km and money that do not parse are exit 64 saying the format; a rule's refusal is 1")
    func formats() throws {
        let cli = try setUp()
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--make", "Volkswagen",
            "--model", "Sagitar", "--usage", "private")
        try cli.run("vehicle", "mileage", "LFV2A21K3N3000123", "--km", "8600")
        let vehicle = ["vehicle", "add", "--customer", "1", "--make", "VW", "--model", "Golf", "--usage", "private"]
        let complaint = [
            "complaint", "add", "--customer", "1", "--channel", "phone", "--received-by", "李娜",
            "--category", "price", "--description", "x",
        ]
        let before = try Binaries.dump(cli.database)
        try cli.expectRejected(
            [
                (
                    ["warranty", "visit", "LFV2A21K3N3000123", "--on", "2026-02-30", "--km", "5000"], 64,
                    "'--on <on>': expected a date YYYY-MM-DD, got \"2026-02-30\""
                ),
                (
                    ["customer", "edit", "1", "--birth-date", "1990/01/01"], 64,
                    "'--birth-date <birth-date>': expected a date"
                ),
                (
                    ["vehicle", "deliver", "LFV2A21K3N3000123", "--at", "tomorrow 9am"], 64,
                    "'--at <at>': expected a time such as \"2026-11-23 09:30\""
                ),
                (
                    complaint + ["--received-at", "2026-11-23 25:00"], 64,
                    "'--received-at <received-at>': expected a time"
                ),
                (["audit", "--since", "2026-11"], 64, "expected a day YYYY-MM-DD or a time"),
                (vehicle + ["--vin", "LFV2A21K3NO000124"], 64, "character 'O' at position 11 is not allowed in a VIN"),
                (["vehicle", "mileage", "LFV2A21K3N3000123", "--km", "many"], 64, "'--km <km>'"),
                (["vehicle", "mileage", "LFV2A21K3N3000123", "--km", "-5"], 64, "never negative"),
                (
                    ["value", "add", "--customer", "1", "--amount", "3.999", "--on", "2026-11-01"], 64,
                    "expected an amount in yuan such as 396.00"
                ),
                (["claim", "pay", "1", "--amount", "¥396"], 64, "expected an amount in yuan"),
                // Parsed, but a rule refuses (exit 1, one line naming the field):
                (
                    ["customer", "edit", "1", "--birth-date", "2099-01-01"], 1,
                    "birth-date: 2099-01-01 is in the future"
                ),
                (complaint + ["--received-at", "2027-01-01 09:00"], 1, "cannot be received in the future"),
                (vehicle + ["--vin", "LFV2A21K3N3000123"], 1, "LFV2A21K3N3000123"),
                (["vehicle", "mileage", "LFV2A21K3N3000123", "--km", "4000"], 1, "kilometres"),
                (
                    ["value", "add", "--customer", "1", "--amount", "0", "--on", "2026-11-01"], 1,
                    "amount: must be more than 0"
                ),
            ], unchanged: before)
        // The dealer's wall time (T-2) and the dealer's day still read as before.
        try cli.run("vehicle", "deliver", "LFV2A21K3N3000123", "--at", "2026-11-20 10:30")
        try cli.run("audit", "--since", "2026-11-01")
    }

    @Test("K-1, K-3, K-8: complaint add reads the complaint form; a problem names the option the user typed")
    func complaintForm() throws {
        let cli = try setUp()
        try cli.run("staff", "add", "王丽", "--role", "service-advisor")
        let add = [
            "complaint", "add", "--customer", "1", "--channel", "phone", "--category", "price",
            "--description", "价格太高",
        ]
        try cli.expectRejected(
            [
                (
                    add + ["--received-by", "李娜", "--received-at", "2027-01-01 09:00"], 1,
                    "--received-at: the complaint cannot be received in the future"
                ),
                (
                    add + ["--received-by", " ", "--owner", "李娜"], 1,
                    "--received-by: record who received the complaint first (K-3)"
                ),
                (add + ["--received-by", "李娜", "--crisis", " "], 1, "--crisis: say why this is a crisis (K-8"),
                (add + ["--received-by", "王丽"], 1, "--owner: 王丽 is not customer-service staff"),
                (add + ["--received-by", "李娜", "--vin", "LFV2A21K3N3000123"], 1, "LFV2A21K3N3000123"),
            ], unchanged: try Binaries.dump(cli.database))
    }

    @Test("M-2: segment create reads the segment form; a problem names the argument or option the user typed")
    func segmentForm() throws {
        let cli = try setUp()
        try cli.expectRejected(
            [
                (["segment", "create", " ", "--filter", "class = retained"], 1, "<name>: give the segment a name"),
                (
                    ["segment", "create", "lapsed", "--filter", "class = retaind"], 1,
                    "--filter: column 9: class is one of"
                ),
                (["segment", "create", "lapsed", "--filter", " "], 1, "--filter: the filter is empty"),
            ], unchanged: try Binaries.dump(cli.database))
        try cli.run("segment", "create", "lapsed", "--filter", "class = retained")
        try cli.expectRejected(
            [
                (
                    ["segment", "create", "lapsed", "--filter", "class = retained"], 1,
                    "<name>: segment lapsed exists already"
                )
            ], unchanged: try Binaries.dump(cli.database))
    }

    @Test("M-2, M-4: campaign create reads the campaign form; a problem names the option the user typed")
    func campaignForm() throws {
        let cli = try setUp()
        try cli.run("segment", "create", "retained", "--filter", "class = retained")
        let file = try cli.folder.write("care.mustache", "{{name}}：{{due_date}}到期")
        let create = ["campaign", "create", "care", "--segment", "retained", "--category", "service"]
        try cli.expectRejected(
            [
                (
                    create + ["--channel", "email", "--template", "{{name}}"], 1,
                    "--subject: an e-mail campaign needs a subject"
                ),
                (
                    create + ["--channel", "sms", "--template", "{{name}}", "--response-window", "400"], 1,
                    "--response-window: expected 1 to 365 days, got 400"
                ),
                (
                    create + ["--channel", "sms", "--template", "{{name}}：{{due_date}}"], 1,
                    "--template: line 1, column"
                ),
                (create + ["--channel", "sms", "--template-file", file], 1, "--template-file: line 1, column"),
                (create + ["--channel", "sms", "--template", "{{name}}", "--segment", "nope"], 1, "no segment nope"),
            ], unchanged: try Binaries.dump(cli.database))
    }

    @Test("W-7, Q-1: claim create and edit read the claim form; a problem names the argument or option the user typed")
    func claimForm() throws {
        let cli = try setUp()
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000123", "--make", "Volkswagen",
            "--model", "Sagitar", "--usage", "private", "--delivered-at", "2026-01-10 10:00")
        let create = ["claim", "create", "LFV2A21K3N3000123", "--mileage", "15230", "--cause", "制动软管磨损"]
        try cli.run(create + ["--failure", "前制动异响", "--labour", "A:1.2", "--repair-order", "RO-1", "--line", "2"])
        try cli.expectRejected(
            [
                (create + ["--failure", " ", "--labour", "A:1"], 1, "--failure: describe the failure"),
                (create + ["--failure", "异响"], 1, "--labour: a claim needs at least one labour operation or part"),
                (
                    create + ["--failure", "异响", "--part", "5Q0 611 701 C"], 1,
                    "--part: expected NUMBER:QUANTITY[:PRICE]"
                ),
                (
                    create + ["--failure", "异响", "--labour", "A:1", "--repair-order", "RO-1", "--line", "2"], 1,
                    "--line: repair order RO-1 line 2 is already claimed in claim 1"
                ),
                (
                    [
                        "claim", "create", "LFV2A21K3N3000999", "--mileage", "1", "--failure", "x", "--cause", "y",
                        "--labour", "A:1",
                    ], 1, "3000999"
                ),
                (["claim", "edit", "1", "--part", "X"], 1, "--part: expected NUMBER:QUANTITY[:PRICE]"),
            ], unchanged: try Binaries.dump(cli.database))
    }

    @Test("M-3: consent set reads the consent form; a problem names the option the user typed")
    func consentForm() throws {
        let cli = try setUp()
        let set = ["consent", "set", "1", "--channel", "sms", "--status", "opt-in"]
        try cli.expectRejected(
            [
                (set + ["--source", " "], 1, "--source: say where the consent comes from"),
                (
                    set + ["--source", "到店登记表", "--at", "2027-01-01 09:00"], 1,
                    "--at: 2027-01-01T09:00:00+08:00 is in the future"
                ),
                (
                    ["consent", "set", "42", "--channel", "sms", "--status", "opt-in", "--source", "x"], 1,
                    "no customer 42"
                ),
            ], unchanged: try Binaries.dump(cli.database))
    }
}
