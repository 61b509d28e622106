import Core
import Testing

@Suite("Issue 16: the core's errors and words in Chinese")
struct ChineseCoreTests {
    let zh = Speech(.zh)

    @Test("A VIN's problems and its check-digit warning are said in Chinese")
    func vin() throws {
        let error = try #require(throws: InvalidInput.self) { try VIN.parse("LFV2A21K3N300012") }
        #expect(error.sentence.rendered(zh) == "vin: 车架号（VIN）应为 17 位，此处为 16 位")
        let wrong = try VIN(validating: "LFV2A21K1N3000123")
        let warning = try #require(wrong.checkDigitProblem)
        #expect(warning.rendered(zh).hasPrefix("车架号 LFV2A21K1N3000123：校验位（第 9 位）应为"))
        #expect(wrong.checkDigitWarning?.contains("should be") == true)
    }

    @Test("Ids, dates, times and choices are refused in Chinese, naming the field as typed")
    func parsing() {
        func chinese(_ body: () throws -> Void) -> String {
            do { try body() } catch let error as any AfterSalesError { return error.sentence.rendered(zh) } catch {
                return "\(error)"
            }
            return ""
        }
        #expect(
            chinese { _ = try RecordID.parse("abc", field: "--customer", what: "a customer id") }
                == "--customer: 应为客户编号：正整数（最大 9223372036854775807），实际为“abc”")
        #expect(
            chinese { _ = try LocalDate.parse("2026-13-01", field: "--on") } == "--on: 应为日期 YYYY-MM-DD，实际为“2026-13-01”")
        #expect(chinese { _ = try Setting.clockMode.validate("sometimes") }.hasPrefix("calendar.clock: 应为以下之一："))
    }

    @Test("A staff member who left is refused in Chinese, with the day in the long style")
    func staff() {
        let staff = [StaffMember(name: "刘洋", role: .salesConsultant, leftOn: LocalDate("2026-11-30"))]
        do {
            _ = try StaffMember.current("刘洋", among: staff, on: LocalDate("2026-12-05")!, field: "owner")
            Issue.record("a staff member who left was accepted")
        } catch let error as Conflict {
            #expect(
                error.sentence.rendered(zh)
                    == "owner: 刘洋 已于 2026年11月30日 离职；请选择在职员工（`aftersales staff list`）")
        } catch { Issue.record("\(error)") }
    }

    @Test("Weekdays, roles and setting summaries have Chinese words")
    func words() {
        #expect(Weekday.saturday.spoken.rendered(zh) == "周六")
        #expect(Role.serviceAdvisor.spoken.rendered(zh) == "服务顾问")
        #expect(Role.allCases.allSatisfy { $0.spoken.rendered(zh) != $0.rawValue })
        #expect(Setting.core.allSatisfy { Phrasebook.chinese[$0.summary.key] != nil })
    }
}
