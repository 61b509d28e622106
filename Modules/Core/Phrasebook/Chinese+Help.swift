extension Phrasebook {
    /// The words of the help part: every command's abstract and discussion, every option's help, and the shared
    /// example and roles text (command examples stay commands), by English template.
    static let help: [String: String] = [
        "Read the audit log: who changed which record, when, and each field before and after.":
            "查看审计日志：谁在何时改了哪条记录，以及每个字段改前改后的值。",
        "customer, vehicle, contact, care_task, setting, staff, api_token, import...":
            "记录类型：`customer`、`vehicle`、`contact`、`care_task`、`setting`、`staff`、`api_token`、`import` 等。",
        "The record's id (with --entity).": "记录的编号（与 --entity 一起用）。",
        "Only changes by this actor.": "只看此操作人的修改。",
        "Only changes on or after this day or time.": "只看此日期或时间（含）之后的修改。",
        "At most this many, newest first.": "最多显示这么多条，最新的在前。",
        "The dealer's settings: the configurable defaults of the rules, each with its rule ID.":
            "经销店设置：各规则可配置的默认值，每项注明规则编号。",
        "Every setting with its value, default and rule.": "列出全部设置及其当前值、默认值和规则。",
        "Change a setting (audited).": "修改一项设置（记入审计日志）。",
        "The key, as `settings show` lists it.": "设置键，即 `settings show` 列出的键。",
        "The new value.": "新的值。",
        "The two calendars (T-3): the legal working days (holidays, 调休) and the store's opening hours.":
            "两套日历（T-3）：法定工作日（节假日、调休）和门店营业时间。",
        """
        `calendar list|set|remove` keep the legal working-day calendar: national holidays and make-up working days
        (调休). It counts the working days of L-9 and nothing else. `calendar hours` keeps the store's opening
        hours per weekday (default 08:30-20:00 every day) and the days that differ (closed days, other hours):
        they bound the complaint deadlines when calendar.clock is business.
        """:
            """
        `calendar list|set|remove` 维护法定工作日历：国家法定节假日和调休上班日。
        它只用于计算 L-9 的工作日。`calendar hours` 维护门店每周各天的营业时间（默认每天 08:30-20:00）
        以及例外的日子（闭店日、其他时段）：当 calendar.clock 为 business 时，投诉时限按它计算。
        """,
        "The recorded holidays and make-up working days (legal calendar).": "已登记的节假日和调休上班日（法定日历）。",
        "Mark a day as a holiday or a make-up working day.": "把某一天标为节假日或调休上班日。",
        "YYYY-MM-DD.": "YYYY-MM-DD。",
        "A day off.": "休息日。",
        "A weekend day worked (调休).": "周末上班（调休）。",
        "Name, e.g. 春节.": "名称，例如 春节。",
        "Remove a calendar entry.": "删除一条日历记录。",
        "Maintenance schedules per make (W-9), which date the first-maintenance reminder (C-7).":
            "各品牌的保养规程（W-9），首保提醒（C-7）的日期据此计算。",
        "Every make's schedule; * is the default.": "各品牌的保养规程；* 为默认规程。",
        "Set a make's schedule (unspecified limits keep the current or default value).": "设置某品牌的保养规程（未指定的限值保持当前值或默认值）。",
        "Make, or * for the default.": "品牌，* 表示默认规程。",
        "Write a consistent copy of the database (SQLite online backup; safe while the API runs).":
            "写出数据库的一致副本（SQLite 在线备份；API 运行时也可安全执行）。",
        "The new backup file.": "新的备份文件。",
        "Replace the database with a backup, after checking it; the replaced file is kept beside it.":
            "检查备份无误后用它替换数据库；被替换的文件保留在原文件旁边。",
        """
        Refused while another process (aftersales-api) has the database open, or when the backup fails its \
        integrity check or comes from a newer program.
        """:
            "另一个进程（aftersales-api）打开着数据库，或备份未通过完整性检查、或来自更新版本的程序时，拒绝恢复。",
        "The backup file.": "备份文件。",
        "API bearer tokens: each has a name (the audit actor) and a role.": "API 令牌：每个令牌有一个名称（即审计日志中的操作人）和一个角色。",
        "Create a token; the secret is printed once and only its hash is stored.": "创建令牌；密钥只显示这一次，数据库中只保存其哈希值。",
        "Roles: {0}.": "角色：{0}。",
        "Role ID.": "角色 ID。",
        "Name shown in the audit log.": "在审计日志中显示的名称。",
        "List tokens (never their secrets).": "列出令牌（从不显示密钥）。",
        "Revoke a token by name.": "按名称吊销令牌。",
        "Token name.": "令牌名称。",
        "AfterSales: the after-sales department of a car dealership.": "AfterSales：汽车经销店的售后部门系统。",
        """
        Every command takes --db PATH (default $AFTERSALES_DB, else ./aftersales.sqlite), --actor NAME
        (recorded in the audit log; default your login name) and, where it prints data, --format table|json|csv.
        Language: --lang zh|en (default $AFTERSALES_LANG, else the database's locale setting, else LANG).
        Exit status: 0 done; 1 rejected, nothing written; 3 partly done (each rejected item reported); 64 usage error.

        Start with:  aftersales init && aftersales --help
        """:
            """
        每个命令都接受 --db PATH（默认 $AFTERSALES_DB，否则 ./aftersales.sqlite）、--actor NAME
        （记入审计日志；默认为你的登录名），输出数据的命令还接受 --format table|json|csv。
        语言：--lang zh|en（默认 $AFTERSALES_LANG，否则数据库的 locale 设置，否则 LANG）。
        退出状态：0 完成；1 被拒绝，未写入任何内容；3 部分完成（逐项报告被拒绝的条目）；64 用法错误。

        从这里开始：  aftersales init && aftersales --help
        """,
        "Create the database (or bring an existing one up to date).": "创建数据库（或把已有数据库升级到最新）。",
        "Manufacturer bulletins (W-6): recalls, service campaigns, TSBs, warranty extensions.":
            "厂家公告（W-6）：召回、服务活动、技术服务通报、延保。",
        "Bulletins; with --vin those that apply to a vehicle, --open only open recalls and campaigns.":
            "列出厂家公告；加 --vin 只列适用于该车的公告，加 --open 只列未完成的召回和服务活动。",
        "recall, campaign, tsb or extension.": "recall、campaign、tsb 或 extension。",
        "Only the bulletins of this vehicle.": "只看这辆车的公告。",
        "With --vin: only open recalls and campaigns.": "与 --vin 一起用：只列未完成的召回和服务活动。",
        "The recall's work list (W-6): our customers' vehicles it applies to, with phone, consent and completion.":
            "召回的工作清单（W-6）：适用的本店客户车辆，附电话、营销许可和完成情况。",
        "Open ones first; \"possible\" when the build date or model year is unknown.":
            "未完成的排在前面；生产日期或年款不明时标为“可能适用”。",
        "Bulletin number.": "公告编号。",
        "Manufacturer, when several use the number.": "厂家（多个厂家使用同一编号时）。",
        "Only vehicles where the work is not completed.": "只看尚未完成作业的车辆。",
        """
        A bulletin with its revisions and reach: the dealer's vehicles and master-data vehicles affected, and how \
        many are done.
        """:
            "一份公告及其各次修订和涉及范围：受影响的本店车辆和主数据车辆，以及已完成多少。",
        "Add bulletins from a manufacturer XML file, or one by hand; revisions follow the import's rules.":
            "从厂家 XML 文件添加公告，或手工添加一份；修订按导入规则处理。",
        """
        A file is a manufacturer data file (MANUFACTURER-XML.md) holding a Bulletins section; all its bulletins \
        are stored in one transaction, or none. A DOCTYPE is refused.
        """:
            "文件须为含 `<Bulletins>` 节的厂家数据文件（见 MANUFACTURER-XML.md）；其中的公告在一个事务中全部保存，或全部不保存。含 DOCTYPE 的文件会被拒绝。",
        "A manufacturer XML file with a Bulletins section.": "含 `<Bulletins>` 节的厂家 XML 文件。",
        "Manufacturer.": "厂家。",
        "Revision (1 or more).": "修订号（1 或以上）。",
        "Issue date, YYYY-MM-DD.": "发布日期，YYYY-MM-DD。",
        "active or withdrawn.": "active 或 withdrawn。",
        "MAKE:MODEL[:FROM-TO]; repeatable.": "MAKE:MODEL[:FROM-TO]；可重复。",
        "FROM:TO build dates (either may be empty); repeatable.": "FROM:TO 生产日期范围（任一端可留空）；可重复。",
        "FROM:TO VINs; repeatable.": "FROM:TO 车架号范围；可重复。",
        "A listed VIN; repeatable.": "列出的一个车架号；可重复。",
        "For extensions: MONTHS:KM from the warranty start.": "延保专用：从保修起始日起算的 MONTHS:KM。",
        "Record a recall or campaign done on one vehicle; it closes for that VIN only.": "登记某辆车已完成的召回或服务活动；只对该车架号关闭。",
        "The vehicle.": "车辆。",
        "The day the work was done (default today).": "完成作业的日期（默认今天）。",
        "The repair order or work reference.": "维修委托书号或作业编号。",
        "Warranty claims (W-7): draft → submitted → approved / rejected → paid; resubmit after a rejection.":
            "索赔单（W-7）：草稿 → 已提交 → 已批准 / 已驳回 → 已付款；驳回后可重新提交。",
        "Create a draft claim; the eligibility decision that justifies it is frozen with it.":
            "创建索赔单草稿；作为依据的保修判定随之冻结保存。",
        """
        Labour lines are priced at the setting labour.rate (Q-1); a claim the decision does not cover is refused.
        With --bulletin the claim is for a recall's or campaign's remedy (W-6): covered while the bulletin is open
        for the VIN, whatever the warranty.
        """:
            """
        工时行按设置 labour.rate 计价（Q-1）；判定不在保的索赔会被拒绝。
        加 --bulletin 表示这是召回或服务活动的补救作业（W-6）：只要该公告对此车架号仍未完成即在保，与保修无关。
        """,
        "The vehicle: VIN, plate (京A·12345) or the last 6 to 8 characters of the VIN.":
            "车辆：车架号、车牌（京A·12345）或车架号的后 6 到 8 位。",
        "Kilometres at the repair.": "维修时的里程（公里）。",
        "The failure as found.": "发现的故障现象。",
        "Its cause.": "故障原因。",
        "CODE (the catalogue's standard hours) or CODE:HOURS; repeatable.": "CODE（按目录的标准工时）或 CODE:HOURS；可重复。",
        "NUMBER:QUANTITY (the catalogue's price on the day) or NUMBER:QUANTITY:PRICE; repeatable.":
            "NUMBER:QUANTITY（按当天的目录价格）或 NUMBER:QUANTITY:PRICE；可重复。",
        "Repair order.": "维修委托书。",
        "Line of the repair order.": "维修委托书的行号。",
        "Component, for warranty extensions.": "部件（延保用）。",
        "A part bought and fitted here (W-3) the claim is about.": "索赔涉及的、在本店购买并安装的零件（W-3）。",
        "The recall or campaign whose remedy this is (W-6): judged by the bulletin, not the warranty.":
            "本次作业所补救的召回或服务活动（W-6）：按公告判定，而不是按保修。",
        "A claim with its lines, frozen decision and history.": "一张索赔单及其明细行、冻结的判定和处理历史。",
        "Claim id.": "索赔单编号。",
        "Claims, newest first; --format csv is the manufacturer's claim export.":
            "索赔单，最新的在前；--format csv 即厂家要求的索赔导出格式。",
        "Only claims in this status.": "只看此状态的索赔单。",
        "The manufacturer's reason (required to reject; for cancel, the dealer's reason).": "厂家给出的理由（驳回时必填；取消时为本店的理由）。",
        "The manufacturer's decision reference.": "厂家的决定编号。",
        "Amount paid in yuan, such as 396.00 (pay; default the claimed amount).": "实付金额（元），如 396.00（付款时用；默认为索赔金额）。",
        "Submit a draft claim to the manufacturer (W-7).": "向厂家提交索赔单草稿（W-7）。",
        "Record the manufacturer's approval (W-7).": "登记厂家的批准（W-7）。",
        "Record the manufacturer's rejection, with its reason (W-7).": "登记厂家的驳回及其理由（W-7）。",
        "Record the manufacturer's payment (W-7).": "登记厂家的付款（W-7）。",
        "Resubmit a rejected claim (W-7).": "重新提交被驳回的索赔单（W-7）。",
        "Cancel a draft or rejected claim, with the reason (W-7); its repair-order line may then be claimed again.":
            "取消草稿或被驳回的索赔单，须注明理由（W-7）；之后该维修委托书行可以重新索赔。",
        "The claims as the manufacturer reads them: one row per line, dates as YYYY-MM-DD, amounts as plain decimals.":
            "厂家读取的索赔数据：每个明细行一行，日期为 YYYY-MM-DD，金额为普通小数。",
        "CSV always (one header row); --status and paging as `claim list`.":
            "始终输出 CSV（一行表头）；--status 和分页同 `claim list`。",
        "Segments of the customer base for campaigns (M-2), as filter expressions.": "用于营销活动的客户群（M-2），以筛选表达式定义。",
        """
        A filter combines comparisons with and, or, not and parentheses: FIELD OP VALUE, OP one of = != < <= > >=,
        or FIELD in (V1, V2). Text in quotes when it has spaces. Fields:
        {0}
        Example: class = retained and make = Volkswagen and (last-visit-days > 180 or mileage >= 30000)
        """:
            """
        筛选表达式用 and、or、not 和括号组合比较：FIELD OP VALUE，OP 为 = != < <= > >= 之一，
        或 FIELD in (V1, V2)。含空格的文本要加引号。可用字段：
        {0}
        示例：class = retained and make = Volkswagen and (last-visit-days > 180 or mileage >= 30000)
        """,
        "Save a segment under a name.": "以一个名称保存客户群。",
        "Name.": "名称。",
        "The filter expression (see `aftersales segment --help`).": "筛选表达式（见 `aftersales segment --help`）。",
        "What it is for.": "用途说明。",
        "A segment and who it holds now.": "一个客户群及其当前包含的客户。",
        "Count who a filter holds, and whom each channel reaches, without saving it.": "统计筛选条件包含多少客户、每个渠道能触达多少，不保存。",
        "The filter expression.": "筛选表达式。",
        "Saved segments.": "已保存的客户群。",
        """
        Campaigns (M-2 to M-4): a segment, a channel, a template; run queues the messages, report shows reach and \
        conversion.
        """:
            "营销活动（M-2 至 M-4）：一个客户群、一个渠道、一个模板；run 把消息排入发件箱，report 显示触达和转化。",
        "Template fields: {0}.": "模板字段：{0}。",
        "Create a campaign on a saved segment.": "在已保存的客户群上创建营销活动。",
        "Categories: marketing (needs an opt-in, SMS capped), service (honours an opt-out), recall (always goes out).":
            "类别：marketing（需客户同意，短信有上限）、service（尊重退订）、recall（始终发送）。",
        "Saved segment.": "已保存的客户群。",
        "email, sms or letter.": "email、sms 或 letter。",
        "marketing, service or recall.": "marketing、service 或 recall。",
        "E-mail subject (may use fields).": "邮件主题（可使用字段）。",
        "The message template (mustache).": "消息模板（`mustache` 格式）。",
        "Read the template from a UTF-8 file.": "从 UTF-8 文件读取模板。",
        "Days a response counts for the campaign (default: setting campaigns.response-window-days).":
            "客户响应计入本活动的天数（默认：设置 `campaigns.response-window-days`）。",
        "A campaign.": "营销活动。",
        "Test-render the campaign's message for one customer; a field the customer's data lacks is named.":
            "为某位客户试渲染活动消息；客户资料中缺少的字段会被指出。",
        "Customer id.": "客户编号。",
        """
        Select → suppress → render → queue; --dry-run prints the counts and writes nothing. Running it again \
        queues nobody twice.
        """:
            "筛选 → 排除 → 渲染 → 排入发件箱；--dry-run 只显示数量，不写入任何内容。再次运行也不会重复发给同一客户。",
        "Count only; write nothing.": "只统计，不写入。",
        "Reach, suppression, delivery, responses and conversion (M-4).": "触达、排除、投递、响应和转化（M-4）。",
        "Campaigns.": "营销活动。",
        "Record a customer's response (M-4); it counts for the campaign they heard from last within its window.":
            "登记客户的响应（M-4）；计入客户在响应期内最后收到的那个活动。",
        "Contacts logged with outcome booked, inbound visits and replies are counted the same way automatically.":
            "结果为 booked 的联系记录、客户来店和回复也会以同样方式自动计入。",
        "appointment, visit, reply or opt-out.": "appointment、visit、reply 或 opt-out。",
        "When (default now).": "时间（默认现在）。",
        "The outbox: list, deliver (mbox, Maildir, sendmail, SMS or letter CSV), feed back results.":
            "发件箱：列出、投递（mbox、`Maildir`、sendmail、短信或信件 CSV）、回填结果。",
        "Only this campaign's messages.": "只看此营销活动的消息。",
        "Only reminder messages (M-1: maintenance, warranty, recalls, birthdays...).": "只看提醒消息（M-1：保养、保修、召回、生日……）。",
        "Only this category: {0}.": "只看此类别：{0}。",
        "Every queued message of the channel.": "该渠道的全部待发送消息。",
        "Messages, newest first; --counts for totals by channel, state and suppression reason.":
            "消息，最新的在前；--counts 按渠道、状态和排除原因统计总数。",
        "queued, sent, failed, suppressed or cancelled.": "queued、sent、failed、suppressed 或 cancelled。",
        "Only this campaign.": "只看此营销活动。",
        "Only this customer.": "只看此客户。",
        "Totals instead of messages.": "显示总数而不是消息。",
        "At most this many.": "最多这么多条。",
        "Skip this many.": "跳过这么多条。",
        "Deliver the queued messages of one channel. Consent and the SMS cap are checked again first (M-3).":
            "投递某一渠道的待发送消息。投递前会再次检查营销许可和短信上限（M-3）。",
        """
        Say which messages: --campaign, --reminders, --category (alone or with one of the others) or --all.
        mbox, Maildir and CSV outputs hold each message exactly once, even after a run is killed and run again; a \
        sendmail
        pipe gets it at least once, with a stable Message-ID. Exit 3 when some messages failed.
        """:
            """
        须指明哪些消息：--campaign、--reminders、--category（单独用或与其中之一合用）或 --all。mbox、`Maildir` 和 CSV \
        输出中每条消息恰好出现一次，即使运行中途被终止后重跑也是如此；sendmail 管道至少收到一次，`Message-ID` 不变。部分消息失败时退出状态为 3。
        """,
        "Append e-mails to this mbox file.": "把邮件追加到此 mbox 文件。",
        "Write e-mails into this Maildir.": "把邮件写入此 `Maildir` 目录。",
        "Pipe e-mails to this sendmail-compatible program (-t -oi).": "把邮件通过管道交给此 sendmail 兼容程序（-t -oi）。",
        "Append SMS to this CSV for the gateway.": "把短信追加到此 CSV，供短信网关使用。",
        "Append letters to this mail-merge CSV.": "把信件追加到此邮件合并 CSV。",
        "Deliver at most this many.": "最多投递这么多条。",
        "Messages per batch (each batch is flushed, then marked sent).": "每批消息数（每批写出后标记为已发送）。",
        "No progress on the terminal.": "不在终端显示进度。",
        "Withdraw queued messages before they are delivered (audited); they are never delivered nor queued again.":
            "在投递前撤回待发送的消息（记入审计日志）；这些消息不会再被投递，也不会再排入发件箱。",
        "Messages a delivery has in flight are left to it and counted.": "正在投递中的消息留给该投递处理，并计入统计。",
        "Only this channel: {0}.": "只看此渠道：{0}。",
        "Why (kept with each message and in the audit log).": "原因（随每条消息保存并记入审计日志）。",
        "Feed back delivery results: a CSV message_id,status[,detail] with status delivered or failed.":
            "回填投递结果：CSV 文件，各列为 `message_id,status[,detail]`，`status` 为 `delivered`（已送达）或 `failed`（失败）。",
        "Each line stands alone: bad lines are reported with their number and the rest apply (exit 3).":
            "每行单独处理：有问题的行报告行号，其余照常生效（退出状态 3）。",
        "The results file (UTF-8 CSV with a header row).": "结果文件（带表头行的 UTF-8 CSV）。",
        "Consent and opt-out per customer and channel (M-3), with time and source.": "每位客户各渠道的营销许可与退订（M-3），附时间和来源。",
        "Record an opt-in or an opt-out.": "登记同意或退订。",
        "opt-in or opt-out.": "opt-in 或 opt-out。",
        "Where it comes from (form, call, reply…).": "来源（登记表、电话、回复……）。",
        "When it was given (default now).": "给出同意的时间（默认现在）。",
        "A customer's consent per channel and its history.": "客户在各渠道的营销许可及其历史。",
        """
        Standing reminder campaigns (M-1, C-7): first and periodic maintenance, warranty expiry, inspection, \
        insurance, open recalls, birthdays.
        """:
            "常设提醒活动（M-1、C-7）：首保和定期保养、保修到期、年检、保险、未完成的召回、生日。",
        "Queue the reminders due; run it daily from cron. Each event is reminded once, however often it runs.":
            "把到期的提醒排入发件箱；请每天由 cron 运行。无论运行多少次，每个事件只提醒一次。",
        "Kinds: {0}.": "种类：{0}。",
        "The day (default today).": "日期（默认今天）。",
        "Only these kinds (repeatable).": "只处理这些种类（可重复）。",
        "Count what would be queued; write nothing.": "只统计将排入的数量，不写入任何内容。",
        "Customer value (M-5): service revenue per customer and the ranking used by segments (value, value-rank).":
            "客户价值（M-5）：每位客户的售后产值，以及客户群使用的排名（value、value-rank）。",
        "Record service revenue for a customer.": "登记客户的一笔售后产值。",
        "Amount in yuan, such as 1280.00.": "金额（元），如 1280.00。",
        "The day, YYYY-MM-DD.": "日期，YYYY-MM-DD。",
        "Invoice or repair order (the same one twice is refused).": "发票号或维修委托书号（同一编号重复登记会被拒绝）。",
        """
        Import revenue: CSV customer,day,amount,reference with a header; each line stands alone (exit 3 when some \
        are rejected).
        """:
            "导入产值：带表头的 CSV，各列为 `customer,day,amount,reference`；每行单独处理（有行被拒绝时退出状态为 3）。",
        """
        A line already imported (same customer, day, reference) is counted unchanged, so the file can be imported \
        again.
        """:
            "已导入过的行（客户、日期、编号相同）按未变更计数，因此同一文件可以再次导入。",
        "The CSV file.": "CSV 文件。",
        "Customers ranked by service revenue, with open complaints and the latest complaint verdict beside it.":
            "按售后产值排名的客户，并列出未结投诉和最近一次投诉的评价。",
        "How many.": "数量。",
        "Customer-management checks (C-10): lists for customer service to work through.": "客户管理检查（C-10）：供客服逐项处理的清单。",
        "Careless cards, lapsed contact, dissatisfied without follow-up, customers of staff who left, stale data.":
            "档案不完整、长期未联系、不满意却未回访、离职员工的客户、过时数据。",
        "Which checks (default all).": "要做哪些检查（默认全部）。",
        "The day to judge by (default today).": "判定所依据的日期（默认今天）。",
        "At most this many findings per check.": "每项检查最多列出这么多条。",
        "Hand all customers (and open tasks) of one staff member to another.": "把一位员工的全部客户（及未完成任务）移交给另一位员工。",
        "The staff member who left.": "已离职的员工。",
        "A current staff member.": "一位在职员工。",
        "Staff members customers and tasks are assigned to.": "可分配客户和任务的员工。",
        "Add a staff member with a role.": "添加员工并指定角色。",
        "List staff members.": "列出员工。",
        "Record that a staff member left; their customers then show in `checks` (C-10).":
            "登记员工离职；其客户随后会出现在 `checks` 中（C-10）。",
        "Last day (default today).": "最后工作日（默认今天）。",
        "Complaints (K-1 to K-14): intake, owner, routing, clocks, escalation, verdict, follow-up, root cause, report.":
            "投诉（K-1 至 K-14）：受理、负责人、分派、时限、升级、评价、回访、根本原因、报告。",
        """
        A complaint goes received → contacted → investigating → resolved → closed (or invalid). Deadlines: first \
        contact
        within 1 h (K-4), the advisor's report within 24 h of the repair order and every 24 h after (K-6), the \
        follow-up
        within 7 days of a satisfied close (K-11); settings complaints.* and calendar.clock decide durations and \
        whether
        they run on the clock or in business hours (T-3). Run `aftersales complaints escalate-due` from cron.
        """:
            """
        投诉的流程为 received → contacted → investigating → resolved → closed（或 invalid）。时限：1 小时内首次联系（K-4），
        服务顾问在维修委托书开出后 24 小时内汇报、此后每 24 小时汇报一次（K-6），满意结案后 7 天内回访（K-11）；
        时长以及按自然时间还是营业时间计算由设置 complaints.* 和 calendar.clock 决定（T-3）。
        请由 cron 运行 `aftersales complaints escalate-due`。
        """,
        "Complaint id.": "投诉编号。",
        "Register a complaint (K-1, K-2, K-5): the K-4 first-contact clock starts at receipt.":
            "登记投诉（K-1、K-2、K-5）：K-4 首次联系时限自受理时起算。",
        """
        Channels: {0}.
        Categories: {1}.
        Wishes: {2}.
        The owner must be customer-service staff (K-3); it defaults to the receiver when they are.
        """:
            """
        渠道：{0}。
        类别：{1}。
        诉求：{2}。
        负责人须为客服人员（K-3）；受理人是客服人员时默认为受理人。
        """,
        "The vehicle concerned.": "涉及的车辆。",
        "The work order it is about.": "涉及的工单。",
        "How it arrived.": "投诉渠道。",
        "When it arrived (default now): \"2026-11-23 09:30\" or ISO 8601.":
            "受理时间（默认现在）：\"2026-11-23 09:30\" 或 ISO 8601。",
        "Who received it first (K-3).": "首位受理人（K-3）。",
        "The customer-service owner (K-3).": "客服负责人（K-3）。",
        "The complaint in the customer's words.": "客户原话描述的投诉内容。",
        "Category (K-2).": "类别（K-2）。",
        "What the customer wants (K-2); repeatable.": "客户的诉求（K-2）；可重复。",
        "A grievance told to others (抱怨) rather than a complaint to us (K-1).": "客户向他人诉说的抱怨，而不是向我们提出的投诉（K-1）。",
        "A crisis from the start (K-8): why.": "一开始即为危机事件（K-8）：原因。",
        "A complaint file: record, priority and why, deadlines, history, evidence.": "投诉档案：记录、优先级及其理由、时限、历史、证据。",
        "Complaints, newest first.": "投诉，最新的在前。",
        "Only this state.": "只看此状态。",
        "Only open complaints (not closed or invalid).": "只看未结投诉（未 closed 或 invalid）。",
        "Only this owner.": "只看此负责人。",
        "Only this category.": "只看此类别。",
        "Only crises (K-8).": "只看危机事件（K-8）。",
        "Record a contact: our first call meets K-4; the customer contacting us again raises the priority (K-13).":
            "登记一次联系：我们的首次致电满足 K-4；客户再次来电则提高优先级（K-13）。",
        "The customer contacted us (default: we contacted the customer).": "是客户联系了我们（默认：我们联系了客户）。",
        "The customer came back and the problem is not fixed (K-13).": "客户再次返店，问题仍未解决（K-13）。",
        "What the customer was told: who will contact them and when (K-4).": "告诉客户的内容：谁将在何时联系他（K-4）。",
        "Note.": "备注。",
        "Give the complaint to another customer-service owner, with the reason (K-3).": "把投诉交给另一位客服负责人，并注明原因（K-3）。",
        "The new owner.": "新的负责人。",
        "Why.": "原因。",
        "Open the internal complaint repair order, routed by the K-5 table (or --to).":
            "开出内部投诉维修委托书，按 K-5 分派表分派（或用 --to 指定）。",
        """
        K-5: parts quality → parts manager; repair technique, technical problem, product quality → technical \
        director; anything else → service manager.
        """:
            "K-5：零件质量 → 配件经理；维修技术、技术问题、产品质量 → 技术总监；其他 → 服务经理。",
        "Route to this role instead of the table's.": "分派给此角色，而不按分派表。",
        "The person in that department.": "该部门的负责人。",
        "The service advisor the plan goes to, who reports back (K-6).": "接收处理方案并回报的服务顾问（K-6）。",
        "The cause, when known (K-2).": "原因（已知时填写，K-2）。",
        "The service advisor's report to customer service (K-6); restarts the 24-hour clock.":
            "服务顾问向客服的汇报（K-6）；24 小时时限重新起算。",
        "What was done and what comes next.": "做了什么、下一步是什么。",
        "The plan, parts and solution prepared (K-5).": "已准备好的方案、零件和解决办法（K-5）。",
        "Escalate one level up the ladder (K-7), or straight to --to, with the analysis and suggestion.":
            "按升级阶梯上升一级（K-7），或直接升到 --to 指定的级别，附分析和建议。",
        "Levels: {0}.": "级别：{0}。",
        "The level to go to (default: the next one).": "要升到的级别（默认：上一级）。",
        "The analysis and suggestion for that level.": "给该级别的分析和建议。",
        "Flag a crisis (K-8): to the general manager at once, top priority.": "标记为危机事件（K-8）：立即上报总经理，最高优先级。",
        "Why: safety, large damage, media, lawyers, police, consumer association, government.":
            "原因：安全、重大损失、媒体、律师、警方、消费者协会、政府部门。",
        "Record the solution presented to the customer (K-10); the complaint then awaits their verdict.":
            "登记向客户提出的解决方案（K-10）；投诉随后等待客户评价。",
        "Summary of the solution.": "解决方案摘要。",
        "An apology was made.": "已向客户道歉。",
        "Why the customer was unhappy.": "客户不满的原因。",
        "The measures taken.": "已采取的措施。",
        "The customer agreed to the solution.": "客户同意该解决方案。",
        "The appointment booked for the fix.": "为修复预约的时间。",
        "The cause (K-2).": "原因（K-2）。",
        """
        Record the customer's verdict (K-10): satisfied closes and starts the 7-day follow-up (K-11); lower goes \
        back to investigating.
        """:
            "登记客户的评价（K-10）：satisfied 即结案并开始 7 天回访时限（K-11）；更低的评价退回 investigating。",
        "Levels, best first: {0}. Dimensions (S-1): {1}.": "评价等级，从好到差：{0}。评价维度（S-1）：{1}。",
        "Satisfaction with the handling process.": "对处理过程的满意度。",
        "Satisfaction with the result.": "对处理结果的满意度。",
        "A dimension rated on the scale, such as empathy=6; repeatable (S-1).": "按量表评分的一个维度，如 empathy=6；可重复（S-1）。",
        "Back to investigating: the customer is not satisfied (K-10).": "退回 investigating：客户不满意（K-10）。",
        "Close a complaint as invalid, with how it was explained to the customer (K-9); it is still counted.":
            "将投诉作为无效投诉关闭，并注明向客户的解释（K-9）；仍计入统计。",
        "How it was explained to the customer.": "向客户作出的解释。",
        "Record the follow-up visit or call after a satisfied close (K-11).": "登记满意结案后的回访（来店或电话，K-11）。",
        "What the customer said.": "客户的原话。",
        "Satisfaction at the follow-up (7-level scale).": "回访时的满意度（7 级量表）。",
        "Root cause and preventive action on a closed or invalid complaint (K-12), by the market coordinator.":
            "对已关闭或无效投诉的根本原因和预防措施（K-12），由市场协调员填写。",
        "The root cause.": "根本原因。",
        "The preventive action.": "预防措施。",
        "The cause (K-2), when it is settled now.": "原因（K-2），如现在已确定。",
        "Keep a photo, recording or document with the complaint (K-14); its type and size are checked.":
            "把照片、录音或文件随投诉保存（K-14）；会检查其类型和大小。",
        """
        Photos: JPEG, PNG, HEIC. Recordings: MP3, M4A, MP4, WAV, AMR. Documents: PDF, DOCX, XLSX, UTF-8 .txt. At \
        most complaints.attachment.max-mb MB.
        """:
            """
        照片：JPEG、PNG、HEIC。录音：MP3、M4A、MP4、WAV、AMR。文件：PDF、DOCX、XLSX、UTF-8 文本（`.txt`）。\
        最大 `complaints.attachment.max-mb` MB。
        """,
        "The file.": "文件。",
        "photo, recording or document (checked against the file).": "photo、recording 或 document（会与文件内容核对）。",
        "Write an attachment's bytes to a file.": "把附件内容写入文件。",
        "Attachment id (`aftersales complaint show` lists them).": "附件编号（`aftersales complaint show` 会列出）。",
        "Where to write it.": "写到哪里。",
        "Every missed or nearly missed deadline: the rule, who is on it, how late (K-4, K-6, K-11).":
            "每个已错过或即将错过的时限：规则、负责人、逾期多久（K-4、K-6、K-11）。",
        "The instant to judge at (default now).": "判定所依据的时刻（默认现在）。",
        "Only this complaint owner's complaints (a cs-agent's own list).": "只看此负责人的投诉（客服专员自己的清单）。",
        "List deadlines due within this many minutes too (default: setting complaints.warn-minutes).":
            "同时列出这么多分钟内到期的时限（默认：设置 `complaints.warn-minutes`）。",
        "Complaints awaiting root cause and preventive action (K-12): resolved, closed or invalid, not analysed.":
            "等待根本原因分析和预防措施的投诉（K-12）：已解决、已关闭或无效，但尚未分析。",
        """
        Oldest first. Record the analysis with `aftersales complaint analyse ID --root-cause ... \
        --preventive-action ...`; the complaint then leaves the queue.
        """:
            "最早的在前。用 `aftersales complaint analyse ID --root-cause ... --preventive-action ...` 登记分析后，投诉即移出此队列。",
        """
        Apply the ladder (K-7) to every complaint whose level missed a deadline; run it from cron. A second run \
        right after escalates nothing.
        """:
            "对每个所在级别已错过时限的投诉执行升级阶梯（K-7）；请由 cron 运行。紧接着再运行一次不会升级任何投诉。",
        "Each complaint is escalated in its own transaction.": "每个投诉在各自的事务中升级。",
        "The half-year complaint analysis (K-14): volumes, handling times, satisfaction, targets against actuals.":
            "半年度投诉分析（K-14）：数量、处理时长、满意度、目标与实际对比。",
        "Default period: the current half-year. Targets: settings complaints.target.*.":
            "默认期间：当前半年。目标：设置 complaints.target.*。",
        "First day (default: the start of the current half-year).": "起始日（默认：当前半年的第一天）。",
        "Last day (default: the end of the current half-year).": "截止日（默认：当前半年的最后一天）。",
        "The contact log (C-8): every attempt and the customer's response.": "联系记录（C-8）：每次联系尝试及客户的答复。",
        "Log a contact attempt and its outcome.": "登记一次联系尝试及其结果。",
        """
        Outcomes: reached, no-answer, booked (the customer decided to come), satisfied, dissatisfied, declined, \
        lead (a sales lead for sales). A customer who decides to come is booked in the same contact (C-8): with \
        --outcome booked, give the work (--jobs, or --description with --hours) and an offered slot's --arrival \
        (from `appointment offer` or `appointment calls`), or the customer's --preferred time; the contact and the \
        appointment are written together, or neither.
        """:
            """
        结果：reached（联系上）、no-answer（无人接听）、booked（客户决定来店）、satisfied（满意）、dissatisfied（不满意）、\
        declined（拒绝）、lead（转给销售的线索）。客户决定来店时，在同一次联系中完成预约（C-8）：使用 --outcome booked，\
        并给出维修项目（--jobs，或 --description 加 --hours）和推荐时段的 --arrival（来自 `appointment offer` 或 \
        `appointment calls`），或客户的 --preferred 期望时间；联系记录和预约一起写入，或都不写入。
        """,
        "Booking in the same contact (C-8, with --outcome booked)": "在同一次联系中预约（C-8，配合 --outcome booked）",
        "--jobs, --arrival and --preferred book an appointment: use them with --outcome booked":
            "--jobs、--arrival 和 --preferred 用于预约：请与 --outcome booked 一起使用",
        "no appointment was booked: give --jobs and --arrival (or --preferred) to book in the same contact (C-8)":
            "未预约：给出 --jobs 和 --arrival（或 --preferred）即可在同一次联系中预约（C-8）",
        "contact {0} logged; booked {1} (C-8)": "已登记联系 {0}；已预约 {1}（C-8）",
        "contact {0} logged; recorded {1} as a request (C-8)": "已登记联系 {0}；已将 {1} 记为预约请求（C-8）",
        "a booking comes with the outcome booked, not {0} (C-8)": "只有结果为“已预约”时才能预约，而不是“{0}”（C-8）",
        "name the vehicle to book (C-8)": "请指明要预约的车辆（C-8）",
        "phone, sms, email, letter, visit or wechat.": "phone、sms、email、letter、visit 或 wechat。",
        "outbound or inbound.": "outbound（呼出）或 inbound（呼入）。",
        "What came of it.": "联系的结果。",
        "Staff member who made or took the contact (default: the actor).": "进行或接听这次联系的员工（默认：操作人）。",
        "The vehicle it was about: VIN, plate or the last 6 to 8 characters of the VIN.": "涉及的车辆：车架号、车牌或车架号的后 6 到 8 位。",
        "What was said.": "谈话内容。",
        "A customer's contacts, newest first.": "客户的联系记录，最新的在前。",
        "Care-plan tasks of retained customers (C-7).": "保有客户的关怀计划任务（C-7）。",
        "Tasks due and overdue, each with its rule and how late it is.": "已到期和逾期的任务，每项注明规则和逾期多久。",
        "Monthly calls are created as the previous call is done or falls due (C-7), so run this daily.":
            "每月回访在上一次回访完成或到期时生成（C-7），所以请每天运行。",
        "The day to judge by (default today in the dealer's zone).": "判定所依据的日期（默认为经销店时区的今天）。",
        "Only this staff member's tasks.": "只看此员工的任务。",
        "Also tasks due within this many days.": "同时列出这么多天内到期的任务。",
        "Complete a task with the customer's response; with --channel it is also logged as a contact (C-8).":
            "以客户的答复完成任务；加 --channel 时同时登记为联系记录（C-8）。",
        "Task id.": "任务编号。",
        "The customer's response.": "客户的答复。",
        "Contact outcome (with --channel).": "联系结果（与 --channel 一起用）。",
        "When it was done (default now).": "完成时间（默认现在）。",
        "Who did it (default: the actor).": "完成人（默认：操作人）。",
        "Customer cards: potential and base customers (C-1 to C-6).": "客户档案：潜在客户和基盘客户（C-1 至 C-6）。",
        "Full name (Chinese or other), or the organisation's name.": "全名（中文或其他），或单位名称。",
        "person or organisation (个人/单位).": "person 或 organisation（个人/单位）。",
        "Grade of a potential customer: A, B or C (C-2).": "潜在客户的级别：A、B 或 C（C-2）。",
        "Where a potential customer came from (C-1): display, advertising, event, after-sales, staff...":
            "潜在客户的来源（C-1）：展厅、广告、活动、售后、员工……",
        "male or female (男/女).": "male 或 female（男/女）。",
        "E-mail address.": "电子邮箱。",
        "Region (省/市/区), for analysing the base.": "地区（省/市/区），用于分析基盘。",
        "Postal address.": "通讯地址。",
        "Occupation.": "职业。",
        "Staff member who owns the relationship.": "负责维护该客户关系的员工。",
        "Free note.": "自由备注。",
        "Create a customer card in any class (C-5: with a reason unless potential).": "以任意分类创建客户档案（C-5：潜在客户以外须注明原因）。",
        "potential, intention, retained or defeated.": "potential、intention、retained 或 defeated。",
        "Phone number; repeat for several.": "电话号码；多个可重复此选项。",
        "Accept a phone that is already on another customer (a family's number).": "接受已登记在其他客户名下的电话（如家人共用的号码）。",
        "Why the customer starts in this class (C-5); required unless potential.": "客户为何以此分类建档（C-5）；潜在客户以外必填。",
        "The customer's key in another system.": "客户在其他系统中的编号。",
        "Show a customer card with vehicles, open tasks, recent contacts and class history.":
            "显示客户档案，包括车辆、未完成任务、最近联系记录和分类变更历史。",
        "List customers, a page at a time.": "分页列出客户。",
        "Only this class.": "只看此分类。",
        "Only customers of this staff member.": "只看此员工负责的客户。",
        "At most this many (1 to 10000).": "最多这么多条（1 到 10000）。",
        "Find customers by name (partial, Chinese), phone, plate or VIN.": "按姓名（可部分匹配，中文）、电话、车牌或车架号查找客户。",
        """
        Without --by the kind is guessed: 17 VIN characters, digits (phone), a province character and a letter \
        (plate), else a name. With --by vin, the last characters of a VIN are enough.
        """:
            "不加 --by 时自动判断类型：17 个车架号字符为 VIN，纯数字为电话，省份简称加字母为车牌，其余按姓名。加 --by vin 时，车架号的后几位即可。",
        "What to look for.": "要查找的内容。",
        "name, phone, plate or vin.": "name、phone、plate 或 vin。",
        "Change fields of a card; an empty value clears a field. Every change is audited.":
            "修改档案字段；空值表示清除该字段。每次修改都记入审计日志。",
        "The class is changed with `customer move`, never here.": "客户分类只能用 `customer move` 变更，不能在这里改。",
        "Add a phone; repeatable.": "添加电话；可重复。",
        "Remove a phone; repeatable.": "删除电话；可重复。",
        "Accept an added phone that is already on another customer.": "接受已登记在其他客户名下的新增电话。",
        "Move a customer to another class along C-5, with a reason.": "按 C-5 把客户变更到另一分类，须注明原因。",
        """
        Allowed (C-5): potential → intention → retained; intention → defeated; defeated → intention; retained → \
        defeated.
        """:
            """
        允许的变更（C-5）：potential → intention → retained；intention → defeated；defeated → intention；retained → defeated。
        """,
        "The new class: potential, intention, retained or defeated.": "新的分类：potential、intention、retained 或 defeated。",
        "Why (recorded with who and when).": "原因（与操作人和时间一起记录）。",
        "Correct a segment's filter or description (audited with the old values).": "更正客户群的筛选条件或说明（旧值记入审计日志）。",
        "The new filter.": "新的筛选条件。",
        "The new description (empty clears it).": "新的说明（空值表示清除）。",
        "Retire a segment: it stays with its history, no new campaign may use it, lists leave it out.":
            "停用客户群：保留其历史，新的营销活动不能再用它，列表中不再显示。",
        "The customers a segment holds now, a page at a time; --format csv to export them.":
            "客户群当前包含的客户，分页显示；用 --format csv 导出。",
        "Correct a campaign that has not run yet (audited with the old values); one that has run is refused.":
            "更正尚未运行的营销活动（旧值记入审计日志）；已运行的活动不能更正。",
        "Days a response counts for the campaign.": "客户响应计入本活动的天数。",
        "Retire a campaign: its messages and report stay, it never runs again, lists leave it out.":
            "停用营销活动：其消息和报告保留，不再运行，列表中不再显示。",
        "Correct a logged contact (audited with the old values).": "更正已登记的联系记录（旧值记入审计日志）。",
        "Contact id.": "联系记录编号。",
        "When it happened.": "发生时间。",
        "What was said (empty clears it).": "谈话内容（空值表示清除）。",
        """
        Correct a draft claim: lines priced and the decision frozen again as at creation (audited with the old \
        values).
        """:
            "更正索赔单草稿：明细行重新计价，判定按创建时的方式重新冻结（旧值记入审计日志）。",
        "Options given replace what the draft says; --labour and --part replace all labour or part lines.":
            "给出的选项替换草稿中的内容；--labour 和 --part 替换全部工时行或零件行。",
        "CODE or CODE:HOURS; repeatable; replaces the labour lines.": "CODE 或 CODE:HOURS；可重复；替换工时行。",
        "NUMBER:QUANTITY[:PRICE]; repeatable; replaces the part lines.": "NUMBER:QUANTITY[:PRICE]；可重复；替换零件行。",
        "The database file. Default: $AFTERSALES_DB, else ./aftersales.sqlite.":
            "数据库文件。默认：$AFTERSALES_DB，否则 ./aftersales.sqlite。",
        "The name recorded in the audit log. Default: your login name.": "记入审计日志的名称。默认：你的登录名。",
        "Output format: table, json (one document) or csv (with a header row).": "输出格式：table、json（一个文档）或 csv（带表头行）。",
        "With --format csv: start with a UTF-8 byte order mark, so Excel reads Chinese text (yes); no for scripts.":
            "与 --format csv 一起用：以 UTF-8 字节顺序标记开头，让 Excel 正确读取中文（yes）；脚本使用请选 no。",
        "Language of the output: zh or en. Default: $AFTERSALES_LANG, else the database's locale setting, else LANG.":
            "输出语言：zh 或 en。默认：$AFTERSALES_LANG，否则数据库的 locale 设置，否则 LANG。",
        "Example:": "示例：",
        "Roles (API): {0}. The CLI works on the database file directly; whoever can open the file can run it.":
            "角色（API）：{0}。命令行直接操作数据库文件；能打开该文件的人即可运行。",
        "Move customers, vehicles and mileage readings in from the old system (CSV, UTF-8 or GB18030).":
            "从旧系统迁入客户、车辆和里程读数（CSV，UTF-8 或 GB18030）。",
        """
        The layout is in Docs/customer-csv.md. Every row is validated; errors are reported as FILE:LINE: field: \
        reason.
        Atomic: any rejected row and nothing is loaded (exit 1), unless --keep-valid (valid rows loaded, exit 3).
        Idempotent: the same file again changes nothing.
        """:
            """
        文件格式见 Docs/customer-csv.md。每一行都会校验；错误报告格式为 FILE:LINE: 字段: 原因。
        原子性：只要有一行被拒绝就什么都不导入（退出状态 1），除非加 --keep-valid（导入有效行，退出状态 3）。
        幂等：再次导入同一文件不会改变任何内容。
        """,
        "Load the valid rows and list the rejected ones (exit 3).": "导入有效行，并列出被拒绝的行（退出状态 3）。",
        "Validate and count; write nothing.": "只校验和计数，不写入任何内容。",
        "Accept phones already on another customer.": "接受已登记在其他客户名下的电话。",
        "utf-8, gb18030 or auto (UTF-8 if the whole file is valid UTF-8).":
            "utf-8、gb18030 或 auto（整个文件都是有效 UTF-8 时按 UTF-8）。",
        "No progress display.": "不显示进度。",
        "The import history: file, checksum, time, actor, counts.": "导入历史：文件、校验和、时间、操作人、数量。",
        "Imports, newest first.": "导入记录，最新的在前。",
        "One import: file, checksum, time, actor and its counts per section.": "一次导入：文件、校验和、时间、操作人及各部分的数量。",
        "The import's id (from `aftersales import list`).": "导入记录编号（见 `aftersales import list`）。",
        """
        Make aliases: 大众 is Volkswagen. Vehicles are stored under the manufacturer's name, so terms and bulletins \
        find them.
        """:
            "品牌别名：大众即 Volkswagen。车辆按厂家使用的名称保存，这样保修条款和厂家公告才能找到它们。",
        "Every alias and the make it names.": "全部别名及其对应的品牌。",
        "Record that an alias names a make; vehicles already stored under the alias are renamed (audited).":
            "登记某别名对应的品牌；已按该别名保存的车辆会被改名（记入审计日志）。",
        "The name people type, e.g. 大众.": "用户输入的名称，例如 大众。",
        "The make as the manufacturer's data names it, e.g. Volkswagen.": "厂家数据中的品牌名，例如 Volkswagen。",
        """
        Import the manufacturer's XML files: bulletins and recalls, labour operations, parts, warranty terms, \
        vehicles.
        """:
            "导入厂家的 XML 文件：厂家公告和召回、工时项目、零件、保修条款、车辆。",
        """
        Each file (.xml or .xml.gz, UTF-8 or GB18030) is validated against Docs/schemas/manufacturer-data.xsd while it
        streams, and stored in one transaction: all of it, or nothing (unless --keep-valid). Importing the same file
        twice changes nothing the second time. Errors read FILE:LINE:COLUMN: message.
        Exit status: 0 all imported; 1 rejected, nothing written; 3 partly imported (--keep-valid with rejected items,
        or some of several files rejected); 64 usage error.

        Example:  aftersales-import --actor it-zhang recalls-2026-11.xml parts.xml.gz
                  aftersales-import validate national-list.xml.gz
        """:
            """
        每个文件（.xml 或 .xml.gz，UTF-8 或 GB18030）在读入时按 Docs/schemas/manufacturer-data.xsd 校验，
        并在一个事务中保存：要么全部保存，要么什么都不保存（除非加 --keep-valid）。同一文件导入两次，第二次不会改变任何内容。
        错误格式为 FILE:LINE:COLUMN: 消息。
        退出状态：0 全部导入；1 被拒绝，未写入任何内容；3 部分导入（--keep-valid 且有条目被拒绝，
        或多个文件中有的被拒绝）；64 用法错误。

        示例：  aftersales-import --actor it-zhang recalls-2026-11.xml parts.xml.gz
                  aftersales-import validate national-list.xml.gz
        """,
        "Import files (the default: aftersales-import FILE... is aftersales-import import FILE...).":
            "导入文件（默认子命令：aftersales-import FILE... 即 aftersales-import import FILE...）。",
        "Manufacturer XML files (.xml or .xml.gz).": "厂家 XML 文件（.xml 或 .xml.gz）。",
        "Do the whole import in a transaction and roll it back: exact counts, nothing written.":
            "在事务中完成整个导入后回滚：数量准确，不写入任何内容。",
        "Store the valid items of a file and list the rejected ones (exit 3).": "保存文件中的有效条目，并列出被拒绝的条目（退出状态 3）。",
        "Also write the report as JSON to this file.": "同时把报告以 JSON 写入此文件。",
        "Check files against the schema and the contract's content rules; writes nothing, needs no database.":
            "按 XSD 架构和约定的内容规则检查文件；不写入任何内容，不需要数据库。",
        "The store's opening hours (T-3): per weekday, and the days that differ.": "门店营业时间（T-3）：按星期设置，另有例外的日子。",
        """
        Every weekday is open 08:30-20:00 until set otherwise. A closed day (春节) or a day with other hours
        is set with `calendar hours day`. Complaint deadlines count these hours when calendar.clock is
        business; the legal working days (`calendar list`) play no part in them.
        """:
            """
        未另行设置前，每天营业 08:30-20:00。闭店日（春节）或营业时间不同的日子
        用 `calendar hours day` 设置。当 calendar.clock 为 business 时，投诉时限按这些营业时间计算；
        法定工作日（`calendar list`）与此无关。
        """,
        "The opening hours of each weekday, then the closed days and days with other hours.":
            "每周各天的营业时间，然后是闭店日和营业时间不同的日子。",
        "Set the opening hours of one or more weekdays, or close them.": "设置一个或多个星期几的营业时间，或设为不营业。",
        "Weekdays: monday to sunday, mon to sun, or 周一 to 周日.": "星期：`monday` 到 `sunday`、`mon` 到 `sun`，或 周一 到 周日。",
        "The weekdays.": "星期几。",
        "Opening hours, HH:MM-HH:MM.": "营业时间，HH:MM-HH:MM。",
        "Closed on these weekdays.": "这些星期几不营业。",
        "Close the store on a day, or give a day other hours than its weekday's.": "设置某天闭店，或为某天设置与平时不同的营业时间。",
        "Opening hours that day, HH:MM-HH:MM.": "当天的营业时间，HH:MM-HH:MM。",
        "Closed that day.": "当天闭店。",
        "Remove a closed day or a day's other hours: the weekday's hours apply again.": "删除闭店日或某天的特别营业时间：恢复按星期的营业时间。",
        "Skip this many (the next page starts at --offset plus --limit).": "跳过这么多条（下一页从 --offset 加 --limit 开始）。",
        "Vehicles on customer cards: VIN, plate, usage (C-9), delivery, mileage.": "客户档案中的车辆：车架号、车牌、使用性质（C-9）、交车、里程。",
        "Add a vehicle to a customer. A delivered vehicle of a retained customer gets its care plan (C-7).":
            "为客户添加车辆。保有客户的已交车辆会生成关怀计划（C-7）。",
        "A wrong check digit (VIN position 9) is only a warning: imported cars often have none.":
            "校验位（VIN 第 9 位）不对只作警告：进口车常常没有校验位。",
        "17 characters, no I, O or Q.": "17 个字符，不含 I、O、Q。",
        "Plate such as 京A·12345.": "车牌，如 京A·12345。",
        "Make, e.g. Volkswagen.": "品牌，例如 Volkswagen。",
        "Model, e.g. Sagitar.": "车型，例如 Sagitar。",
        "Model year.": "年款。",
        "Build date YYYY-MM-DD, when known.": "生产日期 YYYY-MM-DD（已知时）。",
        "private, taxi (incl. ride-hailing) or commercial (C-9).": "private（家用）、taxi（出租营运，含网约车）或 commercial（其他营运，C-9）。",
        "Purchase invoice date YYYY-MM-DD.": "购车发票日期 YYYY-MM-DD。",
        "Delivery to the first owner: \"YYYY-MM-DD HH:MM\" (dealer's zone) or ISO 8601.":
            "交付给首任车主的时间：\"YYYY-MM-DD HH:MM\"（经销店时区）或 ISO 8601。",
        "Show a vehicle with its usage history and mileage readings.": "显示车辆及其使用性质变更历史和里程读数。",
        "Record the delivery to the first owner; creates the care plan (C-7) for a retained customer.":
            "登记交付给首任车主；为保有客户生成关怀计划（C-7）。",
        "When: \"YYYY-MM-DD HH:MM\" (dealer's zone) or ISO 8601.": "时间：\"YYYY-MM-DD HH:MM\"（经销店时区）或 ISO 8601。",
        "Record an odometer reading (lower than an earlier one only with --odometer-replaced).":
            "登记一次里程表读数（只有加 --odometer-replaced 才能低于之前的读数）。",
        "Kilometres on the odometer.": "里程表上的公里数。",
        "When it was read (default now).": "读取时间（默认现在）。",
        "Where the figure comes from: service, call, customer...": "读数来源：service、call、customer……",
        "The odometer was replaced, so the figure may be lower.": "里程表已更换，读数可能更低。",
        "Record a change of usage; the usage at delivery is kept for warranty (W-2).": "登记使用性质变更；保修仍按交车时的使用性质（W-2）。",
        "private, taxi or commercial.": "private（家用）、taxi（出租营运）或 commercial（其他营运）。",
        "The day the new usage started (default today).": "新使用性质的起始日期（默认今天）。",
        "Warranty eligibility that explains itself (W-1 to W-5, W-8, W-9, L-2).": "自带理由的保修判定（W-1 至 W-5、W-8、W-9、L-2）。",
        "The day to judge (default today).": "判定所依据的日期（默认今天）。",
        "Kilometres (default: the latest reading).": "公里数（默认：最近一次读数）。",
        "Is a repair covered? The answer names the term, each limit with the margin left, and every exclusion.":
            "这项维修是否在保？答复会列出适用的条款、每项限值的剩余余量以及每项除外责任。",
        "The component concerned (warranty extensions are per component).": "涉及的部件（延保按部件计）。",
        "A part number bought and fitted here (W-3).": "在本店购买并安装的零件号（W-3）。",
        "Assess a whole-vehicle replacement claim (W-5): each condition and refusal reason.":
            "评估整车更换索赔（W-5）：逐项列出条件和拒绝理由。",
        "(a) a major quality defect cannot be fully removed.": "(a) 严重质量缺陷无法完全消除。",
        "(b) after repair the vehicle fails national technical standards.": "(b) 修理后车辆不符合国家技术标准。",
        "(c) when the major fault appeared.": "(c) 严重故障出现的时间。",
        "Was the vehicle maintained on schedule (W-9)? Computed from its maintenance visits.":
            "车辆是否按规定保养（W-9）？根据其保养记录计算。",
        "Record a maintenance visit in the service history (W-9).": "在维修历史中登记一次保养（W-9）。",
        "For household cars, maintenance at an independent workshop with proof counts (L-11).":
            "家用汽车在非授权维修厂保养、有凭证的，同样计入（L-11）。",
        "The day of the visit.": "保养日期。",
        "Kilometres at the visit.": "保养时的公里数。",
        "Done at an independent workshop, not an authorised dealer.": "在非授权维修厂而非授权经销商处完成。",
        "Proof of an independent workshop's maintenance (invoice, record).": "非授权维修厂的保养凭证（发票、记录）。",
        "Record or list the facts that exclude warranty (W-4), each with its source record.":
            "登记或列出排除保修的事实（W-4），每项附其依据的记录。",
        "Kinds: {0}. The manufacturer's conditions are the setting warranty.manufacturer-conditions.":
            "种类：{0}。厂家规定的条件见设置 `warranty.manufacturer-conditions`。",
        "List the recorded exclusions instead.": "改为列出已登记的除外事实。",
        "The kind of fact.": "事实的种类。",
        "For manufacturer-condition: which condition.": "manufacturer-condition 专用：哪一项条件。",
        "Only this component is excluded (default: the whole vehicle).": "只排除此部件（默认：整车）。",
        "The record it rests on: repair order, report, photo reference.": "依据的记录：维修委托书、报告、照片编号。",
        "The day it was found (default today).": "发现日期（默认今天）。",
        "Record a part bought and fitted here, with its invoice (W-3: covered 12 months from fitting).":
            "登记在本店购买并安装的零件及其发票（W-3：自安装起 12 个月在保）。",
        "Part number.": "零件号。",
        "The day it was fitted.": "安装日期。",
        "The invoice that proves the purchase.": "证明购买的发票。",
        "List warranty terms, or set one; a household-car term below the legal minimum is flagged (L-2).":
            "列出保修条款，或设置一项；家用汽车低于法定最低标准的条款会被标出（L-2）。",
        "Set a term instead of listing.": "设置条款，而不是列出。",
        "Make (* for any).": "品牌（* 表示任意）。",
        "Model (default: all models of the make).": "车型（默认：该品牌全部车型）。",
        "Months.": "月数。",
        "Kilometres.": "公里数。",
        "Applies to vehicles delivered on or after this day.": "适用于此日期（含）之后交车的车辆。",
        "The component names the manufacturer uses (what --component accepts).": "厂家使用的部件名称（即 --component 可接受的值）。",
        "The AfterSales HTTP API (JSON, bearer tokens; the description is served at /openapi.yaml).":
            "AfterSales HTTP API（JSON，Bearer 令牌；接口说明见 /openapi.yaml）。",
        """
        Example:
          aftersales token create --role service-advisor --name 前台-王丽
          aftersales-api --db dealer.sqlite --port 8080
          curl -H \"Authorization: Bearer <token>\" http://127.0.0.1:8080/v1/customers/search?q=王

        Stops gracefully on SIGTERM or SIGINT (requests in flight finish).
        """:
            """
        示例：
          aftersales token create --role service-advisor --name 前台-王丽
          aftersales-api --db dealer.sqlite --port 8080
          curl -H \"Authorization: Bearer <token>\" http://127.0.0.1:8080/v1/customers/search?q=王

        收到 SIGTERM 或 SIGINT 时平稳停止（处理中的请求会完成）。
        """,
        "Address to listen on.": "监听的地址。",
        "Port to listen on (0: any free port, printed at start).": "监听的端口（0：任意空闲端口，启动时显示）。",
        """
        A web origin of the dealer's own front end allowed to call the API from a browser, e.g. \
        https://crm.dealer.cn (repeatable).
        """:
            "允许从浏览器调用 API 的本店前端网页源，例如 https://crm.dealer.cn（可重复）。",
        "Do not print the access log (a line per request on standard output).": "不输出访问日志（每个请求在标准输出打印一行）。",
        """
        Language of answers without Accept-Language: zh or en. Default: $AFTERSALES_LANG, else the database's \
        locale setting, else LANG.
        """:
            "请求未带 Accept-Language 时的答复语言：zh 或 en。默认：$AFTERSALES_LANG，否则数据库的 locale 设置，否则 LANG。",
        "--port must be from 0 to 65535": "--port 必须在 0 到 65535 之间",
        "--cors-origin takes an origin such as https://crm.dealer.cn (scheme, host, optional port; no path), got {0}":
            "--cors-origin 应为网页源，例如 https://crm.dealer.cn（协议、主机、可选端口；不含路径），实际为 {0}",
        // The free text of help examples (a note, a reason), said in the reader's language; the commands stay.
        "首保 booked for Friday": "已约周五首保",
        "walk-in owner of another make": "自然进店，开的是其他品牌的车",
        "bought a Sagitar": "已在本店购买速腾",
        "now drives for a ride-hailing platform": "现已用于网约车营运",
        // What each field of a segment's filter holds (`aftersales segment --help`); the values are codes.
        "potential, intention, retained, defeated… (C-3) ⟨segment field⟩":
            "potential（潜在）、intention（意向）、retained（保有）、defeated（战败）……（C-3）",
        "H, A, B, C (C-2) ⟨segment field⟩": "H、A、B、C（C-2）",
        "text ⟨segment field⟩": "文本",
        "male, female ⟨segment field⟩": "male（男）、female（女）",
        "the vehicle's make or model ⟨segment field⟩": "车辆的品牌或车型",
        "number ⟨segment field⟩": "数字",
        "private, taxi, commercial… ⟨segment field⟩": "private（家用）、taxi（出租营运）、commercial（其他营运）……",
        "latest reading, km ⟨segment field⟩": "最近一次里程读数，km",
        "days since delivery ⟨segment field⟩": "交车至今的天数",
        "days since the last maintenance visit ⟨segment field⟩": "距上次进店保养的天数",
        "days until the warranty's last covered day (W-1, W-2, L-2); negative once ended ⟨segment field⟩":
            "距保修期最后一天的天数（W-1、W-2、L-2）；保修期已过则为负数",
        "recall or campaign: the vehicle has one open (W-6) ⟨segment field⟩":
            "recall（召回）或 campaign（服务活动）：车辆有此类未完成的公告（W-6）",
        "opt-in, opt-out or none (M-3) ⟨segment field⟩": "opt-in（同意）、opt-out（退订）或 none（未登记）（M-3）",
        "service revenue, yuan (M-5) ⟨segment field⟩": "售后产值，元（M-5）",
        "place in the value ranking, 1 = most (M-5) ⟨segment field⟩": "在客户价值排名中的名次，1 为最高（M-5）",
    ]
}
