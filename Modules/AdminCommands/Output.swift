import Core
import Foundation

/// A table of text cells: rendered aligned for people, or as CSV with a header row. Column names and a record's field
/// names are the product's words, said in the language of the moment (`Phrase(key:)`); cells are said as they are (a
/// presenter translates a code it shows to people).
public struct TextTable: Sendable {
    public var columns: [String]
    public var rows: [[String]]
    /// Columns a narrow terminal never wraps: codes people copy (a setting key), which a break would garble.
    public var unbroken: Set<Int> = []

    public init(columns: [String], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// A two-column field/value table for one record; the field names are the product's words, said in the language
    /// of the moment.
    public static func record(_ pairs: [(String, String?)]) -> TextTable {
        TextTable(
            columns: ["field", "value"],
            rows: pairs.compactMap { key, value in value.map { [Phrase(key: key).rendered(), $0] } })
    }

    /// How wide a table may be on a terminal: wider ones wrap their widest columns (nothing is cut; JSON and
    /// `show` have every text on one line).
    public static let maximumWidth = 120

    /// Columns aligned by display width (a Chinese character takes two columns on a terminal), at most
    /// `maximumWidth` wide: while the table is wider, its widest column is narrowed and its cells wrap.
    public func rendered() -> String {
        let cleaned = rows.map { $0.map { $0.replacingOccurrences(of: "\n", with: " ") } }
        let columns = self.columns.map { Phrase(key: $0).rendered() }
        var widths = columns.map(TextTable.width)
        for row in cleaned {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], TextTable.width(cell))
            }
        }
        let separators = 2 * max(0, widths.count - 1)
        // The rightmost wide column gives way first (a description, a note, a reason), down to 24 columns; then the
        // next one to its left; then the widest (the rightmost of equals), down to 12, so that they share the room.
        while widths.reduce(separators, +) > Self.maximumWidth {
            let narrowable = widths.indices.filter { !unbroken.contains($0) }
            guard
                let column = narrowable.last(where: { widths[$0] > 24 })
                    ?? narrowable.filter({ widths[$0] > 12 }).max(by: { (widths[$0], $0) < (widths[$1], $1) })
            else { break }
            widths[column] -= 1
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1
                    ? cell : cell + String(repeating: " ", count: max(0, widths[i] - TextTable.width(cell)))
            }.joined(separator: "  ")
        }
        /// A row over as many lines as its longest wrapped cell needs.
        func lines(_ cells: [String]) -> [String] {
            let wrapped = cells.enumerated().map { i, cell in i < widths.count ? Self.wrap(cell, to: widths[i]) : [cell]
            }
            let height = wrapped.map(\.count).max() ?? 1
            return (0..<height).map { k in line(wrapped.map { k < $0.count ? $0[k] : "" }) }
        }
        var out = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += cleaned.flatMap(lines)
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(
            separator: "\n")
    }

    /// `text` in lines of at most `width` display columns, broken after a space where one is near, else after a `;`
    /// of a list, else after a Chinese character where one is near (Chinese text has no spaces), else anywhere.
    static func wrap(_ text: String, to width: Int) -> [String] {
        guard width > 0, Self.width(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let w = Self.width(String(character))
            if used + w > width {
                if let space = current.lastIndex(of: " "),
                    current.distance(from: space, to: current.endIndex) < width / 3
                {
                    lines.append(String(current[..<space]))
                    current = String(current[current.index(after: space)...])
                } else if let semicolon = current.lastIndex(of: ";"),
                    current.distance(from: semicolon, to: current.endIndex) < width / 2
                {
                    // A list without spaces (`a;b;c`, a setting's value) breaks after an item.
                    let cut = current.index(after: semicolon)
                    lines.append(String(current[..<cut]))
                    current = String(current[cut...])
                } else if let last = current.last, Self.isWordCharacter(last), Self.isWordCharacter(character),
                    let wide = current.lastIndex(where: { Self.width(String($0)) == 2 }),
                    current.distance(from: wide, to: current.endIndex) <= width / 2
                {
                    // A Latin word or a code inside Chinese text (`Accept-Language`) moves to the next line whole.
                    let cut = current.index(after: wide)
                    lines.append(String(current[..<cut]))
                    current = String(current[cut...])
                } else {
                    lines.append(current)
                    current = ""
                }
                used = Self.width(current)
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Whether `character` belongs to a Latin word or a code that a line should not break inside.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && !character.isWhitespace
    }

    /// RFC 4180 CSV with a header row.
    public func csv() -> String {
        func field(_ raw: String) -> String {
            let text = Self.defused(Self.plainNumber(raw))
            return text.contains(where: { ",\"\n\r".contains($0) })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        return ([columns.map { Phrase(key: $0).rendered() }] + rows).map { $0.map(field).joined(separator: ",") }
            .joined(separator: "\n")
    }

    /// A number grouped for people (`1,234.50`, `61,200`) as a spreadsheet reads it (`1234.50`, `61200`); any other
    /// text as it is.
    static func plainNumber(_ text: String) -> String {
        guard text.contains(","),
            text.range(of: #"^-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$"#, options: .regularExpression) != nil
        else { return text }
        return text.replacingOccurrences(of: ",", with: "")
    }

    /// A cell a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
    /// leading apostrophe, as OWASP advises against CSV injection; a plain number such as -1200 stays a number.
    static func defused(_ text: String) -> String {
        guard let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil else { return text }
        return "'" + text
    }

    /// `text` cut to at most `width` display columns, ending in "…" when cut (the full text is in `show` and JSON).
    static func shortened(_ text: String, to width: Int) -> String {
        guard Self.width(text) > width else { return text }
        var out = ""
        var used = 0
        for character in text {
            let w = Self.width(String(character))
            guard used + w <= width - 1 else { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// Display width of a text on a terminal: East Asian wide characters count two.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { sum, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
            let zero = (0x0300...0x036F).contains(v) || v == 0x200B
            return sum + (zero ? 0 : wide ? 2 : 1)
        }
    }
}

/// Writes a command's result in the chosen format: a JSON document scripts can rely on, CSV with a
/// header, or an aligned table for people.
public struct Output: Sendable {
    public let format: OutputFormat
    /// Whether CSV starts with a UTF-8 byte order mark: Excel then reads Chinese text as UTF-8 (default yes).
    public let byteOrderMark: Bool

    public init(format: OutputFormat, byteOrderMark: Bool = true) {
        self.format = format
        self.byteOrderMark = byteOrderMark
    }

    /// Prints `table` as CSV, with the byte order mark when asked for.
    public func printCSV(_ table: TextTable) {
        print((byteOrderMark ? "\u{FEFF}" : "") + table.csv())
    }

    /// Prints `document` as JSON, or `table` as a table or CSV.
    public func emit<T: Encodable>(_ document: T, table: @autoclosure () -> TextTable, footer: Phrase? = nil) throws {
        switch format {
        case .json:
            print(String(decoding: try JSONFormat.encoder().encode(document), as: UTF8.self))
        case .csv:
            printCSV(table())
        case .table:
            print(table().rendered())
            if let footer { print(footer.rendered()) }
        }
    }

    /// Prints a line for people (table format only), e.g. a confirmation.
    public func note(_ text: Phrase) {
        if format == .table { print(text.rendered()) }
    }
}

/// Writes a line to standard error.
public func printError(_ text: Phrase) {
    FileHandle.standardError.write(Data((text.rendered() + "\n").utf8))
}
