extension Phrasebook {
    /// The words of the customers part (the customer base: cards, vehicles, contacts, the care plan, the C-10 checks,
    /// the customer import), by English template.
    static let customers: [String: String] = [
        // Classes (C-1, C-3, C-5) and grades (C-2).
        "potential": "潜在客户",
        "intention": "意向客户",
        "retained": "保有客户",
        "defeated": "战败客户",
        "a {0} customer cannot move to {1} (C-5); allowed from {2}: {3}": "{0}不能转为{1}（C-5）；{2}可转为：{3}",
        "expected one of potential, intention, retained, defeated; got \"{0}\"":
            "应为 potential、intention、retained 或 defeated（潜在/意向/保有/战败），实际为“{0}”",
        "confidence": "信心",
        "need": "需求",
        "purchasing-power": "购买力",
        "expected A, B or C (C-2), got \"{0}\"": "应为 A、B 或 C（C-2），实际为“{0}”",
        "only potential customers are graded (C-2); this one is {0}": "只有潜在客户才分级（C-2）；此客户为{0}",

        // The card (C-6).
        "person": "个人",
        "organisation": "单位",
        "expected person or organisation, got \"{0}\"": "应为 person（个人）或 organisation（单位），实际为“{0}”",
        "male": "男",
        "female": "女",
        "expected male or female (男/女), got \"{0}\"": "应为 male 或 female（男/女），实际为“{0}”",
        "at most 100 characters": "最多 100 个字符",
        "{0} is before 1900": "{0} 早于 1900 年",
        "is required (a customer id)": "必填（客户编号）",
        "\"{0}\" is not a phone number (digits, spaces, dashes, optional +86)":
            "“{0}”不是电话号码（应为数字、空格、短横线，可带 +86）",
        "\"{0}\" is not a mobile number (11 digits starting 13 to 19)": "“{0}”不是手机号码（应为 13 到 19 开头的 11 位数字）",
        "\"{0}\" is not a landline number (7 to 12 digits with area code)": "“{0}”不是固定电话号码（应为含区号的 7 到 12 位数字）",
        "\"{0}\" is not an e-mail address": "“{0}”不是电子邮件地址",
        "\"{0}\" is not a plate (e.g. 京A·12345 or 沪AD12345)": "“{0}”不是车牌号（例如 京A·12345 或 沪AD12345）",
        "phone {0} is already on customer {1} ({2}); if the number is shared, mark it so (--shared-phone, or "
            + "sharedPhones in the API)":
            "电话 {0} 已登记在客户 {1}（{2}）名下；如为共用号码，请注明（--shared-phone，API 中为 sharedPhones）",
        "phone {0} on customer": "电话 {0}，客户",

        // Vehicles, usage (C-9) and mileage.
        "private": "家用",
        "taxi": "出租营运",
        "commercial": "其他营运",
        "expected private, taxi (incl. ride-hailing) or commercial (C-9), got \"{0}\"":
            "应为 private（家用）、taxi（出租营运，含网约车）或 commercial（其他营运）（C-9），实际为“{0}”",
        "is required: private, taxi or commercial": "必填：private（家用）、taxi（出租营运）或 commercial（其他营运）",
        "{0} is not a plausible model year (1950 to {1})": "{0} 不是合理的年款（1950 到 {1}）",
        "expected a time such as \"2026-11-20 10:30\" or 2026-11-20T10:30:00+08:00, got \"{0}\"":
            "应为时间，例如“2026-11-20 10:30”或 2026-11-20T10:30:00+08:00，实际为“{0}”",
        "{0} is not a plausible odometer reading (0 to 3,000,000)": "{0} 不是合理的里程读数（0 到 3,000,000）",
        "{0} km is lower than the reading of {1} km on {2}; mark it as an odometer replacement if the odometer was "
            + "changed":
            "{0} km 低于 {2} 的读数 {1} km；如已更换里程表，请标记为更换里程表",
        "{0} km is higher than the later reading of {1} km on {2}": "{0} km 高于之后 {2} 的读数 {1} km",
        "VIN {0} is already on vehicle {1} (customer {2} {3})": "车架号 {0} 已在车辆 {1} 上（客户 {2} {3}）",
        "vehicle with VIN": "车架号",
        "vehicle with the VIN, plate or VIN ending": "与车架号、车牌或车架号尾号相符的车辆",
        "expected a VIN (17 characters), a plate such as 京A·12345 or the last 6 to 8 characters of a VIN; got \"{0}\"":
            "应为车架号（17 位）、车牌（如 京A·12345）或车架号的后 6 到 8 位；实际为“{0}”",
        "no plate": "无车牌",
        "more than 5": "超过 5 辆",
        "{0} fits {1} vehicles: {2}; give the whole VIN": "{0} 匹配到多辆车（{1}）：{2}；请输入完整车架号",
        "{0} is the make itself": "{0} 就是品牌本身",
        "give at least the last 4 digits": "请至少输入后 4 位数字",
        "give the whole VIN or at least its last 6 characters": "请输入完整车架号或至少后 6 位",

        // Contacts (C-8).
        "phone": "电话",
        "sms": "短信",
        "email": "电子邮件",
        "letter": "信函",
        "visit": "面访",
        "wechat": "微信",
        "outbound": "我方发起",
        "inbound": "客户发起",
        "reached": "已联系上",
        "no-answer": "未接通",
        "booked": "已预约",
        "satisfied": "满意",
        "dissatisfied": "不满意",
        "declined": "拒绝",
        "lead": "销售线索",

        // The care plan (C-7).
        "thank-you letter": "感谢信",
        "first call": "首次回访",
        "new-car check call": "新车回访",
        "monthly call": "月度关怀回访",
        "first-maintenance reminder": "首保提醒",
        "due today": "今天到期",
        "1 day overdue": "逾期 1 天",
        "{0} days overdue": "逾期 {0} 天",
        "due tomorrow": "明天到期",
        "due in {0} days": "{0} 天后到期",
        "general manager's thank-you letter, mailed within {0} days of delivery": "总经理感谢信，交车后 {0} 天内寄出",
        "usage, new-car quality, questions, driving tips, purchase satisfaction survey":
            "用车情况、新车质量、疑问解答、驾驶提示、购车满意度调查",
        "new-car check call, {0}-{1} days after delivery": "新车回访，交车后第 {0}-{1} 天",
        "first maintenance due {0} or at {1} km, whichever comes first (W-9); tell the customer with the service "
            + "advisor and book it":
            "首保于 {0} 或 {1} km 到期，以先到者为准（W-9）；与服务顾问一起告知客户并预约",
        "monthly care call {0} of {1}: use of the car, questions, a safety reminder":
            "月度关怀回访（第 {0} 次，共 {1} 次）：用车情况、疑问解答、安全提醒",
        "no care plan: the customer is not retained (C-7 applies to retained customers)":
            "未建立关怀计划：客户不是保有客户（C-7 只适用于保有客户）",
        "no care plan: delivered {0}, more than {1} days ago": "未建立关怀计划：交车于 {0}，已超过 {1} 天",

        // The customer-base checks (C-10).
        "careless-cards": "档案不完整",
        "lapsed-contact": "联系中断",
        "dissatisfied-no-follow-up": "不满意未回访",
        "departed-staff": "离职员工的客户",
        "stale-data": "数据过期",
        "missing {0} (C-10)": "缺少{0}（C-10）",
        "no contact since {0} ({1} days; plan expects one within {2}, C-10)":
            "自 {0} 起未联系（已 {1} 天；计划要求 {2} 天内联系一次，C-10）",
        "never contacted since the card was created on {0} (C-10)": "自 {0} 建档以来从未联系（C-10）",
        "dissatisfied on {0}, no follow-up for {1} days (expected within {2}, C-10)":
            "{0} 表示不满意，已 {1} 天未回访（应在 {2} 天内回访，C-10）",
        "owner {0} left on {1}; reassign with `aftersales checks reassign` (C-10)":
            "负责人 {0} 已于 {1} 离职；请用 `aftersales checks reassign` 转交（C-10）",
        "last mileage reading on {0}": "最近一次里程读数在 {0}",
        "no mileage reading": "没有里程读数",
        "vehicle {0}: {1}; data older than {2} days (C-10)": "车辆 {0}：{1}；数据已超过 {2} 天未更新（C-10）",
        "customers owned by": "名下有客户的员工",

        // The settings of the care plan and the checks (`settings show`).
        "general manager's thank-you letter mailed within N days of delivery": "总经理感谢信在交车后 N 天内寄出",
        "sales consultant's first call within N days of delivery": "销售顾问在交车后 N 天内首次回访",
        "new-car check call window opens N days after delivery": "新车回访从交车后第 N 天开始",
        "new-car check call due N days after delivery": "新车回访在交车后第 N 天到期",
        "monthly care calls after the new-car call": "新车回访之后的月度关怀回访次数",
        "first-maintenance reminder N days before it is due (W-9)": "首保到期前 N 天提醒（W-9）",
        "a base customer with no contact for N days has a lapsed contact plan": "基盘客户 N 天未联系即为联系中断",
        "a dissatisfied contact needs a follow-up within N days": "客户表示不满意后须在 N 天内回访",
        "a vehicle with no mileage reading for N days has stale data": "车辆 N 天没有里程读数即为数据过期",

        // The customer import (`import-customers`, Docs/customer-csv.md).
        "unknown column \"{0}\" (column {1}); known columns: {2}": "未知的列“{0}”（第 {1} 列）；可用的列：{2}",
        "column \"{0}\" appears twice": "列“{0}”出现了两次",
        "required column \"{0}\" is missing": "缺少必需的列“{0}”",
        "column \"{0}\" is required with \"vin\"": "有“vin”列时必须有“{0}”列",
        "expected a whole number, got \"{0}\"": "应为整数，实际为“{0}”",
        "has {0} fields, the header has {1}": "有 {0} 个字段，而表头有 {1} 个",
        "must not be empty when a vin is given": "填写了 vin 时不能为空",
        "expected an instant such as 2024-05-01T10:30:00+08:00 or 2024-05-01 10:30, got \"{0}\"":
            "应为时间，例如 2024-05-01T10:30:00+08:00 或 2024-05-01 10:30，实际为“{0}”",
        "needs a vin on the same row": "须在同一行填写 vin",
        "{0} is not a plausible odometer reading": "{0} 不是合理的里程读数",
        "needs mileage_km on the same row": "须在同一行填写 mileage_km",
        "the file is empty; the first line must be the header": "文件为空；第一行必须是表头",
        "{0} could not be stored": "{0} 无法保存",
        "{0} appears on an earlier row with other {1}; rows of one customer must agree":
            "{0} 在前面的行中出现过，但{1}不同；同一客户的各行必须一致",
        "{0} appears on an earlier row with other {1}": "{0} 在前面的行中出现过，但{1}不同",
        "phone {0} is already on customer {1} ({2}); if the number is shared, import with --shared-phones":
            "电话 {0} 已登记在客户 {1}（{2}）名下；如为共用号码，请加 --shared-phones 导入",
        "moved in from the old system ({0})": "从旧系统导入（{0}）",
        "the quoted field that starts here is not closed before the end of the file":
            "从此处开始的带引号字段到文件末尾仍未结束",
        "a quote after the closing quote of a field; double each quote inside a quoted field (\"\")":
            "字段的结束引号之后又有引号；带引号的字段中的每个引号都要写两遍（\"\"）",
        "text after the closing quote of a field; a field is quoted as a whole (its quotes doubled: \"a \"\"b\"\" c\") "
            + "or not at all":
            "字段的结束引号之后还有文字；字段要么整体加引号（其中的引号写两遍：\"a \"\"b\"\" c\"），要么完全不加",
        "line {0}, column {1}: {2}": "第 {0} 行第 {1} 列：{2}",
        "a quote inside an unquoted field; quote the whole field and double the quote (\"\")":
            "未加引号的字段中有引号；请给整个字段加上引号，并把其中的引号写两遍（\"\"）",
        "cannot read {0}: {1}": "无法读取 {0}：{1}",
        "GB18030 is not supported on this system": "此系统不支持 GB18030",
        "ends in the middle of a GB18030 character": "文件在一个 GB18030 字符中间结束",
        "byte {0} is not valid GB18030 (nor UTF-8)": "第 {0} 个字节不是有效的 GB18030（也不是 UTF-8）",

        // Cards, vehicles, contacts and tasks as the use cases check them (Storage).
        "a customer created directly as {0} needs a reason (C-5)": "直接建档为{0}须填写原因（C-5）",
        "external reference {0} is already customer {1}": "外部编号 {0} 已属于客户 {1}",
        "a class move needs a reason (C-5)": "转换客户分类须填写原因（C-5）",
        "no delivery recorded: warranty starts at delivery (W-1)": "尚未记录交车：保修自交车起算（W-1）",
        "make {0} recorded as {1}, the manufacturer's name (`aftersales make list`)":
            "品牌 {0} 已按厂家名称记为 {1}（`aftersales make list`）",
        "vehicle {0} was already delivered on {1}": "车辆 {0} 已于 {1} 交车",
        "vehicle {0} is already used as {1}": "车辆 {0} 的使用性质已是{1}",
        "{0} is before the delivery on {1}": "{0} 早于交车日期 {1}",
        "{0} is before the last recorded usage change on {1}": "{0} 早于上次记录的使用性质变更日期 {1}",
        "vehicle {0} is not customer {1}'s": "车辆 {0} 不属于客户 {1}",
        "record the customer's response (C-7, C-8)": "请记录客户的反馈（C-7、C-8）",
        "task {0} was already done at {1} by {2}": "任务 {0} 已由 {2} 于 {1} 完成",

        // Reasons the product records itself, shown in the class and usage histories.
        "new potential customer": "新的潜在客户",
        "usage at registration": "登记时的使用性质",
        "usage at registration (import)": "登记时的使用性质（导入）",
    ]
}
