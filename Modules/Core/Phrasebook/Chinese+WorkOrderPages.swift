extension Phrasebook {
    /// The words of a repair order's printable documents (issue 17): the repair request (客户报修单, A-6), the quote
    /// (报价单, Q-1, Q-2) and the repair record with its invoice (维修竣工记录、结算单, L-10, Q-8), and the
    /// `workorder print` command. The pages print each in Chinese with the English below.
    static let workOrderPages: [String: String] = [
        // The documents.
        "Repair request": "客户报修单",
        "Quote for the repair": "报价单",
        "Repair record and invoice": "维修竣工记录及结算单",
        "Printed": "打印时间",
        "order {0} has no quote yet; make one with its jobs and lines first (Q-2)":
            "工单 {0} 还没有报价；请先添加维修项目和明细并报价（Q-2）",
        "order {0} is {1}; its repair record and invoice are printed once it is settled (L-10)":
            "工单 {0} 当前状态为{1}；结算后才能打印维修竣工记录及结算单（L-10）",

        // The head of every page, signatures.
        "Order number": "工单号",
        "Customer": "客户",
        "Vehicle": "车辆",
        "Plate": "车牌号",
        "VIN": "车辆识别代号（VIN）",
        "Service advisor": "服务顾问",
        "Signature": "签字",
        "Date": "日期",
        "For the dealer": "维修方（本店）",

        // The repair request and the dealer's promise.
        "Reception": "接车信息",
        "Arrival time": "到店时间",
        "Mileage": "行驶里程",
        "Fuel or charge level": "油量/电量",
        "Promised delivery time": "约定交车时间",
        "Old parts returned to the customer": "旧件交还客户",
        "The customer's concerns, in their words": "客户描述（客户原话）",
        "Walk-around findings: damage and belongings": "环车检查：外观损伤及车内物品",
        "Open recalls and campaigns on this car (W-6)": "本车未完成的召回和服务活动（W-6）",
        "Our repair quality guarantee (Q-8)": "本店维修质量保证期（Q-8）",
        "Each repair is guaranteed from the day the car leaves the workshop, for the days or kilometres below, "
            + "whichever comes first.": "每项维修自竣工出厂之日起，按下列天数或行驶里程提供质量保证，以先到者为准。",
        "Kind of repair": "维修类别",
        "Days": "天数",
        "Kilometres": "行驶里程（km）",

        // The quote.
        "Quote version {0}": "报价（第 {0} 版）",
        "Supplementary quote, version {0}": "追加报价（第 {0} 版）",
        "Quoted at": "报价时间",
        "Quoted by": "报价人",
        "Job {0}": "维修项目 {0}",
        "Line": "序号",
        "Kind": "类别",
        "Code": "代码",
        "Description": "名称",
        "Quantity": "数量",
        "Unit price": "单价",
        "Amount": "金额",
        "Payer": "付费方",
        "Total": "合计",
        "The customer's answer": "客户确认",
        "Job": "维修项目",
        "Answer": "确认结果",
        "Answered by": "确认人",
        "How": "确认方式",
        "When": "确认时间",
        "approved ⟨customer answer⟩": "同意",
        "declined ⟨customer answer⟩": "不同意",
        "approve ☐  decline ☐": "同意 ☐  不同意 ☐",

        // The repair record (L-10), the invoice, the guarantee of each job.
        "Repair record (L-10)": "维修竣工记录（L-10）",
        "Delivery time": "交车时间",
        "The customer's description": "客户报修描述",
        "Inspection result": "检验结果",
        "Repair items": "维修项目",
        "Repair": "维修内容",
        "Fault": "故障现象",
        "Finding": "检查结果",
        "Parts fitted": "更换零件",
        "Part number": "零件号",
        "Part": "零件名称",
        "Material cost": "材料费",
        "Labour hours": "工时",
        "Labour cost": "工时费",
        "Towing, loan car or compensation": "救援拖车、代步车或赔偿",
        "Lines": "结算明细",
        "Invoice": "结算单",
        "Invoice number": "发票号",
        "Invoiced at": "结算时间",
        "Payment method": "付款方式",
        "VAT included ({0}%)": "其中增值税（{0}%）",
        "Repair quality guarantee (Q-8)": "维修质量保证期（Q-8）",
        "The guarantee starts on the day the car leaves the workshop.": "质量保证期自竣工出厂之日起计算。",
        "Guarantee": "质量保证期",
        "Guaranteed until": "保证至",
        "{0} days or {1} km": "{0} 天或 {1} km",
        "{0} or {1} km, whichever comes first": "{0}或 {1} km，以先到者为准",

        // `aftersales workorder print`.
        "Print a repair order's document as an HTML page for A4: the repair request, the quote, or the repair "
            + "record with its invoice.": "将工单的单据打印为 A4 的 HTML 页面：客户报修单、报价单，或维修竣工记录及结算单。",
        "The page is Chinese first with the English kept, whatever the language. The repair request (A-6) is signed "
            + "at reception; the quote exists once the order is quoted (Q-2); the repair record and invoice once it "
            + "is settled (L-10). Without --out the page goes to standard output.":
            "页面总是中文在前、保留英文，与所选语言无关。客户报修单（A-6）在接车时由双方签字；报价单在工单报价后才有（Q-2）；"
            + "维修竣工记录及结算单在结算后才有（L-10）。不加 --out 时页面输出到标准输出。",
        "Which document: request, quote or record.": "哪种单据：request（客户报修单）、quote（报价单）或 record（维修竣工记录及结算单）。",
        "Write the page to this file (replaced whole) instead of standard output.": "将页面写入该文件（整体替换），而不是标准输出。",
        "wrote {0} of {1} to {2}": "已将 {1} 的{0}写入 {2}",
    ]
}
