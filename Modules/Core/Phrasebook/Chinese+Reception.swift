extension Phrasebook {
    /// Reception (A-6: registering a vehicle not on file with its order), walk-around photos, delays and the
    /// service history of the cards (C-6), by English template.
    static let reception: [String: String] = [
        // Reception of a vehicle not on file.
        "give either the vehicle on file or this, not both (A-6)": "在档车辆与此项只能二选一（A-6）",
        "give either a new customer or a customer on file, not both": "新客户与在档客户只能二选一",
        "is required with a new customer: the vehicle that comes in (A-6)": "登记新客户时必填：进店的车辆（A-6）",
        "is required with a new vehicle: its owner, a new customer or a customer on file (A-6)":
            "登记新车辆时必填：车主，新客户或在档客户（A-6）",
        "customer with the phone": "使用该电话的客户",
        "phone {0} is on {1} customers ({2}); give the customer id": "电话 {0} 登记在 {1} 位客户名下（{2}），请给出客户编号",
        "customer {0} has no vehicle on file; register it (A-6)": "客户 {0} 名下没有在档车辆，请先登记车辆（A-6）",
        "customer {0} has {1} vehicles: {2}; give the VIN or plate": "客户 {0} 名下有 {1} 辆车：{2}；请给出车架号或车牌",
        "New vehicle (A-6)": "新车辆（A-6）",
        "New customer (A-6)": "新客户（A-6）",
        "A vehicle not on file: its VIN, registered with the order (A-6).": "未建档车辆：其车架号，随工单一并登记（A-6）。",
        "A customer on file, id or phone: the new vehicle's owner, or alone their only vehicle (A-6).":
            "在档客户（编号或电话）：新车辆的车主；单独使用时为该客户唯一的车辆开单（A-6）。",
        "A vehicle not on file is registered in the same step (A-6) with --new-vin and the options of "
            + "`vehicle add`, for a new customer (the options of `customer add`) or one on file "
            + "(--customer id or phone); --customer alone opens the order for that customer's only vehicle.":
            "未建档的车辆可在开单时一并登记（A-6）：用 --new-vin 及 `vehicle add` 的选项，车主为新客户（`customer add` "
            + "的选项）或在档客户（--customer 编号或电话）；只给 --customer 时为该客户唯一的车辆开单。",

        // Delays.
        "parts ⟨delay cause⟩": "缺件",
        "technician ⟨delay cause⟩": "缺技师",
        "skill ⟨delay cause⟩": "技术不足",
        "underestimated ⟨delay cause⟩": "工作量估计不足",
        "no-time-agreed ⟨delay cause⟩": "未约定交车时间",
        "is required: say why the order is late (Q-7): {0}": "必填：说明工单延误的原因（Q-7）：{0}",
        "Record why a repair order is late (Q-7), and a new promised time when agreed.":
            "记录工单延误的原因（Q-7），以及与客户重新约定的交车时间。",
        "The reasons are the rule's: parts, technician, skill, underestimated, no-time-agreed. The list of orders at "
            + "risk (`workorder list --at-risk`) shows the recorded reason.":
            "原因按规则取值：parts（缺件）、technician（缺技师）、skill（技术不足）、underestimated（工作量估计不足）、"
            + "no-time-agreed（未约定交车时间）。可能延误的工单列表（`workorder list --at-risk`）显示记录的原因。",
        "Why: parts, technician, skill, underestimated or no-time-agreed (Q-7).":
            "原因：parts、technician、skill、underestimated 或 no-time-agreed（Q-7）。",
        "What the customer was told, in a few words.": "向客户说明的内容，简短几句。",
        "The new delivery time agreed with the customer, \"2026-12-06 17:30\".": "与客户重新约定的交车时间，如“2026-12-06 17:30”。",
        "delay recorded on {0} (Q-7)": "已记录 {0} 的延误（Q-7）",
        "{0}, note: {1}": "{0}，备注：{1}",

        // Walk-around photos.
        "Photos of the walk-around (A-6): damage and belongings, kept with the order.":
            "环车检查照片（A-6）：损伤和车内物品，随工单保存。",
        "Keep a photo of the walk-around with the order; its type and size are checked.":
            "把一张环车检查照片存入工单；检查其格式和大小。",
        "JPEG, PNG or HEIC, at most complaints.attachment.max-mb MB, as complaint evidence (K-14).":
            "JPEG、PNG 或 HEIC，最大 complaints.attachment.max-mb MB，与投诉证据相同（K-14）。",
        "The photo file.": "照片文件。",
        "What the photo shows.": "照片内容说明。",
        "photo {0} kept with {1} (A-6)": "照片 {0} 已存入 {1}（A-6）",
        "List the order's walk-around photos.": "列出工单的环车检查照片。",
        "Write a walk-around photo's bytes to a file.": "把一张环车检查照片写入文件。",
        "Photo id (`aftersales workorder photo list` lists them).": "照片编号（`aftersales workorder photo list` 可列出）。",
        "no photo yet": "尚无照片",
        "photo": "照片",
        "{0} of repair order {1}": "维修委托书 {1} 的第 {0} 张",

        // The service history of the cards (C-6).
        "Service history (C-6), newest first": "维修记录（C-6），最近的在前",
        "jobs": "维修项目",
        "{0} older orders of {1}: aftersales workorder list --vin {2}":
            "{1} 另有 {0} 张较早的工单：aftersales workorder list --vin {2}",
    ]
}
