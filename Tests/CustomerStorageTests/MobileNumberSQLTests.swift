import Customers
import GRDB
import Testing

import CustomerStorage

@Suite("The mobile-number GLOB agrees with ContactDetails.isMobile")
struct MobileNumberSQLTests {
    @Test("For random phone-like texts, SQLite's GLOB and the Customers rule give the same answer")
    func randomized() throws {
        let queue = try DatabaseQueue()
        var seed = UInt64(20_261_205)
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        // Mostly digits, with the characters a number can be mistyped with: letters, spaces, full-width and
        // Arabic-Indic digits, a plus sign, a star (a GLOB wildcard).
        let alphabet = Array("0123456789") + Array("0123456789") + ["１", "٣", "a", " ", "+", "*", "?", "-", "一"]
        var texts = ["13800138000", "19912345678", "12800138000", "1380013800", "138001380000", "", "1"]
        for _ in 0..<20_000 {
            let length = [9, 10, 11, 11, 11, 11, 12, 13][next(8)]
            // Half are digits only, so that both answers come up often.
            let characters = next(2) == 0 ? 10 : alphabet.count
            var text = next(4) == 0 ? "" : "1" + String(alphabet[next(10)])
            while text.count < length { text.append(alphabet[next(characters)]) }
            texts.append(text)
        }
        var mobiles = 0
        try queue.read { db in
            for text in texts {
                let glob = try Bool.fetchOne(
                    db, sql: "SELECT ? GLOB ?", arguments: [text, ContactDetails.mobileGlob])
                #expect(glob == ContactDetails.isMobile(text), "\(text.debugDescription)")
                if glob == true { mobiles += 1 }
            }
        }
        // The generator reaches both answers often enough for the comparison to mean something.
        #expect(mobiles > 1_000 && mobiles < texts.count - 1_000)
    }
}
