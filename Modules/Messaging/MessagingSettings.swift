import Core
import Foundation

// The settings of messages: sender (M-2), consent, unsubscribe and the SMS cap (M-3): each with its key, rule ID,
// default and how a new value is checked,
// declared beside the rules that read them. `Setting.catalogue` (Storage) lists every module's.
extension Setting {
    public static let dealerName = Setting(
        "messaging.dealer-name", rule: "M-2", default: "本店售后服务部",
        summary: "the dealer's name in messages ({{dealer}}) and as the e-mail sender",
        value: .text(required: "give the dealer's name")
    )

    public static let fromAddress = Setting(
        "messaging.from-address", rule: "M-2", default: "service@dealer.invalid",
        summary: "the e-mail sender address; its domain names the Message-IDs",
        value: .custom { text, key in
            let parts = text.split(separator: "@")
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" ") else {
                throw InvalidInput(field: key, "expected an e-mail address such as service@dealer.cn, got \"\(text)\"")
            }
            return text
        }
    )

    public static let unsubscribeURL = Setting(
        "messaging.unsubscribe-url", rule: "M-3", default: "",
        summary: "base URL of the one-click unsubscribe link (RFC 8058), token appended; empty: mailto only",
        value: .custom { text, key in
            guard text.isEmpty || text.hasPrefix("https://") || text.hasPrefix("http://") else {
                throw InvalidInput(
                    field: key, "expected an http(s) URL such as https://dealer.cn/unsubscribe/, or nothing")
            }
            return text
        }
    )

    public static let unsubscribeDays = Setting(
        "messaging.unsubscribe-days", rule: "M-3", default: "90",
        summary: "unsubscribe links expire after N days",
        value: .integer(1...3650)
    )

    public static let smsSuffix = Setting(
        "messaging.sms-suffix", rule: "M-3", default: "回T退订",
        summary: "text appended to every SMS (the unsubscribe instruction); empty for none",
        value: .text(required: nil)
    )

    public static let smsCap = Setting(
        "messaging.sms-cap", rule: "M-3", default: "2",
        summary: "at most N marketing SMS per customer in the window (sent and queued count)",
        value: .integer(0...100)
    )

    public static let smsCapHours = Setting(
        "messaging.sms-cap-hours", rule: "M-3", default: "720",
        summary: "the window of the SMS cap, hours (30×24)",
        value: .integer(1...8760)
    )

    /// The Messaging module's settings, in the order `settings show` lists them.
    public static let messaging: [Setting] = [
        .dealerName, .fromAddress, .unsubscribeURL, .unsubscribeDays, .smsSuffix, .smsCap, .smsCapHours,
    ]
}
