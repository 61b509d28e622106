import Core
import Testing

@testable import Messaging

@Suite("Issue 16: why a message was not sent, and the codes of messaging, in Chinese")
struct MessagingChineseTests {
    let zh = Speech(.zh)

    @Test("Every suppression reason reads in Chinese, its detail kept; English is unchanged")
    func suppressionReasons() {
        let reasons: [SuppressionReason] = [
            .optedOut, .noOptIn, .frequencyCap(limit: 2, windowHours: 720), .noAddress,
            .duplicate(recipient: "13800138000"), .missingField("plate"), .atDelivery(.optedOut),
        ]
        for reason in reasons {
            #expect(reason.phrase.rendered(zh) != reason.phrase.english, "\(reason.phrase.key)")
        }
        #expect(
            SuppressionReason.frequencyCap(limit: 2, windowHours: 720).phrase.rendered(zh) == "最近 720 小时内已发送 2 条营销短信")
        #expect(SuppressionReason.missingField("plate").phrase.rendered(zh) == "客户资料缺少 {{plate}}")
        #expect(SuppressionReason.atDelivery(.optedOut).phrase.rendered(zh) == "客户已退订此渠道（发送时发现）")
        #expect(SuppressionReason.missingField("plate").text == "the customer's data lacks {{plate}}")
        #expect(SuppressionReason.duplicate(recipient: "13800138000").phrase.rendered(zh) == "13800138000 已会收到这条信息")
    }

    @Test("A stored reason is said by its code, its detail as stored; a gateway's own text stays as it is")
    func storedReasons() {
        typealias Code = SuppressionReason.Code
        #expect(Code.spoken(stored: "no-opt-in").rendered(zh) == "无营销许可")
        #expect(Code.spoken(stored: "duplicate-recipient: 13800138000").rendered(zh) == "重复收件人: 13800138000")
        #expect(Code.spoken(stored: "opted-out: at delivery").rendered(zh) == "客户已退订（发送时发现）")
        #expect(
            Code.spoken(stored: SuppressionReason.frequencyCap(limit: 2, windowHours: 720).stored).rendered(zh)
                == "超出发送频次上限：720 小时内 2 条营销短信")
        #expect(Code.spoken(stored: "550 mailbox unavailable").rendered(zh) == "550 mailbox unavailable")
        #expect(Code.spoken(stored: "no-opt-in").english == "no-opt-in")
        for code in Code.allCases { #expect(Phrasebook.chinese[code.spoken.key] != nil, "\(code)") }
    }

    @Test("Channels, categories, states, sources and consent have Chinese names; English says the code")
    func codes() {
        let spoken =
            MessageChannel.allCases.map(\.spoken) + MessageCategory.allCases.map(\.spoken)
            + MessageState.allCases.map(\.spoken) + MessageSource.allCases.map(\.spoken)
            + ConsentStatus.allCases.map(\.spoken)
        for phrase in spoken { #expect(Phrasebook.chinese[phrase.key] != nil, "\(phrase.key)") }
        #expect(MessageState.suppressed.spoken.rendered(zh) == "已排除")
        #expect(MessageChannel.sms.spoken.english == "sms")
    }

    @Test("A template's error says line and column in Chinese and names the field as written")
    func templateError() {
        #expect {
            try Speech.$current.withValue(zh) { _ = try MessageTemplate("您好{{nmae}}", known: ["name"]) }
        } throws: { error in
            (error as? InvalidInput)?.phrase.rendered(zh) == "第 1 行第 3 列：{{nmae}} 不是可用字段；可用字段：name"
        }
    }
}
