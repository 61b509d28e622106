import Campaigns
import Complaints
import Core
import Messaging
import Warranty

/// Each shared form's fields as the CLI's caller writes them (issue 14): the option (`--received-at`) or the
/// argument (`<name>`). One table per form: a command runs its form through `Field.naming(CLIFields.form)`, so a
/// problem names what the user typed, and a new field does not compile until it has its name here.
enum CLIFields {
    /// `complaint add`.
    static func complaint(_ field: ComplaintForm.Field) -> String {
        switch field {
        case .customer: "--customer"
        case .vin: "--vin"
        case .workOrder: "--work-order"
        case .channel: "--channel"
        case .receivedAt: "--received-at"
        case .receivedBy: "--received-by"
        case .owner: "--owner"
        case .description: "--description"
        case .category: "--category"
        case .wishes: "--wish"
        case .grievance: "--grievance"
        case .crisisReason: "--crisis"
        }
    }

    /// `campaign create`, whose template comes from `--template` or `--template-file`.
    static func campaign(templateFile: Bool) -> (CampaignForm.Field) -> String {
        { field in
            switch field {
            case .name: "<name>"
            case .segment: "--segment"
            case .channel: "--channel"
            case .category: "--category"
            case .subject: "--subject"
            case .template: templateFile ? "--template-file" : "--template"
            case .responseWindowDays: "--response-window"
            }
        }
    }

    /// `claim create` (and the corrections of `claim edit`, which take the same options).
    static func claim(_ field: ClaimForm.Field) -> String {
        switch field {
        case .vin: "<vin>"
        case .mileage: "--mileage"
        case .failure: "--failure"
        case .cause: "--cause"
        case .repairOrder: "--repair-order"
        case .repairLine: "--line"
        case .labour: "--labour"
        case .parts: "--part"
        case .component: "--component"
        case .fittedPart: "--fitted-part"
        case .bulletin: "--bulletin"
        }
    }

    /// `consent set`.
    static func consent(_ field: ConsentForm.Field) -> String {
        switch field {
        case .customer: "<customer>"
        case .channel: "--channel"
        case .status: "--status"
        case .source: "--source"
        case .at: "--at"
        }
    }

    /// `segment create`.
    static func segment(_ field: SegmentForm.Field) -> String {
        switch field {
        case .name: "<name>"
        case .filter: "--filter"
        case .description: "--description"
        }
    }
}
