import Core
import Foundation
import GRDB
import Storage
import Testing

/// The storage layer's own errors, said in Chinese when the run speaks it (issue 16).
@Suite("Storage errors in both languages")
struct StorageWordsTests {
    @Test("A missing database says how to create one, in Chinese and in English, the command kept as it is")
    func missingDatabase() {
        let error = StorageError.missingDatabase("dealer.sqlite")
        #expect(
            error.sentence.rendered(Speech(.zh))
                == "dealer.sqlite 处没有数据库；请用 `aftersales init --db dealer.sqlite` 创建，或用 --db 指定（或设置 AFTERSALES_DB）")
        #expect(error.sentence.rendered(Speech(.en)).hasPrefix("no database at dealer.sqlite; create one with"))
    }

    @Test("A record not found names the record in Chinese; the field and key stay as typed")
    func notFound() {
        let error = NotFound("staff member", "张伟", field: "name")
        #expect(error.sentence.rendered(Speech(.zh)) == "找不到员工 张伟")
        #expect(error.sentence.rendered(Speech(.en)) == "no staff member 张伟")
        let conflict = Conflict(field: "name", "staff member \("张伟") already exists")
        #expect(conflict.sentence.rendered(Speech(.zh)) == "name: 员工 张伟 已存在")
    }

    @Test("A database in another program's hands is said in Chinese, the setting key kept")
    func busy() {
        let phrase = DatabaseFailure.message(DatabaseError(resultCode: .SQLITE_BUSY))!
        let chinese = phrase.rendered(Speech(.zh))
        #expect(chinese.hasPrefix("数据库正忙"))
        #expect(chinese.contains("database.busy-seconds"))
        #expect(phrase.rendered(Speech(.en)).hasPrefix("the database is busy"))
        let full = DatabaseFailure.message(DatabaseError(resultCode: .SQLITE_FULL))!
        #expect(full.rendered(Speech(.zh)) == "磁盘已满：什么都没有写入；请腾出空间后再试")
    }
}
