extension Phrasebook {
    /// The words of the manufacturer part, by English template: storing the manufacturer's bulletins, terms, catalogue
    /// and prices (the revision rules of W-6, Q-1).
    static let manufacturer: [String: String] = [
        // What storing an item did.
        "added": "新增",
        "replaced": "已替换",
        "unchanged": "未变",
        "stale": "旧版本，已跳过",
        "skipped": "已跳过",
        "outcome": "结果",

        // What aftersales-import says of each file.
        "items read": "已读条目",
        "{0} → {1}": "{0} → {1}",
        "imported": "已导入",
        "imported (import #{0}, one transaction)": "已导入（导入 #{0}，一个事务）",
        "partly imported: the valid items written, the rejected ones listed": "部分导入：有效条目已写入，被拒条目已列出",
        "nothing new; rejected items listed": "没有新内容；被拒条目已列出",
        "rejected: nothing written": "被拒：未写入任何内容",
        "unchanged: everything in the file is already stored": "未变：文件中的内容均已存储",
        "dry run: would import; nothing written": "试运行：可以导入；未写入任何内容",
        "would import the valid items; rejected items listed; nothing written": "可导入有效条目；被拒条目已列出；未写入任何内容",
        "{0}; a file with the same checksum was imported before (import #{1})": "{0}；校验和相同的文件此前已导入（导入 #{1}）",
        "{0}: … {1} more problems in {2}": "{0}：… {2} 还有 {1} 个问题",
        "warning: {0}": "警告：{0}",

        // Bulletins by revision (W-6).
        "bulletin {0} was not opened": "厂家公告 {0} 尚未开始导入",
        "bulletin {0} revision {1} is older than the stored revision {2}; skipped":
            "厂家公告 {0} 第 {1} 版早于已存的第 {2} 版；已跳过",
        "bulletin {0} revision {1} is already stored with other content (by {2} at {3}{4}); a change needs a higher "
            + "revision":
            "厂家公告 {0} 第 {1} 版已以不同内容存储（{2}，{3}{4}）；内容变更需要更高的版次",

        // The catalogue and its prices.
        "part {0}: this file's price ({1} {2} from {3}) is older than the stored one (from {4}); kept the stored price":
            "零件 {0}：本文件的价格（{1} {2}，自 {3} 起）早于已存价格（自 {4} 起）；保留已存价格",
        "is required": "必填",
        "must be above zero": "必须大于零",
        "expected a three-letter ISO 4217 code such as CNY, got \"{0}\"": "应为三个字母的 ISO 4217 代码，如 CNY，实际为“{0}”",
        "labour rate per standard hour, yuan (prices labour lines)": "每标准工时的工时费（元），用于工时项目计价",
        "expected an amount in yuan such as 120.00, got \"{0}\"": "应为以元计的金额，如 120.00，实际为“{0}”",
    ]
}
