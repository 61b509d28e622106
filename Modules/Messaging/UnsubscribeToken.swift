import Core
import Customers
import Foundation

/// A signed, expiring unsubscribe token per recipient and channel (RFC 8058 one-click): whoever holds the
/// link may opt that customer out of that channel until it expires, and nobody can forge one for another
/// customer without the dealer's secret.
public struct UnsubscribeToken: Sendable, Equatable {
    public var customer: Customer.ID
    public var channel: MessageChannel
    public var expires: Date
    /// The message it was sent with, so the opt-out is attributed to its campaign (M-4).
    public var message: Int64

    public init(customer: Customer.ID, channel: MessageChannel, expires: Date, message: Int64) {
        self.customer = customer
        self.channel = channel
        self.expires = expires
        self.message = message
    }

    /// `payload.signature`, URL-safe.
    public func signed(secret: [UInt8]) -> String {
        let payload = "\(customer.rawValue).\(channel.rawValue).\(Int(expires.timeIntervalSince1970)).\(message)"
        return payload + "." + UnsubscribeToken.signature(payload, secret: secret)
    }

    static func signature(_ payload: String, secret: [UInt8]) -> String {
        SHA256.hmac(key: secret, message: Array(payload.utf8)).prefix(16).map {
            ($0 < 16 ? "0" : "") + String($0, radix: 16)
        }.joined()
    }

    /// Checks a token's signature and expiry; throws `InvalidInput` (not of the form of a token),
    /// `UnsubscribeLinkNotFound` (of the form, but not signed by this dealer) or `Conflict` (expired).
    public static func verify(_ text: String, secret: [UInt8], now: Date) throws -> UnsubscribeToken {
        // Strictly five non-empty parts: `split` would drop the empty ones and accept "1..sms.…" or a trailing ".".
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 5, !parts.contains(where: \.isEmpty),
            text == text.trimmingCharacters(in: .whitespacesAndNewlines),
            let customer = Int64(parts[0]), let channel = MessageChannel(rawValue: parts[1]),
            let expires = Int(parts[2]), let message = Int64(parts[3])
        else {
            throw InvalidInput(field: "token", "this is not an unsubscribe link")
        }
        let payload = parts[0..<4].joined(separator: ".")
        // Compared in full whatever the first difference, so timing tells nothing.
        let expected = Array(signature(payload, secret: secret).utf8)
        let given = Array(parts[4].utf8)
        guard expected.count == given.count, zip(expected, given).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else {
            throw UnsubscribeLinkNotFound()
        }
        let token = UnsubscribeToken(
            customer: Customer.ID(customer), channel: channel, expires: Date(timeIntervalSince1970: Double(expires)),
            message: message)
        guard token.expires > now else {
            throw Conflict(
                field: "token",
                "this unsubscribe link expired on \(Instant.utcString(token.expires)); reply STOP or call the dealer")
        }
        return token
    }
}

/// A token of the right form that this dealer never signed (a forged or mistyped link): no link the path names
/// exists, so the API answers 404, as for any record that does not exist.
public struct UnsubscribeLinkNotFound: AfterSalesError, Equatable {
    public init() {}
    public var kind: ErrorKind { .notFound }
    public var field: String? { "token" }
    public var phrase: Phrase { "this unsubscribe link is not valid" }
}
