import Core
import Foundation

/// An e-mail as RFC 5322 text: UTF-8 names and subjects as RFC 2047 encoded words, the body as base64
/// UTF-8 text, a stable Message-ID, and `List-Unsubscribe` (with RFC 8058 one-click when a URL is given).
/// Lines end in LF, as mbox and Maildir files keep them; a sendmail program turns them into CRLF.
public struct EmailMessage: Sendable, Equatable {
    public var fromName: String
    public var fromAddress: String
    public var toName: String
    public var toAddress: String
    public var subject: String
    public var body: String
    public var date: Date
    public var messageID: String
    /// An https URL for one-click unsubscribe (RFC 8058), when the dealer set one.
    public var unsubscribeURL: String?
    /// A mailto: address for unsubscribing, used when no URL is set.
    public var unsubscribeMailto: String?

    public init(
        fromName: String, fromAddress: String, toName: String, toAddress: String, subject: String, body: String,
        date: Date,
        messageID: String, unsubscribeURL: String?, unsubscribeMailto: String?
    ) {
        self.fromName = fromName
        self.fromAddress = fromAddress
        self.toName = toName
        self.toAddress = toAddress
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
        self.unsubscribeURL = unsubscribeURL
        self.unsubscribeMailto = unsubscribeMailto
    }

    /// The message text, headers then body.
    public func rendered(timeZone: TimeZone) -> String {
        var headers = [
            "From: " + EmailMessage.mailbox(fromName, fromAddress),
            "To: " + EmailMessage.mailbox(toName, toAddress),
            "Subject: " + EmailMessage.encodedWords(subject, already: "Subject: ".count),
            "Date: " + EmailMessage.date(date, timeZone: timeZone),
            "Message-ID: " + messageID,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
        ]
        let targets = [
            unsubscribeURL.map { "<\($0)>" }, unsubscribeMailto.map { "<mailto:\($0)?subject=unsubscribe>" },
        ].compactMap { $0 }
        if !targets.isEmpty { headers.append("List-Unsubscribe: " + targets.joined(separator: ", ")) }
        if unsubscribeURL != nil { headers.append("List-Unsubscribe-Post: List-Unsubscribe=One-Click") }
        let encoded = Data(body.utf8).base64EncodedString()
        var lines: [Substring] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[start..<end])
            start = end
        }
        return headers.joined(separator: "\n") + "\n\n" + lines.joined(separator: "\n") + "\n"
    }

    /// `"王芳" <wang@example.cn>` with the name encoded when it is not plain ASCII.
    static func mailbox(_ name: String, _ address: String) -> String {
        let trimmed = name.trimmed()
        guard !trimmed.isEmpty else { return "<\(address)>" }
        let plain = trimmed.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" }
        return (plain ? "\"\(trimmed)\"" : encodedWords(trimmed, already: 6)) + " <\(address)>"
    }

    /// RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters, split between characters (never inside one)
    /// and folded onto continuation lines; plain ASCII text is left as it is.
    public static func encodedWords(_ text: String, already: Int = 0) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }), text.count + already <= 76 {
            return text
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 75 - "=?UTF-8?B?".count - "?=".count = 63 base64 characters: 45 bytes of UTF-8 at most.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\n ")
    }

    /// `Tue, 01 Dec 2026 20:00:00 +0800`.
    static func date(_ date: Date, timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let day = LocalDate(instant: date, in: timeZone)
        let second = (Int(date.timeIntervalSince1970) + offset) % 86_400
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let sign = offset < 0 ? "-" : "+"
        return
            "\(names[day.isoWeekday - 1]), \(two(day.day)) \(months[day.month - 1]) \(day.year) "
            + "\(two(second / 3600)):\(two(second % 3600 / 60)):\(two(second % 60)) "
            + "\(sign)\(two(abs(offset) / 3600))\(two(abs(offset) % 3600 / 60))"
    }
}
