extension Phrasebook {
    /// Offers and booking of appointments (issue 18, M-4), by English template.
    static let appointmentBooking: [String: String] = [
        // The register's codes as people read them.
        "web": "网上",
        "in store": "到店",
        "dealer call": "经销商邀约",
        "requested": "待安排",
        "checked in": "已到店",
        "cancelled ⟨appointment state⟩": "已取消",
        "no-show": "爽约",
        "no-show call": "爽约回访",
        // Settings.
        "how many free slots an offer proposes (2 or 3)": "每次预约提供的空闲时段数（2 或 3）",
        "how many days ahead an offer looks for free slots": "查找空闲时段的天数",
        "hours between two slots offered on the same day, so offers spread over the day":
            "同一天提供的两个时段至少相隔的小时数，使时段分布在全天",
        // The work and the form.
        "name at least one operation, or describe the work with its hours": "请至少填写一个工时项目，或描述工作内容并估计工时",
        "no one bay can hold this work ({0}); book these jobs as separate appointments":
            "没有一个工位能同时完成这些作业（{0}），请分开预约",
        "describe the work the hours are for": "请描述这些工时对应的工作内容",
        "estimate the hours of the described work": "请估计所描述工作的工时",
        "expected hours above 0 and at most 24, such as 1.5; got \"{0}\"": "工时应大于 0 且不超过 24，例如 1.5；收到“{0}”",
        "name the vehicle: VIN, plate or VIN ending": "请指明车辆：VIN、车牌或 VIN 末几位",
        "give a slot's arrival or the customer's preferred time, not both": "请填写时段的到店时间或客户意向时间，不能同时填写",
        "give an offered slot's arrival, or the customer's preferred time when none suits (A-2)":
            "请填写所选时段的到店时间；若都不合适，请填写客户意向时间（A-2）",
        "slots start on the quarter-hour (09:00, 09:15 …)": "时段按刻钟开始（09:00、09:15 …）",
        "{0} has passed": "{0} 已过",
        "service advisor": "服务顾问",
        "appointment": "预约",
        // Booking, lost races, changes.
        "that slot was just taken and nothing else is free; record the customer's preferred time instead":
            "该时段刚被占用，且已无其他空闲时段；请改为登记客户意向时间",
        "that slot was just taken; free now: {0}": "该时段刚被占用；当前空闲：{0}",
        "give the new slot's arrival": "请填写新时段的到店时间",
        "{0} is {1}; only a booked or requested one moves": "{0} 状态为{1}；只有已预约或待安排的预约可以改期",
        "say why the appointment is cancelled": "请说明取消预约的原因",
        "{0} is {1}; it cannot become {2}": "{0} 状态为{1}，不能改为{2}",
        "{0} is expected at {1}; a no-show is recorded after that": "{0} 预约到店时间为 {1}，过了该时间才能登记爽约",
        // The commands (`aftersales appointment …`).
        "Appointments: free slots, booking, the register, the day-before lists, check-in, dealer calls (A-1 to A-6).":
            "预约：空闲时段、预约登记、预约台账、前一天的准备清单、到店接车、主动邀约（A-1 至 A-6）。",
        "Propose 2 to 3 free slots for a vehicle's work that the workshop can honour (A-2).":
            "按车间实际能力，为车辆的作业提供 2 到 3 个空闲时段（A-2）。",
        "A slot has an advisor free to receive the car, and a bay and a technician with the skill free "
            + "for the whole work within opening hours. Slots spread over the day and the following days; a "
            + "dealer's call (dealer-call) gets the quiet hours first, and the customer's usual advisor is "
            + "preferred. Book one with `appointment book --arrival`.":
            "每个时段都有空闲的服务顾问接车，并在营业时间内有空闲工位和具备相应技能的技师完成全部作业。"
            + "时段分布在当天和之后几天；经销商邀约（dealer-call）优先提供空闲时段，并优先安排客户常用的服务顾问。"
            + "用 `appointment book --arrival` 预约其中一个。",
        "Book an offered slot, or record the customer's preferred time when none suits (A-2).":
            "预约提供的时段；若都不合适，登记客户意向时间（A-2）。",
        "With --arrival (a slot of `appointment offer`, optionally its --advisor, --bay and --technician) "
            + "the slot is checked again as it is booked: when another booking took it first, nothing is "
            + "written and the error lists the slots free now. A booking queues its confirmation in the "
            + "outbox (A-3); --campaign records the campaign's response (M-4).":
            "使用 --arrival（`appointment offer` 提供的时段，可附 --advisor、--bay 和 --technician）预约时会再次核对该时段："
            + "若已被其他预约抢先占用，则不写入任何内容，并在错误信息中列出当前空闲的时段。"
            + "预约成功后在发件箱中加入确认消息（A-3）；--campaign 记录营销活动的响应（M-4）。",
        "List appointments by arrival: by day, advisor, state or customer.": "按到店时间列出预约：可按日期、服务顾问、状态或客户筛选。",
        "Show an appointment: the work, the slot, the price and its history.": "查看预约：作业、时段、价格及变更记录。",
        "Move an appointment (or a request) to another free slot; the history keeps the old one.":
            "将预约（或待安排的预约）改到另一个空闲时段；变更记录保留原时段。",
        "The new slot is checked as booking checks it, and a new confirmation is queued (A-3).":
            "新时段按预约时的方式核对，并重新加入确认消息（A-3）。",
        "Cancel an appointment with the customer's reason; its slot is free again.": "按客户说明的原因取消预约，释放其时段。",
        "Record that the customer did not come: counted, and a call task raised (A-3).":
            "登记客户爽约：计入爽约次数，并生成回访任务（A-3）。",
        "Recorded after the arrival time; the call task appears in `task list` for customer service.":
            "到店时间过后才能登记；回访任务会出现在客服的 `task list` 中。",
        "Queue the reminders of a day's appointments (default tomorrow), once each (A-3).":
            "为某天的预约加入提醒消息（默认明天），每个预约只加一次（A-3）。",
        "Run it daily (cron); running it again queues nothing twice. `outbox send` delivers them.":
            "每天运行一次（cron）；重复运行不会重复加入。由 `outbox send` 发送。",
        "--hours takes hours above 0 and at most 24, such as 1.5": "--hours 应大于 0 且不超过 24，例如 1.5",
        "Labour operation codes of the catalogue, comma-separated (Q-1).": "目录中的工时项目代码，用逗号分隔（Q-1）。",
        "Only this customer's (id).": "只列此客户的（客户编号）。",
        "Only this day, YYYY-MM-DD.": "只列这一天的，YYYY-MM-DD。",
        "Only this service advisor's slots.": "只提供此服务顾问的时段。",
        "Only this service advisor's.": "只列此服务顾问的。",
        "Only this state: requested, booked, checked-in, cancelled, no-show.":
            "只列此状态：requested（待安排）、booked（已预约）、checked-in（已到店）、cancelled（已取消）、no-show（爽约）。",
        "The appointment's number, AP-000001.": "预约号，如 AP-000001。",
        "The appointments' day, YYYY-MM-DD (default tomorrow).": "预约日期，YYYY-MM-DD（默认明天）。",
        "The campaign that led to the booking (M-4).": "促成此次预约的营销活动（M-4）。",
        "The customer's preferred time when no slot suits: recorded as a request.": "没有合适时段时客户的意向时间：登记为待安排。",
        "The customer's words about the visit.": "客户对此次到店的描述。",
        "The estimated hours of the described work, such as 1.5.": "所描述工作的预计工时，例如 1.5。",
        "The earliest arrival, \"2026-12-08 09:00\" (default now).": "最早到店时间，如“2026-12-08 09:00”（默认现在）。",
        "The offered slot's arrival, \"2026-12-08 09:00\".": "所选时段的到店时间，如“2026-12-08 09:00”。",
        "The new slot's arrival, \"2026-12-08 09:00\".": "新时段的到店时间，如“2026-12-08 09:00”。",
        "The new slot's bay.": "新时段的工位。",
        "The new slot's service advisor.": "新时段的服务顾问。",
        "The new slot's technician.": "新时段的技师。",
        "The offered slot's bay.": "所选时段的工位。",
        "The offered slot's service advisor.": "所选时段的服务顾问。",
        "The offered slot's technician.": "所选时段的技师。",
        "What happened, in a few words.": "简述情况。",
        "Where the booking comes from: phone, web, in-store or dealer-call (A-1).":
            "预约来源：phone（电话）、web（网上）、in-store（到店）或 dealer-call（经销商邀约）（A-1）。",
        "Why it moves, in a few words.": "简述改期原因。",
        "Why, in the customer's words.": "原因，用客户的原话。",
        "Work not in the catalogue, in a few words (with --hours).": "目录中没有的工作，简要描述（配合 --hours）。",
        // What the commands print.
        "{0} {1}: {2}, {3} h, {4} (menu price, Q-1)": "{0} {1}：{2}，{3} 小时，{4}（目录价，Q-1）",
        "no free slot in the coming days; record the customer's preferred time with `appointment book --preferred`":
            "近几天没有空闲时段；请用 `appointment book --preferred` 登记客户意向时间",
        "recorded {0} as a request": "已登记待安排预约 {0}",
        "booked {0}": "已预约 {0}",
        "rescheduled {0}": "已改期 {0}",
        "cancelled {0}": "已取消 {0}",
        "recorded the no-show of {0}": "已登记 {0} 爽约",
        "rescheduled": "改期",
        "arrival": "到店时间",
        "work ends": "预计完工",
        "bay": "工位",
        "price": "预计价格",
        "preferred time": "意向时间",
        "no-shows": "爽约次数",
        "booked in contact": "预约时的联系记录",
        "event": "事件",
        "slot": "时段",
        "no service advisor \"{0}\"; `aftersales capacity show` lists them":
            "没有服务顾问“{0}”；`aftersales capacity show` 可列出全部",
        "no campaign \"{0}\"; `aftersales campaign list` lists them": "没有营销活动“{0}”；`aftersales campaign list` 可列出全部",
    ]
}
