import Core
import Customers
import Foundation
import Testing

@testable import Warranty

/// The W-8 answer in Chinese: what a service advisor reads to the customer. Each period says which it is (保修期,
/// 包修期, 三包有效期); rule IDs, codes and units stay as they are.
@Suite("W-8 in Chinese: the warranty answer and its reasons")
struct WarrantyChineseTests {
    static let zh = Speech(.zh)

    static func decide(on: String, km: Int?, usage: Usage = .private) -> WarrantyDecision {
        WarrantyPolicy.decide(EligibilityTests.input(usage: usage, on: on, km: km))
    }

    @Test("W-8, L-2: covered — the term, the legal repair period (包修期) and the 三包 period, with the last day")
    func covered() {
        let decision = Self.decide(on: "2025-01-10", km: 20_000)
        #expect(decision.covered && decision.warrantyEnds == LocalDate("2027-05-10"))
        #expect(decision.summaryPhrase.rendered(Self.zh) == "在保：整车保修")
        #expect(
            decision.reasons.map { "\($0.rule) \($0.phrase.rendered(Self.zh))" } == [
                "W-1 保修条款：所有品牌，家用，24 个月或 60,000 km，以先到者为准，自 2024年5月10日 交车起算"
                    + "（2000年1月1日 起生效，来源：W-1 默认条款）",
                "L-2 条款为 24 个月；适用不少于 36 个月的法定包修期",
                "L-2 包修期时间：已用 8 个月（共 36 个月），剩余 28 个月（至 2027年5月10日）",
                "L-2 包修期里程：20,000 km（上限 60,000 km），剩余 40,000 km",
                "L-2 三包有效期（用于换车或退车，不是包修期）24 个月或 50,000 km：在期内（至 2026年5月10日）",
            ])
        // The same decision still reads in English, and the English is the key.
        #expect(decision.summaryPhrase.rendered(Speech(.en)) == "covered by vehicle warranty")
    }

    @Test("W-8: not covered — the decisive reason first, over by how much; a taxi's term is the 保修期")
    func notCovered() {
        let over = Self.decide(on: "2025-07-15", km: 61_200)
        #expect(!over.covered)
        #expect(over.summaryPhrase.rendered(Self.zh) == "不在保：包修期里程：61,200 km（上限 60,000 km），超出 1,200 km")
        let taxi = Self.decide(on: "2025-05-11", km: 50_000, usage: .taxi)
        #expect(
            taxi.reasons.filter { $0.unit != nil }.map { $0.phrase.rendered(Self.zh) } == [
                "保修期时间：已用 12 个月（共 12 个月）；2025年5月10日 到期，已过 1 天",
                "保修期里程：50,000 km（上限 100,000 km），剩余 50,000 km",
            ])
        #expect(taxi.summaryPhrase.rendered(Self.zh).hasPrefix("不在保：保修期时间："))
        // ISO dates when the dealer chose them.
        #expect(
            over.reasons.first { $0.unit == "months" }?.phrase.rendered(Speech(.zh, dateStyle: .iso))
                == "包修期时间：已用 14 个月（共 36 个月），剩余 22 个月（至 2027-05-10）")
    }

    @Test("W-4, W-6, W-7: an exclusion, a recall's cover and a refused claim transition in Chinese")
    func exclusionsBulletinsClaims() throws {
        let fact = ExclusionFact(
            kind: .accident, component: "车身", recordedOn: LocalDate("2025-03-01")!, source: "交警认定书 2026-118")
        let excluded = WarrantyPolicy.decide(
            EligibilityTests.input(on: "2025-04-01", km: 20_000, component: "车身", exclusions: [fact]))
        #expect(!excluded.covered)
        #expect(
            excluded.reasons.first { $0.kind == .exclusion }?.phrase.rendered(Self.zh)
                == "除外责任：交通事故损坏（仅限车身），2025年3月1日 记录，依据 交警认定书 2026-118")
        let recall = BulletinCover.decide(
            BulletinCover.Facts(
                number: "RC-2026-017", kind: .recall, title: "前制动软管可能磨损", status: .active, match: .applies,
                completedOn: nil), vin: EligibilityTests.vin)
        #expect(recall.cover?.rendered(Self.zh) == "召回 RC-2026-017" && recall.coveredBy == "recall RC-2026-017")
        #expect(recall.summaryPhrase.rendered(Self.zh) == "由召回 RC-2026-017 覆盖（前制动软管可能磨损）")
        do {
            _ = try ClaimAction.pay.apply(to: .submitted)
            Issue.record("a submitted claim was paid")
        } catch let error as Conflict {
            #expect(error.phrase.rendered(Self.zh) == "已提交的索赔单不能支付（W-7）；可执行：approve, reject")
        }
    }

    @Test("W-7: a frozen decision keeps its phrases, so a claim read later speaks the reader's language")
    func frozenDecision() throws {
        let decision = Self.decide(on: "2025-01-10", km: 20_000)
        let encoder = JSONFormat.encoder(pretty: false)
        encoder.userInfo[.storesPhrases] = true
        let stored = try encoder.encode(decision)
        // What is stored reads in English, whoever froze it.
        let plain = try JSONSerialization.jsonObject(with: stored) as! [String: Any]
        #expect(plain["summary"] as? String == "covered by vehicle warranty")
        let thawed = try JSONDecoder().decode(WarrantyDecision.self, from: stored)
        #expect(thawed == decision)
        #expect(
            thawed.reasons.map { $0.phrase.rendered(Self.zh) } == decision.reasons.map { $0.phrase.rendered(Self.zh) })
        // A decision stored before phrases were kept still reads, as it was written.
        let old =
            #"{"covered":true,"coveredBy":"vehicle warranty","summary":"covered by vehicle warranty","#
            + #""reasons":[{"rule":"W-1","kind":"limit","decisive":false,"text":"months: 1 of 24 used"}]}"#
        let legacy = try JSONDecoder().decode(WarrantyDecision.self, from: Data(old.utf8))
        #expect(legacy.summaryPhrase.rendered(Self.zh) == "covered by vehicle warranty")
        #expect(legacy.reasons.first?.text == "months: 1 of 24 used")
    }

    @Test("W-8 in JSON: a reason's text and the summary follow the language; keys and coveredBy stay English")
    func json() throws {
        let decision = Self.decide(on: "2025-07-15", km: 61_200)
        let data = try Speech.$current.withValue(Self.zh) { try JSONFormat.encoder().encode(decision) }
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        #expect(object["summary"] as? String == "不在保：包修期里程：61,200 km（上限 60,000 km），超出 1,200 km")
        let reasons = object["reasons"] as! [[String: Any]]
        #expect(reasons.contains { $0["kind"] as? String == "limit" && $0["unit"] as? String == "km" })
        #expect(reasons.contains { ($0["text"] as? String)?.hasPrefix("包修期里程") == true })
        let covered = Self.decide(on: "2025-01-10", km: 20_000)
        let coveredData = try Speech.$current.withValue(Self.zh) { try JSONFormat.encoder().encode(covered) }
        let coveredObject = try JSONSerialization.jsonObject(with: coveredData) as! [String: Any]
        #expect(coveredObject["coveredBy"] as? String == "vehicle warranty")
    }

    @Test("W-6: bulletin kinds, states and a possible match are said in Chinese")
    func bulletinWords() {
        #expect(Bulletin.Kind.allCases.map { $0.spoken.rendered(Self.zh) } == ["召回", "服务活动", "技术服务通报", "延保"])
        #expect(ClaimStatus.allCases.map { $0.spoken.rendered(Self.zh) } == ["草稿", "已提交", "已批准", "被拒绝", "已支付", "已撤回"])
        // A service campaign (服务活动) is not a marketing campaign (营销活动); both are `campaign` in English.
        #expect(
            Bulletin.Kind.allCases.map { $0.spoken.rendered(Speech(.en)) } == [
                "recall", "campaign", "tsb", "extension",
            ])
        let why = Bulletin.buildDateUnknown([(LocalDate("2022-03-01"), LocalDate("2023-06-30"))])
        #expect(
            Bulletin.spokenMatch("possible: \(why)").rendered(Self.zh)
                == "可能适用：生产日期限 2022-03-01–2023-06-30，但车辆生产日期未知")
        #expect(Bulletin.spokenMatch("possible: \(why)").rendered(Speech(.en)) == "possible: \(why)")
    }
}
