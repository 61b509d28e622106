import Core
import Testing

@testable import Catalog

@Suite("Catalogue prices (Q-1)")
struct PricingTests {
    @Test("Q-1: an operation costs its standard hours × the labour rate, rounded half-up to the fen")
    func labourPrice() {
        let oilChange = LabourOperation(code: "10 11 00 00", make: "Volkswagen", centihours: 80, description: "更换机油")
        #expect(oilChange.price(labourRate: Money(fen: 18_000)) == Money(fen: 14_400))
        // 0.33 h × 1.50 yuan = 0.495 yuan → 0.50 (half-up), not 0.49.
        let short = LabourOperation(code: "X", make: "VW", centihours: 33, description: "d")
        #expect(short.price(labourRate: Money(fen: 150)) == Money(fen: 50))
        #expect(Pricing.roundHalfUp(1_249, dividedBy: 100) == 12)
        #expect(Pricing.roundHalfUp(1_250, dividedBy: 100) == 13)
    }

    @Test("Q-1: a changed part price is kept with its day, and a quote on a day takes the price then in force")
    func priceHistory() {
        let history = [
            PartPrice(price: Money(fen: 8_600), currency: "CNY", effective: LocalDate("2026-01-01")!, source: "a"),
            PartPrice(price: Money(fen: 9_100), currency: "CNY", effective: LocalDate("2026-11-01")!, source: "b"),
        ]
        #expect(PartPrice.inForce(on: LocalDate("2026-10-31")!, among: history)?.price == Money(fen: 8_600))
        #expect(PartPrice.inForce(on: LocalDate("2026-11-01")!, among: history)?.price == Money(fen: 9_100))
        #expect(PartPrice.inForce(on: LocalDate("2025-12-31")!, among: history) == nil)
        #expect(Pricing.partsLine(quantity: 2, unitPrice: Money(fen: 8_600)) == Money(fen: 17_200))
    }

    @Test("A part needs a name, a price above zero and an ISO currency")
    func partValidation() {
        #expect(throws: InvalidInput.self) {
            try CatalogPart(number: "A", name: " ", price: Money(fen: 1), currency: "CNY").validate()
        }
        #expect(throws: InvalidInput.self) {
            try CatalogPart(number: "A", name: "滤清器", price: Money(fen: 0), currency: "CNY").validate()
        }
        #expect(throws: InvalidInput.self) {
            try CatalogPart(number: "A", name: "滤清器", price: Money(fen: 1), currency: "rmb").validate()
        }
        #expect(throws: Never.self) {
            try CatalogPart(number: "A", name: "滤清器", price: Money(fen: 1), currency: "CNY").validate()
        }
    }
}
