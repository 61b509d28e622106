import Campaigns
import Catalog
import Complaints
import Core
import Customers
import Foundation
import Messaging
import Storage
import Testing
import Warranty

@Suite("The settings catalogue, assembled from the modules' own declarations")
struct SettingCatalogueTests {
    @Test("Every module's settings are listed once, each with a rule ID and a default its own parser accepts")
    func catalogue() {
        let keys = Setting.catalogue.map(\.rawValue)
        #expect(Set(keys).count == keys.count)
        for list in [
            Setting.core, Setting.customerBase, Setting.warranty, Setting.catalog, Setting.complaints,
            Setting.messaging, Setting.campaigns,
        ] {
            #expect(Set(list).isSubset(of: Set(Setting.catalogue)))
        }
        for setting in Setting.catalogue {
            #expect(
                setting.rule == "design" || setting.rule.range(of: #"^[A-Z]-\d+$"#, options: .regularExpression) != nil,
                "\(setting.rawValue): \(setting.rule)")
            #expect((try? setting.validate(setting.defaultValue)) == setting.defaultValue, "\(setting.rawValue)")
            #expect(Setting.named(setting.rawValue) == setting)
        }
        #expect(Setting.named("no.such.setting") == nil)
    }

    @Test("C-7, K-4, M-3: the modules' defaults are DOMAIN.md's")
    func defaults() {
        let settings = DealerSettings()
        #expect(settings.integer(.firstCallDays) == 7)  // C-7
        #expect(settings.integer(.thankYouLetterDays) == 3)  // C-7
        #expect(settings.integer(.monthlyCalls) == 12)  // C-7
        #expect(settings.integer(.complaintFirstContactHours) == 1)  // K-4
        #expect(settings.integer(.smsCap) == 2)  // M-3
    }

    @Test("L-2: a legal minimum may only be made more generous")
    func legalMinimum() {
        #expect(throws: InvalidInput.self) { try Setting.legalRepairMonths.validate("35") }
        #expect((try? Setting.legalRepairMonths.validate("48")) == "48")
    }

    @Test("Setting a key through the database: unknown keys name `settings show`; bad values name the key")
    func setThroughDatabase() throws {
        let database = try AppDatabase.inMemory()
        #expect(try database.setSetting("messaging.sms-cap", to: " 3 ", actor: "t").integer(.smsCap) == 3)
        #expect { try database.setSetting("messaging.sms-caps", to: "3", actor: "t") } throws: {
            String(describing: $0).contains("settings show")
        }
        #expect { try database.setSetting("messaging.sms-cap", to: "many", actor: "t") } throws: {
            ($0 as? Conflict)?.field == "messaging.sms-cap"
        }
    }
}
