import Foundation
import Testing
import Core
import Messaging
@testable import Campaigns

@Suite("Segment and campaign forms (issue 14: one input for the CLI and the API)")
struct CampaignFormTests {
    static func segment(_ name: String?, _ filter: String?) -> SegmentForm {
        var form = SegmentForm()
        form.name = name
        form.filter = filter
        return form
    }

    @Test("M-2: a segment without a name, or whose filter does not parse, is refused naming the form's field",
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
}
