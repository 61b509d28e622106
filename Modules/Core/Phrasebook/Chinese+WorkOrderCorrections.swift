extension Phrasebook {
    /// The words of corrections by credit note (红字发票, L-10), free guarantee repairs and parts issued to an
    /// order's part lines (发料; Q-7, K-5), by English template.
    static let workOrderCorrections: [String: String] = [
        // L-10: credit note and new invoice.
        "say why the invoice is corrected (L-10)": "请说明更正发票的原因（L-10）",
        "order {0} has no invoice to credit: it is {1}; only a settled order is corrected by a credit note (L-10)":
            "工单 {0} 没有可冲红的发票（当前{1}）；只有已结算的工单才能开红字发票更正（L-10）",
        "claim {0} of order {1} is {2} with the manufacturer: the invoice cannot be credited while it stands "
            + "(L-10, W-7); settle the claim first":
            "工单 {1} 的索赔单 {0} 在厂家处{2}，该索赔未了结前不能冲红发票（L-10、W-7）；请先处理完该索赔",
        "is required: why the invoice is corrected (L-10)": "为必填项：更正发票的原因（L-10）",
        "Correct a settled order: a credit note for its invoice, and the order reopened (L-10).":
            "更正已结算的工单：为其发票开具红字发票，并重新打开工单（L-10）。",
        "The credit note (CN-000001, numbered without gaps) cancels the whole invoice, per payer; in the same step "
            + "the order's claim drafts are withdrawn (a claim already submitted refuses the credit), the customer's "
            + "revenue is reversed (M-5), and the fitted parts (W-3) and maintenance visit (W-9) the invoice proved "
            + "are taken back. A completed recall stays completed. Correct the order, then `workorder settle` issues "
            + "a new invoice; a delivered car stays delivered.":
            "红字发票（CN-000001，连续编号）按付款方全额冲销原发票；同一步骤中撤回该工单的索赔草稿（已提交厂家的索赔会阻止冲红），"
            + "冲减客户消费金额（M-5），并收回凭该发票登记的装车零件（W-3）和保养记录（W-9）。已完成的召回保持完成。"
            + "更正工单后，`workorder settle` 会开具新发票；已交车的车辆仍为已交车。",
        "Why the invoice is corrected.": "更正发票的原因。",
        "credit note {0} for invoice {1}: {2} (L-10)": "已为发票 {1} 开具红字发票 {0}：{2}（L-10）",
        "claim drafts withdrawn: {0}": "已撤回索赔草稿：{0}",
        "customer revenue reversed: {0} (M-5)": "已冲减客户消费金额：{0}（M-5）",
        "correct the order, then settle it again for a new invoice": "请更正工单后重新结算，开具新发票",
        "document": "单据",
        "date": "日期",
        "invoice": "发票",
        "credit note": "红字发票",
        "cancels {0}: {1}": "冲销 {0}：{1}",

        // a guarantee repair is free.
        "guarantee repair of {0}: free of charge, borne by the dealer (Q-8)":
            "属 {0} 的质量保证期内返修：免费，由本店承担（Q-8）",
        "job {0} is a guarantee repair of {1}: it is free of charge and the customer pays none of its lines (Q-8); "
            + "the dealer bears it (internal), or a warranty or goodwill payer":
            "维修项目 {0} 属 {1} 的质量保证期内返修，应免费维修，客户不承担任何费用（Q-8）；"
            + "请由本店承担（内部），或改为保修、善意补偿",
        "second guarantee repair of {0}: the dealer arranges another workshop at its own cost (Q-8)":
            "属 {0} 的第二次质量保证期内返修：由本店承担费用安排其他维修企业修理（Q-8）",

        // Parts issued to the order's part lines; shortages (Q-7, K-5).
        "line {0} is {1}, not a part: only part lines are issued from stock": "第 {0} 行是{1}，不是零件：只有零件行才能发料",
        "line {0} belongs to job {1}, which the customer declined": "第 {0} 行属于客户已拒绝的维修项目 {1}",
        "line {0} is already issued: {1} × {2}": "第 {0} 行已发料：{2} × {1}",
        "line {0} (part {1}) is not issued from stock: {2} of {3} issued; the parts counter issues it before the "
            + "invoice (aftersales workorder line issue {4} {5})":
            "第 {0} 行（零件 {1}）尚未从库存发料：已发 {2} 件，共 {3} 件；开票前须由配件部发料"
            + "（aftersales workorder line issue {4} {5}）",
        "Issue a part line's part from stock to the order (the parts counter).": "将零件行所需零件从库存发料到工单（配件部）。",
        "Issues what the line still needs; the sheet shows the quantity issued, and settlement refuses a stocked part "
            + "not issued. Stock short, nothing is issued: the shortage is recorded, routed to the parts manager "
            + "(K-5) and becomes the order's delay reason (Q-7). A return (`aftersales stock return --order … "
            + "--line …`) reverses an issue.":
            "发出该行尚缺的数量；工单上显示已发数量，有库存管理的零件未发料时不能结算。库存不足时不发料："
            + "登记缺件，转配件经理处理（K-5），并作为工单的延误原因（Q-7）。退料（`aftersales stock return --order … "
            + "--line …`）可冲回发料。",
        "stock short: {0}; routed to the parts manager (K-5), the order's delay reason (Q-7)":
            "库存不足：{0}；已转配件经理处理（K-5），并记为工单延误原因（Q-7）",
        "line {0} issued: {1} × {2}, {3} left on hand": "第 {0} 行已发料：{2} × {1}，库存剩余 {3} 件",
        "issued {0} of {1}": "已发 {0}/{1}",
    ]
}
