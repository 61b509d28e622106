import Foundation
import TestSupport
import Testing

@Suite("aftersales workorder open for a vehicle not on file, delay, service history (real binary)")
struct ReceptionCLITests {
    let newVehicle = [
        "--new-vin", "LSVAU2180N2000999", "--make", "Volkswagen", "--model", "Lavida", "--usage", "private",
        "--plate", "京Q·20261",
    ]

    @Test("A-6: a new customer, vehicle and order in one step; the cards show the service history (C-6)")
    func registersAndShowsHistory() throws {
        let cli = try WorkOrderCLITests().dealer()
        let opened = try cli.run(
            ["workorder", "open", "--mileage", "8000", "--concern", "首次保养", "--name", "赵敏", "--phone", "13700001234"]
                + newVehicle)
        #expect(opened.stdout.contains("opened RO-20261206-001"), "\(opened.stdout)")
        let vehicle = try cli.run("vehicle", "show", "京Q·20261").stdout
        #expect(vehicle.contains("赵敏") && vehicle.contains("8,000"))
        #expect(vehicle.contains("Service history (C-6)") && vehicle.contains("RO-20261206-001"))
        #expect(vehicle.contains("首次保养"))
        let card = try cli.run("customer", "show", "2").stdout
        #expect(card.contains("Service history (C-6)") && card.contains("RO-20261206-001"), "\(card)")
        let json = try cli.run("customer", "show", "2", "--format", "json").stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let history = object?["serviceHistory"] as? [[String: Any]]
        let orders = history?.first?["orders"] as? [[String: Any]]
        #expect(orders?.first?["number"] as? String == "RO-20261206-001")
        #expect(object?["vehicleStatus"] != nil)  // the fields the card had are kept

        // From a customer search: the customer's only vehicle.
        try cli.run("workorder", "open", "--customer", "13800138000", "--mileage", "30000", "--concern", "异响")
        #expect(try cli.run("workorder", "show", "京A·12345").stdout.contains("RO-20261206-002"))
    }

    @Test("Q-7: a delay with its reason and new promise shows in the at-risk list")
    func delay() throws {
        let cli = try WorkOrderCLITests().dealer()
        try cli.run(
            "workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响", "--promised",
            "2026-12-06 17:00")
        let delayed = try cli.run(
            "workorder", "delay", "RO-20261206-001", "--reason", "parts", "--note", "等原厂刹车片", "--new-promise",
            "2026-12-08 17:00")
        #expect(delayed.stdout.contains("delay recorded on RO-20261206-001 (Q-7)"), "\(delayed.stdout)")
        var late = cli
        late.now = "2026-12-08T18:00:00+08:00"
        let risks = try late.run("workorder", "list", "--at-risk").stdout
        #expect(risks.contains("delay: parts, note: 等原厂刹车片"), "\(risks)")
        let zh = try Binaries.run(
            "aftersales", ["workorder", "list", "--at-risk", "--db", cli.database],
            environment: ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": late.now])
        #expect(zh.stdout.contains("缺件，备注：等原厂刹车片"), "\(zh.stdout)")
    }

    @Test("Bad input to open with a new vehicle and to delay is refused naming the option; nothing changes")
    func badInput() throws {
        let cli = try WorkOrderCLITests().dealer()
        try cli.run(
            "vehicle", "add", "--customer", "1", "--vin", "LFV2A21K3N3000456", "--plate", "京A·54321", "--make",
            "Volkswagen", "--model", "Golf", "--usage", "private")
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        let before = try Binaries.dump(cli.database)
        let order = "RO-20261206-001"
        let reception = ["workorder", "open", "--mileage", "8000", "--concern", "保养"]
        let customer = ["--name", "赵敏", "--phone", "13700001234"]
        try cli.expectRejected(
            [
                (reception + customer, 1, "--new-vin"),
                (reception + newVehicle, 1, "--name"),
                (reception + ["京A·12345"] + newVehicle + customer, 1, "--new-vin"),
                (reception + newVehicle + customer + ["--customer", "1"], 1, "--customer"),
                (
                    reception + ["--new-vin", "LSVAU2180N2000999", "--make", "VW", "--usage", "private"] + customer, 1,
                    "--model"
                ),
                (
                    reception + [
                        "--new-vin", "LFV2A21K3N3000123", "--make", "VW", "--model", "Golf", "--usage",
                        "private",
                    ] + customer, 1, "--new-vin"
                ),
                (reception + newVehicle + ["--name", "赵敏", "--phone", "12"], 1, "--phone"),
                (reception + newVehicle + ["--name", "赵敏", "--class", "retained"], 1, "--reason"),
                (reception + newVehicle + ["--customer", "99"], 1, "customer 99"),
                (reception + ["--customer", "1"], 1, "LFV2A21K3N3000456"),
                (reception + newVehicle + customer + ["--usage", "boat"], 64, "--usage"),
                (["workorder", "delay", order], 1, "--reason"),
                (["workorder", "delay", order, "--reason", "weather"], 64, "--reason"),
                (
                    ["workorder", "delay", order, "--reason", "parts", "--new-promise", "2026-12-06 08:00"], 1,
                    "--new-promise"
                ),
                (["workorder", "delay", order, "--reason", "parts", "--new-promise", "soon"], 1, "--new-promise"),
                (["workorder", "delay", "RO-20990101-001", "--reason", "parts"], 1, "RO-20990101-001"),
            ], unchanged: before)
    }

    @Test("Issue 16: reception's refusals, the delay and the history speak Chinese")
    func chinese() throws {
        let cli = try WorkOrderCLITests().dealer()
        let zh = ["AFTERSALES_LANG": "zh", "AFTERSALES_NOW": cli.now]
        let refused = try Binaries.run(
            "aftersales",
            ["workorder", "open", "--mileage", "8000", "--concern", "保养", "--name", "赵敏", "--db", cli.database],
            environment: zh)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("登记新客户时必填：进店的车辆（A-6）"), "\(refused.stderr)")
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        let card = try Binaries.run(
            "aftersales", ["vehicle", "show", "京A·12345", "--db", cli.database], environment: zh)
        #expect(card.stdout.contains("维修记录（C-6）") && card.stdout.contains("已开单"), "\(card.stdout)")
        let help = try Binaries.run("aftersales", ["workorder", "delay", "--help"], environment: zh)
        #expect(help.stdout.contains("记录工单延误的原因"), "\(help.stdout)")
    }

    @Test("A-6: walk-around photos: add, list and get back; a file that is no photo is refused, nothing changes")
    func photos() throws {
        let cli = try WorkOrderCLITests().dealer()
        try cli.run("workorder", "open", "京A·12345", "--mileage", "30000", "--concern", "刹车异响")
        let photo = cli.folder.path("右前门.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]).write(to: URL(fileURLWithPath: photo))
        let added = try cli.run("workorder", "photo", "add", "京A·12345", photo, "--note", "右前门划痕")
        #expect(added.stdout.contains("photo 1 kept with RO-20261206-001 (A-6)"), "\(added.stdout)")
        #expect(added.stdout.contains("image/jpeg"))
        let list = try cli.run("workorder", "photo", "list", "RO-20261206-001", "--format", "json").stdout
        #expect(list.contains("右前门划痕") && list.contains("\"mediaType\" : \"image/jpeg\""), "\(list)")
        let out = cli.folder.path("back.jpg")
        try cli.run("workorder", "photo", "get", "RO-20261206-001", "1", "--out", out)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]))

        let before = try Binaries.dump(cli.database)
        let pdf = cli.folder.path("单.pdf")
        try Data("%PDF-1.7".utf8).write(to: URL(fileURLWithPath: pdf))
        try cli.expectRejected(
            [
                (["workorder", "photo", "add", "RO-20261206-001", pdf], 1, "file"),
                (["workorder", "photo", "add", "RO-20261206-001", photo], 1, "file"),
                (["workorder", "photo", "add", "RO-20261206-001", cli.folder.path("missing.jpg")], 1, "file"),
                (["workorder", "photo", "add", "RO-20990101-001", photo], 1, "RO-20990101-001"),
                (["workorder", "photo", "get", "RO-20261206-001", "9", "--out", out], 1, "photo"),
                (["workorder", "photo", "get", "RO-20261206-001", "x", "--out", out], 64, "photo"),
            ], unchanged: before)
    }
}
