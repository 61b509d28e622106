extension Phrasebook {
    /// The words of the storage part (the kernel's and the umbrella's errors: opening, backup and restore, tokens,
    /// staff, calendars, settings, cards), by English template.
    static let storage: [String: String] = [
        """
        the database is busy: another program (an import, a delivery, a campaign run or the API) is writing to it \
        and did not finish within the setting database.busy-seconds; nothing was written, try again in a moment
        """:
            "数据库正忙：另一个程序（导入、投递、营销活动运行或 API）正在写入，且未在设置 database.busy-seconds 规定的时间内完成；什么都没有写入，请稍后再试",
        "the database is busy": "数据库正忙",
        "the disk is full: nothing was written; free some space and try again": "磁盘已满：什么都没有写入；请腾出空间后再试",
        "the database file or its folder is read-only: nothing can be written here": "数据库文件或其所在文件夹是只读的：无法在此写入",
        "the database refused the change (SQLite {0}); nothing was written": "数据库拒绝了这次修改（SQLite {0}）；什么都没有写入",
        "no database at {0}; create one with `aftersales init --db {1}` or pass --db (or set AFTERSALES_DB)":
            "{0} 处没有数据库；请用 `aftersales init --db {1}` 创建，或用 --db 指定（或设置 AFTERSALES_DB）",
        "cannot open {0} as a database: {1}": "无法将 {0} 作为数据库打开：{1}",
        "{0} was written by a newer AfterSales (unknown migrations: {1}); upgrade this program before using it":
            "{0} 由更新版本的 AfterSales 写入（未知的迁移：{1}）；请先升级本程序再使用",
        "the database": "数据库",
        "{0} is not an AfterSales database": "{0} 不是 AfterSales 数据库",
        "{0} is open in another process (is aftersales-api running?); stop it and try again":
            "{0} 正被另一个进程打开（aftersales-api 是否在运行？）；请先停止它再试",
        "{0} exists; choose a new file name": "{0} 已存在；请换一个新文件名",
        "backup file": "备份文件",
        "{0} fails the integrity check: {1}": "{0} 未通过完整性检查：{1}",
        "import": "导入记录",
        "must be positive, got {0}": "必须大于 0，实际为 {0}",
        "must not be negative": "不能为负数",
        "name at least one weekday": "请至少指定一个星期几",
        "the store would be closed every day of the week; keep at least one day open": "这样门店一周七天都不营业；请至少保留一天营业",
        "must not be empty": "不能为空",
        "staff member {0} already exists": "员工 {0} 已存在",
        "staff member": "员工",
        "a token named {0} exists; revoke it or choose another name": "名为 {0} 的令牌已存在；请先吊销它或换一个名字",
        "active token named": "有效令牌",
        "vehicle {0} is not customer {1}'s": "车辆 {0} 不属于客户 {1}",
        "task": "任务",
        "external reference {0} is already customer {1}": "外部编号 {0} 已属于客户 {1}",
        "phone {0} on customer": "电话 {0}，客户",
        "vehicle {0} was already delivered on {1}": "车辆 {0} 已于 {1} 交车",
        "{0} is before the delivery on {1}": "{0} 早于交车日期 {1}",
        """
        calendar.business-hours is now the store's opening hours per weekday (T-3): `aftersales calendar hours \
        set monday friday --hours 09:00-18:00`
        """:
            """
        calendar.business-hours 已改为按星期设置的门店营业时间（T-3）：`aftersales calendar hours set monday friday --hours \
        09:00-18:00`
        """,
        "unknown setting \"{0}\"; `aftersales settings show` lists them":
            "未知的设置“{0}”；`aftersales settings show` 可列出全部设置",
    ]
}
