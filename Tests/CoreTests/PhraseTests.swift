import Core
import Testing

@Suite("Issue 16: phrases, the phrasebook and the language of the moment")
struct PhraseTests {
    @Test("Every Chinese template keeps its English key's placeholders, and a key says the same in every part")
    func phrasebookIsSound() {
        #expect(Phrasebook.problems() == [])
        #expect(Phrasebook.chinese.count > 0)
    }

    @Test("Interpolated data is kept apart from the words: the key has placeholders, the data is said as it is")
    func keysAndArguments() {
        let vin = "LFV2A21K3N3000123"
        let phrase: Phrase = "no vehicle \(vin) with \(grouped: 61_200) km"
        #expect(phrase.key == "no vehicle {0} with {1} km")
        #expect(phrase.rendered(Speech(.en)) == "no vehicle LFV2A21K3N3000123 with 61,200 km")
        // A literal split over two lines is one key, as if written as one.
        let split: Phrase = "the claim \(12) is " + "\("paid") and \(vin) is known"
        #expect(split.key == "the claim {0} is {1} and {2} is known")
        #expect(split.english == "the claim 12 is paid and LFV2A21K3N3000123 is known")
        // Braces the product writes (a template's {{field}}) survive as they are.
        let braces: Phrase = "{{due_date}} is not a field of \(vin)"
        #expect(braces.english == "{{due_date}} is not a field of LFV2A21K3N3000123")
    }

    @Test("A phrase renders in Chinese from the phrasebook, its nested phrases too, with Chinese dates and money")
    func chinese() {
        let error = NotFound("customer", "42")
        #expect(error.sentence.rendered(Speech(.zh)) == "找不到客户 42")
        #expect(error.sentence.rendered(Speech(.en)) == "no customer 42")
        let line: Phrase = "Error: \(error.sentence)"
        #expect(line.rendered(Speech(.zh)) == "错误：找不到客户 42")
        let day = LocalDate("2026-12-05")!
        let dated: Phrase = "\(day)"
        #expect(dated.rendered(Speech(.zh)) == "2026年12月5日")
        #expect(dated.rendered(Speech(.zh, dateStyle: .iso)) == "2026-12-05")
        #expect(dated.rendered(Speech(.en)) == "2026-12-05")
        let money: Phrase = "\(money: Money(fen: 123_450))"
        #expect(money.rendered(Speech(.zh)) == "¥1,234.50")
        // A key the book does not have yet is said in English rather than lost.
        #expect(Phrase("a sentence nobody translated").rendered(Speech(.zh)) == "a sentence nobody translated")
    }

    @Test("Speech.current is what `description` says in, and a task-local value does not leak to other tasks")
    func taskLocal() async {
        let error = InvalidInput(field: "vin", "is required")
        #expect(error.description == "vin: is required")
        await Speech.$current.withValue(Speech(.zh)) {
            #expect(Speech.current.language == .zh)
        }
        #expect(Speech.current.language == .en)
    }

    @Test(
        "Accept-Language picks the best language this product speaks",
        arguments: [
            ("zh-CN,zh;q=0.9,en;q=0.8", Language.zh), ("en-US,en;q=0.9", .en), ("fr-FR, en;q=0.5, zh;q=0.7", .zh),
            ("zh_CN", .zh), ("*", nil), ("fr", nil), ("en;q=0, zh;q=0.1", .zh),
        ] as [(String, Language?)])
    func acceptLanguage(header: String, expected: Language?) {
        #expect(Language(acceptLanguage: header) == expected)
    }

    @Test("The language comes from --lang, else $AFTERSALES_LANG, else the database's setting, else LANG, else zh")
    func resolution() throws {
        func resolve(_ option: String?, _ env: [String: String], _ stored: String?) throws -> Language {
            try Speech.resolve(option: option, environment: env) { stored }
        }
        #expect(try resolve("en", ["AFTERSALES_LANG": "zh"], "zh") == .en)
        #expect(try resolve(nil, ["AFTERSALES_LANG": "en", "LANG": "zh_CN.UTF-8"], "zh") == .en)
        #expect(try resolve(nil, ["LANG": "en_US.UTF-8"], "zh") == .zh)
        #expect(try resolve(nil, ["LANG": "en_US.UTF-8"], "system") == .en)
        #expect(try resolve(nil, ["LANG": "en_US.UTF-8"], nil) == .en)
        #expect(try resolve(nil, ["LANG": "C.UTF-8"], nil) == .zh)
        #expect(try resolve(nil, [:], nil) == .zh)
        #expect(throws: InvalidInput.self) { try resolve("fr", [:], nil) }
        #expect(throws: InvalidInput.self) { try resolve(nil, ["AFTERSALES_LANG": "klingon"], nil) }
    }
}

@Suite("Issue 16: a word keyed with its context")
struct PhraseContextTests {
    @Test("English says the word alone; the key keeps the context, so the same word can say two things in Chinese")
    func context() {
        let state = Phrase("received", context: "complaint state")
        #expect(state.key == "received ⟨complaint state⟩")
        #expect(state.english == "received")
        #expect(state.rendered(Speech(.zh)) == "已受理")
        // A context word without its Chinese falls back to the word, never to the key.
        #expect(Phrase("no such word", context: "nowhere").rendered(Speech(.zh)) == "no such word")
        let sentence: Phrase = "the complaint is \(state)"
        #expect(sentence.english == "the complaint is received")
    }
}
