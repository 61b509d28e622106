import Appointments
import Core
import Storage

/// The workshop's capacity as tables (`capacity show`, `capacity set …`): one row per opening day, bay, technician,
/// leave, advisor, operation skill and, for a day, per person working it; codes said in the reader's language.
enum CapacityPresenter {
    static let columns = ["capacity", "name", "kind or skills", "working hours", "note"]

    static func table(_ listing: CapacityListing) -> TextTable {
        var rows = listing.openingHours.weekly.map {
            [
                say("opening hours"), say($0.weekday.spoken), "", say(Phrase(key: $0.hours)),
                $0.isDefault ? say("default") : "",
            ]
        }
        rows += listing.openingHours.days.map {
            [say("opening hours"), $0.day.description, "", say(Phrase(key: $0.hours)), $0.name ?? ""]
        }
        rows += bayRows(listing.bays) + technicianRows(listing.technicians)
        rows += advisorRows(listing.advisors, setting: listing.arrivalsPerAdvisor) + operationRows(listing.operations)
        if let day = listing.day {
            let date = say("\(day.day)")
            rows.append([date, say("the store"), "", day.storeHours ?? say("closed"), ""])
            rows += day.technicians.map { [date, $0.name, say("technician"), $0.hours ?? say("not working"), ""] }
            rows += day.advisors.map { [date, $0.name, say("service advisor"), $0.hours ?? say("not working"), ""] }
        }
        return TextTable(columns: columns, rows: rows)
    }

    static func table(bays: [Bay]) -> TextTable { TextTable(columns: columns, rows: bayRows(bays)) }

    static func table(technicians: [TechnicianEntry]) -> TextTable {
        TextTable(columns: columns, rows: technicianRows(technicians))
    }

    static func table(leave: LeaveEntry) -> TextTable {
        TextTable(columns: columns, rows: [leaveRow(leave)])
    }

    static func table(advisors: [AdvisorEntry], setting: Int) -> TextTable {
        TextTable(columns: columns, rows: advisorRows(advisors, setting: setting))
    }

    static func table(operations: [OperationSkillEntry]) -> TextTable {
        TextTable(columns: columns, rows: operationRows(operations))
    }

    static func bayRows(_ bays: [Bay]) -> [[String]] {
        bays.map { [say("bay"), $0.code, say($0.kind.spoken), "", $0.active ? "" : say("out of use")] }
    }

    static func technicianRows(_ technicians: [TechnicianEntry]) -> [[String]] {
        technicians.flatMap { technician in
            let skills = technician.skills.map { say($0.spoken) }.joined(separator: listSeparator)
            let row = [
                say("technician"), technician.name, skills, shiftText(technician.shifts),
                technician.active ? "" : say("off the plan"),
            ]
            return [row] + technician.leave.map(leaveRow)
        }
    }

    static func leaveRow(_ leave: LeaveEntry) -> [String] {
        [
            say("leave \(String(leave.id))"), leave.technician, leave.reason ?? "", say("\(leave.from) to \(leave.to)"),
            "",
        ]
    }

    static func advisorRows(_ advisors: [AdvisorEntry], setting: Int) -> [[String]] {
        advisors.map { advisor in
            let arrivals: Phrase =
                advisor.arrivalsPerQuarterHour.map { (count: Int) -> Phrase in "\(count) arrivals per 15 minutes" }
                ?? "\(setting) arrivals per 15 minutes (setting)"
            return [
                say("service advisor"), advisor.name, say(arrivals),
                advisor.shifts.isEmpty ? say("the store's hours") : shiftText(advisor.shifts),
                advisor.active ? "" : say("off reception"),
            ]
        }
    }

    static func operationRows(_ operations: [OperationSkillEntry]) -> [[String]] {
        operations.map { [say("labour operation"), $0.operation, say($0.skill.spoken), "", $0.description ?? ""] }
    }

    /// Shifts by weekday name as one line, weekdays in a row with the same hours run together: `monday to friday
    /// 08:30-17:30, saturday 09:00-15:00`.
    static func shiftText(_ shifts: [String: String]) -> String {
        var runs: [(first: Weekday, last: Weekday, hours: String)] = []
        for day in Weekday.allCases {
            guard let hours = shifts[day.description] else { continue }
            if let last = runs.last, last.hours == hours, last.last.rawValue + 1 == day.rawValue {
                runs[runs.count - 1].last = day
            } else {
                runs.append((day, day, hours))
            }
        }
        guard !runs.isEmpty else { return say("no shifts") }
        return runs.map { run in
            let days = run.first == run.last ? say(run.first.spoken) : say("\(run.first.spoken) to \(run.last.spoken)")
            return days + " " + run.hours
        }
        .joined(separator: listSeparator)
    }

    static var listSeparator: String { Speech.current.language == .zh ? "，" : ", " }
}
