extension Phrasebook {
    /// The words of the welcome board (预约欢迎看板, issue 18): its page, the statuses of a booked car, how a guest is
    /// named, the `board` role and command, and `GET /board`.
    static let board: [String: String] = [
        // The page.
        "Welcome board": "预约欢迎看板",
        "Welcome": "欢迎光临",
        "Booked for": "预约时间",
        "Status": "状态",
        "Updated": "更新时间",
        "No booked arrivals on this day.": "当日暂无预约到店的客户。",
        "The board cannot reach the server; it shows the last state it read.": "看板暂时连不上服务器，显示的是最近一次的状态。",

        // The statuses, read from the repair order.
        "on the way ⟨board status⟩": "待到店",
        "arrived ⟨board status⟩": "已到店",
        "in the workshop ⟨board status⟩": "维修中",
        "quality check ⟨board status⟩": "质检中",
        "ready for collection ⟨board status⟩": "可取车",

        // The guest, surname and title only.
        "Mr {0}": "{0}先生",
        "Ms {0}": "{0}女士",
        "Mr/Ms {0}": "{0}先生/女士",
        "Guest": "贵宾",

        // The role and the route.
        "board ⟨role⟩": "欢迎看板",
        "the board needs a token: open /board?token=<token> (create one with `aftersales token create --role board`)":
            "看板需要令牌：请打开 /board?token=<令牌>（用 `aftersales token create --role board` 创建）",
    ]
}
