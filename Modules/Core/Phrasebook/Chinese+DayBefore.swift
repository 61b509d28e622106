extension Phrasebook {
    /// Issue 18, part 4: the day-before lists, check-in at reception, the dealer's calls and the
    /// service menu.
    static let dayBefore: [String: String] = [
        // Table headings.
        "needed": "需用",
        "shortage": "缺件",
        "appointments": "预约单",
        "arrival": "到店时间",
        "bay": "工位",
        "work": "作业内容",
        "work hours": "工时",
        "about": "说明",
        "slots": "可约时段",
        // The lists.
        "Parts for {0} (parts manager)": "{0} 所需零件（配件经理）",
        "Bookings on {0} (shop foreman)": "{0} 的预约（车间主管）",
        "Open recalls and campaigns to add to the jobs": "需并入作业的未完成召回和服务活动",
        "{0} missing": "缺 {0} 件",
        "{0} checked in: repair order {1}": "{0} 已接车登记：维修委托书 {1}",
        "{0}; {1} left out: opted out of SMS (M-3)": "{0}；{1} 位客户已退订短信，未列入（M-3）",
        "first maintenance due {0}": "首保到期 {0}",
        "due {0}": "到期 {0}",
        "declined on {0} job {1}": "维修委托书 {0} 第 {1} 项被客户拒绝",
        "{0} {1}: no parts on the menu": "{0} {1}：未设标准用料",
        // Dealer calls.
        "maintenance due": "保养到期",
        "open recall or campaign": "未完成的召回或服务活动",
        "labour operation proposed on maintenance calls (its hours and menu parts give the price); empty: none":
            "保养邀约电话推荐的工时项目（按其工时和标准用料报价）；留空表示不推荐",
        // Errors.
        "is required (an empty list clears the menu)": "为必填项（空列表表示清空标准用料）",
        "the quantity of part {0} must be a whole number from 1 to {1}": "零件 {0} 的数量须为 1 到 {1} 的整数",
        "part {0} is listed twice": "零件 {0} 重复列出",
        "labour operation": "工时项目",
        "{0} is already checked in: repair order {1}": "{0} 已接车登记：维修委托书 {1}",
        "{0} was cancelled: only a booked appointment is checked in (A-6)": "{0} 已取消：只有已预约的才能接车登记（A-6）",
        "{0} was recorded as a no-show: only a booked appointment is checked in (A-6)":
            "{0} 已记为爽约：只有已预约的才能接车登记（A-6）",
        "{0} is a request without a slot: book it before checking it in (A-6)":
            "{0} 只是预约申请，尚未占用时段：请先预约再接车登记（A-6）",
        "{0} is booked for {1}, not {2}: open a repair order for that car instead":
            "{0} 预约的是 {1}，不是 {2}：请为这辆车另开维修委托书",
        "give --part (one or more) or --clear": "请给出 --part（一个或多个）或 --clear",
        "--part takes NUMBER=QUANTITY, such as \"06L 115 562 B=1\", got \"{0}\"":
            "--part 的格式为 零件号=数量，如“06L 115 562 B=1”，收到“{0}”",
        // Help.
        "Appointments: the day-before lists, check-in, dealer calls and the service menu (A-4 to A-6).":
            "预约：到店前一天的清单、接车登记、主动邀约电话和项目标准用料（A-4 至 A-6）。",
        "The day before (A-4): parts for the parts manager, bookings for the shop foreman, open recalls.":
            "到店前一天（A-4）：给配件经理的零件清单、给车间主管的预约清单、未完成的召回。",
        "Parts: the service menu's parts of the day's booked operations against the count on hand; a "
            + "shortage is flagged for the parts manager. Workshop: the bookings in time order with bay, "
            + "technician and advisor. Vehicles: each booked car's open recalls and campaigns, to add to its "
            + "job. CSV writes one list, --list (default parts).":
            "零件：当天预约工时项目的标准用料与现有库存对比，缺件标出给配件经理。车间：按时间排列的预约，"
            + "含工位、技师和服务顾问。车辆：每辆预约车未完成的召回和服务活动，接车时并入作业。"
            + "CSV 只输出一张清单，由 --list 选择（默认 parts）。",
        "The day, YYYY-MM-DD (default tomorrow).": "日期，YYYY-MM-DD（默认明天）。",
        "With --format csv: the list to write: parts, workshop or vehicles.":
            "与 --format csv 一起用：输出哪张清单：parts、workshop 或 vehicles。",
        "Check a booked car in at reception (A-6): its repair order with the booked work as jobs.":
            "预约车到店接车登记（A-6）：开出维修委托书，预约的作业成为维修项目。",
        "Each booked operation becomes a job with its labour line (catalogue hours × labour rate) and "
            + "its service-menu parts (Q-1); free work becomes a job without lines; each --concern adds a "
            + "job. The booking is then checked in with the order's number. A booking already checked in, "
            + "cancelled or missed is refused, and so is another car than the booked one (--vehicle).":
            "每个预约的工时项目成为一个维修项目，带工时行（目录工时 × 工时单价）和标准用料的零件行（Q-1）；"
            + "自由描述的作业成为没有明细行的维修项目；每个 --concern 再加一个维修项目。随后预约记为已到店，"
            + "并记下维修委托书号。已登记、已取消或爽约的预约会被拒绝，来的车不是预约的车（--vehicle）也会被拒绝。",
        "The appointment, AP-000123.": "预约单号，如 AP-000123。",
        "The car that came: VIN, plate or the VIN's last characters (a check).":
            "到店的车：VIN、车牌或 VIN 末几位（用于核对）。",
        "A further concern in the customer's own words (repeat for each).": "客户另外提出的问题，用客户原话（每项写一次）。",
        "The service advisor (default the booking's, else the actor).": "服务顾问（默认预约时的服务顾问，否则为操作人）。",
        "Customers to call (A-5): maintenance due, an open recall or campaign, declined work.":
            "主动邀约的客户（A-5）：保养到期、有未完成的召回或服务活动、有被拒绝的维修项目。",
        "Each call proposes the work with its hours and price: the maintenance operation of the setting "
            + "appointments.calls.maintenance-operation with its menu parts, the recall (paid by the "
            + "manufacturer), or the declined job as quoted. Maintenance is due by the reminders' rule (W-9), "
            + "from a year overdue to reminders.maintenance-lead-days ahead. A customer who opted out of SMS "
            + "is not called (M-3), except for a safety recall.":
            "每个电话都推荐作业并说明工时和价格：保养用设置 appointments.calls.maintenance-operation "
            + "的工时项目加标准用料，召回由厂家承担，被拒绝的项目按原报价。保养是否到期按提醒的规则（W-9），"
            + "从逾期一年到提前 reminders.maintenance-lead-days 天。已退订短信的客户不列入（M-3），安全召回除外。",
        "The day of the calls, YYYY-MM-DD (default today).": "打电话的日期，YYYY-MM-DD（默认今天）。",
        "Only one reason: maintenance, recall or declined.": "只列一种原因：maintenance、recall 或 declined。",
        "The service menu: the parts a labour operation uses (Q-1, A-4).": "项目标准用料：一个工时项目所用的零件（Q-1、A-4）。",
        "The parts a labour operation uses, with today's prices.": "一个工时项目所用的零件及今天的价格。",
        "The labour operation's code.": "工时项目代码。",
        "Set the parts a labour operation uses; the list replaces the one stored.":
            "设置一个工时项目所用的零件；新清单替换原有的。",
        "A part and its quantity, NUMBER=QUANTITY (repeat for each).": "零件及数量，零件号=数量（每种写一次）。",
        "No parts: clear the operation's menu.": "不用零件：清空该工时项目的标准用料。",
    ]
}
