import Core
import Foundation
import Messaging
import Testing

@testable import Campaigns

@Suite("Segment and campaign forms (issue 14: one input for the CLI and the API)")
struct CampaignFormTests {
    static func segment(_ name: String?, _ filter: String?) -> SegmentForm {
        var form = SegmentForm()
        form.name = name
        form.filter = filter
        return form
    }

    @Test(
        "M-2: a segment without a name, or whose filter does not parse, is refused naming the form's field",
        arguments: [
            (segment(nil, "class = retained"), "name", "give the segment a name"),
            (segment("  ", "class = retained"), "name", "give the segment a name"),
            (segment("lapsed", nil), "filter", "the filter is empty"),
            (segment("lapsed", "class = retaind"), "filter", "class is one of potential"),
            (segment("lapsed", "mileage >"), "filter", "column"),
        ] as [(SegmentForm, String, String)])
    func segmentRefused(form: SegmentForm, field: String, reason: String) {
        #expect {
            try form.validated()
        } throws: { error in
            guard let problem = error as? InvalidInput else { return false }
            return problem.field == field && problem.reason.contains(reason)
        }
    }

    @Test("M-2: a segment's name is trimmed and its filter kept as written")
    func segmentRead() throws {
        let valid = try Self.segment(" lapsed-vw ", "class = retained and make = Volkswagen").validated()
        #expect(valid.name == "lapsed-vw" && valid.description == nil)
        #expect(valid.filter == "class = retained and make = Volkswagen")
    }

    static func campaign(_ change: (inout CampaignForm) -> Void) -> CampaignForm {
        var form = CampaignForm()
        form.name = "winter-check"
        form.segment = "lapsed-vw"
        form.channel = "sms"
        form.category = "marketing"
        form.template = "尊敬的{{name}}：冬季免费检测。{{dealer}}"
        change(&form)
        return form
    }

    @Test(
        "M-2, M-4: a campaign field that does not read is refused naming the form's field",
        arguments: [
            (campaign { $0.segment = nil }, "segment", "is required: the name of a saved segment"),
            (campaign { $0.segment = " " }, "segment", "is required"),
            (campaign { $0.channel = nil }, "channel", "is required: one of email, sms, letter"),
            (campaign { $0.channel = "fax" }, "channel", "expected one of email, sms, letter"),
            (campaign { $0.category = "spam" }, "category", "expected one of marketing"),
            (campaign { $0.template = nil }, "template", "is required"),
            (campaign { $0.responseWindowDays = 0 }, "responseWindowDays", "expected 1 to 365 days, got 0"),
            (campaign { $0.responseWindowDays = 366 }, "responseWindowDays", "expected 1 to 365 days"),
        ] as [(CampaignForm, String, String)])
    func campaignRefused(form: CampaignForm, field: String, reason: String) {
        #expect {
            try form.validated()
        } throws: { error in
            guard let problem = error as? InvalidInput else { return false }
            return problem.field == field && problem.reason.contains(reason)
        }
    }

    @Test("M-2: a campaign reads its channel and category in any case; the window is optional")
    func campaignRead() throws {
        let valid = try Self.campaign {
            $0.channel = "SMS "
            $0.category = "Recall"
            $0.responseWindowDays = 30
        }.validated()
        #expect(valid.channel == .sms && valid.category == .recall && valid.responseWindowDays == 30)
        #expect(try Self.campaign { _ in }.validated().responseWindowDays == nil)
    }
}
