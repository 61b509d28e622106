extension Phrasebook {
    /// The words of the post-service follow-up (服务后回访, Q-6): outcomes, states, the neutrality refusal, the settings,
    /// and the `followup` commands' help, headings and notes, by English template.
    static let followUps: [String: String] = [
        // Outcomes and states.
        "reached ⟨follow-up outcome⟩": "已接通",
        "no answer ⟨follow-up outcome⟩": "无人接听",
        "busy ⟨follow-up outcome⟩": "占线",
        "wrong number ⟨follow-up outcome⟩": "号码错误",
        "open ⟨follow-up state⟩": "待回访",
        "card sent ⟨follow-up state⟩": "已寄回访卡",
        "done ⟨follow-up state⟩": "已完成",
        "follow-up ⟨message source⟩": "服务回访",

        // Settings.
        "the follow-up call is due within N days of delivery": "交车后 N 天内完成回访",
        "unanswered follow-up calls on one day before a follow-up card is sent instead":
            "同一天回访电话无人接听达到该次数后，改寄回访卡",

        // The rules' refusals.
        "the order's service advisor": "该委托书的服务顾问",
        "a technician on the order": "该委托书的维修技师",
        "{0} is {1} and not neutral to order {2}; the follow-up must be made by someone else (Q-6)":
            "{0} 是{1}，对委托书 {2} 不是中立人员；回访须由其他人进行（Q-6）",
        "a call is recorded after the previous one": "回访电话须晚于上一次记录的时间",
        "the follow-up of order {0} is already done": "委托书 {0} 的回访已完成",
        "the calls for order {0} are over: a follow-up card was due; record the customer's answer with done (Q-6)":
            "委托书 {0} 的回访电话已结束，已改为寄送回访卡；客户的答复请用 done 记录（Q-6）",
        "is required: the customer's satisfaction on the 7-level scale": "为必填项：客户满意度（七级量表）",
        "say what the problem is, or leave problem out": "请说明问题内容，或不填 problem",
        "a category needs a problem (K-2)": "填写类别须同时填写 problem（K-2）",

        // `followup` commands: headings, notes, help.
        "follow-up": "回访",
        "card": "回访卡",
        "card note": "回访卡说明",
        "call": "回访电话",
        "calls": "电话次数",
        "overdue": "已逾期",
        "score": "满意度",
        "{0} {1}, {2}": "{0} {1}，{2}",
        "{0} {1}, {2}: {3}": "{0} {1}，{2}：{3}",
        "no follow-up due (Q-6)": "没有待回访的任务（Q-6）",
        "{0} follow-ups, {1} overdue (Q-6)": "{0} 条回访任务，其中 {1} 条已逾期（Q-6）",
        "call recorded: {0}": "已记录回访电话：{0}",
        "the calls went unanswered: a follow-up card is queued by {0} (Q-6)":
            "回访电话均未接通：回访卡已通过{0}排队发送（Q-6）",
        "the calls went unanswered and no follow-up card can go: {0} (Q-6, M-3)":
            "回访电话均未接通，且无法寄送回访卡：{0}（Q-6，M-3）",
        "follow-up done; complaint {0} opened for order {1} (K-1)": "回访已完成；已为委托书 {1} 立案投诉 {0}（K-1）",
        "follow-up done": "回访已完成",
        "say what the problem is, or leave --problem out": "请说明问题内容，或不用 --problem",
        "a category needs --problem (K-2)": "--category 须与 --problem 一起使用（K-2）",
        "The follow-up call after a repair (Q-6): the due list, calls, the customer's answer.":
            "维修后的服务回访（Q-6）：待回访列表、回访电话、客户答复。",
        "Follow-ups not yet done, overdue first (Q-6).": "尚未完成的回访任务，已逾期的排在前面（Q-6）。",
        "A task is made when a repair order is delivered, due within workorders.followup.days days (default 3). "
            + "--mine keeps the tasks you may take: not the order's service advisor nor a technician on it.":
            "维修委托书交车时生成回访任务，须在 workorders.followup.days 天内完成（默认 3 天）。"
            + "--mine 只列出您可以承接的任务：您不是该委托书的服务顾问，也不是其维修技师。",
        "The day the list is for, YYYY-MM-DD (default today).": "列表所针对的日期，YYYY-MM-DD（默认今天）。",
        "Only tasks the actor may take (neutral to the order, Q-6).": "只列出操作人可以承接的任务（对该委托书中立，Q-6）。",
        "Record a follow-up call (Q-6); the last unanswered call of the day sends the card.":
            "记录一次回访电话（Q-6）；当天最后一次未接通后改寄回访卡。",
        "Outcomes: {0}. The caller (--actor) must be neutral to the order. After workorders.followup.attempts "
            + "unanswered calls on one day (default 3), a follow-up card is queued in the outbox: by SMS, else by "
            + "letter, as the customer's consent allows (M-3).":
            "结果：{0}。回访人（--actor）须对该委托书中立。同一天 workorders.followup.attempts 次（默认 3 次）"
            + "未接通后，回访卡进入发件箱：按客户的授权，优先短信，否则信件（M-3）。",
        "The follow-up task's number.": "回访任务编号。",
        "How the call went.": "电话结果。",
        "A note on the call.": "电话备注。",
        "Record the customer's answer (Q-6, S-1); a problem found opens a complaint linked to the order (K-1).":
            "记录客户的答复（Q-6，S-1）；发现问题时立案投诉并关联该委托书（K-1）。",
        "The score is on the 7-level scale, by number (7 very satisfied … 1 very dissatisfied) or name; "
            + "dimensions (S-1): {0}.":
            "满意度按七级量表，填数字（7 非常满意 … 1 非常不满意）或名称；维度（S-1）：{0}。",
        "Overall satisfaction on the 7-level scale.": "总体满意度（七级量表）。",
        "What the customer said.": "客户的原话。",
        "A problem the customer still has: opens a complaint (K-1).": "客户仍存在的问题：将立案投诉（K-1）。",
        "The complaint's category (K-2; default other).": "投诉类别（K-2；默认 other）。",
    ]
}
