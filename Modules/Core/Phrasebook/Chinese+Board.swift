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

        // The command.
        "Write the welcome board of a day's booked arrivals as an HTML page: surnames, masked plates, advisors, "
            + "the status of each car.":
            "将某天预约到店的欢迎看板写成 HTML 页面：只显示客户姓氏和称呼、部分遮挡的车牌、服务顾问以及每辆车的进度。",
        "The page is the one the API serves at /board for the reception's screen (set it up with "
            + "`aftersales token create --role board --name 前台看板` and open /board?token=… on the screen). "
            + "It shows the surname and title only and the plate partly masked. Without --day the board is "
            + "today's; without --out the page goes to standard output.":
            "页面与 API 在 /board 为接待区大屏提供的看板相同（设置方法：运行 "
            + "`aftersales token create --role board --name 前台看板`，在大屏上打开 /board?token=…）。"
            + "页面只显示客户姓氏和称呼，车牌部分遮挡。不加 --day 时显示当天的看板；不加 --out 时页面输出到标准输出。",
        "The day of the board, YYYY-MM-DD (default today).": "看板的日期，格式 YYYY-MM-DD（默认当天）。",
        "wrote the welcome board of {0} to {1}: {2} on the board": "已将{0}的欢迎看板写入 {1}：看板上共 {2} 位客户",
    ]
}
