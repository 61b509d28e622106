extension Phrasebook {
    /// The words of repair orders (维修委托书, L-10): the codes of lines, payers, jobs and states,
    /// the rules' refusals, the settings, and the `workorder` commands' headings and notes, by English template.
    static let workOrders: [String: String] = [
        // Payers, line kinds, approval methods.
        "customer ⟨payer⟩": "客户付费",
        "warranty ⟨payer⟩": "保修（厂家）",
        "goodwill ⟨payer⟩": "善意补偿",
        "internal ⟨payer⟩": "内部",
        "labour ⟨line kind⟩": "工时",
        "part ⟨line kind⟩": "零件",
        "other ⟨line kind⟩": "其他",
        "signature ⟨approval method⟩": "签字",
        "phone ⟨approval method⟩": "电话",
        "wechat ⟨approval method⟩": "微信",

        // Systems (三包, L-3 to L-6), job kinds.
        "engine ⟨vehicle system⟩": "发动机",
        "transmission ⟨vehicle system⟩": "变速器",
        "traction-battery ⟨vehicle system⟩": "动力蓄电池",
        "drive-motor ⟨vehicle system⟩": "驱动电机",
        "steering ⟨vehicle system⟩": "转向系统",
        "brakes ⟨vehicle system⟩": "制动系统",
        "suspension ⟨vehicle system⟩": "悬架系统",
        "drivetrain ⟨vehicle system⟩": "传动系统",
        "emission-control ⟨vehicle system⟩": "排放控制系统",
        "body ⟨vehicle system⟩": "车身",
        "other ⟨vehicle system⟩": "其他",
        "whole-vehicle ⟨job kind⟩": "整车修理",
        "major-assembly ⟨job kind⟩": "总成修理",
        "second-level-maintenance ⟨job kind⟩": "二级维护",
        "first-level-maintenance ⟨job kind⟩": "一级维护",
        "minor-repair ⟨job kind⟩": "小修",
        "special-repair ⟨job kind⟩": "专项修理",

        // States, payment, the quality check.
        "open ⟨job state⟩": "待报价",
        "quoted ⟨job state⟩": "已报价",
        "approved ⟨job state⟩": "客户已确认",
        "declined ⟨job state⟩": "客户已拒绝",
        "in-work ⟨job state⟩": "维修中",
        "qc-passed ⟨job state⟩": "质检合格",
        "qc-failed ⟨job state⟩": "质检不合格",
        "open ⟨work order state⟩": "已开单",
        "quoted ⟨work order state⟩": "已报价",
        "approved ⟨work order state⟩": "客户已确认",
        "in-work ⟨work order state⟩": "维修中",
        "qc-passed ⟨work order state⟩": "质检合格",
        "settled ⟨work order state⟩": "已结算",
        "delivered ⟨work order state⟩": "已交车",
        "cash ⟨payment method⟩": "现金",
        "bank-card ⟨payment method⟩": "银行卡",
        "wechat-pay ⟨payment method⟩": "微信支付",
        "alipay ⟨payment method⟩": "支付宝",
        "exterior ⟨quality check⟩": "外观",
        "interior ⟨quality check⟩": "内饰",
        "engine ⟨quality check⟩": "发动机",
        "chassis ⟨quality check⟩": "底盘",
        "concern ⟨quality check⟩": "客户报修项目",

        // Lines and payers (Q-1, Q-3, W-8).
        "part {0} has no price in force on {1} (Q-1)": "零件 {0} 在 {1} 没有有效价格（Q-1）",
        "a warranty line needs the warranty check for its component (W-8)": "保修项目须先对其部件做保修判定（W-8）",
        "not covered: {0} (W-8); move the line to customer or goodwill with a reason":
            "不在保：{0}（W-8）；请改为客户付费或善意补偿，并说明原因",
        "a line moved off warranty needs a reason (Q-3)": "项目从保修改为其他付费方须说明原因（Q-3）",

        // The order's rules (A-6, Q-2, Q-4, L-10).
        "job": "维修项目",
        "expected the road test's kilometres, 0 to 1,000, got {0}": "路试里程应为 0 至 1,000 公里，实际为 {0}",
        "a failed check needs the reason the job goes back to work (Q-4)": "质检不合格须写明返工原因（Q-4）",
        "order {0} is settled (invoice {1}); a settled order is never edited: "
            + "correct it with a credit note and a new invoice (L-10)":
            "工单 {0} 已结算（发票 {1}），已结算的工单不得修改：请开红字发票冲销后重新开票（L-10）",
        "job {0} was declined; add the work as a new job (Q-2)": "维修项目 {0} 客户已拒绝；请将该工作作为新项目添加（Q-2）",
        "job {0} is {1}; work found during the repair is a new, supplementary job with its own quote "
            + "and approval (Q-2)":
            "维修项目 {0} {1}；维修中发现的工作须作为新的追加项目，单独报价并经客户确认（Q-2）",
        "order {0} has no open job to quote; add a job and its lines first":
            "工单 {0} 没有待报价的维修项目；请先添加项目及其明细",
        "job {0} has no lines to quote; add its labour or parts first": "维修项目 {0} 没有可报价的明细；请先添加工时或零件",
        "say who answered for the customer": "请注明代表客户答复的人",
        "job {0} is {1}; only a quoted job is approved or declined (Q-2)":
            "维修项目 {0} {1}；只有已报价的项目才能由客户确认或拒绝（Q-2）",
        "job {0} is {1}; only approved work is dispatched (Q-2)": "维修项目 {0} {1}；只有客户已确认的工作才能派工（Q-2）",
        "job {0} is {1}: no work before the customer approves it (Q-2)": "维修项目 {0} {1}：客户确认前不得开工（Q-2）",
        "{0} is already clocked on job {1}": "{0} 已在维修项目 {1} 上开工计时",
        "{0} is not clocked on job {1}": "{0} 没有在维修项目 {1} 上计时",
        "the spell cannot end before it started": "结束时间不能早于开工时间",
        "job {0} is {1}; only work done is checked (Q-4)": "维修项目 {0} {1}；只有完工的项目才能质检（Q-4）",
        "{0} is still clocked on job {1}; clock off first": "{0} 仍在维修项目 {1} 上计时，请先停止计时",
        "order {0} has no approved work to settle": "工单 {0} 没有客户确认的工作可结算",
        "job {0} is {1}; settle once every approved job passed its check (Q-4)":
            "维修项目 {0} {1}；所有已确认的项目质检合格后才能结算（Q-4）",
        "order {0} is {1}; settle it before delivery (A-6)": "工单 {0} {1}；请先结算再交车（A-6）",
        "order {0} was already delivered": "工单 {0} 已交车",

        // Guarantee and comeback, delivery time.
        "guarantee repair of {0}: free of charge, the guarantee starts again (Q-8)":
            "属 {0} 的质量保证期内返修：免费维修，质量保证期重新计算（Q-8）",
        "comeback of {0} within the comeback window (Q-5)": "属 {0} 的返修（返修期内，Q-5）",
        "second failure under guarantee: arrange another workshop at the dealer's cost (Q-8)":
            "质量保证期内再次故障：由本店承担费用安排其他维修企业修理（Q-8）",
        "no delivery time agreed with the customer": "未与客户约定交车时间",
        "{0} minutes past the promised time": "已超过约定交车时间 {0} 分钟",
        "{0} minutes to the promised time, {1} jobs left": "距约定交车时间还有 {0} 分钟，尚有 {1} 个项目未完成",
        "{0} jobs wait for the customer's approval": "{0} 个项目待客户确认",
        "delay: {0}": "延误原因：{0}",

        // The forms.
        "is required: the odometer reading at arrival (C-6)": "必填：到店时的里程读数（C-6）",
        "expected kilometres, 0 to 3,000,000, got {0}": "里程应为 0 至 3,000,000 公里，实际为 {0}",
        "expected a percentage from 0 to 100, got {0}": "应为 0 至 100 的百分比，实际为 {0}",
        "give at least one concern in the customer's own words (A-6)": "请至少填写一项客户报修内容，用客户的原话（A-6）",
        "{0} is not after the arrival (Q-7)": "{0} 不晚于到店时间（Q-7）",
        "is required: what the job does": "必填：维修项目内容",
        "expected days, 0 to 365, got {0}": "天数应为 0 至 365，实际为 {0}",
        "is required: the job's number": "必填：维修项目编号",
        "is required: a labour-operation code, a part number or other work's code":
            "必填：工时项目代码、零件号或其他项目代码",
        "expected a whole number from 1 to 10,000, got {0}": "应为 1 至 10,000 的整数，实际为 {0}",
        "expected an amount in yuan such as 86.00, got \"{0}\"": "应为以元计的金额，如 86.00，实际为“{0}”",
        "other work (sublet, materials) needs its price": "其他项目（外协、辅料）须填写价格",
        "other work (sublet, materials) needs a reason (Q-1)": "其他项目（外协、辅料）须说明原因（Q-1）",
        "labour and parts are priced from the catalogue (Q-1); give no price": "工时和零件按目录定价（Q-1），无需填写价格",

        // The storage area's refusals and notes.
        "no delivery is recorded for this vehicle: no warranty answer (W-8)": "该车没有交车记录，无法给出保修判定（W-8）",
        "labour operation {0} is not in the catalogue for {1} {2} (Q-1)": "工时项目 {0} 不在 {1} {2} 的目录中（Q-1）",
        "say why the order is late (Q-7)": "请说明工单延误的原因（Q-7）",

        // The `workorder` commands: tables, notes and the sheet.
        "order": "工单",
        "advisor": "服务顾问",
        "arrived": "到店时间",
        "promised": "约定交车时间",
        "risk": "风险",
        "total": "合计",
        "code": "代码",
        "quantity": "数量",
        "unit price": "单价",
        "payer": "付费方",
        "system": "系统",
        "approval": "客户确认",
        "sold hours": "销售工时",
        "clocked hours": "实际工时",
        "fuel": "油量",
        "concerns": "客户报修内容",
        "walk-around": "环车检查",
        "old parts returned": "旧件返还",
        "delay": "延误原因",
        "invoice": "发票",
        "delivery note": "交车说明",
        "VAT included": "其中增值税",
        "declined work": "客户拒绝的项目",
        "quote": "报价",
        "supplementary quote": "追加报价",
        "must be a whole number above 0": "须为大于 0 的整数",
        "{0} km": "{0} 公里",
        "v{0}": "第 {0} 版",
        "opened {0}": "已开单 {0}",
        "no order at risk (Q-7)": "没有延误风险的工单（Q-7）",
        "{0} orders at risk (Q-7)": "{0} 张工单有延误风险（Q-7）",
        "job {0} recorded on {1}": "维修项目 {0} 已记入 {1}",
        "line {0} added to job {1}: {2}, {3}": "明细 {0} 已加入维修项目 {1}：{2}，{3}",
        "line {0} now paid by {1}": "明细 {0} 改为{1}",
        "line {0} removed": "已删除明细 {0}",
        "{0} {1}: {2}, customer pays {3}": "{0}第 {1} 版：合计 {2}，客户付费 {3}",
        "approved by {0}": "{0} 已确认",
        "declined by {0}": "{0} 已拒绝",
        "job {0} dispatched to {1}": "维修项目 {0} 已派工给 {1}",
        "{0} clocked off job {1}": "{0} 已停止维修项目 {1} 的计时",
        "{0} clocked on job {1}": "{0} 已开始维修项目 {1} 的计时",
        "job {0} passed its check": "维修项目 {0} 质检合格",
        "job {0} failed its check: back to work": "维修项目 {0} 质检不合格：返工",
        "invoice {0}": "发票 {0}",
        "claim drafts {0} (W-7)": "索赔单草稿 {0}（W-7）",
        "completed {0} (W-6)": "已完成 {0}（W-6）",
        "maintenance visit recorded (W-9)": "已记录保养（W-9）",
        "supplementary (Q-2)": "追加项目（Q-2）",
        "check failed: {0}": "质检不合格：{0}",
        "guarantee repair of {0} (Q-8)": "{0} 的质量保证期内返修（Q-8）",
        "comeback of {0} (Q-5)": "{0} 的返修（Q-5）",
        "serious safety fault": "严重安全性能故障",
        "open {0} {1}: {2} (W-6)": "未完成的{0} {1}：{2}（W-6）",
        "maintenance due on {0} or at {1} km (W-9)": "保养到期：{0} 或 {1} 公里（W-9）",
        "warranty: {0} (W-8)": "保修：{0}（W-8）",
        "under guarantee until {0} or {1} km: {2}/{3} {4} (Q-8)": "质量保证期至 {0} 或 {1} 公里：{2}/{3} {4}（Q-8）",
        "open complaint {0} (K-1)": "未结案投诉 {0}（K-1）",
        "at risk: {0} (Q-7)": "交车延误风险：{0}（Q-7）",
        "What the dealer owes this car:": "本店对该车应尽的事项：",
        "order {0} has no quoted job to answer; make a quote first (Q-2)": "工单 {0} 没有待客户答复的报价项目；请先报价（Q-2）",

        // The `workorder` commands' help.
        "The repair order: its number (RO-20261206-001), or the vehicle's VIN or plate for its latest order.":
            "工单：工单号（RO-20261206-001），或车架号、车牌（取该车最近的工单）。",
        "Repair orders from reception to delivery (A-6, Q-1 to Q-8, L-10).": "维修工单：从接车到交车（A-6、Q-1 至 Q-8、L-10）。",
        "Open a repair order at reception (A-6): mileage, fuel, concerns, walk-around, promised time.":
            "接车开单（A-6）：里程、油量、客户报修内容、环车检查、约定交车时间。",
        "Each concern, in the customer's own words, becomes a job. The mileage is a new reading (C-6). "
            + "The sheet shows what the dealer owes the car: open recalls, maintenance due, the warranty answer, "
            + "repairs under guarantee and open complaints.":
            "每项客户报修内容（用客户的原话）成为一个维修项目。里程作为一次新的里程读数记录（C-6）。"
            + "工单列出本店对该车应尽的事项：未完成的召回、到期保养、保修判定、仍在质量保证期内的维修和未结案的投诉。",
        "Odometer reading at arrival, km.": "到店时的里程读数，公里。",
        "Fuel or charge level, percent (default 50).": "油量或电量，百分比（默认 50）。",
        "A concern in the customer's own words (repeat for each).": "一项客户报修内容，用客户的原话（每项写一次）。",
        "A finding of the walk-around: damage, belongings (repeat for each).": "环车检查发现：损伤、车内物品（每项写一次）。",
        "The customer takes the old parts back.": "客户带回旧件。",
        "The delivery time agreed with the customer (Q-7), \"2026-12-06 17:30\".":
            "与客户约定的交车时间（Q-7），如“2026-12-06 17:30”。",
        "Arrival time (default now).": "到店时间（默认现在）。",
        "The service advisor (default the actor).": "服务顾问（默认操作人）。",
        "Show a repair order: jobs, lines, quotes, totals per payer and what the dealer owes the car.":
            "查看工单：维修项目、明细、报价、各付费方合计，以及本店对该车应尽的事项。",
        "List repair orders, today's open ones first; --at-risk lists orders late or near it (Q-7).":
            "列出工单，今天未结算的在前；--at-risk 列出已延误或即将延误的工单（Q-7）。",
        "Only orders not yet settled.": "只列未结算的工单。",
        "Orders that may miss their promised delivery time, with the reasons (Q-7).": "可能误过约定交车时间的工单及原因（Q-7）。",
        "One vehicle's orders: VIN, plate or VIN ending.": "某辆车的工单：车架号、车牌或车架号末几位。",
        "Add a job, or record a job's finding and 三包 facts (--edit N).": "添加维修项目，或记录项目的检查结果和三包信息（--edit N）。",
        "A job added after the first quote is supplementary work (追加) that needs its own quote and approval (Q-2). "
            + "The kind sets the repair's quality guarantee (Q-8); the same component repaired again within it is "
            + "flagged as a guarantee repair and a comeback (Q-5).":
            "首次报价后添加的项目为追加项目，须单独报价并经客户确认（Q-2）。维修类别决定质量保证期（Q-8）；"
            + "保证期内同一部件再次维修记为质量保证期内返修及返修（Q-5）。",
        "Change job N instead of adding one.": "修改第 N 个维修项目，而不是新增。",
        "What the job does.": "维修项目内容。",
        "The kind of repair, which sets its guarantee (Q-8).": "维修类别，决定质量保证期（Q-8）。",
        "The system repaired (三包).": "所修系统（三包）。",
        "The component repaired (compared for comebacks, Q-5).": "所修部件（用于判定返修，Q-5）。",
        "The fault in the customer's words.": "客户描述的故障。",
        "The technician's finding.": "技师的检查结果。",
        "A serious safety fault (三包): yes or no.": "是否严重安全性能故障（三包）：yes 或 no。",
        "Days spent waiting for special parts shipped from afar.": "等待异地调运特殊零件的天数。",
        "Add, move or remove the lines of a job (Q-1, Q-3).": "添加、改付费方或删除维修项目的明细（Q-1、Q-3）。",
        "Add a labour, part or other line to a job, priced from the catalogue (Q-1).": "为维修项目添加工时、零件或其他明细，按目录定价（Q-1）。",
        "Labour is the catalogue's standard hours for the vehicle's model × the labour rate; a part is the catalogue "
            + "price in force today × quantity; each line is rounded half-up to the fen. A warranty line runs the "
            + "warranty check for its component or part and keeps the decision (W-8); a recall line names its "
            + "bulletin (W-6).":
            "工时费 = 目录中该车型的标准工时 × 工时单价；零件费 = 今天有效的目录价格 × 数量；每行四舍五入到分。"
            + "保修明细按其部件或零件做保修判定并保存判定结果（W-8）；召回明细须注明厂家公告（W-6）。",
        "The job's number.": "维修项目编号。",
        "labour, part or other (sublet, materials).": "labour（工时）、part（零件）或 other（外协、辅料）。",
        "Labour-operation code, part number, or other work's short code.": "工时项目代码、零件号或其他项目的简码。",
        "How many (whole units; labour: times the standard hours).": "数量（整数；工时：标准工时的倍数）。",
        "Other work only: the unit price in yuan.": "仅其他项目：单价（元）。",
        "A text for the line instead of the catalogue's.": "明细说明，代替目录中的名称。",
        "Who pays (Q-3).": "付费方（Q-3）。",
        "Why: other work's reason.": "原因：其他项目的原因。",
        "The component a warranty line is checked for (W-8).": "保修明细据以判定的部件（W-8）。",
        "The recall or campaign the line's work remedies (W-6).": "该明细整改的召回或服务活动（W-6）。",
        "Move a line to another payer (Q-3); off warranty with a reason.": "更改明细的付费方（Q-3）；从保修改出须说明原因。",
        "The line's number.": "明细编号。",
        "Why (needed when the line leaves warranty).": "原因（从保修改出时必填）。",
        "Remove a line of a job the customer has not approved yet (Q-2).": "删除客户尚未确认的维修项目中的一条明细（Q-2）。",
        "Make the next quote version of the open jobs, with totals per payer (Q-2).": "为待报价的维修项目出新一版报价，列出各付费方合计（Q-2）。",
        "A job's number (repeat; default every quoted job).": "维修项目编号（可重复；默认所有已报价的项目）。",
        "Who answered for the customer.": "代表客户答复的人。",
        "How the customer answered (default signature).": "客户答复的方式（默认 signature，即签字）。",
        "Record the customer's approval of quoted jobs: who, how, when (Q-2).": "记录客户对报价项目的确认：谁、以何种方式、何时（Q-2）。",
        "No technician may clock on a job before it is approved.": "客户确认前，技师不得开工计时。",
        "Record that the customer declined quoted jobs; declined work is kept and listed (Q-2).":
            "记录客户拒绝的报价项目；拒绝的项目保留并列出（Q-2）。",
        "Give an approved job to a technician (the shop foreman).": "将客户已确认的项目派给技师（车间主管）。",
        "The technician, a current staff member.": "技师，须为在职员工。",
        "Clock a technician on an approved job, or off it (--off); several spells allowed (Q-2).":
            "技师对已确认的项目开始计时，或停止计时（--off）；可多次计时（Q-2）。",
        "The technician (default the actor).": "技师（默认操作人）。",
        "Clock off instead of on.": "停止计时，而不是开始。",
        "Record the quality check and test drive of a job (Q-4); a failure sends it back to work.":
            "记录维修项目的质检和路试（Q-4）；不合格则返工。",
        "The checklist: exterior, interior, engine, chassis and the concern the customer reported.":
            "检查项目：外观、内饰、发动机、底盘以及客户报修的问题。",
        "Kilometres driven on the road test.": "路试里程，公里。",
        "A checklist item that failed (repeat for each).": "不合格的检查项目（每项写一次）。",
        "Why the check failed: what the workshop must do.": "质检不合格的原因：车间须做什么。",
        "The technician's finding, recorded on the job.": "技师的检查结果，记入维修项目。",
        "Settle an order: the invoice with totals per payer and the payment method (Q-3).":
            "工单结算：开具发票，列出各付费方合计和付款方式（Q-3）。",
        "In the same step: warranty lines become a claim draft with the frozen decision (W-7), recall work closes "
            + "the recall for the VIN (W-6), parts bought here are recorded as fitted (W-3), a maintenance job "
            + "records the visit (W-9), and the customer's share feeds customer value (M-5). A settled order is "
            + "never edited (L-10).":
            "同一步骤中：保修明细生成附保修判定的索赔单草稿（W-7），召回工作完成后关闭该车的召回（W-6），"
            + "本店售出的零件记为本店安装（W-3），保养项目记录保养（W-9），客户付费金额计入客户价值（M-5）。"
            + "已结算的工单不得修改（L-10）。",
        "How the customer paid.": "客户的付款方式。",
        "Deliver a settled order with its explanation; each job's quality guarantee starts (Q-8).":
            "交车并向客户说明；各维修项目的质量保证期自此开始（Q-8）。",
        "What was explained to the customer at delivery.": "交车时向客户说明的内容。",

        // Settings.
        "quality guarantee of whole-vehicle and major-assembly repairs, km (legal minimum 20,000)":
            "整车修理和总成修理的质量保证期，公里（法定最低 20,000）",
        "quality guarantee of whole-vehicle and major-assembly repairs, days (legal minimum 100)":
            "整车修理和总成修理的质量保证期，天（法定最低 100）",
        "quality guarantee of second-level maintenance, km (legal minimum 5,000)":
            "二级维护的质量保证期，公里（法定最低 5,000）",
        "quality guarantee of second-level maintenance, days (legal minimum 30)": "二级维护的质量保证期，天（法定最低 30）",
        "quality guarantee of first-level maintenance, minor and special repairs, km (legal minimum 2,000)":
            "一级维护、小修和专项修理的质量保证期，公里（法定最低 2,000）",
        "quality guarantee of first-level maintenance, minor and special repairs, days (legal minimum 10)":
            "一级维护、小修和专项修理的质量保证期，天（法定最低 10）",
        "a repeat repair of the same job or component within N days is a comeback": "N 天内同一项目或部件再次维修记为返修",
        "an order whose promised time is within N hours and whose work is not done is at risk":
            "距约定交车时间不足 N 小时且工作未完成的工单列为有延误风险",
        "VAT rate of repair invoices, percent (contained in the prices)": "维修发票增值税税率，百分比（价格含税）",

        // The /v1/work-orders routes (issue 17).
        "is required: who answered for the customer": "必填：代表客户答复的人",
        "is required: the staff member who does the job": "必填：承担该项目的员工",
        "is required: the road test's kilometres (Q-4)": "必填：路试里程（km，Q-4）",
        "expected a line number from 1, got \"{0}\"": "行号应为从 1 开始的整数，实际为“{0}”",

        // The service manager's report (issue 17 "Reports"): its figures, the reasons a ratio is absent, the
        // `workorder report` command and the shift setting.
        "no order settled": "没有已结算的工单",
        "no hours sold": "没有销售工时",
        "no hours clocked": "没有实际工时（无人打卡）",
        "no technician clocked, so no hours attended": "没有技师打卡，因此没有出勤工时",
        "no promised time due": "没有已到期的承诺交车时间",
        "n/a: {0}": "无：{0}",
        "hours a technician attends on a day they clock on a job (the report's productivity)":
            "技师当天有打卡即按此小时数计出勤（报表的生产率用）",
        "the first day {0} is after the last day {1}": "开始日期 {0} 晚于结束日期 {1}",
        "a report covers at most {0} days": "一份报表最多统计 {0} 天",
        "The service manager's report: orders, hours, labour rate, efficiency, comebacks, revenue by payer.":
            "服务经理报表：工单数、工时、工时单价、技师效率、返修率、按付款方的收入。",
        "Counts the orders settled in the period, by the day of their invoice. Default period: this month up to "
            + "today. Attended hours are the setting workorders.shift.hours for each day a technician clocked. A "
            + "ratio whose denominator is zero is shown as n/a with the reason.":
            "统计期内已结算的工单，按发票日期计入。默认统计期：本月第一天至今天。出勤工时按技师有打卡的每一天计 "
            + "workorders.shift.hours 小时。分母为零的比率显示为“无”并说明原因。",
        "First day (default: the first day of this month).": "开始日期（默认本月第一天）。",
        "Last day (default: today).": "结束日期（默认今天）。",
        "orders": "工单数",
        "hours per order": "单均工时",
        "revenue": "收入",
        "orders settled": "已结算工单",
        "labour revenue": "工时收入",
        "effective labour rate": "实际工时单价",
        "{0} per hour": "每小时 {0}",
        "attended hours": "出勤工时",
        "{0} ({1} technician-days × {2} h)": "{0}（{1} 个技师工作日 × {2} 小时）",
        "technician efficiency": "技师效率",
        "technician productivity": "技师生产率",
        "comebacks (Q-5)": "返修（Q-5）",
        "guarantee repairs (Q-8)": "质量保证期内返修（Q-8）",
        "first-time fix": "一次修复",
        "promised time kept (Q-7)": "按承诺时间交车（Q-7）",
        "customer revenue": "客户付费收入",
        "warranty revenue": "保修收入",
        "goodwill revenue": "善意补偿",
        "internal revenue": "内部收入",
        "declined work (Q-2)": "客户拒绝的项目（Q-2）",
        "recalls and campaigns done (W-6)": "完成的召回和服务活动（W-6）",
    ]
}
