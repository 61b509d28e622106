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
        "unchanged since import #{0} of {1}: nothing to do": "自 {1} 的导入 #{0} 以来未变：无需处理",
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
        // Reading a manufacturer file: the file itself (MANUFACTURER-XML.md).
        "cannot read the file": "无法读取该文件",
        "is a directory, not a file": "是文件夹，不是文件",
        "cannot open the file": "无法打开该文件",
        "cannot open the file as XML": "无法将该文件作为 XML 打开",
        "cannot set up the schema validation": "无法启用 XML schema 校验",
        "the file is not well-formed XML": "该文件不是格式正确的 XML",
        "entity references are not allowed in manufacturer files": "厂家文件中不允许使用实体引用",
        "a DOCTYPE is not allowed in manufacturer files (no DTDs, no entities)":
            "厂家文件中不允许使用 DOCTYPE（不允许 DTD，也不允许实体）",
        "Excessive depth in document: elements nested more than {0} deep (the contract needs 5)":
            "文档嵌套过深：元素嵌套超过 {0} 层（约定只需 5 层）",
        "the root element must be ManufacturerData in the namespace {0}": "根元素必须是命名空间 {0} 中的 ManufacturerData",
        "ManufacturerData must be in the namespace {0}, not {1}": "ManufacturerData 必须在命名空间 {0} 中，而不是 {1}",
        "{0} holds a text longer than {1} KiB": "{0} 中的文本超过 {1} KiB",
        "the file holds no ManufacturerData element": "文件中没有 ManufacturerData 元素",
        "save the file in that encoding (UTF-8 or GB18030) or correct encoding= in its first line":
            "请按该编码保存文件（UTF-8 或 GB18030），或改正文件第一行的 encoding=",
        "the bytes here are not in the encoding the XML declaration names: {0}": "此处的字节不符合 XML 声明的编码：{0}",
        "byte {0} is not in the encoding the XML declaration names: {1}": "字节 {0} 不符合 XML 声明的编码：{1}",
        "byte {0} (before {1}) is not in the encoding the XML declaration names: {2}":
            "字节 {0}（位于 {1} 之前）不符合 XML 声明的编码：{2}",
        "{0}: … and {1} more problems": "{0}：… 还有 {1} 个问题",
        "{0}: this command reads {1} only; import {2} with aftersales-import":
            "{0}：此命令只读取{1}；{2}请用 aftersales-import 导入",
        "cannot create": "无法创建",
        "cannot write": "无法写入",
        "cannot read": "无法读取",
        "{0} the temporary file for VIN lists in {1}: {2}": "{0} {1} 中存放 VIN 清单的临时文件：{2}",

        // Reading a manufacturer file: its items, each named by its key.
        "bulletin {0}": "厂家公告 {0}",
        "part {0}": "零件 {0}",
        "vehicle {0}": "车辆 {0}",
        "labour operation {0}": "工时项目 {0}",
        "labour operation {0} @ {1}": "工时项目 {0} @ {1}",
        "warranty term {0}": "整车保修条款 {0}",
        "warranty term {0} from {1}": "整车保修条款 {0}（自 {1} 起）",
        "parts warranty {0}": "零件保修条款 {0}",
        "parts warranty {0} from {1}": "零件保修条款 {0}（自 {1} 起）",
        "{0} in {1}": "{1} 中的 {0}",
        "{0} is incomplete": "{0} 不完整",
        "… and {0} more problems in {1}": "… {1} 还有 {0} 个问题",
        "Bulletin needs number, kind, revision and issued": "Bulletin 必须有 number、kind、revision 和 issued",
        "bulletin {0} appears twice in the file": "厂家公告 {0} 在文件中出现了两次",
        "unexpected element {0} in {1}": "{1} 中不应出现元素 {0}",
        "bulletin {0}: {1}": "厂家公告 {0}：{1}",
        "VinRange: {0}": "VinRange：{0}",
        "Vin: {0}": "Vin：{0}",
        "missing attribute {0}": "缺少属性 {0}",
        "{0} must be a non-negative whole number, got \"{1}\"": "{0} 应为非负整数，实际为“{1}”",
        "{0} must be a positive amount with at most two decimals, got \"{1}\"":
            "{0} 应为正数，最多两位小数，实际为“{1}”",
        "{0} must be above zero, got \"{1}\"": "{0} 必须大于零，实际为“{1}”",
        "{0} must be a date YYYY-MM-DD, got \"{1}\"": "{0} 应为 YYYY-MM-DD 格式的日期，实际为“{1}”",

        // libxml2's schema messages in the forms a manufacturer file meets most (ManufacturerXML/SchemaMessages).
        """
        Element '{0}', attribute '{1}': [facet 'pattern'] The value '{2}' is not accepted by the VIN pattern \
        (17 characters from 0-9 and A-Z without I, O, Q).
        """:
            "元素 {0} 的属性 {1}：值“{2}”不是有效的 VIN（17 位，由 0-9 和除 I、O、Q 以外的 A-Z 组成）。",
        "Element '{0}', attribute '{1}': [facet 'pattern'] The value '{2}' is not accepted by the pattern '{3}'.":
            "元素 {0} 的属性 {1}：值“{2}”不符合格式 {3}。",
        """
        Element '{0}', attribute '{1}': [facet 'enumeration'] The value '{2}' is not an element of the set \
        {{{3}}}.
        """:
            "元素 {0} 的属性 {1}：值“{2}”不是允许的取值（{3}）。",
        "Element '{0}', attribute '{1}': '{2}' is not a valid value of the atomic type '{3}'.":
            "元素 {0} 的属性 {1}：“{2}”不是类型 {3} 的有效值。",
        "Element '{0}', attribute '{1}': The attribute '{2}' is not allowed.": "元素 {0} 的属性 {1}：不允许使用属性 {2}。",
        """
        Element '{0}', attribute '{1}': [facet 'minLength'] The value '{2}' has a length of '{3}'; this underruns \
        the allowed minimum length of '{4}'.
        """:
            "元素 {0} 的属性 {1}：值“{2}”的长度为 {3}，少于允许的最小长度 {4}。",
        """
        Element '{0}', attribute '{1}': [facet 'maxInclusive'] The value '{2}' is greater than the maximum value \
        allowed ('{3}').
        """:
            "元素 {0} 的属性 {1}：值“{2}”大于允许的最大值 {3}。",
        """
        Element '{0}': [facet 'pattern'] The value '{1}' is not accepted by the VIN pattern (17 characters from 0-9 \
        and A-Z without I, O, Q).
        """:
            "元素 {0}：值“{1}”不是有效的 VIN（17 位，由 0-9 和除 I、O、Q 以外的 A-Z 组成）。",
        "Element '{0}': [facet 'pattern'] The value '{1}' is not accepted by the pattern '{2}'.":
            "元素 {0}：值“{1}”不符合格式 {2}。",
        "Element '{0}': [facet 'enumeration'] The value '{1}' is not an element of the set {{{2}}}.":
            "元素 {0}：值“{1}”不是允许的取值（{2}）。",
        "Element '{0}': '{1}' is not a valid value of the atomic type '{2}'.": "元素 {0}：“{1}”不是类型 {2} 的有效值。",
        "Element '{0}': This element is not expected. Expected is one of ( {1} ).":
            "元素 {0}：此处不应出现该元素；应为以下之一：{1}。",
        "Element '{0}': This element is not expected. Expected is ( {1} ).": "元素 {0}：此处不应出现该元素；应为 {1}。",
        "Element '{0}': This element is not expected.": "元素 {0}：此处不应出现该元素。",
        "Element '{0}': Missing child element(s). Expected is one of ( {1} ).": "元素 {0}：缺少子元素；应为以下之一：{1}。",
        "Element '{0}': Missing child element(s). Expected is ( {1} ).": "元素 {0}：缺少子元素；应为 {1}。",
        "Element '{0}': The attribute '{1}' is required but missing.": "元素 {0}：缺少必需的属性 {1}。",
        "Element '{0}': Character content is not allowed, because the content type is empty.":
            "元素 {0}：不能包含任何文本（该元素应为空）。",
        "Element '{0}': Element content is not allowed, because the type definition is simple.":
            "元素 {0}：只能包含文本，不能包含子元素。",
        """
        Element '{0}': Character content other than whitespace is not allowed because the content type is \
        'element-only'.
        """:
            "元素 {0}：只能包含子元素，不能包含空白以外的文本。",
    ]
}
