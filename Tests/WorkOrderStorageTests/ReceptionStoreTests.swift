import Core
import Customers
import Foundation
import GRDB
import TestSupport
import Testing
import WorkOrders

@testable import Storage

/// Reception of a vehicle not on file, delays and the service history of the cards (C-6).
@Suite("Reception, delays and service history (A-6, Q-7, C-6)")
struct ReceptionStoreTests {
    static let newVIN = "LSVAU2180N2000999"

    func reception(_ shop: WorkshopFixture, mileage: Int = 8_000) -> ReceptionForm {
        var form = ReceptionForm()
        form.mileage = mileage
        form.concerns = ["首次保养"]
        return form
    }

    func newVehicle(_ vin: String = Self.newVIN) -> VehicleForm {
        var vehicle = VehicleForm()
        vehicle.vin = vin
        vehicle.make = "Volkswagen"
        vehicle.model = "Lavida"
        vehicle.usage = "private"
        vehicle.plate = "京Q·20261"
        return vehicle
    }

    func newCustomer() -> CustomerForm {
        var customer = CustomerForm()
        customer.name = "赵敏"
        customer.phones = ["13700001234"]
        return customer
    }

    func count(_ shop: WorkshopFixture, _ table: String) throws -> Int {
        try shop.db.writer.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? 0 }
    }

    @Test("A-6: an unknown vehicle and its new customer are registered with the order, each audited")
    func registersAtReception() throws {
        let shop = try WorkshopFixture()
        var form = reception(shop)
        form.newVehicle = newVehicle()
        form.customer = newCustomer()
        let order = try shop.db.receive(form, actor: "王顾问")
        #expect(order.vin.value == Self.newVIN)
        let card = try shop.db.vehicleCard(VIN(trusted: Self.newVIN))
        #expect(card.ownerName == "赵敏")
        #expect(card.latestKilometres == 8_000)  // C-6: the reception's reading
        let audited = try shop.db.writer.read {
            try String.fetchAll(
                $0, sql: "SELECT entity || ' ' || action FROM audit_log WHERE actor = '王顾问' ORDER BY id")
        }
        #expect(audited == ["customer create", "vehicle create", "work_order open"])
    }

    @Test("A-6: a refusal in the vehicle part leaves no customer behind (one transaction)")
    func oneTransaction() throws {
        let shop = try WorkshopFixture()
        let customers = try count(shop, "customer")
        let audit = try count(shop, "audit_log")
        var form = reception(shop)
        form.newVehicle = newVehicle(WorkshopFixture.vin.value)  // already on file
        form.customer = newCustomer()
        let error = #expect(throws: (any Error).self) { try shop.db.receive(form, actor: "王顾问") }
        #expect((error as? any AfterSalesError)?.field == "newVehicle.vin")
        #expect((error as? any AfterSalesError)?.kind == .conflict)
        #expect(try count(shop, "customer") == customers)
        #expect(try count(shop, "audit_log") == audit)
        #expect(try count(shop, "work_order") == 0)

        form.newVehicle = newVehicle()
        form.customer?.name = " "
        let bad = #expect(throws: (any Error).self) { try shop.db.receive(form, actor: "王顾问") }
        #expect((bad as? any AfterSalesError)?.field == "customer.name")
        #expect(try count(shop, "vehicle") == 1)
    }

    @Test("A-6: which vehicle comes in is said once: a vehicle on file, or a new one with its owner")
    func combinations() throws {
        let shop = try WorkshopFixture()
        var onFileAndNew = reception(shop)
        onFileAndNew.vin = "京A·12345"
        onFileAndNew.newVehicle = newVehicle()
        var customerAlone = reception(shop)
        customerAlone.customer = newCustomer()
        var ownerless = reception(shop)
        ownerless.newVehicle = newVehicle()
        var bothOwners = reception(shop)
        bothOwners.newVehicle = newVehicle()
        bothOwners.customer = newCustomer()
        bothOwners.customerRef = "1"
        for (form, field) in [
            (onFileAndNew, "newVehicle"), (customerAlone, "newVehicle"), (ownerless, "customer"),
            (bothOwners, "customerRef"),
        ] {
            let error = #expect(throws: (any Error).self) { try shop.db.receive(form, actor: "王顾问") }
            #expect((error as? any AfterSalesError)?.field == field)
            #expect((error as? any AfterSalesError)?.kind == .invalid)
        }
        #expect(try count(shop, "customer") == 1)
    }

    @Test("A-6: from a customer search: a new vehicle for a customer on file, and a customer's only vehicle")
    func customerOnFile() throws {
        let shop = try WorkshopFixture()
        var alone = reception(shop, mileage: 30_000)
        alone.customerRef = "13800138000"
        #expect(try shop.db.receive(alone, actor: "王顾问").vin == WorkshopFixture.vin)

        var second = reception(shop)
        second.newVehicle = newVehicle()
        second.customerRef = "1"
        #expect(try shop.db.receive(second, actor: "王顾问").vin.value == Self.newVIN)
        #expect(try shop.db.vehicleCard(VIN(trusted: Self.newVIN)).ownerName == "王芳")

        alone.mileage = 30_100
        let error = #expect(throws: (any Error).self) { try shop.db.receive(alone, actor: "王顾问") }
        #expect((error as? any AfterSalesError)?.field == "customerRef")
        let message = (error as? any AfterSalesError)?.sentence.rendered() ?? ""
        #expect(message.contains(WorkshopFixture.vin.value) && message.contains(Self.newVIN))
    }

    @Test("Q-7: a delay keeps its cause and note, moves the promise, and the at-risk list says it")
    func delay() throws {
        let shop = try WorkshopFixture()
        let order = try shop.open()
        var form = DelayForm()
        form.reason = "parts"
        form.note = "等原厂刹车片"
        form.newPromise = "2026-12-06 10:00"
        shop.clock.set(instant("2026-12-06T11:00:00+08:00"))
        let delayed = try shop.db.delayWorkOrder(order.number, form, actor: "王顾问")
        #expect(delayed.delayReason == "parts: 等原厂刹车片")
        #expect(delayed.reception.promisedAt == instant("2026-12-06T10:00:00+08:00"))
        let risks = try shop.db.workOrdersAtRisk().first { $0.order.number == order.number }?.risks ?? []
        #expect(risks.map { $0.spoken.rendered() }.contains("delay: parts, note: 等原厂刹车片"))
        Speech.$current.withValue(Speech(.zh)) {
            #expect(risks.map { $0.spoken.rendered() }.contains { $0.contains("缺件，备注：等原厂刹车片") })
        }
        let actions = try shop.db.writer.read {
            try String.fetchAll(
                $0, sql: "SELECT action FROM audit_log WHERE entity = 'work_order' AND entity_id = ? ORDER BY id",
                arguments: [order.number])
        }
        #expect(actions.suffix(2) == ["promise", "delay"])

        for (reason, promise, field) in [
            (nil, nil, "reason"), ("weather", nil, "reason"), ("parts", "2026-12-06 08:00", "newPromise"),
            ("parts", "tomorrow", "newPromise"),
            // An empty time is refused, not read as "no new promise" (found by schemathesis).
            ("parts", " ", "newPromise"),
        ] as [(String?, String?, String)] {
            var bad = DelayForm()
            bad.reason = reason
            bad.newPromise = promise
            let error = #expect(throws: (any Error).self) { try shop.db.delayWorkOrder(order.number, bad, actor: "t") }
            #expect((error as? any AfterSalesError)?.field == field)
        }
    }

    @Test("C-6: the vehicle and the customer card list the service history, newest first, with a count of more")
    func serviceHistory() throws {
        let shop = try WorkshopFixture()
        var numbers: [String] = []
        for visit in 0..<6 {
            numbers.append(try shop.open(mileage: 30_000 + visit * 100, concerns: ["保养 \(visit)"]).number)
        }
        let history = try #require(try shop.db.vehicleCard(WorkshopFixture.vin).serviceHistory)
        #expect(history.orders.map(\.number) == numbers.reversed())
        #expect(history.more == 0)
        #expect(history.orders.first?.jobs == ["保养 5"])
        #expect(history.orders.first?.mileage == 30_500)
        #expect(history.orders.first?.state == .open)
        let card = try shop.db.customerCard(Customer.ID(1))
        #expect(card.serviceHistory.count == 1)
        #expect(card.serviceHistory[0].orders.map(\.number) == Array(numbers.reversed().prefix(5)))
        #expect(card.serviceHistory[0].more == 1)
    }

    @Test("A-6: walk-around photos are kept like complaint evidence: checked by their bytes, listed, read, audited")
    func photos() throws {
        let shop = try WorkshopFixture()
        let order = try shop.open()
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]
        let photo = try shop.db.addWorkOrderPhoto(
            order.number, name: "/tmp/右前门.jpg", bytes: jpeg, note: "右前门划痕", actor: "王顾问")
        #expect(photo.name == "右前门.jpg" && photo.mediaType == "image/jpeg" && photo.kind == .photo)
        #expect(try shop.db.workOrderPhotos(order.number).map(\.note) == ["右前门划痕"])
        let (info, data) = try shop.db.workOrderPhoto(order.number, id: photo.id)
        #expect(info == photo && [UInt8](data) == jpeg)
        let audited = try shop.db.writer.read {
            try String.fetchAll(
                $0, sql: "SELECT action FROM audit_log WHERE entity = 'work_order' AND entity_id = ? ORDER BY id",
                arguments: [order.number])
        }
        #expect(audited.last == "photo")

        let twice = #expect(throws: (any Error).self) {
            try shop.db.addWorkOrderPhoto(order.number, name: "again.jpg", bytes: jpeg, note: nil, actor: "t")
        }
        #expect((twice as? any AfterSalesError)?.kind == .conflict)
        let pdf = #expect(throws: (any Error).self) {
            try shop.db.addWorkOrderPhoto(
                order.number, name: "单.pdf", bytes: Array("%PDF-1.7".utf8), note: nil, actor: "t")
        }
        #expect((pdf as? any AfterSalesError)?.kind == .unsupportedMedia)
        #expect(throws: (any Error).self) { try shop.db.workOrderPhoto(order.number, id: 99) }
        #expect(try shop.db.workOrderPhotos(order.number).count == 1)
    }
}
