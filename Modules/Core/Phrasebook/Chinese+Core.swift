extension Phrasebook {
    /// The words of the core part (errors every module raises, money, days, the clock), by English template.
    static let core: [String: String] = [
        // What the system says of a file.
        "no such file or folder": "文件或文件夹不存在",
        "permission denied": "没有权限",
        "it is a folder, not a file": "这是文件夹，不是文件",
        "the disk is full": "磁盘已满",
        "the file system is read-only": "文件系统为只读",
        "cannot read {0}: {1}": "无法读取 {0}：{1}",
        "Error: {0}": "错误：{0}",
        "no {0} {1}": "找不到{0} {1}",
        "customer": "客户",
        "vehicle": "车辆",

        // Records named in "no {0} {1}" (NotFound) and in id errors (RecordID's `what`).
        "contact": "联系记录",
        "task": "任务",
        "staff member": "员工",
        "import": "导入记录",
        "active token named": "有效令牌",
        "backup file": "备份文件",
        "calendar entry for": "日历条目",
        "opening-hours entry for": "营业时间条目",
        "an id": "编号",
        "a customer id": "客户编号",
        "a complaint id": "投诉编号",
        "a contact id": "联系记录编号",
        "a task id": "任务编号",
        "a claim id": "索赔单编号",
        "an attachment id": "附件编号",
        "expected {0}: a positive whole number (at most {1}), got \"{2}\"": "应为{0}：正整数（最大 {1}），实际为“{2}”",

        // Choices, numbers, days and times.
        "expected one of {0}; got \"{1}\"": "应为以下之一：{0}；实际为“{1}”",
        "expected one of {0}, got \"{1}\"": "应为以下之一：{0}；实际为“{1}”",
        "expected a whole number from {0} to {1}, got \"{2}\"": "应为 {0} 到 {1} 之间的整数，实际为“{2}”",
        "expected a date YYYY-MM-DD, got \"{0}\"": "应为日期 YYYY-MM-DD，实际为“{0}”",
        "expected a time such as \"2026-11-23 09:30\" (dealer's time zone) or 2026-11-23T09:30:00+08:00, got \"{0}\"":
            "应为时间，例如“2026-11-23 09:30”（本店时区）或 2026-11-23T09:30:00+08:00，实际为“{0}”",
        "expected zh or en, got \"{0}\"": "应为 zh 或 en，实际为“{0}”",
        "\"{0}\" is not a time zone name (e.g. Asia/Shanghai)": "“{0}”不是时区名称（例如 Asia/Shanghai）",
        "{0} is in the future": "{0} 晚于当前时间",
        "must not be empty": "不能为空",
        "is required": "必填",

        // JSON bodies.
        "the body nests arrays and objects more than {0} deep": "请求体中数组和对象的嵌套超过 {0} 层",
        "a text contains the control character {0}; send text without it": "文本含有控制字符 {0}，请去掉后再发送",
        "expected {0}": "应为 {0} 类型",
        "must not be null": "不能为 null",
        "the body is not valid JSON": "请求体不是有效的 JSON",

        // Staff (C-8, C-10, K-3).
        "no staff is recorded yet": "尚未登记任何员工",
        "staff: {0}": "员工：{0}",
        "{0} is not a staff member ({1}); see `aftersales staff list`, or add them with `aftersales staff add`":
            "{0} 不是本店员工（{1}）；请查看 `aftersales staff list`，或用 `aftersales staff add` 添加",
        "{0} left on {1}; choose a current staff member (`aftersales staff list`)":
            "{0} 已于 {1} 离职；请选择在职员工（`aftersales staff list`）",

        // VINs.
        "a VIN has 17 characters, this one has {0}": "车架号（VIN）应为 17 位，此处为 {0} 位",
        "character '{0}' at position {1} is not allowed in a VIN (0-9 and A-Z without I, O, Q)":
            "第 {1} 位的字符“{0}”不能用于车架号（只能是 0-9 和除 I、O、Q 以外的 A-Z）",
        "VIN {0}: check digit (position 9) should be {1}; kept, as imported cars often have none":
            "车架号 {0}：校验位（第 9 位）应为 {1}；已保留，因为进口车常常没有校验位",

        // Roles (DOMAIN.md's Roles, the glossary).
        "cs-agent": "客服专员",
        "cs-manager": "客服部经理",
        "market-coordinator": "市场专员",
        "appointment-staff": "预约人员",
        "service-advisor": "服务顾问",
        "warranty-admin": "索赔员",
        "service-manager": "服务经理",
        "parts-manager": "配件经理",
        "technical-director": "技术总监",
        "shop-foreman": "车间主管",
        "technician": "技师",
        "sales-consultant": "销售顾问",
        "general-manager": "总经理",
        "admin": "系统管理员",

        // Weekdays (opening hours, T-3).
        "monday": "周一",
        "tuesday": "周二",
        "wednesday": "周三",
        "thursday": "周四",
        "friday": "周五",
        "saturday": "周六",
        "sunday": "周日",

        // The settings of the clock and the database (`settings show`).
        "dealer's time zone: instants are shown and days counted in it": "本店所在时区：时间按此时区显示，天数按此时区计算",
        "hour deadlines (K-4, K-6) run on the clock, or only in the store's opening hours (`calendar hours`): "
            + "clock or business":
            "以小时计的时限（K-4、K-6）按自然时间计算，或只计本店营业时间（`calendar hours`）：`clock` 或 `business`",
        "how long a write waits for another program holding the database (a long import) before it gives up with a "
            + "clear message":
            "另一个程序占用数据库（如耗时的导入）时，写入最多等待的秒数，超时后给出明确提示",
        "the language the product speaks: zh (Simplified Chinese) or en; system follows LANG. A new database starts in "
            + "zh; --lang and $AFTERSALES_LANG override it for one run, Accept-Language for one request":
            "系统使用的语言：zh（简体中文）或 en；`system` 表示跟随 LANG。新数据库默认为 zh；--lang 和 $AFTERSALES_LANG "
            + "对单次运行生效，Accept-Language 对单个请求生效",
        "how Chinese sentences write a day: long (2026年12月5日) or iso (2026-12-05); tables keep ISO":
            "中文语句中日期的写法：long（2026年12月5日）或 iso（2026-12-05）；表格中始终为 ISO 格式",
    ]
}
