import Foundation

/// A file kept with a record: evidence with the complaint file (K-14: photos, recordings, documents), the photos of a
/// repair order's walk-around.
public enum AttachmentKind: String, CaseIterable, Codable, Sendable {
    case photo, recording, document

    public var spoken: Phrase {
        switch self {
        case .photo: return Phrase("photo", context: "attachment kind")
        case .recording: return Phrase("recording", context: "attachment kind")
        case .document: return Phrase("document", context: "attachment kind")
        }
    }
}

/// What an attachment's bytes turned out to be, by their signature.
public struct AttachmentType: Sendable, Codable, Equatable {
    public var kind: AttachmentKind
    public var mediaType: String

    /// Rule K-14: the file's type from its first bytes (never from its name alone), or nil when it is
    /// none of the types a complaint file keeps.
    public static func sniff(_ bytes: [UInt8], name: String) -> AttachmentType? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<(offset + prefix.count)]) == prefix
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }
        let lower = name.lowercased()
        if starts([0xFF, 0xD8, 0xFF]) { return .init(kind: .photo, mediaType: "image/jpeg") }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            return .init(kind: .photo, mediaType: "image/png")
        }
        if ascii("ftyp", at: 4) {
            let brand = bytes.count >= 12 ? String(decoding: bytes[8..<12], as: UTF8.self) : ""
            if ["heic", "heix", "mif1", "msf1"].contains(brand) { return .init(kind: .photo, mediaType: "image/heic") }
            if brand.hasPrefix("M4A") { return .init(kind: .recording, mediaType: "audio/mp4") }
            return .init(kind: .recording, mediaType: "video/mp4")
        }
        if ascii("ID3") || starts([0xFF, 0xFB]) || starts([0xFF, 0xF3]) || starts([0xFF, 0xF2]) {
            return .init(kind: .recording, mediaType: "audio/mpeg")
        }
        if ascii("RIFF"), ascii("WAVE", at: 8) { return .init(kind: .recording, mediaType: "audio/wav") }
        if ascii("#!AMR") { return .init(kind: .recording, mediaType: "audio/amr") }
        if ascii("%PDF-") { return .init(kind: .document, mediaType: "application/pdf") }
        if starts([0x50, 0x4B, 0x03, 0x04]), lower.hasSuffix(".docx") || lower.hasSuffix(".xlsx") {
            return .init(
                kind: .document,
                mediaType: lower.hasSuffix(".docx")
                    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        if lower.hasSuffix(".txt"), !bytes.contains(0), String(validating: bytes, as: UTF8.self) != nil {
            return .init(kind: .document, mediaType: "text/plain; charset=utf-8")
        }
        return nil
    }

    /// Rule K-14: checks an attachment's size and type against what was declared; throws `InvalidInput` naming `file`
    /// (empty, too large) or `UnsupportedContent` (not a type K-14 takes, or not the kind declared).
    public static func check(
        _ bytes: [UInt8], name: String, declared: AttachmentKind?, maxMegabytes: Int
    ) throws -> AttachmentType {
        guard !bytes.isEmpty else { throw InvalidInput(field: "file", "\(name) is empty") }
        let limit = maxMegabytes * 1_048_576
        guard bytes.count <= limit else {
            throw InvalidInput(
                field: "file",
                "\(name) is \(bytes.count / 1_048_576) MB; attachments may be at most \(maxMegabytes) MB (setting "
                    + "complaints.attachment.max-mb)"
            )
        }
        guard let type = sniff(bytes, name: name) else {
            throw UnsupportedContent(
                field: "file",
                "\(name) is not a photo (JPEG, PNG, HEIC), a recording (MP3, M4A, MP4, WAV, AMR) or a document (PDF, "
                    + "DOCX, XLSX, UTF-8 .txt)"
            )
        }
        if let declared, declared != type.kind {
            throw UnsupportedContent(
                field: "kind", "\(name) is a \(type.kind.spoken) (\(type.mediaType)), not a \(declared.spoken)")
        }
        return type
    }
}
