import Core
import Customers
import Foundation
import Storage
import Warranty

/// How records look in table and CSV output. JSON output is the records themselves.
enum Present {
    /// A section heading of a card: a blank line, the heading in the language of the moment, a line break.
    static func heading(_ title: Phrase) -> String { "\n" + say(title) + "\n" }

    static func summaries(_ items: [CustomerSummary]) -> TextTable {
        TextTable(
            columns: ["id", "name", "class", "grade", "phones", "owner", "vehicles"],
            rows: items.map {
                [
                    $0.id.description, $0.name, $0.customerClass.spoken.rendered(), $0.grade?.rawValue ?? "",
                    $0.phones.joined(separator: ";"),
                    $0.owner ?? "", $0.vehicles.joined(separator: ";"),
                ]
            })
    }

    static func customer(_ card: CustomerCard, zone: TimeZone) -> TextTable {
        let c = card.customer
        return .record([
            ("id", c.id?.description), ("name", c.name), ("kind", c.kind.spoken.rendered()),
            ("class", c.customerClass.spoken.rendered()), ("grade", c.grade?.explained), ("source", c.source),
            ("gender", c.gender?.spoken.rendered()), ("birth date", c.birthDate?.description),
            ("phones", card.phones.map { $0.phone + ($0.shared ? say(" (shared)") : "") }.joined(separator: "; ")),
            ("email", c.email), ("region", c.region), ("address", c.address), ("occupation", c.occupation),
            ("owner", c.owner),
            ("external ref", c.externalRef), ("note", c.note),
            ("created", Instant.localString(c.createdAt, in: zone)),
            ("updated", Instant.localString(c.updatedAt, in: zone)),
        ])
    }

    /// The card for people: the record, then vehicles, open tasks, recent contacts and class history.
    static func cardSections(_ card: CustomerCard, zone: TimeZone) -> String {
        var out = [customer(card, zone: zone).rendered()]
        if !card.openComplaints.isEmpty {
            out.append(
                heading("OPEN COMPLAINTS (K-1), a crisis first")
                    + TextTable(
                        columns: ["complaint", "received", "category", "state", "owner", "what"],
                        rows: card.openComplaints.map {
                            [
                                ($0.crisis ? say("CRISIS") + " " : "") + String($0.id),
                                Instant.localString($0.receivedAt, in: zone), say(Phrase(key: $0.category)),
                                say(Phrase(key: $0.state)), $0.owner,
                                TextTable.shortened($0.description, to: 40),
                            ]
                        }
                    ).rendered())
        }
        if !card.openBulletins.isEmpty {
            out.append(heading("OPEN RECALLS AND CAMPAIGNS (W-6)") + vehicleBulletins(card.openBulletins).rendered())
        }
        if !card.vehicles.isEmpty {
            out.append(heading("Vehicles") + vehicles(card.vehicles, zone: zone).rendered())
            out.append(
                heading("Warranty today and latest mileage (W-8)")
                    + TextTable(
                        columns: ["vin", "plate", "latest km", "read", "warranty", "until"],
                        rows: card.vehicleStatus.map {
                            [
                                $0.vin.value, $0.plate ?? "", $0.latestKilometres.map(Grouping.thousands) ?? "",
                                $0.latestReadingAt.map { Instant.localString($0, in: zone) } ?? "",
                                TextTable.shortened($0.warranty, to: 48),
                                $0.warrantyLastDay?.description ?? "",
                            ]
                        }
                    ).rendered())
        }
        if let history = serviceHistory(card.serviceHistory) { out.append(history) }
        if !card.openTasks.isEmpty {
            out.append(
                heading("Open care-plan tasks (C-7)")
                    + TextTable(
                        columns: ["task", "what", "due"],
                        rows: card.openTasks.map {
                            [$0.id?.description ?? "", say($0.spokenTitle), $0.dueOn.description]
                        }
                    ).rendered())
        }
        if !card.recentContacts.isEmpty {
            out.append(heading("Recent contacts (C-8)") + contacts(card.recentContacts, zone: zone).rendered())
        }
        out.append(
            heading("Class history (C-5)")
                + TextTable(
                    columns: ["at", "from", "to", "by", "reason"],
                    rows: card.classHistory.map {
                        [
                            Instant.localString($0.at, in: zone),
                            say($0.from?.spoken ?? "(created)")
                                + ($0.grade.map { say(" (grade \($0.spoken))") } ?? ""),
                            say($0.to.spoken), $0.actor, say(Phrase(key: $0.reason)),
                        ]
                    }
                ).rendered())
        return out.joined(separator: "\n")
    }

    static func vehicles(_ vehicles: [Vehicle], zone: TimeZone) -> TextTable {
        TextTable(
            columns: ["vin", "plate", "make", "model", "year", "usage", "delivered"],
            rows: vehicles.map {
                [
                    $0.vin.value, $0.plate ?? "", $0.make, $0.model, $0.modelYear.map(String.init) ?? "",
                    say($0.usage.spoken),
                    $0.deliveredAt.map { Instant.localString($0, in: zone) } ?? "",
                ]
            })
    }

    static func vehicle(_ card: VehicleCard, zone: TimeZone) -> TextTable {
        let v = card.vehicle
        return .record([
            ("vin", v.vin.value), ("customer", "\(v.customerID) \(card.ownerName)"), ("plate", v.plate),
            ("make", v.make), ("model", v.model),
            ("model year", v.modelYear.map(String.init)), ("build date", v.buildDate?.description),
            ("usage now", say(v.usage.spoken)), ("usage at delivery (W-2)", say(card.deliveryUsage.spoken)),
            ("invoice date", v.invoiceDate?.description),
            ("delivered", v.deliveredAt.map { Instant.localString($0, in: zone) }),
            ("latest mileage", card.latestKilometres.map { Grouping.thousands($0) + " km" }),
            ("warning", card.checkDigitWarning),
        ])
    }

    static func vehicleSections(_ card: VehicleCard, zone: TimeZone) -> String {
        var out = [vehicle(card, zone: zone).rendered()]
        if !card.openBulletins.isEmpty {
            out.append(heading("OPEN RECALLS AND CAMPAIGNS (W-6)") + vehicleBulletins(card.openBulletins).rendered())
        }
        out.append(
            heading("Usage history")
                + TextTable(
                    columns: ["effective", "usage", "recorded by", "reason"],
                    rows: card.usageHistory.map {
                        [
                            $0.effective.description, say($0.usage.spoken), $0.actor,
                            $0.reason.map { say(Phrase(key: $0)) } ?? "",
                        ]
                    }
                ).rendered())
        if let history = serviceHistory(card.serviceHistory.map { [$0] } ?? []) { out.append(history) }
        if !card.mileage.isEmpty {
            out.append(
                heading("Mileage readings")
                    + TextTable(
                        columns: ["read", "km", "source", "odometer replaced"],
                        rows: card.mileage.map {
                            [
                                Instant.localString($0.readAt, in: zone), Grouping.thousands($0.kilometres), $0.source,
                                $0.odometerReplaced ? say("yes") : "",
                            ]
                        }
                    ).rendered())
        }
        return out.joined(separator: "\n")
    }

    static func contacts(_ contacts: [Contact], zone: TimeZone) -> TextTable {
        TextTable(
            columns: ["id", "at", "channel", "direction", "staff", "outcome", "note"],
            rows: contacts.map {
                [
                    $0.id?.description ?? "", Instant.localString($0.at, in: zone), say($0.channel.spoken),
                    say($0.direction.spoken), $0.staff,
                    say($0.outcome.spoken), $0.note ?? "",
                ]
            })
    }

    static func tasks(_ tasks: [CareTask]) -> TextTable {
        TextTable(
            columns: ["task", "what", "rule", "due", "assignee"],
            rows: tasks.map {
                [$0.id?.description ?? "", say($0.spokenTitle), $0.rule, $0.dueOn.description, assignee($0.assignee)]
            })
    }

    /// A task's assignee for people: a staff member's name, or a role's queue (`role: sales-consultant`, C-7) with
    /// the role said in the language of the moment.
    static func assignee(_ assignee: String?) -> String {
        guard let assignee else { return "" }
        guard assignee.hasPrefix("role: "), let role = Role(rawValue: String(assignee.dropFirst("role: ".count)))
        else { return assignee }
        return say("role: \(role.spoken)")
    }

    static func vehicleBulletins(_ items: [VehicleBulletin]) -> TextTable {
        TextTable(
            columns: ["vin", "number", "kind", "rev", "component", "title", "match", "state"],
            rows: items.map {
                [
                    $0.vin.value, $0.number, $0.kind.spoken.rendered(), String($0.revision), $0.component, $0.title,
                    Bulletin.spokenMatch($0.match).rendered(),
                    bulletinState($0).rendered(),
                ]
            })
    }

    /// A bulletin's state on a vehicle: open work, done on a day, or a bulletin that applies (W-6).
    static func bulletinState(_ bulletin: VehicleBulletin) -> Phrase {
        if bulletin.open { return "OPEN" }
        if let day = bulletin.completedOn { return "done \(day)" }
        return "applicable"
    }

    static func reasons(_ decision: WarrantyDecision) -> TextTable {
        TextTable(
            columns: ["rule", "reason", "decisive"],
            rows: decision.reasons.map { [$0.rule, $0.text, $0.decisive ? say("yes") : ""] })
    }

    /// The answer for a service advisor: the verdict first, then each reason with its rule.
    static func warrantyCheck(_ check: WarrantyCheck) -> String {
        let decision = check.decision
        let verdict: Phrase =
            decision.covered
            ? "COVERED — by \(decision.cover ?? Phrase(verbatim: ""))"
            : "NOT COVERED — \(decision.reasons.first { $0.decisive }?.phrase ?? decision.summaryPhrase)"
        let vehicle: Phrase =
            check.mileage.map {
                "\(check.vin) \(check.make) \(check.model), \(check.customer); on \(check.on) at \(grouped: $0) km "
                    + "(\(check.mileageFrom))"
            } ?? "\(check.vin) \(check.make) \(check.model), \(check.customer); on \(check.on), mileage unknown"
        var out = [verdict.rendered(), vehicle.rendered(), "", reasons(decision).rendered()]
        if !check.openBulletins.isEmpty {
            out += ["", say("OPEN RECALLS AND CAMPAIGNS (W-6)"), vehicleBulletins(check.openBulletins).rendered()]
        }
        if !check.otherBulletins.isEmpty {
            out += ["", say("Other bulletins that apply"), vehicleBulletins(check.otherBulletins).rendered()]
        }
        return out.joined(separator: "\n")
    }
}
