extension Phrasebook {
    /// The words of the workshop's capacity (issue 18, A-2, T-3): bays, technicians, leave, service advisors,
    /// operation skills, by English template.
    static let capacity: [String: String] = [
        // Bay kinds and skills (`BayKind.spoken`, `Skill.spoken`).
        "general bay": "机电工位",
        "quick-service bay": "快修工位",
        "alignment bay": "四轮定位工位",
        "body bay": "钣喷工位",
        "general repair": "机电维修",
        "quick service": "快修",
        "wheel alignment": "四轮定位",
        "body and paint": "钣喷",
        "electrical": "电气诊断",
        "high voltage": "高压电",

        // The setting.
        "booked arrivals one service advisor receives per 15 minutes, unless set for the advisor":
            "每位服务顾问每 15 分钟接待的预约到店数（服务顾问未单独设置时）",

        // The form and the rules (`CapacityForm`, `CapacityRules`) and the use cases.
        "expected a bay code of 1 to {0} characters without spaces, such as B07, got \"{1}\"":
            "工位编号应为 1 到 {0} 个字符、不含空格，例如 B07；实际为“{1}”",
        "is required (a staff member)": "必须填写（员工姓名）",
        "name at least one skill, such as general": "请至少给出一项技能，例如 general",
        "expected DAYS=HH:MM-HH:MM such as mon-fri=08:30-17:30 or sat=09:00-15:00, got \"{0}\"":
            "格式应为 星期=HH:MM-HH:MM，例如 mon-fri=08:30-17:30 或 sat=09:00-15:00；实际为“{0}”",
        "{0} is given twice": "{0}重复给出",
        "\"{0}\" is not a weekday (monday to sunday)": "“{0}”不是星期几（monday 到 sunday）",
        "expected hours HH:MM-HH:MM, starting before ending, such as 08:30-17:30, got \"{0}\"":
            "时间应为 HH:MM-HH:MM，开始早于结束，例如 08:30-17:30；实际为“{0}”",
        "{0} is before the first day {1}": "{0} 早于第一天 {1}",
        "a leave runs at most {0} days; record it in parts": "一次休假最长 {0} 天，请分段登记",
        "is longer than {0} characters": "超过 {0} 个字符",
        "expected a labour operation code such as \"01 10 00 00\"": "应为工时项目代码，例如“01 10 00 00”",
        "the store is closed on {0} (`aftersales calendar hours`); no shift can be set that day":
            "门店{0}不营业（`aftersales calendar hours`），当天不能排班",
        "the {0} shift {1} is outside the store's hours {2} (T-3); set it within them":
            "{0}的班次 {1} 超出门店营业时间 {2}（T-3），请排在营业时间之内",
        "a technician or shop foreman": "技师或车间主管",
        "a service advisor or service manager": "服务顾问或服务经理",
        "{0} is {1}, not {2} (`aftersales staff list`)": "{0} 的角色是{1}，不是{2}（`aftersales staff list`）",
        "a new bay needs its kind: {0}": "新工位须给出类型：{0}",
        "a new technician needs skills": "新技师须给出技能",
        "a new technician needs shifts, such as mon-fri=08:30-17:30": "新技师须给出班次，例如 mon-fri=08:30-17:30",
        "{0} is already on leave from {1} to {2} (leave {3}); remove it first or choose other days":
            "{0} 已登记 {1} 至 {2} 休假（休假 {3}），请先删除该休假或另选日期",
        "leave of {0}": "{0} 的休假",
        "labour operation": "工时项目",

        // Tables (`capacity show`, `capacity set …`).
        "capacity": "产能",
        "kind or skills": "类型/技能",
        "working hours": "工作时间",
        "opening hours": "营业时间",
        "the store": "门店",
        "not working": "不上班",
        "service advisor": "服务顾问",
        "bay": "工位",
        "out of use": "停用",
        "off the plan": "不排班",
        "off reception": "不接待",
        "leave {0}": "休假 {0}",
        "{0} arrivals per 15 minutes": "每 15 分钟 {0} 位",
        "{0} arrivals per 15 minutes (setting)": "每 15 分钟 {0} 位（按设置）",
        "the store's hours": "门店营业时间",
        "no shifts": "未排班",
        "leave {0} of {1} removed": "已删除 {1} 的休假 {0}",

        // Usage errors.
        "give at most one of --active and --inactive": "--active 和 --inactive 最多只能给出一个",
        "--remove takes no --from, --to or --reason": "--remove 不能与 --from、--to 或 --reason 同用",
        "give --from and --to, or --remove": "请给出 --from 和 --to，或者 --remove",
        "give at most one of --arrivals and --setting-arrivals": "--arrivals 和 --setting-arrivals 最多只能给出一个",
        "give at most one of --shift and --store-hours": "--shift 和 --store-hours 最多只能给出一个",

        // Help.
        "The workshop's capacity: bays, technicians, leave, service advisors, operation skills (A-2).":
            "车间产能：工位、技师、休假、服务顾问、工时项目所需技能（A-2）。",
        "Appointments are offered only where capacity can honour them: a service advisor free to receive, and a "
            + "bay and a technician with the skill free for the work, within the store's opening hours (T-3, "
            + "`aftersales calendar hours`).":
            "只在产能能兑现时才提供预约时段：有空接待的服务顾问，以及作业期间空闲的工位和具备所需技能的技师，"
            + "且都在门店营业时间之内（T-3，`aftersales calendar hours`）。",
        "Take it out of use (kept, offered no more).": "停用（保留记录，不再安排）。",
        "Put it back in use.": "重新启用。",
        "The opening hours, bays, technicians, advisors and operation skills; who works on a day.":
            "营业时间、工位、技师、服务顾问和工时项目技能；以及某一天谁上班。",
        "Also list the hours each person works that day, YYYY-MM-DD.": "同时列出当天每人的工作时间，YYYY-MM-DD。",
        "Set a bay, a technician, a leave, a service advisor or an operation's skill.":
            "设置工位、技师、休假、服务顾问或工时项目所需技能。",
        "Add a bay or change its kind; take it out of use or back. A bay is never deleted.":
            "新增工位或修改类型；停用或重新启用。工位不会被删除。",
        "The bay's code, such as B07.": "工位编号，例如 B07。",
        "The bay's kind (needed for a new bay).": "工位类型（新工位必填）。",
        "Set a technician's skills and shifts per weekday, or take them off the plan.":
            "设置技师的技能和每周各天的班次，或让其不再排班。",
        "The name is a current staff member, a technician or the shop foreman. --shift replaces every shift: "
            + "DAYS=HH:MM-HH:MM, DAYS a weekday (mon, 周一), a range (mon-fri) or a list (sat,sun); weekdays not given "
            + "are days off. Shifts lie within the store's opening hours (T-3); a shift outside them is refused. "
            + "Skills: {0}.":
            "姓名须为在职员工，角色为技师或车间主管。--shift 会替换全部班次：星期=HH:MM-HH:MM，星期可写一天（mon、周一）、"
            + "一段（mon-fri）或多天（sat,sun）；未给出的星期为休息日。班次须在门店营业时间之内（T-3），超出的会被拒绝。"
            + "技能：{0}。",
        "The technician's name, as `staff list` shows it.": "技师姓名，与 `staff list` 中一致。",
        "Skills, comma-separated (needed for a new technician).": "技能，以逗号分隔（新技师必填）。",
        "A shift, DAYS=HH:MM-HH:MM; repeat for more.": "班次，星期=HH:MM-HH:MM；可重复给出。",
        "Record a technician's leave (days away, both included), or remove one by its number.":
            "登记技师休假（起止日期都算在内），或按编号删除一条休假。",
        "`capacity show` lists each leave to come with its number.": "`capacity show` 列出今后的每条休假及其编号。",
        "The technician's name.": "技师姓名。",
        "First day away, YYYY-MM-DD.": "休假第一天，YYYY-MM-DD。",
        "Last day away, YYYY-MM-DD.": "休假最后一天，YYYY-MM-DD。",
        "Why, such as 培训 or 年假.": "原因，例如 培训 或 年假。",
        "Remove the leave with this number instead.": "改为删除该编号的休假。",
        "Set a service advisor's arrivals per 15 minutes and reception shifts, or take them off.":
            "设置服务顾问每 15 分钟接待的到店数和接待班次，或让其不再接待。",
        "The name is a current staff member, a service advisor or the service manager. Without their own figure an "
            + "advisor receives the setting `appointments.arrivals-per-advisor` (A-2); without shifts, every hour "
            + "the store is open.":
            "姓名须为在职员工，角色为服务顾问或服务经理。未单独设置到店数的服务顾问按设置 "
            + "`appointments.arrivals-per-advisor` 接待（A-2）；未设班次的，在门店营业时间内全程接待。",
        "The advisor's name, as `staff list` shows it.": "服务顾问姓名，与 `staff list` 中一致。",
        "Booked arrivals this advisor receives per 15 minutes (1-20).": "该服务顾问每 15 分钟接待的预约到店数（1-20）。",
        "Use the setting `appointments.arrivals-per-advisor` instead of an own figure.":
            "不再单独设置，改按设置 `appointments.arrivals-per-advisor`。",
        "A reception shift, DAYS=HH:MM-HH:MM; repeat for more.": "接待班次，星期=HH:MM-HH:MM；可重复给出。",
        "Receive every hour the store is open (no shifts of their own).": "门店营业时间内全程接待（不单独排班）。",
        "Set the skill a labour operation of the catalogue needs (others need general).":
            "设置工时目录中某工时项目所需的技能（未设置的需要 general）。",
        "Skills: {0}.": "技能：{0}。",
        "The labour operation's code, such as \"01 10 00 00\".": "工时项目代码，例如“01 10 00 00”。",
        "The skill it needs.": "所需技能。",
    ]
}
