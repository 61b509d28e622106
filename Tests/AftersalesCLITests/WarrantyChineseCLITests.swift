import Foundation
import TestSupport
import Testing

/// `aftersales warranty check … --lang zh`, `bulletin` and `claim` through the real binary: what a service advisor
/// reads in Chinese; rule IDs, codes, units and JSON keys stay as they are.
@Suite("aftersales warranty, bulletins, claims in Chinese (real binary)")
struct WarrantyChineseCLITests {
    @Test("W-8 --lang zh: the verdict, the vehicle, each reason with its rule, the open recall")
    func check() throws {
        let cli = try WarrantyCLITests().dealer()
        let over = try cli.run("warranty", "check", "LFV2A21K3N3000123", "--mileage", "61200", "--lang", "zh").stdout
        let lines = over.split(separator: "\n").map(String.init)
        #expect(lines.first == "不在保 — 包修期里程：61,200 km（上限 60,000 km），超出 1,200 km")
        #expect(lines.dropFirst().first == "LFV2A21K3N3000123 Volkswagen Sagitar，王芳；2026年11月23日，61,200 km（输入值）")
        #expect(over.contains("L-2   条款为 24 个月；适用不少于 36 个月的法定包修期"))
        #expect(over.contains("三包有效期（用于换车或退车，不是包修期）24 个月或 50,000 km：已过期或已超里程"))
        #expect(over.contains("包修期时间：已用 30 个月（共 36 个月），剩余 6 个月（至 2027年5月10日）"))
        #expect(over.contains("规则") && over.contains("决定性"))
        #expect(over.contains("未完成的召回和服务活动（W-6）") && over.contains("召回") && over.contains("未完成"))
        #expect(!over.contains("COVERED") && !over.contains("months") && !over.contains("repair period"))

        let covered = try cli.run("warranty", "check", "LFV2A21K3N3000123", "--mileage", "30000", "--lang", "zh").stdout
        #expect(covered.hasPrefix("在保 — 整车保修\n"))
        #expect(covered.contains("包修期里程：30,000 km（上限 60,000 km），剩余 30,000 km"))

        // JSON: the reasons' text in Chinese, keys and values that are an interface in English.
        let json = try cli.json("warranty", "check", "LFV2A21K3N3000123", "--mileage", "30000", "--lang", "zh")
        let decision = (json as! [String: Any])["decision"] as! [String: Any]
        #expect(decision["coveredBy"] as? String == "vehicle warranty" && decision["summary"] as? String == "在保：整车保修")
        let reasons = decision["reasons"] as! [[String: Any]]
        #expect(
            reasons.contains { $0["unit"] as? String == "km" && ($0["text"] as? String)?.hasPrefix("包修期里程") == true })
    }

    @Test("W-6, W-7 --lang zh: a bulletin's kind and state, a claim's frozen decision and a refused transition")
    func bulletinsAndClaims() throws {
        let cli = try WarrantyCLITests().dealer()
        let list = try cli.run("bulletins", "list", "--lang", "zh").stdout
        #expect(list.contains("召回") && list.contains("有效"))
        let show = try cli.run("bulletins", "show", "RC-2026-017", "--lang", "zh").stdout
        #expect(show.contains("1 辆适用，0 辆可能适用（生产日期或年款未知）"))
        try cli.run(
            "claims", "create", "LFV2A21K3N3000123", "--mileage", "30000", "--failure", "前制动异响", "--cause", "磨损",
            "--labour", "47 11 19 00:1.2")
        // Created in English, read in Chinese: the frozen decision speaks the reader's language.
        let claim = try cli.run("claims", "show", "1", "--lang", "zh").stdout
        #expect(claim.contains("在保：整车保修") && claim.contains("草稿"))
        #expect(claim.contains("工时 47 11 19 00 × 1.2") && claim.contains("不在目录中；按所填工时"))
        let refused = try cli.run("claims", "pay", "1", "--lang", "zh", expect: 1).stderr
        #expect(refused.contains("草稿的索赔单不能支付（W-7）；可执行：submit, cancel"))
        try cli.run("claims", "submit", "1")
        try cli.run("claims", "approve", "1", "--ref", "FAW-8830")
        let approved = try cli.run("claims", "show", "1", "--lang", "zh").stdout
        #expect(approved.contains("批准 → 已批准（测试员）（厂家编号 FAW-8830）"))
    }
}
