import Customers
import GRDB
import Testing

import CustomerStorage

@Suite("The mobile-number shortcut agrees with ContactDetails.isMobile")
struct MobileNumberSQLTests {
    @Test("For customers with random phone-like texts, the SQL candidate and its check pick the rule's first mobile")
    func randomized() throws {
        let queue = try DatabaseQueue()
        var seed = UInt64(20_261_205)
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        // Mostly digits, with the characters a number can be mistyped with: letters, spaces, full-width and
        // Arabic-Indic digits, a plus sign, wildcards.
        let alphabet = Array("0123456789") + Array("0123456789") + ["１", "٣", "a", " ", "+", "*", "?", "-", "一"]
        func phone() -> String {
            let length = [9, 10, 11, 11, 11, 11, 12, 13][next(8)]
            // Half are digits only, so that both answers come up often.
            let characters = next(2) == 0 ? 10 : alphabet.count
            var text = next(4) == 0 ? "" : "1" + String(alphabet[next(10)])
            while text.count < length { text.append(alphabet[next(characters)]) }
            return text
        }
        var expected: [Int64: String] = [:]
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE customer (id INTEGER PRIMARY KEY)")
            try db.execute(
                sql: """
                    CREATE TABLE customer_phone (customer_id INTEGER NOT NULL, phone TEXT NOT NULL, \
                    PRIMARY KEY (customer_id, phone)) WITHOUT ROWID
                    """)
            for id in Int64(1)...4_000 {
                try db.execute(sql: "INSERT INTO customer (id) VALUES (?)", arguments: [id])
                var phones: Set<String> = []
                for _ in 0..<next(4) { phones.insert(phone()) }
                for text in phones {
                    try db.execute(sql: "INSERT INTO customer_phone VALUES (?, ?)", arguments: [id, text])
                }
                // The definition: the first of the customer's numbers, in order, that is a mobile number.
                expected[id] = phones.filter(ContactDetails.isMobile).min()
            }
        }
        var found = 0
        try queue.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT c.id, \(ContactDetails.mobileCandidateSQL(customer: "c.id")) FROM customer c")
            for row in rows {
                let id: Int64 = row[0]
                let mobile = try ContactDetails.mobileNumber(db, candidate: row[1], customer: id)
                #expect(mobile == expected[id], "customer \(id)")
                if mobile != nil { found += 1 }
            }
        }
        // The generator reaches both answers often enough for the comparison to mean something.
        #expect(found > 500 && found < 3_500)
    }
}
