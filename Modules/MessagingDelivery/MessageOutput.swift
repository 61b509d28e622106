import Core
import Foundation
import Messaging
import MessagingStorage
import StorageKernel

/// Where delivered messages go: an mbox file, a Maildir, a sendmail program, or a CSV file for the SMS
/// gateway or the letter mail-merge.
public protocol MessageOutput: AnyObject {
    /// Names the output in the delivery checkpoint (`mbox:/var/mail/out.mbox`).
    var key: String { get }
    var channel: MessageChannel { get }
    /// Where the output stands now (the size of an append-only file).
    func position() throws -> Int64
    /// Undoes what a killed run wrote of its last batch and returns the messages of that batch that are
    /// completely delivered (to be marked sent); the others go again.
    func recover(_ checkpoint: DeliveryCheckpoint) throws -> Set<Int64>
    /// Writes a batch and makes it durable; returns the messages the output refused, with the reason.
    func write(_ batch: [DeliverableMessage], settings: DeliverySettings, now: Date) throws -> [Int64: String]
}

/// The text each channel delivers.
public enum MessageFormat {
    /// The unsubscribe line at the foot of an e-mail: Chinese first, English kept, in every message. A customer reads
    /// it, not the staff member who runs the delivery, so it does not follow the run's language (`--lang`); a
    /// customer card records no language, and the message body above it is the dealer's Chinese template.
    public static func unsubscribeFooter(_ url: String) -> String {
        "\n\n如需退订请点击 / To unsubscribe: \(url)"
    }

    /// The RFC 5322 e-mail of a message, with its List-Unsubscribe link.
    public static func email(_ item: DeliverableMessage, settings: DeliverySettings, now: Date) -> String {
        let url = settings.unsubscribeURL.map { $0 + item.unsubscribeToken }
        let body = item.message.body + (url.map { MessageFormat.unsubscribeFooter($0) } ?? "")
        return EmailMessage(
            fromName: settings.dealerName, fromAddress: settings.fromAddress, toName: item.message.recipientName,
            toAddress: item.message.recipient ?? "", subject: item.message.subject ?? "", body: body, date: now,
            messageID: item.messageID, unsubscribeURL: url, unsubscribeMailto: settings.fromAddress
        ).rendered(timeZone: settings.timeZone)
    }

    /// One RFC 4180 CSV field.
    public static func csvField(_ text: String) -> String {
        text.contains(where: { ",\"\n\r".contains($0) })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// Appends to a file and flushes it to disk; shared by the mbox and CSV outputs.
struct AppendFile {
    let path: String

    init(path: String) throws {
        self.path = (path as NSString).standardizingPath
        if !FileManager.default.fileExists(atPath: self.path) {
            guard FileManager.default.createFile(atPath: self.path, contents: nil) else {
                throw InvalidInput(field: "output", "cannot create \(path)")
            }
        }
        // Opened for writing before anything is delivered, so a file that cannot take messages (a directory, a
        // read-only or special file such as /proc/version) is refused with its name while nothing is written.
        var isDirectory: ObjCBool = false
        let descriptor = open(self.path, O_WRONLY | O_APPEND)
        guard FileManager.default.fileExists(atPath: self.path, isDirectory: &isDirectory), !isDirectory.boolValue,
            descriptor >= 0,
            lseek(descriptor, 0, SEEK_END) >= 0
        else {
            if descriptor >= 0 { close(descriptor) }
            throw InvalidInput(field: "output", "cannot append to \(path)")
        }
        close(descriptor)
    }

    func size() throws -> Int64 {
        Int64((try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
    }

    /// Cuts the file back to `position`, removing a batch a killed run wrote (wholly or in part).
    func truncate(to position: Int64) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw InvalidInput(field: "output", "cannot open \(path)")
        }
        defer { try? handle.close() }
        try handle.truncate(atOffset: UInt64(position))
        try handle.synchronize()
    }

    func append(_ text: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw InvalidInput(field: "output", "cannot open \(path)")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
        } catch {
            throw InvalidInput(
                field: "output",
                "cannot write to \(path): "
                    + ((error as NSError).localizedFailureReason.map { Phrase(verbatim: $0) } ?? "the write failed"))
        }
    }
}

/// E-mails appended to an mbox file (mboxo: each message after a `From ` line; bodies are base64, so no
/// line needs quoting). Exactly once: a killed run's last batch is cut off and written again.
public final class MboxOutput: MessageOutput {
    let file: AppendFile
    public var key: String { "mbox:" + file.path }
    public var channel: MessageChannel { .email }

    public init(path: String) throws { file = try AppendFile(path: path) }

    public func position() throws -> Int64 { try file.size() }

    public func recover(_ checkpoint: DeliveryCheckpoint) throws -> Set<Int64> {
        try file.truncate(to: checkpoint.position)
        return []
    }

    public func write(_ batch: [DeliverableMessage], settings: DeliverySettings, now: Date) throws -> [Int64: String] {
        let separator = "From \(settings.fromAddress) \(MboxOutput.asctime(now))\n"
        try file.append(batch.map { separator + MessageFormat.email($0, settings: settings, now: now) + "\n" }.joined())
        return [:]
    }

    /// `Tue Dec  1 20:00:00 2026` (UTC), the date of an mbox `From ` line.
    static func asctime(_ date: Date) -> String {
        let day = LocalDate(instant: date, in: TimeZone(identifier: "UTC")!)
        let second = Int(date.timeIntervalSince1970) % 86_400
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return
            "\(names[day.isoWeekday - 1]) \(months[day.month - 1]) \(day.day < 10 ? " " : "")\(day.day) "
            + "\(two(second / 3600)):\(two(second % 3600 / 60)):\(two(second % 60)) \(day.year)"
    }
}

/// SMS rows for the dealer's gateway (`phone,text,message_id`, with the unsubscribe suffix), or letters for a
/// mail merge (`name,address,text,message_id`). Exactly once, as the mbox.
public final class CSVOutput: MessageOutput {
    let file: AppendFile
    public let channel: MessageChannel
    public var key: String { "csv-\(channel.rawValue):" + file.path }

    public init(path: String, channel: MessageChannel) throws {
        guard channel != .email else {
            throw InvalidInput(field: "channel", "e-mail goes to --mbox, --maildir or --sendmail, not CSV")
        }
        self.channel = channel
        file = try AppendFile(path: path)
    }

    public func position() throws -> Int64 { try file.size() }

    public func recover(_ checkpoint: DeliveryCheckpoint) throws -> Set<Int64> {
        try file.truncate(to: checkpoint.position)
        return []
    }

    public func write(_ batch: [DeliverableMessage], settings: DeliverySettings, now: Date) throws -> [Int64: String] {
        var text =
            try file.size() == 0 ? (channel == .sms ? "phone,text,message_id\n" : "name,address,text,message_id\n") : ""
        for item in batch {
            let m = item.message
            let fields =
                channel == .sms
                ? [m.recipient ?? "", SMSText.compose(m.body, suffix: settings.smsSuffix), item.messageID]
                : [m.recipientName, m.recipient ?? "", m.body, item.messageID]
            text += fields.map(MessageFormat.csvField).joined(separator: ",") + "\n"
        }
        try file.append(text)
        return [:]
    }
}

/// E-mails as files of a Maildir (`tmp/`, then renamed into `new/`, so a reader never sees half a message).
/// Exactly once: after a kill, a message already in `new/` is kept and marked sent, a half-written one in
/// `tmp/` is removed and written again.
public final class MaildirOutput: MessageOutput {
    let directory: String
    public var key: String { "maildir:" + directory }
    public var channel: MessageChannel { .email }

    public init(directory: String) throws {
        self.directory = (directory as NSString).standardizingPath
        for sub in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(
                atPath: self.directory + "/" + sub, withIntermediateDirectories: true)
        }
    }

    func name(_ id: Int64) -> String { "A\(id).aftersales" }

    public func position() throws -> Int64 { 0 }

    public func recover(_ checkpoint: DeliveryCheckpoint) throws -> Set<Int64> {
        var kept = Set<Int64>()
        for id in checkpoint.ids {
            try? FileManager.default.removeItem(atPath: "\(directory)/tmp/\(name(id))")
            if FileManager.default.fileExists(atPath: "\(directory)/new/\(name(id))")
                || FileManager.default.fileExists(atPath: "\(directory)/cur/\(name(id)):2,")
            {
                kept.insert(id)
            }
        }
        return kept
    }

    public func write(_ batch: [DeliverableMessage], settings: DeliverySettings, now: Date) throws -> [Int64: String] {
        for item in batch {
            let id = item.message.id!.rawValue
            let temporary = "\(directory)/tmp/\(name(id))"
            guard
                FileManager.default.createFile(
                    atPath: temporary, contents: Data(MessageFormat.email(item, settings: settings, now: now).utf8)),
                let handle = FileHandle(forWritingAtPath: temporary)
            else { throw InvalidInput(field: "output", "cannot write \(temporary)") }
            try handle.synchronize()
            try handle.close()
            try FileManager.default.moveItem(atPath: temporary, toPath: "\(directory)/new/\(name(id))")
        }
        return [:]
    }
}

/// E-mails piped one by one to a sendmail-compatible program (`PATH -t -oi`). At least once: a run killed
/// after the program accepted a message but before it was marked sent sends it again, with the same
/// Message-ID, so the receiving side can recognise the duplicate.
public final class SendmailOutput: MessageOutput {
    let program: String
    public var key: String { "sendmail:" + program }
    public var channel: MessageChannel { .email }

    public init(program: String) throws {
        guard FileManager.default.isExecutableFile(atPath: program) else {
            throw InvalidInput(field: "sendmail", "\(program) is not an executable program")
        }
        self.program = program
    }

    public func position() throws -> Int64 { 0 }

    public func recover(_ checkpoint: DeliveryCheckpoint) throws -> Set<Int64> { [] }

    public func write(_ batch: [DeliverableMessage], settings: DeliverySettings, now: Date) throws -> [Int64: String] {
        var failures: [Int64: String] = [:]
        for item in batch {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = ["-t", "-oi"]
            let input = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
                input.fileHandleForWriting.write(Data(MessageFormat.email(item, settings: settings, now: now).utf8))
                try input.fileHandleForWriting.close()
                process.waitUntilExit()
                if process.terminationStatus != 0 {
                    failures[item.message.id!.rawValue] = Phrase(
                        "sendmail exited with status \(process.terminationStatus)"
                    ).rendered()
                }
            } catch {
                failures[item.message.id!.rawValue] = Phrase("sendmail could not be started: \(error)").rendered()
            }
        }
        return failures
    }
}
