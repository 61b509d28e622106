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
    ]
}
