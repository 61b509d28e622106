extension Phrasebook {
    /// The words of the parts counter (issue 17: stock on hand, movements, the negative-count rule, shortages under
    /// Q-7 routed by K-5), by English template.
    static let stock: [String: String] = [
        // Movements (`MovementKind.spoken`).
        "receipt ⟨stock movement⟩": "入库",
        "issue ⟨stock movement⟩": "发料",
        "return ⟨stock movement⟩": "退料",
        "adjustment ⟨stock movement⟩": "盘点调整",

        // Rules and their errors (`StockRules`, `StockShortfall`, `PartNumber`, `StockForm`).
        "part {0}: {1} on hand, {2} asked for order {3} line {4}; receive stock first, record the shortage (Q-7), "
            + "or let the parts manager allow a negative count (`stock.allow-negative`)":
            "零件 {0}：库存 {1} 件，工单 {3} 第 {4} 行申领 {2} 件；请先入库、登记缺件（Q-7），"
            + "或由配件经理允许负库存（`stock.allow-negative`）",
        "order {0} line {1} holds {2} of part {3} (issued less returned); {4} cannot come back":
            "工单 {0} 第 {1} 行现有零件 {3} {2} 件（已发减已退）；不能退回 {4} 件",
        "parts shortage (Q-7): {0} × part {1} missing for line {2}": "缺件（Q-7）：第 {2} 行缺零件 {1} {0} 件",
        "expected a catalogue part number such as 5Q0 611 701 C (letters, digits, spaces, . and -; at most 40), got "
            + "\"{0}\"":
            "应为目录中的零件号，例如 5Q0 611 701 C（字母、数字、空格、. 和 -，最多 40 个字符），实际为“{0}”",
        "is required (a catalogue part number)": "必填（目录中的零件号）",
        "is required (how many pieces)": "必填（件数）",
        "is required (the order's part line)": "必填（工单的零件行号）",
        "is required (the count found on the shelf)": "必填（盘点实数）",
        "expected a whole number from 1 to {0}, got {1}": "应为 1 到 {0} 的整数，实际为 {1}",
        "expected a whole number from 0 to {0}, got {1}": "应为 0 到 {0} 的整数，实际为 {1}",
        "expected a line number from 1 to {0}, got {1}": "应为 1 到 {0} 的行号，实际为 {1}",
        "catalogue part": "目录零件",
        "{0} fits several catalogue parts: {1}; type the number as the catalogue writes it":
            "{0} 对应多个目录零件：{1}；请按目录写法输入零件号",

        // Settings.
        "the parts manager allows an issue beyond the count on hand (yes or no)": "配件经理是否允许超出库存发料（yes 或 no）",
        "a part with N or fewer on hand is listed as low": "库存不超过 N 件的零件列为低库存",

        // `aftersales stock`: help.
        "Parts stock: counts on hand, receipts, issues to work orders, returns, counts, shortages.":
            "零件库存：现有库存、入库、向工单发料、退料、盘点、缺件。",
        "The count on hand of a catalogue part is the sum of its movements. An issue beyond the count is refused "
            + "unless the parts manager allows a negative count (setting `stock.allow-negative`); with "
            + "--record-shortage the refusal records a shortage instead, the order's delay reason (Q-7), for the "
            + "parts manager (K-5).":
            "目录零件的现有库存等于其全部出入库记录之和。超出库存的发料会被拒绝，除非配件经理允许负库存"
            + "（设置 `stock.allow-negative`）；加 --record-shortage 时改为登记缺件，作为工单的延误原因（Q-7），"
            + "交配件经理处理（K-5）。",
        "Catalogue part number, such as \"5Q0 611 701 C\".": "目录零件号，例如 \"5Q0 611 701 C\"。",
        "The work order's number.": "工单编号。",
        "The order's part line.": "工单的零件行号。",
        "A part's stock: count on hand, open shortages, last movements.": "零件库存：现有库存、未解决的缺件、最近的出入库记录。",
        "How many movements to show (1-1000).": "显示多少条出入库记录（1-1000）。",
        "--movements takes 1 to 1000": "--movements 应为 1 到 1000",
        "Parts in stock, lowest count first.": "库存零件，库存最少的在前。",
        "Parts whose number starts with this or whose name holds it.": "零件号以此开头或名称包含此内容的零件。",
        "Only parts at or below the low level (setting `stock.low-level`).": "只列库存不超过低库存线的零件（设置 `stock.low-level`）。",
        "Only parts with open shortages.": "只列有未解决缺件的零件。",
        "Receive parts from a supplier: the count on hand goes up.": "供应商来货入库：现有库存增加。",
        "How many pieces (1-100000).": "件数（1-100000）。",
        "The delivery note or supplier order.": "送货单号或供应商订单号。",
        "Issue parts to a work order's part line: refused beyond the count on hand.":
            "向工单的零件行发料：超出现有库存时拒绝。",
        "An issue beyond the count is refused, nothing written, unless `stock.allow-negative` is yes. "
            + "With --record-shortage the refusal records the shortage instead (Q-7, K-5).":
            "超出库存的发料会被拒绝，不写入任何内容，除非 `stock.allow-negative` 为 yes。"
            + "加 --record-shortage 时改为登记缺件（Q-7、K-5）。",
        "When the count is short, record the shortage for the order (Q-7) instead.": "库存不足时，改为给该工单登记缺件（Q-7）。",
        "Return parts from a work order's part line: at most what the line holds.": "从工单的零件行退料：最多退回该行已领数量。",
        "Set the count on hand to what a stocktake found, with the reason.": "按盘点实数调整现有库存，并注明原因。",
        "The count found on the shelf (0-1000000).": "货架上的盘点实数（0-1000000）。",
        "Why the count differs.": "差异原因。",
        "Parts missing for work orders (Q-7), for the parts manager (K-5), newest first.":
            "工单的缺件（Q-7），交配件经理处理（K-5），最新的在前。",
        "Closed shortages too.": "包括已关闭的缺件。",
        "Only this work order.": "只列此工单。",

        // `aftersales stock`: output.
        "on hand": "现有库存",
        "low": "低库存",
        " (low)": "（低库存）",
        "missing": "缺件数",
        "order": "工单",
        "asked": "申领数",
        "routed to": "负责",
        "closed at": "关闭时间",
        "movement": "类型",
        "quantity": "数量",
        "after": "结存",
        "reference": "单据",
        "never stocked": "从未入库",
        "order {0} line {1}": "工单 {0} 第 {1} 行",
        "Shortages (Q-7)": "缺件（Q-7）",
        "Movements, newest first": "出入库记录（最新的在前）",
        "none yet": "暂无",
        "{0} {1} × {2}: {3} on hand": "{0} {1} × {2}：现有库存 {3}",
        "not issued: {0}; recorded as shortage {1} for the parts manager (K-5)":
            "未发料：{0}；已登记缺件（编号 {1}），交配件经理处理（K-5）",
    ]
}
