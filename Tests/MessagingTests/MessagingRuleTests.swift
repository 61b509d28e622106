import Core
import Customers
import Foundation
import Testing

@testable import Messaging

@Suite("Consent, cap and unsubscribe (M-3)")
struct ConsentTests {
    @Test(
        "M-3: marketing needs an opt-in; service needs none but honours an opt-out; a recall always goes out",
        arguments: [
            (MessageCategory.marketing, ConsentStatus?.none, ConsentDecision.suppressed(.noOptIn)),
            (.marketing, .optIn, .allowed),
            (.marketing, .optOut, .suppressed(.optedOut)),
            (.service, nil, .allowed),
            (.service, .optIn, .allowed),
            (.service, .optOut, .suppressed(.optedOut)),
            (.recall, nil, .allowed),
            (.recall, .optOut, .allowedDespiteOptOut),
        ])
    func consent(category: MessageCategory, consent: ConsentStatus?, expected: ConsentDecision) {
        #expect(ConsentPolicy.decide(category, consent: consent) == expected)
    }

    @Test("M-3: at most 2 marketing SMS in 30×24 hours; e-mail, letters and service SMS are not capped")
    func cap() {
        let cap = FrequencyCap()
        #expect(cap.allows(.marketing, channel: .sms, counted: 1))
        #expect(!cap.allows(.marketing, channel: .sms, counted: 2))
        #expect(cap.allows(.service, channel: .sms, counted: 9))
        #expect(cap.allows(.marketing, channel: .email, counted: 9))
        let now = Instant.parse("2026-12-01T09:00:00Z")!
        #expect(cap.windowStart(before: now) == Instant.parse("2026-11-01T09:00:00Z")!)
    }

    @Test("HMAC-SHA256 matches RFC 4231 test case 2")
    func hmac() {
        let mac = SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(
            mac.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test("Unsubscribe links are signed and expire: a changed customer, channel or signature is refused")
    func token() throws {
        let secret = Array("dealer secret 0123456789abcdef".utf8)
        let now = Instant.parse("2026-12-01T09:00:00Z")!
        let token = UnsubscribeToken(
            customer: Customer.ID(42), channel: .email, expires: now.addingTimeInterval(86_400), message: 7)
        let text = token.signed(secret: secret)
        #expect(try UnsubscribeToken.verify(text, secret: secret, now: now) == token)
        #expect(throws: UnsubscribeLinkNotFound()) {
            try UnsubscribeToken.verify(
                text.replacingOccurrences(of: "42.email", with: "43.email"), secret: secret, now: now)
        }
        #expect(throws: UnsubscribeLinkNotFound()) {
            try UnsubscribeToken.verify(
                text.replacingOccurrences(of: ".email.", with: ".sms."), secret: secret, now: now)
        }
        #expect(throws: UnsubscribeLinkNotFound()) {
            try UnsubscribeToken.verify(text, secret: Array("another secret".utf8), now: now)
        }
        #expect(throws: InvalidInput.self) { try UnsubscribeToken.verify("garbage", secret: secret, now: now) }
        #expect(throws: Conflict.self) {
            try UnsubscribeToken.verify(text, secret: secret, now: now.addingTimeInterval(2 * 86_400))
        }
    }
}

@Suite("Templates and e-mail (M-2)")
struct TemplateTests {
    let fields: Set<String> = ["name", "title", "plate", "dealer"]

    @Test("A template knows its fields and where they stand; an unknown field is refused with its line and column")
    func fieldsAndErrors() throws {
        let template = try MessageTemplate(
            "尊敬的{{name}}{{ title }}：\n您的爱车{{#plate}}（{{plate}}）{{/plate}}请到店。{{! 备注 }}{{dealer}}", known: fields)
        #expect(template.fields.map(\.name) == ["name", "title", "plate", "dealer"])
        #expect(template.fields[2].line == 2 && template.fields[2].column == 5)
        let error = #expect(throws: InvalidInput.self) { try MessageTemplate("你好\n  {{nmae}}", known: fields) }
        #expect(error?.reason.contains("line 2, column 3: {{nmae}} is not a field") == true)
        #expect(throws: InvalidInput.self) { try MessageTemplate("{{name", known: fields) }
        #expect(throws: InvalidInput.self) { try MessageTemplate("{{> header}}", known: fields) }
        #expect(throws: InvalidInput.self) { try MessageTemplate("  ", known: fields) }
    }

    @Test("Sections nested deeper than the limit are refused before swift-mustache parses them")
    func sectionDepth() throws {
        let limit = MessageTemplate.maximumSectionDepth
        func nested(_ depth: Int) -> String {
            String(repeating: "{{#name}}", count: depth) + "{{name}}" + String(repeating: "{{/name}}", count: depth)
        }
        #expect(try MessageTemplate(nested(limit), known: fields).render(["name": "王芳"]) == "王芳")
        for depth in [limit + 1, 5_000] {
            let error = #expect(throws: InvalidInput.self) { try MessageTemplate(nested(depth), known: fields) }
            #expect(error?.reason.contains("sections nest more than \(limit) deep") == true)
        }
    }

    @Test(
        "A mark right after a tag (an emoji modifier, a combining accent) keeps the template valid and the text intact")
    func marksAfterTags() throws {
        // In Swift `}🏻` is one Character, which swift-mustache would not read as the end of the tag (issue 19:
        // schemathesis found a valid template refused). A `}` with a mark in plain text stays as it is too.
        let text = "{{name}}\u{1F3FB}您好{{title}}\u{301}\u{302}，{{plate}}}\u{301} }\u{301}{{dealer}}"
        let template = try MessageTemplate(text, known: fields)
        #expect(template.fields.map(\.name) == ["name", "title", "plate", "dealer"])
        let rendered = try template.render(["name": "王芳", "title": "女士", "plate": "京A·12345", "dealer": "北京4S店"])
        #expect(rendered == "王芳\u{1F3FB}您好女士\u{301}\u{302}，京A·12345}\u{301} }\u{301}北京4S店")
        #expect(
            rendered.unicodeScalars.elementsEqual(
                "王芳\u{1F3FB}您好女士\u{301}\u{302}，京A·12345}\u{301} }\u{301}北京4S店".unicodeScalars))
        let error = #expect(throws: InvalidInput.self) { try MessageTemplate("你好\n{{#name}}", known: fields) }
        #expect(error?.reason.hasPrefix("line 2: the template does not parse") == true, "\(error?.reason ?? "")")
    }

    @Test("Rendering is plain text, Chinese intact; a field the data lacks is named")
    func render() throws {
        let template = try MessageTemplate("尊敬的{{name}}{{title}}：<{{plate}}> & {{dealer}}", known: fields)
        let text = try template.render(["name": "王芳", "title": "女士", "plate": "京A·12345", "dealer": "北京4S店"])
        #expect(text == "尊敬的王芳女士：<京A·12345> & 北京4S店")
        let error = #expect(throws: InvalidInput.self) {
            try template.render(["name": "王芳", "title": "女士", "dealer": "x"])
        }
        #expect(error?.reason.contains("no plate for {{plate}}") == true)
        #expect(SMSText.compose("您好", suffix: "回T退订") == "您好回T退订")
        #expect(SMSText.compose("您好回T退订", suffix: "回T退订") == "您好回T退订")
    }

    @Test(
        "E-mail headers: UTF-8 names and subjects as RFC 2047 words of at most 75 characters, one-click List-Unsubscribe"
    )
    func email() throws {
        let subject = String(repeating: "冬季免费检测活动通知", count: 4)
        let message = EmailMessage(
            fromName: "北京4S店售后服务部", fromAddress: "service@dealer.cn", toName: "王芳", toAddress: "wang@example.cn",
            subject: subject, body: "尊敬的王芳女士：\n欢迎到店。", date: Instant.parse("2026-12-01T01:30:00Z")!,
            messageID: "<outbox-7@dealer.cn>", unsubscribeURL: "https://dealer.cn/u/abc",
            unsubscribeMailto: "service@dealer.cn")
        let text = message.rendered(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        #expect(text.contains("Date: Tue, 01 Dec 2026 09:30:00 +0800\n"))
        #expect(
            text.contains(
                "List-Unsubscribe: <https://dealer.cn/u/abc>, <mailto:service@dealer.cn?subject=unsubscribe>\n"))
        #expect(text.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\n"))
        #expect(text.contains("Message-ID: <outbox-7@dealer.cn>\n"))
        let words = EmailMessage.encodedWords(subject)
        #expect(words.split(separator: "\n").allSatisfy { $0.trimmingCharacters(in: .whitespaces).count <= 75 })
        let decoded = words.split(separator: "\n").map { word -> String in
            let inner = word.trimmingCharacters(in: .whitespaces).dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(inner))!, as: UTF8.self)
        }.joined()
        #expect(decoded == subject)
        let body = text.components(separatedBy: "\n\n")[1].replacingOccurrences(of: "\n", with: "")
        #expect(String(decoding: Data(base64Encoded: body)!, as: UTF8.self) == "尊敬的王芳女士：\n欢迎到店。")
        #expect(EmailMessage.mailbox("Wang Fang", "w@x.cn") == "\"Wang Fang\" <w@x.cn>")
    }
}
