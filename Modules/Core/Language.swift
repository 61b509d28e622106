import Foundation

/// The language the product speaks to a person: Simplified Chinese first, English kept. JSON keys, enum values and
/// rule IDs are an interface and stay English in both.
public enum Language: String, Sendable, CaseIterable, Codable {
    case zh, en

    /// Reads a language tag or locale name as people and systems write them: `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`,
    /// `en`, `en-US`, `en_GB.UTF-8`. nil for anything else (`C`, `POSIX`, `fr`).
    public init?(tag: String) {
        let lowered = tag.trimmingCharacters(in: .whitespaces).lowercased()
        let primary = lowered.prefix { $0.isLetter }
        switch primary {
        case "zh": self = .zh
        case "en": self = .en
        default: return nil
        }
    }

    /// The first language of an HTTP `Accept-Language` header this product speaks, by the header's weights
    /// (`en;q=0.9, zh-CN` → zh); nil when it names none of them (or `*` only).
    public init?(acceptLanguage header: String) {
        var best: (language: Language, weight: Double, order: Int)?
        for (order, item) in header.split(separator: ",").enumerated() {
            let parts = item.split(separator: ";")
            guard let tag = parts.first, let language = Language(tag: String(tag)) else { continue }
            var weight = 1.0
            for parameter in parts.dropFirst() {
                let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2, pair[0] == "q", let q = Double(pair[1]) { weight = q }
            }
            guard weight > 0 else { continue }
            if best == nil || weight > best!.weight { best = (language, weight, order) }
        }
        guard let best else { return nil }
        self = best.language
    }
}

/// How dates in sentences are written: `2026年12月5日` (long, Chinese only) or `2026-12-05` (ISO). Tables and CSV keep
/// ISO dates, which sort.
public enum DateStyle: String, Sendable, CaseIterable, Codable {
    case long, iso
}

/// The language and date style of what is being said now: set once by a command line for the whole run, and per
/// request by the API (`Accept-Language`), as a task-local value so concurrent requests each speak their own.
public struct Speech: Sendable, Equatable {
    public var language: Language
    public var dateStyle: DateStyle

    public init(_ language: Language, dateStyle: DateStyle = .long) {
        self.language = language
        self.dateStyle = dateStyle
    }

    /// What phrases render in when nothing set it: English, as code and tests read it. The binaries set it at start.
    @TaskLocal public static var current = Speech(.en)

    /// The language by the convention every binary shares: `--lang`, else `$AFTERSALES_LANG`, else the database's
    /// `locale` setting, else `LANG` (then Chinese). A value that names no language is an error naming its source.
    public static func resolve(
        option: String?, environment: [String: String], databaseSetting: () -> String?
    ) throws -> Language {
        if let option, !option.isEmpty {
            guard let language = Language(tag: option) else { throw Self.unknown(option, field: "--lang") }
            return language
        }
        if let value = environment["AFTERSALES_LANG"], !value.isEmpty {
            guard let language = Language(tag: value) else { throw Self.unknown(value, field: "AFTERSALES_LANG") }
            return language
        }
        if let value = databaseSetting(), let language = Language(tag: value) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return Language(tag: value) ?? .zh }
        }
        return .zh
    }

    static func unknown(_ value: String, field: String) -> InvalidInput {
        InvalidInput(field: field, "expected zh or en, got \"\(verbatim: value)\"")
    }
}
