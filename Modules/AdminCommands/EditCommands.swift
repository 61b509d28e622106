import ArgumentParser
import Campaigns
import Core
import Customers
import Foundation
import Messaging
import Storage
import Warranty

/// Corrections and retirements: what was entered wrong can be put right, audited with the old values.
extension SegmentCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Correct a segment's filter or description (audited with the old values)."),
            discussion: Help.text(
                "aftersales segment edit retained-vw --filter \"class = retained and make = Volkswagen and usage = "
                    + "private\"",
                permission: .manageCampaigns))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("The new filter."))) var filter: String?
        @Option(help: ArgumentHelp(say("The new description (empty clears it)."))) var description: String?

        func validate() throws {
            guard filter != nil || description != nil else {
                throw ValidationError(say("give --filter or --description"))
            }
        }

        func run() throws {
            let segment = try global.open().editSegment(
                name, filter: filter, description: description, actor: global.actorName)
            try global.output.emit(
                segment,
                table: .record([
                    ("segment", segment.name), ("filter", segment.filter), ("description", segment.description),
                ]))
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say(
                "Retire a segment: it stays with its history, no new campaign may use it, lists leave it out."),
            discussion: Help.text(
                "aftersales segment retire winter-2025 --reason \"活动结束\"", permission: .manageCampaigns))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("Why."))) var reason: String

        func run() throws {
            try global.open().retire(.segment, name, reason: reason, actor: global.actorName)
            global.output.note("segment \(name) retired")
        }
    }

    struct Members: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("The customers a segment holds now, a page at a time; --format csv to export them."),
            discussion: Help.text(
                "aftersales segment members retained-vw --format csv --limit 10000 > retained-vw.csv",
                permission: .readCustomers))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @OptionGroup var page: PageOptions

        func run() throws {
            let members = try global.open().segmentMembers(name, limit: page.limit, offset: page.offset)
            try global.output.emit(page: members, table: Present.summaries(members.items))
        }
    }
}

extension CampaignCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Correct a campaign that has not run yet (audited with the old values); one that has run is "
                        + "refused."
                ),
            discussion: Help.text(
                "aftersales campaign edit winter-check --template \"尊敬的{{name}}{{title}}：冬季免费检测，欢迎到店。{{dealer}}\"",
                permission: .manageCampaigns))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("Saved segment."))) var segment: String?
        @Option(help: ArgumentHelp(say("email, sms or letter."))) var channel: MessageChannel?
        @Option(help: ArgumentHelp(say("marketing, service or recall."))) var category: MessageCategory?
        @Option(help: ArgumentHelp(say("E-mail subject (may use fields)."))) var subject: String?
        @Option(help: ArgumentHelp(say("The message template (mustache)."))) var template: String?
        @Option(name: .customLong("template-file"), help: ArgumentHelp(say("Read the template from a UTF-8 file.")))
        var templateFile: String?
        @Option(
            name: .customLong("response-window"), help: ArgumentHelp(say("Days a response counts for the campaign.")))
        var responseWindow: Int?

        func validate() throws {
            guard template == nil || templateFile == nil else {
                throw ValidationError(say("give --template or --template-file, not both"))
            }
        }

        func run() throws {
            let text = try template ?? templateFile.map { try Parse.textFile($0, field: "template-file") }
            let campaign = try global.open().editCampaign(
                name,
                CampaignEdit(
                    segment: segment, channel: channel, category: category, subject: subject,
                    template: text, responseWindowDays: responseWindow),
                actor: global.actorName)
            try CampaignCommand.show(campaign, global: global)
        }
    }

    struct Retire: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Retire a campaign: its messages and report stay, it never runs again, lists leave it out."),
            discussion: Help.text(
                "aftersales campaign retire winter-check --reason \"活动结束\"", permission: .manageCampaigns))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Name."))) var name: String
        @Option(help: ArgumentHelp(say("Why."))) var reason: String

        func run() throws {
            try global.open().retire(.campaign, name, reason: reason, actor: global.actorName)
            global.output.note("campaign \(name) retired")
        }
    }
}

extension ContactCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: say("Correct a logged contact (audited with the old values)."),
            discussion: Help.text(
                "aftersales contact edit 311 --outcome booked --note \"周五上午首保\"", permission: .logContacts))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Contact id.")), transform: Typed.id) var id: Contact.ID
        @Option(help: ArgumentHelp(say("phone, sms, email, letter, visit or wechat."))) var channel: Contact.Channel?
        @Option(help: ArgumentHelp(say("outbound or inbound."))) var direction: Contact.Direction?
        @Option(help: ArgumentHelp(say("What came of it."))) var outcome: Contact.Outcome?
        @Option(help: ArgumentHelp(say("When it happened.")), transform: Typed.time) var at: WallTime?
        @Option(help: ArgumentHelp(say("What was said (empty clears it)."))) var note: String?

        func run() throws {
            let db = try global.open()
            let zone = try db.settings().timeZone
            let contact = try db.editContact(
                id, channel: channel, direction: direction, outcome: outcome,
                at: at?.instant(in: zone), note: note, actor: global.actorName)
            try global.output.emit(contact, table: Present.contacts([contact], zone: zone))
        }
    }
}

extension ClaimsCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                say(
                    "Correct a draft claim: lines priced and the decision frozen again as at creation (audited with "
                        + "the old values)."),
            discussion: Help.text(
                "aftersales claim edit 12 --mileage 15320 --part \"5Q0 611 701 C:2\"", permission: .actOnClaims,
                more: "Options given replace what the draft says; --labour and --part replace all labour or part lines."
            ))
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(say("Claim id.")), transform: Typed.rowID) var id: Int64
        @Option(help: ArgumentHelp(say("Kilometres at the repair."))) var mileage: Int?
        @Option(help: ArgumentHelp(say("The failure as found."))) var failure: String?
        @Option(help: ArgumentHelp(say("Its cause."))) var cause: String?
        @Option(help: ArgumentHelp(say("CODE or CODE:HOURS; repeatable; replaces the labour lines."))) var labour:
            [String] = []
        @Option(help: ArgumentHelp(say("NUMBER:QUANTITY[:PRICE]; repeatable; replaces the part lines."))) var part:
            [String] = []
        @Option(name: .customLong("repair-order"), help: ArgumentHelp(say("Repair order."))) var repairOrder: String?
        @Option(help: ArgumentHelp(say("Line of the repair order."))) var line: String?

        func run() throws {
            let db = try global.open()
            // The claim's rules name the claim form's fields, which `claim create`'s options name (issue 14).
            let record = try ClaimForm.Field.naming(CLIFields.claim) {
                let draft = try db.claimRecord(id).corrected(
                    mileage: mileage, failure: failure, cause: cause,
                    repairOrder: repairOrder, repairLine: line,
                    labour: labour.isEmpty ? nil : labour,
                    parts: part.isEmpty ? nil : part)
                return try db.editClaim(id, draft, actor: global.actorName)
            }
            try ClaimsCommand.show(record, global: global)
        }
    }
}
