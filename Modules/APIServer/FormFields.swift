import Campaigns
import Complaints
import Core
import Messaging
import Warranty

/// Each shared form's fields as the API's caller writes them (issue 14): the JSON key, or the path parameter that
/// carries the value. One table per form: a route runs its form through `Field.naming(APIFields.form)`, so a
/// problem's `field` is what the client sent.
enum APIFields {
    /// POST /v1/complaints: the body is the form, so each field's JSON key is its own name.
    static func complaint(_ field: ComplaintForm.Field) -> String { field.rawValue }

    /// POST /v1/campaigns: the body is the form.
    static func campaign(_ field: CampaignForm.Field) -> String { field.rawValue }

    /// POST /v1/claims: the body is the form (and PATCH /v1/claims/{id}, whose corrections use its keys).
    static func claim(_ field: ClaimForm.Field) -> String { field.rawValue }

    /// PUT /v1/customers/{id}/consent/{channel}: the customer and the channel are the path's, the rest the body's.
    static func consent(_ field: ConsentForm.Field) -> String {
        switch field {
        case .customer: "id"
        case .channel: "channel"
        case .status, .source, .at: field.rawValue
        }
    }

    /// POST /v1/segments: the body is the form.
    static func segment(_ field: SegmentForm.Field) -> String { field.rawValue }
}
