import Core

/// The words swift-argument-parser writes itself (help headings, usage errors), said in the language of the moment:
/// the library speaks English only, so its output is translated line by line here.
enum ParserWords {
    /// `text` from the parser in `speech`'s language (as it is in English).
    static func translated(_ text: String, _ speech: Speech = .current) -> String {
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
        ("SUBCOMMANDS:", "子命令："), ("See '", "详见 '"), ("' for detailed help.", "'（详细帮助）"),
        ("' for more information.", "'（更多说明）"), ("Show help information.", "显示帮助信息。"),
        ("Show the version.", "显示版本。"), ("(default: ", "(默认："), ("Error: ", "错误："), ("Usage: ", "用法："),
        ("Missing expected argument", "缺少必需的参数"), ("Unknown option", "未知选项"),
        ("Unexpected argument", "多余的参数"), ("Missing value for", "缺少取值："), ("is invalid for", "不是有效取值："),
        ("The value", "取值"), ("Please provide one of", "请给出以下之一"), ("Unknown subcommand", "未知子命令"),
        ("Unexpected extra arguments:", "多余的参数："), ("Help:", "帮助："), ("Possible values:", "可选值："),
    ]
}
