import Foundation
import Testing
import TestSupport

/// Issue 14: one input convention on the CLI and the API. The real binary, a temporary database.
@Suite("aftersales input convention (real binary)")
struct InputConventionCLITests {
    func setUp() throws -> CLI {
        var cli = try CLI()
        cli.now = "2026-11-23T10:00:00+08:00"
        try cli.run("init")
        try cli.run("staff", "add", "李娜", "--role", "cs-agent")
        try cli.run("customer", "add", "--name", "王芳", "--phone", "13800138000", "--class", "retained",
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
            cases += [(["complaint", "show", bad], 64, "The value '\(bad)' is invalid for '<id>': \(positive)"),
                      (["customer", "show", bad], 64, "'<id>': \(positive)"),
                      (["claim", "show", bad], 64, "'<id>': \(positive)"),
                      (["contact", "list", "--customer", bad], 64, "'--customer <customer>': \(positive)"),
                      (["consent", "show", bad], 64, positive)]
        }
        cases += [(["complaint", "show", "-1"], 64,
                   "-1 is not a valid value: ids, counts and figures are never negative"),
                  (["contact", "list", "--customer", "-1"], 64,
                   "a text that starts with a dash is written --customer=-1"),
                  (["contact", "list", "--customer=-1"], 64, "'--customer <customer>': expected an id"),
                  (["complaint", "show", "42"], 1, "no complaint 42"),
                  (["customer", "show", "42"], 1, "no customer 42")]
        try cli.expectRejected(cases, unchanged: before)
    }
}
