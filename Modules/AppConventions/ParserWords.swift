import Core

/// The words swift-argument-parser writes itself (help headings, usage errors), said in the language of the moment:
/// the library speaks English only, so its output is translated line by line here, for every binary.
public enum ParserWords {
    /// `text` from the parser in `speech`'s language (as it is in English).
    public static func translated(_ text: String, _ speech: Speech = .current) -> String {
        guard speech.language == .zh else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var line = String(line)
            for (english, chinese) in replacements { line = line.replacingOccurrences(of: english, with: chinese) }
            return line
        }.joined(separator: "\n")
    }

    /// English fragment → Chinese, applied in this order.
    static let replacements: [(String, String)] = [
        ("OVERVIEW:", "概述："), ("USAGE:", "用法："), ("OPTIONS:", "选项："), ("ARGUMENTS:", "参数："),
        ("SUBCOMMANDS:", "子命令："), ("See '", "运行 '"), ("' for detailed help.", "' 获取详细帮助。"),
        ("' for more information.", "' 查看更多说明。"), ("Show subcommand help information.", "显示子命令的帮助信息。"),
        ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本。"),
        ("(values: ", "(可选值："), ("; default as flag: ", "；作为开关时默认："), ("; default: ", "；默认："),
        ("(default as flag: ", "(作为开关时默认："), ("(default: ", "(默认："), ("Error: ", "错误："), ("Usage: ", "用法："),
        ("Missing expected argument", "缺少必需的参数"), ("Missing one of:", "缺少以下之一："),
        ("Missing required subcommand.", "缺少子命令。"), ("Unknown option", "未知选项"),
        ("'. Did you mean '", "'。是否想输入 '"), ("Invalid option:", "无效选项："),
        ("Unexpected argument", "多余的参数"), (" unexpected arguments:", " 个多余的参数："),
        ("Missing value for", "缺少取值："), ("The value '", "取值 '"), ("' is invalid for '", "' 不适用于 '"),
        ("' is invalid.", "' 无效。"), ("The option '", "选项 '"),
        ("' does not take any value, but '", "' 不接受取值，但给出了 '"), ("' was specified.", "'。"),
        ("'. Please provide one of the following:", "'。请给出以下之一："), ("'. Please provide one of", "'。请给出以下之一："),
        ("Please provide one of the following:", "请给出以下之一："), ("Please provide one of", "请给出以下之一："),
        ("Unknown subcommand", "未知子命令"), ("Unexpected extra arguments:", "多余的参数："), ("Help:", "帮助："),
        ("Possible values:", "可选值："),
        // The same fragments where the parser wrapped the line right after them (no space follows).
        ("(values:", "(可选值："), ("; default as flag:", "；作为开关时默认："), ("; default:", "；默认："),
        ("(default as flag:", "(作为开关时默认："), ("(default:", "(默认："),
    ]
}
